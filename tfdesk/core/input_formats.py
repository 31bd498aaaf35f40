"""The image inputs tfdesk knows, in one place: each format's picture size, the scale
its drawings are stored at, and what the window calls it.

"digits8x8" is scikit-learn's digits (8 × 8 on-pixel counts 0–16), "mnist28" is MNIST
(28 × 28 grey levels 0–255). A data file whose arrays are pictures of another size
(n × height × width) is "image{h}x{w}": convolution works on it, but nothing can be
drawn for it. Any other input is "features": numbers with no picture. How a drawing
becomes one of these inputs is core/drawing.py; how a drawing collection stores them
is core/drawing_collection.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class InputFormat:
    name: str
    shape: tuple[int, int]
    stored_max: int  # a stored drawing's pixels run 0..stored_max; the model sees them / stored_max
    caption: str  # what the layer editor calls the input (translated in the "core" context)
    drawing: str  # how a drawing becomes this input, under the picture the model sees

    @property
    def size(self) -> int:
        return self.shape[0] * self.shape[1]


DIGITS8X8 = InputFormat(
    "digits8x8", (8, 8), 16, QT_TRANSLATE_NOOP("core", "8×8 image"),
    QT_TRANSLATE_NOOP("core", "8 × 8 values, 0–16 scaled to 0–1. Each square counts the ink in "
                              "a 4 × 4 block of a 32 × 32 drawing."))
MNIST28 = InputFormat(
    "mnist28", (28, 28), 255, QT_TRANSLATE_NOOP("core", "28×28 image"),
    QT_TRANSLATE_NOOP("core", "28 × 28 values, grey levels 0–1. The digit is scaled to fit "
                              "20 × 20 and centred by its centre of mass."))
IMAGE_FORMATS = {f.name: f for f in (DIGITS8X8, MNIST28)}
INPUT_FORMATS = tuple(IMAGE_FORMATS)  # the formats a drawing can be made for
DIGIT_CLASSES = [str(i) for i in range(10)]


_PICTURE = re.compile(r"image(\d+)x(\d+)")


def image_shape(name: str) -> tuple[int, int] | None:
    """The picture an input format is, or None for plain features."""
    known = IMAGE_FORMATS.get(name)
    if known:
        return known.shape
    picture = _PICTURE.fullmatch(name)
    return (int(picture[1]), int(picture[2])) if picture else None


def format_for_features(n_features: int) -> str:
    """The format of a network with this many inputs ("features": no picture)."""
    return next((f.name for f in IMAGE_FORMATS.values() if f.size == n_features), "features")


def format_for_shape(shape: tuple[int, ...] | None) -> str:
    """The format of a data file's samples of this shape: a known one, any other
    picture, or "features" when they are not pictures."""
    if shape is None or len(shape) != 2:
        return "features"
    return next((f.name for f in IMAGE_FORMATS.values() if f.shape == shape),
                "image{0}x{1}".format(*shape))
