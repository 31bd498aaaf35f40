"""The training worker: one thread that owns the core Trainer, and a QObject whose
signals carry its results to the window.

Every TensorFlow call happens on that thread (DESIGN.md, "Threading"). The GUI
asks for work with plain method calls that queue a request, and gets plain
numbers and numpy arrays back through signals. Pause and stop work while
training runs: the trainer looks at them between chunks. Drawings are answered
on a second thread in the same session (drawing_answers.py).

The thread is a Python thread, not a QThread: TensorFlow's pybind11 code
re-acquires the GIL with a thread state of its own, and on a QThread (whose
Python thread state PySide made) that deadlocked on the first graph op.

The thread never emits a Qt signal itself. Emitting PySide signals from a
Python thread while the GUI thread connected and disconnected slots corrupted
PySide's receiver objects (slots called on the wrong object, then a segfault).
Instead the thread appends (signal name, arguments) to a plain queue, and a
timer on the GUI thread emits them: every signal is emitted on the GUI thread.
"""

from __future__ import annotations

import queue
import shutil
import socket
import threading
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from ..core.errors import TfdeskError
from ..core.i18n import QT_TRANSLATE_NOOP
from ..core.spec import Experiment
from .drawing_answers import DrawingAnswers
from .worker_lessons import LessonRequests
from .words import error_text

# Fields that change how training proceeds but not the graph or the data split:
# a new Start with only these changed goes on from the current weights.
_CONTINUABLE = ("epochs", "batch_mode", "batch_size", "shuffle")
PREDICTION_INTERVAL = 0.2  # seconds between refreshes of the drawing's bars while training
# How often the GUI thread emits what the worker reported. A poll, not a wake-up
# per report: waking the GUI thread at each report made it take the GIL while the
# training thread was between session.runs (bench/ui.py: 0.75x instead of 0.87x).
DELIVERY_INTERVAL_MS = 8
# ...except for these, which the user is waiting for: the drawing thread wakes the GUI
# thread through a socket (plain OS calls, no Qt from a Python thread), saving the
# poll's 0-8 ms between the answer and the bars.
_URGENT = frozenset({"predicted"})


