"""The first layer's weights as pictures, one per hidden unit, updated while training.

Unit j of the first hidden layer computes relu(x · W[:, j] + b[j]); drawn as an
8×8 image (28×28 for MNIST-format data), W[:, j] shows which pixels push the
unit up (red) or down (blue). All tiles share one colour scale, so a strong
unit looks strong. When the first layer is a convolution, each tile is one filter
(3×3, say), and under them the feature maps those filters make of the drawing.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

FIRST_LAYER = "hidden_layer/weight1"
FIRST_CONV = "conv_layer/weight1"


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
        self.maps_caption = QLabel()
        self.maps_caption.setWordWrap(True)
        self.maps = _Tiles()
        self.maps.setToolTip(self.tr(
            "One map per filter: where in your drawing the filter finds its pattern (red: strongly)."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.tiles, 1)
        layout.addWidget(self.maps_caption)
        layout.addWidget(self.maps, 1)
        self.image_shape: tuple[int, int] | None = (8, 8)
        self._forget_maps()
        self._say_nothing_yet()

    def set_image_shape(self, shape: tuple[int, int] | None) -> None:
        """The input's picture size, or None for inputs that are not pictures."""
        self.image_shape = shape
        self._forget_maps()
        self.tiles.images = None
        self.tiles.update()
        self._say_nothing_yet()

    def show_weights(self, values: dict) -> None:
        filters = values.get(FIRST_CONV)
        if filters is not None and filters.ndim == 4 and self.image_shape is not None:
            self._show_filters(filters)
            return
        self._forget_maps()
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

    def show_feature_maps(self, maps) -> None:
        """The first convolution's maps of the drawing, (height, width, filters)."""
        if not self._convolution:
            return  # the network changed since: no convolution is shown
        self.maps.images = np.moveaxis(np.asarray(maps), -1, 0)
        self.maps.scale = float(np.abs(maps).max()) or 1.0
        self.maps_caption.setText(self.tr(
            "Your drawing through each filter: {n} maps of {h}×{w}. Red marks where a filter "
            "finds its pattern.").format(n=maps.shape[-1], h=maps.shape[0], w=maps.shape[1]))
        self.maps.show()
        self.maps.update()

    def _show_filters(self, filters: np.ndarray) -> None:
        # The first weights see the picture itself: one input channel.
        self.tiles.images = np.moveaxis(filters[:, :, 0, :], -1, 0)
        self.tiles.scale = float(np.abs(filters).max()) or 1.0
        k = filters.shape[0]
        self.caption.setText(self.tr(
            "{name}: {n} filters of {k}×{k}, each slid over the whole picture. Red weights look "
            "for ink, blue ones for blank paper; colours run from −{scale:.2g} to +{scale:.2g}.").format(
            name=FIRST_CONV, n=filters.shape[-1], k=k, scale=self.tiles.scale))
        if not self._convolution:
            self._convolution = True
            self.maps_caption.setText(self.tr("Draw a digit to see what each filter finds in it."))
            self.maps_caption.show()
        self.tiles.update()

    def _forget_maps(self) -> None:
        self._convolution = False
        self.maps.images = None
        self.maps.hide()
        self.maps_caption.hide()

    def _say_nothing_yet(self) -> None:
        self.caption.setText(self.tr("The first layer's weights appear here once the network is built."))
