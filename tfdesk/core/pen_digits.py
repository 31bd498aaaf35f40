"""Digits drawn with a mouse by simulated hands: strokes, not pictures.

Each digit has the ways people commonly write it (a 1 plain, with a flag, with
a flag and a base; a 4 open or closed at the top; a 7 with or without a
bar; …), written as pen paths in a unit box. A "hand" then writes a path the
way one person with a mouse would: at some size and place on the canvas,
slanted, wider or narrower, a little wobbly, sampled at mouse-event spacing,
with its own pen width. Everything a hand does comes from one seeded random
generator, so a set of drawings is a seed and a count.

bench/drawing.py draws its held-out test set from here; the strokes go through
`strokes.paint` and `drawing.canvas_to_input` exactly like a drawing on the
canvas does.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CANVAS = 280  # the draw panel's canvas (gui/drawing_canvas.py CANVAS_SIDE)
DEFAULT_PEN = 20  # the draw panel's default brush (DEFAULT_BRUSH)
# Hands are seeds. Training drawings (resources/pen_digits.npz) come from the
# first, bench/drawing.py tunes on the second and reports on the third only.
TRAINING_SEED, TUNING_SEED, TEST_SEED = 1, 2, 3


def _catmull_rom(points, per_segment=16):
    """A smooth path through the waypoints (centripetal-free, uniform Catmull-Rom)."""
    p = np.asarray(points, dtype=np.float64)
    if len(p) < 3:
        return _line(*p)
    padded = np.vstack([2 * p[0] - p[1], p, 2 * p[-1] - p[-2]])
    t = np.linspace(0, 1, per_segment, endpoint=False)[:, None]
    pieces = []
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1], padded[i], padded[i + 1], padded[i + 2]
        pieces.append(0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t ** 2
                             + (-p0 + 3 * p1 - 3 * p2 + p3) * t ** 3))
    pieces.append(p[-1:])
    return np.vstack(pieces)


def _line(*points, per_unit=40):
    p = np.asarray(points, dtype=np.float64)
    pieces = []
    for a, b in zip(p[:-1], p[1:]):
        n = max(2, int(np.hypot(*(b - a)) * per_unit))
        pieces.append(a + (b - a) * np.linspace(0, 1, n, endpoint=False)[:, None])
    pieces.append(p[-1:])
    return np.vstack(pieces)


def _arc(cx, cy, rx, ry, start, end, n=48):
    """An elliptic arc; angles in degrees, counter-clockwise as seen on screen."""
    t = np.radians(np.linspace(start, end, n))
    return np.column_stack([cx + rx * np.cos(t), cy - ry * np.sin(t)])


def _join(*pieces):
    return np.vstack(pieces)


# ---- the styles ---------------------------------------------------------------
# Each takes the hand's random generator (for the style's own proportions) and
# returns (strokes in a unit box, x right and y down, the width/height it looks best at).

def _u(rng, low, high):
    return float(rng.uniform(low, high))


def _zero_oval(r):
    start = _u(r, 80, 120)
    return [_arc(0.5, 0.5, 0.5, 0.5, start, start + 360 + _u(r, -15, 35))], 0.72


def _zero_clockwise(r):
    start = _u(r, 60, 100)
    return [_arc(0.5, 0.5, 0.5, 0.5, start, start - 360 - _u(r, -15, 35))], 0.62


def _one_plain(r):
    lean = _u(r, -0.1, 0.1)
    return [_line((0.5 + lean, 0.0), (0.5 - lean, 1.0))], 0.12


def _one_flag(r):
    flag = _u(r, 0.18, 0.35)
    return [_line((0.5 - flag * 1.4, flag * _u(r, 0.6, 1.1)), (0.55, 0.0), (0.55, 1.0))], 0.35


def _one_flag_base(r):
    flag = _u(r, 0.18, 0.35)
    base = _u(r, 0.3, 0.5)
    return [_line((0.5 - flag * 1.4, flag * _u(r, 0.6, 1.1)), (0.55, 0.0), (0.55, 1.0)),
            _line((0.55 - base, 1.0), (0.55 + base, 1.0))], 0.55


def _two_curve(r):
    top = _arc(0.5, 0.3, 0.5, 0.3, _u(r, 150, 175), _u(r, -40, -15))
    return [_join(top, _line(top[-1], (0.0, 1.0), (1.0, _u(r, 0.95, 1.02))))], 0.7


def _two_loop(r):
    top = _arc(0.5, 0.3, 0.5, 0.3, _u(r, 150, 175), _u(r, -40, -15))
    loop = _catmull_rom([top[-1], (0.15, 0.85), (0.2, 1.0), (0.32, 0.9), (0.22, 0.96),
                         (0.6, 1.0), (1.0, 0.97)])
    return [_join(top, loop)], 0.7


def _three_round(r):
    waist = _u(r, 0.42, 0.52)
    upper = _arc(0.5, waist / 2, 0.45, waist / 2, _u(r, 140, 170), -90)
    lower = _arc(0.48, (1 + waist) / 2, 0.5, (1 - waist) / 2, 90, _u(r, -170, -140))
    return [_join(upper, lower)], 0.65


def _three_flat(r):
    waist = _u(r, 0.38, 0.48)
    head = _line((0.05, 0.0), (0.95, 0.0), (0.35, waist))
    lower = _arc(0.45, (1 + waist) / 2, 0.52, (1 - waist) / 2, _u(r, 100, 130), _u(r, -170, -140))
    return [_join(head, lower)], 0.65


def _four_open(r):
    bar = _u(r, 0.55, 0.7)
    return [_line((_u(r, 0.15, 0.35), 0.0), (0.0, bar), (1.0, bar)),
            _line((0.72, _u(r, 0.1, 0.3)), (0.72, 1.0))], 0.75


def _four_closed(r):
    bar = _u(r, 0.6, 0.72)
    return [_line((0.7, 0.0), (0.0, bar), (1.0, bar)),
            _line((0.7, 0.0), (0.7, 1.0))], 0.75


def _five_two_strokes(r):
    neck = _u(r, 0.35, 0.5)
    body = _join(_line((0.15, 0.0), (0.1, neck)),
                 _arc(0.45, (1 + neck) / 2 + 0.03, 0.5, (1 - neck) / 2, 140, _u(r, -170, -140)))
    return [body, _line((0.15, 0.0), (_u(r, 0.8, 1.0), _u(r, -0.04, 0.02)))], 0.65


def _five_one_stroke(r):
    neck = _u(r, 0.35, 0.5)
    body = _join(_line((_u(r, 0.8, 1.0), 0.0), (0.15, 0.0), (0.1, neck)),
                 _arc(0.45, (1 + neck) / 2 + 0.03, 0.5, (1 - neck) / 2, 140, _u(r, -170, -140)))
    return [body], 0.65


def _six_curl(r):
    belly = _u(r, 0.5, 0.62)
    cy, ry = (1 + belly) / 2 - 0.01, (1 - belly) / 2 + 0.02
    stem = _catmull_rom([(_u(r, 0.7, 0.95), 0.0), (0.3, 0.12), (0.05, 0.45), (0.0, cy)])
    return [_join(stem, _arc(0.5, cy, 0.5, ry, 180, 180 + _u(r, 290, 340)))], 0.65


def _six_straight(r):
    belly = _u(r, 0.5, 0.62)
    cy, ry = (1 + belly) / 2 - 0.01, (1 - belly) / 2 + 0.02
    stem = _line((_u(r, 0.55, 0.8), 0.0), (0.02, cy))
    return [_join(stem, _arc(0.5, cy, 0.48, ry, 180, 180 + _u(r, 290, 340)))], 0.6


def _seven_plain(r):
    return [_line((0.0, _u(r, 0.0, 0.06)), (1.0, 0.0), (_u(r, 0.2, 0.45), 1.0))], 0.7


def _seven_crossed(r):
    foot = _u(r, 0.2, 0.45)
    middle = 0.5 + _u(r, -0.08, 0.08)
    x = 1.0 + (foot - 1.0) * middle  # where the bar crosses the stem
    return [_line((0.0, _u(r, 0.0, 0.06)), (1.0, 0.0), (foot, 1.0)),
            _line((x - _u(r, 0.25, 0.4), middle), (x + _u(r, 0.2, 0.35), middle))], 0.7


def _seven_hooked(r):
    return [_line((0.0, _u(r, 0.15, 0.3)), (0.02, 0.0), (1.0, 0.0), (_u(r, 0.25, 0.5), 1.0))], 0.7


def _eight_one_stroke(r):
    waist = _u(r, 0.42, 0.52)
    path = [(0.85, 0.12), (0.5, 0.0), (0.15, 0.15), (0.3, waist - 0.1), (0.5, waist),
            (0.85, waist + 0.2), (0.9, 0.88), (0.5, 1.0), (0.1, 0.86), (0.2, waist + 0.15),
            (0.5, waist), (0.75, waist - 0.12), (_u(r, 0.8, 0.9), _u(r, 0.05, 0.15))]
    return [_catmull_rom(path)], 0.6


def _eight_two_loops(r):
    waist = _u(r, 0.42, 0.5)
    start = _u(r, 0, 60)
    return [_arc(0.5, waist / 2, 0.4, waist / 2, start, start + 360),
            _arc(0.5, (1 + waist) / 2, 0.5, (1 - waist) / 2, 90, 450)], 0.6


def _nine_curl(r):
    loop = _u(r, 0.4, 0.5)
    head = _arc(0.5, loop / 2, 0.48, loop / 2, _u(r, 5, 25), 370)
    tail = _catmull_rom([head[-1], (0.97, loop * 0.8), (0.9, 0.75), (0.7, 1.0),
                         (_u(r, 0.25, 0.45), _u(r, 0.92, 1.0))])
    return [_join(head, tail)], 0.65


def _nine_straight(r):
    loop = _u(r, 0.4, 0.5)
    head = _arc(0.5, loop / 2, 0.48, loop / 2, _u(r, 5, 25), 370)
    return [_join(head, _line(head[-1], (_u(r, 0.85, 1.0), 1.0)))], 0.6


STYLES: dict[int, dict[str, object]] = {
    0: {"oval": _zero_oval, "clockwise": _zero_clockwise},
    1: {"plain": _one_plain, "flag": _one_flag, "flag and base": _one_flag_base},
    2: {"curve": _two_curve, "loop": _two_loop},
    3: {"round": _three_round, "flat top": _three_flat},
    4: {"open": _four_open, "closed": _four_closed},
    5: {"two strokes": _five_two_strokes, "one stroke": _five_one_stroke},
    6: {"curled": _six_curl, "straight": _six_straight},
    7: {"plain": _seven_plain, "crossed": _seven_crossed, "hooked": _seven_hooked},
    8: {"one stroke": _eight_one_stroke, "two loops": _eight_two_loops},
    9: {"curled": _nine_curl, "straight": _nine_straight},
}


# ---- the hand --------------------------------------------------------------


@dataclass
class PenDigit:
    digit: int
    style: str
    strokes: list  # (n, 2) float32 arrays in canvas pixels
    pen_width: float


def _wobble(rng, points, amplitude):
    """Slow drift along the path: the hand does not follow the ideal curve."""
    length = np.concatenate([[0], np.cumsum(np.hypot(*np.diff(points, axis=0).T))])
    drift = np.zeros_like(points)
    for _ in range(3):
        wavelength = rng.uniform(0.5, 2.0)
        phase = rng.uniform(0, 2 * np.pi, size=2)
        drift += np.sin(2 * np.pi * length[:, None] / wavelength + phase) * rng.normal(0, amplitude, 2)
    return points + drift


def _warp(rng, strokes, amplitude):
    """A smooth bend of the whole box: loops grow or shrink, bars tilt."""
    k = rng.uniform(1.0, 2.5, size=(2, 2))
    phase = rng.uniform(0, 2 * np.pi, size=(2, 2))
    a = rng.normal(0, amplitude, size=2)

    def bend(p):
        dx = a[0] * np.sin(k[0, 0] * np.pi * p[:, 1] + phase[0, 0]) * np.sin(k[0, 1] * np.pi * p[:, 0] + phase[0, 1])
        dy = a[1] * np.sin(k[1, 0] * np.pi * p[:, 0] + phase[1, 0]) * np.sin(k[1, 1] * np.pi * p[:, 1] + phase[1, 1])
        return p + np.column_stack([dx, dy])
    return [bend(s) for s in strokes]


def _mouse_samples(rng, points, spacing):
    """The points a mouse reports along the path: one every `spacing` pixels or so."""
    steps = np.hypot(*np.diff(points, axis=0).T)
    length = np.concatenate([[0], np.cumsum(steps)])
    if length[-1] == 0:
        return points[:1]
    targets = np.cumsum(rng.uniform(0.5, 1.5, size=int(length[-1] / spacing * 2) + 2) * spacing)
    targets = np.concatenate([[0], targets[targets < length[-1]], [length[-1]]])
    return np.column_stack([np.interp(targets, length, points[:, 0]),
                            np.interp(targets, length, points[:, 1])])


def write(digit: int, style: str, rng: np.random.Generator, canvas: int = CANVAS) -> PenDigit:
    """One digit in one style, by the hand that `rng` stands for."""
    strokes, aspect = STYLES[digit][style](rng)
    strokes = _warp(rng, strokes, 0.04)
    height = canvas * rng.uniform(0.4, 0.85)
    width = height * aspect * rng.uniform(0.75, 1.3)
    slant = np.tan(np.radians(rng.uniform(-12, 25)))  # right-handed writers lean right
    turn = np.radians(rng.normal(0, 4))
    pen = DEFAULT_PEN if rng.random() < 0.4 else rng.uniform(8, 34)
    spacing = rng.uniform(2.0, 10.0)
    placed = []
    for unit in strokes:
        p = _wobble(rng, unit, 0.008)
        x = (p[:, 0] - 0.5) * width - slant * (p[:, 1] - 0.5) * height
        y = (p[:, 1] - 0.5) * height
        placed.append(np.column_stack([x * np.cos(turn) - y * np.sin(turn),
                                       x * np.sin(turn) + y * np.cos(turn)]))
    margin = pen / 2 + 2
    points = np.vstack(placed)
    low, high = points.min(axis=0), points.max(axis=0)
    # A tall, slanted, wide hand may not fit: it writes smaller, as on paper.
    fit = min(1.0, (canvas - 2 * margin) / max(high - low))
    placed = [p * fit for p in placed]
    low, high = low * fit, high * fit
    # Anywhere on the canvas the digit fits, a little more often near the middle.
    room = np.maximum(canvas - 2 * margin - (high - low), 0)
    corner = margin - low + room * rng.beta(2.0, 2.0, size=2)
    hand = [_mouse_samples(rng, s + corner, spacing).astype(np.float32) for s in placed]
    return PenDigit(digit, style, hand, float(pen))


def drawings(seed: int, per_style: int, canvas: int = CANVAS) -> list[PenDigit]:
    """per_style drawings of every style of every digit, each by another hand."""
    rng = np.random.default_rng(seed)
    return [write(digit, style, rng, canvas)
            for digit, styles in STYLES.items()
            for style in styles
            for _ in range(per_style)]
