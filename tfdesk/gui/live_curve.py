"""A curve that grows at its end while training, drawn as two plot items.

When a curve's data change, pyqtgraph repaints everything inside the curve's
bounds, which for a training curve is most of the plot: the grid, every other
curve, and the wide antialiased epoch lines, whose stroking cost most of each
repaint (18 ms of a 442-pixel plot after 800 epochs, on a 2-core laptop).
Here the points already drawn stay in a `settled` item and only a short `tail`
item changes, so a redraw repaints a narrow strip at the end of the curve
(about 3 ms). Now and then the tail is folded into the settled item; it may
grow to an eighth of the settled part first, so those full repaints become
rarer as the run grows.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import pyqtgraph as pg

Thinning = Callable[[np.ndarray, np.ndarray], "tuple[np.ndarray, np.ndarray]"]


class LiveCurve:
    """Made ahead of time (making plot items is slow), shown with attach().

    Its items go straight into the plot's view box: PlotItem.addItem walks every
    curve already in the plot and updates the legend, which made starting a run
    cost 30-50 ms and more with each run kept. The legend has fixed rows instead
    (LossPlot), and the log scale is passed on by set_log_y."""

    def __init__(self, name: str, min_tail: int, thin: Thinning, **style):
        self._view: pg.ViewBox | None = None
        self._min_tail = min_tail
        self._thin = thin  # applied to the settled part only: the tail is short
        self.settled = pg.PlotDataItem(name=name, **style)
        self.tail = pg.PlotDataItem(**style)
        self._settled_count = 0  # points of the data now in `settled`

    def attach(self, plot_item: pg.PlotItem, log_y: bool) -> None:
        self._view = plot_item.getViewBox()
        for item in self.items():
            self._view.addItem(item)
            item.setLogMode(False, log_y)

    def set_log_y(self, on: bool) -> None:
        for item in self.items():
            item.setLogMode(False, on)

    def items(self) -> list[pg.PlotDataItem]:
        return [item for item in (self.settled, self.tail) if item is not None]

    def show(self, x: np.ndarray, y: np.ndarray) -> None:
        """Draw the curve's data so far (all of it, as it grew): usually by
        redrawing the tail alone."""
        count = len(x)
        if count < self._settled_count:  # not the same curve grown: start over
            self._settled_count = 0
        if count - self._settled_count > max(self._min_tail, self._settled_count // 8):
            self.show_all(x, y)
            return
        if count > self._settled_count:
            start = max(self._settled_count - 1, 0)  # shares a point: the line is unbroken
            self.tail.setData(x[start:], y[start:])

    def show_all(self, x: np.ndarray, y: np.ndarray) -> None:
        """Draw everything in the settled item (a full repaint)."""
        self.settled.setData(*self._thin(x, y))
        self.tail.clear()
        self._settled_count = len(x)

    def clear(self) -> None:
        for item in self.items():
            item.clear()
        self._settled_count = 0

    def drawn(self) -> tuple[np.ndarray, np.ndarray]:
        """The points handed to the plot (before pyqtgraph's downsampling to the
        screen), settled then tail, without the point they share."""
        sx, sy = self.settled.getOriginalDataset()
        tx, ty = self.tail.getOriginalDataset() if self.tail is not None else (None, None)
        if tx is None or len(tx) == 0:
            return (np.empty(0), np.empty(0)) if sx is None else (sx, sy)
        if sx is None or len(sx) == 0:
            return tx, ty
        return np.concatenate([sx, tx[1:]]), np.concatenate([sy, ty[1:]])

    def drop_tail(self) -> None:
        """The curve is finished: everything is settled, the tail item goes."""
        if self.tail is not None:
            self._view.removeItem(self.tail)
            self.tail = None

    def remove(self) -> None:
        for item in self.items():
            self._view.removeItem(item)
