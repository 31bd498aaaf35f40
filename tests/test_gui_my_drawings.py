"""The student's own handwriting in the window: added from the canvas, kept in the user's
data folder, reviewed in the gallery, exported and imported, and trained on."""

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt

from tfdesk.core.drawing_collection import DrawingCollection
from tfdesk.core.pen_digits import write
from tfdesk.gui.main_window import MainWindow

from helpers import tiny_digits
from qt_helpers import stroke, train


def draw_hand(window, hand):
    window.draw.brush_spin.setValue(round(hand.pen_width))
    for points in hand.strokes:
        stroke(window.draw.canvas, [tuple(p) for p in points], step=1e9)


def teach(qtbot, window, hand):
    """Draw a simulated hand's digit with the mouse and press its digit key on the canvas."""
    window.draw.clear()
    draw_hand(window, hand)
    window.activateWindow()
    window.draw.canvas.setFocus()
    qtbot.waitUntil(window.draw.canvas.hasFocus)
    with qtbot.waitSignal(window.draw.labelled, timeout=2_000):
        qtbot.keyClick(window.draw.canvas, getattr(Qt, f"Key_{hand.digit}"))


def hands(seed, styles, count):
    rng = np.random.default_rng(seed)
    return [write(digit, style, rng) for _ in range(count) for digit, style in styles]


def read(qtbot, window, hand) -> int | None:
    """What the window says the drawing is (None while it cannot decide)."""
    window.draw.clear()
    with qtbot.waitSignal(window.worker.predicted, timeout=10_000,
                          check_params_cb=lambda p, v: v is not None and v.shape == (64,)):
        draw_hand(window, hand)
    qtbot.waitUntil(lambda: window.draw.bars.probabilities() is not None, timeout=5_000)
    return int(np.argmax(window.draw.bars.probabilities()))


def test_drawings_are_kept_in_the_data_folder_and_shown_in_the_gallery(qtbot, window, tmp_path):
    for hand in hands(3, [(4, "closed"), (1, "flag and base")], 2):
        teach(qtbot, window, hand)
    stored = DrawingCollection.load(tmp_path / "data" / "drawings.npz")
    assert sorted(stored.labels()) == [1, 1, 4, 4]
    assert "Add my drawings (4)" in window.data_options.mine.text().replace("&", "")

    gallery = window.show_gallery()
    assert gallery.items.count() == 4
    gallery.digit_filter.setCurrentIndex(gallery.digit_filter.findData(4))
    assert gallery.items.count() == 2
    gallery.items.selectAll()
    gallery.remove_selected()
    assert sorted(DrawingCollection.load(tmp_path / "data" / "drawings.npz").labels()) == [1, 1]
    assert "(2)" in window.data_options.mine.text()


def test_a_class_collection_is_exported_merged_and_imported(qtbot, window, tmp_path):
    for hand in hands(4, [(7, "crossed")], 3):
        teach(qtbot, window, hand)
    exported = tmp_path / "mei.npz"
    window.show_gallery().export(str(exported))
    classmate = DrawingCollection.load(exported)
    assert len(classmate) == 3

    window.show_gallery().import_(str(exported))  # the same drawings: nothing new
    assert len(window.drawings_library) == 3
    assert "Added 0 new drawings" in window.gallery.last_message

    broken = tmp_path / "broken.npz"
    broken.write_bytes(exported.read_bytes()[:500])
    window.gallery.import_(str(broken))
    assert "broken.npz" in window.gallery.last_message
    assert len(window.drawings_library) == 3  # nothing lost


def test_a_damaged_collection_is_moved_aside_and_said_so(qtbot, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "drawings.npz").write_bytes(b"PK\x03\x04 not really")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    w = MainWindow(experiment=tiny_digits(), settings=settings, data_folder=str(data))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.tensorflow_version is not None, timeout=120_000)
    assert "could not be read" in w.last_message and "drawings-damaged-" in w.last_message
    kept = list(data.glob("drawings-damaged-*.npz"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"PK\x03\x04 not really"
    assert len(w.drawings_library) == 0


@pytest.mark.slow
def test_training_on_your_own_drawings_teaches_the_network_your_styles(qtbot, window):
    # The course's data has few closed 4s or flagged 1s with a base: the network
    # misreads them. Twenty-four of the student's own, mixed in, fix that.
    hard = [(4, "closed"), (1, "flag and base")]
    exp = tiny_digits(epochs=30)
    window._show_experiment(exp)
    assert train(qtbot, window) == "finished"
    tests = hands(50, hard, 10)
    before = np.mean([read(qtbot, window, h) == h.digit for h in tests])

    for hand in hands(51, hard, 12):
        teach(qtbot, window, hand)
    window.data_options.mine.setChecked(True)
    window.data_options.weight.setValue(5)
    assert train(qtbot, window) == "finished"
    after = np.mean([read(qtbot, window, h) == h.digit for h in tests])
    assert after >= before + 0.25, (before, after)  # measured: 0.60 -> 0.95

    with qtbot.waitSignal(window.worker.evaluated, timeout=30_000):
        window.evaluate_action.trigger()
    assert "your drawings" in window.evaluation._drawings.text()
