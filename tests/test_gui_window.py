"""The main window end to end: the worker thread trains through the core while the
plot, progress bar, drawing panel and menus respond, as a student would use them."""

import numpy as np
import pytest

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSpinBox

from tfdesk.gui.main_window import MainWindow

from helpers import tiny_digits
from qt_helpers import stroke

SEVEN = [(60, 60), (220, 60), (120, 240)]


@pytest.fixture
def window(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    w = MainWindow(experiment=tiny_digits(epochs=1), settings=settings)
    qtbot.addWidget(w)  # closed at teardown, which stops and joins the worker thread
    w.show()
    qtbot.waitUntil(lambda: w.tensorflow_version is not None, timeout=120_000)
    return w


def _epochs(w) -> QSpinBox:
    return w.optimizer.findChild(QSpinBox, "epochs")


def _train(qtbot, w, timeout=60_000):
    with qtbot.waitSignal(w.worker.trainingFinished, timeout=timeout) as done:
        w.start_action.trigger()
    return done.args[0]


def test_start_trains_an_epoch_and_the_plot_receives_every_step(qtbot, window):
    assert window.draw.untrained_notice.isVisibleTo(window.draw)
    assert _train(qtbot, window) == "finished"
    steps = window.worker.trainer.steps_per_epoch()
    assert window.plot.step_count() == steps
    assert window.progress.value() == window.progress.maximum() == steps
    assert "Finished" in window.progress.format()
    assert not window.draw.untrained_notice.isVisibleTo(window.draw)
    assert window.start_button.isEnabled() and not window.stop_button.isEnabled()


def test_pause_resume_and_stop(qtbot, window):
    _epochs(window).setValue(500)
    with qtbot.waitSignal(window.worker.stepsReported, timeout=60_000):
        window.start_action.trigger()
    window.pause_button.click()
    assert window.pause_button.text() == "Resume"
    qtbot.wait(300)  # the running chunk finishes
    paused_at = window.plot.step_count()
    qtbot.wait(400)
    assert window.plot.step_count() == paused_at
    window.pause_button.click()
    qtbot.waitUntil(lambda: window.plot.step_count() > paused_at, timeout=10_000)
    with qtbot.waitSignal(window.worker.trainingFinished, timeout=10_000) as done:
        window.stop_action.trigger()
    assert done.args[0] == "stopped"
    assert window.start_button.isEnabled()


def test_save_and_restore_a_checkpoint_through_the_menus(qtbot, window, tmp_path, monkeypatch):
    _train(qtbot, window)
    folder = tmp_path / "save_model"
    monkeypatch.setattr(window, "_ask_save_path", lambda *a: str(folder))
    with qtbot.waitSignal(window.worker.saved, timeout=30_000):
        window.save_ck_action.trigger()
    assert (folder / "checkpoint_weight.ckpt.meta").is_file() and (folder / "tfdesk.json").is_file()
    x = window.worker.trainer.data.x_test[:5]
    trained = window.worker.trainer.predict(x)

    with qtbot.waitSignal(window.worker.weightsReset, timeout=30_000):
        window.reset_action.trigger()
    assert not np.allclose(window.worker.trainer.predict(x), trained)
    monkeypatch.setattr(window, "_ask_folder", lambda *a: str(folder))
    with qtbot.waitSignal(window.worker.restored, timeout=30_000):
        window.restore_action.trigger()
    np.testing.assert_allclose(window.worker.trainer.predict(x), trained, rtol=1e-6)
    assert str(folder) in window._recent()


def test_a_drawn_digit_gets_a_probability_vector(qtbot, window):
    _train(qtbot, window)
    with qtbot.waitSignal(window.worker.predicted, timeout=10_000) as answer:
        stroke(window.draw.canvas, SEVEN)
    probabilities = answer.args[0]
    assert probabilities.shape == (10,)
    assert probabilities.sum() == pytest.approx(1.0, abs=1e-5)
    qtbot.waitUntil(lambda: "The network says" in window.draw.verdict.text(), timeout=5_000)


def test_an_error_in_the_worker_is_a_message_and_the_next_start_works(qtbot, window, tmp_path):
    bad = tmp_path / "broken.csv"
    bad.write_text("label,a,b\n1,2,oops\n")
    exp = window.current_experiment()
    exp.data.source, exp.data.path = "file", str(bad)
    window._show_experiment(exp)
    with qtbot.waitSignal(window.worker.failed, timeout=30_000) as failure:
        window.start_action.trigger()
    assert "broken.csv" in failure.args[0] and "oops" in failure.args[0]
    qtbot.waitUntil(lambda: window.start_button.isEnabled(), timeout=5_000)
    window.new_experiment()
    _epochs(window).setValue(1)
    assert _train(qtbot, window) == "finished"


def test_closing_during_training_stops_and_joins_the_thread(qtbot, window):
    _epochs(window).setValue(500)
    with qtbot.waitSignal(window.worker.stepsReported, timeout=60_000):
        window.start_action.trigger()
    thread = window.worker.thread
    window.close()
    assert not thread.is_alive()


def test_the_experiment_and_geometry_are_remembered(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    first = MainWindow(settings=settings)
    qtbot.addWidget(first)
    first.layers.findChild(object, "exercisePreset").trigger()
    first.resize(720, 540)  # inside the offscreen 800×600 screen, which restoreGeometry clamps to
    first.close()
    second = MainWindow(settings=settings)
    qtbot.addWidget(second)
    assert [l.units for l in second.current_experiment().model.hidden_layers] == [25, 25, 25]
    assert second.size().width() == 720
    second.close()
