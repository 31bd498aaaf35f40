"""The one layout of a run's numbers in a checkpoint's sidecar, written and read by all.

The window's saves, its autosaves and tfdesk-train each wrote their own keys once;
now every sidecar's "metrics" is this, with a version, and read_metrics also reads
the keys of checkpoints written before it.
"""

from __future__ import annotations

import math

VERSION = 2
_EPOCH_KEYS = ("train_loss", "train_accuracy", "val_loss", "val_accuracy")
_NUMBERS = _EPOCH_KEYS + ("test_loss", "test_accuracy")


def layout(last_epoch=None, test=None, test_looks: int = 0) -> dict:
    """last_epoch: the EpochMetrics of the last finished epoch; test: an Evaluation on the
    test set, when one was asked for (the final exam is never taken only to be saved)."""
    out = {"version": VERSION}
    if last_epoch is not None:
        for key in _EPOCH_KEYS:
            value = getattr(last_epoch, key)
            if value is not None and math.isfinite(value):
                out[key] = float(value)
    if test is not None:
        out["test_loss"] = float(test.loss)
        if test.accuracy is not None:
            out["test_accuracy"] = float(test.accuracy)
    out["test_looks"] = int(test_looks)
    return out


def read_metrics(sidecar: dict | None) -> dict:
    """A sidecar's metrics in this layout: the known numbers, finite, of any version."""
    raw = (sidecar or {}).get("metrics")
    if not isinstance(raw, dict):
        return {"version": VERSION}
    out = {"version": VERSION}
    for key in _NUMBERS:
        value = raw.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            out[key] = float(value)
    looks = raw.get("test_looks", 0)
    out["test_looks"] = looks if isinstance(looks, int) and not isinstance(looks, bool) and looks >= 0 else 0
    return out
