"""A foreign graph in a child process: whatever it does, the window lives on.

The checks in foreign_graph.py refuse what they can foresee. What they cannot, a
crash inside TensorFlow's C++ (a malformed op can abort the process while the
graph is merely built), an allocation storm or a computation that never ends,
must not take the window and the student's unsaved work with it. So the graph is
opened and run by a child process, with a memory limit and a time limit on every
request; the window talks to it over a pipe with the same methods as ForeignGraph.
If the child dies or overruns, it is ended and the window says why.

The child stays up while the graph is in use, so a drawing's answer costs one
round trip on the pipe.
"""

from __future__ import annotations

import multiprocessing
import pickle
import signal
import threading

from .errors import CheckpointError, TfdeskError
from .i18n import QT_TRANSLATE_NOOP, Words

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
                raise self._death()
            try:
                if method is not None:
                    self._conn.send((method, args))
                if not self._conn.poll(timeout):
                    self.close()
                    raise CheckpointError(
                        QT_TRANSLATE_NOOP("core", "{path}: the graph took more than {timeout:g} s and "
                                                  "was stopped. Open it again to retry."),
                        path=self.path, timeout=timeout)
                ok, value = self._conn.recv()
            except (EOFError, OSError):
                self._process.join(5)
                raise self._death() from None
        if not ok:
            template, fields = value  # the child's error, still to be translated
            raise CheckpointError(template, **fields)
        return value

    def _death(self) -> CheckpointError:
        code = self._process.exitcode
        if code is not None and code < 0:
            try:
                how = Words(QT_TRANSLATE_NOOP("core", "signal {signal}"), signal=signal.Signals(-code).name)
            except ValueError:
                how = Words(QT_TRANSLATE_NOOP("core", "signal {signal}"), signal=-code)
        else:
            how = Words(QT_TRANSLATE_NOOP("core", "exit code {code}"), code=code)
        return CheckpointError(QT_TRANSLATE_NOOP(
            "core", "{path}: TensorFlow stopped while working on this graph ({how}); the file is "
                    "damaged or made to do harm. It ran in a separate process: nothing else was "
                    "affected. Open another graph, or Start to train your own network."),
            path=self.path, how=how)

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
        conn.send((False, _sendable(e)))
        return
    except Exception as e:  # a bug or a TensorFlow error no check foresaw
        conn.send((False, (QT_TRANSLATE_NOOP("core", "{path}: cannot open this graph ({kind}: {reason})"),
                           {"path": path, "kind": type(e).__name__, "reason": str(e)})))
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
                raise TfdeskError(QT_TRANSLATE_NOOP("core", "unknown request {method!r}"), method=method)
            conn.send((True, getattr(graph, method)(*args)))
        except TfdeskError as e:
            conn.send((False, _sendable(e)))
        except Exception as e:
            conn.send((False, (QT_TRANSLATE_NOOP("core", "The graph could not answer ({kind}: {reason})"),
                               {"kind": type(e).__name__, "reason": str(e)})))


def _sendable(e: TfdeskError) -> tuple[str, dict]:
    """An error's template and fields, for the window to raise and translate; a field
    that cannot cross the pipe goes as its English."""
    fields = {}
    for name, value in e.fields.items():
        try:
            pickle.dumps(value)
        except Exception:  # noqa: BLE001 (anything unpicklable)
            value = str(value)
        fields[name] = value
    return e.template, fields


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
