"""The live training plot: loss per step and per epoch, accuracy per epoch, earlier
runs kept as faded curves for comparison, hover read-out, PNG and CSV export."""

from __future__ import annotations

import csv
import math
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPen
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox,
                               QPushButton, QSizePolicy, QVBoxLayout, QWidget)

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it

from .live_curve import LiveCurve
from .step_axis_link import StepAxisLink
from .tick_grid import TickGrid

REDRAW_INTERVAL_MS = 100
DRAWING_REDRAW_INTERVAL_MS = 400
MAX_EPOCH_SYMBOLS = 60  # beyond this many epochs a run's epoch curves are lines only
MAX_DRAWN_STEPS = 20_000  # longer runs are drawn as the low and high of each group of steps
MAX_FADED_STEPS = 4_000  # the same for an earlier run: about two points a pixel of a wide plot
MAX_DRAWN_EPOCHS = 2_000  # longer runs draw every k-th epoch (and the last)
# The least a live curve's tail holds before it is folded into the settled part
# (live_curve.py): about a redraw's worth of steps, or of epochs, on the course network.
MIN_TAIL_STEPS = 512
MIN_TAIL_EPOCHS = 16
FIRST_CURVES_AFTER_MS = 1000
RUN_CURVES = 5  # step, epoch losses (training, validation), epoch accuracies (the same)

TRAIN_COLOR = (31, 119, 180)
VAL_COLOR = (230, 115, 0)
STEP_ALPHA = 70
FADED_COLOR = (150, 150, 150)
FADED_STEP_ALPHA = 35
FADED_EPOCH_ALPHA = 110

CSV_COLUMNS = ["run", "kind", "step", "epoch", "train_loss", "val_loss",
               "train_accuracy", "val_accuracy"]


class _GrowingColumns:
    """Float columns appended to in blocks. Capacity doubles when full, so ~30 appends
    a second stay cheap however long the run, and each column is a contiguous view
    that can go straight to setData without copying."""

    def __init__(self, width: int, capacity: int = 1024):
        self._data = np.empty((width, capacity))
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def append(self, block: np.ndarray) -> None:
        """Append `block`, shaped (width, n)."""
        end = self._size + block.shape[1]
        if end > self._data.shape[1]:
            grown = np.empty((self._data.shape[0], max(end, 2 * self._data.shape[1])))
            grown[:, :self._size] = self._data[:, :self._size]
            self._data = grown
        self._data[:, self._size:end] = block
        self._size = end

    def column(self, index: int) -> np.ndarray:
        return self._data[index, :self._size]


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


# Column order of a run's epoch table; None arrives as NaN.
EPOCH, STEP, TRAIN_LOSS, VAL_LOSS, TRAIN_ACC, VAL_ACC = range(6)


@dataclass
class _Run:
    label: str
    has_accuracy: bool
    steps: _GrowingColumns          # rows of (step, loss)
    epochs: _GrowingColumns         # rows indexed by EPOCH … VAL_ACC
    step_curve: LiveCurve
    train_loss_curve: LiveCurve
    val_loss_curve: LiveCurve
    train_acc_curve: LiveCurve
    val_acc_curve: LiveCurve

    def loss_curves(self) -> list[LiveCurve]:
        return [self.step_curve, self.train_loss_curve, self.val_loss_curve]

    def accuracy_curves(self) -> list[LiveCurve]:
        return [self.train_acc_curve, self.val_acc_curve]


def _nan_if_none(value: float | None) -> float:
    return math.nan if value is None else float(value)


def _csv_number(value: float) -> str:
    # 9 significant digits round-trip float32 losses exactly; NaN (no value) is blank.
    return "" if math.isnan(value) else f"{value:.9g}"


