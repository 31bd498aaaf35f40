"""`tfdesk --self-test` in a fresh process: one line, OK, exit 0, none of TensorFlow's chatter."""

import os
import subprocess
import sys


def test_self_test_trains_saves_restores_and_says_ok():
    env = {k: v for k, v in os.environ.items() if k not in ("TF_CPP_MIN_LOG_LEVEL", "TFDESK_VERBOSE")}
    done = subprocess.run([sys.executable, "-m", "tfdesk", "--self-test"], capture_output=True,
                          text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tfdesk self-test OK")
    assert "an epoch compiled by XLA" in lines[0]  # the packaged app keeps the compiled path
    # It imported TensorFlow through a module before the quiet start once: oneDNN, cuInit…
    assert not [word for word in ("oneDNN", "cuInit", "I0000", "E0000") if word in done.stderr], done.stderr
