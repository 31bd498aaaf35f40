"""A whole graph opened from `.meta` (the course's "載入 graph"), treated as untrusted.

A `.meta` file is a program. tfdesk never runs the file's own saver (its
save/restore ops could read, write or delete any file; its restore_op_name could
name any op), so those ops are cut out before the graph is built, and the weights
are restored by a Saver tfdesk builds from variable names and shapes it checked
against the checkpoint's index. Before anything runs, every op the chosen output
depends on must be on the allow-list of a dense network (graph_safety.py), hold
no loop, and have a size known ahead and below a cap. The rest of the graph is
listed (to choose tensors, for the graph inspector) but never run.

This runs inside a child process (graph_process.py), so that what no check can
foresee, a crash inside TensorFlow or an allocation storm, ends the child and not
the window. The class works in-process too; the tests use it both ways.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import tensorflow as tf

from .checkpoint import _TF_ERRORS, _reason, checkpoint_prefix, read_sidecar
from .errors import CheckpointError
from .i18n import QT_TRANSLATE_NOOP, Joined, Words
from .graph_safety import ALLOWED_OPS, SAVER_OPS, check_meta_graph

v1 = tf.compat.v1

INPUT_NAMES = ("input/x_input:0", "X:0")
OUTPUT_NAMES = ("output_layer/probabilities:0", "output_layer/output:0", "y_pred:0")
MAX_META_BYTES = 64 * 1024**2  # a course graph's .meta is about 100 KB
MAX_VARIABLE_BYTES = 1024**3  # all the weights restored, together
MAX_ELEMENTS = 2**24  # of any one tensor on the way to the output, per example
PREDICT_SECONDS = 10.0
# A forward pass has no loop; on the way to the output one could run forever.
_LOOP_OPS = frozenset({"Enter", "Exit", "NextIteration", "LoopCond", "Merge", "Switch",
                       "While", "StatelessWhile", "If", "StatelessIf", "ControlTrigger"})
_VARIABLE_OPS = frozenset({"VariableV2", "Variable", "VarHandleOp"})


@dataclass
class TensorInfo:
    name: str
    shape: list | None
    dtype: str
    op_type: str


def _is_batch_matrix(t: TensorInfo) -> bool:
    return (t.dtype.startswith("float") and t.shape is not None and len(t.shape) == 2
            and t.shape[1] is not None)


def read_meta_graph(meta: str | Path):
    """The MetaGraphDef in a file, its size checked before a byte of it is read."""
    from google.protobuf.message import DecodeError

    meta = Path(meta)
    try:
        if not meta.is_file():
            raise CheckpointError(QT_TRANSLATE_NOOP("core", "{meta}: not a regular file."), meta=meta)
        size = meta.stat().st_size
        if size > MAX_META_BYTES:
            raise CheckpointError(
                QT_TRANSLATE_NOOP("core", "{meta}: {size:,} bytes is too large for a graph file; "
                                          "tfdesk opens graphs up to {limit_mb} MB."),
                meta=meta, size=size, limit_mb=MAX_META_BYTES // 1024**2)
        meta_graph_def = v1.MetaGraphDef()
        meta_graph_def.ParseFromString(meta.read_bytes())
    except (DecodeError, OSError, RuntimeWarning) as e:
        raise CheckpointError(
            QT_TRANSLATE_NOOP("core", "{meta}: not a TensorFlow graph file ({reason})."),
            meta=meta, reason=_reason(e)) from None
    return meta_graph_def


def without_saver(meta_graph_def):
    """A copy without the file's own saver: its saver_def, and every op that saves,
    restores or merges checkpoints together with everything that depends on one."""
    clean = v1.MetaGraphDef()
    clean.CopyFrom(meta_graph_def)
    clean.ClearField("saver_def")
    if "savers" in clean.collection_def:
        del clean.collection_def["savers"]
    nodes = list(clean.graph_def.node)
    dropped = {n.name for n in nodes if n.op in SAVER_OPS}
    while True:  # downstream of a dropped op, until nothing more depends on one
        more = {n.name for n in nodes if n.name not in dropped
                and any(i.lstrip("^").split(":")[0] in dropped for i in n.input)}
        if not more:
            break
        dropped |= more
    del clean.graph_def.node[:]
    clean.graph_def.node.extend(n for n in nodes if n.name not in dropped)
    return clean


class ForeignGraph:
    """The graph of a checkpoint, its weights restored by tfdesk, ready to answer drawings.

    The input and output are found by the course's names; when they are not there,
    `input_name`/`output_name` stay None and `tensors()` lists what exists so the user
    can pick. Nothing of the graph runs until `use_tensors` has checked the way there."""

    def __init__(self, path: str | Path):
        self.prefix = checkpoint_prefix(path)
        meta = self.prefix + ".meta"
        if not Path(meta).is_file():
            raise CheckpointError(
                QT_TRANSLATE_NOOP("core", "{meta}: no graph file (.meta) beside this checkpoint."),
                meta=meta)
        meta_graph_def = without_saver(read_meta_graph(meta))
        check_meta_graph(meta_graph_def, meta)  # no file, network or Python op anywhere
        self.graph = tf.Graph()
        try:
            with self.graph.as_default():
                # Without the file's saver_def this builds a new Saver of the graph's
                # variables: tfdesk's, restoring from the prefix the user chose.
                saver = v1.train.import_meta_graph(meta_graph_def, clear_devices=True)
        except _TF_ERRORS + (TypeError, AttributeError) as e:
            raise CheckpointError(
                QT_TRANSLATE_NOOP("core", "{meta}: cannot read the graph ({reason})."),
                meta=meta, reason=_reason(e)) from None
        if saver is None:
            raise CheckpointError(
                QT_TRANSLATE_NOOP("core", "{meta}: the graph has no variables to restore."),
                meta=meta)
        self.session = v1.Session(graph=self.graph, config=v1.ConfigProto(
            intra_op_parallelism_threads=1, inter_op_parallelism_threads=1))
        try:
            self._restore(meta, saver)
        except BaseException:
            self.session.close()
            raise
        self.sidecar = read_sidecar(Path(self.prefix).parent)
        self.input_name = self.output_name = None
        found_input, found_output = self._first_existing(INPUT_NAMES), self._first_existing(OUTPUT_NAMES)
        if found_input and found_output:
            self.use_tensors(found_input, found_output)

    # ---- the weights ------------------------------------------------------------

    def _restore(self, meta: str, saver) -> None:
        """Every variable of the graph from the checkpoint, once names, shapes and sizes are
        checked against the checkpoint's index."""
        with self.graph.as_default():
            variables = v1.global_variables()
        try:
            reader = tf.train.load_checkpoint(self.prefix)
            shapes, dtypes = reader.get_variable_to_shape_map(), reader.get_variable_to_dtype_map()
        except _TF_ERRORS as e:
            raise CheckpointError(
                QT_TRANSLATE_NOOP("core", "{prefix}: cannot read the checkpoint ({reason})."),
                prefix=self.prefix, reason=_reason(e)) from None
        total = 0
        for variable in variables:
            name = variable.op.name
            if variable.op.type not in _VARIABLE_OPS:
                raise CheckpointError(
                    QT_TRANSLATE_NOOP("core", "{meta}: {name} is listed as a variable but is a {op} "
                                              "op; refused."),
                    meta=meta, name=name, op=variable.op.type)
            if variable.shape.rank is None or not variable.shape.is_fully_defined():
                raise CheckpointError(
                    QT_TRANSLATE_NOOP("core", "{meta}: the variable {name} has no fixed shape; "
                                              "refused."),
                    meta=meta, name=name)
            shape = variable.shape.as_list()
            if name not in shapes:
                raise CheckpointError(
                    QT_TRANSLATE_NOOP("core", "{prefix}: the graph's variable {name} is not in the "
                                              "checkpoint."),
                    prefix=self.prefix, name=name)
            if shape != list(shapes[name]) or variable.dtype.base_dtype != dtypes[name]:
                raise CheckpointError(
                    QT_TRANSLATE_NOOP("core", "{prefix}: {name} is {shape} {dtype} in the graph but "
                                              "{saved_shape} {saved_dtype} in the checkpoint."),
                    prefix=self.prefix, name=name, shape=shape, dtype=variable.dtype.base_dtype.name,
                    saved_shape=list(shapes[name]), saved_dtype=dtypes[name].name)
            total += math.prod(shape) * variable.dtype.base_dtype.size
        if total > MAX_VARIABLE_BYTES:
            raise CheckpointError(
                QT_TRANSLATE_NOOP("core", "{prefix}: its weights take {total:,} bytes; tfdesk "
                                          "restores up to {limit_mb} MB."),
                prefix=self.prefix, total=total, limit_mb=MAX_VARIABLE_BYTES // 1024**2)
        try:
            with self.graph.as_default():  # outside it, restore takes the eager path
                saver.restore(self.session, self.prefix)
        except _TF_ERRORS as e:
            raise CheckpointError(
                QT_TRANSLATE_NOOP("core", "{prefix}: cannot restore the weights ({reason})."),
                prefix=self.prefix, reason=_reason(e)) from None

    # ---- choosing the input and output -------------------------------------------

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

    def input_candidates(self) -> list[TensorInfo]:
        """Tensors that could take a batch of images: float, (batch, features)."""
        rows = [t for t in self.tensors() if _is_batch_matrix(t)]
        # Placeholders first: they are what a course graph feeds.
        return sorted(rows, key=lambda t: "Placeholder" not in t.op_type)

    def output_candidates(self) -> list[TensorInfo]:
        return [t for t in self.tensors() if _is_batch_matrix(t) and "Placeholder" not in t.op_type]

    def use_tensors(self, input_name: str, output_name: str) -> None:
        """Answer drawings with output_name fed input_name, once the way there is checked."""
        tensors = []
        for name in (input_name, output_name):
            try:
                tensors.append(self.graph.get_tensor_by_name(name))
            except (KeyError, ValueError):
                raise CheckpointError(
                    QT_TRANSLATE_NOOP("core", "The graph has no tensor named {name!r}."),
                    name=name) from None
        self._check_way(*tensors)
        self.input_name, self.output_name = input_name, output_name

    def _check_way(self, x: tf.Tensor, y: tf.Tensor) -> None:
        """Refuse what computing y from x would run that a dense network never needs."""
        needed, todo = set(), [y.op]
        while todo:
            op = todo.pop()
            if op in needed or op is x.op:
                continue
            needed.add(op)
            todo.extend(t.op for t in op.inputs)
            todo.extend(op.control_inputs)
        problems = []
        for op in sorted(needed, key=lambda o: o.name):
            if op.type not in ALLOWED_OPS:
                problems.append(Words(QT_TRANSLATE_NOOP(
                    "core", "{name} ({op}): not an operation of a dense network"),
                    name=op.name, op=op.type))
            elif op.type in _LOOP_OPS:
                problems.append(Words(QT_TRANSLATE_NOOP(
                    "core", "{name} ({op}): a loop or branch, which could run forever"),
                    name=op.name, op=op.type))
            else:
                for t in op.outputs:
                    size = _per_example_elements(t)
                    if size is None:
                        problems.append(Words(QT_TRANSLATE_NOOP(
                            "core", "{tensor}: its size is not known before running"), tensor=t.name))
                    elif size > MAX_ELEMENTS:
                        problems.append(Words(QT_TRANSLATE_NOOP(
                            "core", "{tensor}: {size:,} values, more than tfdesk computes ({limit:,})"),
                            tensor=t.name, size=size, limit=MAX_ELEMENTS))
        if len(problems) > 6:
            raise CheckpointError(
                QT_TRANSLATE_NOOP("core", "{prefix}.meta: refused to compute {output} from {input}: "
                                          "{problems}; and {more} more."),
                prefix=self.prefix, output=y.name, input=x.name,
                problems=Joined("; ", problems[:6]), more=len(problems) - 6)
        if problems:
            raise CheckpointError(
                QT_TRANSLATE_NOOP("core", "{prefix}.meta: refused to compute {output} from {input}: "
                                          "{problems}."),
                prefix=self.prefix, output=y.name, input=x.name, problems=Joined("; ", problems))

    # ---- using it ----------------------------------------------------------------

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The output tensor for x; logits of `output_layer/output` become probabilities."""
        if self.input_name is None or self.output_name is None:
            raise self._missing_tensors()
        x_t = self.graph.get_tensor_by_name(self.input_name)
        y_t = self.graph.get_tensor_by_name(self.output_name)
        options = v1.RunOptions(timeout_in_ms=int(PREDICT_SECONDS * 1000))
        try:
            out = self.session.run(y_t, feed_dict={x_t: np.asarray(x, np.float32)}, options=options)
        except tf.errors.DeadlineExceededError:
            raise CheckpointError(
                QT_TRANSLATE_NOOP("core", "The graph did not compute {output_name} within "
                                          "{seconds:g} s; it was stopped."),
                output_name=self.output_name, seconds=PREDICT_SECONDS) from None
        except _TF_ERRORS as e:
            raise CheckpointError(
                QT_TRANSLATE_NOOP("core", "The graph could not compute {output_name}: {reason}"),
                output_name=self.output_name, reason=_reason(e)) from None
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

    def shapes(self) -> tuple[int | None, int | None]:
        """(features, classes) of the chosen input and output."""
        x = self.graph.get_tensor_by_name(self.input_name).shape
        y = self.graph.get_tensor_by_name(self.output_name).shape
        return (x[1] if x.rank == 2 else None), (y[1] if y.rank == 2 else None)

    def describe(self) -> list:
        from .graph_info import describe

        return describe(self.graph)

    def variable_value(self, name: str) -> np.ndarray:
        from .graph_info import variable_value

        return variable_value(self.graph, self.session, name)

    def missing_tensors_message(self) -> str:
        return str(self._missing_tensors())

    def _missing_tensors(self) -> CheckpointError:
        found = ", ".join(t.name for t in self.placeholders())
        if not found:
            return CheckpointError(QT_TRANSLATE_NOOP(
                "core", "{prefix}.meta has no input/x_input:0 and output_layer/output:0 (the course's "
                        "names). Its placeholders: none. Choose the input and output tensors."),
                prefix=self.prefix)
        return CheckpointError(QT_TRANSLATE_NOOP(
            "core", "{prefix}.meta has no input/x_input:0 and output_layer/output:0 (the course's "
                    "names). Its placeholders: {placeholders}. Choose the input and output tensors."),
            prefix=self.prefix, placeholders=found)

    def close(self) -> None:
        self.session.close()


def _per_example_elements(t: tf.Tensor) -> int | None:
    """How many values t holds for one example (its first dimension may be the batch);
    None when its shape is not known before running."""
    if t.shape.rank is None:
        return None
    dims = t.shape.as_list()
    if any(d is None for d in dims[1:]):
        return None
    return math.prod(dims[1:]) * (dims[0] if dims and dims[0] is not None else 1)
