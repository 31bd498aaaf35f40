"""Foreign graphs: every op is checked before anything runs; tfdesk's own graphs pass."""

import itertools

import numpy as np
import pytest
import tensorflow as tf

from tfdesk.core.foreign_graph import ForeignGraph
from tfdesk.core.data import load_dataset
from tfdesk.core.errors import CheckpointError
from tfdesk.core.graph import build_graph
from tfdesk.core.graph_safety import unsafe_ops
from tfdesk.core.spec import ACTIVATIONS, OPTIMIZERS, LayerSpec, course_experiment, lesson_experiment

v1 = tf.compat.v1


def _meta(handles):
    with handles.graph.as_default():
        return v1.train.export_meta_graph(saver_def=handles.saver.as_saver_def())


def _variants():
    for optimizer, activation in itertools.product(OPTIMIZERS, ACTIVATIONS):
        exp = course_experiment()
        exp.optimizer.name = optimizer
        exp.model.hidden_layers = [LayerSpec(8, activation, 0.3), LayerSpec(8, "relu")]
        yield exp
    wrong = course_experiment()
    wrong.model.output_activation = "softmax"
    yield wrong
    yield lesson_experiment("linear")
    yield lesson_experiment("quadratic")


def test_every_graph_tfdesk_builds_passes_the_check():
    checked = 0
    data = {}
    for exp in _variants():
        source = exp.data.source
        data.setdefault(source, load_dataset(exp))
        handles = build_graph(exp, data[source])
        handles.build_compiled()  # in the graph, and its checkpoints, once a run used it
        assert unsafe_ops(_meta(handles)) == [], exp
        checked += 1
    assert checked == len(OPTIMIZERS) * len(ACTIVATIONS) + 3


def _save_graph_with(tmp_path, extra_op, runnable=True):
    """runnable=False: extra_op is added after the save, to the .meta file alone."""
    graph = tf.Graph()
    with graph.as_default():
        x = v1.placeholder(tf.float32, (None, 64), name="pixels")
        w = tf.Variable(np.zeros((64, 10), np.float32), name="w")
        tf.matmul(x, w, name="scores")
        if runnable:
            extra_op()
        saver = v1.train.Saver()
        with v1.Session() as session:
            session.run(v1.global_variables_initializer())
            saver.save(session, str(tmp_path / "model.ckpt"))
        if not runnable:
            extra_op()
            v1.train.export_meta_graph(str(tmp_path / "model.ckpt.meta"),
                                       saver_def=saver.as_saver_def())


def test_a_graph_that_writes_a_file_is_refused_by_name_and_nothing_runs(tmp_path):
    target = tmp_path / "pwned.txt"
    _save_graph_with(tmp_path, lambda: tf.io.write_file(str(target), "hello", name="drop_a_file"))
    with pytest.raises(CheckpointError, match=r"drop_a_file \(WriteFile\)"):
        ForeignGraph(tmp_path / "model.ckpt.meta")
    assert not target.exists()


def test_python_and_file_reading_ops_are_refused(tmp_path):
    def extra():
        v1.py_func(lambda: np.float32(1), [], tf.float32, name="call_python")
        tf.io.read_file(str(tmp_path / "secret"), name="read_secret")
    _save_graph_with(tmp_path, extra)
    with pytest.raises(CheckpointError) as refused:
        ForeignGraph(tmp_path)
    assert "call_python (PyFunc)" in str(refused.value)
    assert "read_secret (ReadFile)" in str(refused.value)


def test_a_function_call_that_names_an_op_instead_of_a_function_is_refused(tmp_path):
    from tensorflow.python.ops import gen_functional_ops

    # TensorFlow runs an op named by a call as a one-op function: WriteFile would
    # get past a check of the call's own op type.
    _save_graph_with(tmp_path, lambda: gen_functional_ops.stateful_partitioned_call(
        args=[tf.constant(str(tmp_path / "pwned.txt")), tf.constant("hello")], Tout=[],
        f=v1.NameAttrList(name="WriteFile"), name="sneaky_call"), runnable=False)
    with pytest.raises(CheckpointError, match=r"sneaky_call \(calls WriteFile\)"):
        ForeignGraph(tmp_path)
    assert not (tmp_path / "pwned.txt").exists()


def test_a_plain_foreign_graph_and_its_saver_are_allowed(tmp_path):
    _save_graph_with(tmp_path, lambda: None)
    model = ForeignGraph(tmp_path)
    model.use_tensors("pixels:0", "scores:0")
    assert model.predict_probabilities(np.ones((1, 64))).shape == (1, 10)
