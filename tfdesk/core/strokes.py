"""Pen strokes: the drawing as the hand made it, and the canvas it paints.

A drawing is a list of strokes, each an (n, 2) array of (x, y) points in canvas
pixels, one per mouse event from press to release. Keeping the strokes rather
than only the picture lets a stroke be undone, a saved drawing be painted again
with another pen width, and a drawing be stored in a few hundred bytes.

`paint` is the numpy twin of the draw panel's QPainter pen (round caps and
joins, antialiased, each segment composited over the last) so that a drawing
made here in numpy goes through the same preparation as one made with the mouse;
tests/test_gui_draw.py holds the two side by side.
"""

from __future__ import annotations

import numpy as np

from .errors import TfdeskError
from .i18n import QT_TRANSLATE_NOOP

Strokes = list  # list[np.ndarray]: each (n, 2) float points, x right, y down

PAPER, INK = 255, 0


def as_strokes(strokes) -> list[np.ndarray]:
    """Validated float32 (n, 2) arrays; n >= 1 (a single point is a dot)."""
    result = []
    for index, stroke in enumerate(strokes):
        points = np.asarray(stroke, dtype=np.float64)
        if points.ndim != 2 or points.shape[1] != 2 or len(points) == 0:
            raise TfdeskError(
                QT_TRANSLATE_NOOP("core", "stroke {number}: expected a list of (x, y) points"),
                number=index + 1)
        if not np.isfinite(points).all():
            raise TfdeskError(
                QT_TRANSLATE_NOOP("core", "stroke {number}: holds points that are not finite numbers"),
                number=index + 1)
        result.append(points.astype(np.float32))
    return result


def paint(strokes, size: int | tuple[int, int] = 280, width: float = 20.0) -> np.ndarray:
    """The strokes on white paper: a (height, width) uint8 image, 255 paper, 0 ink.

    Every segment is a line `width` pixels wide with round ends, antialiased by
    the share of each pixel it covers, and laid over what is there as a QPainter
    with SourceOver composition does (so joints are painted twice, as on screen).
    """
    height, image_width = (size, size) if np.isscalar(size) else size
    ink = np.zeros((height, image_width), dtype=np.float64)
    radius = max(float(width), 0.5) / 2.0
    for stroke in as_strokes(strokes):
        points = stroke.astype(np.float64)
        if len(points) == 1:
            points = np.repeat(points, 2, axis=0)  # a press without a move: a round dot
        for start, end in zip(points[:-1], points[1:]):
            _composite_segment(ink, start, end, radius)
    return np.round(PAPER - ink * (PAPER - INK)).astype(np.uint8)


def _composite_segment(ink: np.ndarray, start: np.ndarray, end: np.ndarray, radius: float) -> None:
    reach = radius + 1.0
    left = max(int(np.floor(min(start[0], end[0]) - reach)), 0)
    right = min(int(np.ceil(max(start[0], end[0]) + reach)) + 1, ink.shape[1])
    top = max(int(np.floor(min(start[1], end[1]) - reach)), 0)
    bottom = min(int(np.ceil(max(start[1], end[1]) + reach)) + 1, ink.shape[0])
    if left >= right or top >= bottom:
        return
    # Pixel (i, j) covers [j, j+1) x [i, i+1); its centre is what the pen is measured to.
    xs = np.arange(left, right) + 0.5
    ys = np.arange(top, bottom) + 0.5
    px, py = xs[None, :] - start[0], ys[:, None] - start[1]
    direction = end - start
    length2 = float(direction @ direction)
    if length2 > 0:
        along = np.clip((px * direction[0] + py * direction[1]) / length2, 0.0, 1.0)
        px = px - along * direction[0]
        py = py - along * direction[1]
    distance = np.hypot(px, py)
    # The share of a pixel inside the pen's edge, to within a pixel's width.
    coverage = np.clip(radius + 0.5 - distance, 0.0, 1.0)
    window = ink[top:bottom, left:right]
    window += coverage * (1.0 - window)


def bounds(strokes) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of every point."""
    points = np.concatenate(as_strokes(strokes))
    return (float(points[:, 0].min()), float(points[:, 1].min()),
            float(points[:, 0].max()), float(points[:, 1].max()))
