"""The worker's requests for the lesson views: races and the graph inspector.

A mixin of TrainingWorker (worker.py): the request_* methods are called on the
GUI thread and queue work; the rest runs on the training thread and reports
through `_report`, like everything the worker does.
"""

from __future__ import annotations

import threading

import numpy as np

from ..core.callbacks import Callback
from ..core.errors import TfdeskError
from ..core.i18n import QT_TRANSLATE_NOOP


class _RaceReporter(Callback):
    """A contestant's steps and epochs, on the race's own signals (x in epochs)."""

    def __init__(self, report, index: int):
        self._report, self._index = report, index

    def on_chunk(self, session, chunk) -> None:
        per_epoch = session.trainer.steps_per_epoch()
        first = chunk.first_step - (chunk.epoch - 1) * per_epoch
        x = chunk.epoch - 1 + (first + np.arange(len(chunk.losses))) / per_epoch
        self._report("raceSteps", self._index, x, chunk.losses)

    def on_epoch_end(self, session, metrics) -> None:
        self._report("raceEpoch", self._index, metrics)


class LessonRequests:
    _race = None
    _race_stop = None  # set by Esc, also while the race is being built

    def request_race(self, entries: list, epochs: int) -> None:
        self._race_stop = threading.Event()
        self._requests.put((self.race, ([(label, exp.copy()) for label, exp in entries], epochs,
                                        self._race_stop)))

    def pause_race(self, paused: bool) -> None:
        self._race_paused = paused
        if self._race is not None:
            self._race.pause(paused)

    def stop_race(self) -> None:
        if self._race_stop is not None:
            self._race_stop.set()
        if self._race is not None:
            self._race.stop()

    def race(self, entries: list, epochs: int, stop: threading.Event) -> None:
        def work():
            from ..core.race import Race

            race, status = None, "failed"  # the race window stops waiting, whatever happens
            try:
                race = Race(entries, lambda i: [_RaceReporter(self._report, i)])
                self._race = race
                race.pause(getattr(self, "_race_paused", False))  # a Pause while it was built
                if stop.is_set():
                    race.stop()
                self._report("raceStarted", race.labels)
                status = "finished" if race.run(epochs) else "stopped"
            finally:
                self._race = None
                self._report("raceFinished", status, dict(race.out) if race else {})
                if race is not None:
                    race.close()
        self._guarded(work, busy=True)

    def request_graph_description(self) -> None:
        self._requests.put((self._guarded, (self._describe_graph,)))

    def request_variable_value(self, name: str) -> None:
        self._requests.put((self._guarded, (lambda: self._variable_value(name),)))

    def _inspected(self):
        """(describe(), variable_value(name), label) of the opened .meta graph, else of the
        trainer's graph, else None. The opened graph answers from its child process."""
        from ..core import graph_info

        m = self.graph_model
        if m is not None:
            return m.describe, m.variable_value, m.prefix + ".meta"
        t = self.trainer
        if t is not None:
            return (lambda: graph_info.describe(t.graph),
                    lambda name: graph_info.variable_value(t.graph, t.session, name),
                    t.experiment.name or "experiment")
        return None

    def _describe_graph(self) -> None:
        inspected = self._inspected()
        if inspected is None:  # nothing built yet: an empty tree that says so, not an error
            self._report("graphDescribed", "", [])
            return
        describe, _, label = inspected
        self._report("graphDescribed", label, describe())

    def _variable_value(self, name: str) -> None:
        inspected = self._inspected()
        if inspected is None:
            raise TfdeskError(QT_TRANSLATE_NOOP(
                "core", "There is no graph yet: press Start, or open one (File ▸ Open graph)."))
        _, value_of, _ = inspected
        self._report("variableValue", name, value_of(name))
