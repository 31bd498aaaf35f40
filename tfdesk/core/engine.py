"""The chunk loop: many mini-batches in one session.run.

The course's loop calls session.run once per mini-batch and feeds the batch
through feed_dict; on a small network almost all of that time is Python and
the session's per-call overhead. Here the training data lives in the graph (in
variables of a collection of their own, TRAINING_DATA: not global, so checkpoints do
not carry them, and not local, so the course's local_variables_initializer() after
import_meta_graph does not try to fill them from a feed), the shuffled indices of a
chunk of steps are fed once, and a while loop inside the graph runs the steps
and returns each step's loss. It computes exactly what the course's loop
computes: the same forward pass, optimizer and global step (a test checks).

The loop is built with TensorFlow 1's control flow (Enter/Exit frames run by
the session's executor). The functional While of control flow v2 calls its
body as a function each iteration, which cost about three times as much per
step on the course network. compiled_chunk.py runs the same steps compiled by
XLA, for long runs; this loop trains until that is ready, or when it fails.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import tensorflow as tf

from . import dropout

v1 = tf.compat.v1
TRAINING_DATA = "tfdesk_training_data"  # the graph collection of the chunk loop's data copies


@dataclass
class ChunkLoop:
    x_feed: tf.Tensor  # the training data, fed once per session (load())
    y_feed: tf.Tensor
    load_op: tf.Operation
    batch_indices: tf.Tensor  # (steps, batch) rows of the training data, one row per step
    losses: tf.Tensor  # (steps,)
    accuracies: tf.Tensor | None  # (steps,) for a classifier
    x_data: tf.Variable  # the training images the steps gather from
    y_data: tf.Variable
    augment_op: tf.Operation | None = None  # rewrites x_data for an epoch (augment.py)
    epoch_feed: tf.Tensor | None = None
    # On a server, where every call is a round trip: the loss and accuracy of the course
    # placeholders' x and y, and every global variable, read after the chunk's steps
    # (build_chunk_loop's epoch_end). An epoch's last chunk fetches them with its steps.
    after: list | None = None
    after_variables: list | None = None
    after_names: list | None = None

    def load(self, session, x: np.ndarray, y: np.ndarray) -> None:
        session.run(self.load_op, {self.x_feed: x, self.y_feed: y})

    def prepare_epoch(self, session, epoch: int) -> None:
        """This epoch's augmented training images, when the experiment asks for them."""
        if self.augment_op is not None:
            session.run(self.augment_op, {self.epoch_feed: epoch})

    def run(self, session, indices: np.ndarray):
        """Train len(indices) steps; returns (losses, accuracies or None)."""
        fetches = [self.losses] + ([self.accuracies] if self.accuracies is not None else [])
        values = session.run(fetches, {self.batch_indices: indices})
        return values[0], (values[1] if len(values) > 1 else None)

    def run_to_epoch_end(self, session, indices: np.ndarray, feed: dict):
        """Train len(indices) steps and then read `after` (fed `feed`) and the variables, in
        one call: (losses, accuracies or None, after's values, {variable name: value})."""
        fetches = [self.losses] + ([self.accuracies] if self.accuracies is not None else [])
        values = session.run(fetches + self.after + self.after_variables,
                             {self.batch_indices: indices, **feed})
        n, m = len(fetches), len(fetches) + len(self.after)
        return values[0], values[1] if n > 1 else None, values[n:m], dict(zip(self.after_names, values[m:]))


def build_chunk_loop(model, optimizer, global_step, data, augment_seed: int | None = None,
                     epoch_end=None) -> ChunkLoop:
    """Add the loop to the current graph; `model` gives forward() and loss_and_accuracy().

    augment_seed: augment the training images every epoch (augment.py), from this seed.
    epoch_end: the course placeholders (x, y) whose loss and accuracy an epoch's last chunk
    reads after its steps, with every global variable (ChunkLoop.after)."""
    was_v2 = v1.control_flow_v2_enabled()
    v1.disable_control_flow_v2()
    try:
        with tf.name_scope("chunk_loop"):
            loop = _build(model, optimizer, global_step, data, augment_seed)
            if epoch_end is not None:
                _add_epoch_end(loop, model, global_step, *epoch_end)
            return loop
    finally:
        if was_v2:
            v1.enable_control_flow_v2()


