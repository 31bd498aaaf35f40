"""Simulated mouse drawings: the numpy pen, the hands, and the shipped training drawings."""

import numpy as np
import pytest

from tfdesk.core.data import pen_digits_collection
from tfdesk.core.drawing import canvas_to_input
from tfdesk.core.pen_digits import CANVAS, STYLES, TRAINING_SEED, drawings, write
from tfdesk.core.strokes import paint


def test_the_pen_paints_round_antialiased_lines_of_its_width():
    canvas = paint([[(40.0, 100.3), (240.0, 100.3)]], 280, width=20)
    assert canvas.dtype == np.uint8 and canvas.shape == (280, 280)
    column = canvas[:, 140]
    inked = np.flatnonzero(column < 128)
    assert len(inked) == 20 and inked.mean() == pytest.approx(99.8, abs=0.5)
    assert ((column > 0) & (column < 255)).any()  # grey at the edge: antialiased
    # Round ends: the line reaches 10 px beyond its last point in the middle, less off-centre.
    assert canvas[100, 248] < 128 and canvas[100, 252] == 255
    assert canvas[92, 247] == 255


def test_a_single_point_is_a_dot_and_overlaps_darken():
    dot = paint([[(50.0, 50.0)]], 100, width=10)
    assert (dot < 128).sum() == pytest.approx(np.pi * 25, rel=0.15)
    faint_twice = paint([[(10.0, 10.0), (90.0, 10.0)], [(10.0, 10.0), (90.0, 10.0)]], 100, width=1)
    faint_once = paint([[(10.0, 10.0), (90.0, 10.0)]], 100, width=1)
    assert faint_twice.sum() < faint_once.sum()


def test_hands_are_seeds_every_style_is_written_and_fits_the_canvas():
    a, b = drawings(7, 2), drawings(7, 2)
    assert len(a) == 2 * sum(len(s) for s in STYLES.values())
    for x, y in zip(a, b):
        assert (x.digit, x.style, x.pen_width) == (y.digit, y.style, y.pen_width)
        for s, t in zip(x.strokes, y.strokes):
            np.testing.assert_array_equal(s, t)
    other = drawings(8, 2)
    assert not np.array_equal(a[0].strokes[0], other[0].strokes[0])
    for hand in a:
        points = np.concatenate(hand.strokes)
        assert points.min() >= hand.pen_width / 2 and points.max() <= CANVAS - hand.pen_width / 2
        assert all(len(s) >= 2 for s in hand.strokes)


@pytest.mark.parametrize("digit", range(10))
def test_every_style_looks_like_its_digit_to_a_classifier_of_the_real_digits(digit, digits_svc):
    # A plain SVM on scikit-learn's digits reads most styles; the few it cannot (closed
    # 4s, flagged 1s with a base) are why the pen digits exist. Chance is 10 %.
    rng = np.random.default_rng(11)
    hands = [write(digit, style, rng) for style in STYLES[digit] for _ in range(8)]
    vectors = np.stack([canvas_to_input(paint(h.strokes, CANVAS, h.pen_width)) for h in hands])
    assert (digits_svc.predict(vectors) == digit).mean() >= 0.5


@pytest.fixture(scope="module")
def digits_svc():
    from sklearn.datasets import load_digits
    from sklearn.svm import SVC

    d = load_digits()
    return SVC(gamma="scale").fit(d.data / 16.0, d.target)


def test_the_shipped_pen_digits_are_what_the_script_makes():
    collection = pen_digits_collection()
    counts = collection.counts()
    per_style = len(collection) // sum(len(s) for s in STYLES.values())
    assert per_style >= 50
    assert all(counts[d] == per_style * len(STYLES[d]) for d in range(10))
    hands = drawings(TRAINING_SEED, per_style)
    for index in range(0, len(hands), 97):
        stored, hand = collection[index], hands[index]
        assert stored.label == hand.digit and stored.writer.endswith(hand.style)
        for s, t in zip(stored.strokes, hand.strokes):
            np.testing.assert_allclose(s, t, atol=0.13)  # kept in half precision
        canvas = paint(hand.strokes, CANVAS, hand.pen_width)
        for name in ("digits8x8", "mnist28"):
            np.testing.assert_allclose(stored.model_input(name), canvas_to_input(canvas, name),
                                       atol=0.51 / (16 if name == "digits8x8" else 255))
