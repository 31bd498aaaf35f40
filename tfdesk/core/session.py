"""A training session: one network's life, the same for the window, tfdesk-train and the race.

It builds the network for an experiment or goes on with the one it has (one rule:
only the epochs and batch settings may change for that), trains it while its
callbacks watch (core/callbacks), pauses and stops between chunks, evaluates it on
the validation set or, deliberately, on the test set (and counts those looks), and
saves and restores it with one layout of metrics (core/metrics.py). Everything runs
on the thread that calls it: the window's worker is a thread, a queue and signals
around a session (gui/worker.py). docs/ARCHITECTURE.md has the whole picture.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from . import metrics as metrics_layout
from .callbacks import Callback, CallbackList
from .callbacks.divergence import DivergenceCheck
from .callbacks.early_stopping import EarlyStopping
from .errors import TfdeskError, TrainingError
from .events import EpochMetrics, Message, Plan, TrainResult
from .i18n import QT_TRANSLATE_NOOP
from .spec import Experiment

# What may change while the network goes on from its current weights.
CONTINUABLE = ("epochs", "batch_mode", "batch_size", "shuffle", "early_stopping", "patience")


def same_network(a: Experiment, b: Experiment) -> bool:
    """Whether b only changes how training goes on from a's network."""
    a, b = a.copy(), b.copy()
    for exp in (a, b):
        for name in CONTINUABLE:
            setattr(exp.training, name, None)
        exp.name = ""
    return a == b


