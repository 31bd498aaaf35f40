"""The main window end to end: the worker thread trains through the core while the
plot, progress bar, drawing panel and menus respond, as a student would use them."""

import numpy as np
import pytest

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QSpinBox

from tfdesk.gui.main_window import MainWindow

from qt_helpers import stroke, train as _train

SEVEN = [(60, 60), (220, 60), (120, 240)]


def _epochs(w) -> QSpinBox:
    return w.optimizer.findChild(QSpinBox, "epochs")


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
    monkeypatch.setattr(window, "_ask_folder", lambda *a: str(folder))
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


def test_the_answer_to_a_drawing_wakes_the_window_without_waiting_for_the_poll(qtbot, window):
    _train(qtbot, window)
    delivery = window.worker.delivery
    assert not delivery._timer.isActive()  # idle: no timer wakes the window 125 times a second
    delivery._polling = True  # as while training, but with the poll stopped:
    try:  # only the drawing thread's wake-up can deliver now
        with qtbot.waitSignal(window.worker.predicted, timeout=10_000):
            stroke(window.draw.canvas, SEVEN)
        qtbot.waitUntil(lambda: "The network says" in window.draw.verdict.text(), timeout=5_000)
    finally:
        delivery._polling = False


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


def test_the_experiment_and_panel_layout_are_remembered(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    first = MainWindow(settings=settings, data_folder=str(tmp_path / "data"))
    qtbot.addWidget(first)
    first.show()
    first.layers.findChild(object, "exercisePreset").trigger()
    first.draw_dock.close()  # the student closed the drawing panel
    first.close()
    second = MainWindow(settings=settings, data_folder=str(tmp_path / "data"))
    qtbot.addWidget(second)
    second.show()
    assert [l.units for l in second.current_experiment().model.hidden_layers] == [25, 25, 25]
    assert not second.draw_dock.isVisible() and second.experiment_dock.isVisible()
    second.close()


def _open_graph(qtbot, w, monkeypatch, path):
    from tfdesk.gui.graph_dialog import GraphTensorsDialog

    monkeypatch.setattr(w, "_ask_open_path", lambda *a: str(path))
    with qtbot.waitSignal(w.worker.graphOpened, timeout=30_000):
        w.open_graph_action.trigger()
    dialog = w.findChild(GraphTensorsDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_open_graph_finds_the_course_tensors_and_the_drawings_go_to_it(qtbot, window, tmp_path,
                                                                        monkeypatch):
    _train(qtbot, window)
    folder = tmp_path / "save_model"
    monkeypatch.setattr(window, "_ask_folder", lambda *a: str(folder))
    with qtbot.waitSignal(window.worker.saved, timeout=30_000):
        window.save_ck_action.trigger()
    with qtbot.waitSignal(window.worker.weightsReset, timeout=30_000):
        window.reset_action.trigger()
    assert window.draw.untrained_notice.isVisibleTo(window.draw)

    dialog = _open_graph(qtbot, window, monkeypatch, folder / "checkpoint_weight.ckpt.meta")
    assert dialog.input_name() == "input/x_input:0"
    assert dialog.output_name() == "output_layer/probabilities:0"
    with qtbot.waitSignal(window.worker.graphReady, timeout=10_000):
        dialog.ok_button.click()
    assert not window.draw.untrained_notice.isVisibleTo(window.draw)
    drawn = []
    window.draw.predictionRequested.connect(drawn.append)
    with qtbot.waitSignal(window.worker.predicted, timeout=10_000) as answer:
        stroke(window.draw.canvas, SEVEN)
    # The saved, trained graph answers, not the reset network the trainer now holds.
    expected = window.worker.graph_model.predict_probabilities(drawn[-1][None, :])[0]
    np.testing.assert_allclose(answer.args[0], expected, rtol=1e-5)
    assert not np.allclose(answer.args[0], window.worker.trainer.predict(drawn[-1])[0], atol=1e-3)


def test_a_foreign_graph_lets_the_student_pick_its_input_and_output(qtbot, window, tmp_path,
                                                                    monkeypatch):
    import tensorflow as tf

    v1 = tf.compat.v1
    w_true = np.random.default_rng(1).normal(size=(64, 10)).astype(np.float32)
    graph = tf.Graph()
    with graph.as_default():
        pixels = v1.placeholder(tf.float32, (None, 64), name="pixels")
        weights = tf.Variable(w_true, name="w")
        tf.matmul(pixels, weights, name="scores")
        saver = v1.train.Saver()
        with v1.Session() as session:
            session.run(v1.global_variables_initializer())
            saver.save(session, str(tmp_path / "other.ckpt"))

    dialog = _open_graph(qtbot, window, monkeypatch, tmp_path / "other.ckpt.meta")
    assert dialog.input_name() is None and not dialog.ok_button.isEnabled()
    names = [dialog.input_choice.itemData(i) for i in range(dialog.input_choice.count())]
    assert names[:2] == [None, "pixels:0"]  # placeholders first
    dialog.input_choice.setCurrentIndex(dialog.input_choice.findData("pixels:0"))
    dialog.output_choice.setCurrentIndex(dialog.output_choice.findData("scores:0"))
    with qtbot.waitSignal(window.worker.graphReady, timeout=10_000):
        dialog.ok_button.click()
    drawn = []
    window.draw.predictionRequested.connect(drawn.append)
    with qtbot.waitSignal(window.worker.predicted, timeout=10_000) as answer:
        stroke(window.draw.canvas, SEVEN)
    scores = drawn[-1] @ w_true
    softmax = np.exp(scores - scores.max()) / np.exp(scores - scores.max()).sum()
    np.testing.assert_allclose(answer.args[0], softmax, rtol=1e-4, atol=1e-6)
    assert "opened graph" in window.statusBar().currentMessage()

    # Start trains the experiment's own network again, and the drawings follow it.
    assert _train(qtbot, window) == "finished"
    assert window.worker.graph_model is None


def test_a_file_that_is_not_a_graph_is_a_message(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "broken.meta"
    bad.write_bytes(b"\x08\x96\x01 this is not a MetaGraphDef")
    monkeypatch.setattr(window, "_ask_open_path", lambda *a: str(bad))
    with qtbot.waitSignal(window.worker.failed, timeout=30_000) as failure:
        window.open_graph_action.trigger()
    assert "broken" in failure.args[0]
    assert window.start_button.isEnabled()


def test_evaluate_shows_the_validation_accuracy_and_the_test_set_waits_for_the_final_exam(
        qtbot, window):
    _train(qtbot, window)
    with qtbot.waitSignal(window.worker.evaluated, timeout=30_000) as result:
        window.evaluate_action.trigger()
    expected = window.worker.trainer.evaluate("val")
    assert result.args[0]["split"] == "val"
    assert result.args[0]["accuracy"] == pytest.approx(expected.accuracy)
    shown = window.evaluation._accuracy.text()
    assert shown.startswith("Validation accuracy")
    assert f"{100 * expected.accuracy:.1f} %" in shown and str(len(expected.labels)) in shown
    assert window.evaluation_dock.isVisible()
    assert window.worker.session.test_looks == 0  # students used to tune on the test set
    for look in (1, 2):
        with qtbot.waitSignal(window.worker.evaluated, timeout=30_000) as result:
            window.exam_action.trigger()
        assert result.args[0]["split"] == "test" and result.args[0]["test_looks"] == look
    assert window.evaluation._accuracy.text().startswith("Test accuracy")
    assert "looked at 2 times" in window.evaluation._looks.text()


def test_about_names_the_versions(qtbot, window):
    import platform

    import tensorflow as tf

    window.about_action.trigger()
    for version in (tf.__version__, platform.python_version()):
        assert version in window.last_message


def test_a_drawing_is_answered_while_the_network_trains(qtbot, window):
    _epochs(window).setValue(500)
    with qtbot.waitSignal(window.worker.stepsReported, timeout=60_000):
        window.start_action.trigger()
    with qtbot.waitSignal(window.worker.predicted, timeout=10_000) as answer:
        stroke(window.draw.canvas, SEVEN)
    assert window._training  # answered by the drawing thread, in the training session
    assert answer.args[0].shape == (10,)
    with qtbot.waitSignal(window.worker.trainingFinished, timeout=10_000):
        window.stop_action.trigger()


def test_the_next_start_offers_the_autosaved_network(qtbot, window, tmp_path):
    _train(qtbot, window)
    x = window.worker.trainer.data.x_test[:5]
    trained = window.worker.trainer.predict(x)
    assert (tmp_path / "data" / "autosave" / "latest" / "tfdesk.json").is_file()
    window.close()  # as if the laptop's lid closed: the next start finds the autosave

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    again = MainWindow(settings=settings, data_folder=str(tmp_path / "data"))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(again.autosave_bar.isVisible, timeout=120_000)
    assert "epoch 1" in again.autosave_bar.text.text()
    with qtbot.waitSignal(again.worker.restored, timeout=30_000):
        again.autosave_bar.latest_button.click()
    np.testing.assert_allclose(again.worker.trainer.predict(x), trained, rtol=1e-6)
    assert not again.autosave_bar.isVisible()


def test_the_offer_blocks_nothing_start_hides_it_and_ctrl_q_quits(qtbot, window, tmp_path):
    _train(qtbot, window)
    window.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    again = MainWindow(settings=settings, data_folder=str(tmp_path / "data"))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(again.autosave_bar.isVisible, timeout=120_000)
    assert QApplication.activeModalWidget() is None
    with qtbot.waitSignal(again.worker.trainingFinished, timeout=60_000):
        again.start_action.trigger()  # the student starts anyway
        assert not again.autosave_bar.isVisible()
    # The kept network is still on disk, beside this session's own autosave.
    assert (tmp_path / "data" / "autosave" / "last-session" / "latest" / "tfdesk.json").is_file()
    again.quit_action.trigger()
    qtbot.waitUntil(lambda: not again.isVisible(), timeout=30_000)


def test_a_save_onto_a_file_is_refused_with_a_message_and_the_file_is_untouched(
        qtbot, window, tmp_path, monkeypatch):
    _train(qtbot, window)
    target = tmp_path / "notes.txt"
    target.write_text("my notes")
    monkeypatch.setattr(window, "_ask_folder", lambda *a: str(target))
    with qtbot.waitSignal(window.worker.failed, timeout=30_000) as failure:
        window.save_ck_action.trigger()
    assert "notes.txt" in failure.args[0]
    assert target.read_text() == "my notes"
    assert window.start_button.isEnabled()


def test_stop_and_start_a_hundred_times(qtbot, window):
    _epochs(window).setValue(500)
    for _ in range(100):
        with qtbot.waitSignal(window.worker.trainingFinished, timeout=30_000) as done:
            window.start_action.trigger()
            window.stop_action.trigger()
        assert done.args[0] in ("stopped", "finished")
    assert _train(qtbot, window, timeout=120_000) in ("stopped", "finished")
    _epochs(window).setValue(1)
    assert _train(qtbot, window) == "finished"


def test_a_diverging_run_stops_with_a_message_that_suggests_a_smaller_rate(qtbot, window):
    from tfdesk.core.spec import lesson_experiment

    exp = lesson_experiment("linear")  # the slide's line, with the largest rate the panel allows
    exp.optimizer.learning_rate = 10.0
    exp.training.epochs = 500
    window._show_experiment(exp)
    with qtbot.waitSignal(window.worker.failed, timeout=60_000) as failure:
        window.start_action.trigger()
    assert "learning rate" in failure.args[0] and "too large" in failure.args[0]
    qtbot.waitUntil(lambda: window.start_button.isEnabled(), timeout=10_000)


def test_closing_during_a_save_finishes_it(qtbot, window, tmp_path, monkeypatch):
    from tfdesk.core.checkpoint import read_sidecar

    _train(qtbot, window)
    folder = tmp_path / "save_model"
    monkeypatch.setattr(window, "_ask_folder", lambda *a: str(folder))
    window.save_ck_action.trigger()
    window.close()  # the worker finishes the save before its thread ends
    assert read_sidecar(folder)["epoch"] == 1


def test_a_checkpoint_folder_deleted_while_open(qtbot, window, tmp_path, monkeypatch):
    import shutil

    _train(qtbot, window)
    folder = tmp_path / "save_model"
    monkeypatch.setattr(window, "_ask_folder", lambda *a: str(folder))
    with qtbot.waitSignal(window.worker.saved, timeout=30_000):
        window.save_ck_action.trigger()
    dialog = _open_graph(qtbot, window, monkeypatch, folder / "checkpoint_weight.ckpt.meta")
    with qtbot.waitSignal(window.worker.graphReady, timeout=10_000):
        dialog.ok_button.click()
    shutil.rmtree(folder)
    # The opened graph's weights are in its session: drawings are still answered.
    with qtbot.waitSignal(window.worker.predicted, timeout=10_000):
        stroke(window.draw.canvas, SEVEN)
    with qtbot.waitSignal(window.worker.failed, timeout=30_000) as failure:
        window.restore_weights(str(folder))
    assert "save_model" in failure.args[0]
    assert window.start_button.isEnabled()


def test_garbage_is_collected_on_the_gui_thread_only(qtbot, window):
    # A collection in the training thread once freed a closed window's Qt objects
    # there, and the window froze (tfdesk/gui/gui_gc.py).
    import gc
    import threading
    import weakref

    class Node:
        pass

    cycle = Node()
    cycle.itself = cycle
    freed_in = []
    weakref.finalize(cycle, lambda: freed_in.append(threading.current_thread().name))
    del cycle
    kept = []  # what a graph being built allocates, and keeps

    allocator = threading.Thread(target=lambda: kept.append([[] for _ in range(20_000)]),
                                 name="allocator")
    allocator.start()
    allocator.join()
    assert not gc.isenabled() and freed_in == []
    qtbot.waitUntil(lambda: bool(freed_in), timeout=3000)
    assert freed_in == [threading.main_thread().name]
