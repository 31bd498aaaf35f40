"""A new user's first hour: what stood in the way when the window was tried from outside."""

import numpy as np

from tfdesk.core.spec import LayerSpec

from qt_helpers import stroke, train

SEVEN = [(60, 60), (220, 60), (120, 240)]


def choose(window, source, monkeypatch=None, path=None):
    if path is not None:
        monkeypatch.setattr(window, "_ask_open_path", lambda *a: str(path))
    window.data_choice.setCurrentIndex(window.data_choice.findData(source))
    window.data_choice.activated.emit(window.data_choice.currentIndex())


def test_switching_lessons_keeps_the_students_network(qtbot, window):
    exp = window.current_experiment()
    exp.model.hidden_layers = [LayerSpec(40, "tanh", 0.1), LayerSpec(12, "relu")]
    window._show_experiment(exp)
    choose(window, "quadratic")
    assert window.current_experiment().is_regression
    choose(window, "linear")
    choose(window, "digits")
    layers = window.current_experiment().model.hidden_layers
    assert [(l.units, l.activation) for l in layers] == [(40, "tanh"), (12, "relu")]


def test_after_a_curve_lesson_the_drawing_panel_says_what_to_do(qtbot, window):
    choose(window, "quadratic")
    assert train(qtbot, window) == "finished"
    choose(window, "digits")
    assert "Drawing works with image data" not in window.draw.verdict.text()
    with qtbot.waitSignal(window.worker.predicted, timeout=10_000):
        stroke(window.draw.canvas, SEVEN)
    qtbot.waitUntil(lambda: "press Start" in window.draw.verdict.text(), timeout=5_000)
    assert train(qtbot, window) == "finished"
    with qtbot.waitSignal(window.worker.predicted, timeout=10_000):
        stroke(window.draw.canvas, [(100, 200), (180, 200)])  # a new stroke, a new answer
    qtbot.waitUntil(lambda: "The network" in window.draw.verdict.text(), timeout=5_000)


def test_a_picture_chosen_as_a_data_file_is_refused_at_once(qtbot, window, tmp_path, monkeypatch):
    picture = tmp_path / "digit.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    before = window.current_experiment()
    choose(window, "file", monkeypatch, picture)
    assert "digit.png" in window.last_message and "cannot tell the format" in window.last_message
    assert window.current_experiment() == before
    assert window.data_choice.currentData() == "digits"


def test_a_start_that_fails_says_so_on_the_progress_bar(qtbot, window, tmp_path, monkeypatch):
    broken = tmp_path / "broken.csv"
    broken.write_text("label,a,b\n1,2\n")
    choose(window, "file", monkeypatch, broken)
    with qtbot.waitSignal(window.worker.failed, timeout=60_000):
        window.start_action.trigger()
    qtbot.waitUntil(lambda: "Building the graph" not in window.progress.format(), timeout=5_000)
    assert "broken.csv" in window.progress.format()
    assert window.start_button.isEnabled()


def test_after_restore_the_bar_says_restored(qtbot, window, tmp_path, monkeypatch):
    assert train(qtbot, window) == "finished"
    folder = tmp_path / "save_model"
    monkeypatch.setattr(window, "_ask_folder", lambda *a: str(folder))
    with qtbot.waitSignal(window.worker.saved, timeout=30_000):
        window.save_ck_action.trigger()
    with qtbot.waitSignal(window.worker.weightsReset, timeout=30_000):
        window.reset_action.trigger()
    with qtbot.waitSignal(window.worker.restored, timeout=30_000):
        window.restore_action.trigger()
    assert "Restored" in window.progress.format()
    # and the next folder dialog opens where that checkpoint is
    asked = []
    monkeypatch.undo()
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getExistingDirectory",
                        lambda parent, title, start: asked.append(start) or "")
    window.restore_action.trigger()
    assert asked == [str(tmp_path)]


def test_a_continued_run_counts_steps_like_epochs(qtbot, window):
    assert train(qtbot, window) == "finished"  # epoch 1
    steps = window.worker.trainer.steps_per_epoch()
    assert train(qtbot, window) == "finished"  # goes on: epoch 2
    window.progress._show_latest()
    assert window.progress.value() == 2 * steps and window.progress.maximum() == 2 * steps
    assert np.isclose(window.plot.step_count(), 2 * steps)


def test_the_digit_buttons_wait_for_a_drawing(qtbot, window):
    assert not any(b.isEnabled() for b in window.draw.label_buttons)
    with qtbot.waitSignal(window.draw.predictionRequested, timeout=2_000):
        stroke(window.draw.canvas, SEVEN)
    assert all(b.isEnabled() for b in window.draw.label_buttons)
    window.draw.clear()
    assert not any(b.isEnabled() for b in window.draw.label_buttons)


def test_a_removal_in_the_gallery_can_be_undone_and_an_export_says_where(qtbot, window, tmp_path):
    for _ in range(3):
        stroke(window.draw.canvas, SEVEN)
        window.draw.add_as(7)
    gallery = window.show_gallery()
    gallery.items.selectAll()
    gallery.remove_selected()
    assert len(window.drawings_library) == 0 and gallery.undo_button.isEnabled()
    gallery.undo_button.click()
    assert len(window.drawings_library) == 3
    gallery.export(str(tmp_path / "mine.npz"))
    assert "Saved 3 drawings in" in gallery.last_message and "mine.npz" in gallery.last_message


def test_long_tooltips_are_wrapped_and_the_edit_menu_has_the_canvas_actions(qtbot, window):
    assert window.draw.canvas.toolTip().startswith("<p>")  # a paragraph Qt wraps
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    texts = [a.text() for a in edit.actions()]
    assert any("Undo the last stroke" in t for t in texts)
    with qtbot.waitSignal(window.draw.predictionRequested, timeout=2_000):
        stroke(window.draw.canvas, SEVEN)
    next(a for a in edit.actions() if "Clear the drawing" in a.text()).trigger()
    assert (window.draw.canvas_array() == 255).all()


def test_the_plot_read_out_goes_when_the_pointer_leaves(qtbot, window):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    window.plot.hover_label.setText("step 12: loss 0.5")
    QApplication.sendEvent(window.plot.loss_plot, QEvent(QEvent.Type.Leave))
    assert window.plot.hover_label.text() == "Point at a curve to read its values."
