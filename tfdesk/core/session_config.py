"""The tf.compat.v1.Session's settings: placement, GPU memory and thread pools.

A session has two inter-op thread pools: the first runs everything, the second only
XLA's compile of the steps (compiled_chunk.COMPILE_POOL), which holds its thread
for a second or two while the first goes on training.
"""

from __future__ import annotations

import tensorflow as tf

v1 = tf.compat.v1

# Below this many multiply-adds a step, TensorFlow's intra-op thread pool costs more
# than it saves (the course network: 2.3x faster on one thread, 2-core laptop).
SMALL_STEP_FLOPS = 4_000_000


def session_config(step_flops: int) -> v1.ConfigProto:
    """The settings of a session training steps of `step_flops` multiply-adds."""
    config = v1.ConfigProto(allow_soft_placement=True)
    # Growth on, so that a class can share one server GPU.
    config.gpu_options.allow_growth = True
    # Pools of this session's own: otherwise the first session (or eager call) in a
    # process fixes them for every later one, and a big network trained after the
    # course's ran on one core.
    config.use_per_session_threads = True
    small = step_flops < SMALL_STEP_FLOPS
    if small:
        config.intra_op_parallelism_threads = 1
    # A small network's first pool has one thread too: with the default (one per core)
    # the idle one spun, and training kept 1.7 of 2 cores busy instead of 1.0, at the
    # same speed, taking the window's core.
    config.session_inter_op_thread_pool.add().num_threads = 1 if small else 0
    config.session_inter_op_thread_pool.add().num_threads = 1
    return config
