"""Start the window: paint first, let the worker thread import TensorFlow."""

from __future__ import annotations

import os
import sys


def configure_interpreter() -> None:
    # The training thread needs the GIL briefly between session.runs; while the
    # window paints, Python's default 5 ms switch interval made each of those
    # waits cost more than the training itself on a small network.
    sys.setswitchinterval(0.001)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def show_window(argv: list[str] | None = None):
    """The application and its shown main window (bench/ui.py times this)."""
    configure_interpreter()
    from PySide6.QtWidgets import QApplication

    import pyqtgraph  # noqa: F401  (after PySide6, so it uses PySide6)

    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv if argv is None else argv)
    app.setOrganizationName("tfdesk")
    app.setApplicationName("tfdesk")
    window = MainWindow()
    window.show()
    return app, window


def main(argv: list[str] | None = None) -> int:
    app, _window = show_window(argv)
    return app.exec()
