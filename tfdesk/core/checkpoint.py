"""Checkpoints as the course makes them: a folder like the slide's `save_model/`.

    save_model/
      checkpoint                           the Saver's state file
      checkpoint_weight.ckpt.index         variable names and shapes
      checkpoint_weight.ckpt.data-*        the values
      checkpoint_weight.ckpt.meta          the whole graph
      tfdesk.json                          experiment, labels, input format, metrics, versions

A save writes a new folder beside the old one and swaps them (folder_swap.py),
so a crash at any moment leaves a loadable checkpoint at (or next to) the old
name. The sidecar is written last: a folder without it was never finished.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import time
from pathlib import Path

import numpy as np
import tensorflow as tf

from .. import __version__
from . import folder_swap
from .errors import CheckpointError, DataFileError, SpecError, TrainingError
from .i18n import QT_TRANSLATE_NOOP, Joined, Words
from .read_limits import check_regular
from .spec import Experiment

v1 = tf.compat.v1

CHECKPOINT_NAME = "checkpoint_weight.ckpt"
SIDECAR = "tfdesk.json"
SIDECAR_FORMAT = "tfdesk-checkpoint"
MAX_SIDECAR_BYTES = 1024**2  # a sidecar is a few kilobytes
MAX_EPOCH = 1_000_000
# Model variables end in weight/bias (optionally numbered); the optimizer's slots
# (…/Adam, …/Momentum), its powers and the global step are bookkeeping.
_MODEL_LEAF = re.compile(r"^(weight|bias)\d*$")
_TF_ERRORS = (tf.errors.OpError, ValueError, KeyError, OSError, UnicodeDecodeError)


# ---- saving -------------------------------------------------------------------


def save_checkpoint(trainer, folder: str | Path, metrics: dict | None = None,
                    snapshot=None) -> Path:
    """Save the trainer's session into `folder`, replacing a checkpoint there only once
    the new one is complete (folder_swap.py). Raises CheckpointError; the old checkpoint
    stays intact. snapshot (Trainer.snapshot()): save that moment's network instead of
    the one training now (the autosave's best), which is put back after."""
    shown = Path(folder).absolute()
    check_save_target(shown)
    if getattr(trainer, "remote", None) is not None:
        # Written here, never on the server: the network's values go into a local twin,
        # which saves them (the last finished epoch's when the server has gone).
        trainer, snapshot = _here(trainer, snapshot), None
    folder = folder_swap.real_target(shown)
    staging = folder_swap.staging_for(folder)
    now = trainer.snapshot() if snapshot is not None else None
    try:
        staging.mkdir(parents=True)
        if snapshot is not None:
            trainer.load_snapshot(snapshot)
        with trainer.graph.as_default():
            trainer.handles.saver.save(trainer.session, str(staging / CHECKPOINT_NAME))
        _write_sidecar(staging / SIDECAR, _sidecar(trainer, metrics))
        folder_swap.swap_in(staging, folder)
    except _TF_ERRORS as e:
        shutil.rmtree(staging, ignore_errors=True)
        raise CheckpointError(
            QT_TRANSLATE_NOOP("core", "Could not save the checkpoint in {folder}: {reason}. Any "
                                      "checkpoint that was there is unchanged."),
            folder=shown, reason=_reason(e)) from None
    finally:
        if now is not None:
            trainer.load_snapshot(now)
    return shown


def _here(trainer, snapshot=None):
    """A remote trainer's network, or that snapshot of it, in its local twin."""
    if snapshot is None:
        try:
            snapshot = trainer.snapshot()
        except TrainingError:  # the server has gone: the last finished epoch, kept here
            snapshot = trainer.kept
            if snapshot is None:
                raise CheckpointError(
                    QT_TRANSLATE_NOOP("core", "The server at {address} stopped answering before "
                                              "an epoch finished: there are no weights to save."),
                    address=trainer.remote.address) from None
    twin = trainer.local_twin()
    twin.load_snapshot(snapshot)
    return twin


def check_save_target(folder: str | Path) -> None:
    """Refuse a target that is a file, a folder of the user's other files, or a place where
    no folder can be made: before a run, not after it."""
    if not str(folder).strip():
        raise CheckpointError(QT_TRANSLATE_NOOP("core", "No folder was given for the checkpoint."))
    shown = Path(folder).absolute()
    folder = folder_swap.real_target(shown)
    if folder.exists() and not folder.is_dir():
        raise CheckpointError(
            QT_TRANSLATE_NOOP("core", "{folder} is a file, not a folder; choose a folder for the "
                                      "checkpoint."),
            folder=shown)
    if folder.is_dir():
        foreign = sorted(p.name for p in folder.iterdir() if not is_checkpoint_file(p.name))
        if foreign:
            raise CheckpointError(
                QT_TRANSLATE_NOOP("core", "{folder} holds files tfdesk did not write ({files}); a "
                                          "checkpoint replaces the whole folder, so choose an empty "
                                          "folder or an existing checkpoint."),
                folder=shown, files=", ".join(foreign[:5]))
    try:
        for old in folder_swap.leftovers(folder):
            shutil.rmtree(old, ignore_errors=True)
        folder_swap.probe(folder)
    except OSError as e:
        raise CheckpointError(
            QT_TRANSLATE_NOOP("core", "Cannot save a checkpoint in {folder}: {reason}."),
            folder=shown, reason=_reason(e)) from None


# The names in a checkpoint folder of tfdesk (or of the course's notebook), exactly.
_CHECKPOINT_FILES = re.compile(
    rf"^(checkpoint|{re.escape(SIDECAR)}|{re.escape(CHECKPOINT_NAME)}\.(index|meta|data-\d{{5}}-of-\d{{5}}))$")


def is_checkpoint_file(name: str) -> bool:
    return _CHECKPOINT_FILES.match(name) is not None


def _sidecar(trainer, metrics: dict | None) -> dict:
    data = trainer.data
    return {
        "format": SIDECAR_FORMAT,
        "version": 1,
        "checkpoint": CHECKPOINT_NAME,
        "experiment": trainer.experiment.to_dict(),
        "task": data.task,
        "class_names": data.class_names,
        "input_format": data.input_format,
        "n_features": data.n_features,
        "epoch": trainer.epoch,
        "epoch_step": trainer.epoch_step,  # into the next epoch, when a stop came part-way
        "step": trainer.step,
        "metrics": metrics or {},
        "saved_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "versions": {
            "tfdesk": __version__,
            "tensorflow": tf.__version__,
            "numpy": np.__version__,
            "python": platform.python_version(),
        },
    }


