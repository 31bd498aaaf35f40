"""The trainer: owns one experiment's graph and tf.compat.v1.Session.

Everything here runs on the thread that created the Trainer (TensorFlow's
device scope is per thread). Other threads only touch the pause/stop flags and
the pace, and may call predict() while holding the owner's lock (the drawing
thread: docs/ARCHITECTURE.md, "Threads"). The `between_chunks` hook lets the
owner answer requests while training is running or paused. With a server address
the graph trains on a TensorFlow server (remote.py).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Callable

import numpy as np
import tensorflow as tf

from . import remote
from .compiled_chunk import ChunkRunner, xla_mode
from .data import Dataset, load_dataset
from .devices import placement_note
from .engine import TRAINING_DATA
from .errors import TrainingError
from .events import EpochMetrics, Evaluation, StepLosses, TrainResult
from .i18n import QT_TRANSLATE_NOOP, Words
from .graph import GraphHandles, build_graph
from .layer_shapes import stack_shapes
from .session_config import session_config
from .spec import Experiment

v1 = tf.compat.v1

CHUNK_SECONDS = 0.03  # how long a chunk of steps runs: stop, pause and requests wait at most this
FIRST_CHUNK_STEPS = 4  # before the time of a step is known
PACED_CHUNK_SECONDS = 0.05  # at a watching pace, a chunk's steps are this much of the run
# Evaluating on a split that holds nothing; a sentence each, so each translates whole.
_EMPTY_SPLIT = {
    "train": QT_TRANSLATE_NOOP("core", "The train split is empty; raise its fraction to evaluate on it."),
    "val": QT_TRANSLATE_NOOP("core", "The val split is empty; raise its fraction to evaluate on it."),
    "test": QT_TRANSLATE_NOOP("core", "The test split is empty; raise its fraction to evaluate on it."),
    None: QT_TRANSLATE_NOOP("core", "The {split} split is empty; raise its fraction to evaluate on it."),
}


@dataclass
class Snapshot:
    """The values of a network's variables at one moment, with its epoch and step."""

    values: dict[str, np.ndarray]
    epoch: int
    step: int
    epoch_step: int = 0


