"""Mouse strokes that a Qt widget receives as a user's drag."""

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication


def _send_mouse(widget, kind, point, button, buttons):
    position = QPointF(*point)
    event = QMouseEvent(kind, position, widget.mapToGlobal(position), button, buttons,
                        Qt.NoModifier)
    QApplication.sendEvent(widget, event)


def stroke_events(points, step=4.0):
    """A pen stroke as mouse events: press, drag through points with the left button
    held (QTest's moves carry no buttons), release. Each is (kind, point, button, buttons)."""
    yield QEvent.MouseButtonPress, points[0], Qt.LeftButton, Qt.LeftButton
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        count = max(1, int(np.hypot(x1 - x0, y1 - y0) / step))
        for t in np.linspace(0, 1, count + 1)[1:]:
            yield QEvent.MouseMove, (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t), Qt.NoButton, Qt.LeftButton
    yield QEvent.MouseButtonRelease, points[-1], Qt.LeftButton, Qt.NoButton


def send_mouse(widget, event) -> None:
    _send_mouse(widget, *event)


def stroke(canvas, points, step=4.0):
    """The whole stroke at once."""
    for event in stroke_events(points, step):
        send_mouse(canvas, event)


def train(qtbot, window, timeout=60_000) -> str:
    """Press Start and wait for the run to end; its status."""
    with qtbot.waitSignal(window.worker.trainingFinished, timeout=timeout) as done:
        window.start_action.trigger()
    return done.args[0]
