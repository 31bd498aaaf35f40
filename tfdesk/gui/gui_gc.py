"""Python's cyclic garbage collection, run on the GUI thread only.

The collector runs in whichever thread happens to allocate. The training thread
allocates the most: it builds a graph, thousands of Python objects. A collection
there freed the Python wrappers of Qt objects (a closed window's widgets) on the
training thread: gdb showed ~QObject running there, waiting for the GIL, and
the window stopped for good, once in two or three full test runs. pyqtgraph's
GarbageCollector is the same idea.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

CHECK_EVERY_MS = 500
FULL_COLLECTION_EVERY_S = 30  # the oldest generation holds hundreds of thousands of objects


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self._last_full = time.monotonic()
        self._frozen = False
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def freeze_imports(self) -> None:
        """Once TensorFlow is imported: its 400,000 module-level objects live as long
        as the process, and scanning them made each full collection take 285 ms."""
        if not self._frozen:
            gc.freeze()  # without collecting first: that alone stalled the window 285 ms
            self._frozen = True

    def collect_due(self) -> None:
        """What automatic collection would have done by now, generation by generation;
        the oldest at most every FULL_COLLECTION_EVERY_S (Python's own rule, a quarter
        of the old objects being new, is not visible from Python)."""
        young, middle, old = gc.get_count()
        if young > self.threshold[0]:
            gc.collect(0)
            if middle > self.threshold[1]:
                gc.collect(1)
                if old > self.threshold[2] and time.monotonic() - self._last_full > FULL_COLLECTION_EVERY_S:
                    gc.collect(2)
                    self._last_full = time.monotonic()


def install(app: QApplication) -> GuiThreadCollector:
    """Once per application; later calls return the installed collector."""
    collector = app.findChild(GuiThreadCollector)
    return collector if collector is not None else GuiThreadCollector(app)
