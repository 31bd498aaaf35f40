"""The draw panel: strokes land on the canvas, become the model's input, and the answer shows."""

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tfdesk.core.drawing import canvas_to_input
from tfdesk.gui.draw_panel import DrawPanel

from qt_helpers import _send_mouse, stroke

DIGITS = [str(i) for i in range(10)]
ONE = [(140, 40), (140, 240)]
SEVEN = [(70, 70), (210, 70), (170, 130), (140, 190), (120, 250)]
# A trained network's answer to a 7: sure, with a little doubt about 1 and 9.
SEVEN_ANSWER = np.array([0.004, 0.08, 0.01, 0.01, 0.003, 0.005, 0.003, 0.83, 0.015, 0.04])


@pytest.fixture
def panel(qtbot):
    panel = DrawPanel()
    qtbot.addWidget(panel)
    panel.resize(760, 440)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def draw(qtbot, panel, points):
    """Draw and return the vector the panel asks the network about."""
    with qtbot.waitSignal(panel.predictionRequested, timeout=2000) as request:
        stroke(panel.canvas, points)
    return request.args[0]


def test_a_drawn_one_lands_on_the_canvas_and_its_8x8_image_is_sent(qtbot, panel):
    vector = draw(qtbot, panel, ONE)

    canvas = panel.canvas_array()
    assert canvas.dtype == np.uint8 and canvas.shape == (280, 280)
    assert (canvas[50:231, 140] < 64).all()
    assert (canvas[:, :100] == 255).all() and (canvas[:, 180:] == 255).all()

    assert isinstance(vector, np.ndarray) and vector.dtype == np.float32
    assert vector.shape == (64,)
    assert vector.min() >= 0.0 and vector.max() <= 1.0
    # Like the training digits, the 1 is stretched to about 6 of the 8 columns, centred.
    image = vector.reshape(8, 8)
    assert image[:, 0].sum() == 0 and image[:, 7].sum() == 0
    centre = (image.sum(axis=0) * np.arange(8)).sum() / image.sum()
    assert centre == pytest.approx(3.5, abs=0.5)


def test_the_model_view_shows_the_small_image(qtbot, panel):
    vector = draw(qtbot, panel, ONE).reshape(8, 8)
    picture = panel.model_view.grab().toImage()
    cell = panel.model_view.width() / 8

    def shade(row, col):
        return QColor(picture.pixel(int((col + 0.5) * cell), int((row + 0.5) * cell))).value()

    inked = np.unravel_index(np.argmax(vector), vector.shape)
    assert shade(*inked) < 40
    assert shade(4, 0) > 240
    assert "8 × 8" in panel.model_caption.text()


def test_a_fast_stroke_asks_once_but_a_slow_one_keeps_asking(qtbot, panel):
    requests = []
    panel.predictionRequested.connect(requests.append)
    stroke(panel.canvas, ONE, step=1.0)  # 200 moves before the event loop runs once
    qtbot.wait(100)
    assert len(requests) == 1

    requests.clear()
    _send_mouse(panel.canvas, QEvent.MouseButtonPress, (60, 60), Qt.LeftButton, Qt.LeftButton)
    for y in range(70, 240, 40):
        _send_mouse(panel.canvas, QEvent.MouseMove, (60, y), Qt.NoButton, Qt.LeftButton)
        qtbot.wait(60)
    assert len(requests) >= 3


def test_probabilities_show_as_bars_and_a_verdict(qtbot, panel):
    draw(qtbot, panel, SEVEN)
    panel.show_probabilities(SEVEN_ANSWER)

    assert panel.verdict.text() == "The network says: 7 (83 %)"
    heights = np.array([panel.bars.bar_rect(i).height() for i in range(10)])
    assert heights.argmax() == 7
    assert heights[7] / heights[1] == pytest.approx(0.83 / 0.08, rel=0.02)

    picture = panel.bars.grab().toImage()
    top = panel.bars.bar_rect(7).center().toPoint()
    other = panel.bars.bar_rect(1).center().toPoint()
    assert QColor(picture.pixel(top)) != QColor(picture.pixel(other))
    assert QColor(picture.pixel(top)).blue() > QColor(picture.pixel(top)).red() + 60


def test_the_bars_follow_a_new_answer(qtbot, panel):
    draw(qtbot, panel, SEVEN)
    panel.show_probabilities(SEVEN_ANSWER)
    panel.show_probabilities(np.roll(SEVEN_ANSWER, -6))  # now 1 leads
    assert panel.verdict.text() == "The network says: 1 (83 %)"
    assert panel.bars.bar_rect(1).height() > panel.bars.bar_rect(7).height()


def _clear_with_button(qtbot, panel):
    qtbot.mouseClick(panel.clear_button, Qt.LeftButton)


