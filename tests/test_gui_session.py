"""The window runs the same training session as the CLI: TensorBoard logs from a window
run, one checkpoint layout for both, and the window's state while the worker talks."""

import subprocess
import sys

from PySide6.QtWidgets import QSpinBox

from tfdesk.core.checkpoint import read_sidecar

from helpers import tiny_digits
from qt_helpers import train


def _epochs(w) -> QSpinBox:
    return w.optimizer.findChild(QSpinBox, "epochs")


def _scalar_tags(folder):
    import tensorflow as tf

    tags = set()
    for path in folder.rglob("events.out.tfevents.*"):
        for event in tf.compat.v1.train.summary_iterator(str(path)):
            tags.update(value.tag for value in event.summary.value)
    return tags


def test_train_write_tensorboard_logs_gives_a_window_run_its_event_files(qtbot, window, tmp_path):
    # The window could not write TensorBoard logs; only tfdesk-train --logdir could.
    logs = tmp_path / "logs"
    window.tensorboard_action.setChecked(True)
    window.choose_logdir(str(logs))
    assert window.settings.value("logdir") == str(logs)
    assert train(qtbot, window) == "finished"
    runs = [p for p in logs.iterdir() if p.is_dir()]
    assert len(runs) == 1  # a folder of its own for each run
    tags = _scalar_tags(runs[0])
    assert {"step/loss", "epoch/train_loss", "epoch/val_loss", "epoch/val_accuracy"} <= tags, tags

    window.tensorboard_action.setChecked(False)
    window.choose_logdir()
    assert train(qtbot, window) == "finished"
    assert len([p for p in logs.iterdir() if p.is_dir()]) == 1  # unticked: no more logs


def test_a_request_failing_during_training_leaves_start_locked(qtbot, window):
    # Any `failed` signal (a drawing's error, say) re-enabled Start while training went on.
    _epochs(window).setValue(500)
    with qtbot.waitSignal(window.worker.stepsReported, timeout=60_000):
        window.start_action.trigger()
    window.worker.failed.emit("The drawing could not be read.")
    assert window._training
    assert not window.start_button.isEnabled() and window.stop_button.isEnabled()
    assert not window.start_action.isEnabled() and window.stop_action.isEnabled()
    with qtbot.waitSignal(window.worker.trainingFinished, timeout=10_000) as done:
        window.stop_action.trigger()
    assert done.args[0] == "stopped" and window.start_button.isEnabled()


def test_pause_pressed_while_the_graph_is_built_holds(qtbot, window):
    # It was lost: the run began anyway once the graph was ready.
    window.start_action.trigger()
    window.pause_button.click()
    assert window.pause_button.text() == "Resume"
    qtbot.wait(1500)  # the graph is built and the data ready well within this
    assert window.plot.step_count() == 0 and window._training
    with qtbot.waitSignal(window.worker.trainingFinished, timeout=60_000) as done:
        window.pause_button.click()
    assert done.args[0] == "finished" and window.plot.step_count() > 0


def test_a_checkpoint_saved_by_tfdesk_train_opens_in_the_window_with_its_exam_count(
        qtbot, window, tmp_path, monkeypatch):
    # Three metric layouts once: the CLI's, the window's save and the autosave.
    exp = tiny_digits(epochs=1)
    exp.save(tmp_path / "exp.json")
    done = subprocess.run([sys.executable, "-m", "tfdesk.cli", str(tmp_path / "exp.json"), "--quiet",
                           "--save", str(tmp_path / "from_cli")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    cli_metrics = read_sidecar(tmp_path / "from_cli")["metrics"]
    assert cli_metrics["version"] == 2 and cli_metrics["test_looks"] == 1  # the CLI's final exam

    with qtbot.waitSignal(window.worker.restored, timeout=30_000):
        window.restore_weights(str(tmp_path / "from_cli"))
    with qtbot.waitSignal(window.worker.evaluated, timeout=30_000) as result:
        window.exam_action.trigger()
    assert result.args[0]["test_looks"] == 2
    assert result.args[0]["accuracy"] == cli_metrics["test_accuracy"]
    monkeypatch.setattr(window, "_ask_folder", lambda *a: str(tmp_path / "from_window"))
    with qtbot.waitSignal(window.worker.saved, timeout=30_000):
        window.save_ck_action.trigger()
    window_metrics = read_sidecar(tmp_path / "from_window")["metrics"]
    assert window_metrics.keys() == cli_metrics.keys() and window_metrics["test_looks"] == 2


def test_the_pace_setting_slows_a_run_for_watching_and_is_remembered(qtbot, window):
    import time

    pace = window.optimizer.pace
    assert pace.pace() == 1000  # the default: the course network's run takes seconds
    pace.setCurrentIndex(pace.findData(50))
    assert window.worker.session.pace == 50
    assert window.settings.value("pace") in (50, "50")
    started = time.perf_counter()
    assert train(qtbot, window) == "finished"
    steps = window.worker.trainer.steps_per_epoch()
    assert time.perf_counter() - started >= 0.9 * steps / 50
    pace.setCurrentIndex(pace.findData(0))
    assert window.worker.session.pace is None  # full speed


def test_a_run_whose_steps_ran_compiled_by_xla_says_so(qtbot, window, monkeypatch):
    monkeypatch.setenv("TFDESK_XLA", "on")  # compile from the start (about a second beside training)
    _epochs(window).setValue(120)  # about 5 s at the default pace
    assert train(qtbot, window) == "finished"
    assert window.engine_used == "xla"
    assert "compiled by XLA" in window.progress.format()
