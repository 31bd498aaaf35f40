"""Autosave: the latest and the best-by-validation network of the current run.

A crash, a closed laptop or a killed process loses at most AUTOSAVE_SECONDS of
training: the latest network is saved that often and when training ends. The best
is compared at every epoch and kept in memory when it improves (a snapshot of all
the variables), so it is the best of every epoch, saved with its own epoch's
numbers even after a Stop. At its next start the window sets them aside
(last-session/) and offers them back. Each save goes through save_checkpoint, so an
interrupted autosave leaves the previous one intact.
"""

from __future__ import annotations

import math
import os
import shutil
import time
from pathlib import Path

from .. import metrics as metrics_layout
from ..checkpoint import read_sidecar, save_checkpoint
from ..errors import TfdeskError
from ..i18n import QT_TRANSLATE_NOOP
from . import Callback

AUTOSAVE_SECONDS = 10.0
LATEST, BEST, LAST_SESSION = "latest", "best", "last-session"


class Autosave(Callback):
    def __init__(self, folder: str | Path, interval: float = AUTOSAVE_SECONDS):
        self.folder = Path(folder)
        self.interval = interval
        self.problem: str | None = None  # the last save's failure, said once
        self._trainer = None
        self._new_network()

    def _new_network(self) -> None:
        self._best_score = math.inf
        self._best = None  # (snapshot, EpochMetrics) not yet written
        self._last = None
        self._last_save = time.monotonic()

    def on_train_begin(self, session, plan) -> None:
        if session.trainer is not self._trainer or plan.first_step == 0:  # a new network
            self._new_network()
            self._trainer = session.trainer

    def on_epoch_end(self, session, m) -> None:
        self._last = m
        score = m.val_loss if m.val_loss is not None else m.train_loss
        if math.isfinite(score) and score < self._best_score:
            self._best_score = score
            self._best = (session.trainer.snapshot(), m)
        if time.monotonic() - self._last_save >= self.interval:
            self._save(session)

    def on_train_end(self, session, result) -> None:
        self._save(session)

    def _save(self, session) -> None:
        self._last_save = time.monotonic()
        last = self._last
        if last is None or not math.isfinite(last.train_loss):
            return  # nothing trained yet, or a diverged network: nothing to come back to
        try:
            save_checkpoint(session.trainer, self.folder / LATEST, session.metrics())
            if self._best is not None:
                snapshot, best = self._best
                save_checkpoint(session.trainer, self.folder / BEST,
                                metrics_layout.layout(best, test_looks=session.test_looks),
                                snapshot=snapshot)
                self._best = None
            self.problem = None
        except TfdeskError as e:
            if self.problem is None:
                session.say(QT_TRANSLATE_NOOP("core", "Autosave failed: {reason}"), reason=str(e))
            self.problem = str(e)


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


def discard(folder: str | Path) -> None:
    for name in (LATEST, BEST, LAST_SESSION):
        shutil.rmtree(Path(folder) / name, ignore_errors=True)
