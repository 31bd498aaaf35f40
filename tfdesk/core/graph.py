"""One tf.Graph per experiment, built with tf.compat.v1 and named as in the course.

The names are a contract (docs/ARCHITECTURE.md, "Tensor names"): the course's notebook code finds
`input/x_input:0` and `output_layer/output:0` in a tfdesk checkpoint, and
tfdesk finds them in the notebook's. Layers are written out from variables
(the slide's "method 1") because tf.compat.v1.layers is gone with Keras 3.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import tensorflow as tf

from . import dropout
from .compiled_chunk import CompiledChunk, build_compiled_chunk
from .data import Dataset
from .engine import ChunkLoop, build_chunk_loop
from .layer_shapes import SCOPES, layer_scope, stack_shapes
from .spec import Experiment, LayerSpec

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
    engine: ChunkLoop  # many mini-batches in one session.run (engine.py)
    # Adds the same steps compiled by XLA to the graph (compiled_chunk.py), when a
    # run first needs them: tracing them takes 150 ms that most runs never use.
    build_compiled: Callable[[], CompiledChunk]
    dropout_units: int  # of the layers with dropout, together
    feature_maps: tf.Tensor | None = None  # the first convolution's output, for the weights view


def build_graph(exp: Experiment, data: Dataset, remote=None) -> GraphHandles:
    """remote (remote.Remote): place the graph on a server's worker, its variables in the
    client's own container there."""
    graph = tf.Graph()
    device = remote.device if remote else _device_name(exp.device)
    container = remote.container if remote else ""
    with graph.as_default(), v1.container(container), tf.device(device):
        v1.set_random_seed(exp.training.seed)
        global_step = v1.train.get_or_create_global_step()
        if data.task == "regression":
            model = _Regression(exp)
        else:
            model = _Classifier(exp, data.n_features, data.n_classes, data.image_shape)
        parts = model.course_tensors(global_step)
        optimizer = make_optimizer(exp)
        train_op = optimizer.minimize(parts["loss"], global_step=global_step, name="train")
        augment_seed = exp.training.seed if exp.data.augment else None
        # On a server each call is a round trip: an epoch's end comes with its last chunk.
        epoch_end = (parts["x"], parts["y"]) if remote else None
        engine = build_chunk_loop(model, optimizer, global_step, data, augment_seed, epoch_end)
        init_op = v1.global_variables_initializer()
        # Relative paths, so a checkpoint folder still works after it is moved or renamed.
        # Keep all: each save goes to a fresh staging folder that is then moved, and
        # the Saver must never delete "older" checkpoints by their staging names.
        saver = v1.train.Saver(max_to_keep=None, save_relative_paths=True)

    def build_compiled() -> CompiledChunk:
        with graph.as_default(), v1.container(container), tf.device(device):
            return build_compiled_chunk(model, optimizer, global_step, engine)

    return GraphHandles(graph=graph, task=data.task, train_op=train_op, global_step=global_step,
                        init_op=init_op, saver=saver, model_variables=model.variables,
                        engine=engine, build_compiled=build_compiled,
                        dropout_units=sum(units for _, units in model.dropout_layers()), **parts)


def _device_name(device: str) -> str:
    return "/device:CPU:0" if device == "cpu" else f"/device:GPU:{device.split(':')[1]}"


def _initial_weights(init: str, shape: list[int], seed: int) -> tf.Tensor:
    """shape: [inputs, units], or a convolution's [height, width, channels, filters]."""
    if init == "truncated_normal":  # the slides' tf.truncated_normal(stddev=0.1)
        return v1.truncated_normal(shape, stddev=0.1, seed=seed)
    window = int(np.prod(shape[:-2]))  # 1 for a dense layer
    fan_in, fan_out = window * shape[-2], window * shape[-1]
    if init == "glorot":
        limit = (6.0 / (fan_in + fan_out)) ** 0.5
        return v1.random_uniform(shape, -limit, limit, seed=seed)
    # He: truncated normal whose stddev (after truncation) is sqrt(2 / fan_in).
    return v1.truncated_normal(shape, stddev=(2.0 / fan_in) ** 0.5 / 0.87962566, seed=seed)


