"""The tf.compat.v1 script that builds and trains an experiment, in the course's style.

Two styles, as on the slides: "variables" (method 1: every weight and bias a
tf.Variable) and "layers" (method 2: small dense and conv2d helpers, standing in for
tf.layers.dense and tf.layers.conv2d, which are gone with Keras 3). The script runs as it is with
TensorFlow, numpy and scikit-learn, prints the loss of every epoch, and saves a
checkpoint that tfdesk opens (the tensors carry the course's names).
"""

from __future__ import annotations

from .. import __version__
from .errors import SpecError
from .i18n import QT_TRANSLATE_NOOP
from .layer_shapes import SCOPES, layer_scope, stack_shapes
from .spec import Experiment

STYLES = ("variables", "layers")

_ACTIVATION = {"relu": "tf.nn.relu", "sigmoid": "tf.nn.sigmoid", "tanh": "tf.nn.tanh",
               "elu": "tf.nn.elu", "softplus": "tf.nn.softplus", "linear": "None"}


def training_script(exp: Experiment, style: str = "variables", save_path: str = "save_model") -> str:
    if style not in STYLES:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "code style: choose one of {styles}, not {style!r}"),
            styles=", ".join(STYLES), style=style)
    exp = exp.copy().validate()
    if exp.data.source == "file":
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "The code view writes the digits and the curve lessons; a data "
                                      "file's loading code is not generated."))
    header = (f'"""{exp.name or "experiment"}: written by tfdesk {__version__} in the course\'s '
              f'tf.compat.v1 style ({"method 1" if style == "variables" else "method 2"})."""\n\n'
              "import numpy as np\nimport tensorflow as tf\n")
    data = _curve_data(exp) if exp.is_regression else _digits_data(exp)
    model = _curve_model(exp) if exp.is_regression else _classifier(exp, style)
    augmentation = _augmentation(exp) if exp.data.augment else ""
    return header + data + model + augmentation + _training(exp, save_path)


def _digits_data(exp: Experiment) -> str:
    return _sklearn_digits(exp) + "".join(
        _drawings(name, path, weight) for name, path, weight in _mixed_drawings(exp))


def _mixed_drawings(exp: Experiment) -> list[tuple[str, str, int]]:
    from ..resources import resources_dir

    mixed = []
    if exp.data.pen_digits:
        mixed.append(("tfdesk's simulated mouse drawings", str(resources_dir() / "pen_digits.npz"), 1))
    if exp.data.drawings:
        mixed.append(("your own drawings", exp.data.drawings, exp.data.drawings_weight))
    return mixed


def _drawings(what: str, path: str, weight: int) -> str:
    repeat = "" if weight == 1 else f", {weight}, axis=0"
    x = "drawn['digits8x8'] / 16.0" if weight == 1 else f"np.repeat(drawn['digits8x8'] / 16.0{repeat})"
    y = "np.eye(10, dtype=np.float32)[drawn['labels']]"
    if weight != 1:
        y = f"np.repeat({y}{repeat})"
    return f'''
# {what}, 8x8 like the digits (tfdesk itself keeps a fifth back to test on)
with np.load({path!r}) as drawn:
    x_train = np.concatenate([x_train, {x}]).astype(np.float32)
    y_train = np.concatenate([y_train, {y}])
'''


def _augmentation(exp: Experiment) -> str:
    """tfdesk's own augmentation (augment.py), copied into the script."""
    import inspect

    from . import augment

    constants = "\n".join(f"{name} = {getattr(augment, name)!r}" for name in (
        "MAX_TURN_DEGREES", "MAX_SHEAR", "MAX_SCALE", "MAX_SHIFT", "MAX_PEN_CHANGE", "_UPSCALE"))
    functions = "\n\n".join(inspect.getsource(f) for f in (
        augment.augmented, augment._affine, augment._pen_width))
    return f'''
# Augmentation: every epoch, each training image a little shifted, turned, scaled,
# sheared and re-inked (tfdesk/core/augment.py, copied here).
import math

{constants}


{functions}

with graph.as_default():
    images_in = v1.placeholder(tf.float32, shape=(None, 64))
    epoch_in = v1.placeholder(tf.int64, shape=())
    augment_op = augmented(images_in, (8, 8), {exp.training.seed}, epoch_in)

'''


