"""The main window: panels edit the experiment, the worker trains it, results flow back.

Data flows one way (DESIGN.md): Start hands a copy of the experiment to the
worker; the worker's signals feed the plot, the progress bar and the drawing.
"""

from __future__ import annotations

import logging
import platform
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDockWidget, QFileDialog, QHBoxLayout, QMainWindow, QMessageBox,
    QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget,
)

from .. import __version__
from ..core.errors import TfdeskError
from ..core.spec import DataSpec, Experiment, default_experiment, lesson_experiment
from . import gui_gc, language
from .device_panel import DevicePanel
from .autosave_bar import AutosaveBar
from .data_options import DataOptions
from .draw_panel import DrawPanel
from .evaluation_panel import EvaluationPanel
from .graph_dialog import GraphTensorsDialog
from .layer_editor import LayerStackEditor
from .lesson_views import LessonViews
from .my_drawings import MyDrawings
from .optimizer_panel import OptimizerPanel
from .plot_panel import LossPlot
from .tooltips import wrap_tooltips
from .training_progress import TrainingProgress
from .worker import new_worker
from .words import error_text, run_label

log = logging.getLogger("tfdesk")
MAX_RECENT = 8
DOCK_MIN_WIDTH = 310  # the canvas and its margins; a wider panel scrolls below it
CENTRAL_WIDTH = 500  # the plot and its buttons
DRAW_HEIGHT = 540  # the draw panel with its canvas whole, bars beside it


