"""Autosave: the latest and the best-by-validation checkpoint of the current run.

A crash, a closed laptop or a killed process loses at most AUTOSAVE_SECONDS of
training: the worker calls `epoch_finished` after every epoch and `finish` when
training ends. At its next start the window sets them aside (last-session/) and
offers them back without blocking anything. Each
save goes through save_checkpoint, so an interrupted autosave leaves the
previous one intact.
"""

from __future__ import annotations

import math
import os
import shutil
import time
from pathlib import Path

from .checkpoint import read_sidecar, save_checkpoint
from .errors import TfdeskError
from .i18n import QT_TRANSLATE_NOOP, Words

AUTOSAVE_SECONDS = 10.0
LATEST, BEST = "latest", "best"


class Autosaver:
    def __init__(self, folder: str | Path, interval: float = AUTOSAVE_SECONDS):
        self.folder = Path(folder)
        self.interval = interval
        # The last save's failure, for the window to show once (English as a str; Words
        # so that the window can translate it).
        self.problem: Words | None = None
        self.new_run()

    def new_run(self) -> None:
        """A new network: its best starts from scratch."""
        self._best = math.inf
        self._last_save = time.monotonic()

    def epoch_finished(self, trainer, metrics) -> None:
        if time.monotonic() - self._last_save >= self.interval:
            self._save(trainer, metrics)

    def finish(self, trainer, metrics=None) -> None:
        self._save(trainer, metrics)

    def _save(self, trainer, metrics) -> None:
        self._last_save = time.monotonic()
        score = _score(metrics)
        if score is not None and not math.isfinite(score):
            return  # a diverged network is nothing to come back to
        numbers = _numbers(metrics)
        try:
            save_checkpoint(trainer, self.folder / LATEST, numbers)
            if score is not None and score < self._best:
                self._best = score
                save_checkpoint(trainer, self.folder / BEST, numbers)
            self.problem = None
        except TfdeskError as e:
            self.problem = Words(QT_TRANSLATE_NOOP("core", "Autosave failed: {error}"), error=e)

    def discard(self) -> None:
        for name in (LATEST, BEST):
            shutil.rmtree(self.folder / name, ignore_errors=True)


LAST_SESSION = "last-session"


def set_aside_last_session(folder: str | Path) -> Path:
    """Move the autosaves found at start into folder/last-session, out of the way of this
    session's own: a new run may autosave before the student decides what to do with
    them. An older last-session is replaced only when there is something newer."""
    folder = Path(folder)
    kept = folder / LAST_SESSION
    if autosaved(folder):
        shutil.rmtree(kept, ignore_errors=True)
        kept.mkdir(parents=True)
        for name in (LATEST, BEST):
            if (folder / name).exists():
                os.replace(folder / name, kept / name)
    return kept


def autosaved(folder: str | Path) -> dict[str, dict]:
    """The readable autosaves in folder: {"latest": sidecar, "best": sidecar}."""
    found = {}
    for name in (LATEST, BEST):
        try:
            sidecar = read_sidecar(Path(folder) / name)
        except TfdeskError:
            continue  # a damaged autosave is not offered
        if sidecar:
            found[name] = sidecar
    return found


def _score(metrics) -> float | None:
    if metrics is None:
        return None
    return metrics.val_loss if metrics.val_loss is not None else metrics.train_loss


def _numbers(metrics) -> dict:
    numbers = {}  # epoch and step are in every sidecar already
    if metrics is not None:
        for name in ("train_loss", "val_loss", "val_accuracy"):
            value = getattr(metrics, name)
            if value is not None:
                numbers[name] = float(value)
    return numbers