def _sklearn_digits(exp: Experiment) -> str:
    t = exp.training
    held_out = t.test_fraction
    return f'''from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

v1 = tf.compat.v1

digits = load_digits()
x = (digits.data / 16.0).astype(np.float32)  # 64 pixels, 0-16 scaled to 0-1
y = np.eye(10, dtype=np.float32)[digits.target]  # one-hot labels
x_train, x_test, y_train, y_test = train_test_split(
    x, y, test_size={held_out!r}, random_state={t.seed}, stratify=digits.target)
'''


def _curve_data(exp: Experiment) -> str:
    truth = "3 * x_train + 10" if exp.data.source == "linear" else "6 * x_train ** 2 - 4 * x_train + 1"
    return f'''
v1 = tf.compat.v1

rng = np.random.default_rng({exp.training.seed})
x_train = np.linspace(-1, 1, 100).astype(np.float32)
y_train = ({truth} + rng.normal(0, 0.2, 100)).astype(np.float32)  # the slide's noisy points
'''


def _init(exp: Experiment, shape: str, fan_in) -> str:
    """The initial weights' expression; fan_in is a number or the name of one."""
    if exp.model.init == "truncated_normal":
        return f"v1.truncated_normal({shape}, stddev=0.1)"
    if exp.model.init == "he":  # stddev sqrt(2 / fan_in) after truncation
        return f"v1.truncated_normal({shape}, stddev=(2.0 / {fan_in}) ** 0.5 / 0.87962566)"
    return f"v1.glorot_uniform_initializer()({shape})"


def _classifier(exp: Experiment, style: str) -> str:
    lines = ["", "graph = tf.Graph()", "with graph.as_default():",
             f"    v1.set_random_seed({exp.training.seed})",
             "    with tf.name_scope('input'):",
             "        x_input = v1.placeholder(shape=(None, 64), name='x_input', dtype=tf.float32)",
             "        y_out = v1.placeholder(shape=(None, 10), name='y_label', dtype=tf.float32)",
             "        keep_dropout = v1.placeholder_with_default(False, shape=(), name='training')"]
    layers = exp.model.hidden_layers
    if style == "layers":
        lines[3:3] = _layer_helpers(exp, {layer.kind for layer in layers})
    shapes = stack_shapes(layers, 64, 10, (8, 8))
    h, shape, n_weights = "x_input", (64,), 0
    counts = dict.fromkeys(SCOPES, 0)
    for i, (layer, made) in enumerate(zip(layers, shapes)):
        lines.append(f"    with v1.variable_scope('{layer_scope(layer.kind, counts[layer.kind])}'):")
        counts[layer.kind] += 1
        n, a = i + 1, f"a{i + 1}"
        if layer.kind in ("conv", "maxpool") and len(shape) == 1:
            lines.append(f"        x_image = tf.reshape({h}, [-1, 8, 8, 1], name='x_image')"
                         "  # the 64 pixels as an 8x8 picture")
            h, shape = "x_image", (8, 8, 1)
        if layer.kind in ("dense", "conv"):
            n_weights += 1
        lines += _layer_lines(exp, style, layer, h, shape, a, n, n_weights)
        if layer.dropout > 0:
            lines.append(f"        {a} = tf.nn.dropout({a}, rate=tf.where(keep_dropout, "
                         f"{layer.dropout!r}, 0.0))")
        h, shape = a, made.shape
    n = n_weights + 1
    fan_in = shape[0]
    lines.append("    with v1.variable_scope('output_layer'):")
    if style == "variables":
        lines += [f"        w{n} = tf.Variable({_init(exp, f'[{fan_in}, 10]', fan_in)}, name='weight{n}', "
                  "dtype=tf.float32)",
                  f"        b{n} = tf.Variable(tf.constant(0.0, shape=[10]), name='bias{n}', dtype=tf.float32)",
                  f"        output = tf.add(tf.matmul({h}, w{n}), b{n}, name='output')"]
    else:
        lines.append(f"        output = dense({h}, 10, name='output')")
    lines += ["    # No softmax on the output: the loss applies it (the slide's Wrong!! / Right!!).",
              "    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=output, labels=y_out),",
              "                          name='loss')",
              "    correct = tf.equal(tf.argmax(output, 1), tf.argmax(y_out, 1))",
              "    compute_acc = tf.reduce_mean(tf.cast(correct, tf.float32), name='accuracy')",
              f"    train_step = {_optimizer(exp)}.minimize(loss)",
              "    saver = v1.train.Saver()", ""]
    return "\n".join(lines) + "\n"


