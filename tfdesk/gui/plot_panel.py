"""The live training plot: loss per step and per epoch, accuracy per epoch, earlier
runs kept as faded curves for comparison, hover read-out, PNG and CSV export."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it

from ..core.series import (
    STEP, TRAIN_ACC, TRAIN_LOSS, VAL_ACC, VAL_LOSS, FollowedRange, nan_if_none,
    write_csv,
)
from .live_curve import LiveCurve
from .plot_hover import PlotHover
from .plot_runs import (FADED_EPOCH_ALPHA, FIRST_CURVES_AFTER_MS, MAX_EPOCH_SYMBOLS,
                        REDRAW_INTERVAL_MS, TRAIN_COLOR, VAL_COLOR, PlotRuns, Run)
from .step_axis_link import StepAxisLink
from .tick_grid import TickGrid

class _LossAxis(pg.AxisItem):
    """Log ticks in three levels (decades; 2 and 5; the rest), so that pyqtgraph's
    crowding check drops the minor labels rather than printing them on top of each
    other, as its single level of minor ticks does."""

    MANTISSA_LEVELS = ([1], [2, 5], [3, 4, 6, 7, 8, 9])

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        decades = range(math.floor(minVal), math.ceil(maxVal) + 1)
        levels = []
        for mantissas in self.MANTISSA_LEVELS:
            values = [decade + math.log10(m) for decade in decades for m in mantissas]
            levels.append((None, [v for v in values if minVal <= v <= maxVal]))
        return levels


class LossPlot(PlotRuns, PlotHover, QWidget):
    """Loss (top) and accuracy (bottom) against the training step.

    Data arrives fast and is only buffered; a timer redraws at most every
    REDRAW_INTERVAL_MS, and only when something changed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._runs: list[Run] = []
        # Epochs change ~1000× less often than steps, so each is redrawn only if changed.
        self._steps_changed = False
        self._epochs_changed = False
        self._accuracy_changed = False
        self._accuracy_turn = False
        self._drawing_until = 0.0
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_INTERVAL_MS)
        self._redraw_timer.timeout.connect(self._redraw_one_plot)
        self._range = FollowedRange()
        self._spare_curves: list[LiveCurve] = []
        self._spare_timer = QTimer(self)
        self._spare_timer.setSingleShot(True)
        self._spare_timer.setInterval(0)
        self._spare_timer.timeout.connect(self._make_spare_curve)

        self.loss_plot = self._make_plot(self.tr("loss"), _LossAxis("left"))
        self.accuracy_plot = self._make_plot(self.tr("accuracy (%)"), pg.AxisItem("left"))
        self._step_axes = StepAxisLink(self.loss_plot, self.accuracy_plot)
        # Accuracy is a fraction of 100 %; a fixed range keeps runs comparable.
        self.accuracy_plot.setYRange(0, 100, padding=0.08)
        self.accuracy_plot.getPlotItem().enableAutoRange(y=False)
        self.accuracy_plot.getAxis("left").setTicks(
            [[(value, str(value)) for value in (0, 25, 50, 75, 100)]])
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.getPlotItem().enableAutoRange(x=False)
            # The user zoomed or panned: stop following the data until the next run.
            plot.getPlotItem().vb.sigRangeChangedManually.connect(self._stop_following)
        self.loss_plot.getPlotItem().enableAutoRange(y=False)
        self.loss_legend = self._add_legend(self.loss_plot, offset=(-10, 10))
        self.accuracy_legend = self._add_legend(self.accuracy_plot, offset=(-10, -10))
        # Fixed rows for the current run's curves, drawn by samples in their style.
        for legend, rows in (
                (self.loss_legend, [(self._step_style(), self.tr("training loss (each step)")),
                                    (self._epoch_style(TRAIN_COLOR, "o"), self.tr("training loss (epoch)")),
                                    (self._epoch_style(VAL_COLOR, "s"), self.tr("validation loss"))]),
                (self.accuracy_legend, [(self._epoch_style(TRAIN_COLOR, "o"), self.tr("training accuracy")),
                                        (self._epoch_style(VAL_COLOR, "s"), self.tr("validation accuracy"))])):
            for style, name in rows:
                legend.addItem(pg.PlotDataItem(**style), name)
        # One legend entry stands for all faded runs, drawn with their pen.
        self._earlier_sample = pg.PlotDataItem(pen=self._faded_pen(FADED_EPOCH_ALPHA))
        self._earlier_in_legend = False
        self._show_step_label_on_accuracy(True)

        self._plots = QWidget(self)
        plots_layout = QVBoxLayout(self._plots)
        plots_layout.setContentsMargins(0, 0, 0, 0)
        plots_layout.setSpacing(0)
        plots_layout.addWidget(self.loss_plot, 3)
        plots_layout.addWidget(self.accuracy_plot, 2)

        self.log_check = QCheckBox(self.tr("&Log scale"), self)
        self.log_check.setToolTip(self.tr(
            "Show the loss on a logarithmic axis, so that small improvements late in "
            "training are as visible as the big drop at the start."))
        self.log_check.toggled.connect(self._set_log_scale)

        self.hover_label = QLabel(self)
        self.hover_label.setToolTip(self.tr(
            "The loss or accuracy at the point under the mouse pointer."))
        # Long read-outs must not widen the panel.
        self.hover_label.setSizePolicy(QSizePolicy.Policy.Ignored,
                                       QSizePolicy.Policy.Preferred)
        self.hover_label.setIndent(4)
        self._show_hover_hint()

        self.clear_earlier_button = QPushButton(self.tr("Clear &earlier runs"), self)
        self.clear_earlier_button.setToolTip(self.tr(
            "Remove the grey curves of earlier training runs and keep only the "
            "current run."))
        self.clear_earlier_button.clicked.connect(self.clear_earlier_runs)
        self.clear_earlier_button.setEnabled(False)

        self.export_png_button = QPushButton(self.tr("Export &PNG…"), self)
        self.export_png_button.setToolTip(self.tr(
            "Save the plot as a picture, for a report or slides."))
        self.export_png_button.clicked.connect(self._export_png_clicked)

        self.export_csv_button = QPushButton(self.tr("Export &CSV…"), self)
        self.export_csv_button.setToolTip(self.tr(
            "Save every loss and accuracy value of all runs as a table, for a "
            "spreadsheet or your own analysis."))
        self.export_csv_button.clicked.connect(self._export_csv_clicked)

        self.fit_button = QPushButton(self.tr("&Fit"), self)
        self.fit_button.setToolTip(self.tr(
            "Show the whole current run again after zooming or panning, and follow it as "
            "it grows."))
        self.fit_button.clicked.connect(self.fit)

        controls = QHBoxLayout()
        controls.addWidget(self.log_check)
        controls.addWidget(self.fit_button)
        controls.addStretch(1)
        controls.addWidget(self.clear_earlier_button)
        controls.addWidget(self.export_png_button)
        controls.addWidget(self.export_csv_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._plots, 1)
        layout.addWidget(self.hover_label)
        layout.addLayout(controls)

        for plot in (self.loss_plot, self.accuracy_plot):
            plot.installEventFilter(self)  # the read-out goes when the pointer leaves
        self.loss_plot.scene().sigMouseMoved.connect(self._hover_loss)
        self.accuracy_plot.scene().sigMouseMoved.connect(self._hover_accuracy)
        # The first run's curves, once the window is up and painted.
        QTimer.singleShot(FIRST_CURVES_AFTER_MS, self._make_spare_curve)

    # --- public API -------------------------------------------------------------

    def start_run(self, label: str, has_accuracy: bool = True) -> None:
        """Begin a new run; the current one (if any) stays visible, faded."""
        if self._current is not None:
            self.redraw()
            self._fade(self._current)
        self._runs.append(self._make_run(label, has_accuracy))
        if len(self._runs) > 1 and not self._earlier_in_legend:
            self._add_earlier_legend_entry()
        self.clear_earlier_button.setEnabled(len(self._runs) > 1)
        self.accuracy_plot.setVisible(has_accuracy)
        self._show_step_label_on_accuracy(has_accuracy)
        # A new run shows itself: not an earlier run's wide range, nor a stray pan.
        self._range = FollowedRange()

    def plan_steps(self, last_step: int) -> None:
        """The run will go on to this step: the step axis is set to fit it at once."""
        self._range.planned_step = max(self._range.planned_step, last_step)
        self._schedule_redraw()

    def add_steps(self, first_step: int, losses: np.ndarray) -> None:
        losses = np.asarray(losses, dtype=float).ravel()
        if losses.size == 0:
            return
        run = self._current_or_new()
        steps = np.arange(first_step, first_step + losses.size, dtype=np.int32)
        run.steps.append((steps, losses))
        self._range.saw(steps[-1], losses)
        self._steps_changed = True
        self._schedule_redraw()

    def add_epoch(self, epoch: int, step: int, train_loss: float, val_loss: float | None,
                  train_accuracy: float | None, val_accuracy: float | None) -> None:
        run = self._current_or_new()
        row = [epoch, step, train_loss, val_loss, train_accuracy, val_accuracy]
        run.epochs.append(np.array([[nan_if_none(v)] for v in row]))
        self._range.saw(step, np.array([train_loss, nan_if_none(val_loss)]))
        self._epochs_changed = self._accuracy_changed = True
        self._schedule_redraw()

    def clear(self) -> None:
        """Remove all runs, including the current one."""
        for run in self._runs:
            self._remove_curves(run)
        self._runs.clear()
        self._remove_earlier_legend_entry()
        self.clear_earlier_button.setEnabled(False)
        self._show_hover_hint()
        self._steps_changed = self._epochs_changed = self._accuracy_changed = False
        self._range = FollowedRange()

    def clear_earlier_runs(self) -> None:
        for run in self._runs[:-1]:
            self._remove_curves(run)
        del self._runs[:-1]
        self._remove_earlier_legend_entry()
        self.clear_earlier_button.setEnabled(False)

    def export_png(self, path) -> None:
        self.redraw()
        self._step_axes.catch_up_now()
        if not self._plots.grab().save(str(path), "PNG"):
            raise OSError(self.tr("Could not write the image {path}.").format(path=path))

    def export_csv(self, path) -> None:
        """All runs, one row per step and one per epoch (core/series.py)."""
        write_csv(path, [(run.label, run.steps, run.epochs) for run in self._runs])

    def drawn_points(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """The points on screen of the current run's curve with this legend name."""
        run = self._current
        for curve in (run.loss_curves() + run.accuracy_curves()) if run else []:
            if curve.settled.name() == name:
                return curve.drawn()
        raise KeyError(name)

    def step_count(self) -> int:
        return len(self._current.steps) if self._current is not None else 0

    def redraw(self) -> None:
        """Push the current run's buffers to its curves, both plots at once, each
        curve whole (no live tail)."""
        self._redraw_timer.stop()
        self._steps_changed = self._epochs_changed = self._accuracy_changed = True
        self._redraw_loss(whole=True)
        self._redraw_accuracy(whole=True)

    def _redraw_one_plot(self) -> None:
        """The timer's redraw: the loss and the accuracy plot take turns, so that
        their repaints (about 16 ms each on a 2-core laptop) fall in different
        passes of the event loop and the window never stalls for both."""
        loss_waiting = self._steps_changed or self._epochs_changed
        if self._accuracy_changed and (self._accuracy_turn or not loss_waiting):
            self._redraw_accuracy()
        else:
            self._redraw_loss()
        self._accuracy_turn = not self._accuracy_turn
        if self._steps_changed or self._epochs_changed or self._accuracy_changed:
            self._schedule_redraw()

    def _redraw_loss(self, whole: bool = False) -> None:
        run = self._current
        if run is None:
            return
        if self._steps_changed:
            show = run.step_curve.show_all if whole else run.step_curve.show
            show(run.steps.column(0), run.steps.column(1))
        if self._epochs_changed:
            self._draw_epochs(run, [(run.train_loss_curve, run.epochs.column(TRAIN_LOSS)),
                                    (run.val_loss_curve, run.epochs.column(VAL_LOSS))], whole)
        self._steps_changed = self._epochs_changed = False
        self._follow()

    def _redraw_accuracy(self, whole: bool = False) -> None:
        run = self._current
        if run is not None and self._accuracy_changed and run.has_accuracy:
            self._draw_epochs(run, [(run.train_acc_curve, 100 * run.epochs.column(TRAIN_ACC)),
                                    (run.val_acc_curve, 100 * run.epochs.column(VAL_ACC))], whole)
        self._accuracy_changed = False

    def _stop_following(self, *_args) -> None:
        self._range.following = False

    def fit(self) -> None:
        """Show the whole current run again, and follow it (after a zoom or a pan)."""
        old = self._range
        self._range = FollowedRange()
        self._range.planned_step, self._range.last_step = old.planned_step, old.last_step
        self._range.low, self._range.high = old.low, old.high
        self._follow()

    def _follow(self) -> None:
        """Widen the view when the data outgrow it, never narrow it while training.

        A range that changes at every redraw (pyqtgraph's auto range, as the loss
        falls and the steps grow) re-lays out the axes and repaints both plots each
        time: 50–80 ms stalls of the window on a 2-core laptop. Widening in jumps
        keeps most redraws to the curves alone."""
        r = self._range
        if not r.following:
            return
        x_end = r.next_x_end()
        if x_end is not None:
            self.loss_plot.setXRange(0, x_end, padding=0.01)
        y = r.next_y_range(self.log_check.isChecked())
        if y is not None:
            self.loss_plot.setYRange(*y, padding=0)
        if x_end is not None or y is not None:
            self._apply_view_ranges()

    def _apply_view_ranges(self) -> None:
        """Move the curves to a new view range now rather than when the plots paint.

        pyqtgraph applies a range change as a paint begins, and each curve then
        asks for its bounds to be measured again, which asks for a second paint of
        the whole plot right after the first: a widening cost two paints of each
        plot, 50-70 ms of stalled window while training. (The accuracy plot
        follows a pass later: step_axis_link.py.)"""
        self.loss_plot.getPlotItem().getViewBox().updateMatrix()

    @staticmethod
    def _draw_epochs(run: Run, series, whole: bool) -> None:
        epoch_steps = run.epochs.column(STEP)
        if len(epoch_steps) > MAX_EPOCH_SYMBOLS:
            # Hundreds of markers blur into the line and cost most of each repaint.
            for curve, _ in series:
                for item in curve.items():
                    if item.opts["symbol"] is not None:
                        item.setSymbol(None)
        for curve, values in series:
            # A run without validation data has only NaN here; pyqtgraph warns on those.
            if np.isnan(values).all():
                curve.clear()
            elif whole:
                curve.show_all(epoch_steps, values)
            else:
                curve.show(epoch_steps, values)

    # --- look ---------------------------------------------------------------------

    @staticmethod
    def _make_plot(y_label: str, left_axis: pg.AxisItem) -> pg.PlotWidget:
        plot = pg.PlotWidget(background="w", axisItems={"left": left_axis})
        plot.addItem(TickGrid(plot.getPlotItem()), ignoreBounds=True)  # not the axes' grid: see tick_grid.py
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            axis.setPen(pg.mkPen(90, 90, 90))
            axis.setTextPen(pg.mkPen(40, 40, 40))
        plot.setLabel("left", y_label, color="#282828")
        # Equal widths keep the two plots' step axes aligned however wide the labels.
        left_axis.setWidth(52)
        # The plot menu's own log toggle would bypass our checkbox; the view menu stays.
        plot.getPlotItem().setMenuEnabled(False, enableViewBoxMenu=True)
        plot.getPlotItem().hideButtons()  # pyqtgraph's unexplained "A": the Fit button does it
        return plot

    @staticmethod
    def _add_legend(plot: pg.PlotWidget, offset) -> pg.LegendItem:
        return plot.addLegend(offset=offset, brush=pg.mkBrush(255, 255, 255, 210),
                              pen=pg.mkPen(200, 200, 200), labelTextColor="#282828",
                              verSpacing=-4)

    def _show_step_label_on_accuracy(self, shown: bool) -> None:
        # The shared step axis is labelled once, under the lowest visible plot.
        self.loss_plot.setLabel("bottom", "" if shown else self.tr("step"),
                                color="#282828")
        self.accuracy_plot.setLabel("bottom", self.tr("step"), color="#282828")

    def _set_log_scale(self, on: bool) -> None:
        self.loss_plot.setLogMode(y=on)
        for curve in [c for run in self._runs for c in run.loss_curves()] + self._spare_curves[:3]:
            curve.set_log_y(on)
        self._range.y_range = None  # fit the new scale
        self._follow()

