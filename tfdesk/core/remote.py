"""Training on a lab's TensorFlow server (tfdesk-server) through TensorFlow's own
distributed runtime: the graph is built here, placed on the server's worker, and run
with a tf.compat.v1.Session("grpc://host:port"). Everything else stays on the laptop.

Each client's variables live in a resource container of its own (`tfdesk-<random>`),
so thirty students building the same course network never share a weight; closing
the trainer destroys them on the server, and every call names the container, so that
tfdesk-server can empty it once the laptop is gone for good (server_containers.py).
Every call has a time limit, and a server that stops answering becomes a TrainingError
naming it. Checkpoints are written here, never on the server (checkpoint.py saves
through a local twin of the network).
"""

from __future__ import annotations

import contextlib
import re
import secrets
import threading
import time
from dataclasses import dataclass, field

import tensorflow as tf

from .errors import TrainingError
from .i18n import QT_TRANSLATE_NOOP

v1 = tf.compat.v1

WORKER = "/job:worker/task:0"
CONNECT_TIMEOUT_S = 10  # to reach the server and list its devices
# Any one call: a chunk is about 30 ms. TensorFlow's client waits for a server that has
# gone away until the call's time is up, so this is also how long a student waits to
# hear of it. A call that sends data gets longer, by its size (RemoteSession).
CALL_TIMEOUT_S = 10
SLOWEST_NETWORK = 1_000_000  # bytes a second (8 Mbit/s) the data sent is given time for
# The errors of a server that cannot be reached, stopped, or took too long.
FAULTS = (tf.errors.UnavailableError, tf.errors.DeadlineExceededError, tf.errors.AbortedError,
          tf.errors.CancelledError)
# An idle session still calls this often (RemoteSession._beat): tfdesk-server takes a
# client whose connections all closed, and that named its container on none since, for
# gone after --forget-after seconds (300 by default, server_containers.py). gRPC closes
# a connection idle for 30 minutes, and a Wi-Fi drop closes it at any time.
HEARTBEAT_S = 60.0


@dataclass
class Remote:
    address: str  # grpc://host:port
    container: str  # this client's own: its variables and nothing else
    device: str  # where the graph goes: the worker's first GPU, else its CPU
    devices: list = field(default_factory=list)  # (name, type, bytes) of the server's devices
    last_fault: TrainingError | None = None  # what the student was told when a call failed

    @property
    def lost(self) -> bool:
        """A call failed: this network is gone from the server."""
        return self.last_fault is not None

    def config(self, config: v1.ConfigProto) -> v1.ConfigProto:
        """A local session's settings (session_config.py) for the server: the time limit of
        every call, and none of this computer's thread pools (the server has its own)."""
        config.operation_timeout_in_ms = CALL_TIMEOUT_S * 1000
        config.ClearField("session_inter_op_thread_pool")
        config.use_per_session_threads = False
        return config

    def fault(self, error: tf.errors.OpError) -> TrainingError:
        """What the student reads when the server failed a call."""
        reason = (error.message or type(error).__name__).strip().splitlines()[0]
        self.last_fault = TrainingError(
            QT_TRANSLATE_NOOP("core", "The server at {address} stopped answering ({reason}). The "
                                      "weights of the last finished epoch are kept on this "
                                      "computer: save them, and press Start again once the server "
                                      "is back."),
            address=self.address, reason=reason)
        return self.last_fault

    def emptied(self) -> TrainingError:
        """What the student reads when the server has freed this network: it took this
        laptop for gone (server_containers.py)."""
        self.last_fault = TrainingError(
            QT_TRANSLATE_NOOP("core", "The server at {address} no longer holds this network: it "
                                      "freed it after this computer's connection was lost for a "
                                      "while. The weights of the last finished epoch are kept on "
                                      "this computer; press Start to go on from them."),
            address=self.address)
        return self.last_fault


def server_address(text: str) -> str:
    """grpc://host:port from what a student types (host:port, with or without grpc://)."""
    text = text.strip()
    match = re.fullmatch(r"(?:grpc://)?([A-Za-z0-9.\-]+|\[[0-9A-Fa-f:]+\]):([0-9]{1,5})", text)
    if not match or not 0 < int(match.group(2)) < 65536:
        raise TrainingError(
            QT_TRANSLATE_NOOP("core", "{address!r} is not a server address; type it as "
                                      "grpc://host:port, for example grpc://127.0.0.1:2222"),
            address=text)
    return f"grpc://{match.group(1)}:{int(match.group(2))}"


