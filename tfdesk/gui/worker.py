"""The training worker: a thread, a queue and signals around the core's TrainingSession.

Every TensorFlow call happens on that thread (docs/ARCHITECTURE.md, "Threads"). The
GUI asks for work with plain method calls that queue a request, and gets plain
numbers and numpy arrays back through signals (report_delivery.py says how: no
thread but the GUI's emits a Qt signal). Pause and stop work at once, whatever the
thread is doing: the session keeps them until training looks between chunks.
Drawings are answered on a second thread in the same session (drawing_answers.py).

The thread is a Python thread, not a QThread: TensorFlow's pybind11 code
re-acquires the GIL with a thread state of its own, and on a QThread (whose
Python thread state PySide made) that deadlocked on the first graph op.
"""

from __future__ import annotations

import queue
import shutil
import threading
import time
import traceback
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal

from ..core.errors import TfdeskError
from ..core.spec import Experiment
from .drawing_answers import DrawingAnswers
from .report_delivery import ReportDelivery
from .worker_graphs import GraphFacts, GraphRequests  # noqa: F401  (GraphFacts: the window's)
from .worker_lessons import LessonRequests
from .worker_reports import GuiReporter
from .words import error_text

PREDICTION_INTERVAL = 0.2  # seconds between refreshes of the drawing's bars while training


