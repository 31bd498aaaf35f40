"""Draw a digit and watch the network classify it.

The panel turns the drawing into the exact vector the model was trained on
(tfdesk.core.drawing), shows that small image, and asks for a prediction; the
main window forwards the request to the worker and hands the answer back to
show_probabilities. Nothing here runs the model.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QPointingDevice,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tfdesk.core.drawing import INPUT_FORMATS, NothingDrawn, canvas_to_input, model_view

CANVAS_SIDE = 280  # logical pixels: big enough for a finger, small beside the plot
DEFAULT_BRUSH = 20  # about the pen width of the training digits at this canvas size
# At most one conversion and prediction request per interval while the pen moves.
THROTTLE_MS = 30

_HIGHLIGHT = QColor("#1f77b4")
_BAR = QColor("#b8c2cc")


class DrawingCanvas(QWidget):
    """A white square that keeps black strokes from mouse, pen or finger in a grayscale image."""

    strokesChanged = Signal()
    clearRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._image = QImage(CANVAS_SIDE, CANVAS_SIDE, QImage.Format_Grayscale8)
        self._image.fill(Qt.white)
        self._brush = DEFAULT_BRUSH
        self._last: QPointF | None = None
        self._empty = True
        self.setFixedSize(CANVAS_SIDE, CANVAS_SIDE)
        self.setAttribute(Qt.WA_AcceptTouchEvents)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setCursor(Qt.CrossCursor)

    def brush_size(self) -> int:
        return self._brush

    def set_brush_size(self, pixels: int) -> None:
        self._brush = pixels

    def canvas_array(self) -> np.ndarray:
        """The strokes as a 2-D uint8 array (255 = paper, 0 = ink)."""
        image = self._image
        rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(
            image.height(), image.bytesPerLine()
        )
        # Scan lines are padded to 4 bytes; the padding is not part of the picture.
        return rows[:, : image.width()].copy()

    def clear(self) -> None:
        self._image.fill(Qt.white)
        self._last = None
        self._empty = True
        self.update()
        self.strokesChanged.emit()

    # --- painting -------------------------------------------------------

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.drawImage(self.rect(), self._image)
        if self._empty and self.isEnabled():
            painter.setPen(self.palette().color(QPalette.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignCenter | Qt.TextWordWrap,
                             self.tr("Draw a digit here"))
        if not self.isEnabled():
            painter.fillRect(self.rect(), QColor(128, 128, 128, 110))
        painter.setPen(self.palette().color(QPalette.Mid))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))

    def _stroke_to(self, point: QPointF, width: float, colour=Qt.black) -> None:
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(QPen(colour, width, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
        # A press without a move still leaves a round dot.
        painter.drawLine(self._last if self._last is not None else point, point)
        painter.end()
        self._last = point
        self._empty = False
        self.update()
        self.strokesChanged.emit()

    # --- mouse ----------------------------------------------------------

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.RightButton:
            self.clearRequested.emit()
        elif event.button() == Qt.LeftButton:
            self._last = None
            self._stroke_to(event.position(), self._brush)

    def mouseMoveEvent(self, event) -> None:
        if event.buttons() & Qt.LeftButton and self._last is not None:
            self._stroke_to(event.position(), self._brush)

    def mouseReleaseEvent(self, event) -> None:
        self._last = None

    # --- pen ------------------------------------------------------------

    def tabletEvent(self, event) -> None:
        # Accepting stops Qt from also sending the same stroke as mouse events.
        event.accept()
        if event.type() == event.Type.TabletRelease:
            self._last = None
            return
        if event.type() == event.Type.TabletPress:
            self._last = None
        # A light touch draws a thinner line, as a pen on paper does.
        width = self._brush * (0.4 + 0.6 * event.pressure())
        eraser = event.pointerType() == QPointingDevice.PointerType.Eraser
        self._stroke_to(event.position(), width, Qt.white if eraser else Qt.black)

    # --- touch ----------------------------------------------------------

    def event(self, event) -> bool:
        if event.type() in (event.Type.TouchBegin, event.Type.TouchUpdate, event.Type.TouchEnd):
            points = event.points()
            if event.type() == event.Type.TouchBegin:
                self._last = None
            if event.type() == event.Type.TouchEnd or not points:
                self._last = None
            else:
                self._stroke_to(points[0].position(), self._brush)
            event.accept()
            return True
        return super().event(event)


class ModelInputView(QWidget):
    """The small image the model receives, enlarged with hard pixel edges so every value shows."""

    SIDE = 168  # divisible by 8 and by 28, so every input pixel is a whole square

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._image: QImage | None = None
        self.setFixedSize(self.SIDE, self.SIDE)

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
                step = self.SIDE / self._image.width()
                for i in range(1, self._image.width()):
                    painter.drawLine(QPointF(i * step, 0), QPointF(i * step, self.SIDE))
                    painter.drawLine(QPointF(0, i * step), QPointF(self.SIDE, i * step))
        painter.setPen(self.palette().color(QPalette.Mid))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))


class ProbabilityBars(QWidget):
    """One bar per class, its height the probability; the top class stands out in colour."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._probabilities: np.ndarray | None = None
        self._names = [str(i) for i in range(10)]
        self.setMinimumSize(180, 150)
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
                value_box = QRectF(bar.left() - 10, bar.top() - line - 1, bar.width() + 20, line)
                painter.drawText(value_box, Qt.AlignCenter, self.tr("{percent} %").format(
                    percent=f"{value * 100:.0f}"))
        painter.setPen(QPen(self.palette().color(QPalette.Mid), 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())


class DrawPanel(QWidget):
    """Draw a digit on the left; on the right, what the network sees and what it says."""

    # The model input for the current drawing: a flat np.float32 array in [0, 1].
    predictionRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._format = "digits8x8"
        self._vector: np.ndarray | None = None

        self.canvas = DrawingCanvas()
        self.canvas.setToolTip(self.tr(
            "Draw one digit here with the mouse, a pen or a finger. "
            "Right-click or press Delete to start again."))
        self.brush_slider = QSlider(Qt.Horizontal)
        self.brush_spin = QSpinBox()
        for control in (self.brush_slider, self.brush_spin):
            control.setRange(4, 48)
            control.setValue(DEFAULT_BRUSH)
            control.setToolTip(self.tr(
                "Pen width in pixels. The drawing is thickened or thinned to match the "
                "training digits anyway, so this mostly changes how it looks to you."))
        self.brush_spin.setSuffix(self.tr(" px"))
        self.brush_slider.valueChanged.connect(self.brush_spin.setValue)
        self.brush_spin.valueChanged.connect(self.brush_slider.setValue)
        self.brush_spin.valueChanged.connect(self.canvas.set_brush_size)
        self.clear_button = QPushButton(self.tr("&Clear"))
        self.clear_button.setToolTip(self.tr(
            "Wipe the canvas to draw another digit (Delete, or right-click the canvas)."))

        self.verdict = QLabel()
        verdict_font = QFont(self.font())
        verdict_font.setPointSizeF(verdict_font.pointSizeF() * 1.4)
        verdict_font.setBold(True)
        self.verdict.setFont(verdict_font)
        self.verdict.setWordWrap(True)
        self.untrained_notice = QLabel(self.tr(
            "The network is untrained — its guesses are random. Train it first (Ctrl+Enter)."))
        self.untrained_notice.setWordWrap(True)
        self.untrained_notice.setStyleSheet(
            "QLabel { background: #fff3cd; color: #664d03; border: 1px solid #e6c65c;"
            " border-radius: 4px; padding: 6px; }")
        self.untrained_notice.hide()
        self.bars = ProbabilityBars()
        self.bars.setToolTip(self.tr(
            "How sure the network is about each class: the softmax of its output, "
            "in percent. The tallest bar is its answer."))

        self.model_view = ModelInputView()
        self.model_view.setToolTip(self.tr(
            "Your drawing after the same preparation as the training data: cropped, "
            "scaled and given the usual pen width. This is all the network gets."))
        self.model_caption = QLabel()
        self.model_caption.setWordWrap(True)
        self.model_caption.setAlignment(Qt.AlignLeft | Qt.AlignTop)

        self._layout()

        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(THROTTLE_MS)
        self._throttle.timeout.connect(self._refresh_input)
        self.canvas.strokesChanged.connect(self._on_strokes_changed)
        self.canvas.clearRequested.connect(self.clear)
        self.clear_button.clicked.connect(self.clear)
        for key in (QKeySequence.Delete, QKeySequence(Qt.Key_Backspace)):
            shortcut = QShortcut(key, self, context=Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.clear)

        self.set_input_format("digits8x8", [str(i) for i in range(10)])

    def _layout(self) -> None:
        brush_row = QHBoxLayout()
        brush_label = QLabel(self.tr("&Brush:"))
        brush_label.setBuddy(self.brush_slider)
        brush_row.addWidget(brush_label)
        brush_row.addWidget(self.brush_slider, 1)
        brush_row.addWidget(self.brush_spin)
        brush_row.addSpacing(8)
        brush_row.addWidget(self.clear_button)

        left = QVBoxLayout()
        left.addWidget(self.canvas)
        left.addLayout(brush_row)
        left.addStretch(1)

        sees_title = QLabel(self.tr("What the network sees"))
        title_font = QFont(self.font())
        title_font.setBold(True)
        sees_title.setFont(title_font)
        self._sees_box = QWidget()
        sees = QVBoxLayout(self._sees_box)
        sees.setContentsMargins(0, 6, 0, 0)
        sees.addWidget(sees_title)
        # The caption goes under the picture: beside it, a Chinese caption wrapped
        # one character per line in the narrow column.
        sees.addWidget(self.model_view, 0, Qt.AlignLeft)
        sees.addWidget(self.model_caption)

        right = QVBoxLayout()
        right.addWidget(self.bars, 1)
        right.addWidget(self._sees_box)
        right.addStretch(0)

        row = QHBoxLayout()
        row.addLayout(left)
        row.addSpacing(12)
        row.addLayout(right, 1)
        # The answer spans the panel, so it is never squeezed beside the bars.
        panel = QVBoxLayout(self)
        panel.addWidget(self.verdict)
        panel.addWidget(self.untrained_notice)
        panel.addLayout(row, 1)

    # --- public API -------------------------------------------------------

    def canvas_array(self) -> np.ndarray:
        """The drawing as a 2-D uint8 array, 255 for paper and 0 for ink."""
        return self.canvas.canvas_array()

    @Slot(str, list)
    def set_input_format(self, input_format: str, class_names: list[str]) -> None:
        """Say what data the network takes; drawing works only for the image formats."""
        self._format = input_format
        self.bars.set_class_names(class_names)
        drawable = input_format in INPUT_FORMATS
        for control in (self.canvas, self.brush_slider, self.brush_spin, self.clear_button):
            control.setEnabled(drawable)
        # Empty bars and a blank image would only suggest something is missing.
        self.bars.setVisible(drawable)
        self._sees_box.setVisible(drawable)
        self.model_caption.setText({
            "digits8x8": self.tr(
                "8 × 8 values, 0–16 scaled to 0–1. Each square counts the ink in "
                "a 4 × 4 block of a 32 × 32 drawing."),
            "mnist28": self.tr(
                "28 × 28 values, grey levels 0–1. The digit is scaled to fit "
                "20 × 20 and centred by its centre of mass."),
        }.get(input_format, ""))
        self._refresh_input()

    @Slot(bool)
    def set_untrained(self, untrained: bool) -> None:
        self.untrained_notice.setVisible(untrained)

    @Slot()
    def request_prediction(self) -> None:
        """Ask again for the current drawing, e.g. after the weights have changed."""
        if self._vector is not None:
            self.predictionRequested.emit(self._vector.copy())

    @Slot(object)
    def show_probabilities(self, probabilities: np.ndarray) -> None:
        """The network's answer: one probability per class."""
        # An answer may arrive for a drawing that has since been wiped.
        if self._vector is None:
            return
        probabilities = np.asarray(probabilities, dtype=float).ravel()
        self.bars.set_probabilities(probabilities)
        top = int(np.argmax(probabilities))
        self.verdict.setText(self.tr("The network says: {name} ({percent} %)").format(
            name=self.bars.class_name(top), percent=f"{probabilities[top] * 100:.0f}"))

    @Slot()
    def clear(self) -> None:
        self.canvas.clear()
        # At once, not after the throttle: the wiped state must not show old bars.
        self._refresh_input()

    # --- internals --------------------------------------------------------

    def _on_strokes_changed(self) -> None:
        # Throttle, not debounce: a long stroke still updates every THROTTLE_MS.
        if not self._throttle.isActive():
            self._throttle.start()

    def _refresh_input(self) -> None:
        self._throttle.stop()
        self._vector = None
        if self._format not in INPUT_FORMATS:
            self._show_nothing()
            self.verdict.setText(self.tr(
                "Drawing works with image data (8×8 digits or 28×28 MNIST)"))
            return
        try:
            vector = canvas_to_input(self.canvas_array(), self._format)
        except NothingDrawn:
            self._show_nothing()
            self.verdict.setText(self.tr("Draw a digit"))
            return
        # The last answer's bars stay up until the next one arrives, so they do not flicker.
        self._vector = vector.astype(np.float32)
        self.model_view.set_image(model_view(self._vector, self._format))
        self.request_prediction()

    def _show_nothing(self) -> None:
        self.bars.set_probabilities(None)
        self.model_view.set_image(None)
