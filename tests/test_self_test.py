"""`tfdesk --self-test` in a fresh process: one line, OK, exit 0."""

import subprocess
import sys


def test_self_test_trains_saves_restores_and_says_ok():
    done = subprocess.run([sys.executable, "-m", "tfdesk", "--self-test"], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tfdesk self-test OK")