def _add_epoch_end(loop: ChunkLoop, model, global_step, x, y) -> None:
    # Built under a control dependency on the steps' losses: every variable read here
    # (made inside the block) waits for the chunk's last update.
    with tf.name_scope("after"), tf.control_dependencies([loop.losses]):
        output = model.forward(x, tf.constant(False), step=global_step)
        loss, accuracy = model.loss_and_accuracy(y, output)
        loop.after = [loss] + ([accuracy] if accuracy is not None else [])
        variables = v1.global_variables()
        loop.after_variables = [v.read_value() for v in variables]
        loop.after_names = [v.op.name for v in variables]


def _local_copy(array: np.ndarray, name: str):
    feed = v1.placeholder(tf.float32, shape=array.shape, name=f"{name}_feed")
    variable = v1.Variable(feed, trainable=False, use_resource=True, name=name,
                           collections=[TRAINING_DATA])
    return feed, variable


def _build(model, optimizer, global_step, data, augment_seed) -> ChunkLoop:
    y_feed, y_data = _local_copy(data.y_train, "y_data")
    augment_op = epoch_feed = None
    if augment_seed is None:
        x_feed, x_data = _local_copy(data.x_train, "x_data")
        load_x = x_data.initializer
    else:
        from .augment import augmented

        # The originals stay; each epoch writes its changed copy into x_data.
        x_feed, x_source = _local_copy(data.x_train, "x_source")
        x_data = v1.Variable(tf.zeros(data.x_train.shape), trainable=False, use_resource=True,
                             name="x_data", collections=[TRAINING_DATA])
        load_x = tf.group(x_source.initializer, x_data.initializer)
        epoch_feed = v1.placeholder(tf.int64, shape=(), name="epoch")
        augment_op = x_data.assign(
            augmented(x_source, data.image_shape, augment_seed, epoch_feed), read_value=False)
    indices = v1.placeholder(tf.int32, shape=(None, None), name="batch_indices")
    steps = tf.shape(indices)[0]
    classifier = model.task == "classification"
    # Read before the loop, whose steps update it (the numbers feed every step).
    numbers = dropout.for_steps(model.dropout_layers(), global_step.read_value(), indices)

    def body(i, losses, accuracies):
        loss, accuracy, update = training_step(model, optimizer, global_step, x_data, y_data,
                                                indices[i], [n[i] for n in numbers])
        with tf.control_dependencies([update]):
            losses = losses.write(i, loss)
            if classifier:
                accuracies = accuracies.write(i, accuracy)
            return i + 1, losses, accuracies

    arrays = (tf.TensorArray(tf.float32, size=steps), tf.TensorArray(tf.float32, size=steps))
    _, losses, accuracies = tf.while_loop(
        lambda i, *_: i < steps, body, (tf.constant(0),) + arrays,
        parallel_iterations=1)
    return ChunkLoop(
        x_feed=x_feed, y_feed=y_feed, load_op=tf.group(load_x, y_data.initializer),
        batch_indices=indices, losses=losses.stack(name="losses"),
        accuracies=accuracies.stack(name="accuracies") if classifier else None,
        x_data=x_data, y_data=y_data, augment_op=augment_op, epoch_feed=epoch_feed)


def training_step(model, optimizer, global_step, x_data, y_data, batch, numbers):
    """One step of the course's loop on the rows `batch`: (loss, accuracy, update op).
    The chunk loop and the compiled chunk (compiled_chunk.py) both run this; numbers:
    each dropout layer's for this step, drawn with the chunk's (dropout.for_steps)."""
    x, y = tf.gather(x_data, batch), tf.gather(y_data, batch)
    output = model.forward(x, tf.constant(True), numbers=numbers)
    loss, accuracy = model.loss_and_accuracy(y, output)
    grads = optimizer.compute_gradients(loss, var_list=model.variables)
    # Every read of this step comes before any update, and the next step
    # starts after the updates: the course's loop, one step at a time.
    with tf.control_dependencies([loss] + [g for g, _ in grads]):
        update = optimizer.apply_gradients(grads, global_step=global_step)
    return loss, accuracy, update
