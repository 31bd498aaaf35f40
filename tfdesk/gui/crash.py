"""Unexpected errors: written to a log file in the user's log folder and shown in
a dialog whose details can be copied, while the window stays up.

A windowed build (PyInstaller, pythonw) has no console: sys.stdout and
sys.stderr are None there, and a stray print or warning would itself raise.
Both go to the log instead.
"""

from __future__ import annotations

import collections
import datetime
import faulthandler
import logging
import os
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

LOG_NAME = "tfdesk.log"
MAX_LOG_BYTES = 1_000_000  # then the old log becomes tfdesk.log.1


def log_folder() -> Path:
    # StateLocation (~/.local/state/tfdesk on Linux) is Qt 6.7+; older Qt: app data.
    location = getattr(QStandardPaths, "StateLocation", QStandardPaths.AppLocalDataLocation)
    return Path(QStandardPaths.writableLocation(location)) / "logs"


class CrashReporter(QObject):
    """Installed once per process by install(); tests make their own."""

    def __init__(self, log_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.log_path = log_path
        self.dialog: QMessageBox | None = None
        # Other threads cannot open a dialog: they leave the error here for the GUI
        # thread's timer (a queue and a poll, as the worker's reports do).
        self._pending: collections.deque[str] = collections.deque()
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._show_pending)
        self._timer.start()

    def excepthook(self, kind, value, tb) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        self._log(details)
        self._pending.append(details)
        if QThread.currentThread() is self.thread():
            self._show_pending()

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def _log(self, details: str) -> None:
        stamp = datetime.datetime.now().isoformat(timespec="seconds")
        try:
            with open(self.log_path, "a", encoding="utf-8") as log:
                log.write(f"\n{stamp} unexpected error\n{details}")
        except OSError:
            pass  # nowhere left to write: the dialog still shows it

    def _show_pending(self) -> None:
        if not self._pending or (self.dialog is not None and self.dialog.isVisible()):
            return
        details = "\n".join(self._pending)
        self._pending.clear()
        last_line = details.strip().splitlines()[-1]
        translate = QCoreApplication.translate
        box = QMessageBox(QMessageBox.Critical, translate("CrashReporter", "tfdesk: unexpected error"),
                          translate("CrashReporter",
                                    "Something went wrong inside tfdesk:\n{error}\n\n"
                                    "Your experiment and saved files are kept; you can carry on. "
                                    "The details are in {log}. Please send them to the instructor."
                                    ).format(error=last_line, log=self.log_path),
                          QMessageBox.Ok, QApplication.activeWindow())
        box.setObjectName("crashDialog")
        box.setDetailedText(details)  # selectable: "Show Details…" lets the student copy it
        box.open()
        self.dialog = box


def _open_log(folder: Path) -> tuple[Path, object]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
        path.replace(path.with_name(LOG_NAME + ".1"))
    return path, open(path, "a", encoding="utf-8", buffering=1)


def install(app: QApplication, folder: Path | None = None) -> CrashReporter:
    """Log to folder (the user's log folder by default) and catch what nothing else did."""
    folder = folder or log_folder()
    try:
        path, stream = _open_log(folder)
    except OSError:
        # An unwritable home: errors are still shown, just not kept.
        path, stream = folder / LOG_NAME, open(os.devnull, "w")
    if sys.stdout is None:
        sys.stdout = stream
    if sys.stderr is None:
        sys.stderr = stream
    # A crash inside TensorFlow or Qt kills the process before any hook runs:
    # faulthandler still leaves every thread's Python stack in the log.
    faulthandler.enable(stream, all_threads=True)
    logging.basicConfig(stream=stream, level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    reporter = CrashReporter(path, app)
    sys.excepthook = reporter.excepthook
    threading.excepthook = reporter.thread_excepthook
    return reporter
