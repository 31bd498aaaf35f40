"""Training speed: tfdesk against the course's loop, Keras and tf.function, with and without XLA.

    python -m bench.train            # about 8 minutes on a 2-core laptop
    python -m bench.train --quick    # fewer rounds, for a smoke test
    python -m bench.train --nets conv   # only some networks: course, large, conv

Every peer trains the same network (same layers, Adam, batch size, data) from
its own fresh weights; peers run interleaved for several rounds and each is
summarised by its median time per step. Ratios are tfdesk's steps per second
over the peer's (above 1: tfdesk is faster). The last line sums them up.

"tfdesk" is a long run's steady state: its steps compiled by XLA (compiled_chunk.py),
compiled during the warm-up as every compiled peer is (not a convolutional network
on the CPU, which tfdesk never compiles); "graph_loop" is tfdesk with
XLA off, as a run too short to pay for the compile trains. "start" times a fresh
course network: Start to the first loss, and to the first chunk XLA ran; and how
many steps a compile takes to pay for itself on the course network.
"""

from __future__ import annotations

import argparse
import math

import numpy as np

from .common import interleaved, machine, median, table

import tensorflow as tf  # noqa: E402  (after common sets the log level)
import keras  # noqa: E402

from tfdesk.core.data import Dataset, digits_dataset  # noqa: E402
from tfdesk.core.layer_shapes import stack_shapes  # noqa: E402
from tfdesk.core.spec import (  # noqa: E402
    Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec, conv_layers)
from tfdesk.core.trainer import Trainer  # noqa: E402

LEARNING_RATE = 0.002


def _dataset(x: np.ndarray, y: np.ndarray, batch: int, input_format: str = "features") -> Dataset:
    n = len(x) // batch * batch  # whole batches only, so every peer runs the same steps
    empty_x, empty_y = x[:0], y[:0]  # no validation pass: the peers have none either
    return Dataset(x[:n], y[:n], empty_x, empty_y, empty_x, empty_y, task="classification",
                   class_names=[str(i) for i in range(y.shape[1])], input_format=input_format,
                   description="benchmark data")


def _experiment(layers: list, batch: int) -> Experiment:
    """Dense layers of these units (relu), or the LayerSpecs given."""
    layers = [LayerSpec(u, "relu", 0.0) if isinstance(u, int) else u for u in layers]
    return Experiment(
        model=ModelSpec(hidden_layers=layers, init="glorot"),
        optimizer=OptimizerSpec(name="adam", learning_rate=LEARNING_RATE),
        training=TrainingSpec(epochs=1, batch_mode="mini", batch_size=batch,
                              validation_fraction=0.0, test_fraction=0.0),
    )


# ---- the peers: each returns a function that trains `epochs` epochs and gives s/step

def tfdesk_engine(exp, data, epochs, xla="on"):
    trainer = Trainer(exp, data, xla=xla)
    if xla == "on" and not trainer.compile_xla():
        raise SystemExit(f"XLA failed: {trainer.xla_error}")
    steps = epochs * trainer.steps_per_epoch()

    def run():
        return trainer.train(epochs).seconds / steps
    return run


def graph_loop(exp, data, epochs):
    """tfdesk's chunk loop: TensorFlow 1's while loop in the graph, without XLA."""
    return tfdesk_engine(exp, data, epochs, xla="off")


def course_loop(exp, data, epochs):
    """The slides' loop on the same graph: a session.run with feed_dict per mini-batch."""
    trainer = Trainer(exp, data)
    steps = epochs * trainer.steps_per_epoch()

    def run():
        import time

        started = time.perf_counter()
        for _ in range(epochs):
            trainer.train_epoch_course_loop()
        return (time.perf_counter() - started) / steps
    return run


def _keras_layer(layer: LayerSpec, first: bool, image):
    if layer.kind == "dense":
        return [keras.layers.Dense(layer.units, activation="relu")]
    if layer.kind == "flatten":
        return [keras.layers.Flatten()]
    reshape = [keras.layers.Reshape((*image, 1))] if first else []
    if layer.kind == "maxpool":
        return reshape + [keras.layers.MaxPooling2D(layer.kernel, layer.steps_by, layer.padding)]
    return reshape + [keras.layers.Conv2D(layer.filters, layer.kernel, layer.steps_by, layer.padding,
                                          activation="relu")]


