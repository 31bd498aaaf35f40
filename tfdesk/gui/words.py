"""The core's names for optimizers and batch modes, in the window's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..core.spec import BATCH_MODE_LABELS, OPTIMIZER_LABELS, Experiment


def optimizer_label(name: str) -> str:
    return QCoreApplication.translate("spec", OPTIMIZER_LABELS[name])


def batch_mode_label(mode: str) -> str:
    return QCoreApplication.translate("spec", BATCH_MODE_LABELS[mode])


def batch_label(exp: Experiment) -> str:
    """Short, for legends: "mini-batch 32", "full batch", "stochastic"."""
    mode = exp.training.batch_mode
    if mode == "mini":
        return QCoreApplication.translate("words", "mini-batch {0}").format(exp.training.batch_size)
    if mode == "full":
        return QCoreApplication.translate("words", "full batch")
    return QCoreApplication.translate("words", "stochastic")


def run_label(exp: Experiment) -> str:
    """Optimizer, rate and batch, e.g. "Adam 0.002 · mini-batch 32"."""
    return f"{optimizer_label(exp.optimizer.name)} {exp.optimizer.learning_rate:g} · {batch_label(exp)}"
