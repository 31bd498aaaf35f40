"""The main window's actions, menus, shortcut list and About box. A mixin of MainWindow
(gui/main_window.py): every QAction is made here, so the menus, the buttons that
trigger them and the shortcut list read from one place."""

from __future__ import annotations

import platform

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from .. import __version__
from . import language


class WindowActions:
    def _action(self, text: str, slot, shortcut=None, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(self.tr("&New experiment"), self.new_experiment, QKeySequence.New)
        self.open_action = self._action(self.tr("&Open experiment…"), self.open_experiment, QKeySequence.Open)
        self.save_exp_action = self._action(self.tr("&Save experiment…"), self.save_experiment, QKeySequence.Save)
        self.save_ck_action = self._action(self.tr("Save &checkpoint…"), self.save_checkpoint, "Ctrl+Shift+S",
                                           self.tr("Save the trained weights into a folder like the course's save_model/"))
        self.restore_action = self._action(self.tr("&Restore weights…"), self.restore_weights, "Ctrl+Shift+O",
                                           self.tr("Load a checkpoint's weights into the network (the course's 載入權重)"))
        self.open_graph_action = self._action(
            self.tr("Open &graph (.meta)…"), self.open_graph, "Ctrl+G",
            self.tr("Load a saved graph with its weights (the course's 載入 graph) and draw digits for it"))
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.Quit)
        self.start_action = self._action(self.tr("&Start"), self.start_training, "Ctrl+Return",
                                         self.tr("Train the network (Ctrl+Enter)"))
        self.pause_action = self._action(self.tr("&Pause"), self.toggle_pause, "Ctrl+P",
                                         self.tr("Pause or resume training"))
        self.stop_action = self._action(self.tr("S&top"), self.stop_training, "Esc", self.tr("Stop training (Esc)"))
        self.reset_action = self._action(self.tr("&Reset weights"), self.reset_weights, "Ctrl+Shift+R",
                                         self.tr("Start again from the initial random weights"))
        self.evaluate_action = self._action(
            self.tr("&Evaluate on the validation set"), lambda: self.evaluate("val"), "Ctrl+E",
            self.tr("Accuracy and confusion matrix on the validation images: the practice exam to "
                    "compare networks and settings with"))
        self.exam_action = self._action(
            self.tr("Final e&xam on the test set…"), lambda: self.evaluate("test"), "Ctrl+Shift+E",
            self.tr("Accuracy on the test images, kept for the very end: every look you let "
                    "change your network makes it less of a test (tfdesk counts them)"))
        self.about_action = self._action(self.tr("&About tfdesk"), self.show_about)
        self.tensorboard_action = self._action(
            self.tr("Write &TensorBoard logs…"), self.choose_logdir,
            tip=self.tr("Each run writes the graph, its losses and histograms of its weights to a "
                        "folder of its own there, as tfdesk-train --logdir does; run tensorboard "
                        "--logdir on that folder to see them"))
        self.tensorboard_action.setCheckable(True)
        self.race_action = self._action(self.tr("R&ace…"), self.show_race, "Ctrl+Shift+A",
                                        self.tr("Train several optimizers or batch modes side by side"))
        self.code_action = self._action(self.tr("Show the &code…"), self.show_code, "Ctrl+Shift+C",
                                        self.tr("The tf.compat.v1 script that builds and trains this experiment"))
        self.start_button.clicked.connect(self.start_action.trigger)
        self.start_button.setToolTip(self.start_action.toolTip())
        self.pause_button.clicked.connect(self.toggle_pause)
        self.pause_button.setToolTip(self.pause_action.toolTip())
        self.stop_button.clicked.connect(self.stop_action.trigger)
        self.stop_button.setToolTip(self.stop_action.toolTip())
        self.reset_button.clicked.connect(self.reset_action.trigger)
        self.reset_button.setToolTip(self.reset_action.toolTip())
        self.evaluate_button.clicked.connect(self.evaluate_action.trigger)
        self.evaluate_button.setToolTip(self.evaluate_action.toolTip())
        self.data_choice.activated.connect(self._data_chosen)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.new_action, self.open_action, self.save_exp_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.save_ck_action)
        file_menu.addAction(self.restore_action)
        file_menu.addAction(self.open_graph_action)
        file_menu.addSeparator()
        for action in (self.gallery_action, self.import_drawings_action, self.export_drawings_action):
            file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self._fill_recent_menu()
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self._edit_menu()
        train_menu = self.menuBar().addMenu(self.tr("&Train"))
        for action in (self.start_action, self.pause_action, self.stop_action, self.reset_action,
                       self.evaluate_action, self.exam_action):
            train_menu.addAction(action)
        train_menu.addSeparator()
        train_menu.addAction(self.tensorboard_action)
        train_menu.addAction(self.race_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for dock in (self.experiment_dock, self.draw_dock, self.curve_dock, self.evaluation_dock,
                     self.devices_dock, self.weights_dock, self.inspector_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addAction(self.code_action)
        view_menu.addSeparator()
        self.language_menu = language.menu(
            self, self.settings, lambda text: self.statusBar().showMessage(text, 10_000))
        view_menu.addMenu(self.language_menu)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&Keyboard shortcuts…"), self.show_shortcuts)
        help_menu.addAction(self.about_action)

    def show_shortcuts(self) -> None:
        # From the actions themselves, so that the list cannot drift from the menus.
        def with_shortcuts(actions):
            for action in actions:
                if action.menu() is not None:
                    yield from with_shortcuts(action.menu().actions())
                elif not action.shortcut().isEmpty():
                    yield action

        actions = list(dict.fromkeys(with_shortcuts(self.menuBar().actions())))
        rows = [(a.text().replace("&", "").rstrip("…"),
                 a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)) for a in actions]
        rows += [(self.tr("On the canvas: take back the last stroke"), "Ctrl+Z"),
                 (self.tr("On the canvas: clear it"), self.tr("Delete, or right-click")),
                 (self.tr("On the canvas: add the drawing as that digit"), "0 – 9")]
        table = "".join(f"<tr><td>{what}</td><td>&nbsp;&nbsp;<b>{keys}</b></td></tr>" for what, keys in rows)
        self._message(QMessageBox.Information, self.tr("Keyboard shortcuts"), f"<table>{table}</table>")

    def show_about(self) -> None:
        from PySide6 import __version__ as qt_version

        tf_version = self.tensorflow_version or self.tr("loading…")
        text = self.tr("<b>tfdesk {0}</b><br>A desktop TensorFlow trainer for the course.<br><br>"
                       "TensorFlow {1}<br>Qt (PySide6) {2}<br>Python {3}<br><br>{4}").format(
            __version__, tf_version, qt_version, platform.python_version(), self.devices.summary_text())
        self._message(QMessageBox.Information, self.tr("About tfdesk"), text)
