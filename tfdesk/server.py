"""tfdesk-server: a TensorFlow server a class trains on (tfdesk-train --server, core/remote.py).

    tfdesk-server [--port 2222] [--gpus 0,1] [--threads N] [--forget-after 300] [--listen ADDRESS]

TensorFlow's gRPC server has no authentication and runs any op a client sends, and it
listens on every network interface whatever address it is given (grpc_server_lib.cc
binds 0.0.0.0). So by default tfdesk-server runs it in a private network namespace of
its own (an unprivileged Linux user namespace), where nothing outside can reach it, and
relays only 127.0.0.1:PORT to it: students reach it through SSH port forwarding.
`--listen ADDRESS` runs it directly instead, reachable on every interface, with a
warning. The relay passes bytes and sees connections come and go; it prints a line for
each, so the instructor sees students arrive and leave, and it empties what a laptop
that never said goodbye left on the server (server_containers.py).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from .server_containers import Containers, cleanup_over_grpc

EXIT_BAD_INPUT = 2
READY = "tfdesk-server inner ready"
# Long enough for a laptop whose Wi-Fi dropped to come back (server_containers.py).
FORGET_AFTER_S = 300.0
MAX_FORGET_AFTER_S = 7 * 24 * 3600.0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="tfdesk-server", description=__doc__.splitlines()[0])
    p.add_argument("--port", type=int, default=2222, help="the port students connect to (default 2222)")
    p.add_argument("--gpus", help="the GPUs to offer, e.g. 0,1 (default: all; 'none' for the CPU only)")
    p.add_argument("--threads", type=int, default=0,
                   help="threads that run the students' steps side by side (default: one per core)")
    p.add_argument("--listen", metavar="ADDRESS",
                   help="run TensorFlow's server directly, reachable from the network (see the warning)")
    p.add_argument("--forget-after", type=float, default=FORGET_AFTER_S, metavar="SECONDS",
                   help="free the network of a student whose connection ended this long ago and "
                        f"who has not come back (default {FORGET_AFTER_S:g}; not with --listen)")
    p.add_argument("--inner", metavar="SOCKET", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if not 0 < args.port < 65536:
        p.error(f"--port: {args.port} is not a port number (1-65535)")
    if args.gpus is not None:  # before TensorFlow is imported
        os.environ["CUDA_VISIBLE_DEVICES"] = "" if args.gpus == "none" else args.gpus
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    if args.threads < 0:
        p.error(f"--threads: {args.threads} is not a number of threads (0 for one per core)")
    if not 0 <= args.forget_after <= MAX_FORGET_AFTER_S:
        p.error(f"--forget-after: {args.forget_after:g} is not a number of seconds from 0 to "
                f"{MAX_FORGET_AFTER_S:g} (a week)")
    if args.inner:
        return _inner(args.inner, args.port, args.threads)
    if args.listen:
        return _direct(args.listen, args.port, args.threads)
    return _private(args.port, args.gpus, args.threads, args.forget_after)


def _say(text: str) -> None:
    print(text, flush=True)


def _start_tensorflow(host: str, port: int, threads: int):
    from .core.tf_start import start_tensorflow

    tf = start_tensorflow()  # without its start-up chatter (--verbose is the CLI's)

    config = tf.compat.v1.ConfigProto()
    config.gpu_options.allow_growth = True  # many students share one GPU
    # One thread an op: a class's small networks train side by side, each step on a core,
    # and a small network's step is over twice as fast on one thread as split across all
    # (core/session_config.py; bench/remote.py).
    config.intra_op_parallelism_threads = 1
    # Students' steps run side by side on this many threads (0: one per core).
    config.inter_op_parallelism_threads = threads
    cluster = tf.train.ClusterSpec({"worker": [f"{host}:{port}"]})
    server = tf.distribute.Server(cluster, job_name="worker", task_index=0, protocol="grpc",
                                  config=config, start=True)
    gpus = tf.config.list_physical_devices("GPU")
    return server, ", ".join(g.name for g in gpus) or "none (the CPU trains)"


def _direct(address: str, port: int, threads: int) -> int:
    _say(f"WARNING: TensorFlow's server has no password and runs any operation a client sends "
         f"(reading and writing files as {os.environ.get('USER', 'this user')}). It listens on "
         f"port {port} of EVERY network interface of this machine, not only {address}. Run it only "
         f"on a trusted lab network, behind a firewall, under an account with nothing to lose.")
    wildcard = address in ("0.0.0.0", "::", "[::]")
    # The cluster names how the server reaches itself; students need a name they can reach.
    server, gpus = _start_tensorflow("localhost" if wildcard else address, port, threads)
    _say(f"tfdesk-server: GPUs offered: {gpus}")
    _say(f"Students type: grpc://{socket.gethostname() if wildcard else address}:{port}")
    server.join()
    return 0


def _private(port: int, gpus: str | None, threads: int, forget_after_s: float) -> int:
    if shutil.which("unshare") is None:
        return _cannot("the unshare command (util-linux) is not installed")
    try:  # first: a port in use is said before TensorFlow takes seconds to start
        listener = socket.create_server(("127.0.0.1", port))
    except OSError as e:
        print(f"tfdesk-server: cannot listen on 127.0.0.1:{port} ({e.strerror}); choose another "
              f"--port", file=sys.stderr)
        return EXIT_BAD_INPUT
    folder = Path(tempfile.mkdtemp(prefix="tfdesk-server-"))
    path = folder / "relay.sock"
    command = ["unshare", "--user", "--map-root-user", "--net", sys.executable, "-m", "tfdesk.server",
               "--inner", str(path), "--port", str(port), "--threads", str(threads)]
    command += ["--gpus", gpus] if gpus else []
    inner = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)

    def stop(*_):  # Ctrl+C, SIGTERM, or TensorFlow's side ended
        inner.terminate()
        try:
            code = inner.wait(10)
        except subprocess.TimeoutExpired:  # never wait on it for good: SIGKILL
            inner.kill()
            code = inner.wait()
        shutil.rmtree(folder, ignore_errors=True)
        if code not in (0, -signal.SIGTERM):
            print(f"tfdesk-server: TensorFlow's server ended (exit code {code})", file=sys.stderr, flush=True)
        os._exit(0 if code in (0, -signal.SIGTERM) else 1)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for line in inner.stdout:  # until it is ready, or has said why not and ended
        if line.strip() == READY:
            break
        print(line, end="", flush=True)
    else:
        inner.wait()
        shutil.rmtree(folder, ignore_errors=True)
        return _cannot("TensorFlow's server did not start in a private network namespace "
                       "(are unprivileged user namespaces allowed here?)")
    threading.Thread(target=shutil.copyfileobj, args=(inner.stdout, sys.stdout), daemon=True).start()
    threading.Thread(target=lambda: (inner.wait(), stop()), daemon=True).start()
    _say(f"Students type: grpc://127.0.0.1:{port} on this machine; from a laptop, forward the "
         f"port first: ssh -N -L {port}:127.0.0.1:{port} USER@THIS-SERVER")
    containers = Containers(_cleanup(f"unix:{path}", forget_after_s), forget_after_s)
    _relay(listener, lambda: _unix(path), containers)
    return 0


def _cleanup(target: str, forget_after_s: float):
    """Containers' cleanup, with a line on the console either way."""
    call = cleanup_over_grpc(target)

    def cleanup(names: list[str]) -> None:
        try:
            call(names)
        except Exception as e:  # grpc.RpcError: TensorFlow's side is stopping or gone
            reason = e.details() if hasattr(e, "details") else e
            _say(f"tfdesk-server: could not empty {', '.join(names)} ({reason})")
        else:
            # A client that closed cleanly had emptied it itself; nobody can tell which.
            _say(f"tfdesk-server: emptied {', '.join(names)} of whatever was left, "
                 f"{forget_after_s:g} s after the client that used it left")
    return cleanup


