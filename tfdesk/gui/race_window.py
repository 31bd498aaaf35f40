"""The race: pick optimizers and batch modes, train them from the same initial
weights on the same data, and watch their losses overlaid, per epoch."""

from __future__ import annotations

import csv

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QFileDialog, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
    QSpinBox, QVBoxLayout, QWidget,
)

from ..core.race import contestants
from ..core.spec import BATCH_MODE_LABELS, OPTIMIZER_LABELS
from .words import batch_mode_label, optimizer_label, run_label

COLORS = [(31, 119, 180), (214, 39, 40), (44, 160, 44), (255, 127, 14), (148, 103, 189),
          (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207)]


class RaceWindow(QDialog):
    startRequested = Signal(object, int)  # [(label, Experiment)], epochs
    stopRequested = Signal()

    def __init__(self, experiment, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("raceWindow")
        self.setWindowTitle(self.tr("Race: optimizers and batch modes"))
        self.experiment = experiment
        self.optimizer_boxes = {}
        optimizers = QGroupBox(self.tr("Optimizers"))
        grid = QGridLayout(optimizers)
        for i, name in enumerate(OPTIMIZER_LABELS):
            box = QCheckBox(optimizer_label(name))
            box.setChecked(name in ("gradient_descent", "adam"))
            self.optimizer_boxes[name] = box
            grid.addWidget(box, i // 3, i % 3)
        self.mode_boxes = {}
        modes = QGroupBox(self.tr("Batch modes (the slide's three ways)"))
        row = QHBoxLayout(modes)
        for name in BATCH_MODE_LABELS:
            label = (self.tr("Mini-batch of {0}").format(experiment.training.batch_size)
                     if name == "mini" else batch_mode_label(name))
            box = QCheckBox(label)
            box.setChecked(name == "mini")
            self.mode_boxes[name] = box
            row.addWidget(box)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 10_000)
        self.epochs.setValue(20)
        self.epochs.setPrefix(self.tr("epochs: "))
        self.start_button = QPushButton(self.tr("&Start the race"))
        self.stop_button = QPushButton(self.tr("S&top"))
        self.stop_button.setEnabled(False)
        self.export_png_button = QPushButton(self.tr("Export &PNG…"))
        self.export_csv_button = QPushButton(self.tr("Export &CSV…"))
        self.status = QLabel(self.tr("Every contestant starts from the same initial weights, "
                                     "on the same data; each trains one epoch in turn. Lines: "
                                     "each epoch's mean loss; faint: the steps' loss, smoothed."))
        self.status.setWordWrap(True)
        self.every_step = QCheckBox(self.tr("Every &step"))
        self.every_step.setToolTip(self.tr(
            "Show each step's loss as it was, noise and all. Stochastic steps jump by an order "
            "of magnitude: unsmoothed, they cover the plot."))
        self.every_step.toggled.connect(self._redraw_steps)
        # The legend sits below the curves, never over them.
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setBackground("w")
        self.plot = self.canvas.addPlot(row=0, col=0)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.plot.setLabel("bottom", self.tr("epoch"))
        self.plot.setLabel("left", self.tr("training loss"))
        self.legend = pg.LegendItem(colCount=2, labelTextColor="#282828")
        self.canvas.addItem(self.legend, row=1, col=0)

        controls = QHBoxLayout()
        for widget in (self.epochs, self.start_button, self.stop_button):
            controls.addWidget(widget)
        controls.addWidget(self.every_step)
        controls.addStretch(1)
        controls.addWidget(self.export_png_button)
        controls.addWidget(self.export_csv_button)
        layout = QVBoxLayout(self)
        layout.addWidget(optimizers)
        layout.addWidget(modes)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(self.canvas, 1)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stopRequested)
        self.export_png_button.clicked.connect(lambda: self.export_png(self._ask_path("PNG (*.png)")))
        self.export_csv_button.clicked.connect(lambda: self.export_csv(self._ask_path("CSV (*.csv)")))
        self.resize(900, 700)
        self.labels: list[str] = []
        self.data: list[list[np.ndarray]] = []  # per contestant: x, loss blocks
        self.curves: list[pg.PlotDataItem] = []  # the steps (smoothed unless every_step), faint
        self.epoch_curves: list[pg.PlotDataItem] = []  # each epoch's mean, the one to compare
        self.epoch_losses: list[list[tuple[float, float]]] = []

    def entries(self):
        chosen_optimizers = [n for n, b in self.optimizer_boxes.items() if b.isChecked()]
        chosen_modes = [n for n, b in self.mode_boxes.items() if b.isChecked()]
        return [(run_label(exp), exp)
                for exp in contestants(self.experiment, chosen_optimizers, chosen_modes)]

    def start(self) -> None:
        entries = self.entries()
        if not entries:
            self.status.setText(self.tr("Tick at least one optimizer and one batch mode."))
            return
        self.start_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.status.setText(self.tr("Building {0} networks…").format(len(entries)))
        self.startRequested.emit(entries, self.epochs.value())

    # ---- what the worker reports ---------------------------------------------------

    def race_started(self, labels: list[str]) -> None:
        self.plot.clear()
        self.legend.clear()
        self.canvas.ci.layout.setRowStretchFactor(0, 4)
        self.labels, self.data, self.curves = list(labels), [[] for _ in labels], []
        self.epoch_curves, self.epoch_losses = [], [[] for _ in labels]
        for i, label in enumerate(labels):
            color = COLORS[i % len(COLORS)]
            # Faint, so that they show how the loss moves within an epoch without hiding
            # the epoch means the race is about.
            self.curves.append(self.plot.plot(pen=pg.mkPen(*color, 60, width=1)))
            self.epoch_curves.append(self.plot.plot(
                pen=pg.mkPen(*color, width=2.5), symbol="o", symbolSize=5,
                symbolBrush=pg.mkBrush(*color), symbolPen=None))
            self.legend.addItem(self.epoch_curves[-1], label)
        self.status.setText(self.tr("Racing {0} contestants…").format(len(labels)))

    def add_steps(self, index: int, x, losses) -> None:
        self.data[index].append(np.vstack([x, losses]))
        self._draw_steps(index)

    def _draw_steps(self, index: int) -> None:
        xy = np.hstack(self.data[index])
        y = xy[1] if self.every_step.isChecked() else smoothed(xy[0], xy[1])
        self.curves[index].setData(xy[0], y)

    def _redraw_steps(self) -> None:
        for index, blocks in enumerate(self.data):
            if blocks:
                self._draw_steps(index)

    def add_epoch(self, index: int, metrics) -> None:
        self.epoch_losses[index].append((metrics.epoch, metrics.train_loss))
        epochs, losses = zip(*self.epoch_losses[index])
        self.epoch_curves[index].setData(epochs, losses)
        highest = max(loss for series in self.epoch_losses for _, loss in series)
        self.plot.setYRange(0, highest * 1.15, padding=0)

    def race_finished(self, status: str, out: dict) -> None:
        self.start_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        text = {"finished": self.tr("Finished."), "stopped": self.tr("Stopped."),
                "failed": self.tr("The race could not run: see the message.")}[status]
        for i, why in out.items():
            text += " " + self.tr("{0} dropped out: {1}").format(self.labels[i], why.split(".")[0])
        self.status.setText(text)

    # ---- export ---------------------------------------------------------------------------

    def export_png(self, path: str) -> None:
        if path:
            self.canvas.grab().save(path, "PNG")

    def export_csv(self, path: str) -> None:
        if not path:
            return
        with open(path, "w", newline="", encoding="utf-8-sig") as f:
            writer = csv.writer(f)
            writer.writerow(["contestant", "epoch", "loss"])
            for label, blocks in zip(self.labels, self.data):
                for x, loss in np.hstack(blocks).T if blocks else []:
                    writer.writerow([label, f"{x:.6g}", f"{loss:.9g}"])

    def _ask_path(self, file_filter: str) -> str:
        return QFileDialog.getSaveFileName(self, self.tr("Export the race"), "", file_filter)[0]


SMOOTHING_EPOCHS = 0.1  # the steps of a tenth of an epoch are averaged


def smoothed(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """y averaged over the steps of the last SMOOTHING_EPOCHS (x in epochs)."""
    if len(x) < 3:
        return y
    per_epoch = 1.0 / max(float(np.median(np.diff(x))), 1e-9)
    window = max(1, int(round(per_epoch * SMOOTHING_EPOCHS)))
    sums = np.concatenate([[0.0], np.cumsum(y, dtype=np.float64)])
    start = np.maximum(np.arange(1, len(y) + 1) - window, 0)
    return (sums[1:] - sums[start]) / (np.arange(1, len(y) + 1) - start)
