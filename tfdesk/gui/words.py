"""The core's words in the window's language: optimizers, batch modes, errors."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..core.i18n import render
from ..core.spec import BATCH_MODE_LABELS, OPTIMIZER_LABELS, Experiment


def error_text(error) -> str:
    """A core error (or the core's Words, e.g. a library's problem) in the window's
    language, the sentences inside it too; any other exception as str(error).
    QCoreApplication.translate is thread-safe: the worker thread may call this."""
    return render(error, QCoreApplication.translate)


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
