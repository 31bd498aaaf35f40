"""Training speed: tfdesk's chunk loop against the course's loop, Keras and tf.function.

    python -m bench.train            # about a minute on a 2-core laptop
    python -m bench.train --quick    # fewer rounds, for a smoke test

Every peer trains the same network (same layers, Adam, batch size, data) from
its own fresh weights; peers run interleaved for several rounds and each is
summarised by its median time per step. Ratios are tfdesk's steps per second
over the peer's (above 1: tfdesk is faster). The last line sums them up.
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

def tfdesk_engine(exp, data, epochs):
    trainer = Trainer(exp, data)
    steps = epochs * trainer.steps_per_epoch()

    def run():
        return trainer.train(epochs).seconds / steps
    return run


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


def tf_function_epoch(exp, data, epochs):
    """A whole epoch in one tf.function call: the fastest plain TensorFlow 2 loop."""
    rng = np.random.default_rng(0)
    sizes = [data.x_train.shape[1]] + [l.units for l in exp.model.hidden_layers] + [data.y_train.shape[1]]
    variables = []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        limit = math.sqrt(6 / (fan_in + fan_out))
        variables += [tf.Variable(rng.uniform(-limit, limit, (fan_in, fan_out)).astype(np.float32)),
                      tf.Variable(np.zeros(fan_out, np.float32))]
    optimizer = keras.optimizers.Adam(LEARNING_RATE)
    x_all, y_all = tf.constant(data.x_train), tf.constant(data.y_train)
    batch = exp.training.batch_size
    steps_per_epoch = len(data.x_train) // batch

    @tf.function
    def epoch(order):
        losses = tf.TensorArray(tf.float32, size=steps_per_epoch)
        for i in tf.range(steps_per_epoch):
            rows = order[i]
            with tf.GradientTape() as tape:
                h = tf.gather(x_all, rows)
                for j in range(0, len(variables) - 2, 2):
                    h = tf.nn.relu(h @ variables[j] + variables[j + 1])
                logits = h @ variables[-2] + variables[-1]
                loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(
                    labels=tf.gather(y_all, rows), logits=logits))
            optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
            losses = losses.write(i, loss)
        return losses.stack()

    def run():
        import time

        started = time.perf_counter()
        for _ in range(epochs):
            order = rng.permutation(len(data.x_train))[:steps_per_epoch * batch]
            epoch(order.reshape(steps_per_epoch, batch).astype(np.int32)).numpy()
        return (time.perf_counter() - started) / (epochs * steps_per_epoch)
    return run


PEERS = {"course_loop": course_loop, "keras_fit": keras_fit, "tf_function_epoch": tf_function_epoch}


def measure(name: str, exp, data, epochs: int, rounds: int, peers: list[str]) -> dict[str, float]:
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
    return {f"vs_{peer}": medians[peer] / medians["tfdesk"] for peer in peers}


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


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="two rounds each, to check it runs")
    args = parser.parse_args(argv)
    rounds = 2 if args.quick else 7
    print(machine())

    digits = digits_dataset(0.0, 0.0, seed=0)
    course = measure("course_net (digits, 64 → 25 relu → 10, Adam)",
                     _experiment([25], 32), _dataset(digits.x_train, digits.y_train, 32),
                     epochs=20, rounds=rounds, peers=list(PEERS))

    rng = np.random.default_rng(0)
    x = rng.random((60_000, 784), dtype=np.float32)
    labels = (x @ rng.normal(size=(784, 10))).argmax(axis=1)  # a learnable synthetic task
    y = np.eye(10, dtype=np.float32)[labels]
    large = measure("large_net (60,000 × 784 synthetic, 784 → 256 → 128 → 10, Adam)",
                    _experiment([256, 128], 128), _dataset(x, y, 128),
                    epochs=1, rounds=max(2, rounds - 2), peers=list(PEERS))

    augment = augmentation_cost(epochs=5, rounds=rounds)

    def pairs(values):
        return " ".join(f"{k}={v:.2f}" for k, v in values.items())
    print()
    print(f"course_net: {pairs(course)} large_net: {pairs(large)} augment: {pairs(augment)}")


if __name__ == "__main__":
    main()
