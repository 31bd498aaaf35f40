"""The canvas a digit is drawn on: strokes from mouse, pen or finger, kept as strokes.

The canvas remembers every stroke (its points, width and whether it erases), so
Ctrl+Z can take the last one back and a drawing can be stored as strokes in the
student's collection. The picture the model's input is made from is painted from
those strokes at the screen's pixel density, so it stays sharp on high-DPI screens.
A press without a move leaves a round dot, as a pen on paper does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen, QPointingDevice
from PySide6.QtWidgets import QWidget

CANVAS_SIDE = 280  # logical pixels: big enough for a finger, small beside the plot
DEFAULT_BRUSH = 20  # about the pen width of the training digits at this canvas size


@dataclass
class Stroke:
    width: float  # the brush width when the stroke began
    eraser: bool = False
    points: list = field(default_factory=list)  # QPointF, logical pixels
    widths: list = field(default_factory=list)  # per point (a pen's pressure changes it)


class DrawingCanvas(QWidget):
    """A white square that keeps black strokes from mouse, pen or finger."""

    strokesChanged = Signal()
    clearRequested = Signal()
    # A digit key pressed while the canvas has focus: add the drawing with this label.
    labelPressed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._brush = DEFAULT_BRUSH
        self._strokes: list[Stroke] = []
        self._drawing: Stroke | None = None  # the stroke under way
        self._image = self._blank_image()
        self.setFixedSize(CANVAS_SIDE, CANVAS_SIDE)
        self.setAttribute(Qt.WA_AcceptTouchEvents)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setCursor(Qt.CrossCursor)

    def brush_size(self) -> int:
        return self._brush

    def set_brush_size(self, pixels: int) -> None:
        self._brush = pixels

    def canvas_array(self) -> np.ndarray:
        """The strokes as a 2-D uint8 array (255 = paper, 0 = ink), at screen pixels."""
        image = self._image
        rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(
            image.height(), image.bytesPerLine())
        # Scan lines are padded to 4 bytes; the padding is not part of the picture.
        return rows[:, : image.width()].copy()

    def strokes(self) -> list[np.ndarray]:
        """The ink strokes as (n, 2) arrays of logical canvas pixels (eraser strokes left out)."""
        return [np.array([(p.x(), p.y()) for p in s.points], dtype=np.float32)
                for s in self._strokes if not s.eraser and s.points]

    def clear(self) -> None:
        self._strokes.clear()
        self._drawing = None
        self._repaint_image()

    def undo(self) -> bool:
        """Take back the last stroke; False when there is none."""
        if not self._strokes:
            return False
        self._strokes.pop()
        self._drawing = None
        self._repaint_image()
        return True

    # --- the picture ------------------------------------------------------

    def _blank_image(self) -> QImage:
        ratio = self.devicePixelRatioF()
        side = round(CANVAS_SIDE * ratio)
        image = QImage(side, side, QImage.Format_Grayscale8)
        image.setDevicePixelRatio(ratio)  # painters then draw in logical pixels
        image.fill(Qt.white)
        return image

    def _repaint_image(self) -> None:
        self._image = self._blank_image()
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.Antialiasing)
        for stroke in self._strokes:
            for i in range(len(stroke.points)):
                self._paint_segment(painter, stroke, i)
        painter.end()
        self.update()
        self.strokesChanged.emit()

    @staticmethod
    def _paint_segment(painter: QPainter, stroke: Stroke, i: int) -> None:
        colour = Qt.white if stroke.eraser else Qt.black
        painter.setPen(QPen(colour, stroke.widths[i], Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
        point = stroke.points[i]
        if i == 0:
            # A zero-length line paints nothing; a press alone still leaves a round dot.
            painter.setBrush(colour)
            painter.setPen(Qt.NoPen)
            radius = stroke.widths[i] / 2
            painter.drawEllipse(point, radius, radius)
            painter.setBrush(Qt.NoBrush)
        else:
            painter.drawLine(stroke.points[i - 1], point)

    def changeEvent(self, event) -> None:
        # Moved to a screen of another pixel density: paint the strokes anew for it.
        if event.type() == event.Type.DevicePixelRatioChange and \
                self._image.devicePixelRatio() != self.devicePixelRatioF():
            self._repaint_image()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.drawImage(self.rect(), self._image)
        if not self._strokes and self.isEnabled():
            painter.setPen(self.palette().color(QPalette.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignCenter | Qt.TextWordWrap,
                             self.tr("Draw a digit here"))
        if not self.isEnabled():
            painter.fillRect(self.rect(), QColor(128, 128, 128, 110))
        if self.hasFocus():  # the digit keys and Ctrl+Z go to the canvas: show it
            painter.setPen(QPen(self.palette().color(QPalette.Highlight), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        else:
            painter.setPen(self.palette().color(QPalette.Mid))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))

    def _begin(self, point: QPointF, width: float, eraser: bool = False) -> None:
        self._drawing = Stroke(self._brush, eraser)
        self._strokes.append(self._drawing)
        self._extend(point, width)

    def _extend(self, point: QPointF, width: float) -> None:
        stroke = self._drawing
        if stroke is None:
            return
        stroke.points.append(QPointF(point))
        stroke.widths.append(width)
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.Antialiasing)
        self._paint_segment(painter, stroke, len(stroke.points) - 1)
        painter.end()
        self.update()
        self.strokesChanged.emit()

    def _end(self) -> None:
        self._drawing = None

    # --- mouse ----------------------------------------------------------

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.RightButton:
            self.clearRequested.emit()
        elif event.button() == Qt.LeftButton:
            self._begin(event.position(), self._brush)

    def mouseMoveEvent(self, event) -> None:
        if event.buttons() & Qt.LeftButton:
            self._extend(event.position(), self._brush)

    def mouseReleaseEvent(self, event) -> None:
        self._end()

    def focusInEvent(self, event) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self.update()
        super().focusOutEvent(event)

    # --- keys -------------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        text = event.text()
        if len(text) == 1 and text.isdigit() and event.modifiers() in (Qt.NoModifier, Qt.KeypadModifier):
            self.labelPressed.emit(int(text))
            return
        super().keyPressEvent(event)

    # --- pen ------------------------------------------------------------

    def tabletEvent(self, event) -> None:
        # Accepting stops Qt from also sending the same stroke as mouse events.
        event.accept()
        if event.type() == event.Type.TabletRelease:
            self._end()
            return
        # A light touch draws a thinner line, as a pen on paper does.
        width = self._brush * (0.4 + 0.6 * event.pressure())
        if event.type() == event.Type.TabletPress:
            eraser = event.pointerType() == QPointingDevice.PointerType.Eraser
            self._begin(event.position(), width, eraser)
        else:
            self._extend(event.position(), width)

    # --- touch ----------------------------------------------------------

    def event(self, event) -> bool:
        if event.type() in (event.Type.TouchBegin, event.Type.TouchUpdate, event.Type.TouchEnd):
            points = event.points()
            if event.type() == event.Type.TouchEnd or not points:
                self._end()
            elif event.type() == event.Type.TouchBegin:
                self._begin(points[0].position(), self._brush)
            else:
                self._extend(points[0].position(), self._brush)
            event.accept()
            return True
        return super().event(event)