class TrainingWorker(LessonRequests, QObject):
    # results, emitted on the GUI thread by the delivery timer
    loaded = Signal(object)  # {"tensorflow": version, "devices": [TfDevice]}
    prepared = Signal(object)  # dataset facts: see _dataset_info
    stepsReported = Signal(int, int, object)  # epoch, first step, losses (np.ndarray)
    epochFinished = Signal(object)  # EpochMetrics
    planned = Signal(int)  # the step this training will end at
    progressed = Signal(int, int, int, int, int, float)  # epoch, last epoch, step, first, last, eta s
    trainingFinished = Signal(str, float)  # "finished" | "stopped" | "failed", seconds
    predicted = Signal(object, object)  # probabilities, the drawing's vector they answer
    evaluated = Signal(object)  # dict: accuracy, loss, confusion, images, labels, predicted, …
    saved = Signal(str)
    restored = Signal(str, object)  # folder, Experiment the weights belong to
    weightsReset = Signal()
    weightsChanged = Signal(object)  # {variable name: values}, while someone watches them
    raceStarted = Signal(object)  # the contestants' labels
    raceSteps = Signal(int, object, object)  # contestant, x in epochs, losses
    raceEpoch = Signal(int, object)  # contestant, EpochMetrics
    raceFinished = Signal(str, object)  # "finished" | "stopped", {contestant: why it dropped out}
    graphDescribed = Signal(str, object)  # where it comes from, [OpRow]
    variableValue = Signal(str, object)  # variable op name, its values
    graphOpened = Signal(object)  # GraphFacts of a .meta graph opened for drawing
    graphReady = Signal(object)  # {"input_format", "class_names", "input", "output"}
    autosaveFound = Signal(object, object)  # {"latest"/"best": folder}, their sidecars
    failed = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, autosave_folder: str | None = None):
        super().__init__()
        self.trainer = None
        self.autosaver = None  # made on the worker thread: it needs TensorFlow
        self._autosave_folder = autosave_folder
        self.graph_model = None  # a .meta graph that answers the drawings instead of the trainer
        self._graph_features = 0  # how many inputs it takes
        self.drawings = DrawingAnswers(self._drawing_model, self._report)
        self._last_refresh = 0.0
        self.weights_watched = False  # set by the window while a weights or curve view is shown
        self._stop_requested = threading.Event()
        self._requests: queue.Queue = queue.Queue()
        self._results: queue.SimpleQueue = queue.SimpleQueue()
        self._delivery = QTimer(self)
        self._delivery.setInterval(DELIVERY_INTERVAL_MS)
        self._delivery.timeout.connect(self.deliver)
        self._wake_reader, self._wake_writer = socket.socketpair()
        for end in (self._wake_reader, self._wake_writer):
            end.setblocking(False)
        self._wake_notifier = QSocketNotifier(self._wake_reader.fileno(), QSocketNotifier.Read, self)
        self._wake_notifier.activated.connect(self._woken)
        self.thread = threading.Thread(target=self._serve, name="tfdesk-training", daemon=True)

    # ---- called from the GUI thread (thread-safe) ---------------------------

    def start(self) -> None:
        self._requests.put((self.load, ()))
        self._delivery.start()
        self.thread.start()
        self.drawings.start()

    def deliver(self) -> None:
        """Emit, on the GUI thread, everything the worker thread has reported so far.

        Only the latest progress of a batch is emitted: the bar repaints at once
        on every change, and older values would be painted over anyway."""
        batch = []
        while True:
            try:
                batch.append(self._results.get_nowait())
            except queue.Empty:
                break
        last_progress = max((i for i, (name, _) in enumerate(batch) if name == "progressed"), default=-1)
        for i, (name, args) in enumerate(batch):
            if name != "progressed" or i == last_progress:
                getattr(self, name).emit(*args)

    def _woken(self, *_args) -> None:
        try:
            while self._wake_reader.recv(4096):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        self.deliver()

    def request_training(self, exp: Experiment) -> None:
        self._stop_requested.clear()
        self._requests.put((self.train, (exp.copy(),)))

    def request_reset(self) -> None:
        self._requests.put((self.reset, ()))

    def request_save(self, folder: str) -> None:
        self._requests.put((self.save, (folder,)))

    def request_restore(self, folder: str, current: Experiment) -> None:
        self._requests.put((self.restore, (folder, current.copy())))

    def request_open_graph(self, path: str) -> None:
        self._requests.put((self.open_graph, (path,)))

    def request_graph_tensors(self, input_name: str, output_name: str) -> None:
        self._requests.put((self.use_graph_tensors, (input_name, output_name)))

    def request_weights(self) -> None:
        self._requests.put((self._guarded, (lambda: self._report_weights(force=True),)))

    def request_discard_autosave(self) -> None:
        """Forget the last session's autosaves (this session's own stay)."""
        def discard():
            from ..core.autosave import LAST_SESSION

            shutil.rmtree(Path(self._autosave_folder) / LAST_SESSION, ignore_errors=True)
        self._requests.put((self._guarded, (discard,)))

    def request_evaluation(self) -> None:
        self._requests.put((self.evaluate, ()))

    def shutdown(self, timeout: float = 30.0) -> bool:
        """Stop training, close the session and join the thread; False if it would not end."""
        self.stop()
        self._requests.put(None)
        if self.thread.is_alive():
            self.thread.join(timeout)
        drawings_ended = self.drawings.close(timeout=5.0)
        self._delivery.stop()
        if drawings_ended:  # else the drawing thread may still write to it
            self._wake_notifier.setEnabled(False)
            self._wake_reader.close()
            self._wake_writer.close()
        return drawings_ended and not self.thread.is_alive()

    def threads(self) -> list[threading.Thread]:
        return [self.thread, self.drawings.thread]

    def request_prediction(self, vector: np.ndarray) -> None:
        self.drawings.ask(vector)

    def pause(self) -> None:
        if self.trainer is not None:
            self.trainer.pause()

    def resume(self) -> None:
        if self.trainer is not None:
            self.trainer.resume()

    def stop(self) -> None:
        self._stop_requested.set()
        if self.trainer is not None:
            self.trainer.stop()

    # ---- on the worker thread -----------------------------------------------------

    def _report(self, signal: str, *args) -> None:
        self._results.put((signal, args))
        if signal in _URGENT:
            try:
                self._wake_writer.send(b"!")
            except OSError:
                pass  # the socket is full (a wake-up is pending anyway) or closed

    def _serve(self) -> None:
        while (request := self._requests.get()) is not None:
            work, args = request
            work(*args)
        with self.drawings.model_lock:
            if self.trainer is not None:
                self.trainer.close()
                self.trainer = None
            self._drop_graph()

    def load(self) -> None:
        """Import TensorFlow here, not on the GUI thread, so the window paints first."""
        def work():
            import scipy.ndimage  # noqa: F401  (for the first drawing, kept off the GUI thread)

            from ..core.tf_start import start_tensorflow

            tf = start_tensorflow()

            from ..core.devices import tensorflow_devices

            self._report("loaded", {"tensorflow": tf.__version__, "devices": tensorflow_devices()})
            if self._autosave_folder is not None:
                from ..core.autosave import Autosaver, autosaved, set_aside_last_session

                self.autosaver = Autosaver(self._autosave_folder)
                kept = set_aside_last_session(self._autosave_folder)
                found = autosaved(kept)
                if found:
                    self._report("autosaveFound", {name: str(kept / name) for name in found}, found)
        self._guarded(work)

    def train(self, exp: Experiment) -> None:
        def work():
            with self.drawings.model_lock:
                self._drop_graph()  # the drawings go back to the network being trained
            trainer = self._trainer_for(exp)
            if self._stop_requested.is_set():  # Esc while the graph was being built
                self._report("trainingFinished", "stopped", 0.0)
                return
            self._run_training(trainer)
        self._guarded(work, busy=True)

    def reset(self) -> None:
        def work():
            with self.drawings.model_lock:  # a new session replaces the old one
                self._drop_graph()
                if self.trainer is not None:
                    self.trainer.reset_weights()
                    _ready_for_drawings(self.trainer)
            self._report("weightsReset")
            self.drawings.refresh()
            self._report_weights()
        self._guarded(work)

    def save(self, folder: str) -> None:
        def work():
            from ..core.checkpoint import save_checkpoint

            if self.trainer is None:
                raise TfdeskError(QT_TRANSLATE_NOOP("core", "There is nothing to save yet: train the network "
                                                            "first."))
            save_checkpoint(self.trainer, folder, self._metrics())
            self._report("saved", folder)
        self._guarded(work, busy=True)

    def restore(self, folder: str, current: Experiment) -> None:
        def work():
            from ..core.checkpoint import read_sidecar, restore_weights, sidecar_experiment

            with self.drawings.model_lock:
                self._drop_graph()
            exp = sidecar_experiment(folder) if read_sidecar(folder) else current
            trainer = self._trainer_for(exp, rebuild=True)
            restore_weights(trainer, folder)
            self._report("restored", folder, trainer.experiment.copy())
            self.drawings.refresh()
            self._report_weights()
        self._guarded(work, busy=True)

    def open_graph(self, path: str) -> None:
        """The course's 載入 graph: a .meta with its weights, opened in a child process
        (core/graph_process.py) because the file may be hostile, for the drawings."""
        def work():
            from ..core.graph_process import GraphProcess

            model = GraphProcess(path)
            with self.drawings.model_lock:
                self._drop_graph()
                self.graph_model = model
            self._report("graphOpened", GraphFacts(
                model.prefix, model.input_name, model.output_name,
                model.input_candidates(), model.output_candidates()))
            if model.input_name and model.output_name:
                self._graph_ready()
        self._guarded(work, busy=True)

    def use_graph_tensors(self, input_name: str, output_name: str) -> None:
        def work():
            if self.graph_model is None:
                raise TfdeskError(QT_TRANSLATE_NOOP("core", "Open a graph first (File ▸ Open graph)."))
            with self.drawings.model_lock:
                self.graph_model.use_tensors(input_name, output_name)
            self._graph_ready()
        self._guarded(work)

    def _graph_ready(self) -> None:
        from ..core.drawing import input_format_for

        m = self.graph_model
        n_features, n_classes = m.shapes()
        if n_features is None or n_classes is None:
            raise TfdeskError(QT_TRANSLATE_NOOP("core", "{input} and {output} need a known size to draw "
                                                        "into (features and classes)."),
                              input=m.input_name, output=m.output_name)
        self._graph_features = int(n_features)
        self._report("graphReady", {
            "input_format": input_format_for(int(n_features)),
            "class_names": [str(i) for i in range(int(n_classes))],
            "input": m.input_name, "output": m.output_name, "n_features": int(n_features)})
        self.drawings.refresh()

    def _drop_graph(self) -> None:
        """Close the opened graph; call with drawings.model_lock held."""
        if self.graph_model is not None:
            self.graph_model.close()
            self.graph_model = None

    def evaluate(self) -> None:
        def work():
            if self.trainer is None:
                raise TfdeskError(QT_TRANSLATE_NOOP("core", "Train the network first, then evaluate it."))
            ev = self.trainer.evaluate("test")
            data = self.trainer.data
            drawings = {name: (self.trainer.loss_and_accuracy(x, y)[1], len(x))
                        for name, (x, y) in data.drawing_tests.items()}
            self._report("evaluated", {
                "accuracy": ev.accuracy, "loss": ev.loss, "confusion": ev.confusion,
                "class_names": data.class_names, "images": data.x_test,
                "image_shape": data.image_shape, "labels": ev.labels, "predicted": ev.predicted,
                "task": data.task, "drawing_accuracies": drawings,
            })
        self._guarded(work)

    # ---- inside the worker --------------------------------------------------

    def _trainer_for(self, exp: Experiment, rebuild: bool = False):
        """The current trainer when `exp` only changes how training goes on; else a new one."""
        from ..core.trainer import Trainer

        exp = exp.copy().validate()
        t = self.trainer
        if t is not None and not rebuild and _same_network(t.experiment, exp):
            for name in _CONTINUABLE:
                setattr(t.experiment.training, name, getattr(exp.training, name))
            t.experiment.validate(n_train=len(t.data.x_train))
            return t
        trainer = Trainer(exp)
        _ready_for_drawings(trainer)
        if self.autosaver is not None:
            self.autosaver.new_run()
        with self.drawings.model_lock:
            if t is not None:
                t.close()
            self.trainer = trainer
        self._report("prepared", _dataset_info(self.trainer))
        self._report_weights()
        return self.trainer

    def _run_training(self, trainer) -> None:
        from ..core.trainer import EpochMetrics, StepLosses

        epochs = trainer.experiment.training.epochs
        first_epoch, first_step = trainer.epoch, trainer.step
        total_steps = epochs * trainer.steps_per_epoch()
        last_epoch = first_epoch + epochs
        started = time.perf_counter()
        self._report("planned", first_step + total_steps)

        def on_event(event):
            if isinstance(event, StepLosses):
                self._report("stepsReported", event.epoch, event.first_step, event.losses)
                done = event.first_step + len(event.losses) - 1 - first_step
                elapsed = time.perf_counter() - started
                eta = elapsed / done * (total_steps - done) if done else 0.0
                self._report("progressed", event.epoch, last_epoch, first_step + done, first_step,
                             first_step + total_steps, eta)
            elif isinstance(event, EpochMetrics):
                self._report("epochFinished", event)
                last_metrics[0] = event
                if self.autosaver is not None:
                    self.autosaver.epoch_finished(trainer, event)

        last_metrics = [None]
        try:
            result = trainer.train(epochs, callback=on_event, between_chunks=self._between_chunks)
        except TfdeskError:
            self._report("trainingFinished", "failed", time.perf_counter() - started)
            raise
        if self.autosaver is not None:
            self.autosaver.finish(trainer, last_metrics[0])
            if self.autosaver.problem:
                self._report("failed", error_text(self.autosaver.problem))
        self._report("trainingFinished", result.status, result.seconds)
        self.drawings.refresh()
        self._report_weights()

    def _between_chunks(self) -> None:
        # A stop that came while train() was starting (which clears the trainer's
        # own flag) is not lost: it is passed on here.
        if self._stop_requested.is_set():
            self.trainer.stop()
        self._refresh_drawing()

    def _refresh_drawing(self) -> None:
        """The bars, and the views of the weights, follow the training every
        PREDICTION_INTERVAL."""
        now = time.perf_counter()
        if now - self._last_refresh >= PREDICTION_INTERVAL:
            self._last_refresh = now
            self.drawings.refresh()
            self._report_weights()

    def _report_weights(self, force: bool = False) -> None:
        if (self.weights_watched or force) and self.trainer is not None:
            self._report("weightsChanged", self.trainer.variable_values())

    def _drawing_model(self):
        """What answers a drawing; called by the drawing thread with model_lock held."""
        m = self.graph_model
        if m is not None and m.output_name is not None:
            return m.predict_probabilities, self._graph_features
        t = self.trainer
        if t is not None and t.data.task == "classification":
            return t.predict, t.data.n_features
        return None

    def _metrics(self) -> dict:
        t = self.trainer
        metrics = {"epoch": t.epoch, "step": t.step}
        if t.data.task == "classification" and len(t.data.x_test):
            ev = t.evaluate("test")
            metrics.update(test_accuracy=ev.accuracy, test_loss=ev.loss)
        return metrics

    def _guarded(self, work, busy: bool = False) -> None:
        """Run a request; a problem becomes a message and the worker stays usable."""
        if busy:
            self._report("busyChanged", True)
        try:
            work()
        except TfdeskError as e:
            self._report("failed", error_text(e))
        except Exception as e:  # a bug: say so plainly, keep the window alive
            traceback.print_exc()
            self._report("failed", f"Unexpected error ({type(e).__name__}): {e}")
        finally:
            if busy:
                self._report("busyChanged", False)