def _clear_with_right_click(qtbot, panel):
    qtbot.mouseClick(panel.canvas, Qt.RightButton, pos=QPoint(100, 100))


def _clear_with_key(key):
    def clear(qtbot, panel):
        panel.activateWindow()
        panel.canvas.setFocus()
        qtbot.waitUntil(panel.canvas.hasFocus)
        qtbot.keyClick(panel.canvas, key)
    return clear


@pytest.mark.parametrize("clear", [_clear_with_button, _clear_with_right_click,
                                   _clear_with_key(Qt.Key_Delete),
                                   _clear_with_key(Qt.Key_Backspace)],
                         ids=["button", "right-click", "delete", "backspace"])
def test_clearing_empties_the_canvas_and_the_answer(qtbot, panel, clear):
    draw(qtbot, panel, SEVEN)
    panel.show_probabilities(SEVEN_ANSWER)
    assert (panel.canvas_array() < 128).any()

    clear(qtbot, panel)

    assert (panel.canvas_array() == 255).all()
    assert panel.verdict.text() == "Draw a digit"
    assert panel.bars.probabilities() is None
    assert all(panel.bars.bar_rect(i).height() == 0 for i in range(10))


def test_an_answer_for_a_wiped_drawing_is_not_shown(qtbot, panel):
    draw(qtbot, panel, SEVEN)
    panel.clear()
    panel.show_probabilities(SEVEN_ANSWER)  # arrives late, from the worker
    assert panel.verdict.text() == "Draw a digit"
    assert panel.bars.probabilities() is None


def test_request_prediction_asks_again_for_the_same_drawing(qtbot, panel):
    vector = draw(qtbot, panel, SEVEN)
    with qtbot.waitSignal(panel.predictionRequested, timeout=500) as request:
        panel.request_prediction()
    np.testing.assert_array_equal(request.args[0], vector)

    panel.clear()
    with qtbot.assertNotEmitted(panel.predictionRequested, wait=100):
        panel.request_prediction()


def test_mnist_drawings_are_sent_as_784_values(qtbot, panel):
    draw(qtbot, panel, SEVEN)
    # Switching format converts the drawing already there.
    with qtbot.waitSignal(panel.predictionRequested, timeout=2000) as request:
        panel.set_input_format("mnist28", DIGITS)
    assert request.args[0].shape == (784,)
    assert "28 × 28" in panel.model_caption.text()

    panel.clear()
    vector = draw(qtbot, panel, ONE)
    assert vector.shape == (784,) and vector.dtype == np.float32
    image = vector.reshape(28, 28)
    assert image.min() >= 0.0 and image.max() <= 1.0
    assert image[:, 11:17].sum() > 0.9 * image.sum()


def test_data_that_is_not_an_image_cannot_be_drawn(qtbot, panel):
    panel.set_input_format("features", ["setosa", "versicolor", "virginica"])

    assert not panel.canvas.isEnabled()
    assert "Drawing works with image data" in panel.verdict.text()
    with qtbot.assertNotEmitted(panel.predictionRequested, wait=100):
        stroke(panel.canvas, SEVEN)
    assert (panel.canvas_array() == 255).all()

    panel.set_input_format("digits8x8", DIGITS)
    assert panel.canvas.isEnabled()
    assert draw(qtbot, panel, SEVEN).shape == (64,)


def test_class_names_label_the_bars(qtbot, panel):
    names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    panel.set_input_format("digits8x8", names)
    draw(qtbot, panel, SEVEN)
    panel.show_probabilities(SEVEN_ANSWER)
    assert panel.verdict.text() == "The network says: seven (83 %)"


def test_the_untrained_notice_shows_and_hides(qtbot, panel):
    assert not panel.untrained_notice.isVisible()
    panel.set_untrained(True)
    assert panel.untrained_notice.isVisible()
    assert "untrained" in panel.untrained_notice.text()
    # The guesses still show, so a student sees how random they are.
    draw(qtbot, panel, SEVEN)
    panel.show_probabilities(np.full(10, 0.1))
    assert panel.bars.probabilities() is not None
    panel.set_untrained(False)
    assert not panel.untrained_notice.isVisible()


def test_a_wider_brush_draws_a_wider_line(qtbot, panel):
    panel.brush_spin.setValue(6)
    stroke(panel.canvas, [(60, 40), (60, 240)])
    panel.brush_slider.setValue(30)
    assert panel.brush_spin.value() == 30
    stroke(panel.canvas, [(200, 40), (200, 240)])
    row = panel.canvas_array()[140]
    thin, wide = (row[:130] < 128).sum(), (row[130:] < 128).sum()
    assert 4 <= thin <= 8
    assert 26 <= wide <= 34


