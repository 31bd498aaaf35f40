"""The installed Qt binding must not leak references to None: PySide6 6.12.0 does on
Python < 3.12, and the window then aborts after a few minutes of live plotting."""

import sys

from PySide6.QtCore import QTimer


def test_void_qt_calls_keep_none_alive(qapp):
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(1000):
        timer.setInterval(5)
    assert sys.getrefcount(None) - before > -10
