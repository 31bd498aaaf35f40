"""The curve lessons: the noisy points, the curve they were drawn from, and the
model's current curve with its learned numbers beside the true ones."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..core.data import curve_values

CURVE_SAMPLES = 200


def _formula(weights, bias) -> str:
    terms = [f"{w:+.3f}·x" + ("" if k == 1 else ("²" if k == 2 else f"^{k}"))
             for k, w in enumerate(weights, start=1)]
    return "y = " + " ".join(terms).lstrip("+") + f" {bias:+.3f}"


class CurveView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot = pg.PlotWidget(background="w")
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.plot.setLabel("bottom", "x")
        self.plot.setLabel("left", "y")
        self.plot.addLegend(offset=(10, 10), labelTextColor="#282828")
        self.points = pg.ScatterPlotItem(size=6, brush=pg.mkBrush(31, 119, 180, 150), pen=None,
                                         name=self.tr("training points"))
        self.truth = pg.PlotDataItem(pen=pg.mkPen(120, 120, 120, width=1.5, dash=[4, 3]),
                                     name=self.tr("the curve they came from"))
        self.model = pg.PlotDataItem(pen=pg.mkPen(214, 39, 40, width=2.5), name=self.tr("the model now"))
        for item in (self.points, self.truth, self.model):
            self.plot.addItem(item)
        self.numbers = QLabel()
        self.numbers.setWordWrap(True)
        self.numbers.setToolTip(self.tr(
            "The variables `weight` and `bias` the optimizer is adjusting, and the values the "
            "points were generated with. Training should bring them close, not equal: the points are noisy."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.numbers)
        self.true_params: dict | None = None
        self.learned: tuple[np.ndarray, float] | None = None
        self._grid = np.linspace(-1.0, 1.0, CURVE_SAMPLES)

    def set_points(self, x: np.ndarray, y: np.ndarray, true_params: dict | None) -> None:
        self.points.setData(np.asarray(x, float), np.asarray(y, float))
        self.true_params = true_params
        if true_params is not None:
            self.truth.setData(self._grid, curve_values(true_params, self._grid))
        self.model.clear()
        self.learned = None
        self._show_numbers()

    def show_weights(self, values: dict) -> None:
        if "weight" not in values or "bias" not in values:
            return  # a classifier's weights: not this view's
        weights = np.atleast_1d(values["weight"]).astype(float)
        bias = float(np.atleast_1d(values["bias"])[0])
        self.learned = (weights, bias)
        self.model.setData(self._grid, curve_values({"weight": weights, "bias": bias}, self._grid))
        self._show_numbers()

    def _show_numbers(self) -> None:
        lines = []
        if self.learned is not None:
            lines.append(self.tr("learned: {0}").format(_formula(*self.learned)))
        if self.true_params is not None:
            lines.append(self.tr("true: {0}").format(
                _formula(self.true_params["weight"], self.true_params["bias"])))
        self.numbers.setText("<br>".join(lines) or self.tr("Press Start to fit the curve."))