class TrainingWorker(LessonRequests, GraphRequests, QObject):
    # results, emitted on the GUI thread (report_delivery.py)
    loaded = Signal(object)  # {"tensorflow": version, "devices": [TfDevice]}
    prepared = Signal(object)  # dataset facts: see _dataset_info
    dataDescribed = Signal(object)  # a chosen data file's {"path", "input_format", "n_features", "class_names"}
    stepsReported = Signal(int, int, object)  # epoch, first step, losses (np.ndarray)
    epochFinished = Signal(object)  # EpochMetrics
    planned = Signal(int)  # the step this training will end at
    progressed = Signal(int, int, int, int, int, float)  # epoch, last epoch, step, first, last, eta s
    trainingFinished = Signal(str, float)  # "finished" | "stopped" | "failed", seconds
    engineUsed = Signal(str)  # "xla" | "graph loop": how the run's last steps ran, before trainingFinished
    predicted = Signal(object, object)  # probabilities, the drawing's vector they answer
    evaluated = Signal(object)  # dict: split, accuracy, loss, confusion, images, labels, …
    saved = Signal(str)
    restored = Signal(str, object)  # folder, Experiment the weights belong to
    weightsReset = Signal()
    weightsChanged = Signal(object)  # {variable name: values}, while someone watches them
    featureMaps = Signal(object)  # the first convolution's maps of the drawing, while watched
    serverDevices = Signal(str, object)  # a tfdesk-server's address and its (name, type, bytes) devices
    serverProblem = Signal(str)  # why a tfdesk-server could not be reached
    raceStarted = Signal(object)  # the contestants' labels
    raceSteps = Signal(int, object, object)  # contestant, x in epochs, losses
    raceEpoch = Signal(int, object)  # contestant, EpochMetrics
    raceFinished = Signal(str, object)  # "finished" | "stopped", {contestant: why it dropped out}
    graphDescribed = Signal(str, object)  # where it comes from, [OpRow]
    variableValue = Signal(str, object)  # variable op name, its values
    graphOpened = Signal(object)  # GraphFacts of a .meta graph opened for drawing
    graphReady = Signal(object)  # {"input_format", "class_names", "input", "output"}
    autosaveFound = Signal(object, object)  # {"latest"/"best": folder}, their sidecars
    failed = Signal(str)  # a request could not be done; training has its own trainingFinished
    said = Signal(str)  # a sentence from training for the student (a warning, early stopping)
    busyChanged = Signal(bool)

    def __init__(self, autosave_folder: str | None = None):
        super().__init__()
        from ..core.session import TrainingSession

        self._autosave_folder = autosave_folder
        self.drawings = DrawingAnswers(self._drawing_model, self._report)
        self.delivery = ReportDelivery(self)
        self.busyChanged.connect(self.delivery.poll)
        self.session = TrainingSession([GuiReporter(self._report)], swap_lock=self.drawings.model_lock)
        self.logdir: str | None = None  # TensorBoard event files for each run, when set
        self._last_refresh = 0.0
        self.weights_watched = False  # set by the window while a weights or curve view is shown
        self._requests: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self._serve, name="tfdesk-training", daemon=True)

    @property
    def trainer(self):
        return self.session.trainer

    # ---- called from the GUI thread (thread-safe) ---------------------------

    def start(self) -> None:
        self._requests.put((self.load, ()))
        self.thread.start()
        self.drawings.start()

    def deliver(self) -> None:
        self.delivery.deliver()

    def request_training(self, exp: Experiment, server: str | None = None) -> None:
        """server: a tfdesk-server to train on (core/remote.py), None for this computer."""
        self._requests.put((self.train, (exp.copy(), server)))

    def request_server_devices(self, address: str) -> None:
        """Reach a tfdesk-server and list its devices (serverDevices), or say why not (serverProblem)."""
        def work():
            from ..core.remote import connect

            try:
                found = connect(address)
            except TfdeskError as e:
                self._report("serverProblem", error_text(e))
                return
            self._report("serverDevices", found.address, found.devices)
        # On a thread of its own: it touches no network of the worker's, and must not wait
        # behind a training run.
        threading.Thread(target=self._guarded, args=(work,), name="tfdesk-connect", daemon=True).start()

    def request_data_facts(self, exp: Experiment) -> None:
        """Read a chosen data file (dataDescribed), so that the layer editor counts and
        offers convolution for it before Start; a file that cannot be used is said now."""
        exp = exp.copy()
        exp.data.pen_digits, exp.data.drawings, exp.data.augment = False, None, False  # the file alone

        def work():
            from ..core.data import load_dataset

            data = load_dataset(exp)
            self._report("dataDescribed", {"path": exp.data.path, "input_format": data.input_format,
                                           "n_features": data.n_features, "class_names": data.class_names})
        self._requests.put((self._guarded, (work,)))

    def request_reset(self) -> None:
        self._requests.put((self.reset, ()))

    def request_save(self, folder: str) -> None:
        self._requests.put((self.save, (folder,)))

    def request_restore(self, folder: str, current: Experiment, server: str | None = None) -> None:
        self._requests.put((self.restore, (folder, current.copy(), server)))

    def request_weights(self) -> None:
        self._requests.put((self._guarded, (lambda: self._report_weights(force=True),)))

    def request_discard_autosave(self) -> None:
        """Forget the last session's autosaves (this session's own stay)."""
        def discard():
            from ..core.callbacks.autosave import LAST_SESSION

            shutil.rmtree(Path(self._autosave_folder) / LAST_SESSION, ignore_errors=True)
        self._requests.put((self._guarded, (discard,)))

    def request_evaluation(self, split: str = "val") -> None:
        """The validation set (the practice exam), or "test": the final exam, counted."""
        self._requests.put((self.evaluate, (split,)))

    def request_prediction(self, vector: np.ndarray) -> None:
        self.drawings.ask(vector)

    def set_pace(self, steps_per_second: float) -> None:
        """Steps a second to hold to (0: full speed), from the next chunk on."""
        self.session.pace = steps_per_second

    def pause(self) -> None:
        self.session.pause()
        self.pause_race(True)

    def resume(self) -> None:
        self.session.resume()
        self.pause_race(False)

    def stop(self) -> None:
        self.session.stop()
        self.stop_race()

    def shutdown(self, timeout: float = 30.0, waiting=None) -> bool:
        """Stop training, close the session and join the thread; False if it would not end.
        waiting(): called every 0.1 s while the thread ends (the window keeps painting)."""
        self.stop()
        self._requests.put(None)
        deadline = time.monotonic() + timeout
        while self.thread.is_alive() and time.monotonic() < deadline:
            self.thread.join(0.1)
            if waiting is not None:
                waiting()
        drawings_ended = self.drawings.close(timeout=5.0)
        if drawings_ended:  # else the drawing thread may still report
            self.delivery.close()
        return drawings_ended and not self.thread.is_alive()

    def threads(self) -> list[threading.Thread]:
        return [self.thread, self.drawings.thread]

    # ---- on the worker thread -----------------------------------------------------

    def _report(self, signal: str, *args) -> None:
        self.delivery.report(signal, *args)

    def _serve(self) -> None:
        while (request := self._requests.get()) is not None:
            work, args = request
            work(*args)
        with self.drawings.model_lock:
            self._drop_graph()
        self.session.close()

    def load(self) -> None:
        """Import TensorFlow here, not on the GUI thread, so the window paints first."""
        def work():
            import scipy.ndimage  # noqa: F401  (for the first drawing, kept off the GUI thread)

            from ..core.devices import tensorflow_devices
            from ..core.tf_start import start_tensorflow

            tf = start_tensorflow()
            self._report("loaded", {"tensorflow": tf.__version__, "devices": tensorflow_devices()})
            if self._autosave_folder is not None:
                from ..core.callbacks.autosave import Autosave, autosaved, set_aside_last_session

                kept = set_aside_last_session(self._autosave_folder)
                self.session.callbacks.append(Autosave(self._autosave_folder))
                found = autosaved(kept)
                if found:
                    self._report("autosaveFound", {name: str(kept / name) for name in found}, found)
        self._guarded(work)

    def train(self, exp: Experiment, server: str | None = None) -> None:
        ended = []

        def work():
            with self.drawings.model_lock:
                self._drop_graph()  # the drawings go back to the network being trained
            self.session.server = server
            if self.session.prepare(exp):
                self._network_built()
            log = self._tensorboard()
            try:
                result = self.session.train(between_chunks=self._refresh_drawing)
            finally:
                if log is not None:
                    self.session.callbacks.remove(log)
                    log.close()
            ended.append(result)
            self._report("engineUsed", self.trainer.engine_path)
            self._report("trainingFinished", result.status, result.seconds)
            self.drawings.refresh()
            self._report_weights()

        started = time.perf_counter()
        self._guarded(work, busy=True)
        if not ended:  # the network could not be built: the window leaves "training" too
            self._report("trainingFinished", "failed", time.perf_counter() - started)

    def _tensorboard(self):
        """TensorBoard event files for this run, in a folder of its own under logdir."""
        if not self.logdir:
            return None
        from ..core.callbacks.tensorboard import TensorBoardLog

        log = TensorBoardLog(str(Path(self.logdir) / time.strftime("run-%Y%m%d-%H%M%S")))
        self.session.callbacks.append(log)
        return log

    def _network_built(self) -> None:
        _ready_for_drawings(self.trainer)
        self._report("prepared", _dataset_info(self.trainer))
        self._report_weights()

    def reset(self) -> None:
        def work():
            with self.drawings.model_lock:
                self._drop_graph()
            if self.trainer is not None:
                self.session.reset_weights()
                _ready_for_drawings(self.trainer)
            self._report("weightsReset")
            self.drawings.refresh()
            self._report_weights()
        self._guarded(work)

    def save(self, folder: str) -> None:
        def work():
            self.session.save(folder)
            self._report("saved", folder)
        self._guarded(work, busy=True)

    def restore(self, folder: str, current: Experiment, server: str | None = None) -> None:
        def work():
            with self.drawings.model_lock:
                self._drop_graph()
            self.session.server = server
            self.session.restore(folder, current)
            _ready_for_drawings(self.trainer)
            self._report("prepared", _dataset_info(self.trainer))
            self._report("restored", folder, self.trainer.experiment.copy())
            self.drawings.refresh()
            self._report_weights()
        self._guarded(work, busy=True)

    def evaluate(self, split: str) -> None:
        def work():
            ev = self.session.evaluate(split)
            data = self.trainer.data
            drawings = {name: (self.trainer.loss_and_accuracy(x, y)[1], len(x))
                        for name, (x, y) in data.drawing_tests.items()}
            self._report("evaluated", {
                "split": split, "test_looks": self.session.test_looks,
                "accuracy": ev.accuracy, "loss": ev.loss, "confusion": ev.confusion,
                "class_names": data.class_names, "images": getattr(data, f"x_{split}"),
                "image_shape": data.image_shape, "labels": ev.labels, "predicted": ev.predicted,
                "task": data.task, "drawing_accuracies": drawings,
            })
        self._guarded(work)

    # ---- inside the worker --------------------------------------------------

    def _refresh_drawing(self) -> None:
        """Between chunks: the bars, and the views of the weights, follow the training
        every PREDICTION_INTERVAL."""
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
            return m.predict_probabilities, self._graph_features, None
        t = self.trainer
        if t is not None and t.remote is not None and t.remote.lost:
            return None  # its server has gone: nothing answers until Start builds it again
        if t is not None and t.data.task == "classification":
            watched = self.weights_watched and t.handles.feature_maps is not None
            return t.predict, t.data.n_features, t.feature_maps if watched else None
        return None

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
        "device_note": error_text(note) if (note := trainer.device_note()) else None,
        "server": trainer.remote.address if trainer.remote else None,
        "server_device": trainer.remote.device if trainer.remote else None,
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
