"""Early stopping: when the validation loss has not improved for `patience` epochs,
stop, and give the network back the weights of its best epoch.

The validation set is the network's practice exam: this is the usual answer to
"how many epochs?". The best weights are kept in memory as they come (the weights
and biases only; the optimizer carries on from where it is).
"""

from __future__ import annotations

import math

from ..i18n import QT_TRANSLATE_NOOP
from . import Callback


class EarlyStopping(Callback):
    def __init__(self, patience: int):
        self.patience = patience
        self.best_loss = math.inf
        self.best_epoch: int | None = None
        self._best_weights: dict | None = None
        self.stopped_at: int | None = None

    def on_train_begin(self, session, plan) -> None:
        self.stopped_at = None

    def on_epoch_end(self, session, metrics) -> None:
        loss = metrics.val_loss
        if loss is None or not math.isfinite(loss):
            return
        if loss < self.best_loss:
            self.best_loss, self.best_epoch = loss, metrics.epoch
            self._best_weights = session.trainer.variable_values()
        elif metrics.epoch - self.best_epoch >= self.patience:
            self.stopped_at = metrics.epoch
            session.stop()

    def on_train_end(self, session, result) -> None:
        if self.stopped_at is None or self._best_weights is None:
            return
        session.trainer.set_variable_values(self._best_weights)
        session.say(QT_TRANSLATE_NOOP(
            "core", "Stopped early at epoch {stopped}: the validation loss was lowest at epoch "
                    "{best} ({loss:.4g}) and did not improve for {patience} epochs after it. The "
                    "network has the weights of epoch {best} again."),
            stopped=self.stopped_at, best=self.best_epoch, loss=self.best_loss,
            patience=self.patience)
