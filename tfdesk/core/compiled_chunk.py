"""The compiled chunk: the chunk loop's steps compiled whole by XLA, and the runner
that chooses between the two.

The chunk loop (engine.py) runs its steps in TensorFlow's executor, which
schedules the forty-odd ops of a step one by one: on the course network that is
most of its 100 µs a step. Here the same steps (engine.training_step: the same
forward pass, dropout, loss, optimizer update and global step) are the body of a
loop inside a tf.function(jit_compile=True) called from the graph; session.run
executes the call and XLA runs the whole loop as one program (bench/train.py: 41 µs
a step on the course network against 125).

XLA compiles a program per input shape, in one to two seconds. A call therefore
always takes the indices of a fixed number of steps, `steps` (the epoch's steps,
fewer when dropout's numbers for them would be many), padded past the chunk's
own, and `count`, how many of them to train: the loop stops there. A short chunk
and the warm-up call with count 0 (which trains nothing) reuse the one program.
Dropout's random numbers for the call's steps are drawn before it, outside XLA
(dropout.py). It reads the chunk loop's copies of the training data and adds no
variable, so checkpoints are the same whichever path trained.

ChunkRunner compiles in a background thread, on an inter-op thread pool of its
own (the session's second), while the chunk loop trains: the first losses never
wait for XLA. When the program is ready the next chunk runs on it. When XLA
cannot compile it (no XLA in this TensorFlow, an op it lacks), the error is
kept in `error` and the chunk loop goes on.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Callable

import numpy as np
import tensorflow as tf

from . import dropout
from .engine import ChunkLoop, training_step

v1 = tf.compat.v1

XLA, GRAPH_LOOP = "xla", "graph loop"
MODES = ("auto", "on", "off")  # TFDESK_XLA, or the Trainer's xla argument
# Compiling takes about a second on a 2-core laptop (two on a busy one) and then saves
# 80-200 µs a step on the course's and the window's networks (nothing on bench/train.py's
# larger one, all matrix products): it pays after bench/train.py's pays_after_steps,
# 9,000-12,000 on the course network. A run compiles when it will train this many steps
# on the chunk loop, counting those its session already trained there; a shorter one
# would end before the compile paid for itself.
XLA_MIN_STEPS = 20_000
COMPILE_POOL = 1  # the session's inter-op thread pool that compiles (session_config.py)
# Dropout's numbers a call draws at most (4 MB, a millisecond or two): they are drawn
# for all of a call's steps, also those past count.
NUMBERS_PER_CALL = 1_000_000
MAX_STEPS_PER_CALL = 100_000  # the trainer's largest chunk


@dataclass
class CompiledChunk:
    batch_indices: tf.Tensor  # (steps, batch) rows of the training data; rows past count unused
    count: tf.Tensor  # how many of the rows to train
    losses: tf.Tensor  # (steps,); past count, zeros
    accuracies: tf.Tensor | None

    def warm_up(self, session, steps: int, batch: int, options=None) -> None:
        """Compile the program for calls of steps × batch, training nothing.
        Raises tf.errors.OpError when XLA cannot compile it."""
        session.run(self.losses, {self.batch_indices: np.zeros((steps, batch), np.int32),
                                  self.count: 0}, options=options)

    def run(self, session, indices: np.ndarray, steps: int):
        """Train len(indices) <= steps steps; returns (losses, accuracies or None)."""
        count = len(indices)
        padded = np.zeros((steps, indices.shape[1]), np.int32)
        padded[:count] = indices
        fetches = [self.losses] + ([self.accuracies] if self.accuracies is not None else [])
        values = session.run(fetches, {self.batch_indices: padded, self.count: count})
        return values[0][:count], (values[1][:count] if len(values) > 1 else None)


def build_compiled_chunk(model, optimizer, global_step, engine: ChunkLoop) -> CompiledChunk:
    """Add the compiled chunk to the current graph, beside the chunk loop `engine`."""
    classifier = model.task == "classification"

    @tf.function(jit_compile=True, autograph=False)
    def chunk(indices, count, numbers):
        steps = tf.shape(indices)[0]

        def body(i, losses, accuracies):
            loss, accuracy, update = training_step(model, optimizer, global_step, engine.x_data,
                                                    engine.y_data, indices[i], [n[i] for n in numbers])
            with tf.control_dependencies([update]):
                losses = losses.write(i, loss)
                if classifier:
                    accuracies = accuracies.write(i, accuracy)
                return i + 1, losses, accuracies

        arrays = (tf.TensorArray(tf.float32, size=steps, element_shape=()),
                  tf.TensorArray(tf.float32, size=steps, element_shape=()))
        _, losses, accuracies = tf.while_loop(
            lambda i, *_: i < count, body, (tf.constant(0),) + arrays, maximum_iterations=steps)
        return losses.stack(), accuracies.stack()

    with tf.name_scope("compiled_chunk"):
        indices = v1.placeholder(tf.int32, shape=(None, None), name="batch_indices")
        count = v1.placeholder(tf.int32, shape=(), name="count")
        # Outside XLA (dropout.py), from the step read before the call updates it.
        numbers = dropout.for_steps(model.dropout_layers(), global_step.read_value(), indices)
        losses, accuracies = chunk(indices, count, numbers)
    return CompiledChunk(batch_indices=indices, count=count, losses=losses,
                         accuracies=accuracies if classifier else None)


def xla_mode(xla: str | None, windows_on_cpu: bool = False) -> str:
    """The Trainer's xla argument, else TFDESK_XLA, else "auto". windows_on_cpu: the
    network has convolution or pooling and trains on the CPU, where XLA's convolutions
    took 44 times as long a step as TensorFlow's own (bench/train.py, conv_net): "auto"
    never compiles it, "on" still does."""
    mode = xla if xla is not None else os.environ.get("TFDESK_XLA", "auto")
    if mode not in MODES:
        raise ValueError(f"xla: {mode!r} is not one of {', '.join(MODES)}")
    return "off" if mode == "auto" and windows_on_cpu else mode


class ChunkRunner:
    """Trains each chunk on the chunk loop, or on the compiled chunk once XLA has
    compiled it for this session in the background.

    mode "auto": compile when a run will train XLA_MIN_STEPS on the chunk loop
    (counting those this session already trained); "on": at the first chunk;
    "off": never."""

    def __init__(self, loop: ChunkLoop, build: Callable[[], CompiledChunk], mode: str,
                 dropout_units: int):
        """dropout_units: the units of the layers with dropout, together."""
        self.loop, self._build, self.mode = loop, build, mode
        self.dropout_units = dropout_units
        self.compiled: CompiledChunk | None = None  # built into the graph when first needed
        self.path = GRAPH_LOOP  # the path of the last chunk
        self.error: str | None = None  # why XLA is not used after it was tried
        self.session = None
        self._ready: set[tuple[int, int]] = set()  # (steps, batch) compiled in this session
        self._thread: threading.Thread | None = None
        self._loop_steps = 0

    def use_session(self, session) -> None:
        """A new session: its XLA programs are its own (the device and its cache are per session)."""
        self.wait()
        self.session = session
        self._ready = set()
        self._loop_steps = 0

    def steps_per_call(self, steps: int, batch: int) -> int:
        """The compiled chunk's fixed steps a call, for epochs of `steps` steps of `batch`."""
        numbers = batch * self.dropout_units
        most = NUMBERS_PER_CALL // numbers if numbers else MAX_STEPS_PER_CALL
        return max(1, min(steps, most, MAX_STEPS_PER_CALL))

    def run(self, indices: np.ndarray, steps: int):
        """Train the rows of `indices` (one row a step; steps: the fixed steps of a call)."""
        if (steps, indices.shape[1]) in self._ready and self.error is None:
            try:
                result = self.compiled.run(self.session, indices, steps)
                self.path = XLA
                return result
            except tf.errors.OpError as e:  # nothing was written: run the chunk on the loop
                self.error = _first_line(e)
        self.path = GRAPH_LOOP
        self._loop_steps += len(indices)
        return self.loop.run(self.session, indices)

    def consider(self, steps: int, batch: int, loop_steps_ahead: int) -> None:
        """Start compiling for calls of steps × batch if it will pay (see the class)."""
        if self.mode == "auto" and self._loop_steps + loop_steps_ahead < XLA_MIN_STEPS:
            return
        self._start(steps, batch)

    def compile_now(self, steps: int, batch: int) -> bool:
        """Compile for calls of steps × batch and wait; True when chunks of them will run compiled."""
        self.wait()
        self._start(steps, batch)
        self.wait()
        return (steps, batch) in self._ready and self.error is None

    def _start(self, steps: int, batch: int) -> None:
        if (self.mode == "off" or self.error is not None or (steps, batch) in self._ready
                or (self._thread is not None and self._thread.is_alive())):
            return
        if self.compiled is None:
            try:
                self.compiled = self._build()
            except Exception as e:  # any failure to trace it leaves the chunk loop training
                self.error = f"{type(e).__name__}: {e}".splitlines()[0]
                return
        self._thread = threading.Thread(target=self._warm_up, args=(self.session, steps, batch),
                                        name="tfdesk-xla-compile")
        self._thread.start()

    def _warm_up(self, session, steps: int, batch: int) -> None:
        try:
            self.compiled.warm_up(session, steps, batch,
                                  options=v1.RunOptions(inter_op_thread_pool=COMPILE_POOL))
        except tf.errors.OpError as e:
            self.error = _first_line(e)
        else:
            self._ready.add((steps, batch))

    def wait(self) -> None:
        """Until a compile in progress ends (before its session closes)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None


def _first_line(error: tf.errors.OpError) -> str:
    """The line that says what went wrong: a session's errors begin "Graph execution error:"."""
    lines = [line.strip() for line in error.message.splitlines()]
    said = [line for line in lines if line and line != "Graph execution error:"]
    return f"{type(error).__name__}: {said[0] if said else ''}"[:300]