class MainWindow(LessonViews, MyDrawings, QMainWindow):
    def __init__(self, experiment: Experiment | None = None, settings: QSettings | None = None,
                 data_folder: str | None = None):
        super().__init__()
        self.settings = settings or QSettings()
        data_folder = data_folder or QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
        self.setWindowTitle(self.tr("tfdesk — TensorFlow trainer"))
        self.experiment = experiment or self._last_experiment() or default_experiment()
        self._training = False
        self._new_run = True
        self._trained = False
        self.race_window = None
        self._graph_in_use: str | None = None  # a .meta graph answering the drawings
        self._kept: dict[str, Experiment] = {}  # the experiment last shown for each data source
        self._draw_format = ("digits8x8", [str(i) for i in range(10)])  # the experiment's
        self.tensorflow_version: str | None = None  # set once the worker has loaded it

        self._garbage = gui_gc.install(QApplication.instance())  # before any worker thread allocates
        self.worker = new_worker(str(Path(data_folder) / "autosave"))
        self._build_panels()
        self._build_actions()
        self._build_my_drawings(data_folder)
        self._build_menus()
        self._connect_worker()
        self._show_experiment(self.experiment)
        self._set_training(False)
        self.statusBar().showMessage(self.tr("Loading TensorFlow…"))
        wrap_tooltips(self)
        self._restore_layout()
        if logdir := str(self.settings.value("logdir", "") or ""):
            self.worker.logdir = logdir
            self.tensorboard_action.setChecked(True)
        self.worker.start()

    # ---- building ---------------------------------------------------------------

    def _build_panels(self) -> None:
        self.plot = LossPlot()
        self.progress = TrainingProgress()
        self.progress.setFormat(self.tr("Ready"))
        self.start_button = QPushButton(self.tr("Start"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setCheckable(True)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.reset_button = QPushButton(self.tr("Reset weights"))
        self.evaluate_button = QPushButton(self.tr("Evaluate"))
        controls = QHBoxLayout()
        for button in (self.start_button, self.pause_button, self.stop_button,
                       self.reset_button, self.evaluate_button):
            controls.addWidget(button)
        controls.addStretch(1)
        self.autosave_bar = AutosaveBar()
        self.autosave_bar.restoreRequested.connect(self.restore_weights)
        self.autosave_bar.discardRequested.connect(lambda: self.worker.request_discard_autosave())
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.autosave_bar)
        layout.addLayout(controls)
        layout.addWidget(self.progress)
        layout.addWidget(self.plot, 1)
        self.setCentralWidget(central)

        self.data_choice = QComboBox()
        self.data_choice.addItem(self.tr("Handwritten digits (8×8)"), "digits")
        self.data_choice.addItem(self.tr("Linear regression: y = 3x + 10"), "linear")
        self.data_choice.addItem(self.tr("Exercise: y = 6x² − 4x + 1"), "quadratic")
        self.data_choice.addItem(self.tr("Data file…"), "file")
        self.data_choice.setToolTip(self.tr("What the network learns from"))
        self.data_options = DataOptions()
        self.layers = LayerStackEditor()
        self.optimizer = OptimizerPanel()
        tabs = QTabWidget()
        tabs.addTab(self.layers, self.tr("Network"))
        tabs.addTab(self.optimizer, self.tr("Training"))
        experiment = QWidget()
        box = QVBoxLayout(experiment)
        box.addWidget(self.data_choice)
        box.addWidget(self.data_options)
        box.addWidget(tabs, 1)
        self.experiment_dock = self._dock(self.tr("Experiment"), "experiment", experiment,
                                          Qt.LeftDockWidgetArea)

        self.draw = DrawPanel()
        self.draw.set_untrained(True)
        self.draw_dock = self._dock(self.tr("Draw a digit"), "draw", self.draw, Qt.RightDockWidgetArea)
        self.evaluation = EvaluationPanel()
        self.evaluation_dock = self._dock(self.tr("Evaluation"), "evaluation", self.evaluation,
                                          Qt.RightDockWidgetArea)
        self.devices = DevicePanel()
        self.devices_dock = self._dock(self.tr("Devices"), "devices", self.devices, Qt.RightDockWidgetArea)
        self.tabifyDockWidget(self.evaluation_dock, self.devices_dock)
        self._build_lesson_docks()
        self.evaluation_dock.raise_()

    def _dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")  # saveState needs a name
        # A panel taller or wider than its share scrolls, rather than holding the window
        # above a 1366 × 768 screen or drawing its rows over one another.
        scroller = QScrollArea()
        scroller.setWidget(widget)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.NoFrame)
        scroller.setMinimumWidth(min(widget.minimumSizeHint().width(), DOCK_MIN_WIDTH))
        dock.setWidget(scroller)
        self.addDockWidget(area, dock)
        return dock

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

    def _connect_worker(self) -> None:
        w = self.worker
        w.loaded.connect(self._tensorflow_loaded)
        w.prepared.connect(self._data_prepared)
        w.stepsReported.connect(self._steps_reported)
        w.epochFinished.connect(self._epoch_finished)
        w.progressed.connect(self.progress.show_progress)
        w.planned.connect(self._planned)
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

    # ---- the experiment ---------------------------------------------------------

    def _show_experiment(self, exp: Experiment) -> None:
        self.experiment = exp
        index = self.data_choice.findData(exp.data.source)
        self.data_choice.setCurrentIndex(max(index, 0))
        if exp.data.source == "digits":
            self.layers.set_data_shape(64, 10, self.tr("8×8 image"))
            self._set_draw_format("digits8x8", [str(i) for i in range(10)])
        elif exp.is_regression:
            self._set_draw_format("curve", [])
            # The lesson's points are plain numpy: shown at once, before any training.
            from ..core.data import curve_dataset

            t = exp.training
            points = curve_dataset(exp.data.source, t.validation_fraction, t.test_fraction, t.seed)
            self.curve.set_points(points.x_train, points.y_train, points.true_params)
        self.data_options.set_experiment(exp)
        self.data_options.setVisible(not exp.is_regression)
        self.curve_dock.setVisible(exp.is_regression)
        self.draw_dock.setVisible(not exp.is_regression)
        self.layers.set_experiment(exp)
        self.layers.setEnabled(not exp.is_regression)
        self.optimizer.set_experiment(exp)
        self.devices.set_selected_device(exp.device)

    def current_experiment(self) -> Experiment:
        """The experiment as the panels show it now."""
        exp = self.experiment.copy()
        self.layers.apply_to(exp)
        self.optimizer.apply_to(exp)
        if not exp.is_regression:
            self.data_options.apply_to(exp)
        exp.device = self.devices.selected_device()
        return exp

    def _data_chosen(self) -> None:
        source = self.data_choice.currentData()
        # Each lesson keeps the student's network: back to the digits is back to theirs.
        self._kept[self.experiment.data.source] = self.current_experiment()
        if source == "file":
            path = self._ask_open_path(self.tr("Open a data file"),
                                       self.tr("Data (*.npz *.csv *-ubyte *-ubyte.gz);;All files (*)"))
            if not path or not self._usable_data_file(path):
                self._show_experiment(self.experiment)
                return
            base = self._kept.get("file") or self._kept.get("digits") or default_experiment()
            exp = base.copy()
            exp.data = DataSpec(source="file", path=path)
            exp.name = Path(path).name
        elif source in self._kept:
            exp = self._kept[source]
        elif source == "digits":
            exp = default_experiment()
        else:
            exp = lesson_experiment(source)
        self._show_experiment(exp)

    def _usable_data_file(self, path: str) -> bool:
        """A quick look before the file is taken: a picture or a document is refused now,
        not at Start (reading the whole file waits for Start, on the worker thread)."""
        from ..core.data_files import check_regular, infer_format

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

    # ---- training ---------------------------------------------------------------

    def start_training(self) -> None:
        if self._training:
            return
        try:
            exp = self.current_experiment().validate()
        except TfdeskError as e:
            self._failed(error_text(e))
            return
        self.experiment = exp
        self.autosave_bar.hide()
        self.evaluation.clear()
        self._leave_graph()
        self._set_training(True)
        self.progress.show_text(self.tr("Building the graph…"))
        log.info("training %s", exp.to_json().replace("\n", " "))
        self.statusBar().showMessage(self.tr("Training… Esc stops, Ctrl+P pauses."))
        self.worker.request_training(exp)

    def toggle_pause(self) -> None:
        if not self._training:
            self.pause_button.setChecked(False)
            return
        paused = not getattr(self, "_paused", False)
        self._paused = paused
        self.pause_button.setChecked(paused)
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        (self.worker.pause if paused else self.worker.resume)()
        self.statusBar().showMessage(self.tr("Paused") if paused else self.tr("Training…"))

    def stop_training(self) -> None:
        if self._training:
            self.worker.stop()

    def reset_weights(self) -> None:
        if not self._training:
            self._leave_graph()
            self.worker.request_reset()

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

    def evaluate(self, split: str = "val") -> None:
        if not self._training:
            self.worker.request_evaluation(split)

    def save_checkpoint(self) -> None:
        folder = self._ask_folder(self.tr(
            "Save the checkpoint into a folder: a new one (Create Folder) or an earlier checkpoint"))
        if folder:
            self.worker.request_save(folder)

    def restore_weights(self, folder: str | None = None) -> None:
        folder = folder or self._ask_folder(self.tr("Restore weights from a checkpoint folder"))
        if folder and not self._training:
            self._leave_graph()
            self.worker.request_restore(folder, self.current_experiment())

    def open_graph(self) -> None:
        path = self._ask_open_path(self.tr("Open a graph"),
                                   self.tr("Graph (*.meta);;All files (*)"))
        if path and not self._training:
            self.worker.request_open_graph(path)

    def _set_draw_format(self, input_format: str, class_names: list[str]) -> None:
        self._draw_format = (input_format, class_names)
        if self._graph_in_use is None:
            self.draw.set_input_format(input_format, class_names)

    def _leave_graph(self) -> None:
        """Drawings go back to the experiment's network (the worker drops the graph)."""
        if self._graph_in_use is not None:
            self._graph_in_use = None
            self.draw.set_input_format(*self._draw_format)
            self.draw.set_untrained(not self._trained)

    def _set_training(self, training: bool) -> None:
        self._training = training
        self._paused = False
        self.pause_button.setChecked(False)
        self.pause_button.setText(self.tr("Pause"))
        for widget in (self.start_button, self.reset_button, self.evaluate_button, self.data_choice,
                       self.start_action, self.reset_action, self.evaluate_action, self.exam_action,
                       self.restore_action,
                       self.save_ck_action, self.open_action, self.new_action,
                       self.open_graph_action):
            widget.setEnabled(not training)
        for widget in (self.pause_button, self.stop_button, self.pause_action, self.stop_action):
            widget.setEnabled(training)

    # ---- what the worker says -----------------------------------------------------

    def _tensorflow_loaded(self, info: dict) -> None:
        self._garbage.freeze_imports()
        self.devices.set_tensorflow_devices(info["devices"])
        self.tensorflow_version = info["tensorflow"]
        self.statusBar().showMessage(self.tr("TensorFlow {0} ready. Press Start (Ctrl+Enter) to train.")
                                     .format(info["tensorflow"]), 8000)

    def _data_prepared(self, info: dict) -> None:
        self._new_run = True
        if info["task"] == "classification":
            label = {"digits8x8": self.tr("8×8 image"),
                     "mnist28": self.tr("28×28 image")}.get(info["input_format"], "")
            self.layers.set_data_shape(info["n_features"], len(info["class_names"]), label)
            self._set_draw_format(info["input_format"], info["class_names"])
        else:
            self.curve.set_points(info["x"], info["y"], info["true_params"])
        self.weights.set_image_shape({"digits8x8": (8, 8), "mnist28": (28, 28)}.get(info["input_format"]))
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
            shape = " → ".join(str(l.units) for l in e.model.hidden_layers) or self.tr("no hidden layer")
        return f"{run_label(e)} · {shape}"

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

    # ---- files and settings -----------------------------------------------------

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

    def _restore_layout(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry() if self.screen() else None
            width, height = 1280, 800
            if screen is not None:  # a laptop of 1366 × 768 (or less) gets all of its screen
                width, height = min(width, screen.width()), min(height, screen.height() - 40)
            self.resize(width, height)
        state = self.settings.value("windowState")
        if state is None or not self.restoreState(state):
            self.size_docks()

    def size_docks(self) -> None:
        """The first layout: wide enough for the layer table's five columns and for the canvas
        beside its bars; the plot keeps the rest (on a narrow screen the bars go under the
        canvas)."""
        room = self.width() - CENTRAL_WIDTH
        draw = max(DOCK_MIN_WIDTH, min(520, room - min(395, room // 2)))
        self.resizeDocks([self.experiment_dock, self.draw_dock], [max(DOCK_MIN_WIDTH, room - draw), draw],
                         Qt.Horizontal)
        # The canvas whole, the evaluation below it gets the rest (its matrix shrinks to fit).
        room = self.height() - 80  # the menu, status and dock title bars
        draw = min(DRAW_HEIGHT, int(room * 0.8))
        self.resizeDocks([self.draw_dock, self.evaluation_dock], [draw, room - draw], Qt.Vertical)

    def closeEvent(self, event) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState())
        try:
            self.settings.setValue("experiment", self.current_experiment().to_json())
        except TfdeskError:
            pass
        # A save under way finishes first; meanwhile the window says so and keeps painting.
        self.statusBar().showMessage(self.tr("Closing: finishing what the training thread is doing…"))
        self.setEnabled(False)
        waiting = lambda: QApplication.processEvents(QEventLoop.ExcludeUserInputEvents)  # noqa: E731
        if not self.worker.shutdown(timeout=30.0, waiting=waiting):
            log.warning("the training thread did not stop within 30 s")
        super().closeEvent(event)