def _layer_helpers(exp: Experiment, kinds: set[str]) -> list[str]:
    """Method 2's helpers, standing in for tf.layers' dense, conv2d and max_pooling2d."""
    lines = ["", "    def dense(inputs, units, activation=None, name=None):",
             "        # What tf.layers.dense did: a weight matrix and a bias, then x·W + b.",
             "        fan_in = int(inputs.shape[1])",
             f"        kernel = tf.Variable({_init(exp, '[fan_in, units]', 'fan_in')}, name='kernel')",
             "        bias = tf.Variable(tf.zeros([units]), name='bias')",
             "        z = tf.add(tf.matmul(inputs, kernel), bias, name=name)",
             "        return activation(z) if activation is not None else z", ""]
    if "conv" in kinds:
        lines += ["    def conv2d(inputs, filters, kernel_size, strides=1, padding='same', activation=None,",
                  "               name=None):",
                  "        # What tf.layers.conv2d did: filters slid over the picture, one bias each.",
                  "        fan_in = kernel_size * kernel_size * int(inputs.shape[3])",
                  "        shape = [kernel_size, kernel_size, int(inputs.shape[3]), filters]",
                  f"        kernel = tf.Variable({_init(exp, 'shape', 'fan_in')}, name='kernel')",
                  "        bias = tf.Variable(tf.zeros([filters]), name='bias')",
                  "        z = tf.add(tf.nn.conv2d(inputs, kernel, [1, strides, strides, 1], padding.upper()),",
                  "                   bias)",
                  "        return activation(z, name=name) if activation is not None else tf.identity(z, name=name)",
                  ""]
    return lines


def _layer_lines(exp: Experiment, style: str, layer, h: str, shape: tuple, a: str, n: int, k: int) -> list[str]:
    """One hidden layer's lines: its input is h of this shape, its output a; n counts the
    layers and k the weights, as the graph names them (h{n}_out, weight{k})."""
    stride, padding = layer.steps_by, layer.padding.upper()
    if layer.kind == "flatten":
        size = 1
        for value in shape:
            size *= value
        return [f"        {a} = tf.reshape({h}, [-1, {size}], name='h{n}_out')"]
    if layer.kind == "maxpool":
        return [f"        {a} = tf.nn.max_pool2d({h}, ksize=[1, {layer.kernel}, {layer.kernel}, 1], "
                f"strides=[1, {stride}, {stride}, 1], padding='{padding}', name='h{n}_out')"]
    activation = _ACTIVATION[layer.activation]
    if style == "layers":
        if layer.kind == "conv":
            return [f"        {a} = conv2d({h}, {layer.filters}, {layer.kernel}, strides={stride}, "
                    f"padding='{layer.padding}', activation={activation}, name='h{n}_out')"]
        return [f"        {a} = dense({h}, {layer.units}, activation={activation})"]
    if layer.kind == "conv":
        fan_in = layer.kernel * layer.kernel * shape[2]
        w_shape = f"[{layer.kernel}, {layer.kernel}, {shape[2]}, {layer.filters}]"
        size, z = layer.filters, f"tf.nn.conv2d({h}, w{k}, strides=[1, {stride}, {stride}, 1], padding='{padding}')"
    else:
        fan_in, w_shape, size = shape[0], f"[{shape[0]}, {layer.units}]", layer.units
        z = f"tf.matmul({h}, w{k})"
    return [f"        w{k} = tf.Variable({_init(exp, w_shape, fan_in)}, name='weight{k}', dtype=tf.float32)",
            f"        b{k} = tf.Variable(tf.constant(0.0, shape=[{size}]), name='bias{k}', dtype=tf.float32)",
            f"        z{n} = tf.add({z}, b{k})",
            f"        {a} = {activation}(z{n}, name='h{n}_out')" if activation != "None"
            else f"        {a} = tf.identity(z{n}, name='h{n}_out')"]


