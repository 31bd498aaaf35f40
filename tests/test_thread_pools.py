"""Each network gets the thread pools that suit it, whatever ran before it in the process.

Once, the first session in a process fixed TensorFlow's intra-op pool for every later
one: a big network trained after the course's got one core of an 8-core laptop, and
an eager call before the first session gave the course network the default pool."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, "tests")
    import tensorflow as tf
    from helpers import tiny_digits
    from tfdesk.core.spec import LayerSpec
    from tfdesk.core.trainer import Trainer

    tf.constant(1.0) + 1.0  # an eager call before any session
    with Trainer(tiny_digits(epochs=1)) as small:  # one thread suits the course network
        small.train(1)
    big = tiny_digits(epochs=1)
    big.model.hidden_layers = [LayerSpec(units=512, dropout=0.0), LayerSpec(units=512, dropout=0.0)]
    big.training.batch_size = 128
    with Trainer(big) as trainer:
        trainer.train(1)
        wall, cpu = time.perf_counter(), time.process_time()
        while time.perf_counter() - wall < 2.0:
            trainer.train(5)
        cores = (time.process_time() - cpu) / (time.perf_counter() - wall)
    # What this machine gives a plainly parallel op right now, for comparison.
    a = tf.random.normal([1024, 1024])
    wall, cpu = time.perf_counter(), time.process_time()
    while time.perf_counter() - wall < 2.0:
        tf.matmul(a, a).numpy()
    print(cores, (time.process_time() - cpu) / (time.perf_counter() - wall))
""")


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: nothing to share out")
def test_a_big_network_after_a_small_one_uses_more_than_one_core():
    # One thread cannot keep more than one core busy (the pool fixed by the first session
    # measured 0.99); a machine busy with something else can hide much of a second one
    # (1.45 when idle, 1.18 seen on a busy one), so the best of five tries counts. A shared
    # VM whose second core is mostly taken (a 1024² matmul got 1.09 cores) cannot tell one
    # thread from two at all: then the test says so and is skipped, rather than fail.
    tries = []
    while len(tries) < 5 and max((cores for cores, _ in tries), default=0) <= 1.1:
        done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True,
                              text=True, timeout=300, env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3"))
        assert done.returncode == 0, done.stderr[-2000:]
        tries.append(tuple(float(x) for x in done.stdout.strip().splitlines()[-1].split()))
    if max(cores for cores, _ in tries) <= 1.1 and max(m for _, m in tries) <= 1.25:
        pytest.skip(f"this machine gives a 1024² matmul at most {max(m for _, m in tries):.2f} "
                    f"cores now, too few to see a second thread: (cores, matmul's) {tries}")
    assert max(cores for cores, _ in tries) > 1.1, f"(cores busy, a matmul's): {tries}"
