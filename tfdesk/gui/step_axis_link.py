"""Two plots that share their step axis, the second following one event-loop pass later.

pyqtgraph's own setXLink moves the linked plot at once, so a new step range
repainted both plots in one pass of the event loop: 25-35 ms in which the window
answered nothing while training. Here each plot follows the other on a zero
timer, so their repaints fall in different passes and input is handled between
them; the delay is one pass, too short to see.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject, QTimer


class StepAxisLink(QObject):
    def __init__(self, first: pg.PlotWidget, second: pg.PlotWidget):
        super().__init__(first)
        self._wanted: dict[pg.PlotWidget, tuple[float, float]] = {}
        self._applying = False  # a follower's own change is not sent back
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._catch_up)
        for source, follower in ((first, second), (second, first)):
            source.getViewBox().sigXRangeChanged.connect(
                lambda _view, x_range, follower=follower: self._follow(follower, x_range))

    def _follow(self, follower: pg.PlotWidget, x_range) -> None:
        if self._applying:
            return
        self._wanted[follower] = (float(x_range[0]), float(x_range[1]))
        self._timer.start()

    def catch_up_now(self) -> None:
        """Bring the follower in line at once (before a picture of both is taken)."""
        self._timer.stop()
        self._catch_up()

    def _catch_up(self) -> None:
        wanted, self._wanted = self._wanted, {}
        for follower, (low, high) in wanted.items():
            (now_low, now_high), _ = follower.getViewBox().viewRange()
            tolerance = 1e-9 * max(1.0, abs(high - low))
            if abs(now_low - low) > tolerance or abs(now_high - high) > tolerance:
                self._applying = True
                try:
                    follower.setXRange(low, high, padding=0)
                finally:
                    self._applying = False
                # Now, not as the plot paints: see LossPlot._apply_view_ranges.
                follower.getViewBox().updateMatrix()
