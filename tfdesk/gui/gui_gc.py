"""Python's cyclic garbage collection, run on the GUI thread only.

The collector runs in whichever thread happens to allocate. The training thread
allocates the most: it builds a graph, thousands of Python objects. A collection
there freed the Python wrappers of Qt objects (a closed window's widgets) on the
training thread. gdb showed ~QObject on the training thread, waiting for the GIL
that the GUI thread held while it waited for the training thread: the window
froze, once in two or three full test runs. pyqtgraph's GarbageCollector is the
same idea.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

CHECK_EVERY_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        """What automatic collection would have done by now, generation by generation."""
        young, middle, old = gc.get_count()
        if young > self.threshold[0]:
            gc.collect(0)
            if middle > self.threshold[1]:
                gc.collect(1)
                if old > self.threshold[2]:
                    gc.collect(2)


def install(app: QApplication) -> GuiThreadCollector:
    """Once per application; later calls return the installed collector."""
    collector = app.findChild(GuiThreadCollector)
    return collector if collector is not None else GuiThreadCollector(app)
