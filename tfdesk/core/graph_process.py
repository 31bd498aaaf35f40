"""A foreign graph in a child process: whatever it does, the window lives on.

The checks in foreign_graph.py refuse what they can foresee. What they cannot, a
crash inside TensorFlow's C++ (a malformed op can abort the process while the
graph is merely built), an allocation storm or a computation that never ends,
must not take the window and the student's unsaved work with it. So the graph is
opened and run by a child process, with a memory limit and a time limit on every
request; the window talks to it over a pipe with the same methods as ForeignGraph.
If the child dies or overruns, it is ended and the window says why.

The child stays up while the graph is in use, so a drawing's answer costs one
round trip on the pipe (bench/drawing_latency figures in the README).
"""

from __future__ import annotations

import multiprocessing
import signal
import threading

from .errors import CheckpointError, TfdeskError

MEMORY_LIMIT = 3 * 1024**3  # the child's heap: TensorFlow itself takes about 0.5 GB
OPEN_SECONDS = 120.0  # TensorFlow's import in a fresh process is part of it
REQUEST_SECONDS = 20.0  # predict() stops itself after foreign_graph.PREDICT_SECONDS

_METHODS = ("predict", "predict_probabilities", "use_tensors", "describe", "variable_value",
            "shapes", "input_candidates", "output_candidates", "missing_tensors_message")


class GraphProcess:
    def __init__(self, path, memory_limit: int = MEMORY_LIMIT, open_seconds: float = OPEN_SECONDS):
        self.path = str(path)
        context = multiprocessing.get_context("spawn")  # a fresh interpreter: no inherited threads
        self._conn, child_end = context.Pipe()
        self._process = context.Process(target=serve, args=(child_end, self.path, memory_limit),
                                        name="tfdesk-graph", daemon=True)
        self._lock = threading.Lock()
        self._process.start()
        child_end.close()
        facts = self._call(None, timeout=open_seconds)  # the child says first how opening went
        self.prefix = facts["prefix"]
        self.sidecar = facts["sidecar"]
        self.input_name, self.output_name = facts["input_name"], facts["output_name"]

    def __getattr__(self, name):
        if name in _METHODS:
            return lambda *args: self._call(name, *args)
        raise AttributeError(name)

    def use_tensors(self, input_name: str, output_name: str) -> None:
        self._call("use_tensors", input_name, output_name)
        self.input_name, self.output_name = input_name, output_name

    def _call(self, method: str | None, *args, timeout: float = REQUEST_SECONDS):
        """Send a request (None: only wait for the child's word) and return its answer."""
        with self._lock:
            if method is not None and not self._process.is_alive():
                raise CheckpointError(self._death())
            try:
                if method is not None:
                    self._conn.send((method, args))
                if not self._conn.poll(timeout):
                    self.close()
                    raise CheckpointError(
                        f"{self.path}: the graph took more than {timeout:g} s and was stopped. "
                        "Open it again to retry.")
                ok, value = self._conn.recv()
            except (EOFError, OSError):
                self._process.join(5)
                raise CheckpointError(self._death()) from None
        if not ok:
            raise CheckpointError(value)
        return value

    def _death(self) -> str:
        code = self._process.exitcode
        if code is not None and code < 0:
            try:
                how = f"signal {signal.Signals(-code).name}"
            except ValueError:
                how = f"signal {-code}"
        else:
            how = f"exit code {code}"
        return (f"{self.path}: TensorFlow stopped while working on this graph ({how}); the file "
                "is damaged or made to do harm. It ran in a separate process: nothing else "
                "was affected. Open another graph, or Start to train your own network.")

    def close(self) -> None:
        try:
            self._conn.close()
        except OSError:
            pass
        if self._process.is_alive():
            self._process.kill()
        self._process.join(5)


def serve(conn, path: str, memory_limit: int) -> None:
    """The child: open the graph, then answer requests until the pipe closes."""
    _limit_memory(memory_limit)
    from .tf_start import start_tensorflow

    start_tensorflow()
    from .foreign_graph import ForeignGraph

    try:
        graph = ForeignGraph(path)
    except TfdeskError as e:
        conn.send((False, str(e)))
        return
    except Exception as e:  # a bug or a TensorFlow error no check foresaw
        conn.send((False, f"{path}: cannot open this graph ({type(e).__name__}: {e})"))
        return
    conn.send((True, {"prefix": graph.prefix, "sidecar": graph.sidecar,
                      "input_name": graph.input_name, "output_name": graph.output_name}))
    while True:
        try:
            method, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if method not in _METHODS:
                raise TfdeskError(f"unknown request {method!r}")
            conn.send((True, getattr(graph, method)(*args)))
        except TfdeskError as e:
            conn.send((False, str(e)))
        except Exception as e:
            conn.send((False, f"The graph could not answer ({type(e).__name__}: {e})"))


def _limit_memory(limit: int) -> None:
    """A heap limit: an allocation past it fails (TensorFlow reports it) instead of
    swapping the machine to a standstill. Not on Windows, which has no rlimit."""
    try:
        import resource
    except ImportError:
        return
    try:
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    except (ValueError, OSError):
        pass  # a lower hard limit is already set: it holds