def _tablet(canvas, pen, kind, point, pressure):
    position = QPointF(*point)
    event = QTabletEvent(kind, pen, position, canvas.mapToGlobal(position), pressure,
                         0, 0, 0, 0, 0, Qt.NoModifier, Qt.LeftButton, Qt.LeftButton)
    QApplication.sendEvent(canvas, event)
    return event


def test_a_pen_draws_thinner_when_pressed_lightly(qtbot, panel):
    pen = QPointingDevice("test pen", 7, QInputDevice.DeviceType.Stylus,
                          QPointingDevice.PointerType.Pen,
                          QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
                          1, 2)
    for x, pressure in ((70, 0.1), (200, 1.0)):
        press = _tablet(panel.canvas, pen, QEvent.TabletPress, (x, 40), pressure)
        assert press.isAccepted()  # else Qt draws the same stroke again as mouse events
        for y in range(50, 241, 5):
            _tablet(panel.canvas, pen, QEvent.TabletMove, (x, y), pressure)
        _tablet(panel.canvas, pen, QEvent.TabletRelease, (x, 240), pressure)
    row = panel.canvas_array()[140]
    light, firm = (row[:135] < 128).sum(), (row[135:] < 128).sum()
    assert 0 < light < firm
    assert firm == pytest.approx(panel.canvas.brush_size(), abs=3)


def test_a_finger_draws_on_the_canvas(qtbot, panel):
    screen = QTest.createTouchDevice()
    # PySide's touch sequence maps points from the window (its widget= overload fails to
    # resolve), and sends nothing until commit().
    def at(y):
        return panel.canvas.mapTo(panel.window(), QPoint(140, y))

    # Each commit runs the event loop, so on a busy machine the throttled request may come
    # mid-stroke or before the finger lifts (CI saw it): listen from the first touch, and
    # wait for the request about the whole line.
    requests = []
    panel.predictionRequested.connect(requests.append)
    QTest.touchEvent(panel.canvas, screen).press(0, at(40)).commit()
    for y in range(50, 241, 10):
        QTest.touchEvent(panel.canvas, screen).move(0, at(y)).commit()
    QTest.touchEvent(panel.canvas, screen).release(0, at(240)).commit()
    assert (panel.canvas_array()[50:231, 140] < 64).all()
    whole_line = canvas_to_input(panel.canvas_array(), "digits8x8")
    qtbot.waitUntil(lambda: len(requests) > 0 and np.array_equal(requests[-1], whole_line),
                    timeout=2000)


def test_backspace_in_the_brush_box_edits_the_number_not_the_drawing(qtbot, panel):
    draw(qtbot, panel, SEVEN)
    panel.activateWindow()
    panel.brush_spin.setFocus()
    qtbot.waitUntil(panel.brush_spin.hasFocus)
    panel.brush_spin.lineEdit().setCursorPosition(2)  # after "20"
    qtbot.keyClick(panel.brush_spin, Qt.Key_Backspace)
    assert panel.brush_spin.text() == "2 px"
    assert (panel.canvas_array() < 128).any()


# ---- a cleaner pen -------------------------------------------------------------------


def test_a_single_click_leaves_a_dot(qtbot, panel):
    with qtbot.waitSignal(panel.predictionRequested, timeout=2000):
        stroke(panel.canvas, [(140, 140)])
    inked = panel.canvas_array() < 128
    assert inked.sum() == pytest.approx(np.pi * (panel.canvas.brush_size() / 2) ** 2, rel=0.2)
    assert inked[140, 140]


def test_a_slip_of_the_pen_beside_the_digit_does_not_change_what_the_network_sees(qtbot, panel):
    clean = draw(qtbot, panel, SEVEN)
    with qtbot.waitSignal(panel.predictionRequested, timeout=2000) as request:
        stroke(panel.canvas, [(262, 262)])  # a click in the corner
    np.testing.assert_array_equal(request.args[0], clean)
    # A real second stroke does count.
    with qtbot.waitSignal(panel.predictionRequested, timeout=2000) as request:
        stroke(panel.canvas, [(110, 160), (200, 160)])
    assert not np.array_equal(request.args[0], clean)


def test_ctrl_z_takes_back_the_last_stroke_and_the_button_too(qtbot, panel):
    one = draw(qtbot, panel, ONE)
    draw(qtbot, panel, [(100, 60), (180, 60)])
    panel.activateWindow()
    panel.canvas.setFocus()
    qtbot.waitUntil(panel.canvas.hasFocus)
    with qtbot.waitSignal(panel.predictionRequested, timeout=2000) as request:
        qtbot.keyClick(panel.canvas, Qt.Key_Z, Qt.ControlModifier)
    np.testing.assert_array_equal(request.args[0], one)
    assert len(panel.canvas.strokes()) == 1
    qtbot.mouseClick(panel.undo_button, Qt.LeftButton)
    assert (panel.canvas_array() == 255).all() and panel.verdict.text() == "Draw a digit"