def keras_fit(exp, data, epochs):
    layers = exp.model.hidden_layers
    model = keras.Sequential(
        [keras.Input((data.x_train.shape[1],))]
        + [k for i, layer in enumerate(layers) for k in _keras_layer(layer, i == 0, data.image_shape)]
        + [keras.layers.Dense(data.y_train.shape[1])])
    model.compile(optimizer=keras.optimizers.Adam(LEARNING_RATE),
                  loss=keras.losses.CategoricalCrossentropy(from_logits=True))
    batch = exp.training.batch_size
    steps = epochs * math.ceil(len(data.x_train) / batch)

    def run():
        import time

        started = time.perf_counter()
        model.fit(data.x_train, data.y_train, batch_size=batch, epochs=epochs, shuffle=True, verbose=0)
        return (time.perf_counter() - started) / steps
    return run


def _weights(exp, data, rng) -> list:
    """Glorot-uniform weights and zero biases of the experiment's layers, as tf.Variables."""
    shapes = stack_shapes(exp.model.hidden_layers, data.n_features, data.n_classes, data.image_shape)
    variables, shape = [], (data.n_features,)
    for layer, made in zip(exp.model.hidden_layers + [LayerSpec(data.n_classes)], shapes):
        if layer.kind == "conv":
            channels = shape[2] if len(shape) == 3 else 1
            size, fan_in, fan_out = [layer.kernel, layer.kernel, channels, layer.filters], \
                layer.kernel ** 2 * channels, layer.kernel ** 2 * layer.filters
        elif layer.kind == "dense":
            size, fan_in, fan_out = [shape[0], made.shape[0]], shape[0], made.shape[0]
        else:
            shape = made.shape
            continue
        limit = math.sqrt(6 / (fan_in + fan_out))
        variables += [tf.Variable(rng.uniform(-limit, limit, size).astype(np.float32)),
                      tf.Variable(np.zeros(size[-1], np.float32))]
        shape = made.shape
    return variables


def _batch_loss(exp, image, variables, x_all, y_all, rows):
    h, weights = tf.gather(x_all, rows), iter(variables)
    for layer in exp.model.hidden_layers:
        if layer.kind == "flatten":
            h = tf.reshape(h, [tf.shape(h)[0], -1])
            continue
        if layer.kind in ("conv", "maxpool") and h.shape.rank == 2:
            h = tf.reshape(h, [-1, *image, 1])
        strides = [1, layer.steps_by, layer.steps_by, 1]
        if layer.kind == "maxpool":
            h = tf.nn.max_pool2d(h, layer.kernel, strides, layer.padding.upper())
        elif layer.kind == "conv":
            h = tf.nn.relu(tf.nn.conv2d(h, next(weights), strides, layer.padding.upper()) + next(weights))
        else:
            h = tf.nn.relu(h @ next(weights) + next(weights))
    logits = h @ next(weights) + next(weights)
    return tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=tf.gather(y_all, rows),
                                                                  logits=logits))


def _whole_epochs(make_step, exp, data, epochs, jit_compile: bool):
    """A peer that runs each epoch as one tf.function call of steps_per_epoch steps;
    make_step(variables, loss) gives the function that trains one batch of rows, given
    loss(rows), the batch's loss."""
    rng = np.random.default_rng(0)
    variables = _weights(exp, data, rng)
    x_all, y_all = tf.constant(data.x_train), tf.constant(data.y_train)
    step = make_step(variables, lambda rows: _batch_loss(exp, data.image_shape, variables, x_all,
                                                         y_all, rows))
    batch = exp.training.batch_size
    steps_per_epoch = len(data.x_train) // batch

    @tf.function(jit_compile=jit_compile)
    def epoch(order):
        losses = tf.TensorArray(tf.float32, size=steps_per_epoch)
        for i in tf.range(steps_per_epoch):
            losses = losses.write(i, step(order[i]))
        return losses.stack()

    def run():
        import time

        started = time.perf_counter()
        for _ in range(epochs):
            order = rng.permutation(len(data.x_train))[:steps_per_epoch * batch]
            epoch(order.reshape(steps_per_epoch, batch).astype(np.int32)).numpy()
        return (time.perf_counter() - started) / (epochs * steps_per_epoch)
    return run


