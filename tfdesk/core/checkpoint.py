"""Checkpoints as the course makes them: a folder like the slide's `save_model/`.

    save_model/
      checkpoint                           the Saver's state file
      checkpoint_weight.ckpt.index         variable names and shapes
      checkpoint_weight.ckpt.data-*        the values
      checkpoint_weight.ckpt.meta          the whole graph
      tfdesk.json                          experiment, labels, input format, metrics, versions

A save writes a new folder beside the old one and swaps them, so a crash at
any moment leaves a loadable checkpoint at (or next to) the old name;
`recover()` puts it back. The sidecar is written last: a folder without it
was never finished.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import tensorflow as tf

from .. import __version__
from .errors import CheckpointError, SpecError
from .graph_safety import check_meta_graph
from .spec import Experiment

v1 = tf.compat.v1

CHECKPOINT_NAME = "checkpoint_weight.ckpt"
SIDECAR = "tfdesk.json"
SIDECAR_FORMAT = "tfdesk-checkpoint"
# Model variables end in weight/bias (optionally numbered); the optimizer's slots
# (…/Adam, …/Momentum), its powers and the global step are bookkeeping.
_MODEL_LEAF = re.compile(r"^(weight|bias)\d*$")
_TF_ERRORS = (tf.errors.OpError, ValueError, KeyError, OSError, UnicodeDecodeError)


# ---- saving -------------------------------------------------------------------


def save_checkpoint(trainer, folder: str | Path, metrics: dict | None = None) -> Path:
    """Save the trainer's session into `folder`, replacing a checkpoint there only once
    the new one is complete. Raises CheckpointError; the old checkpoint stays intact."""
    folder = Path(folder).absolute()
    check_save_target(folder)
    staging = folder.parent / f".{folder.name}.saving-{os.getpid()}"
    try:
        if staging.exists():
            shutil.rmtree(staging)
        staging.mkdir(parents=True)
        with trainer.graph.as_default():
            trainer.handles.saver.save(trainer.session, str(staging / CHECKPOINT_NAME))
        _write_sidecar(staging / SIDECAR, _sidecar(trainer, metrics))
        _swap_into_place(staging, folder)
    except _TF_ERRORS as e:
        shutil.rmtree(staging, ignore_errors=True)
        raise CheckpointError(f"Could not save the checkpoint in {folder}: {_reason(e)}. "
                              "Any checkpoint that was there is unchanged.") from None
    return folder


def check_save_target(folder: str | Path) -> None:
    """Refuse a target that is a file or a folder of the user's other files."""
    folder = Path(folder).absolute()
    if folder.exists() and not folder.is_dir():
        raise CheckpointError(f"{folder} is a file, not a folder; choose a folder for the checkpoint.")
    if folder.is_dir():
        names = {p.name for p in folder.iterdir()}
        foreign = {n for n in names if not _is_checkpoint_file(n)}
        if foreign:
            shown = ", ".join(sorted(foreign)[:5])
            raise CheckpointError(
                f"{folder} holds other files ({shown}); a checkpoint replaces the whole folder, "
                "so choose an empty folder or an existing checkpoint.")


def _is_checkpoint_file(name: str) -> bool:
    return name in ("checkpoint", SIDECAR) or ".ckpt" in name


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


def _swap_into_place(staging: Path, folder: Path) -> None:
    """Move the finished staging folder to `folder`; the old one is kept aside until then."""
    retired = None
    if folder.exists():
        retired = folder.parent / f".{folder.name}.old-{os.getpid()}"
        if retired.exists():
            shutil.rmtree(retired)
        os.replace(folder, retired)
    os.replace(staging, folder)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


def recover(folder: str | Path) -> Path:
    """If a save died between its two renames, put the newest finished copy back."""
    folder = Path(folder).absolute()
    if folder.exists():
        return folder
    leftovers = [p for p in folder.parent.glob(f".{folder.name}.*")
                 if p.is_dir() and (p / SIDECAR).is_file()]
    if leftovers:
        newest = max(leftovers, key=lambda p: (p / SIDECAR).stat().st_mtime)
        os.replace(newest, folder)
    return folder


# ---- reading ------------------------------------------------------------------


def checkpoint_prefix(path: str | Path) -> str:
    """The Saver prefix for a folder, a prefix, or one of the checkpoint's files."""
    path = Path(path)
    if not path.exists():
        recover(path)  # a save that died mid-swap left its finished copy beside it
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
            raise CheckpointError(f"{path}: no checkpoint here (no .index file).")
        return str(indexes[-1])[: -len(".index")]
    for suffix in (".meta", ".index"):
        if path.name.endswith(suffix):
            return str(path)[: -len(suffix)]
    if ".data-" in path.name:
        return str(path).split(".data-")[0]
    if not Path(f"{path}.index").is_file():
        raise CheckpointError(f"{path}: no checkpoint found (expected {path.name}.index).")
    return str(path)


