"""What the draw panel shows besides the canvas: the model's input and its answer as bars."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

_HIGHLIGHT = QColor("#1f77b4")
_BAR = QColor("#b8c2cc")


class ModelInputView(QWidget):
    """The small image the model receives, enlarged with hard pixel edges so every value shows."""

    SIDE = 168  # divisible by 8 and by 28, so every input pixel is a whole square
    COMPACT_SIDE = 112  # the same, for a narrow panel

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._image: QImage | None = None
        self.setFixedSize(self.SIDE, self.SIDE)

    def set_compact(self, compact: bool) -> None:
        side = self.COMPACT_SIDE if compact else self.SIDE
        self.setFixedSize(side, side)

    def set_image(self, image: np.ndarray | None) -> None:
        """image: 2-D values in [0, 1] (1 = ink), or None for a blank view."""
        if image is None:
            self._image = None
        else:
            grey = np.ascontiguousarray(255 - np.clip(image, 0.0, 1.0) * 255, dtype=np.uint8)
            height, width = grey.shape
            self._image = QImage(grey.data, width, height, width, QImage.Format_Grayscale8).copy()
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.white)
        if self._image is not None:
            painter.setRenderHint(QPainter.SmoothPixmapTransform, False)
            painter.drawImage(self.rect(), self._image)
            if self._image.width() <= 8:
                # A grid makes the 64 separate numbers visible as cells.
                painter.setPen(QPen(QColor(200, 200, 200), 1))
                side = self.width()
                step = side / self._image.width()
                for i in range(1, self._image.width()):
                    painter.drawLine(QPointF(i * step, 0), QPointF(i * step, side))
                    painter.drawLine(QPointF(0, i * step), QPointF(side, i * step))
        painter.setPen(self.palette().color(QPalette.Mid))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))


class ProbabilityBars(QWidget):
    """One bar per class, its height the probability; the top class stands out in colour."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._probabilities: np.ndarray | None = None
        self._names = [str(i) for i in range(10)]
        self.setMinimumSize(120, 150)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(340, 180)

    def set_class_names(self, names: list[str]) -> None:
        self._names = list(names)
        self.update()

    def set_probabilities(self, probabilities: np.ndarray | None) -> None:
        self._probabilities = None if probabilities is None else np.asarray(probabilities, float)
        self.update()

    def probabilities(self) -> np.ndarray | None:
        return None if self._probabilities is None else self._probabilities.copy()

    def _count(self) -> int:
        return len(self._probabilities) if self._probabilities is not None else len(self._names)

    def class_name(self, index: int) -> str:
        return self._names[index] if index < len(self._names) else str(index)

    def _plot_area(self) -> QRectF:
        line = self.fontMetrics().height()
        return QRectF(self.rect()).adjusted(4, line + 4, -4, -(line + 6))

    def bar_rect(self, index: int) -> QRectF:
        """Where the bar of class index is drawn (zero height when nothing is shown)."""
        area = self._plot_area()
        slot = area.width() / max(1, self._count())
        value = 0.0 if self._probabilities is None else float(self._probabilities[index])
        height = area.height() * min(max(value, 0.0), 1.0)
        return QRectF(area.left() + index * slot + slot * 0.15, area.bottom() - height,
                      slot * 0.7, height)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        area = self._plot_area()
        text = self.palette().color(QPalette.WindowText)
        top = None if self._probabilities is None else int(np.argmax(self._probabilities))
        line = self.fontMetrics().height()
        for index in range(self._count()):
            bar = self.bar_rect(index)
            painter.fillRect(bar, _HIGHLIGHT if index == top else _BAR)
            label_box = QRectF(bar.left() - 6, area.bottom() + 3, bar.width() + 12, line)
            font = QFont(self.font())
            font.setBold(index == top)
            painter.setFont(font)
            painter.setPen(text)
            painter.drawText(label_box, Qt.AlignCenter, self.class_name(index))
            value = None if self._probabilities is None else self._probabilities[index]
            # Tiny shares would only clutter the chart with "0 %".
            if value is not None and value >= 0.05:
                # As wide as the label needs, whatever the bar's width: "100 %" is not cut.
                label = self.tr("{percent} %").format(percent=f"{value * 100:.0f}")
                width = self.fontMetrics().horizontalAdvance(label) + 4
                left = min(max(bar.center().x() - width / 2, 0.0), self.width() - width)
                value_box = QRectF(left, bar.top() - line - 1, width, line)
                painter.drawText(value_box, Qt.AlignCenter, label)
        painter.setPen(QPen(self.palette().color(QPalette.Mid), 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
