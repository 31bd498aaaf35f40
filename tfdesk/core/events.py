"""What a training session reports, as plain data (no TensorFlow here: the window's
thread and the callbacks read these without importing it)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Plan:
    """What a call of train() is about to do; steps and epochs count from the network's start."""

    first_epoch: int  # the epoch it begins in
    last_epoch: int
    first_step: int  # the global step before its first step
    last_step: int


@dataclass
class StepLosses:
    """The loss of each mini-batch step in a chunk; steps are counted from 1."""

    epoch: int
    first_step: int
    losses: np.ndarray


@dataclass
class EpochMetrics:
    epoch: int  # counted from 1
    step: int
    train_loss: float
    train_accuracy: float | None
    val_loss: float | None
    val_accuracy: float | None
    seconds: float


@dataclass
class Evaluation:
    loss: float
    accuracy: float | None
    confusion: np.ndarray | None  # confusion[true, predicted] counts
    predicted: np.ndarray
    labels: np.ndarray


@dataclass
class TrainResult:
    status: str  # "finished" | "stopped" | "failed"
    epoch: int
    step: int
    seconds: float
    reason: str | None = None  # why it stopped or failed, in words


@dataclass
class Message:
    """A sentence for the student: its template (marked for translation in the "core"
    context with i18n.QT_TRANSLATE_NOOP) and the values that fill it."""

    template: str
    fields: dict

    @property
    def text(self) -> str:
        """In English, as tfdesk-train prints it."""
        return self.template.format(**self.fields)
