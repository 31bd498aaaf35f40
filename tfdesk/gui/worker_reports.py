"""The window's callback on a training session: what the plot, the progress bar and the
status bar hear, turned into the worker's reports (plain numbers and arrays).

It runs on the training thread and only puts reports on the delivery queue
(report_delivery.py); the GUI thread emits them as signals.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication

from ..core.callbacks import Callback


def translated(message) -> str:
    """A core Message in the window's language (QCoreApplication.translate is thread-safe)."""
    return QCoreApplication.translate("core", message.template).format(**message.fields)


class GuiReporter(Callback):
    def __init__(self, report):
        self._report = report  # (signal name, *args)
        self._plan = None
        self._started = 0.0

    def on_train_begin(self, session, plan) -> None:
        self._plan = plan
        self._started = time.perf_counter()
        self._report("planned", plan.last_step)

    def on_chunk(self, session, chunk) -> None:
        plan = self._plan
        self._report("stepsReported", chunk.epoch, chunk.first_step, chunk.losses)
        step = chunk.first_step + len(chunk.losses) - 1
        done, total = step - plan.first_step, plan.last_step - plan.first_step
        elapsed = time.perf_counter() - self._started
        eta = elapsed / done * (total - done) if done else 0.0
        self._report("progressed", chunk.epoch, plan.last_epoch, step, plan.first_step,
                     plan.last_step, eta)

    def on_epoch_end(self, session, metrics) -> None:
        self._report("epochFinished", metrics)

    def on_message(self, session, message) -> None:
        self._report("said", translated(message))

    def on_train_end(self, session, result) -> None:
        if result.status == "failed" and result.reason:
            self._report("failed", result.reason)
