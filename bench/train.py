"""Training speed: tfdesk against the course's loop, Keras and tf.function, with and without XLA.

    python -m bench.train            # about a minute on a 2-core laptop
    python -m bench.train --quick    # fewer rounds, for a smoke test

Every peer trains the same network (same layers, Adam, batch size, data) from
its own fresh weights; peers run interleaved for several rounds and each is
summarised by its median time per step. Ratios are tfdesk's steps per second
over the peer's (above 1: tfdesk is faster). The last line sums them up.

"tfdesk" is a long run's steady state: its steps compiled by XLA (compiled_chunk.py),
compiled during the warm-up as every compiled peer is; "graph_loop" is tfdesk with
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
from tfdesk.core.spec import Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec  # noqa: E402
from tfdesk.core.trainer import Trainer  # noqa: E402

LEARNING_RATE = 0.002


def _dataset(x: np.ndarray, y: np.ndarray, batch: int) -> Dataset:
    n = len(x) // batch * batch  # whole batches only, so every peer runs the same steps
    empty_x, empty_y = x[:0], y[:0]  # no validation pass: the peers have none either
    return Dataset(x[:n], y[:n], empty_x, empty_y, empty_x, empty_y, task="classification",
                   class_names=[str(i) for i in range(y.shape[1])], input_format="features",
                   description="benchmark data")


def _experiment(units: list[int], batch: int) -> Experiment:
    return Experiment(
        model=ModelSpec(hidden_layers=[LayerSpec(u, "relu", 0.0) for u in units], init="glorot"),
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


def keras_fit(exp, data, epochs):
    model = keras.Sequential(
        [keras.Input((data.x_train.shape[1],))]
        + [keras.layers.Dense(layer.units, activation="relu") for layer in exp.model.hidden_layers]
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


def _dense_weights(exp, data, rng) -> list:
    """Glorot-uniform weights and zero biases of the experiment's layers, as tf.Variables."""
    sizes = [data.x_train.shape[1]] + [l.units for l in exp.model.hidden_layers] + [data.y_train.shape[1]]
    variables = []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        limit = math.sqrt(6 / (fan_in + fan_out))
        variables += [tf.Variable(rng.uniform(-limit, limit, (fan_in, fan_out)).astype(np.float32)),
                      tf.Variable(np.zeros(fan_out, np.float32))]
    return variables


def _batch_loss(variables, x_all, y_all, rows):
    h = tf.gather(x_all, rows)
    for j in range(0, len(variables) - 2, 2):
        h = tf.nn.relu(h @ variables[j] + variables[j + 1])
    logits = h @ variables[-2] + variables[-1]
    return tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=tf.gather(y_all, rows),
                                                                  logits=logits))


def _whole_epochs(make_step, exp, data, epochs, jit_compile: bool):
    """A peer that runs each epoch as one tf.function call of steps_per_epoch steps;
    make_step(variables, x_all, y_all) gives the function that trains one batch of rows."""
    rng = np.random.default_rng(0)
    variables = _dense_weights(exp, data, rng)
    x_all, y_all = tf.constant(data.x_train), tf.constant(data.y_train)
    step = make_step(variables, x_all, y_all)
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
    def make_step(variables, x_all, y_all):
        optimizer = keras.optimizers.Adam(LEARNING_RATE)

        def step(rows):
            with tf.GradientTape() as tape:
                loss = _batch_loss(variables, x_all, y_all, rows)
            optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
            return loss
        return step
    return _whole_epochs(make_step, exp, data, epochs, jit_compile=False)


def xla_epoch(exp, data, epochs):
    """A whole epoch in one tf.function(jit_compile=True), Adam written out as
    tf.compat.v1.train.AdamOptimizer computes it: the fastest plain TensorFlow 2 loop."""
    def make_step(variables, x_all, y_all):
        slots = [(tf.Variable(tf.zeros_like(v)), tf.Variable(tf.zeros_like(v))) for v in variables]
        beta1, beta2, epsilon = 0.9, 0.999, 1e-8
        powers = tf.Variable([1.0, 1.0])  # beta1^t, beta2^t

        def step(rows):
            with tf.GradientTape() as tape:
                loss = _batch_loss(variables, x_all, y_all, rows)
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


def measure(name: str, exp, data, epochs: int, rounds: int, peers: list[str]):
    """Ratios to tfdesk ({"vs_peer": ...}) and each peer's median seconds a step."""
    runners = {"tfdesk": tfdesk_engine(exp, data, epochs)}
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
    args = parser.parse_args(argv)
    rounds = 2 if args.quick else 7
    print(machine())

    digits = digits_dataset(0.0, 0.0, seed=0)
    course, per_step = measure("course_net (digits, 64 → 25 relu → 10, Adam)",
                     _experiment([25], 32), _dataset(digits.x_train, digits.y_train, 32),
                     epochs=20, rounds=rounds, peers=list(PEERS))

    rng = np.random.default_rng(0)
    x = rng.random((60_000, 784), dtype=np.float32)
    labels = (x @ rng.normal(size=(784, 10))).argmax(axis=1)  # a learnable synthetic task
    y = np.eye(10, dtype=np.float32)[labels]
    large, _ = measure("large_net (60,000 × 784 synthetic, 784 → 256 → 128 → 10, Adam)",
                    _experiment([256, 128], 128), _dataset(x, y, 128),
                    epochs=1, rounds=max(2, rounds - 2), peers=list(PEERS))

    augment = augmentation_cost(epochs=5, rounds=rounds)
    start = start_latency(rounds=max(2, rounds - 4))
    # The steps after which compiling has paid for itself (compiled_chunk.XLA_MIN_STEPS).
    start["pays_after_steps"] = start["compile_ms"] / 1e3 / (per_step["graph_loop"] - per_step["tfdesk"])

    def pairs(values, digits=2):
        return " ".join(f"{k}={v:.{digits}f}" for k, v in values.items())
    print()
    print(f"course_net: {pairs(course)} large_net: {pairs(large)} augment: {pairs(augment)} "
          f"start: {pairs(start, 0)}")


if __name__ == "__main__":
    main()
