"""What the worker says, shown in the main window: the plot, the progress bar, the
drawing panel, the evaluation and the messages. A mixin of MainWindow
(gui/main_window.py); the signals arrive on the GUI thread (docs/ARCHITECTURE.md,
"Threads")."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from ..core.input_formats import IMAGE_FORMATS, image_shape
from ..core.layer_shapes import short_label
from .graph_dialog import GraphTensorsDialog
from .words import run_label

log = logging.getLogger("tfdesk")


class WindowReports:
    def _connect_worker(self) -> None:
        w = self.worker
        w.loaded.connect(self._tensorflow_loaded)
        w.prepared.connect(self._data_prepared)
        w.dataDescribed.connect(self._data_described)
        w.stepsReported.connect(self._steps_reported)
        w.epochFinished.connect(self._epoch_finished)
        w.progressed.connect(self.progress.show_progress)
        w.planned.connect(self._planned)
        self.engine_used = None  # how the last run's steps ran (core/compiled_chunk.py)
        w.engineUsed.connect(lambda path: setattr(self, "engine_used", path))
        w.trainingFinished.connect(self._training_finished)
        w.predicted.connect(self.draw.show_probabilities)
        w.loaded.connect(lambda _info: self._tell_drawings_problem())
        w.evaluated.connect(self._evaluated)
        w.saved.connect(self._saved)
        w.restored.connect(self._restored)
        w.weightsReset.connect(self._weights_reset)
        w.failed.connect(self._failed)
        w.said.connect(self._said)
        w.graphOpened.connect(self._graph_opened)
        w.graphReady.connect(self._graph_ready)
        w.autosaveFound.connect(self._offer_autosave)
        self._connect_lesson_views()
        self.draw.predictionRequested.connect(w.request_prediction)
        self.draw.predictionRequested.connect(lambda _vector: self.plot.drawing_in_progress())
        self.devices.deviceChosen.connect(lambda device: setattr(self.experiment, "device", device))
        server = self.devices.server
        server.connectRequested.connect(w.request_server_devices)
        w.serverDevices.connect(server.show_devices)
        w.serverProblem.connect(server.show_problem)

    def _tensorflow_loaded(self, info: dict) -> None:
        self._garbage.freeze_imports()
        self.devices.set_tensorflow_devices(info["devices"])
        self.tensorflow_version = info["tensorflow"]
        self.statusBar().showMessage(self.tr("TensorFlow {0} ready. Press Start (Ctrl+Enter) to train.")
                                     .format(info["tensorflow"]), 8000)

    def _data_prepared(self, info: dict) -> None:
        self._new_run = True
        if info["task"] == "classification":
            self._show_data_shape(info)
        else:
            self.curve.set_points(info["x"], info["y"], info["true_params"])
        self.weights.set_image_shape(image_shape(info["input_format"]))
        self.devices.server.show_training_place(info.get("server"), info.get("server_device"))
        self.optimizer.set_training_size(info["n_train"])
        if info.get("device_note"):
            self.statusBar().showMessage(info["device_note"], 10000)

    def _steps_reported(self, epoch: int, first_step: int, losses) -> None:
        self._start_plot_run_if_new()
        self.plot.add_steps(first_step, losses)

    def _start_plot_run_if_new(self) -> None:
        if self._new_run:
            self.plot.start_run(self._run_label(), has_accuracy=not self.experiment.is_regression)
            self._new_run = False

    def _planned(self, last_step: int) -> None:
        self._start_plot_run_if_new()
        self.plot.plan_steps(last_step)

    def _epoch_finished(self, m) -> None:
        self.plot.add_epoch(m.epoch, m.step, m.train_loss, m.val_loss, m.train_accuracy, m.val_accuracy)
        if not self._trained:
            self._trained = True
            self.draw.set_untrained(False)

    def _training_finished(self, status: str, seconds: float) -> None:
        self._set_training(False)
        text = {"finished": self.tr("Finished in {0:.1f} s"), "stopped": self.tr("Stopped after {0:.1f} s"),
                "failed": self.tr("Training failed after {0:.1f} s")}[status].format(seconds)
        if self.engine_used == "xla" and status != "failed":
            text += self.tr(" (its steps compiled by XLA)")
        if not (status == "failed" and self.progress.format().startswith(self.tr("Could not train"))):
            self.progress.show_text(text)  # (a failure to start keeps its reason on the bar)
        self.statusBar().showMessage(text, 8000)
        log.info("training %s after %.1f s", status, seconds)

    def _evaluated(self, r: dict) -> None:
        if r["task"] != "classification":
            text = (self.tr("Test mse {0:.4f}") if r["split"] == "test"
                    else self.tr("Validation mse {0:.4f}")).format(r["loss"])
            self.statusBar().showMessage(text, 8000)
            return
        self.evaluation.show_evaluation(r["accuracy"], r["loss"], r["confusion"], r["class_names"],
                                        r["images"], r["image_shape"], r["labels"], r["predicted"],
                                        split=r["split"], test_looks=r["test_looks"])
        self.evaluation.show_drawing_accuracies(r["drawing_accuracies"])
        self.evaluation_dock.show()
        self.evaluation_dock.raise_()
        # Room for the whole matrix: the canvas above keeps what it needs.
        self.resizeDocks([self.evaluation_dock], [self.height()], Qt.Vertical)

    def _weights_reset(self) -> None:
        self._new_run = True
        self._trained = False
        self.draw.set_untrained(True)
        self.evaluation.clear()
        self.progress.show_text(self.tr("Weights reset"), value=0)

    def _graph_opened(self, facts) -> None:
        dialog = GraphTensorsDialog(facts, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.worker.request_graph_tensors(
            dialog.input_name(), dialog.output_name()))
        dialog.open()  # not exec(): the event loop, and the worker's messages, go on

    def _data_described(self, info: dict) -> None:
        """A data file read when it was chosen: shown if it is still the one chosen."""
        if self.experiment.data.source == "file" and self.experiment.data.path == info["path"]:
            self._show_data_shape(info)

    def _show_data_shape(self, info: dict) -> None:
        """The layer editor's input and output rows, and the drawing, for a classification's data."""
        known = IMAGE_FORMATS.get(info["input_format"])
        picture = image_shape(info["input_format"])
        if known:
            label = QCoreApplication.translate("core", known.caption)
        else:  # a data file's pictures of another size
            label = self.tr("{0}×{1} image").format(*picture) if picture else ""
        self.layers.set_data_shape(info["n_features"], len(info["class_names"]), label, picture)
        self._set_draw_format(info["input_format"], info["class_names"])

    def _graph_ready(self, info: dict) -> None:
        self._graph_in_use = info["input"]
        self.draw.set_input_format(info["input_format"], info["class_names"])
        self.draw.set_untrained(False)
        self.draw_dock.show()
        self.draw_dock.raise_()
        if info["input_format"] == "features":
            text = self.tr("The graph takes {0} numbers, not an 8×8 or 28×28 image, so it cannot be "
                           "drawn for.").format(info["n_features"])
        else:
            text = self.tr("Drawings now go to the opened graph: {0} → {1}. Start trains your "
                           "experiment's network again.").format(info["input"], info["output"])
        self.statusBar().showMessage(text, 15000)

    def _offer_autosave(self, folders: dict, sidecars: dict) -> None:
        """The network of the last session was kept: offer it back, blocking nothing."""
        if self._training:  # the student has moved on; the kept network stays on disk
            self.statusBar().showMessage(self.tr(
                "The network of your last session is kept in {0}; File ▸ Restore weights "
                "opens it.").format(str(Path(next(iter(folders.values()))).parent)), 15000)
            return
        self.autosave_bar.offer(folders, sidecars)

    def _failed(self, message: str) -> None:
        """A request could not be done. Training, if it runs, goes on: whether it ended is
        for trainingFinished to say (a drawing's error must not unlock Start mid-run)."""
        log.warning("%s", message)
        if self.progress.format() == self.tr("Building the graph…"):
            self.progress.show_text(self.tr("Could not train") + ": " + message.splitlines()[0])
        self.statusBar().showMessage(message.splitlines()[0], 10000)
        self._message(QMessageBox.Warning, self.tr("tfdesk"), message)

    def _said(self, text: str) -> None:
        """Training says something the student should see (a warning, an early stop)."""
        log.info("%s", text)
        self.statusBar().showMessage(text, 15000)
        self._message(QMessageBox.Information, self.tr("tfdesk"), text)

    def _message(self, icon, title: str, text: str) -> None:
        """A message box that blocks nothing: not the event loop (a worker error never
        freezes it), not the window (Ctrl+Q still quits while it is up)."""
        box = QMessageBox(icon, title, text, QMessageBox.Ok, self)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.setWindowModality(Qt.NonModal)
        box.show()
        self.last_message = text

    def _run_label(self) -> str:
        e = self.experiment
        if e.is_regression:
            shape = e.data.source
        else:
            shape = " → ".join(map(short_label, e.model.hidden_layers)) or self.tr("no hidden layer")
        return f"{run_label(e)} · {shape}"
