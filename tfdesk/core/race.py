"""A race: variants of one experiment (optimizers, batch modes) trained in turns,
one epoch each, from the same initial weights on the same data — the slides'
comparison of batch, stochastic and mini-batch gradient descent, with real numbers.

The same seed gives every variant the same initial weights: the initial values
come from seeded random ops whose output depends only on the seeds, whatever
optimizer the graph also holds (a test checks).
"""

from __future__ import annotations

from typing import Callable

from .data import load_dataset
from .errors import TrainingError
from .i18n import QT_TRANSLATE_NOOP
from .spec import Experiment
from .trainer import Trainer

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
            entries.append(exp)
    return entries


class Race:
    def __init__(self, entries: list[tuple[str, Experiment]]):
        if not entries:
            raise TrainingError(
                QT_TRANSLATE_NOOP("core", "Choose at least one optimizer and one batch mode to race."))
        self.labels = [label for label, _ in entries]
        data = load_dataset(entries[0][1])
        self.trainers = [Trainer(exp, data) for _, exp in entries]
        self.out: dict[int, str] = {}  # contestants that diverged, and why

    def run(self, epochs: int, callback: Callable[[int, object], None],
            should_stop: Callable[[], bool]) -> bool:
        """Train every contestant `epochs` epochs, in turns; False if stopped."""
        for _ in range(epochs):
            for i, trainer in enumerate(self.trainers):
                if should_stop():
                    return False
                if i in self.out:
                    continue
                try:
                    trainer.train(1, callback=lambda event, i=i: callback(i, event))
                except TrainingError as e:
                    self.out[i] = str(e)
        return True

    def close(self) -> None:
        for trainer in self.trainers:
            trainer.close()