def _variables(shape: list[int], index: int, init: str, seed: int):
    """The slide's method 1: explicit weightN / biasN variables; one bias per unit or filter."""
    w = tf.Variable(_initial_weights(init, shape, seed), name=f"weight{index}", dtype=tf.float32)
    b = tf.Variable(tf.constant(0.0, shape=[shape[-1]]), name=f"bias{index}", dtype=tf.float32)
    return w, b


@dataclass
class _Layer:
    spec: LayerSpec
    weights: tf.Variable | None  # None for pooling and flatten
    bias: tf.Variable | None
    dropout_seed: int


class _Classifier:
    """Input → hidden layers → classes. The forward pass is written once and used twice:
    on the course's placeholders, and inside the chunk loop on gathered batches."""

    task = "classification"

    def __init__(self, exp: Experiment, n_features: int, n_classes: int, image: tuple[int, int] | None):
        self.exp, self.n_features, self.n_classes, self.image = exp, n_features, n_classes, image
        self.layers: list[_Layer] = []
        self.variables = []

    def course_tensors(self, global_step) -> dict:
        exp, seed = self.exp, self.exp.training.seed
        with tf.name_scope("input"):
            x = v1.placeholder(tf.float32, shape=(None, self.n_features), name="x_input")
            y = v1.placeholder(tf.float32, shape=(None, self.n_classes), name="y_label")
            training = v1.placeholder_with_default(False, shape=(), name="training")
        h, shape, maps = x, (self.n_features,), None
        made = stack_shapes(exp.model.hidden_layers, self.n_features, self.n_classes, self.image)
        counts = dict.fromkeys(SCOPES, 0)
        for i, (layer, out) in enumerate(zip(exp.model.hidden_layers, made)):
            with v1.variable_scope(layer_scope(layer.kind, counts[layer.kind])):
                w = b = None
                if layer.kind in ("dense", "conv"):
                    channels = shape[2] if len(shape) == 3 else 1  # 1: the input picture
                    shape_w = ([shape[0], layer.units] if layer.kind == "dense"
                               else [layer.kernel, layer.kernel, channels, layer.filters])
                    w, b = _variables(shape_w, len(self.variables) // 2 + 1, exp.model.init, seed + i + 1)
                    self.variables += [w, b]
                self.layers.append(_Layer(layer, w, b, seed + 1000 + i))
                h = self._hidden(h, self.layers[-1], training, global_step, name=f"h{i + 1}_out")
                if layer.kind == "conv" and maps is None:
                    maps = h
            counts[layer.kind] += 1
            shape = out.shape
        n_out = len(exp.model.hidden_layers) + 1
        with v1.variable_scope("output_layer"):
            w, b = _variables([shape[0], self.n_classes], len(self.variables) // 2 + 1, exp.model.init,
                              seed + n_out)
            self.output_weights = (w, b)
            self.variables += [w, b]
            output = self._output(h, name="output")
            if exp.model.output_activation == "softmax":
                probabilities = tf.identity(output, name="probabilities")
            else:
                probabilities = tf.nn.softmax(output, name="probabilities")
        loss, accuracy = self.loss_and_accuracy(y, output)
        return dict(x=x, y=y, training=training, output=output, probabilities=probabilities,
                    loss=tf.identity(loss, name="loss"), accuracy=tf.identity(accuracy, name="accuracy"),
                    feature_maps=maps)

    def forward(self, x, training, step=None, numbers=None):
        """Logits for x with the same variables (the chunk loops' pass). numbers: each
        dropout layer's uniform numbers for this step (dropout.py), else drawn here for
        global step `step`."""
        h, numbers = x, iter(numbers or [])
        for layer in self.layers:
            these = next(numbers, None) if layer.spec.dropout > 0 else None
            h = self._hidden(h, layer, training, step, numbers=these)
        return self._output(h)

    def dropout_layers(self) -> list[tuple[int, int]]:
        """(seed, units) of each layer with dropout, in order."""
        return [(layer.dropout_seed, layer.spec.units) for layer in self.layers if layer.spec.dropout > 0]

    def _hidden(self, h, layer: _Layer, training, step, name=None, numbers=None):
        spec = layer.spec
        if spec.kind == "flatten":
            return tf.reshape(h, [-1, int(np.prod(h.shape.as_list()[1:]))], name=name)
        if spec.kind in ("conv", "maxpool") and h.shape.rank == 2:
            # The input row is the picture, row by row: one channel of height × width.
            h = tf.reshape(h, [-1, self.image[0], self.image[1], 1], name="x_image")
        strides = [1, spec.steps_by, spec.steps_by, 1]
        if spec.kind == "maxpool":
            window = [1, spec.kernel, spec.kernel, 1]
            return tf.nn.max_pool2d(h, window, strides, spec.padding.upper(), name=name)
        if spec.kind == "conv":
            z = tf.add(tf.nn.conv2d(h, layer.weights, strides, spec.padding.upper()), layer.bias)
        else:
            z = tf.add(tf.matmul(h, layer.weights), layer.bias)
        h = ACTIVATION_OPS[spec.activation](z, name=name)
        if spec.dropout > 0:
            # Stateless, keyed on the step: every way of training drops the same
            # units at the same step (dropout.py).
            rate = tf.where(training, tf.constant(spec.dropout), tf.constant(0.0))
            if numbers is None:
                numbers = dropout.uniforms(layer.dropout_seed, step, tf.shape(h)[0], spec.units)
            h = dropout.dropout(h, rate, numbers)
        return h

    def _output(self, h, name=None):
        w, b = self.output_weights
        if self.exp.model.output_activation == "softmax":
            # The slide's "Wrong!!" example, kept so students can see what it does:
            # the loss applies a second softmax to these probabilities.
            return tf.nn.softmax(tf.add(tf.matmul(h, w), b), name=name)
        return tf.add(tf.matmul(h, w), b, name=name)

    @staticmethod
    def loss_and_accuracy(y, output):
        loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=output))
        correct = tf.equal(tf.argmax(output, 1), tf.argmax(y, 1))
        return loss, tf.reduce_mean(tf.cast(correct, tf.float32))