def _cannot(why: str) -> int:
    print(f"tfdesk-server: cannot keep TensorFlow's server private: {why}. TensorFlow's server "
          f"listens on every network interface; to run it so anyway, on a trusted network only, "
          f"give --listen ADDRESS.", file=sys.stderr)
    return EXIT_BAD_INPUT


def _inner(path: str, port: int, threads: int) -> int:
    """Inside the namespace: loopback up, TensorFlow on it, the socket file relayed to it."""
    _end_with_parent()
    _loopback_up()
    server, gpus = _start_tensorflow("127.0.0.1", port, threads)
    _say(f"tfdesk-server: GPUs offered: {gpus}")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen()
    threading.Thread(target=_relay, args=(listener, lambda: _no_delay(socket.create_connection(
        ("127.0.0.1", port)))), daemon=True).start()
    _say(READY)
    server.join()
    return 0


def _end_with_parent() -> None:
    """SIGTERM when the relaying process ends, however it ends (prctl PR_SET_PDEATHSIG)."""
    import ctypes

    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)
    if os.getppid() == 1:  # it ended before this was set
        sys.exit(0)


def _loopback_up() -> None:
    """`ip link set lo up`, without needing the ip command (SIOCSIFFLAGS)."""
    get_flags, set_flags, up = 0x8913, 0x8914, 0x1
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        request = struct.pack("16sH", b"lo", 0)
        flags = struct.unpack("16sH", fcntl.ioctl(s, get_flags, request)[:18])[1]
        fcntl.ioctl(s, set_flags, struct.pack("16sH", b"lo", flags | up))


