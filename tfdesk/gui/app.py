"""Start the window: paint first, let the worker thread import TensorFlow."""

from __future__ import annotations

import os
import sys


def configure_interpreter() -> None:
    # The training thread needs the GIL briefly between session.runs; while the
    # window paints, Python's default 5 ms switch interval made each of those
    # waits cost more than the training itself on a small network.
    sys.setswitchinterval(0.001)


def show_window(argv: list[str] | None = None):
    """The application and its shown main window (bench/ui.py times this)."""
    configure_interpreter()
    from PySide6.QtWidgets import QApplication

    import pyqtgraph  # noqa: F401  (after PySide6, so it uses PySide6)

    from PySide6.QtCore import QSettings

    from . import crash, language
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv if argv is None else argv)
    app.setOrganizationName("tfdesk")
    app.setApplicationName("tfdesk")
    app.setDesktopFileName("tfdesk")  # matches resources/tfdesk.desktop (Wayland's icon)
    app.setWindowIcon(app_icon())
    app.crash_reporter = crash.install(app)
    chosen = language_override(sys.argv if argv is None else argv)
    app.translators = language.install(app, chosen or language.effective(QSettings()))
    window = MainWindow()
    window.show()
    return app, window


def app_icon():
    """The icon from its PNG sizes (no SVG plugin needed in a frozen build)."""
    from PySide6.QtGui import QIcon

    from ..resources import resources_dir

    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("tfdesk-*.png")):
        icon.addFile(str(png))
    return icon


def language_override(argv: list[str]) -> str | None:
    """`--language zh_TW` (or en) for this start only, e.g. for screenshots."""
    if "--language" in argv:
        index = argv.index("--language")
        if index + 1 < len(argv):
            return argv[index + 1]
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv if argv is None else argv
    if "--verbose" in argv:
        os.environ["TFDESK_VERBOSE"] = "1"  # TensorFlow's own messages (core/tf_start.py)
    from .display_check import problem

    if message := problem():
        print(message, file=sys.stderr)
        return 1
    app, _window = show_window(argv)
    return app.exec()