def read_sidecar(folder: str | Path) -> dict | None:
    """The tfdesk.json beside a checkpoint, or None for a checkpoint tfdesk did not write."""
    folder = Path(folder)
    if not folder.is_dir():
        folder = Path(checkpoint_prefix(folder)).parent
    path = recover(folder) / SIDECAR
    if not path.exists():
        return None
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:
        raise CheckpointError(f"{path}: cannot read the checkpoint's description ({_reason(e)}).") from None
    if not isinstance(content, dict) or content.get("format") != SIDECAR_FORMAT:
        raise CheckpointError(f"{path}: not a tfdesk checkpoint description.")
    return content


def sidecar_experiment(folder: str | Path) -> Experiment:
    """The experiment a tfdesk checkpoint was trained with, to rebuild its graph."""
    sidecar = read_sidecar(folder)
    if sidecar is None:
        raise CheckpointError(f"{folder}: has no {SIDECAR}; restore it into the current "
                              "network instead, or open its graph (.meta).")
    try:
        return Experiment.from_dict(sidecar.get("experiment"))
    except SpecError as e:
        raise CheckpointError(f"{Path(folder) / SIDECAR}: its experiment is not valid: {e}") from None


def restore_weights(trainer, path: str | Path) -> dict | None:
    """Load a checkpoint's values into the trainer's graph (the course's "載入權重").

    The network's weights and biases must all be there with the same shapes;
    optimizer slots and the step are restored when present, so training resumes
    where it stopped. Returns the sidecar (None for a foreign checkpoint)."""
    prefix = checkpoint_prefix(path)
    try:
        saved = tf.train.load_checkpoint(prefix).get_variable_to_shape_map()
    except _TF_ERRORS as e:
        raise CheckpointError(f"{prefix}: cannot read the checkpoint ({_reason(e)}).") from None
    with trainer.graph.as_default():
        graph_vars = {v.op.name: v for v in v1.global_variables()}
    problems = _mismatches(saved, {v.op.name: v.shape.as_list() for v in trainer.handles.model_variables},
                           graph_vars)
    if problems:
        raise CheckpointError("The checkpoint does not fit this network:\n  " + "\n  ".join(problems))
    restorable = [v for name, v in graph_vars.items()
                  if name in saved and list(saved[name]) == v.shape.as_list()]
    sidecar = read_sidecar(Path(prefix).parent)
    try:
        with trainer.graph.as_default():
            v1.train.Saver(var_list=restorable).restore(trainer.session, prefix)
    except _TF_ERRORS as e:
        raise CheckpointError(f"{prefix}: cannot read the checkpoint ({_reason(e)}).") from None
    trainer.epoch = int(sidecar.get("epoch", 0)) if sidecar else 0
    trainer.weights_replaced()
    return sidecar


def _mismatches(saved: dict, model: dict, graph_vars: dict) -> list[str]:
    problems = []
    for name, shape in model.items():
        if name not in saved:
            problems.append(f"{name} {shape}: not in the checkpoint")
        elif list(saved[name]) != shape:
            problems.append(f"{name}: the network has shape {shape}, the checkpoint {list(saved[name])}")
    for name in sorted(saved):
        if name not in graph_vars and _MODEL_LEAF.match(name.rsplit("/", 1)[-1]):
            problems.append(f"{name} {list(saved[name])}: in the checkpoint but not in this network")
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


# ---- a whole graph from .meta ---------------------------------------------------

INPUT_NAMES = ("input/x_input:0", "X:0")
OUTPUT_NAMES = ("output_layer/probabilities:0", "output_layer/output:0", "y_pred:0")


@dataclass
class TensorInfo:
    name: str
    shape: list | None
    dtype: str
    op_type: str


def _read_meta_graph(meta: str):
    from google.protobuf.message import DecodeError

    meta_graph_def = v1.MetaGraphDef()
    try:
        meta_graph_def.ParseFromString(Path(meta).read_bytes())
    except (DecodeError, OSError, RuntimeWarning) as e:
        raise CheckpointError(f"{meta}: not a TensorFlow graph file ({_reason(e)}).") from None
    return meta_graph_def


def _is_batch_matrix(t: TensorInfo) -> bool:
    return (t.dtype.startswith("float") and t.shape is not None and len(t.shape) == 2
            and t.shape[1] is not None)


