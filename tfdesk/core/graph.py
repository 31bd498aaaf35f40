"""One tf.Graph per experiment, built with tf.compat.v1 and named as in the course.

The names are a contract (DESIGN.md): the course's notebook code finds
`input/x_input:0` and `output_layer/output:0` in a tfdesk checkpoint, and
tfdesk finds them in the notebook's. Layers are written out from variables
(the slide's "method 1") because tf.compat.v1.layers is gone with Keras 3.
"""

from __future__ import annotations

from dataclasses import dataclass

import tensorflow as tf

from .data import Dataset
from .spec import Experiment

v1 = tf.compat.v1

ACTIVATION_OPS = {
    "relu": tf.nn.relu,
    "sigmoid": tf.nn.sigmoid,
    "tanh": tf.nn.tanh,
    "elu": tf.nn.elu,
    "softplus": tf.nn.softplus,
    "linear": tf.identity,
}


@dataclass
class GraphHandles:
    """The tensors and ops a trainer runs, all in `graph`."""

    graph: tf.Graph
    task: str  # "classification" | "regression"
    x: tf.Tensor
    y: tf.Tensor
    training: tf.Tensor  # True while training, so dropout is active only then
    output: tf.Tensor  # logits (classification) or y_pred (regression)
    probabilities: tf.Tensor | None
    loss: tf.Tensor
    accuracy: tf.Tensor | None
    train_op: tf.Operation
    global_step: tf.Variable
    init_op: tf.Operation
    saver: v1.train.Saver
    model_variables: list  # the weights and biases, in layer order


def layer_scope(index: int) -> str:
    """hidden_layer, hidden_layer_1, …: the names TensorFlow gives a repeated scope."""
    return "hidden_layer" if index == 0 else f"hidden_layer_{index}"


def build_graph(exp: Experiment, data: Dataset) -> GraphHandles:
    graph = tf.Graph()
    with graph.as_default(), tf.device(_device_name(exp.device)):
        v1.set_random_seed(exp.training.seed)
        if data.task == "regression":
            parts = _regression(exp)
        else:
            parts = _classifier(exp, data.n_features, data.n_classes)
        global_step = v1.train.get_or_create_global_step()
        optimizer = make_optimizer(exp)
        train_op = optimizer.minimize(parts["loss"], global_step=global_step, name="train")
        init_op = v1.global_variables_initializer()
        # Relative paths, so a checkpoint folder still works after it is moved or renamed.
        saver = v1.train.Saver(max_to_keep=1, save_relative_paths=True)
    return GraphHandles(graph=graph, task=data.task, train_op=train_op, global_step=global_step,
                        init_op=init_op, saver=saver, **parts)


def _device_name(device: str) -> str:
    return "/device:CPU:0" if device == "cpu" else f"/device:GPU:{device.split(':')[1]}"


def _initial_weights(init: str, shape: list[int], seed: int) -> tf.Tensor:
    if init == "truncated_normal":  # the slides' tf.truncated_normal(stddev=0.1)
        return v1.truncated_normal(shape, stddev=0.1, seed=seed)
    fan_in, fan_out = shape
    if init == "glorot":
        limit = (6.0 / (fan_in + fan_out)) ** 0.5
        return v1.random_uniform(shape, -limit, limit, seed=seed)
    # He: truncated normal whose stddev (after truncation) is sqrt(2 / fan_in).
    return v1.truncated_normal(shape, stddev=(2.0 / fan_in) ** 0.5 / 0.87962566, seed=seed)


def _dense(h, units: int, index: int, init: str, seed: int):
    """The slide's method 1: explicit weightN / biasN variables, then x·W + b."""
    fan_in = int(h.shape[1])
    w = tf.Variable(_initial_weights(init, [fan_in, units], seed), name=f"weight{index}",
                    dtype=tf.float32)
    b = tf.Variable(tf.constant(0.0, shape=[units]), name=f"bias{index}", dtype=tf.float32)
    return w, b, tf.matmul(h, w)


