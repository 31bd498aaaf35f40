"""How the worker's threads reach the window: (signal name, arguments) on a plain queue,
emitted as Qt signals on the GUI thread.

No worker thread emits a Qt signal itself: emitting PySide signals from a Python
thread while the GUI thread connected and disconnected slots corrupted PySide's
receiver objects (slots called on the wrong object, then a segfault). So a thread
puts what it has to say on a queue, and the GUI thread emits it.

While the worker is busy (training, a race), a timer on the GUI thread empties the
queue every POLL_MS: a wake-up per report made the GUI thread take the GIL while the
training thread was between session.runs (bench/ui.py: 0.75x instead of 0.87x of
headless speed). While it is idle the timer is off, so an idle window does not wake
125 times a second (laptop batteries), and a report wakes the GUI thread through a
socket pair instead (plain OS calls, no Qt from a Python thread); so does every
drawing's answer, which a student is waiting for.
"""

from __future__ import annotations

import queue
import socket

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

POLL_MS = 8
URGENT = frozenset({"predicted"})


class ReportDelivery(QObject):
    def __init__(self, target: QObject):
        super().__init__(target)
        self._target = target
        self._results: queue.SimpleQueue = queue.SimpleQueue()
        self._polling = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.deliver)
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Read, self)
        self._notifier.activated.connect(self._woken)

    def report(self, signal: str, *args) -> None:
        """From any thread: emit target.signal(*args) on the GUI thread, soon."""
        self._results.put((signal, args))
        if signal in URGENT or not self._polling:
            try:
                self._writer.send(b"!")
            except OSError:
                pass  # the socket is full (a wake-up is pending anyway) or closed

    def poll(self, on: bool) -> None:
        """GUI thread: empty the queue on a timer while the worker is busy."""
        self._polling = on
        (self._timer.start if on else self._timer.stop)()
        if not on:
            self.deliver()

    def deliver(self) -> None:
        """Emit everything reported so far. Only the latest progress of a batch is emitted:
        the bar would paint over the older values anyway."""
        batch = []
        while True:
            try:
                batch.append(self._results.get_nowait())
            except queue.Empty:
                break
        last_progress = max((i for i, (name, _) in enumerate(batch) if name == "progressed"), default=-1)
        for i, (name, args) in enumerate(batch):
            if name != "progressed" or i == last_progress:
                getattr(self._target, name).emit(*args)

    def _woken(self, *_args) -> None:
        try:
            while self._reader.recv(4096):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        self.deliver()

    def close(self) -> None:
        """When no thread reports any more."""
        self._timer.stop()
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