def connect(text: str, timeout_s: float = CONNECT_TIMEOUT_S) -> Remote:
    """Reach the server and list its devices; TrainingError when it does not answer."""
    address = server_address(text)
    config = v1.ConfigProto(operation_timeout_in_ms=int(timeout_s * 1000))
    try:
        with v1.Session(address, graph=tf.Graph(), config=config) as session:
            found = session.list_devices()
    except tf.errors.OpError as e:
        reason = (e.message or type(e).__name__).strip().splitlines()[0]
        raise TrainingError(
            QT_TRANSLATE_NOOP("core", "No TensorFlow server answers at {address} ({reason}). Is "
                                      "tfdesk-server running there, and the address and port "
                                      "right?"),
            address=address, reason=reason) from None
    devices = [(d.name, d.device_type, d.memory_limit_bytes) for d in found
               if d.name.startswith("/job:worker/replica:0/task:0/")]
    gpus = [name for name, kind, _ in devices if kind == "GPU"]
    device = f"{WORKER}/device:GPU:0" if gpus else f"{WORKER}/device:CPU:0"
    return Remote(address, f"tfdesk-{secrets.token_hex(8)}", device, devices)


class RemoteSession:
    """A session on the server. Every run is limited in time by what it sends; a server
    that fails it becomes the student's words (Remote.fault); and while the server is
    known to be gone, a run is refused at once, where it would wait out its time limit
    (a drawing, the weights view)."""

    def __init__(self, remote: Remote, graph: tf.Graph, config: v1.ConfigProto):
        self.remote = remote
        self.session = v1.Session(remote.address, graph=graph, config=remote.config(config))
        self.graph = graph
        # Run with every call, so that each call names this client's container to
        # tfdesk-server, on whichever connection gRPC sends it (server_containers.py).
        try:
            self._named = graph.get_operation_by_name(remote.container)
        except KeyError:
            with graph.as_default(), tf.device(remote.device):
                self._named = tf.no_op(name=remote.container)
        self._last_call = time.monotonic()
        self._closed = threading.Event()
        threading.Thread(target=self._beat, name="tfdesk-heartbeat", daemon=True).start()

    def _beat(self) -> None:
        """While the student reads or draws nothing, name the container once a HEARTBEAT_S,
        so that the server does not take this laptop for gone (and gRPC reconnects it)."""
        while not self._closed.wait(HEARTBEAT_S / 4):
            if time.monotonic() - self._last_call < HEARTBEAT_S or self.remote.lost:
                continue
            self._last_call = time.monotonic()
            # A server that is down is said by the next real call, not by this one.
            with contextlib.suppress(tf.errors.OpError, RuntimeError):
                self.session.run(self._named, options=v1.RunOptions(timeout_in_ms=CALL_TIMEOUT_S * 1000))

    def run(self, fetches, feed_dict=None, options=None, run_metadata=None):
        if self.remote.lost:
            raise self.remote.last_fault
        self._last_call = time.monotonic()
        sent = sum(getattr(value, "nbytes", 0) for value in (feed_dict or {}).values())
        if options is None and sent > SLOWEST_NETWORK:
            options = v1.RunOptions(timeout_in_ms=int((CALL_TIMEOUT_S + sent / SLOWEST_NETWORK) * 1000))
        try:
            return self.session.run([fetches, self._named], feed_dict, options, run_metadata)[0]
        except FAULTS as e:
            raise self.remote.fault(e) from None
        except (tf.errors.FailedPreconditionError, tf.errors.NotFoundError) as e:
            if self.remote.container not in (e.message or ""):
                raise
            raise self.remote.emptied() from None

    def close(self) -> None:
        self._closed.set()
        with contextlib.suppress(tf.errors.OpError):  # a server gone took it along
            self.session.close()


def release_op(graph: tf.Graph, variables: list) -> tf.Operation:
    """An op that destroys these variables on the server (its container's contents), so
    the server does not grow with every student who came and went."""
    with graph.as_default(), tf.name_scope("release"):
        return tf.group(*[tf.raw_ops.DestroyResourceOp(resource=v.handle, ignore_lookup_error=True)
                          for v in variables])


def release(session: RemoteSession, op: tf.Operation) -> None:
    """Run release_op's op and close the session; a server already gone took everything along."""
    with contextlib.suppress(TrainingError):
        session.run(op)
    session.close()