def _write_sidecar(path: Path, content: dict) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(content, f, indent=2, ensure_ascii=False)
        f.flush()
        os.fsync(f.fileno())


# ---- reading ------------------------------------------------------------------


def checkpoint_prefix(path: str | Path) -> str:
    """The Saver prefix for a folder, a prefix, or one of the checkpoint's files."""
    path = Path(path)
    if not path.exists():
        folder_swap.recover(path)  # a save that died mid-swap left its finished copy beside it
    if path.is_dir():
        try:
            state = v1.train.get_checkpoint_state(str(path))
        except _TF_ERRORS:
            state = None  # a damaged state file: look for the index instead
        if state and state.model_checkpoint_path:
            prefix = Path(state.model_checkpoint_path)
            prefix = prefix if prefix.is_absolute() else path / prefix
            if Path(f"{prefix}.index").is_file():
                return str(prefix)
        indexes = sorted(path.glob("*.index"), key=lambda p: p.stat().st_mtime)
        if not indexes:
            raise CheckpointError(
                QT_TRANSLATE_NOOP("core", "{path}: no checkpoint here (no .index file)."),
                path=path)
        return str(indexes[-1])[: -len(".index")]
    for suffix in (".meta", ".index"):
        if path.name.endswith(suffix):
            return str(path)[: -len(suffix)]
    if ".data-" in path.name:
        return str(path).split(".data-")[0]
    if not Path(f"{path}.index").is_file():
        raise CheckpointError(
            QT_TRANSLATE_NOOP("core", "{path}: no checkpoint found (expected {name}.index)."),
            path=path, name=path.name)
    return str(path)


def read_sidecar(folder: str | Path) -> dict | None:
    """The tfdesk.json beside a checkpoint, or None for a checkpoint tfdesk did not write."""
    folder = Path(folder)
    if not folder.is_dir():
        folder = Path(checkpoint_prefix(folder)).parent
    path = folder_swap.recover(folder) / SIDECAR
    if not path.exists():
        return None
    try:
        check_regular(path, max_bytes=MAX_SIDECAR_BYTES)
    except DataFileError as e:
        raise CheckpointError(
            QT_TRANSLATE_NOOP("core", "{path}: cannot read the checkpoint's description ({problem})."),
            path=path, problem=e.problem) from None
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:
        raise CheckpointError(
            QT_TRANSLATE_NOOP("core", "{path}: cannot read the checkpoint's description ({reason})."),
            path=path, reason=_reason(e)) from None
    if not isinstance(content, dict) or content.get("format") != SIDECAR_FORMAT:
        raise CheckpointError(
            QT_TRANSLATE_NOOP("core", "{path}: not a tfdesk checkpoint description."),
            path=path)
    return content


