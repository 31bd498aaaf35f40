"""The main window: panels edit the experiment, the worker trains it, results flow back.

Data flows one way (docs/ARCHITECTURE.md, "The flow of a run"): Start hands a copy
of the experiment to the worker; the worker's signals feed the plot, the progress
bar and the drawing. Its actions and menus, its files and what it shows of the
worker's reports are mixins: window_actions.py, window_files.py, window_reports.py.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDockWidget, QHBoxLayout, QMainWindow,
    QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget,
)

from ..core.errors import TfdeskError
from ..core.input_formats import DIGIT_CLASSES, DIGITS8X8
from ..core.spec import DataSpec, Experiment, default_experiment, lesson_experiment
from . import gui_gc
from .device_panel import DevicePanel
from .autosave_bar import AutosaveBar
from .data_options import DataOptions
from .draw_panel import DrawPanel
from .evaluation_panel import EvaluationPanel
from .layer_editor import LayerStackEditor
from .lesson_views import LessonViews
from .my_drawings import MyDrawings
from .optimizer_panel import OptimizerPanel
from .pace_choice import DEFAULT_PACE
from .plot_panel import LossPlot
from .tooltips import wrap_tooltips
from .training_progress import TrainingProgress
from .worker import new_worker
from .window_actions import WindowActions
from .window_files import WindowFiles
from .window_reports import WindowReports
from .words import error_text

log = logging.getLogger("tfdesk")
DOCK_MIN_WIDTH = 310  # the canvas and its margins; a wider panel scrolls below it
CENTRAL_WIDTH = 500  # the plot and its buttons
DRAW_HEIGHT = 540  # the draw panel with its canvas whole, bars beside it
SCROLLBAR_ROOM = 24  # a vertical scroll bar and the dock's frame


class MainWindow(WindowActions, WindowFiles, WindowReports, LessonViews, MyDrawings, QMainWindow):
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
        self._draw_format = (DIGITS8X8.name, DIGIT_CLASSES)  # the experiment's
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
        self.optimizer.pace.set_pace(self.settings.value("pace", DEFAULT_PACE))
        self.worker.set_pace(self.optimizer.pace.pace())
        self.optimizer.pace.paceChanged.connect(self._pace_chosen)
        server = self.devices.server
        server.set_server(str(self.settings.value("server", "") or ""),
                          str(self.settings.value("runOnServer", "false")).lower() == "true")
        server.changed.connect(self._server_chosen)
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

    # ---- the experiment ---------------------------------------------------------

    def _show_experiment(self, exp: Experiment) -> None:
        self.experiment = exp
        index = self.data_choice.findData(exp.data.source)
        self.data_choice.setCurrentIndex(max(index, 0))
        if exp.data.source == "digits":
            self.layers.set_data_shape(DIGITS8X8.size, 10, QCoreApplication.translate("core", DIGITS8X8.caption),
                                       DIGITS8X8.shape)
            self._set_draw_format(DIGITS8X8.name, DIGIT_CLASSES)
        elif exp.data.source == "file":  # its shape once the worker has read it
            self.worker.request_data_facts(exp)
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
        self.worker.request_training(exp, self.devices.server.server())

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

    def _pace_chosen(self, steps_per_second: float) -> None:
        self.worker.set_pace(steps_per_second)
        self.settings.setValue("pace", int(steps_per_second))

    def _server_chosen(self) -> None:
        box = self.devices.server
        self.settings.setValue("server", box.address.text().strip())
        self.settings.setValue("runOnServer", box.server() is not None)

    def stop_training(self) -> None:
        if self._training:
            self.worker.stop()

    def reset_weights(self) -> None:
        if not self._training:
            self._leave_graph()
            self.worker.request_reset()

    def evaluate(self, split: str = "val") -> None:
        if not self._training:
            self.worker.request_evaluation(split)

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

    # ---- layout and closing ---------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry() if self.screen() else None
            width, height = 1280, 800
            if screen is not None:  # a laptop of 1366 × 768 (or less) gets all of its screen
                width, height = min(width, screen.width()), min(height, screen.height() - 40)
            self.resize(width, height)
        state = self.settings.value("windowState")
        # Without a saved layout the docks are sized once shown: before, the window's size
        # may still change and resizeDocks left every dock at its minimum width.
        self._size_docks_when_shown = state is None or not self.restoreState(state)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._size_docks_when_shown:
            self._size_docks_when_shown = False
            QTimer.singleShot(0, self.size_docks)

    def size_docks(self) -> None:
        """The first layout: wide enough for the layer table's five columns and for the canvas
        beside its bars; the plot keeps the rest (on a narrow screen the bars go under the
        canvas)."""
        room = self.width() - CENTRAL_WIDTH
        # The experiment panel whole (its scroll area's own bar included), up to half the room.
        wanted = self.experiment_dock.widget().widget().sizeHint().width() + SCROLLBAR_ROOM
        experiment = max(DOCK_MIN_WIDTH, min(wanted, room // 2))
        draw = max(DOCK_MIN_WIDTH, min(520, room - experiment))
        self.resizeDocks([self.experiment_dock, self.draw_dock], [experiment, draw], Qt.Horizontal)
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