@dataclass
class GraphFacts:
    """What the window needs to let the user pick a foreign graph's input and output."""
    prefix: str
    input_name: str | None  # found by the course's names, else None
    output_name: str | None
    inputs: list  # TensorInfo candidates
    outputs: list


def _same_network(a: Experiment, b: Experiment) -> bool:
    a, b = a.copy(), b.copy()
    for name in _CONTINUABLE:
        setattr(a.training, name, None)
        setattr(b.training, name, None)
    a.name = b.name = ""
    return a == b


def _ready_for_drawings(trainer) -> None:
    """Answer a blank drawing once, here, before training starts. A session prepares
    a fetch the first time it runs it (about 20 ms of CPU), and the first drawing
    after Start waited 50 ms for it on the drawing thread."""
    if trainer.data.task == "classification":
        trainer.predict(np.zeros(trainer.data.n_features, np.float32))


def _dataset_info(trainer) -> dict:
    d = trainer.data
    info = {
        "task": d.task, "input_format": d.input_format, "class_names": d.class_names,
        "n_features": d.n_features, "n_train": len(d.x_train), "description": d.description,
        "device_note": trainer.device_note(),
    }
    if d.task == "regression":
        info.update(x=d.x_train, y=d.y_train, true_params=d.true_params)
    return info


# Every worker started, so tests can fail one whose thread is left running.
started_workers: list[TrainingWorker] = []


def new_worker(autosave_folder: str | None = None) -> TrainingWorker:
    """A worker whose thread starts with `start()`, once its signals are connected
    (its first act, importing TensorFlow, may finish at once)."""
    worker = TrainingWorker(autosave_folder)
    started_workers.append(worker)
    return worker
