"""What tfdesk-train writes, and how it stops, on a terminal that may misbehave.

A run's result must not be lost to its own output: `tfdesk-train … | head -0`
closes the pipe, `> /dev/full` fills the disk, `2>&-` starts without a stderr.
Writing then fails quietly, and the fallen stream is pointed at the null device
so that Python's final flush cannot fail either. A SIGTERM (a scheduler, `kill`)
or a SIGHUP (the terminal closed) stops training like Ctrl+C does, and no signal
interrupts a save once it has begun. Text that came from the user's files is
shown with its control characters escaped, so a file name cannot recolour or
clear the terminal.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
                      if hasattr(signal, name))


def printable(text: str) -> str:
    """text with terminal control characters (ESC and the like) shown as \\x1b, …"""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def say(text: str, error: bool = False) -> None:
    """A line on stdout (or stderr); nothing happens when the stream is gone or full."""
    name = "stderr" if error else "stdout"
    stream = getattr(sys, name)
    if stream is None:
        return
    try:
        stream.write(printable(text) + "\n")
        stream.flush()
    except (OSError, ValueError):  # a closed pipe, a full disk, a closed file
        _silence(name)


def _write_fd(fd: int, text: str) -> None:
    try:
        os.write(fd, text.encode("utf-8", errors="replace"))
    except OSError:
        pass


def _silence(name: str) -> None:
    """Point a failed stream at the null device, so the exit's flush cannot fail."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1 if name == "stdout" else 2)
        os.close(null)
    except OSError:
        pass
    setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))


class SafeStream:
    """A file for the progress bar that swallows a stream's failures."""

    def __init__(self, name: str = "stderr"):
        self.name = name

    def write(self, text: str) -> None:
        stream = getattr(sys, self.name)
        if stream is None:
            return
        try:
            stream.write(text)
        except (OSError, ValueError):
            _silence(self.name)

    def flush(self) -> None:
        stream = getattr(sys, self.name)
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            _silence(self.name)


class Stopping:
    signal_name: str | None = None  # the first stop signal received


@contextlib.contextmanager
def stops_gracefully(stop):
    """While inside, Ctrl+C, SIGTERM and SIGHUP call stop() (training ends after the
    chunk it is in) instead of killing the process."""
    state = Stopping()

    def handler(number, _frame):
        if state.signal_name is None:
            state.signal_name = signal.Signals(number).name
            # Straight to the file descriptor: the progress bar may be half-way through a
            # write to sys.stderr, and a second write from here raised "reentrant call".
            _write_fd(2, f"\nStopping ({state.signal_name}); the work so far is kept.\n")
        stop()
    previous = {s: signal.signal(s, handler) for s in _STOP_SIGNALS}
    try:
        yield state
    finally:
        for s, old in previous.items():
            signal.signal(s, old)


@contextlib.contextmanager
def uninterruptible():
    """No stop signal can break what runs inside (a save); each is ignored."""
    previous = {s: signal.signal(s, signal.SIG_IGN) for s in _STOP_SIGNALS}
    try:
        yield
    finally:
        for s, old in previous.items():
            signal.signal(s, old)
