"""What tfdesk-server frees when a student is gone without saying goodbye.

A client that closes its network destroys its own variables (core/remote.py, release).
A laptop that is killed, loses power or leaves the network cannot, and TensorFlow's
server never collects an abandoned session's resources. So the relay (server.py) reads
the bytes it passes for the names of tfdesk's containers (`tfdesk-` and 16 hex digits):
every call a client makes names its container (RemoteSession runs a no-op of that name
beside each fetch), and its graph names it too. When the last connection that named a
container has been closed for `grace_s` and no connection has named it since, the
container is emptied with TensorFlow's own WorkerService.CleanupAll call, the one its
master uses on Reset. Nothing is added to TensorFlow's protocol: the server only reads.

A grace period, not at once: gRPC reconnects a client whose connection dropped (a Wi-Fi
blip) with its session intact, and that client names its container again at its next
call, or at its heartbeat if it is idle (RemoteSession calls at least once a minute). One
that does not call within the grace period (its lid closed, say) loses the network on
the server; its next call says so, and the laptop still has the weights of its last
epoch. A call that arrives in the instant the container is being emptied may still be
answered and then find it empty at the next: the same message, one call later.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable

NAME = re.compile(rb"tfdesk-[0-9a-f]{16}")
_LONGEST = len(b"tfdesk-") + 16 - 1  # what a read may end with of a name cut in two


class Containers:
    """Which containers each open connection has named, and the clean-up of those whose
    connections are all gone: cleanup(names) empties them on the server."""

    def __init__(self, cleanup: Callable[[list[str]], None], grace_s: float):
        self._cleanup = cleanup
        self.grace_s = grace_s
        self._lock = threading.Lock()
        self._named: dict[int, set[str]] = {}  # an open connection -> the names it sent
        self._last_named: dict[str, float] = {}  # name -> when a connection last sent it
        self._last_closed: dict[str, float] = {}  # name -> when the last connection naming it closed

    def reader(self, connection: int) -> Callable[[bytes], None]:
        """A function given each chunk one connection's client sends, in order."""
        with self._lock:
            self._named[connection] = set()
        tail = b""

        def read(chunk: bytes) -> None:
            nonlocal tail
            data = tail + chunk
            names = {m.decode() for m in NAME.findall(data)}
            tail = data[-_LONGEST:]
            if names:
                now = time.monotonic()
                with self._lock:
                    self._named.get(connection, set()).update(names)
                    self._last_named.update(dict.fromkeys(names, now))
        return read

    def closed(self, connection: int) -> None:
        """The connection ended: what it named is freed after the grace period, unless
        another connection names it meanwhile."""
        now = time.monotonic()
        with self._lock:
            names = self._named.pop(connection, set())
            self._last_closed.update(dict.fromkeys(names, now))
        if names:
            timer = threading.Timer(self.grace_s, self._forget, (names, now))
            timer.daemon = True
            timer.start()

    def _forget(self, names: set[str], closed_at: float) -> None:
        """The grace period after closed_at is over: empty what nobody named since. A name
        another connection named or closed on later is left to that connection's timer."""
        with self._lock:
            still_named = set().union(*self._named.values())
            gone = sorted(n for n in names if n not in still_named
                          and self._last_named.get(n, 0.0) <= closed_at
                          and self._last_closed.get(n, 0.0) <= closed_at)
            for name in gone:
                self._last_named.pop(name, None)
                self._last_closed.pop(name, None)
        if gone:
            self._cleanup(gone)


def cleanup_over_grpc(target: str, timeout_s: float = 10.0) -> Callable[[list[str]], None]:
    """cleanup(names) for Containers: TensorFlow's WorkerService.CleanupAll at target (a
    gRPC address such as unix:/path/relay.sock). Its request is one repeated string field
    (worker.proto: CleanupAllRequest.container = 1), written here so that the relay does
    not load TensorFlow."""
    import grpc

    channel = grpc.insecure_channel(target)
    call = channel.unary_unary("/tensorflow.WorkerService/CleanupAll")

    def cleanup(names: list[str]) -> None:
        request = b"".join(b"\x0a" + bytes([len(n)]) + n.encode() for n in names)
        call(request, timeout=timeout_s)
    return cleanup
