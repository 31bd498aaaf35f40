"""Answers to the drawing panel, on a thread of their own.

The training thread spends its time inside session.run, one chunk (about
30 ms) at a time; a drawing answered between chunks would wait for the chunk.
session.run is thread-safe, so this thread runs the prediction in the same
session while the chunk trains, and the bars follow the pen within a few
milliseconds. The worker holds `model_lock` whenever it replaces or closes the
model, so a prediction never runs on a closed session.
"""

from __future__ import annotations

import threading
import traceback
from typing import Callable

import numpy as np

from ..core.errors import TfdeskError
from .words import error_text

# () -> (predict(x) -> probabilities, number of inputs, feature_maps(vector) or None),
# or None when nothing can answer. feature_maps is given while the weights view is seen
# and the network has a convolution.
ModelSource = Callable[[], "tuple[Callable[[np.ndarray], np.ndarray], int, Callable | None] | None"]


class DrawingAnswers:
    def __init__(self, model_source: ModelSource, report: Callable[..., None]):
        self.model_lock = threading.Lock()
        self._model_source = model_source
        self._report = report  # (signal name, *args), delivered on the GUI thread
        self._vector: np.ndarray | None = None  # the latest drawing; older ones are dropped
        self._wake = threading.Event()
        self._closing = False
        self.thread = threading.Thread(target=self._serve, name="tfdesk-drawing", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def ask(self, vector: np.ndarray) -> None:
        """A new drawing (any thread)."""
        self._vector = vector
        self._wake.set()

    def refresh(self) -> None:
        """The weights changed: answer the current drawing again (any thread)."""
        self._wake.set()

    def close(self, timeout: float) -> bool:
        self._closing = True
        self._wake.set()
        if self.thread.is_alive():
            self.thread.join(timeout)
        return not self.thread.is_alive()

    def _serve(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            if self._closing:
                return
            vector = self._vector
            if vector is not None:
                self._answer(vector)

    def _answer(self, vector: np.ndarray) -> None:
        try:
            with self.model_lock:
                source = self._model_source()
                if source is None:  # nothing to answer with: the panel says so
                    self._report("predicted", None, vector)
                    return
                predict, n_features, feature_maps = source
                if len(vector) != n_features:
                    return  # drawn for another input format; the panel will ask again
                probabilities = predict(vector[None, :])[0]
                maps = feature_maps(vector) if feature_maps is not None else None
        except TfdeskError as e:
            self._report("failed", error_text(e))
            return
        except Exception as e:  # a bug: say so, keep answering
            traceback.print_exc()
            self._report("failed", f"Unexpected error while answering the drawing "
                                   f"({type(e).__name__}): {e}")
            return
        self._report("predicted", probabilities, vector)
        if maps is not None:
            self._report("featureMaps", maps)