def tf_function_epoch(exp, data, epochs):
    """A whole epoch in one tf.function call: the fastest plain TensorFlow 2 loop."""
    def make_step(variables, batch_loss):
        optimizer = keras.optimizers.Adam(LEARNING_RATE)

        def step(rows):
            with tf.GradientTape() as tape:
                loss = batch_loss(rows)
            optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
            return loss
        return step
    return _whole_epochs(make_step, exp, data, epochs, jit_compile=False)


def xla_epoch(exp, data, epochs):
    """A whole epoch in one tf.function(jit_compile=True), Adam written out as
    tf.compat.v1.train.AdamOptimizer computes it: the fastest plain TensorFlow 2 loop."""
    def make_step(variables, batch_loss):
        slots = [(tf.Variable(tf.zeros_like(v)), tf.Variable(tf.zeros_like(v))) for v in variables]
        beta1, beta2, epsilon = 0.9, 0.999, 1e-8
        powers = tf.Variable([1.0, 1.0])  # beta1^t, beta2^t

        def step(rows):
            with tf.GradientTape() as tape:
                loss = batch_loss(rows)
            powers.assign(powers * [beta1, beta2])
            rate = LEARNING_RATE * tf.sqrt(1 - powers[1]) / (1 - powers[0])
            for v, (m, s), g in zip(variables, slots, tape.gradient(loss, variables)):
                m.assign(beta1 * m + (1 - beta1) * g)
                s.assign(beta2 * s + (1 - beta2) * g * g)
                v.assign_sub(rate * m / (tf.sqrt(s) + epsilon))
            return loss
        return step
    return _whole_epochs(make_step, exp, data, epochs, jit_compile=True)


PEERS = {"graph_loop": graph_loop, "course_loop": course_loop, "keras_fit": keras_fit,
         "tf_function_epoch": tf_function_epoch, "xla_epoch": xla_epoch}


