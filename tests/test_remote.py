"""Training on a real tfdesk-server (python -m tfdesk.server) started here on a free port
of 127.0.0.1: the same weights as on this computer, students kept apart, a server that
dies mid-run, and a server that does not grow with the clients who came and went."""

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from tfdesk.core.callbacks import Callback
from tfdesk.core.checkpoint import save_checkpoint
from tfdesk.core.errors import TrainingError
from tfdesk.core.session import TrainingSession
from tfdesk.core.trainer import Trainer

from helpers import tiny_digits


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    started: list = []  # every one, so a test that fails part-way leaves none running

    def __init__(self, port=None, *options):
        Server.started.append(self)
        self.port = port or free_port()
        self.address = f"grpc://127.0.0.1:{self.port}"
        self.process = subprocess.Popen([sys.executable, "-m", "tfdesk.server", "--port", str(self.port),
                                         *options],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.lines = []
        for line in self.process.stdout:
            self.lines.append(line)
            if line.startswith("Students type:"):
                break
        else:
            raise AssertionError(f"tfdesk-server did not start: {''.join(self.lines)}")
        # What it says as clients come and go, read as it comes.
        threading.Thread(target=self._read_on, daemon=True).start()

    def _read_on(self):
        for line in self.process.stdout:
            self.lines.append(line)

    def wait_for(self, words: str, after: int = 0, timeout_s: float = 30) -> int:
        """The number of the first line from `after` on that says `words`, once said."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            for i, line in enumerate(self.lines[after:], after):
                if words in line:
                    return i
            time.sleep(0.05)
        raise AssertionError(f"tfdesk-server did not say {words!r}: {''.join(self.lines)}")

    def tensorflow_pid(self) -> int:
        """The process that runs TensorFlow, inside the private namespace."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return int(children[0])

    def rss_mb(self) -> float:
        status = Path(f"/proc/{self.tensorflow_pid()}/status").read_text()
        return int(next(l for l in status.splitlines() if l.startswith("VmRSS")).split()[1]) / 1024

    def kill(self):
        self.process.kill()
        self.process.wait()

    def stop(self):
        self.process.terminate()
        self.process.wait(30)


@pytest.fixture(autouse=True)
def _no_server_left_running():
    yield
    while Server.started:
        left = Server.started.pop()
        if left.process.poll() is None:
            left.stop()


@pytest.fixture(scope="module")
def server():
    running = Server()
    Server.started.remove(running)  # the module's: stopped after its last test, below
    yield running
    running.stop()


def _weights(trainer):
    return trainer.variable_values()


def test_the_server_listens_only_on_127_0_0_1_and_says_what_students_type(server):
    assert f"Students type: grpc://127.0.0.1:{server.port}" in "".join(server.lines)
    assert f"ssh -N -L {server.port}:127.0.0.1:{server.port}" in "".join(server.lines)
    # What listens on the port, as the kernel says (/proc/net/tcp: address:port in hex, 0A = LISTEN).
    ours = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port = local.split(":")
            if state == "0A" and int(port, 16) == server.port:
                ours.append(address)
    assert ours == ["0100007F"], ours  # 127.0.0.1 only: TensorFlow itself is not reachable here


def test_the_course_network_trains_remotely_to_the_local_weights_and_saves_here(server, tmp_path):
    exp = tiny_digits(epochs=2)
    remote = Trainer(exp, server=f"127.0.0.1:{server.port}")
    assert remote.remote.address == server.address
    assert remote.remote.device.endswith("device:CPU:0")  # this machine has no GPU
    assert remote.train().status == "finished"
    local = Trainer(exp, xla="off")
    local.train()
    for name, value in _weights(local).items():
        np.testing.assert_allclose(_weights(remote)[name], value, rtol=1e-6, atol=1e-7, err_msg=name)
    save_checkpoint(remote, tmp_path / "saved")  # written here, through a local twin
    restored = TrainingSession()
    restored.restore(tmp_path / "saved", exp)
    x = local.data.x_test[:8]
    np.testing.assert_allclose(restored.trainer.predict(x), remote.predict(x), rtol=1e-5, atol=1e-6)
    assert restored.trainer.epoch == 2
    for trainer in (remote, local):
        trainer.close()
    restored.close()


def test_two_students_at_once_with_the_same_names_keep_their_own_weights(server):
    first, second = tiny_digits(epochs=3, seed=0), tiny_digits(epochs=3, seed=1)
    trained, failures = {}, []

    def student(exp):  # each on a thread of its own, both on the server at the same time
        try:
            trainer = Trainer(exp, server=server.address)
            trainer.train()
            trained[exp.training.seed] = (trainer.remote.container, _weights(trainer))
            trainer.close()
        except Exception as e:  # pragma: no cover - reported below
            failures.append(e)
    threads = [threading.Thread(target=student, args=(exp,)) for exp in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not failures, failures
    assert trained[0][0] != trained[1][0]  # two containers
    assert set(trained[0][1]) == set(trained[1][1])  # the very same variable names
    for exp in (first, second):
        local = Trainer(exp, xla="off")
        local.train()
        for name, value in _weights(local).items():
            np.testing.assert_allclose(trained[exp.training.seed][1][name], value, rtol=1e-6, atol=1e-7)
        local.close()
    assert not np.allclose(trained[0][1]["hidden_layer/weight1"], trained[1][1]["hidden_layer/weight1"])


class _KillAt(Callback):
    def __init__(self, server, epoch):
        self.server, self.epoch = server, epoch

    def on_epoch_end(self, session, metrics):
        if metrics.epoch == self.epoch:
            self.server.kill()


def test_a_server_killed_mid_run_is_said_the_weights_are_kept_and_start_works_again(tmp_path):
    dying = Server()
    session = TrainingSession([_KillAt(dying, 2)], server=dying.address)
    exp = tiny_digits(epochs=50)
    session.prepare(exp)
    started = time.perf_counter()
    result = session.train()
    assert time.perf_counter() - started < 60  # said, not hung
    assert result.status == "failed"
    assert f"The server at {dying.address} stopped answering" in result.reason
    assert "weights of the last finished epoch are kept on this computer" in result.reason
    kept = session.trainer.kept
    assert kept is not None and kept.epoch == 2
    session.save(tmp_path / "kept")  # saving works with the server gone
    assert (tmp_path / "kept" / "checkpoint_weight.ckpt.index").exists()
    with pytest.raises(TrainingError, match="No TensorFlow server answers"):
        session.prepare(exp)  # Start while it is still down: said at once
    back = Server(dying.port)  # the server is back on the same port
    assert session.prepare(exp)  # a new network there, from the weights kept here
    np.testing.assert_allclose(session.trainer.variable_values()["hidden_layer/weight1"],
                               kept.values["hidden_layer/weight1"])
    assert session.trainer.epoch == 2
    assert session.train(1).status == "finished"
    session.close()
    back.stop()


def test_the_server_does_not_grow_with_clients_who_came_and_left(server):
    """The issue's 20 clients and more: their variables are gone from the server when they
    leave, and its memory does not grow by what they held."""
    left = []

    def one_client():
        trainer = Trainer(tiny_digits(epochs=1), server=server.address)
        trainer.train()
        left.append(_variables(trainer))
        trainer.close()

    def settled_rss():  # the server frees a closed session's graph on its own threads
        time.sleep(3)
        return server.rss_mb()

    for _ in range(10):  # the server's own first allocations: about 6 MB over 10 clients
        one_client()
    before = settled_rss()
    for _ in range(30):
        one_client()
    after = settled_rss()
    # Each client sent its network and 1,437 training digits: with their variables left on
    # the server it grew 0.4 MB a client, 12 MB for 30; released, 1-3 MB for 30 alone, but
    # up to 14 MB inside the whole suite for reasons outside tfdesk's variables (the check
    # below passed there). So the size is a coarse bound, and the check by name is the test.
    assert after - before < 30, (before, after)

    # Asked by name in their containers, none of the clients' weights is still there.
    assert not any(_still_there(server, [v for variables in left for v in variables]))


def _variables(trainer) -> list[tuple]:
    return [(trainer.remote.container, v.op.name, v.dtype.base_dtype.name, v.shape.as_list())
            for v in trainer.handles.model_variables]


def _still_there(server, variables) -> list[bool]:
    """Whether each variable (container, name, dtype, shape) is on the server, asked by name."""
    import tensorflow as tf

    probe = tf.Graph()
    with probe.as_default(), tf.device("/job:worker/task:0/device:CPU:0"):
        there = [tf.raw_ops.VarIsInitializedOp(resource=tf.raw_ops.VarHandleOp(
            container=container, shared_name=name, dtype=dtype, shape=shape))
            for container, name, dtype, shape in variables]
    with tf.compat.v1.Session(server.address, graph=probe) as session:
        return list(session.run(there))


_LAPTOP = """
import json, sys
sys.path.insert(0, "tests")
from helpers import tiny_digits
from tfdesk.core.trainer import Trainer
from tfdesk.core.events import EpochMetrics
from test_remote import _variables

def report(event):
    if isinstance(event, EpochMetrics):
        print(json.dumps(_variables(trainer)), flush=True)

trainer = Trainer(tiny_digits(epochs=1000), server=sys.argv[1])
trainer.train(callback=report)
"""


def test_a_laptop_killed_mid_run_has_its_network_emptied_after_the_grace_period():
    server = Server(None, "--forget-after", "3")
    laptop = subprocess.Popen([sys.executable, "-c", _LAPTOP, server.address], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    variables = [tuple(v) for v in json.loads(laptop.stdout.readline())]  # its first epoch
    laptop.kill()  # mid-run: no goodbye, its variables are on the server
    laptop.wait()
    left = server.wait_for("left", after=server.wait_for("connected"))
    assert all(_still_there(server, variables))  # kept through the grace period
    server.wait_for(f"emptied {variables[0][0]}", after=left, timeout_s=30)
    assert not any(_still_there(server, variables))


_AWAY = """
import sys
sys.path.insert(0, "tests")
from helpers import tiny_digits
from tfdesk.core import remote
from tfdesk.core.errors import TrainingError
from tfdesk.core.trainer import Trainer

remote.HEARTBEAT_S = float(sys.argv[2])
trainer = Trainer(tiny_digits(epochs=1), server=sys.argv[1])
trainer.train()
print("container", trainer.remote.container, flush=True)
input()  # the test's go-ahead
try:
    trainer.train(1)
    print("epoch", trainer.epoch, flush=True)
except TrainingError as e:
    print("told", e, flush=True)
"""


class _Laptop:
    """A student's process that trains an epoch on the server, then waits for the test.
    gRPC there closes a connection idle for a second (30 minutes unless told), as a Wi-Fi
    drop would; TensorFlow reads that once a process, hence a process of its own."""

    def __init__(self, server, heartbeat_s):
        self.server, self.first_line = server, len(server.lines)
        env = dict(os.environ, TF_GRPC_DEFAULT_OPTIONS="grpc.client_idle_timeout_ms=1000")
        self.process = subprocess.Popen([sys.executable, "-c", _AWAY, server.address, str(heartbeat_s)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True, env=env)
        self.container = self.process.stdout.readline().split()[1]

    def dropped(self) -> int:
        """Wait until its training connection has closed (after connect()'s own)."""
        first = self.server.wait_for("left", after=self.first_line)
        return self.server.wait_for("left", after=first + 1)

    def train(self) -> str:
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        return self.process.stdout.readline()

    def close(self):
        self.process.kill()
        self.process.wait()


def test_an_idle_laptop_keeps_its_network_and_one_away_too_long_is_told():
    server = Server(None, "--forget-after", "3")
    idle = _Laptop(server, heartbeat_s=1)  # its heartbeat names the container while it idles
    try:
        time.sleep(8)  # past the grace period, its connection dropped (gRPC reconnects it)
        assert idle.train() == "epoch 2\n"  # the same network, trained on
        assert not any(f"emptied {idle.container}" in line for line in server.lines)
    finally:
        idle.close()  # killed: emptied in 3 s, like the next one
    away = _Laptop(server, heartbeat_s=1e9)  # no heartbeat: a laptop whose lid is closed
    try:
        server.wait_for(f"emptied {away.container}", after=away.dropped())
        told = away.train()
        assert "no longer holds this network" in told, told
        assert "kept on this computer; press Start to go on from them" in told
    finally:
        away.close()


def test_tfdesk_train_prints_its_test_accuracy_when_it_trains_on_the_server(server, tmp_path, capsys):
    from tfdesk.cli import main

    tiny_digits(epochs=2).save(tmp_path / "exp.json")
    rc = main([str(tmp_path / "exp.json"), "--server", server.address, "--quiet",
               "--save", str(tmp_path / "saved")])
    out, err = capsys.readouterr()
    assert rc == 0, err
    assert f"Training on {server.address}" in err
    assert "test accuracy" in out
    assert (tmp_path / "saved" / "tfdesk.json").exists()


def test_listen_runs_tensorflow_directly_and_says_it_is_open_to_the_network(tmp_path):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "tfdesk.server", "--listen", "127.0.0.1",
                                "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
    try:
        said = []
        for line in process.stdout:
            said.append(line)
            if line.startswith("Students type:"):
                break
        text = "".join(said)
        assert "WARNING" in text and "no password" in text and "EVERY network interface" in text
        trainer = Trainer(tiny_digits(epochs=1), server=f"grpc://127.0.0.1:{port}")
        assert trainer.train().status == "finished"
        trainer.close()
    finally:
        process.kill()
        process.wait()


def test_without_a_private_namespace_the_server_refuses_and_says_how(tmp_path):
    done = subprocess.run([sys.executable, "-m", "tfdesk.server", "--port", str(free_port())],
                          capture_output=True, text=True, timeout=60, env={"PATH": str(tmp_path)})
    assert done.returncode == 2
    assert "cannot keep TensorFlow's server private: the unshare command" in done.stderr
    assert "--listen ADDRESS" in done.stderr


def test_a_port_in_use_is_said_at_once(server):
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "tfdesk.server", "--port", str(server.port)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert f"cannot listen on 127.0.0.1:{server.port}" in done.stderr and "--port" in done.stderr
    assert "Traceback" not in done.stderr
    assert time.perf_counter() - started < 20  # before TensorFlow is started