def test_the_canvas_paints_like_the_numpy_pen_of_the_benchmark(qtbot, panel):
    # bench/drawing.py paints its test drawings with tfdesk.core.strokes; the window's
    # QPainter must give the network the same input for the same mouse points.
    from tfdesk.core.pen_digits import drawings
    from tfdesk.core.strokes import paint

    differences = []
    for hand in drawings(21, 1)[::3]:
        panel.clear()
        panel.brush_spin.setValue(round(hand.pen_width))
        for points in hand.strokes:
            stroke(panel.canvas, [tuple(p) for p in points], step=1e9)
        numpy_pen = paint(panel.canvas.strokes(), 280, round(hand.pen_width))
        canvas = panel.canvas_array()
        assert ((canvas < 128) != (numpy_pen < 128)).mean() < 0.002
        # A pixel more or less at the digit's edge can move a block's count by a few of 16.
        difference = np.abs(canvas_to_input(canvas) - canvas_to_input(numpy_pen))
        differences.append(difference)
    assert np.mean(differences) < 0.02 and np.max(differences) <= 4 / 16


def test_the_canvas_is_painted_at_the_screens_pixel_density(tmp_path):
    # A 2x screen: the strokes are kept at twice the pixels, so they stay sharp.
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent("""
        import sys
        sys.path.insert(0, 'tests')
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from qt_helpers import stroke
        from tfdesk.gui.drawing_canvas import DrawingCanvas
        canvas = DrawingCanvas()
        canvas.show()
        stroke(canvas, [(70, 70), (210, 200)])
        array = canvas.canvas_array()
        print(canvas.devicePixelRatioF(), *array.shape)
    """)
    import os

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=60, cwd=str(Path(__file__).parent.parent))
    assert done.returncode == 0, done.stderr
    ratio, height, width = done.stdout.split()[-3:]
    assert (float(ratio), int(height), int(width)) == (2.0, 560, 560)


# ---- answers -----------------------------------------------------------------------------


def test_an_answer_for_an_earlier_drawing_is_not_shown_under_a_newer_one(qtbot, panel):
    first = draw(qtbot, panel, ONE)
    draw(qtbot, panel, [(100, 60), (180, 60)])  # a flag: another drawing now
    panel.show_probabilities(SEVEN_ANSWER, first)  # the answer to the plain 1, arriving late
    assert panel.bars.probabilities() is None
    current = draw(qtbot, panel, [(100, 240), (180, 240)])
    panel.show_probabilities(SEVEN_ANSWER, current)
    assert panel.verdict.text() == "The network says: 7 (83 %)"


@pytest.mark.parametrize("answer, verdict", [
    ([0.05, 0.38, 0, 0, 0, 0, 0, 0.54, 0.03, 0], "The network is unsure: 7 or 1? (54 % / 38 %)"),
    ([0.02, 0.0, 0, 0.33, 0, 0, 0, 0.0, 0.65, 0], "The network is unsure: 8 or 3? (65 % / 33 %)"),
    ([0.0, 0.05, 0, 0, 0, 0, 0, 0.92, 0.03, 0], "The network says: 7 (92 %)"),
])
def test_an_unsure_network_asks_instead_of_announcing(qtbot, panel, answer, verdict):
    vector = draw(qtbot, panel, SEVEN)
    panel.show_probabilities(np.array(answer), vector)
    assert panel.verdict.text() == verdict


# ---- teaching -------------------------------------------------------------------------------


def test_a_digit_key_or_button_hands_the_drawing_over_with_its_label(qtbot, panel):
    draw(qtbot, panel, SEVEN)
    panel.activateWindow()
    panel.canvas.setFocus()
    qtbot.waitUntil(panel.canvas.hasFocus)
    with qtbot.waitSignal(panel.labelled, timeout=1000) as added:
        qtbot.keyClick(panel.canvas, Qt.Key_7)
    info, digit = added.args
    assert digit == 7 and len(info["strokes"]) == 1 and info["canvas"].shape == (280, 280)
    assert (panel.canvas_array() == 255).all()  # ready for the next one

    draw(qtbot, panel, ONE)
    with qtbot.waitSignal(panel.labelled, timeout=1000) as added:
        qtbot.mouseClick(panel.label_buttons[1], Qt.LeftButton)
    assert added.args[1] == 1
    # Nothing drawn, nothing added.
    with qtbot.assertNotEmitted(panel.labelled, wait=100):
        qtbot.mouseClick(panel.label_buttons[3], Qt.LeftButton)
