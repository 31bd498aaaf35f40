"""Say so when a run goes wrong without the loss becoming NaN.

At a learning rate of 10 both Adam and gradient descent "finish" at about chance
accuracy without a word (only NaN stopped a run). Two signs, each said once a run,
with the likely cause named: the loss far above where it started, or accuracy still
at chance after some epochs.
"""

from __future__ import annotations

import math

from ..i18n import QT_TRANSLATE_NOOP
from . import Callback

RISE = 3.0  # times the first epoch's loss
CHANCE_EPOCHS = 5  # epochs before accuracy at chance is worth a word
CHANCE_MARGIN = 0.05  # above 1 / classes


class DivergenceCheck(Callback):
    def __init__(self):
        self._first_loss: float | None = None
        self._said: set[str] = set()

    def on_train_begin(self, session, plan) -> None:
        if plan.first_step == 0:  # a new network: its own start counts
            self._first_loss, self._said = None, set()

    def on_epoch_end(self, session, m) -> None:
        if not math.isfinite(m.train_loss):
            return
        if self._first_loss is None:
            self._first_loss = m.train_loss
            return
        rate = session.experiment.optimizer.learning_rate
        if m.train_loss > RISE * self._first_loss and "rise" not in self._said:
            self._said.add("rise")
            session.say(QT_TRANSLATE_NOOP(
                "core", "The loss is rising: {first:.3g} after the first epoch, {now:.3g} at epoch "
                        "{epoch}. The learning rate {rate:g} is probably too large; try {smaller:g}."),
                first=self._first_loss, now=m.train_loss, epoch=m.epoch, rate=rate, smaller=rate / 10)
        classes = session.data.n_classes if session.data.task == "classification" else 0
        if (classes and m.train_accuracy is not None and m.epoch >= CHANCE_EPOCHS
                and m.train_accuracy <= 1 / classes + CHANCE_MARGIN and "chance" not in self._said):
            self._said.add("chance")
            session.say(QT_TRANSLATE_NOOP(
                "core", "After {epoch} epochs the network is still guessing ({accuracy:.0%} right, "
                        "chance is {chance:.0%}). The learning rate {rate:g} is probably too large; "
                        "try {smaller:g}, then reset the weights and start again."),
                epoch=m.epoch, accuracy=m.train_accuracy, chance=1 / classes, rate=rate,
                smaller=rate / 10)