def _no_delay(s: socket.socket) -> socket.socket:
    """Pass small messages on at once, as gRPC itself does: a session.run's request and
    answer are small, and waiting to fill a packet cost milliseconds each way."""
    if s.family in (socket.AF_INET, socket.AF_INET6):
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def _unix(path: Path) -> socket.socket:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(str(path))
    return s


def _relay(listener: socket.socket, connect, containers: Containers | None = None) -> None:
    """Every connection to the listener, passed byte for byte to a new connect(). With
    containers: the students' side, announced, its connections watched for containers
    to free (server_containers.py)."""
    # The students' side wakes every second: a signal that another thread took (gRPC's
    # threads run in this process) is then handled within a second, not at the next
    # connection. .ci/run once saw SIGTERM left unanswered for 30 s.
    if containers is not None:
        listener.settimeout(1.0)
    while True:
        try:
            client, peer = listener.accept()
        except TimeoutError:
            continue
        _no_delay(client)
        where = f"{peer[0]}:{peer[1]}" if isinstance(peer, tuple) else "a client"
        try:
            upstream = connect()
        except OSError as e:
            client.close()
            _say(f"tfdesk-server: could not pass on {where} ({e})")
            continue
        if containers is not None:
            _keep_alive(client)
            _say(f"client {where} connected")
        threading.Thread(target=_pipe, args=(client, upstream, where, containers), daemon=True).start()


def _keep_alive(s: socket.socket) -> None:
    """A laptop gone from the network without closing is taken for gone after about two
    minutes of silence (TCP keep-alive), so what it left is freed (server_containers.py)."""
    s.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    for option, value in (("TCP_KEEPIDLE", 60), ("TCP_KEEPINTVL", 10), ("TCP_KEEPCNT", 6)):
        if hasattr(socket, option):
            s.setsockopt(socket.IPPROTO_TCP, getattr(socket, option), value)


def _pipe(a: socket.socket, b: socket.socket, where: str, containers: Containers | None) -> None:
    """Both ways until either side ends; then both end, so neither waits on a dead peer."""
    read = containers.reader(id(a)) if containers is not None else None

    def copy(source, target, read=None):
        try:
            while data := source.recv(65536):
                if read is not None:
                    read(data)
                target.sendall(data)
        except OSError:
            pass
        for s in (a, b):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
    back = threading.Thread(target=copy, args=(b, a), daemon=True)
    back.start()
    copy(a, b, read)
    back.join()
    if containers is not None:
        containers.closed(id(a))
        _say(f"client {where} left")
    for s in (a, b):
        s.close()


if __name__ == "__main__":
    sys.exit(main())
