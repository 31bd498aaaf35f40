"""The worker's requests for the lesson views: races and the graph inspector.

A mixin of TrainingWorker (worker.py): the request_* methods are called on the
GUI thread and queue work; the rest runs on the training thread and reports
through `_report`, like everything the worker does.
"""

from __future__ import annotations

import numpy as np

from ..core.errors import TfdeskError
from ..core.i18n import QT_TRANSLATE_NOOP


class LessonRequests:
    def request_race(self, entries: list, epochs: int) -> None:
        self._stop_requested.clear()
        self._requests.put((self.race, ([(label, exp.copy()) for label, exp in entries], epochs)))

    def race(self, entries: list, epochs: int) -> None:
        def work():
            from ..core.race import Race
            from ..core.trainer import EpochMetrics, StepLosses

            race = Race(entries)
            try:
                self._report("raceStarted", race.labels)

                def on_event(i, event):
                    if isinstance(event, StepLosses):
                        per_epoch = race.trainers[i].steps_per_epoch()
                        first = event.first_step - (event.epoch - 1) * per_epoch
                        x = event.epoch - 1 + (first + np.arange(len(event.losses))) / per_epoch
                        self._report("raceSteps", i, x, event.losses)
                    elif isinstance(event, EpochMetrics):
                        self._report("raceEpoch", i, event)

                finished = race.run(epochs, on_event, self._stop_requested.is_set)
                self._report("raceFinished", "finished" if finished else "stopped", dict(race.out))
            finally:
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