class Trainer:
    def __init__(self, exp: Experiment, data: Dataset | None = None, xla: str | None = None,
                 server: str | None = None):
        """xla: "auto" (the default, or the TFDESK_XLA environment variable), "on" or
        "off": when the steps run compiled by XLA (compiled_chunk.ChunkRunner).
        server: a tfdesk-server's address (grpc://host:port) to train on, never compiled."""
        self.experiment = exp.copy()
        self.data = data if data is not None else load_dataset(self.experiment)
        self.experiment.validate(n_train=len(self.data.x_train))
        if self.data.task == "classification":
            self.experiment.check_size(self.data.n_features, self.data.n_classes, self.data.image_shape)
        self.remote = remote.connect(server) if server else None
        self.kept: Snapshot | None = None  # remote: the last finished epoch's network, fetched here
        self._twin: Trainer | None = None
        self.handles: GraphHandles = build_graph(self.experiment, self.data, self.remote)
        self._kept_current = False  # kept is the network as it is now (remote)
        self.session = None
        windows = any(layer.kind in ("conv", "maxpool") for layer in self.experiment.model.hidden_layers)
        mode = "off" if self.remote else xla_mode(xla, windows_on_cpu=windows and self.experiment.device == "cpu")
        self._runner = ChunkRunner(self.handles.engine, self.handles.build_compiled, mode,
                                   self.handles.dropout_units)
        if self.remote:
            with self.graph.as_default():
                kept = v1.global_variables() + v1.get_collection(TRAINING_DATA)
            self._release = remote.release_op(self.graph, kept)
        self._known_step: int | None = None
        self._steps_left = 0  # of the run under way: whether compiling it will pay (compiled_chunk.py)
        self._running = threading.Event()  # cleared while paused
        self._running.set()
        self._stop = threading.Event()
        self.pace: float | None = None  # steps a second to hold to so people can watch; None: full speed
        self._assigners: dict = {}
        try:
            self.reset_weights()
        except BaseException:
            if self.session is not None:
                self.close()
            raise

    # ---- state ------------------------------------------------------------

    @property
    def graph(self) -> tf.Graph:
        return self.handles.graph

    @property
    def engine_path(self) -> str:
        """"xla" or "graph loop": the path of the last chunk trained (compiled_chunk.py)."""
        return self._runner.path

    @property
    def xla_error(self) -> str | None:
        """Why the steps do not run compiled by XLA, when that was tried and failed."""
        return self._runner.error

    def compile_xla(self) -> bool:
        """Compile the steps now and wait (bench, tests); True when chunks will run compiled."""
        return self._runner.compile_now(self._call_steps(), self.batch_size())

    @property
    def step(self) -> int:
        """The global step. Kept here, not read from the session each epoch: every
        session.run costs a GIL hand-over, which a busy window makes slow."""
        if self._known_step is None:
            self._known_step = int(self.session.run(self.handles.global_step))
        return self._known_step

    def weights_replaced(self) -> None:
        """The variables were restored from elsewhere: read the global step again."""
        self._known_step = None

    def reset_weights(self) -> None:
        """The initial weights again and epoch 0.

        A new session restarts the seeded random ops, so the same seed always
        starts from the same weights (a race compares optimizers fairly)."""
        if self.session is not None:
            self._runner.wait()
            self.session.close()
        config = session_config(self._step_flops())
        if self.remote is None:
            self.session = v1.Session(graph=self.handles.graph, config=config)
        else:  # a new session: the server is tried again, the weights start anew
            self.remote.last_fault, self.kept = None, None
            self.session = remote.RemoteSession(self.remote, self.graph, config)
        self._runner.use_session(self.session)
        self.session.run(self.handles.init_op)
        self.handles.engine.load(self.session, self.data.x_train, self.data.y_train)
        self.epoch = 0
        self.epoch_step = 0  # steps of the next epoch already trained (a stop part-way)
        self._known_step = 0
        self._chunk_steps = FIRST_CHUNK_STEPS

    def _step_flops(self) -> int:
        if self.data.task == "classification":  # a filter's weights work at every position
            multiplies = sum(s.multiplies for s in stack_shapes(
                self.experiment.model.hidden_layers, self.data.n_features, self.data.n_classes,
                self.data.image_shape))
        else:
            multiplies = sum(int(np.prod(v.shape)) for v in self.handles.model_variables)
        return 3 * self.batch_size() * multiplies  # forward, and twice that backward

    def batch_size(self) -> int:
        t = self.experiment.training
        n = len(self.data.x_train)
        return {"full": n, "stochastic": 1}.get(t.batch_mode, min(t.batch_size, n))

    def steps_per_epoch(self) -> int:
        # Like the course's loop, the last partial batch of an epoch is left out.
        return max(1, len(self.data.x_train) // self.batch_size())

    def epoch_order(self, epoch: int) -> np.ndarray:
        """The order of the training examples in an epoch: a fresh shuffle each epoch
        (the course reshuffles to avoid overfitting to an order), drawn from the seed
        and the epoch number so that a resumed run shuffles as the original would have."""
        n = len(self.data.x_train)
        if not self.experiment.training.shuffle:
            return np.arange(n)
        return np.random.default_rng([self.experiment.training.seed, epoch]).permutation(n)

    def device_note(self) -> Words | None:
        """A sentence when the chosen GPU is not available and soft placement uses the CPU."""
        return None if self.remote else placement_note(self.experiment.device)

    # ---- control from any thread ------------------------------------------

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    def stop(self) -> None:
        """End training after the chunk that is running; a stop before train() holds for it."""
        self._stop.set()
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    # ---- training ---------------------------------------------------------

    def train(self, epochs: int | None = None,
              callback: Callable[[object], None] | None = None,
              between_chunks: Callable[[], None] | None = None) -> TrainResult:
        """Train until `epochs` more epochs are done (default: the experiment's) or stop().

        An epoch a stop cut short goes on where it stopped at the next call (and counts
        as one of its epochs): the same shuffle, no step trained twice or left out.
        callback receives StepLosses and EpochMetrics; a NaN or infinite loss raises
        TrainingError after reporting the steps up to it.
        """
        callback = callback or (lambda event: None)
        between_chunks = between_chunks or (lambda: None)
        epochs = self.experiment.training.epochs if epochs is None else epochs
        self._steps_left = epochs * self.steps_per_epoch() - self.epoch_step
        started = time.perf_counter()
        # A pause (or stop) asked for before the first chunk holds before any step is taken.
        status = "finished" if self._between_chunks(between_chunks) else "stopped"
        for _ in range(epochs if status == "finished" else 0):
            if not self._train_epoch(callback, between_chunks):
                status = "stopped"
                break
        self._stop.clear()
        return TrainResult(status, self.epoch, self.step, time.perf_counter() - started)

    def _train_epoch(self, callback, between_chunks) -> bool:
        """The rest of an epoch in chunks of steps, then its metrics; False when stopped."""
        size = self.batch_size()
        steps = self.steps_per_epoch()
        if self.epoch_step >= steps:  # the batch settings changed since a stop part-way
            self.epoch_step = 0
        epoch = self.epoch + 1
        batches = self.epoch_order(epoch)[:steps * size].reshape(steps, size)
        started = time.perf_counter()
        self.handles.engine.prepare_epoch(self.session, epoch)
        done = self.epoch_step
        first_step = self.step - done + 1
        losses, accuracies = [], []
        call_steps = self._call_steps()
        while done < steps:
            count = min(self._chunk_steps, steps - done, call_steps)
            chunk_started = time.perf_counter()
            self._kept_current = False
            if self.remote is not None and done + count == steps:  # with the epoch's end: one call
                validation = {self.handles.x: self.data.x_val, self.handles.y: self.data.y_val}
                chunk_losses, chunk_accuracies, *self._epoch_end = self.handles.engine.run_to_epoch_end(
                    self.session, batches[done:], validation)
            else:
                chunk_losses, chunk_accuracies = self._runner.run(batches[done:done + count], call_steps)
            self._known_step = first_step + done + count - 1
            self._steps_left -= count
            self._size_next_chunk(count, time.perf_counter() - chunk_started)
            self._keep_pace(count, chunk_started, between_chunks)
            bad = np.flatnonzero(~np.isfinite(chunk_losses))
            if len(bad):
                callback(StepLosses(epoch, first_step + done, chunk_losses[:bad[0] + 1]))
                raise self._diverged(epoch, first_step + done + bad[0], chunk_losses[bad[0]])
            callback(StepLosses(epoch, first_step + done, chunk_losses))
            # After the losses are out: building the compiled chunk stalls this thread 150 ms.
            self._runner.consider(call_steps, size, self._steps_left)
            losses.append(chunk_losses)
            if chunk_accuracies is not None:
                accuracies.append(chunk_accuracies)
            done += count
            self.epoch_step = done
            # The last chunk completes the epoch: it is counted before a stop is looked at.
            if done < steps and not self._between_chunks(between_chunks):
                return False
        self.epoch_step = 0
        self._finish_epoch(callback, epoch, first_step + steps - 1, np.concatenate(losses),
                           np.concatenate(accuracies) if accuracies else None, started)
        return self._between_chunks(between_chunks)

    def _call_steps(self) -> int:
        """The steps of a call of the compiled chunk, fixed for a run (compiled_chunk.py)."""
        return self._runner.steps_per_call(self.steps_per_epoch(), self.batch_size())

    def _size_next_chunk(self, count: int, seconds: float) -> None:
        per_step = max(seconds / count, 1e-7)  # the engine's own time: a paced wait is not in it
        steps = int(CHUNK_SECONDS / per_step)
        if self.pace:  # small chunks, so that a paced curve moves smoothly rather than in jumps
            steps = min(steps, int(self.pace * PACED_CHUNK_SECONDS))
        self._chunk_steps = max(1, min(steps, 100_000))

    def _keep_pace(self, count: int, started: float, between_chunks) -> None:
        """Wait until `count` steps have taken 1/pace s each; drawings are answered and
        Stop is heard meanwhile. The pace may change at any moment (the window's setting)."""
        pace = self.pace
        if not pace:
            return
        due = started + count / pace
        while (left := due - time.perf_counter()) > 0 and not self._stop.is_set():
            between_chunks()
            time.sleep(min(left, 0.01))

    def _finish_epoch(self, callback, epoch, last_step, losses, accuracies, started) -> None:
        self.epoch = epoch
        val_loss = val_acc = None
        if self.remote is not None:  # read with the epoch's last chunk: a call is a round trip
            metrics, values = self._epoch_end
            self.kept = Snapshot(values, epoch, last_step)  # what a save can write if the server goes
            self._kept_current = True
            if len(self.data.x_val):
                val_loss, val_acc = float(metrics[0]), (float(metrics[1]) if len(metrics) > 1 else None)
        elif len(self.data.x_val):
            val_loss, val_acc = self.loss_and_accuracy(self.data.x_val, self.data.y_val)
        callback(EpochMetrics(
            epoch=epoch, step=last_step, train_loss=float(np.mean(losses)),
            train_accuracy=float(np.mean(accuracies)) if accuracies is not None else None,
            val_loss=val_loss, val_accuracy=val_acc, seconds=time.perf_counter() - started))

    def train_epoch_course_loop(self, callback=None) -> None:
        """One epoch the course's way: one session.run with feed_dict per mini-batch.

        The reference the chunk loop is checked against, and its baseline in
        bench/train.py; the window and tfdesk-train use the chunk loop."""
        h = self.handles
        size, steps = self.batch_size(), self.steps_per_epoch()
        epoch = self.epoch + 1
        order = self.epoch_order(epoch)
        started = time.perf_counter()
        first_step = self.step + 1
        x, y = self.training_images(epoch), self.data.y_train
        fetches = [h.loss, h.train_op] + ([h.accuracy] if h.accuracy is not None else [])
        losses, accuracies = [], []
        for j in range(steps):
            idx = order[j * size:(j + 1) * size]
            values = self.session.run(fetches, feed_dict={h.x: x[idx], h.y: y[idx], h.training: True})
            losses.append(values[0])
            accuracies += values[2:]
        losses = np.asarray(losses, np.float32)
        self._known_step = first_step + steps - 1
        if callback is not None:
            callback(StepLosses(epoch, first_step, losses))
        self._finish_epoch(callback or (lambda e: None), epoch, first_step + steps - 1, losses,
                           np.asarray(accuracies) if accuracies else None, started)

    def training_images(self, epoch: int) -> np.ndarray:
        """The training inputs as epoch `epoch` sees them: augmented when the experiment says so."""
        engine = self.handles.engine
        if engine.augment_op is None:
            return self.data.x_train
        engine.prepare_epoch(self.session, epoch)
        return self.session.run(engine.x_data)

    def _between_chunks(self, between_chunks) -> bool:
        """Answer the owner's requests, wait while paused; False when stopped."""
        between_chunks()
        while not self._running.wait(0.05):
            between_chunks()
        return not self._stop.is_set()

    def _diverged(self, epoch: int, step: int, loss: float) -> TrainingError:
        lr = self.experiment.optimizer.learning_rate
        return TrainingError(
            QT_TRANSLATE_NOOP("core", "Training stopped: the loss became {loss} at epoch {epoch}, "
                                      "step {step}. The learning rate {lr:g} is probably too large; "
                                      "try {smaller_lr:g}, then reset the weights and start again."),
            loss=loss, epoch=epoch, step=step, lr=lr, smaller_lr=lr / 10)

    # ---- using the model --------------------------------------------------

    def loss_and_accuracy(self, x, y) -> tuple[float, float | None]:
        """The loss and accuracy of the current weights on x, y (no dropout, no update)."""
        h = self.handles
        fetches = [h.loss] + ([h.accuracy] if h.accuracy is not None else [])
        values = self.session.run(fetches, feed_dict={h.x: x, h.y: y})
        return float(values[0]), (float(values[1]) if len(values) > 1 else None)

    def evaluate(self, split: str = "test") -> Evaluation:
        x = getattr(self.data, f"x_{split}")
        y = getattr(self.data, f"y_{split}")
        if len(x) == 0:
            raise TrainingError(_EMPTY_SPLIT.get(split, _EMPTY_SPLIT[None]), split=split)
        loss, accuracy = self.loss_and_accuracy(x, y)
        if self.data.task == "regression":
            return Evaluation(loss, None, None, self.predict(x), y)
        labels = y.argmax(axis=1)
        predicted = self.predict(x).argmax(axis=1)
        k = self.data.n_classes
        confusion = np.bincount(labels * k + predicted, minlength=k * k).reshape(k, k)
        return Evaluation(loss, accuracy, confusion, predicted, labels)

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities (n, classes), or y_pred (n,) for a curve lesson."""
        h = self.handles
        target = h.probabilities if h.probabilities is not None else h.output
        x = np.asarray(x, dtype=np.float32)
        if h.task == "classification" and x.ndim == 1:
            x = x[None, :]
        return self.session.run(target, feed_dict={h.x: x})

    def feature_maps(self, x: np.ndarray) -> np.ndarray | None:
        """The first convolution's maps of one input, (height, width, filters); None
        when the network has no convolution."""
        maps = self.handles.feature_maps
        if maps is None:
            return None
        x = np.asarray(x, dtype=np.float32).reshape(1, -1)
        return self.session.run(maps, feed_dict={self.handles.x: x})[0]

    def variable_values(self) -> dict[str, np.ndarray]:
        """The model's weights and biases by name (e.g. 'hidden_layer/weight1'); once a
        server has gone, the ones kept here."""
        variables = self.handles.model_variables
        if self.remote is not None and self.kept is not None and (self._kept_current or self.remote.lost):
            return {v.op.name: self.kept.values[v.op.name] for v in variables}
        values = self.session.run(variables)
        return {v.op.name: value for v, value in zip(variables, values)}

    def set_variable_values(self, values: dict[str, np.ndarray]) -> None:
        """Put values back into the variables they name (any global variable)."""
        if not values:
            return
        self._kept_current = False
        ops, feed = [], {}
        for name, value in values.items():
            placeholder, op = self._assigner(name)
            ops.append(op)
            feed[placeholder] = value
        self.session.run(ops, feed)

    def _assigner(self, name: str):
        """A placeholder and an assign op for the variable `name`, made once (the graph grows)."""
        if name not in self._assigners:
            with self.graph.as_default():
                variable = next(v for v in v1.global_variables() if v.op.name == name)
                placeholder = v1.placeholder(variable.dtype.base_dtype, variable.shape)
                self._assigners[name] = (placeholder, variable.assign(placeholder).op)
        return self._assigners[name]

    def snapshot(self) -> Snapshot:
        """Everything a checkpoint holds now (weights, optimizer slots, the step) and the epoch."""
        if self.remote is not None and self._kept_current:
            return self.kept  # read with the epoch's end: no round trip
        with self.graph.as_default():
            variables = v1.global_variables()
        values = self.session.run(variables)
        return Snapshot({v.op.name: value for v, value in zip(variables, values)}, self.epoch,
                        self.step, self.epoch_step)


    def load_snapshot(self, snapshot: Snapshot) -> None:
        self.set_variable_values(snapshot.values)
        self.epoch, self._known_step, self.epoch_step = snapshot.epoch, snapshot.step, snapshot.epoch_step
        if self.remote is not None:  # the network is this snapshot now, here too
            self.kept, self._kept_current = snapshot, True

    def local_twin(self) -> "Trainer":
        """The same network on this computer: a remote network's checkpoints are written
        and read through it (checkpoint.py)."""
        if self._twin is None:
            self._twin = Trainer(self.experiment, self.data, xla="off")
        return self._twin

    def close(self) -> None:
        self._runner.wait()
        if self._twin is not None:
            self._twin.close()
        if self.remote is not None:
            remote.release(self.session, self._release)
        self.session.close()

    def __enter__(self) -> "Trainer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
