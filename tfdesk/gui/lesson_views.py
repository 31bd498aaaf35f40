"""The lesson views of the main window: the curve, the first layer's weights, the
graph inspector, the code view and the race. A mixin of MainWindow:
it builds their docks and dialogs and connects them to the worker."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from .curve_view import CurveView
from .graph_inspector import GraphInspector
from .weights_view import WeightsView


def _seen(dock) -> bool:
    """Shown and not behind another tab. A tabbed-away dock still says isVisible();
    filling the hidden inspector cost 67 ms and the hidden weights view one update
    per chunk, while training."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


class LessonViews:
    def _build_lesson_docks(self) -> None:
        self.weights = WeightsView()
        self.weights_dock = self._dock(self.tr("Weights"), "weights", self.weights, Qt.RightDockWidgetArea)
        self.tabifyDockWidget(self.devices_dock, self.weights_dock)
        self.inspector = GraphInspector()
        self.inspector_dock = self._dock(self.tr("Graph"), "graph", self.inspector, Qt.RightDockWidgetArea)
        self.tabifyDockWidget(self.weights_dock, self.inspector_dock)
        self.curve = CurveView()
        # In the drawing panel's place for the curve lessons, where there is nothing to draw.
        self.curve_dock = self._dock(self.tr("Curve"), "curve", self.curve, Qt.RightDockWidgetArea)
        self.splitDockWidget(self.draw_dock, self.curve_dock, Qt.Vertical)
        self.curve_dock.hide()

    def _connect_lesson_views(self) -> None:
        w = self.worker
        w.weightsChanged.connect(self.weights.show_weights)
        w.featureMaps.connect(self.weights.show_feature_maps)
        w.weightsChanged.connect(self.curve.show_weights)
        for dock in (self.weights_dock, self.curve_dock):
            # Deferred: a tab's region is only right once the tab switch is laid out.
            dock.visibilityChanged.connect(lambda _shown: QTimer.singleShot(0, self._watch_weights))
        w.graphDescribed.connect(self.inspector.show_graph)
        w.variableValue.connect(self.inspector.show_value)
        self.inspector.variableChosen.connect(w.request_variable_value)
        self.inspector.refreshRequested.connect(w.request_graph_description)
        self.inspector_dock.visibilityChanged.connect(
            lambda _shown: QTimer.singleShot(0, self._inspect_if_shown))
        for signal in (w.prepared, w.restored, w.graphReady, w.trainingFinished):
            signal.connect(self._inspect_if_shown)

    def _inspect_if_shown(self, *_args) -> None:
        if _seen(self.inspector_dock):
            self.worker.request_graph_description()

    def _watch_weights(self) -> None:
        """The worker sends the weights only while a view of them can be seen."""
        watched = _seen(self.weights_dock) or _seen(self.curve_dock)
        newly = watched and not self.worker.weights_watched
        self.worker.weights_watched = watched
        if newly:
            self.worker.request_weights()
            self.worker.drawings.refresh()  # the drawing's feature maps, for a convolution

    def show_race(self) -> None:
        from .race_window import RaceWindow

        if self.race_window is None:
            self.race_window = RaceWindow(self.current_experiment(), self)
            race, w = self.race_window, self.worker
            race.startRequested.connect(self._start_race)
            race.stopRequested.connect(self.stop_training)
            w.raceStarted.connect(race.race_started)
            w.raceSteps.connect(race.add_steps)
            w.raceEpoch.connect(race.add_epoch)
            w.raceFinished.connect(race.race_finished)
            w.raceFinished.connect(lambda *_: self._set_training(False))
        else:
            self.race_window.experiment = self.current_experiment()
        self.race_window.show()
        self.race_window.raise_()

    def _start_race(self, entries, epochs: int) -> None:
        if self._training:
            return
        self._set_training(True)
        self.worker.request_race(entries, epochs)

    def show_code(self) -> None:
        from .code_view import CodeView

        view = CodeView(self.current_experiment(), self)
        view.setAttribute(Qt.WA_DeleteOnClose)
        view.show()
