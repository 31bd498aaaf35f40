"""The first layer's weights as pictures, one per hidden unit, updated while training.

Unit j of the first hidden layer computes relu(x · W[:, j] + b[j]); drawn as an
8×8 image (28×28 for MNIST-format data), W[:, j] shows which pixels push the
unit up (red) or down (blue). All tiles share one colour scale, so a strong
unit looks strong.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

FIRST_LAYER = "hidden_layer/weight1"


def diverging_rgb(values: np.ndarray, scale: float) -> np.ndarray:
    """Blue for negative, white for zero, red for positive; |values| ≥ scale is full colour."""
    t = np.clip(values / scale, -1.0, 1.0) if scale > 0 else np.zeros_like(values)
    rgb = np.empty(values.shape + (3,), np.uint8)
    fade = (255 * (1 - np.abs(t))).astype(np.uint8)
    rgb[..., 0] = np.where(t < 0, fade, 255)
    rgb[..., 1] = fade
    rgb[..., 2] = np.where(t > 0, fade, 255)
    return rgb


class _Tiles(QWidget):
    def __init__(self):
        super().__init__()
        self.images: np.ndarray | None = None  # (units, height, width)
        self.scale = 1.0
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        if self.images is None or len(self.images) == 0:
            return
        units, height, width = self.images.shape
        columns = max(1, math.ceil(math.sqrt(units * self.width() / max(1, self.height()))))
        rows = math.ceil(units / columns)
        tile = min(self.width() / columns, self.height() / rows)
        gap = max(1.0, tile * 0.08)
        rgb = diverging_rgb(self.images, self.scale)
        for j in range(units):
            row, column = divmod(j, columns)
            picture = np.ascontiguousarray(rgb[j])
            image = QImage(picture.data, width, height, 3 * width, QImage.Format_RGB888)
            target = QRectF(column * tile + gap / 2, row * tile + gap / 2, tile - gap, tile - gap)
            painter.drawImage(target, image)
            painter.setPen(QColor(200, 200, 200))
            painter.drawRect(target)


class WeightsView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.tiles = _Tiles()
        self.tiles.setToolTip(self.tr(
            "Each square is one hidden unit's weights on the input pixels: red pixels push "
            "the unit up, blue ones down, white ones do not matter. Watch them change as it trains."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.tiles, 1)
        self.image_shape: tuple[int, int] | None = (8, 8)
        self._say_nothing_yet()

    def set_image_shape(self, shape: tuple[int, int] | None) -> None:
        """The input's picture size, or None for inputs that are not pictures."""
        self.image_shape = shape
        self.tiles.images = None
        self.tiles.update()
        self._say_nothing_yet()

    def show_weights(self, values: dict) -> None:
        weights = values.get(FIRST_LAYER)
        if weights is None or self.image_shape is None:
            self.tiles.images = None
            self.caption.setText(self.tr(
                "The first hidden layer's weights are drawn here when the network has a "
                "hidden layer and its input is a picture."))
        elif weights.shape[0] != self.image_shape[0] * self.image_shape[1]:
            return  # weights of another network, on their way out
        else:
            self.tiles.images = weights.T.reshape(-1, *self.image_shape)
            self.tiles.scale = float(np.abs(weights).max()) or 1.0
            self.caption.setText(self.tr(
                "{name}: {inputs} inputs × {units} hidden units. One {h}×{w} picture per unit; "
                "colours run from blue (−{scale:.2g}) through white (0) to red (+{scale:.2g}).").format(
                name=FIRST_LAYER, inputs=weights.shape[0], units=weights.shape[1],
                h=self.image_shape[0], w=self.image_shape[1], scale=self.tiles.scale))
        self.tiles.update()

    def _say_nothing_yet(self) -> None:
        self.caption.setText(self.tr("The first layer's weights appear here once the network is built."))
