"""The graph as plain data for the graph inspector: name scopes, ops, their output
tensors, and what each variable is for (the slide's pprint(tf.global_variables()))."""

from __future__ import annotations

from dataclasses import dataclass

import tensorflow as tf

v1 = tf.compat.v1
TRAINING_DATA = "tfdesk_training_data"  # engine.TRAINING_DATA, without importing the engine

VARIABLE_OPS = ("VarHandleOp", "VariableV2", "Variable")


@dataclass
class TensorRow:
    name: str
    shape: str  # "(?, 64)", "unknown"
    dtype: str


@dataclass
class OpRow:
    name: str  # full name, "hidden_layer/weight1"
    type: str
    outputs: list[TensorRow]
    role: str | None  # for variables: "trainable", "optimizer slot", "training data", "other"


def _shape(t) -> str:
    if t.shape.rank is None:
        return "unknown"
    return "(" + ", ".join("?" if d is None else str(d) for d in t.shape.as_list()) + ")"


def describe(graph: tf.Graph) -> list[OpRow]:
    with graph.as_default():
        trainable = {v.op.name for v in v1.trainable_variables()}
        saved = {v.op.name for v in v1.global_variables()}
        local = {v.op.name for v in v1.get_collection(TRAINING_DATA)}
    rows = []
    for op in graph.get_operations():
        role = None
        if op.type in VARIABLE_OPS:
            if op.name in trainable:
                role = "trainable"
            elif op.name in local:
                role = "training data"
            elif any(op.name.startswith(name + "/") for name in trainable):
                role = "optimizer slot"  # Adam's m and v, Momentum's velocity, …
            elif op.name in saved:
                role = "other"
        rows.append(OpRow(op.name, op.type, [TensorRow(t.name, _shape(t), t.dtype.name)
                                              for t in op.outputs], role))
    return rows


def variable_value(graph: tf.Graph, session, name: str):
    """The current value of the variable whose op is `name`."""
    with graph.as_default():
        for variable in v1.global_variables() + v1.get_collection(TRAINING_DATA):
            if variable.op.name == name:
                return session.run(variable)
    raise KeyError(name)
