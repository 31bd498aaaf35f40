"""Training on a tfdesk-server over loopback against training here, side by side.

    python -m bench.remote            # about a minute on a 2-core laptop
    python -m bench.remote --quick    # fewer rounds, for a smoke test

A real `tfdesk-server` is started on a free port of 127.0.0.1, as a lab runs it (the
TensorFlow server in its private network namespace, reached through the relay), on
the same machine, so both sides share its cores. Both train the course network (digits,
64 → 25 → 10, Adam, batch 32) on TensorFlow's while loop: a run of the course's size
(3,120 steps) never compiles with XLA, and a remote one never does. Peers alternate
round by round and are compared by their medians. The drawing's answer (one
session.run of the network on one picture) is timed too. The last line sums up.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time

import numpy as np

from .common import interleaved, machine, median, table

from tfdesk.core.spec import LayerSpec, course_experiment  # noqa: E402
from tfdesk.core.trainer import Trainer  # noqa: E402


def start_server() -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # One thread for the steps, as the local session has for a network this small
    # (core/session_config.py): the two share this machine's cores, and a server's idle
    # threads spinning beside the client cost it a quarter of its speed on 2 cores.
    server = subprocess.Popen([sys.executable, "-m", "tfdesk.server", "--port", str(port), "--threads", "1"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in server.stdout:
        if line.startswith("Students type:"):
            return server, f"grpc://127.0.0.1:{port}"
    raise SystemExit("tfdesk-server did not start")


def course(epochs: int):
    exp = course_experiment()
    exp.model.hidden_layers = [LayerSpec(25, "relu", 0.2)]
    exp.training.epochs = epochs
    return exp


def training(trainer: Trainer, epochs: int):
    steps = epochs * trainer.steps_per_epoch()
    return lambda: trainer.train(epochs).seconds / steps


def answering(trainer: Trainer, calls: int):
    picture = trainer.data.x_test[:1]

    def run():
        started = time.perf_counter()
        for _ in range(calls):
            trainer.predict(picture)
        return (time.perf_counter() - started) / calls
    return run


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="two rounds, to check it runs")
    args = parser.parse_args(argv)
    rounds = 2 if args.quick else 7
    print(machine())
    server, address = start_server()
    try:
        epochs = 20
        here = Trainer(course(epochs), xla="off")
        there = Trainer(course(epochs), server=address)
        runners = {"local": training(here, epochs), "remote": training(there, epochs),
                   "local_drawing": answering(here, 200), "remote_drawing": answering(there, 200)}
        for run in runners.values():
            run()  # warm up
        samples = interleaved(runners, rounds)
        per = {name: median(values) for name, values in samples.items()}
        rows = [("", "median µs", "steps/s")]
        for name in ("local", "remote"):
            rows.append((name, f"{per[name] * 1e6:,.0f} a step", f"{1 / per[name]:,.0f}"))
        for name in ("local_drawing", "remote_drawing"):
            rows.append((name, f"{per[name] * 1e6:,.0f} an answer", ""))
        print(table(f"course network, {rounds} rounds of {epochs} epochs "
                    f"({epochs * here.steps_per_epoch():,} steps) each, server over loopback", rows))
        spread = np.ptp(samples["remote"]) / per["remote"]
        print(f"(remote's rounds spread over {spread:.0%} of its median)")
        print()
        print(f"remote: vs_local={per['local'] / per['remote']:.2f} "
              f"drawing_ms={per['remote_drawing'] * 1e3:.2f} local_drawing_ms={per['local_drawing'] * 1e3:.2f}")
        here.close()
        there.close()
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:  # once seen left running after a bench: never again
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()