def _curve_model(exp: Experiment) -> str:
    degree = exp.degree
    features = ("x_feature = X" if degree == 1 else
                "x_feature = tf.stack([X ** k for k in range(1, " + str(degree + 1) + ")], axis=1)")
    product = "weight * x_feature" if degree == 1 else "tf.reduce_sum(x_feature * weight, axis=1)"
    return f'''
graph = tf.Graph()
with graph.as_default():
    X = v1.placeholder(tf.float32, shape=[None], name='X')
    label = v1.placeholder(tf.float32, shape=[None], name='label')
    weight = tf.Variable({[0.5] + [0.0] * (degree - 1)!r}, dtype=tf.float32, name='weight')
    bias = tf.Variable([0.0], dtype=tf.float32, name='bias')
    {features}
    y_pred = tf.add({product}, bias, name='y_pred')
    loss = tf.reduce_mean(tf.square(y_pred - label), name='mse')
    train_step = {_optimizer(exp)}.minimize(loss)
    saver = v1.train.Saver()

'''


def _optimizer(exp: Experiment) -> str:
    o = exp.optimizer
    lr = f"{o.learning_rate!r}"
    return {
        "gradient_descent": f"v1.train.GradientDescentOptimizer({lr})",
        "adagrad": f"v1.train.AdagradOptimizer({lr}, initial_accumulator_value={o.initial_accumulator!r})",
        "momentum": f"v1.train.MomentumOptimizer({lr}, momentum={o.momentum!r}, use_nesterov={o.nesterov})",
        "adam": f"v1.train.AdamOptimizer({lr}, beta1={o.beta1!r}, beta2={o.beta2!r}, epsilon={o.epsilon!r})",
        "rmsprop": f"v1.train.RMSPropOptimizer({lr}, decay={o.decay!r}, epsilon={o.epsilon!r})",
    }[o.name]


def _training(exp: Experiment, save_path: str) -> str:
    t = exp.training
    batch = {"full": "len(x_train)", "stochastic": "1"}.get(t.batch_mode, str(t.batch_size))
    regression = exp.is_regression
    feed = "{X: x_batch, label: y_batch}" if regression else \
        "{x_input: x_batch, y_out: y_batch, keep_dropout: True}"
    test = "" if regression else \
        "    print('test accuracy', sess.run(compute_acc, {x_input: x_test, y_out: y_test}))\n"
    shuffle = ("        order = rng.permutation(len(x_train))\n" if t.shuffle
               else "        order = np.arange(len(x_train))\n")
    if exp.data.augment:
        shuffle += ("        x_epoch = sess.run(augment_op, {images_in: x_train, epoch_in: epoch + 1})\n")
    source = "x_epoch" if exp.data.augment else "x_train"
    return f'''epochs = {t.epochs}
batch_size = {batch}
rng = np.random.default_rng({t.seed})

with v1.Session(graph=graph) as sess:
    sess.run(v1.global_variables_initializer())
    for epoch in range(epochs):
{shuffle}        total_batch = len(x_train) // batch_size
        losses = []
        for j in range(total_batch):
            batch = order[j * batch_size:(j + 1) * batch_size]
            x_batch, y_batch = {source}[batch], y_train[batch]
            this_loss, _ = sess.run([loss, train_step], feed_dict={feed})
            losses.append(this_loss)
        print(f'epoch {{epoch + 1}}: loss {{np.mean(losses):.4f}}')
{test}    saver.save(sess, {save_path + "/checkpoint_weight.ckpt"!r})
'''