class _Regression:
    """The slide's regression graph; a higher degree adds x^2, x^3, … as features."""

    task = "regression"

    def __init__(self, exp: Experiment):
        self.degree = exp.degree

    def course_tensors(self, global_step) -> dict:
        x = v1.placeholder(tf.float32, shape=[None], name="X")
        y = v1.placeholder(tf.float32, shape=[None], name="label")
        training = v1.placeholder_with_default(False, shape=(), name="training")
        # The slide starts from w = 0.5, b = 0.
        self.weight = tf.Variable([0.5] + [0.0] * (self.degree - 1), dtype=tf.float32, name="weight")
        self.bias = tf.Variable([0.0], dtype=tf.float32, name="bias")
        self.variables = [self.weight, self.bias]
        y_pred = self.forward(x, training, global_step, name="y_pred")
        loss, _ = self.loss_and_accuracy(y, y_pred)
        return dict(x=x, y=y, training=training, output=y_pred, probabilities=None,
                    loss=tf.identity(loss, name="mse"), accuracy=None)

    def forward(self, x, training, step=None, numbers=None, name=None):
        if self.degree == 1:
            return tf.add(tf.multiply(self.weight, x), self.bias, name=name)
        powers = tf.stack([x ** k for k in range(1, self.degree + 1)], axis=1)
        return tf.add(tf.reduce_sum(powers * self.weight, axis=1), self.bias, name=name)

    @staticmethod
    def loss_and_accuracy(y, y_pred):
        return tf.reduce_mean(tf.square(y_pred - y)), None

    @staticmethod
    def dropout_layers() -> list:
        return []


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
    if o.name == "rmsprop":
        return v1.train.RMSPropOptimizer(lr, decay=o.decay, epsilon=o.epsilon)
    # validate() knows spec.OPTIMIZERS: a name it let through belongs in a branch above.
    raise ValueError(f"no optimizer is built for {o.name!r}")
