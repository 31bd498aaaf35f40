"""Grid lines at a plot's labelled ticks, drawn as one light item inside its view.

pyqtgraph's own grid belongs to the axes: an axis with a grid spans the whole
view, so every redraw of the data also redrew the axes' ticks and labels, three
quarters of the plot's repaint (about 7 of 10 ms on a 2-core laptop).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF


class TickGrid(pg.UIGraphicsItem):
    def __init__(self, plot_item: pg.PlotItem, pen=(0, 0, 0, 38)):
        super().__init__()
        self._plot = plot_item
        self._pen = pg.mkPen(pen)
        self._pen.setCosmetic(True)
        self.setZValue(-1000)  # under the curves

    def paint(self, painter, *_args) -> None:
        view = self._plot.getViewBox()
        (x0, x1), (y0, y1) = view.viewRange()
        width, height = view.width(), view.height()
        painter.setPen(self._pen)
        for x in self._major_ticks("bottom", x0, x1, width):
            painter.drawLine(QPointF(x, y0), QPointF(x, y1))
        for y in self._major_ticks("left", y0, y1, height):
            painter.drawLine(QPointF(x0, y), QPointF(x1, y))

    def _major_ticks(self, side: str, low: float, high: float, pixels: float) -> list[float]:
        """The values the axis labels (its first tick level), in view coordinates."""
        if pixels <= 0 or not high > low:
            return []
        levels = self._plot.getAxis(side).tickValues(low, high, pixels)
        return [v for v in levels[0][1] if low <= v <= high] if levels else []