def sidecar_experiment(folder: str | Path) -> Experiment:
    """The experiment a tfdesk checkpoint was trained with, to rebuild its graph."""
    sidecar = read_sidecar(folder)
    if sidecar is None:
        raise CheckpointError(
            QT_TRANSLATE_NOOP("core", "{folder}: has no {sidecar}; restore it into the current "
                                      "network instead, or open its graph (.meta)."),
            folder=folder, sidecar=SIDECAR)
    try:
        return Experiment.from_dict(sidecar.get("experiment"))
    except SpecError as e:
        raise CheckpointError(
            QT_TRANSLATE_NOOP("core", "{path}: its experiment is not valid: {error}"),
            path=Path(folder) / SIDECAR, error=e) from None


def restore_weights(trainer, path: str | Path) -> dict | None:
    """Load a checkpoint's values into the trainer's graph (the course's "載入權重").

    The network's weights and biases must all be there with the same shapes;
    optimizer slots and the step are restored when present, so training resumes
    where it stopped. Returns the sidecar (None for a foreign checkpoint)."""
    prefix = checkpoint_prefix(path)
    try:
        saved = tf.train.load_checkpoint(prefix).get_variable_to_shape_map()
    except _TF_ERRORS as e:
        raise CheckpointError(
            QT_TRANSLATE_NOOP("core", "{prefix}: cannot read the checkpoint ({reason})."),
            prefix=prefix, reason=_reason(e)) from None
    here = trainer.local_twin() if getattr(trainer, "remote", None) is not None else trainer
    with here.graph.as_default():
        graph_vars = {v.op.name: v for v in v1.global_variables()}
    problems = _mismatches(saved, {v.op.name: v.shape.as_list() for v in trainer.handles.model_variables},
                           graph_vars)
    if problems:
        raise CheckpointError(QT_TRANSLATE_NOOP("core", "The checkpoint does not fit this network:\n"
                                                        "  {problems}"),
                              problems=Joined("\n  ", problems))
    restorable = [v for name, v in graph_vars.items()
                  if name in saved and list(saved[name]) == v.shape.as_list()]
    sidecar = read_sidecar(Path(prefix).parent)
    try:
        with here.graph.as_default():  # read on this computer, never on a server
            v1.train.Saver(var_list=restorable).restore(here.session, prefix)
        if here is not trainer:
            trainer.load_snapshot(here.snapshot())
    except _TF_ERRORS as e:
        raise CheckpointError(
            QT_TRANSLATE_NOOP("core", "{prefix}: cannot read the checkpoint ({reason})."),
            prefix=prefix, reason=_reason(e)) from None
    trainer.epoch = sidecar_epoch(sidecar, prefix) if sidecar else 0
    trainer.epoch_step = sidecar_count(sidecar, "epoch_step", prefix) if sidecar else 0
    trainer.weights_replaced()
    return sidecar


def sidecar_epoch(sidecar: dict, where) -> int:
    """The epoch a checkpoint was saved at, checked: the sidecar is a file anyone can edit."""
    return sidecar_count(sidecar, "epoch", where)


def sidecar_count(sidecar: dict, key: str, where) -> int:
    value = sidecar.get(key, 0)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_EPOCH:
        raise CheckpointError(
            QT_TRANSLATE_NOOP("core", "{checkpoint}: {sidecar} says the {key} is {value!r}; it must "
                                      "be a whole number from 0 to {max_epoch:,}."),
            checkpoint=where, sidecar=SIDECAR, key=key, value=value, max_epoch=MAX_EPOCH)
    return value


def _mismatches(saved: dict, model: dict, graph_vars: dict) -> list[Words]:
    problems = []
    for name, shape in model.items():
        if name not in saved:
            problems.append(Words(QT_TRANSLATE_NOOP("core", "{variable} {shape}: not in the checkpoint"),
                                  variable=name, shape=shape))
        elif list(saved[name]) != shape:
            problems.append(Words(QT_TRANSLATE_NOOP(
                "core", "{variable}: the network has shape {shape}, the checkpoint {saved_shape}"),
                variable=name, shape=shape, saved_shape=list(saved[name])))
    for name in sorted(saved):
        if name not in graph_vars and _MODEL_LEAF.match(name.rsplit("/", 1)[-1]):
            problems.append(Words(QT_TRANSLATE_NOOP(
                "core", "{variable} {shape}: in the checkpoint but not in this network"),
                variable=name, shape=list(saved[name])))
    return problems


def _reason(e: BaseException) -> str:
    if isinstance(e, OSError) and e.strerror:
        return e.strerror
    text = getattr(e, "message", None) or str(e) or type(e).__name__
    # TensorFlow wraps the cause in where-it-happened lines; the cause is what helps.
    lines = [line.strip() for line in text.strip().splitlines()]
    informative = [line for line in lines if line and not line.startswith(_TF_BOILERPLATE)]
    return (informative or lines or [type(e).__name__])[0][:300]


_TF_BOILERPLATE = ("Graph execution error", "Detected at node", "File ", "Node:", "[[",
                   "Original stack trace", "defined at")