def _classifier(exp: Experiment, n_features: int, n_classes: int) -> dict:
    seed = exp.training.seed
    with tf.name_scope("input"):
        x = v1.placeholder(tf.float32, shape=(None, n_features), name="x_input")
        y = v1.placeholder(tf.float32, shape=(None, n_classes), name="y_label")
        training = v1.placeholder_with_default(False, shape=(), name="training")
    h = x
    variables = []
    for i, layer in enumerate(exp.model.hidden_layers):
        with v1.variable_scope(layer_scope(i)):
            w, b, xw = _dense(h, layer.units, i + 1, exp.model.init, seed + i + 1)
            z = tf.add(xw, b)
            h = ACTIVATION_OPS[layer.activation](z, name=f"h{i + 1}_out")
            if layer.dropout > 0:
                rate = tf.where(training, tf.constant(layer.dropout), tf.constant(0.0))
                h = tf.nn.dropout(h, rate=rate, seed=seed + 1000 + i)
        variables += [w, b]
    n_out = len(exp.model.hidden_layers) + 1
    with v1.variable_scope("output_layer"):
        w, b, xw = _dense(h, n_classes, n_out, exp.model.init, seed + n_out)
        variables += [w, b]
        if exp.model.output_activation == "softmax":
            # The slide's "Wrong!!" example, kept so students can see what it does:
            # the loss below applies a second softmax to these probabilities.
            output = tf.nn.softmax(tf.add(xw, b), name="output")
            probabilities = tf.identity(output, name="probabilities")
        else:
            output = tf.add(xw, b, name="output")
            probabilities = tf.nn.softmax(output, name="probabilities")
    loss = tf.reduce_mean(
        tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=output), name="loss")
    correct = tf.equal(tf.argmax(output, 1), tf.argmax(y, 1))
    accuracy = tf.reduce_mean(tf.cast(correct, tf.float32), name="accuracy")
    return dict(x=x, y=y, training=training, output=output, probabilities=probabilities,
                loss=loss, accuracy=accuracy, model_variables=variables)


def _regression(exp: Experiment) -> dict:
    """The slide's regression graph; a higher degree adds x^2, x^3, … as features."""
    degree = exp.degree
    x = v1.placeholder(tf.float32, shape=[None], name="X")
    y = v1.placeholder(tf.float32, shape=[None], name="label")
    training = v1.placeholder_with_default(False, shape=(), name="training")
    # The slide starts from w = 0.5, b = 0.
    weight = tf.Variable([0.5] + [0.0] * (degree - 1), dtype=tf.float32, name="weight")
    bias = tf.Variable([0.0], dtype=tf.float32, name="bias")
    if degree == 1:
        y_pred = tf.add(tf.multiply(weight, x), bias, name="y_pred")
    else:
        powers = tf.stack([x ** k for k in range(1, degree + 1)], axis=1, name="powers")
        y_pred = tf.add(tf.reduce_sum(powers * weight, axis=1), bias, name="y_pred")
    loss = tf.reduce_mean(tf.square(y_pred - y), name="mse")
    return dict(x=x, y=y, training=training, output=y_pred, probabilities=None, loss=loss,
                accuracy=None, model_variables=[weight, bias])


def make_optimizer(exp: Experiment):
    o = exp.optimizer
    lr = o.learning_rate
    if o.name == "gradient_descent":
        return v1.train.GradientDescentOptimizer(lr)
    if o.name == "adagrad":
        return v1.train.AdagradOptimizer(lr, initial_accumulator_value=o.initial_accumulator)
    if o.name == "momentum":
        return v1.train.MomentumOptimizer(lr, momentum=o.momentum, use_nesterov=o.nesterov)
    if o.name == "adam":
        return v1.train.AdamOptimizer(lr, beta1=o.beta1, beta2=o.beta2, epsilon=o.epsilon)
    return v1.train.RMSPropOptimizer(lr, decay=o.decay, epsilon=o.epsilon)
