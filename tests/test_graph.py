"""The graph carries the course's names, so the course's code can find its tensors."""

import numpy as np
import tensorflow as tf

from tfdesk.core.data import load_dataset
from tfdesk.core.graph import build_graph
from tfdesk.core.spec import LayerSpec, course_experiment, lesson_experiment


def _graph(exp):
    return build_graph(exp, load_dataset(exp))


def _variables(handles):
    with handles.graph.as_default():
        return {v.op.name: v.shape.as_list() for v in tf.compat.v1.trainable_variables()}


def test_course_network_has_exactly_the_course_variables():
    h = _graph(course_experiment())
    assert _variables(h) == {
        "hidden_layer/weight1": [64, 25], "hidden_layer/bias1": [25],
        "output_layer/weight2": [25, 10], "output_layer/bias2": [10],
    }
    g = h.graph
    assert g.get_tensor_by_name("input/x_input:0").shape.as_list() == [None, 64]
    assert g.get_tensor_by_name("input/y_label:0").shape.as_list() == [None, 10]
    assert g.get_tensor_by_name("output_layer/output:0") is h.output
    assert g.get_tensor_by_name("output_layer/probabilities:0") is h.probabilities
    assert g.get_tensor_by_name("accuracy:0") is h.accuracy


def test_three_hidden_layers_are_named_as_tensorflow_names_repeated_scopes():
    exp = course_experiment()
    exp.model.hidden_layers = [LayerSpec(25, "relu"), LayerSpec(25, "tanh"), LayerSpec(25, "sigmoid")]
    names = set(_variables(_graph(exp)))
    assert names == {"hidden_layer/weight1", "hidden_layer/bias1",
                     "hidden_layer_1/weight2", "hidden_layer_1/bias2",
                     "hidden_layer_2/weight3", "hidden_layer_2/bias3",
                     "output_layer/weight4", "output_layer/bias4"}


def test_loss_is_cross_entropy_of_the_softmax_of_the_logits():
    h = _graph(course_experiment())
    rng = np.random.default_rng(0)
    x = rng.random((7, 64), dtype=np.float32)
    y = np.eye(10, dtype=np.float32)[rng.integers(0, 10, 7)]
    with tf.compat.v1.Session(graph=h.graph) as s:
        s.run(h.init_op)
        logits, loss = s.run([h.output, h.loss], {h.x: x, h.y: y})
    p = np.exp(logits - logits.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    assert abs(loss - -np.mean(np.log((p * y).sum(1)))) < 1e-5


def test_softmax_on_the_output_layer_reproduces_the_slides_mistake():
    exp = course_experiment()
    exp.model.output_activation = "softmax"
    h = _graph(exp)
    assert h.output.op.type == "Softmax"  # the loss then applies a second softmax
    assert h.graph.get_tensor_by_name("output_layer/probabilities:0") is not None


def test_regression_lessons_use_the_slides_names():
    for source, weight_shape in (("linear", [1]), ("quadratic", [2])):
        h = _graph(lesson_experiment(source))
        g = h.graph
        for name in ("X:0", "label:0", "weight:0", "bias:0", "y_pred:0", "mse:0"):
            g.get_tensor_by_name(name)
        assert _variables(h) == {"weight": weight_shape, "bias": [1]}


def test_each_optimizer_builds_its_own_slots():
    expected = {"gradient_descent": set(), "adagrad": {"Adagrad"}, "momentum": {"Momentum"},
                "adam": {"Adam", "Adam_1"}, "rmsprop": {"RMSProp", "RMSProp_1"}}
    for name, slots in expected.items():
        exp = course_experiment()
        exp.optimizer.name = name
        h = _graph(exp)
        with h.graph.as_default():
            leaves = {v.op.name.split("/")[-1] for v in tf.compat.v1.global_variables()
                      if v.op.name.startswith("hidden_layer/weight1/")}
        assert leaves == slots, name