class TrainingSession:
    def __init__(self, callbacks: list[Callback] = (), swap_lock=None, server: str | None = None):
        """swap_lock: held while one network replaces another (the window's drawing thread
        uses the network between the training thread's chunks). server: a tfdesk-server's
        address to train on (core/remote.py), None for this computer."""
        self.server = server
        # Every session says when a run goes wrong without a NaN (callbacks/divergence.py).
        self.callbacks = CallbackList([DivergenceCheck(), *callbacks])
        self._swap_lock = swap_lock or threading.Lock()
        self.trainer = None
        self.test_looks = 0  # how often the test set was looked at, this network
        self.last_test = None  # the last of those evaluations
        self.last_epoch = None  # the EpochMetrics of the last finished epoch
        self._restored_metrics: dict = {}  # a restored checkpoint's, until this network's replace them
        self._paused = False
        self._pace: float | None = None
        self._stop = threading.Event()  # asked for before a train() began: it holds for it

    # ---- the network --------------------------------------------------------------

    @property
    def experiment(self) -> Experiment:
        return self.trainer.experiment

    @property
    def data(self):
        return self.trainer.data

    def prepare(self, exp: Experiment, data=None) -> bool:
        """The network for exp: the current one when only the epochs or batch settings differ,
        else a new one. True when a new one was built."""
        from .remote import server_address
        from .trainer import Trainer

        exp = exp.copy().validate()
        t = self.trainer
        server = server_address(self.server) if self.server else None
        here = t is not None and (t.remote.address if t.remote else None) == server
        lost = t is not None and t.remote is not None and t.remote.lost
        if here and not lost and data is None and same_network(t.experiment, exp):
            for name in CONTINUABLE:
                setattr(t.experiment.training, name, getattr(exp.training, name))
            t.experiment.validate(n_train=len(t.data.x_train))
            return False
        trainer = Trainer(exp, data, server=self.server)
        if lost and t.kept is not None and same_network(t.experiment, exp):
            try:  # the server came back: go on from the weights kept here
                trainer.load_snapshot(t.kept)
            except BaseException:
                trainer.close()
                raise
        self._replace(trainer)
        return True

    def _replace(self, trainer) -> None:
        with self._swap_lock:
            if self.trainer is not None:
                self.trainer.close()
            self.trainer = trainer
        self.test_looks = 0
        self.last_test = None
        self.last_epoch = None
        self._restored_metrics = {}
        trainer.pace = self._pace
        if self._paused:
            trainer.pause()

    def restore(self, folder: str | Path, current: Experiment) -> dict | None:
        """Build the network a checkpoint was saved from (its sidecar's experiment, else
        `current`) and load its weights; the sidecar (None for a foreign checkpoint)."""
        from .checkpoint import read_sidecar, restore_weights, sidecar_experiment
        from .trainer import Trainer

        exp = sidecar_experiment(folder) if read_sidecar(folder) else current
        trainer = Trainer(exp.copy().validate(), server=self.server)
        try:
            sidecar = restore_weights(trainer, folder)
        except BaseException:
            trainer.close()
            raise
        self._replace(trainer)
        self._take_metrics(sidecar)
        return sidecar

    def load_weights(self, folder: str | Path) -> dict | None:
        """A checkpoint's weights into the network prepared (tfdesk-train's --resume with an
        experiment file); its sidecar, whose exam count and numbers go on here."""
        from .checkpoint import restore_weights

        sidecar = restore_weights(self.trainer, folder)
        self._take_metrics(sidecar)
        return sidecar

    def _take_metrics(self, sidecar: dict | None) -> None:
        restored = metrics_layout.read_metrics(sidecar)
        self.test_looks = restored.pop("test_looks", 0)
        self._restored_metrics = restored  # saved again, a checkpoint keeps its numbers

    def reset_weights(self) -> None:
        with self._swap_lock:  # a new tf.Session replaces the old one
            self.trainer.reset_weights()
        self.test_looks = 0
        self.last_test = self.last_epoch = None
        self._restored_metrics = {}

    # ---- training -----------------------------------------------------------------

    def train(self, epochs: int | None = None, between_chunks=None) -> TrainResult:
        """Train `epochs` more epochs (default: the experiment's) while the callbacks watch.

        A loss that becomes NaN ends it as "failed", said in words; other problems raise."""
        t = self.trainer
        epochs = t.experiment.training.epochs if epochs is None else epochs
        steps = t.steps_per_epoch()
        plan = Plan(first_epoch=t.epoch + 1, last_epoch=t.epoch + epochs, first_step=t.step,
                    last_step=t.step + epochs * steps - t.epoch_step)
        # What the experiment asks for, for this run: early stopping.
        run_only = [EarlyStopping(t.experiment.training.patience)] if t.experiment.training.early_stopping else []
        for callback in run_only:
            self.callbacks.append(callback)
        try:
            self.callbacks.on_train_begin(self, plan)
            if self._stop.is_set():  # Esc while the network was being built
                t.stop()
            started = time.perf_counter()
            try:
                result = t.train(epochs, callback=self._event, between_chunks=between_chunks)
            except TrainingError as e:
                result = TrainResult("failed", t.epoch, t.step, time.perf_counter() - started, str(e))
            finally:
                self._stop.clear()
            self.callbacks.on_train_end(self, result)
        finally:
            for callback in run_only:
                self.callbacks.remove(callback)
        return result

    def _event(self, event) -> None:
        self._restored_metrics = {}  # the weights have moved on from the checkpoint's
        if isinstance(event, EpochMetrics):
            self.last_epoch = event
            self.callbacks.on_epoch_end(self, event)
        else:
            self.callbacks.on_chunk(self, event)

    @property
    def pace(self) -> float | None:
        """Steps a second training holds to, so that a class can watch; None: full speed.
        Any thread may set it, during a run too."""
        return self._pace

    @pace.setter
    def pace(self, steps_per_second: float | None) -> None:
        self._pace = steps_per_second or None
        if self.trainer is not None:
            self.trainer.pace = self._pace

    def pause(self) -> None:
        self._paused = True
        if self.trainer is not None:
            self.trainer.pause()

    def resume(self) -> None:
        self._paused = False
        if self.trainer is not None:
            self.trainer.resume()

    @property
    def paused(self) -> bool:
        return self._paused

    def stop(self) -> None:
        """End training after the chunk that runs (any thread); before one starts, it holds."""
        self._stop.set()
        if self.trainer is not None:
            self.trainer.stop()

    def say(self, template: str, **fields) -> None:
        """A sentence for the student, through the callbacks (template: QT_TRANSLATE_NOOP)."""
        self.callbacks.on_message(self, Message(template, fields))

    # ---- using it -----------------------------------------------------------------

    def evaluate(self, split: str = "val"):
        """The network on the validation set (the practice exam), or on the test set: the
        final exam, counted every time it is looked at."""
        if self.trainer is None:
            raise TfdeskError(QT_TRANSLATE_NOOP("core", "Train the network first, then evaluate it."))
        evaluation = self.trainer.evaluate(split)
        if split == "test":
            self.test_looks += 1
            self.last_test = evaluation
        return evaluation

    def metrics(self) -> dict:
        """The run's numbers in the one sidecar layout (core/metrics.py); the test set's
        only when it was looked at."""
        return {**self._restored_metrics,
                **metrics_layout.layout(self.last_epoch, self.last_test, self.test_looks)}

    def save(self, folder: str | Path) -> Path:
        from .checkpoint import save_checkpoint

        if self.trainer is None:
            raise TfdeskError(QT_TRANSLATE_NOOP("core", "There is nothing to save yet: train the network "
                                                        "first."))
        return save_checkpoint(self.trainer, folder, self.metrics())

    def close(self) -> None:
        with self._swap_lock:  # a drawing's prediction never runs on a closed session
            if self.trainer is not None:
                self.trainer.close()
                self.trainer = None
