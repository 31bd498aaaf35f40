"""The plot's runs and their curves: made ahead, faded when a new run starts, removed.

A mixin of LossPlot (plot_panel.py); gui/live_curve.py is how a growing curve is drawn.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import pyqtgraph as pg  # after PySide6 (plot_panel imports it first)
from PySide6.QtGui import QPen

from ..core.series import GrowingColumns, peaks, step_columns, thinned_epochs, thinned_steps
from .live_curve import LiveCurve

REDRAW_INTERVAL_MS = 100
DRAWING_REDRAW_INTERVAL_MS = 400  # while the student draws: the pen comes first
FIRST_CURVES_AFTER_MS = 1000
MAX_EPOCH_SYMBOLS = 60  # beyond this many epochs a run's epoch curves are lines only
MAX_FADED_STEPS = 4_000  # an earlier run's steps: about two points a pixel of a wide plot
# The least a live curve's tail holds before it is folded into the settled part
# (live_curve.py): about a redraw's worth of steps, or of epochs, on the course network.
MIN_TAIL_STEPS = 512
MIN_TAIL_EPOCHS = 16
RUN_CURVES = 5  # step, epoch losses (training, validation), epoch accuracies (the same)

TRAIN_COLOR = (31, 119, 180)
VAL_COLOR = (230, 115, 0)
STEP_ALPHA = 70
FADED_COLOR = (150, 150, 150)
FADED_STEP_ALPHA = 35
FADED_EPOCH_ALPHA = 110


@dataclass
class Run:
    label: str
    has_accuracy: bool
    steps: GrowingColumns          # rows of (step, loss)
    epochs: GrowingColumns         # rows indexed by EPOCH … VAL_ACC (core/series.py)
    step_curve: LiveCurve
    train_loss_curve: LiveCurve
    val_loss_curve: LiveCurve
    train_acc_curve: LiveCurve
    val_acc_curve: LiveCurve

    def loss_curves(self) -> list[LiveCurve]:
        return [self.step_curve, self.train_loss_curve, self.val_loss_curve]

    def accuracy_curves(self) -> list[LiveCurve]:
        return [self.train_acc_curve, self.val_acc_curve]


class PlotRuns:
    """Needs LossPlot's plots, timers and _runs; see plot_panel.py."""

    @property
    def _current(self) -> Run | None:
        return self._runs[-1] if self._runs else None

    def _current_or_new(self) -> Run:
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

    def _make_run(self, label: str, has_accuracy: bool) -> Run:
        while len(self._spare_curves) < RUN_CURVES:
            self._make_spare_curve()
        step, train_loss, val_loss, train_acc, val_acc = self._spare_curves
        self._spare_curves = []
        self._spare_timer.start()  # the next run's curves, one at a time
        return Run(label=label, has_accuracy=has_accuracy,
                    steps=step_columns(), epochs=GrowingColumns(6),
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
        """A run's curves, in Run's order: step, epoch losses, epoch accuracies."""
        return [
            self._step_curve,
            lambda: self._epoch_curve(TRAIN_COLOR, "o", self.tr("training loss (epoch)")),
            lambda: self._epoch_curve(VAL_COLOR, "s", self.tr("validation loss")),
            lambda: self._epoch_curve(TRAIN_COLOR, "o", self.tr("training accuracy")),
            lambda: self._epoch_curve(VAL_COLOR, "s", self.tr("validation accuracy")),
        ]

    def _step_curve(self) -> LiveCurve:
        curve = LiveCurve(self.tr("training loss (each step)"), MIN_TAIL_STEPS, thinned_steps,
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
        return LiveCurve(name, MIN_TAIL_EPOCHS, thinned_epochs, **self._epoch_style(color, symbol))

    @staticmethod
    def _faded_pen(alpha: int, dashed: bool = False) -> QPen:
        # One pixel wide: Qt strokes a wider (non-cosmetic) line, dashed or not, many
        # times slower, and every repaint while training paints every earlier run
        # (eight earlier runs at 1.5 px made a repaint 34 ms instead of 5).
        pen = pg.mkPen(*FADED_COLOR, alpha, width=1)
        if dashed:
            pen.setDashPattern([4, 3])
        return pen

    def _fade(self, run: Run) -> None:
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
        steps.setData(*peaks(run.steps.column(0), run.steps.column(1), MAX_FADED_STEPS))
        for curve in run.loss_curves()[1:] + run.accuracy_curves():
            is_validation = curve in (run.val_loss_curve, run.val_acc_curve)
            curve.settled.setPen(self._faded_pen(FADED_EPOCH_ALPHA, dashed=is_validation))
            curve.settled.setSymbol(None)
        for curve in run.loss_curves() + run.accuracy_curves():
            curve.settled.setZValue(-1)  # the current run is drawn on top

    def _remove_curves(self, run: Run) -> None:
        for curve in run.loss_curves() + run.accuracy_curves():
            curve.remove()

    def _add_earlier_legend_entry(self) -> None:
        self.loss_legend.addItem(self._earlier_sample, self.tr("earlier runs"))
        self._earlier_in_legend = True

    def _remove_earlier_legend_entry(self) -> None:
        if self._earlier_in_legend:
            self.loss_legend.removeItem(self._earlier_sample)
            self._earlier_in_legend = False

