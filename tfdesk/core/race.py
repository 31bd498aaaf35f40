"""A race: variants of one experiment (optimizers, batch modes) trained in turns,
one epoch each, from the same initial weights on the same data — the slides'
comparison of batch, stochastic and mini-batch gradient descent, with real numbers.

Each contestant is a TrainingSession of its own (core/session.py), watched by the
callbacks the caller gives it. The same seed gives every variant the same initial
weights: the initial values come from seeded random ops whose output depends only
on the seeds, whatever optimizer the graph also holds (a test checks).
TensorFlow is imported when a race is built, not with this module: the window
imports it for `contestants` on its own thread.
"""

from __future__ import annotations

from typing import Callable

from .errors import TrainingError
from .i18n import QT_TRANSLATE_NOOP
from .spec import Experiment

# Each optimizer at a learning rate it usually does well with on the digits; the
# experiment's own optimizer keeps the experiment's rate.
USUAL_RATES = {"gradient_descent": 0.1, "momentum": 0.05, "adagrad": 0.1, "adam": 0.002,
               "rmsprop": 0.002}


def contestants(base: Experiment, optimizers: list[str], batch_modes: list[str]) -> list[Experiment]:
    """One experiment per optimizer × batch mode; the window names them in its language."""
    entries = []
    for optimizer in optimizers:
        for mode in batch_modes:
            exp = base.copy()
            exp.optimizer.name = optimizer
            if optimizer != base.optimizer.name:
                exp.optimizer.learning_rate = USUAL_RATES[optimizer]
            exp.training.batch_mode = mode
            exp.training.early_stopping = False  # a race runs its epochs out, for all alike
            entries.append(exp)
    return entries


class Race:
    def __init__(self, entries: list[tuple[str, Experiment]], callbacks_for: Callable[[int], list]):
        """callbacks_for(i): the callbacks that watch contestant i's session."""
        from .data import load_dataset
        from .session import TrainingSession

        if not entries:
            raise TrainingError(
                QT_TRANSLATE_NOOP("core", "Choose at least one optimizer and one batch mode to race."))
        self.labels = [label for label, _ in entries]
        data = load_dataset(entries[0][1])
        self.sessions = []
        for i, (_, exp) in enumerate(entries):
            session = TrainingSession(callbacks_for(i))
            session.prepare(exp, data)
            self.sessions.append(session)
        self.out: dict[int, str] = {}  # contestants that diverged, and why
        self._stopped = False

    @property
    def trainers(self) -> list:
        return [s.trainer for s in self.sessions]

    def run(self, epochs: int) -> bool:
        """Train every contestant `epochs` epochs, in turns; False if stopped."""
        for _ in range(epochs):
            for i, session in enumerate(self.sessions):
                if self._stopped:
                    return False
                if i in self.out:
                    continue
                result = session.train(1)
                if result.status == "failed":
                    self.out[i] = result.reason
                elif result.status == "stopped":
                    return False
        return True

    def pause(self, paused: bool) -> None:
        for session in self.sessions:
            (session.pause if paused else session.resume)()

    def stop(self) -> None:
        self._stopped = True
        for session in self.sessions:
            session.stop()

    def close(self) -> None:
        for session in self.sessions:
            session.close()
