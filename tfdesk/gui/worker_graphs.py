"""The worker's requests about a graph opened from a `.meta` file (the course's 載入 graph).

A mixin of TrainingWorker (worker.py). The graph runs in a child process
(core/graph_process.py) because the file may be hostile; while it is open it
answers the drawings instead of the experiment's network.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.errors import TfdeskError
from ..core.i18n import QT_TRANSLATE_NOOP


@dataclass
class GraphFacts:
    """What the window needs to let the user pick a foreign graph's input and output."""
    prefix: str
    input_name: str | None  # found by the course's names, else None
    output_name: str | None
    inputs: list  # TensorInfo candidates
    outputs: list


class GraphRequests:
    graph_model = None  # the opened graph, answering the drawings instead of the network
    _graph_features = 0  # how many inputs it takes

    def request_open_graph(self, path: str) -> None:
        self._requests.put((self.open_graph, (path,)))

    def request_graph_tensors(self, input_name: str, output_name: str) -> None:
        self._requests.put((self.use_graph_tensors, (input_name, output_name)))

    def open_graph(self, path: str) -> None:
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