def measure(name: str, exp, data, epochs: int, rounds: int, peers: list[str], xla="on"):
    """Ratios to tfdesk ({"vs_peer": ...}) and each peer's median seconds a step; xla:
    how tfdesk trains ("on": compiled, as a long run; "auto": as the window chooses)."""
    runners = {"tfdesk": tfdesk_engine(exp, data, epochs, xla)}
    runners.update({p: PEERS[p](exp, data, epochs) for p in peers})
    for run in runners.values():
        run()  # warm up: graph building, tracing, first allocations
    samples = interleaved(runners, rounds)
    medians = {peer: median(s) for peer, s in samples.items()}
    rows = [("peer", "median µs/step", "tfdesk ×")]
    for peer, seconds in medians.items():
        rows.append((peer, f"{seconds * 1e6:,.0f}", f"{seconds / medians['tfdesk']:.2f}"))
    steps = epochs * (len(data.x_train) // exp.training.batch_size)
    print(table(f"\n{name}: {rounds} rounds of {steps} steps each (batch {exp.training.batch_size})", rows))
    return {f"vs_{peer}": medians[peer] / medians["tfdesk"] for peer in peers}, medians


def augmentation_cost(epochs: int, rounds: int) -> dict[str, float]:
    """The window's default experiment (digits + pen digits, 128 → 64) with and without
    augmentation: what the per-epoch rewrite of the training images costs."""
    from tfdesk.core.spec import default_experiment

    runners = {}
    for augment in (False, True):
        exp = default_experiment()
        exp.data.augment = augment
        runners["augmented" if augment else "plain"] = tfdesk_engine(exp, None, epochs)
    for run in runners.values():
        run()
    medians = {name: median(s) for name, s in interleaved(runners, rounds).items()}
    rows = [("", "median µs/step", "× plain")]
    for name, seconds in medians.items():
        rows.append((name, f"{seconds * 1e6:,.0f}", f"{seconds / medians['plain']:.2f}"))
    print(table(f"\naugment (the default experiment, {epochs} epochs a round, {rounds} rounds)", rows))
    return {"cost": medians["augmented"] / medians["plain"]}


def start_latency(rounds: int) -> dict[str, float]:
    """A fresh course network trained with XLA on: its build (graph, session, data), then
    from train() the first loss, which comes from the chunk loop while XLA compiles
    beside it, and the first chunk on the compiled chunk; and a compile on its own."""
    import time

    from tfdesk.core.events import StepLosses
    from tfdesk.core.spec import course_experiment

    samples = {"build_ms": [], "first_loss_ms": [], "first_xla_chunk_ms": [], "compile_ms": []}
    for _ in range(rounds):
        started = time.perf_counter()
        trainer = Trainer(course_experiment(), xla="on")
        seen = {"build_ms": (time.perf_counter() - started) * 1e3}
        started = time.perf_counter()

        def record(event):
            if isinstance(event, StepLosses):
                now = (time.perf_counter() - started) * 1e3
                seen.setdefault("first_loss_ms", now)
                if trainer.engine_path == "xla":
                    seen.setdefault("first_xla_chunk_ms", now)
                    trainer.stop()
        trainer.train(10_000, callback=record)
        trainer.close()
        fresh = Trainer(course_experiment(), xla="on")
        compiling = time.perf_counter()
        fresh.compile_xla()
        seen["compile_ms"] = (time.perf_counter() - compiling) * 1e3
        fresh.close()
        for key, value in seen.items():
            samples[key].append(value)
    medians = {key: median(values) for key, values in samples.items()}
    rows = [("", "median ms", "")] + [(key, f"{value:,.0f}", "") for key, value in medians.items()]
    print(table(f"\nstart (the course network, XLA on, {rounds} fresh trainers)", rows))
    return medians


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="two rounds each, to check it runs")
    parser.add_argument("--nets", default="course,large,conv",
                        help="which networks, of course, large and conv (default: all)")
    args = parser.parse_args(argv)
    rounds = 2 if args.quick else 7
    nets = args.nets.split(",")
    print(machine())
    summary = {}

    if "course" in nets:
        digits = digits_dataset(0.0, 0.0, seed=0)
        course, per_step = measure("course_net (digits, 64 → 25 relu → 10, Adam)",
                                   _experiment([25], 32), _dataset(digits.x_train, digits.y_train, 32),
                                   epochs=20, rounds=rounds, peers=list(PEERS))
        summary["course_net"] = course

    rng = np.random.default_rng(0)
    x = rng.random((60_000, 784), dtype=np.float32)
    labels = (x @ rng.normal(size=(784, 10))).argmax(axis=1)  # a learnable synthetic task
    y = np.eye(10, dtype=np.float32)[labels]
    if "large" in nets:
        summary["large_net"], _ = measure(
            "large_net (60,000 × 784 synthetic, 784 → 256 → 128 → 10, Adam)",
            _experiment([256, 128], 128), _dataset(x, y, 128),
            epochs=1, rounds=max(2, rounds - 2), peers=list(PEERS))
    if "conv" in nets:
        # The window's convolutional preset for 28×28 pictures. tfdesk trains it as a long
        # run would: never compiled by XLA on the CPU (compiled_chunk.xla_mode), so its
        # graph loop is tfdesk. The course's loop is left out: it is the graph loop plus a
        # feed_dict a step, as on the large network.
        summary["conv_net"], _ = measure(
            "conv_net (6,400 × 28×28 synthetic, conv 5×5 16 → pool → conv 5×5 32 → pool → 128 → 10, "
            "Adam)", _experiment(conv_layers((28, 28))[:-1] + [128], 64),
            _dataset(x[:6400], y[:6400], 64, "mnist28"),
            epochs=1, rounds=max(2, rounds - 2),
            peers=["keras_fit", "tf_function_epoch", "xla_epoch"], xla="auto")

    if "course" in nets:
        summary["augment"] = augmentation_cost(epochs=5, rounds=rounds)
        start = start_latency(rounds=max(2, rounds - 4))
        # The steps after which compiling has paid for itself (compiled_chunk.XLA_MIN_STEPS).
        start["pays_after_steps"] = start["compile_ms"] / 1e3 / (per_step["graph_loop"] - per_step["tfdesk"])
        summary["start"] = start

    def pairs(values, digits=2):
        return " ".join(f"{k}={v:.{digits}f}" for k, v in values.items())
    print()
    print(" ".join(f"{name}: {pairs(values, 0 if name == 'start' else 2)}" for name, values in summary.items()))


if __name__ == "__main__":
    main()
