"""Dropout's random numbers: the same at a step however the steps are run.

Each dropout layer draws from one stream of uniform numbers (TensorFlow's stateless
Philox kernel, keyed on the layer's seed and n, the numbers a step takes: batch ×
units). Step t takes positions [t·n, (t+1)·n) of it, so the numbers of many steps
are one draw: the course's loop draws one step's at a time, the chunk loops a
chunk's at once, before its first step. The compiled chunk (compiled_chunk.py)
must: inside XLA the same Philox numbers cost about 90 ns each (XLA's own kernel,
or written out), 50 times the kernel's, and on the course network that made it as
slow as the chunk loop. A run resumed at step t drops what the uninterrupted one
would have.
"""

from __future__ import annotations

import tensorflow as tf

PHILOX = 1  # the `alg` of the stateless random ops


def uniforms(seed: int, step, batch, units: int) -> tf.Tensor:
    """(batch, units) numbers in [0, 1) for global step `step`."""
    return tf.reshape(_draw(seed, step, batch, units, 1), [-1, units])


def for_steps(layers, first_step, indices) -> list[tf.Tensor]:
    """The numbers of a chunk's steps for each (seed, units) in layers: (steps, batch,
    units) each, for indices (steps, batch) trained from global step first_step."""
    steps, batch = tf.shape(indices)[0], tf.shape(indices)[1]
    return [tf.reshape(_draw(seed, first_step, batch, units, steps), tf.stack([steps, batch, units]))
            for seed, units in layers]


def dropout(h, rate, numbers) -> tf.Tensor:
    """tf.nn.dropout's arithmetic on the given uniform numbers (h's shape)."""
    return tf.where(numbers >= rate, h / (1.0 - rate), tf.zeros_like(h))


def _draw(seed: int, step, batch, units: int, steps) -> tf.Tensor:
    """The numbers of steps step, step + 1, … one after another, flat."""
    n = tf.cast(batch, tf.int64) * units
    key, counter = tf.raw_ops.StatelessRandomGetKeyCounter(
        seed=tf.stack([tf.constant(seed, tf.int64), n]))
    # Philox makes four numbers per counter value. The key's counter starts at
    # [0, c] (the kernel sets its first word to 0), so this sum never carries.
    position = tf.cast(step, tf.int64) * n
    start = tf.stack([counter[0] + tf.cast(position // 4, tf.uint64), counter[1]])
    total = tf.cast(steps, tf.int64) * n
    drawn = tf.raw_ops.StatelessRandomUniformV2(
        shape=tf.reshape(total + 3, [1]), key=key, counter=start, alg=PHILOX)
    offset = position % 4
    return drawn[offset:offset + total]
