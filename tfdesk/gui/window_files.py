"""The main window's files: experiments, checkpoints, graphs, TensorBoard's folder, the
recent list and the settings they are remembered in. A mixin of MainWindow
(gui/main_window.py); reading and writing happen on the worker thread, these only ask."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from ..core.errors import TfdeskError
from ..core.spec import Experiment, default_experiment
from .words import error_text

log = logging.getLogger("tfdesk")
MAX_RECENT = 8


class WindowFiles:
    def _usable_data_file(self, path: str) -> bool:
        """A quick look before the file is taken: a picture or a document is refused now,
        not at Start (reading the whole file waits for Start, on the worker thread)."""
        from ..core.data_files import infer_format
        from ..core.read_limits import check_regular

        try:
            check_regular(Path(path), folder_ok=True)
            infer_format(Path(path))
        except TfdeskError as e:
            self._failed(error_text(e))
            return False
        return True

    def new_experiment(self) -> None:
        self._show_experiment(default_experiment())

    def open_experiment(self, path: str | None = None) -> None:
        path = path or self._ask_open_path(self.tr("Open experiment"), self.tr("Experiment (*.json)"))
        if path:
            try:
                self._show_experiment(Experiment.load(path))
            except TfdeskError as e:
                self._failed(error_text(e))
                return
            self._remember_recent(path)

    def save_experiment(self) -> None:
        path = self._ask_save_path(self.tr("Save experiment"), "experiment.json", self.tr("Experiment (*.json)"))
        if path:
            try:
                self.current_experiment().validate().save(path)
            except (TfdeskError, OSError) as e:
                self._failed(error_text(e))
                return
            self._remember_recent(path)
            self.statusBar().showMessage(self.tr("Saved the experiment in {0}").format(path), 5000)

    def choose_logdir(self, folder: str | None = None) -> None:
        """Ticked: ask for a folder (or take `folder`); unticked: no more logs."""
        if self.tensorboard_action.isChecked():
            folder = folder or self._ask_folder(self.tr("Write TensorBoard logs into a folder"))
            if not folder:
                self.tensorboard_action.setChecked(False)
        else:
            folder = None
        self.worker.logdir = folder or None
        self.settings.setValue("logdir", folder or "")
        if folder:
            self.statusBar().showMessage(self.tr("Each run writes TensorBoard logs into {0}").format(folder), 8000)

    def save_checkpoint(self) -> None:
        folder = self._ask_folder(self.tr(
            "Save the checkpoint into a folder: a new one (Create Folder) or an earlier checkpoint"))
        if folder:
            self.worker.request_save(folder)

    def restore_weights(self, folder: str | None = None) -> None:
        folder = folder or self._ask_folder(self.tr("Restore weights from a checkpoint folder"))
        if folder and not self._training:
            self._leave_graph()
            self.worker.request_restore(folder, self.current_experiment(), self.devices.server.server())

    def open_graph(self) -> None:
        path = self._ask_open_path(self.tr("Open a graph"),
                                   self.tr("Graph (*.meta);;All files (*)"))
        if path and not self._training:
            self.worker.request_open_graph(path)

    def _saved(self, folder: str) -> None:
        log.info("saved a checkpoint in %s", folder)
        self._remember_recent(folder)
        self.settings.setValue("checkpointFolder", folder)
        self.statusBar().showMessage(self.tr("Saved the checkpoint in {0}").format(folder), 8000)

    def _restored(self, folder: str, exp: Experiment) -> None:
        self._show_experiment(exp)
        self._new_run = True
        self._trained = True
        self.draw.set_untrained(False)
        self._remember_recent(folder)
        self.settings.setValue("checkpointFolder", folder)
        text = self.tr("Restored the weights from {0}").format(folder)
        self.progress.show_text(text)
        self.statusBar().showMessage(text, 8000)

    def _ask_open_path(self, title: str, filter: str) -> str:
        return QFileDialog.getOpenFileName(self, title, "", filter)[0]

    def _ask_save_path(self, title: str, name: str, filter: str) -> str:
        return QFileDialog.getSaveFileName(self, title, name, filter)[0]

    def _ask_folder(self, title: str) -> str:
        """A folder, chosen where the last checkpoint was (a save dialog would open a
        folder the student picks instead of returning it)."""
        last = self.settings.value("checkpointFolder")
        start = str(Path(last).parent) if last else ""
        return QFileDialog.getExistingDirectory(self, title, start)

    def _remember_recent(self, path: str) -> None:
        recent = [p for p in self._recent() if p != str(path)]
        self.settings.setValue("recent", [str(path)] + recent[: MAX_RECENT - 1])
        self._fill_recent_menu()

    def _recent(self) -> list[str]:
        value = self.settings.value("recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self._recent():
            opener = self.open_experiment if path.endswith(".json") else self.restore_weights
            self.recent_menu.addAction(path, lambda p=path, f=opener: f(p))
        self.recent_menu.setEnabled(bool(self._recent()))

    def _last_experiment(self) -> Experiment | None:
        text = self.settings.value("experiment")
        if not text:
            return None
        try:
            return Experiment.from_json(str(text))
        except TfdeskError:
            return None  # settings from another version: start from the course's network
