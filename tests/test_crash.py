"""Unexpected errors: a dialog with copyable details, a log file, the app stays up."""

import subprocess
import sys
import textwrap
import threading

import pytest
from PySide6.QtCore import QTimer

from tfdesk.gui.crash import CrashReporter


def _boom():
    return 1 / 0


@pytest.fixture
def reporter(qapp, tmp_path, monkeypatch):
    reporter = CrashReporter(tmp_path / "tfdesk.log", qapp)
    monkeypatch.setattr(sys, "excepthook", reporter.excepthook)
    monkeypatch.setattr(threading, "excepthook", reporter.thread_excepthook)
    yield reporter
    if reporter.dialog is not None:
        reporter.dialog.close()
    reporter.deleteLater()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_a_dialog_and_a_log_entry_and_the_app_goes_on(qtbot, reporter):
    QTimer.singleShot(0, _boom)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())

    dialog = reporter.dialog
    assert "ZeroDivisionError: division by zero" in dialog.text()
    assert str(reporter.log_path) in dialog.text()
    assert "in _boom" in dialog.detailedText()  # the traceback, to copy
    log = reporter.log_path.read_text(encoding="utf-8")
    assert "unexpected error" in log and "in _boom" in log

    later = []
    QTimer.singleShot(0, lambda: later.append(True))
    qtbot.waitUntil(lambda: bool(later))  # the event loop still runs


@pytest.mark.qt_no_exception_capture
def test_an_error_in_another_thread_reaches_the_window(qtbot, reporter):
    thread = threading.Thread(target=_boom, name="helper")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=3000)
    assert "in _boom" in reporter.dialog.detailedText()


def test_without_a_console_prints_warnings_and_errors_go_to_the_log(tmp_path):
    # What a windowed PyInstaller build or pythonw sees: no stdout, no stderr.
    script = textwrap.dedent(f"""
        import os, sys, threading, warnings
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        sys.stdout = sys.stderr = None
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from tfdesk.gui import crash
        app = QApplication([])
        crash.install(app, __import__("pathlib").Path({str(tmp_path)!r}))
        print("a stray print")
        warnings.warn("a stray warning")
        QTimer.singleShot(0, lambda: 1 / 0)
        threading.Thread(target=lambda: [][1]).start()
        QTimer.singleShot(1500, app.quit)
        sys.exit(app.exec())
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr  # still up after both errors, quit normally
    log = (tmp_path / "tfdesk.log").read_text(encoding="utf-8")
    for expected in ("a stray print", "a stray warning", "ZeroDivisionError", "IndexError"):
        assert expected in log