class MetaGraphModel:
    """A whole graph opened from `.meta` (the course's "載入 graph"), with its weights.

    The input and output are found by the course's names; when they are not
    there, `input_name`/`output_name` stay None and `tensors()` lists what
    exists so the user can pick."""

    def __init__(self, path: str | Path):
        self.prefix = checkpoint_prefix(path)
        meta = self.prefix + ".meta"
        if not Path(meta).is_file():
            raise CheckpointError(f"{meta}: no graph file (.meta) beside this checkpoint.")
        meta_graph_def = _read_meta_graph(meta)
        check_meta_graph(meta_graph_def, meta)  # before anything of it runs
        self.graph = tf.Graph()
        try:
            with self.graph.as_default():
                loader = v1.train.import_meta_graph(meta_graph_def)
        except _TF_ERRORS + (TypeError, AttributeError) as e:
            raise CheckpointError(f"{meta}: cannot read the graph ({_reason(e)}).") from None
        if loader is None:
            raise CheckpointError(f"{meta}: the graph has no variables to restore.")
        self.session = v1.Session(graph=self.graph)
        try:
            with self.graph.as_default():  # outside it, restore takes the eager path
                loader.restore(self.session, self.prefix)
        except _TF_ERRORS as e:
            self.session.close()
            raise CheckpointError(f"{self.prefix}: cannot restore the weights ({_reason(e)}).") from None
        self.sidecar = read_sidecar(Path(self.prefix).parent)
        self.input_name = self._first_existing(INPUT_NAMES)
        self.output_name = self._first_existing(OUTPUT_NAMES)

    def _first_existing(self, names) -> str | None:
        for name in names:
            try:
                self.graph.get_tensor_by_name(name)
                return name
            except (KeyError, ValueError):
                continue
        return None

    def tensors(self) -> list[TensorInfo]:
        out = []
        for op in self.graph.get_operations():
            for t in op.outputs:
                shape = t.shape.as_list() if t.shape.rank is not None else None
                out.append(TensorInfo(t.name, shape, t.dtype.name, op.type))
        return out

    def placeholders(self) -> list[TensorInfo]:
        return [t for t in self.tensors() if t.op_type == "Placeholder"]

    def use_tensors(self, input_name: str, output_name: str) -> None:
        for name in (input_name, output_name):
            try:
                self.graph.get_tensor_by_name(name)
            except (KeyError, ValueError):
                raise CheckpointError(f"The graph has no tensor named {name!r}.") from None
        self.input_name, self.output_name = input_name, output_name

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The output tensor for x; logits of `output_layer/output` become probabilities."""
        if self.input_name is None or self.output_name is None:
            raise CheckpointError(self.missing_tensors_message())
        x_t = self.graph.get_tensor_by_name(self.input_name)
        y_t = self.graph.get_tensor_by_name(self.output_name)
        try:
            out = self.session.run(y_t, feed_dict={x_t: np.asarray(x, np.float32)})
        except _TF_ERRORS as e:
            raise CheckpointError(f"The graph could not compute {self.output_name}: {_reason(e)}") from None
        if self.output_name == "output_layer/output:0":
            out = np.exp(out - out.max(axis=-1, keepdims=True))
            out /= out.sum(axis=-1, keepdims=True)
        return out

    def predict_probabilities(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities for x: the output as it is when it already is a
        softmax (or the course's probabilities), else the softmax of it (logits)."""
        out = np.atleast_2d(self.predict(x))
        op_type = self.graph.get_tensor_by_name(self.output_name).op.type
        if op_type != "Softmax" and self.output_name != "output_layer/output:0":
            out = np.exp(out - out.max(axis=-1, keepdims=True))
            out /= out.sum(axis=-1, keepdims=True)
        return out

    def input_candidates(self) -> list[TensorInfo]:
        """Tensors that could take a batch of images: float, (batch, features)."""
        rows = [t for t in self.tensors() if _is_batch_matrix(t)]
        # Placeholders first: they are what a course graph feeds.
        return sorted(rows, key=lambda t: "Placeholder" not in t.op_type)

    def output_candidates(self) -> list[TensorInfo]:
        return [t for t in self.tensors() if _is_batch_matrix(t) and "Placeholder" not in t.op_type]

    def missing_tensors_message(self) -> str:
        found = ", ".join(t.name for t in self.placeholders()) or "none"
        return (f"{self.prefix}.meta has no input/x_input:0 and output_layer/output:0 "
                f"(the course's names). Its placeholders: {found}. Choose the input and output tensors.")

    def close(self) -> None:
        self.session.close()
