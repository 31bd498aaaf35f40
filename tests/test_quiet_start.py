"""A start shows tfdesk's lines only: TensorFlow's chatter goes to the log unless asked for."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# What TensorFlow printed at every start, in the window and in tfdesk-train.
NOISE = ("oneDNN", "cudart_stub", "cuInit", "absl::InitializeLog", "cpu_feature_guard", "I0000", "E0000")


def _env():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("TF_CPP_MIN_LOG_LEVEL", None)  # as on a user's machine
    env.pop("TFDESK_VERBOSE", None)
    return env


def _experiment(tmp_path) -> Path:
    from tfdesk.core.spec import course_experiment

    exp = course_experiment()
    exp.training.epochs = 1
    exp.save(tmp_path / "exp.json")
    return tmp_path / "exp.json"


def test_tfdesk_train_prints_its_own_lines_only(tmp_path):
    done = subprocess.run([sys.executable, "-m", "tfdesk.cli", str(_experiment(tmp_path)), "--quiet"],
                          cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0
    assert done.stdout.startswith("test accuracy")
    assert not [word for word in NOISE if word in done.stderr], done.stderr


def test_verbose_shows_tensorflows_messages(tmp_path):
    done = subprocess.run([sys.executable, "-m", "tfdesk.cli", str(_experiment(tmp_path)), "--quiet",
                           "--verbose"], cwd=ROOT, env=_env(), capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0 and "oneDNN" in done.stderr


@pytest.mark.slow
def test_the_window_starts_without_tensorflows_chatter(tmp_path):
    script = textwrap.dedent(f"""
        import sys, time
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from tfdesk.gui.main_window import MainWindow
        w = MainWindow(settings=QSettings({str(tmp_path / 's.ini')!r}, QSettings.IniFormat),
                       data_folder={str(tmp_path / 'data')!r})
        w.show()
        started = time.monotonic()
        while w.tensorflow_version is None and time.monotonic() - started < 120:
            app.processEvents()
            time.sleep(0.01)
        print("loaded", w.tensorflow_version)
        w.close()
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=_env(),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "loaded 2." in done.stdout, done.stderr[-2000:]
    assert not [word for word in NOISE if word in done.stderr], done.stderr