def _every_kth(n: int, limit: int) -> slice | np.ndarray:
    """Indices of at most about `limit` of n points, evenly spaced, the last included."""
    if n <= limit:
        return slice(None)
    indices = np.arange(0, n, -(-n // limit))
    return indices if indices[-1] == n - 1 else np.append(indices, n - 1)


def _thinned_epochs(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    # Thousands of epochs (a long run of a small network) as wide antialiased lines
    # cost more to paint than everything else together.
    shown = _every_kth(len(x), MAX_DRAWN_EPOCHS)
    return x[shown], y[shown]


def _thinned_steps(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return _peaks(x, y, MAX_DRAWN_STEPS)


def _peaks(x: np.ndarray, y: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """At most about `limit` points that keep every group's lowest and highest loss.

    Handing pyqtgraph all of a long run at every redraw made each redraw cost more as
    the run grew (a 180 ms stall at 450,000 steps); this costs a few numpy passes."""
    n = len(x)
    if n <= limit:
        return x, y
    group = -(-2 * n // limit)  # ceil(n / (limit / 2)): two points a group
    whole = n // group * group
    ys = y[:whole].reshape(-1, group)
    xs = x[:whole].reshape(-1, group)
    low_first = ys.argmin(axis=1) < ys.argmax(axis=1)  # keep each pair in step order
    lows, highs = ys.min(axis=1), ys.max(axis=1)
    px = np.column_stack([xs[:, 0], xs[:, -1]]).ravel()
    py = np.column_stack([np.where(low_first, lows, highs), np.where(low_first, highs, lows)]).ravel()
    return np.concatenate([px, x[whole:]]), np.concatenate([py, y[whole:]])


class _FollowedRange:
    """The plotted extent of the data, and the view range that grows in jumps to hold it."""

    def __init__(self, following: bool = True):
        self.following = following
        self.planned_step = 0
        self.last_step = 0.0
        self.low = math.inf  # the smallest and largest positive losses seen
        self.high = 0.0
        self.x_end: float | None = None
        self.y_range: tuple[float, float] | None = None

    def saw(self, last_step: float, losses: np.ndarray) -> None:
        self.last_step = max(self.last_step, float(last_step))
        finite = losses[np.isfinite(losses) & (losses > 0)]
        if finite.size:
            self.low = min(self.low, float(finite.min()))
            self.high = max(self.high, float(finite.max()))

    def next_x_end(self) -> float | None:
        needed = max(self.planned_step, self.last_step, 1.0)
        if self.x_end is not None and needed <= self.x_end:
            return None
        # Without a plan, leave room for as many steps again.
        self.x_end = needed if needed == self.planned_step else needed * 1.5
        return self.x_end

    def next_y_range(self, log: bool) -> tuple[float, float] | None:
        if self.high <= 0:
            return None
        if log:  # pyqtgraph's log view range is in decades
            bottom, top = math.log10(self.low), math.log10(self.high)
            if self.y_range and self.y_range[0] <= bottom and top <= self.y_range[1]:
                return None
            self.y_range = (math.floor(bottom * 2) / 2 - 0.25, math.ceil(top * 2) / 2 + 0.1)
        else:
            if self.y_range and self.high <= self.y_range[1]:
                return None
            self.y_range = (0.0, self.high * 1.08)
        return self.y_range


class LossPlot(QWidget):
    """Loss (top) and accuracy (bottom) against the training step.

    Data arrives fast and is only buffered; a timer redraws at most every
    REDRAW_INTERVAL_MS, and only when something changed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._runs: list[_Run] = []
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
        self._range = _FollowedRange()
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
        self._range = _FollowedRange()

    def plan_steps(self, last_step: int) -> None:
        """The run will go on to this step: the step axis is set to fit it at once."""
        self._range.planned_step = max(self._range.planned_step, last_step)
        self._schedule_redraw()

    def add_steps(self, first_step: int, losses: np.ndarray) -> None:
        losses = np.asarray(losses, dtype=float).ravel()
        if losses.size == 0:
            return
        run = self._current_or_new()
        steps = np.arange(first_step, first_step + losses.size, dtype=float)
        run.steps.append(np.vstack([steps, losses]))
        self._range.saw(steps[-1], losses)
        self._steps_changed = True
        self._schedule_redraw()

    def add_epoch(self, epoch: int, step: int, train_loss: float, val_loss: float | None,
                  train_accuracy: float | None, val_accuracy: float | None) -> None:
        run = self._current_or_new()
        row = [epoch, step, train_loss, val_loss, train_accuracy, val_accuracy]
        run.epochs.append(np.array([[_nan_if_none(v)] for v in row]))
        self._range.saw(step, np.array([train_loss, _nan_if_none(val_loss)]))
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
        self._range = _FollowedRange()

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
        """All runs, one row per step and one per epoch. UTF-8 with a byte-order mark,
        so that spreadsheet programs read non-ASCII run labels correctly."""
        with open(path, "w", newline="", encoding="utf-8-sig") as file:
            writer = csv.writer(file)
            writer.writerow(CSV_COLUMNS)
            for run in self._runs:
                steps = run.steps.column(0).tolist()
                losses = run.steps.column(1).tolist()
                writer.writerows((run.label, "step", int(step), "", _csv_number(loss),
                                  "", "", "") for step, loss in zip(steps, losses))
                epochs = zip(*(run.epochs.column(i).tolist() for i in range(6)))
                writer.writerows(
                    (run.label, "epoch", int(step), int(epoch), *map(_csv_number, rest))
                    for epoch, step, *rest in epochs)

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
        self._range = _FollowedRange()
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
    def _draw_epochs(run: _Run, series, whole: bool) -> None:
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

    # --- runs and curves ----------------------------------------------------------

    @property
    def _current(self) -> _Run | None:
        return self._runs[-1] if self._runs else None

    def _current_or_new(self) -> _Run:
        # Data without start_run still belongs somewhere visible.
        if self._current is None:
            self.start_run(self.tr("run {number}").format(number=1))
        return self._current

    def drawing_in_progress(self) -> None:
        """The student is drawing: for the next second, redraw less often, so that
        the GUI thread's time goes to the pen and the probability bars."""
        self._drawing_until = time.monotonic() + 1.0

    def _schedule_redraw(self) -> None:
        if not self._redraw_timer.isActive():
            drawing = time.monotonic() < self._drawing_until
            self._redraw_timer.setInterval(DRAWING_REDRAW_INTERVAL_MS if drawing else REDRAW_INTERVAL_MS)
            self._redraw_timer.start()

    def _make_run(self, label: str, has_accuracy: bool) -> _Run:
        while len(self._spare_curves) < RUN_CURVES:
            self._make_spare_curve()
        step, train_loss, val_loss, train_acc, val_acc = self._spare_curves
        self._spare_curves = []
        self._spare_timer.start()  # the next run's curves, one at a time
        return _Run(label=label, has_accuracy=has_accuracy,
                    steps=_GrowingColumns(2), epochs=_GrowingColumns(6),
                    step_curve=step, train_loss_curve=train_loss, val_loss_curve=val_loss,
                    train_acc_curve=train_acc, val_acc_curve=val_acc)

    def _make_spare_curve(self) -> None:
        """Make one of the next run's curves and put it in its plot, empty: one per
        pass of the event loop, so that neither starting a run nor making its
        curves (2-3 ms each) stalls the window."""
        index = len(self._spare_curves)
        if index == RUN_CURVES:
            return
        curve = self._curve_makers()[index]()
        on_loss_plot = index < 3
        curve.attach((self.loss_plot if on_loss_plot else self.accuracy_plot).getPlotItem(),
                     log_y=on_loss_plot and self.log_check.isChecked())
        self._spare_curves.append(curve)
        if len(self._spare_curves) < RUN_CURVES:
            self._spare_timer.start()

    def _curve_makers(self) -> list:
        """A run's curves, in _Run's order: step, epoch losses, epoch accuracies."""
        return [
            self._step_curve,
            lambda: self._epoch_curve(TRAIN_COLOR, "o", self.tr("training loss (epoch)")),
            lambda: self._epoch_curve(VAL_COLOR, "s", self.tr("validation loss")),
            lambda: self._epoch_curve(TRAIN_COLOR, "o", self.tr("training accuracy")),
            lambda: self._epoch_curve(VAL_COLOR, "s", self.tr("validation accuracy")),
        ]

    def _step_curve(self) -> LiveCurve:
        curve = LiveCurve(self.tr("training loss (each step)"), MIN_TAIL_STEPS, _thinned_steps,
                          **self._step_style())
        for item in curve.items():
            item.setDownsampling(auto=True, method="peak")
        curve.settled.setClipToView(True)
        return curve

    @staticmethod
    def _step_style() -> dict:
        return dict(pen=pg.mkPen(*TRAIN_COLOR, STEP_ALPHA, width=1))

    @staticmethod
    def _epoch_style(color, symbol: str) -> dict:
        return dict(pen=pg.mkPen(*color, width=2), symbol=symbol, symbolSize=6,
                    symbolBrush=pg.mkBrush(*color), symbolPen=pg.mkPen("w"),
                    connect="finite", antialias=True)

    def _epoch_curve(self, color, symbol: str, name: str) -> LiveCurve:
        return LiveCurve(name, MIN_TAIL_EPOCHS, _thinned_epochs, **self._epoch_style(color, symbol))

    @staticmethod
    def _faded_pen(alpha: int, dashed: bool = False) -> QPen:
        # One pixel wide: Qt strokes a wider (non-cosmetic) line, dashed or not, many
        # times slower, and every repaint while training paints every earlier run
        # (eight earlier runs at 1.5 px made a repaint 34 ms instead of 5).
        pen = pg.mkPen(*FADED_COLOR, alpha, width=1)
        if dashed:
            pen.setDashPattern([4, 3])
        return pen

    def _fade(self, run: _Run) -> None:
        """Grey the run out and freeze its step curve: a finished run's curves never
        change, so they need not follow the view range (which re-clipped and
        re-downsampled every earlier run at each widening) and keep only enough
        points to draw its low-high envelope. Call after a whole redraw."""
        for curve in run.loss_curves() + run.accuracy_curves():
            curve.drop_tail()
        steps = run.step_curve.settled
        steps.setPen(self._faded_pen(FADED_STEP_ALPHA))
        steps.setDownsampling(auto=False)
        steps.setClipToView(False)
        steps.setData(*_peaks(run.steps.column(0), run.steps.column(1), MAX_FADED_STEPS))
        for curve in run.loss_curves()[1:] + run.accuracy_curves():
            is_validation = curve in (run.val_loss_curve, run.val_acc_curve)
            curve.settled.setPen(self._faded_pen(FADED_EPOCH_ALPHA, dashed=is_validation))
            curve.settled.setSymbol(None)
        for curve in run.loss_curves() + run.accuracy_curves():
            curve.settled.setZValue(-1)  # the current run is drawn on top

    def _remove_curves(self, run: _Run) -> None:
        for curve in run.loss_curves() + run.accuracy_curves():
            curve.remove()

    def _add_earlier_legend_entry(self) -> None:
        self.loss_legend.addItem(self._earlier_sample, self.tr("earlier runs"))
        self._earlier_in_legend = True

    def _remove_earlier_legend_entry(self) -> None:
        if self._earlier_in_legend:
            self.loss_legend.removeItem(self._earlier_sample)
            self._earlier_in_legend = False

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

    # --- hover read-out -------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Leave:
            self._show_hover_hint()
        return False

    def _show_hover(self, text: str) -> None:
        """The read-out, cut with "…" where the panel is narrower than it."""
        metrics = self.hover_label.fontMetrics()
        self.hover_label.setToolTip(text)
        self.hover_label.setText(metrics.elidedText(text, Qt.ElideRight, max(
            40, self.hover_label.width() - 2 * self.hover_label.indent())))

    def _hover_loss(self, scene_pos) -> None:
        run = self._current
        view = self.loss_plot.getPlotItem().vb
        if run is None or not view.sceneBoundingRect().contains(scene_pos):
            self._show_hover_hint()
            return
        step = round(view.mapSceneToView(scene_pos).x())
        parts = []
        steps = run.steps.column(0)
        index = np.searchsorted(steps, step)
        if index < len(steps) and steps[index] == step:
            parts.append(self.tr("step {step}: loss {loss}").format(
                step=step, loss=f"{run.steps.column(1)[index]:.4g}"))
        epoch = self._nearest_epoch(run, step, view)
        if epoch is not None:
            text = self.tr("epoch {epoch}: training {train}").format(
                epoch=int(run.epochs.column(EPOCH)[epoch]),
                train=f"{run.epochs.column(TRAIN_LOSS)[epoch]:.4g}")
            val_loss = run.epochs.column(VAL_LOSS)[epoch]
            if not math.isnan(val_loss):
                text += self.tr(", validation {val}").format(val=f"{val_loss:.4g}")
            parts.append(text)
        if parts:
            self._show_hover("  ·  ".join(parts))
        else:
            self._show_hover_hint()

    def _hover_accuracy(self, scene_pos) -> None:
        run = self._current
        view = self.accuracy_plot.getPlotItem().vb
        epoch = None
        if run is not None and view.sceneBoundingRect().contains(scene_pos):
            step = view.mapSceneToView(scene_pos).x()
            epoch = self._nearest_epoch(run, step, view, anywhere=True)
        if epoch is None:
            self._show_hover_hint()
            return
        text = self.tr("epoch {epoch} (step {step}): training accuracy {train}").format(
            epoch=int(run.epochs.column(EPOCH)[epoch]),
            step=int(run.epochs.column(STEP)[epoch]),
            train=self._percent(run.epochs.column(TRAIN_ACC)[epoch]))
        val_acc = run.epochs.column(VAL_ACC)[epoch]
        if not math.isnan(val_acc):
            text += self.tr(", validation accuracy {val}").format(val=self._percent(val_acc))
        self._show_hover(text)

    def _show_hover_hint(self) -> None:
        self.hover_label.setText(self.tr("Point at a curve to read its values."))
        self.hover_label.setToolTip(self.tr("The loss or accuracy at the point under the mouse pointer."))

    @staticmethod
    def _percent(fraction: float) -> str:
        return "–" if math.isnan(fraction) else f"{100 * fraction:.1f} %"

    @staticmethod
    def _nearest_epoch(run: _Run, step: float, view: pg.ViewBox,
                       anywhere: bool = False) -> int | None:
        """Index of the epoch whose end is nearest `step`; unless `anywhere`, only
        if it is within a few pixels, so the read-out names the point under the mouse."""
        epoch_steps = run.epochs.column(STEP)
        if epoch_steps.size == 0:
            return None
        nearest = int(np.argmin(np.abs(epoch_steps - step)))
        if anywhere:
            return nearest
        pixel = view.viewPixelSize()[0]
        return nearest if abs(epoch_steps[nearest] - step) <= 6 * pixel else None

    # --- export buttons -------------------------------------------------------------

    def _ask_path(self, title: str, file_filter: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, "", file_filter)
        return path

    def _export_png_clicked(self) -> None:
        self._export_with_dialog(self.tr("Export plot as PNG"),
                                 self.tr("PNG image (*.png)"), ".png", self.export_png)

    def _export_csv_clicked(self) -> None:
        self._export_with_dialog(self.tr("Export values as CSV"),
                                 self.tr("CSV table (*.csv)"), ".csv", self.export_csv)

    def _export_with_dialog(self, title: str, file_filter: str, suffix: str,
                            export) -> None:
        path = self._ask_path(title, file_filter)
        if not path:
            return
        if not Path(path).suffix:
            path += suffix
        try:
            export(path)
        except OSError as error:
            QMessageBox.warning(self, title, str(error))
