"""Draw a digit and watch the network classify it; teach it your own handwriting.

The panel turns the drawing into the exact vector the model was trained on
(tfdesk.core.drawing), shows that small image, and asks for a prediction; the
main window forwards the request to the worker and hands the answer back to
show_probabilities with the vector it answered, so an answer computed for an
earlier drawing is never shown under a newer one. Nothing here runs the model.

"This is a …" (the buttons 0–9, or the digit keys while the canvas has focus)
hands the drawing to the window, which keeps it in the student's collection
(gui/my_drawings.py).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tfdesk.core.drawing import NothingDrawn, canvas_to_input, model_view
from tfdesk.core.input_formats import DIGIT_CLASSES, IMAGE_FORMATS, INPUT_FORMATS

from .draw_views import ModelInputView, ProbabilityBars
from .drawing_canvas import CANVAS_SIDE, DEFAULT_BRUSH, DrawingCanvas

# Panel widths: the canvas (280), a gap and the bars (at least 120), with margins; the
# model's input at full size (168) wants more.
SIDE_BY_SIDE_WIDTH = 430
ROOMY_WIDTH = 500
ROOMY_HEIGHT = 560  # below it the picture of the input is drawn smaller too
# At most one conversion and prediction request per interval while the pen moves.
THROTTLE_MS = 30
# Below this probability, or this close to the runner-up, the answer is a question.
SURE = 0.7
CLEAR_LEAD = 0.3


class DrawPanel(QWidget):
    """Draw a digit on the left; on the right, what the network sees and what it says."""

    # The model input for the current drawing: a flat np.float32 array in [0, 1].
    predictionRequested = Signal(object)
    # {"strokes", "canvas", "pen_width", "canvas_side"} and the digit it shows.
    labelled = Signal(object, int)
    galleryRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._format = "digits8x8"
        self._vector: np.ndarray | None = None
        self._class_names = [str(i) for i in range(10)]

        self.canvas = DrawingCanvas()
        self.canvas.setToolTip(self.tr(
            "Draw one digit here with the mouse, a pen or a finger. Ctrl+Z takes back the "
            "last stroke; right-click or Delete starts again. Press a digit key to add the "
            "drawing to your training data as that digit."))
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
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.undo_button.setToolTip(self.tr("Take back the last stroke (Ctrl+Z)."))
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

        self.label_buttons = []
        for digit in range(10):
            button = QToolButton()
            button.setText(str(digit))
            button.setObjectName(f"label{digit}")
            button.setToolTip(self.tr(
                "Add this drawing to your training data as a {digit} (or press {digit} "
                "while the canvas has the focus).").format(digit=digit))
            button.clicked.connect(lambda _=False, d=digit: self.add_as(d))
            self.label_buttons.append(button)
        self.gallery_button = QPushButton(self.tr("&Gallery…"))
        self.gallery_button.setToolTip(self.tr(
            "Look through your drawings, remove some, export or import a collection."))
        self.gallery_button.clicked.connect(self.galleryRequested)
        self.collection_note = QLabel()
        self.collection_note.setWordWrap(True)
        # Room for three lines whatever it says, so that nothing moves under the pointer.
        self.collection_note.setFixedHeight(3 * self.collection_note.fontMetrics().lineSpacing() + 4)
        self.collection_note.setAlignment(Qt.AlignLeft | Qt.AlignTop)

        self._layout()

        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(THROTTLE_MS)
        self._throttle.timeout.connect(self._refresh_input)
        self.canvas.strokesChanged.connect(self._on_strokes_changed)
        self.canvas.clearRequested.connect(self.clear)
        self.canvas.labelPressed.connect(self.add_as)
        self.clear_button.clicked.connect(self.clear)
        self.undo_button.clicked.connect(self.undo)
        for key in (QKeySequence.Delete, QKeySequence(Qt.Key_Backspace)):
            shortcut = QShortcut(key, self, context=Qt.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.clear)
        QShortcut(QKeySequence.Undo, self, context=Qt.WidgetWithChildrenShortcut).activated.connect(
            self.undo)

        self.set_input_format("digits8x8", DIGIT_CLASSES)

    def _layout(self) -> None:
        brush_row = QHBoxLayout()
        brush_label = QLabel(self.tr("&Brush:"))
        brush_label.setBuddy(self.brush_slider)
        brush_row.addWidget(brush_label)
        brush_row.addWidget(self.brush_slider, 1)
        brush_row.addWidget(self.brush_spin)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.undo_button)
        edit_row.addWidget(self.clear_button)
        edit_row.addStretch(1)
        edit_row.addWidget(self.gallery_button)

        teach = QGridLayout()
        teach.setHorizontalSpacing(2)
        teach.addWidget(QLabel(self.tr("Add to the training data as:")), 0, 0, 1, 10)
        for digit, button in enumerate(self.label_buttons):
            teach.addWidget(button, 1, digit)
        self._teach_box = QWidget()
        teach_column = QVBoxLayout(self._teach_box)
        teach_column.setContentsMargins(0, 4, 0, 0)
        teach_column.addLayout(teach)
        teach_column.addWidget(self.collection_note)

        left = QVBoxLayout()
        left.addWidget(self.canvas)
        left.addLayout(brush_row)
        left.addLayout(edit_row)
        left.addWidget(self._teach_box)
        left.addStretch(1)

        sees_title = QLabel(self.tr("What the network sees"))
        sees_title.setWordWrap(True)  # a narrow column must not push the canvas into a scroll
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

        row = QBoxLayout(QBoxLayout.LeftToRight)
        self._row = row
        row.addLayout(left)
        row.addSpacing(8)
        row.addLayout(right, 1)
        # The answer spans the panel, so it is never squeezed beside the bars.
        panel = QVBoxLayout(self)
        panel.addWidget(self.verdict)
        panel.addWidget(self.untrained_notice)
        panel.addLayout(row, 1)

    def resizeEvent(self, event) -> None:
        # A narrower panel (a 1366-pixel screen) shows the model's input smaller; one too
        # narrow for the bars beside the canvas puts them under it.
        # In a scroll area the panel is never narrower than it needs: the room is its viewport's.
        room = self.parentWidget().size() if self.parentWidget() else event.size()
        width = room.width()
        # A low panel too: the bars, the picture and its caption share the right column's height.
        self.model_view.set_compact(width < ROOMY_WIDTH or room.height() < ROOMY_HEIGHT)
        direction = QBoxLayout.TopToBottom if width < SIDE_BY_SIDE_WIDTH else QBoxLayout.LeftToRight
        if self._row.direction() != direction:
            self._row.setDirection(direction)
        super().resizeEvent(event)

    # --- public API -------------------------------------------------------

    def canvas_array(self) -> np.ndarray:
        """The drawing as a 2-D uint8 array, 255 for paper and 0 for ink."""
        return self.canvas.canvas_array()

    @Slot(str, list)
    def set_input_format(self, input_format: str, class_names: list[str]) -> None:
        """Say what data the network takes; drawing works only for the image formats."""
        if input_format != self._format:  # an answer about another kind of input means nothing
            self.bars.set_probabilities(None)
            self.verdict.clear()
        self._format = input_format
        self._class_names = list(class_names)
        self.bars.set_class_names(class_names)
        drawable = input_format in INPUT_FORMATS
        for control in (self.canvas, self.brush_slider, self.brush_spin, self.clear_button,
                        self.undo_button):
            control.setEnabled(drawable)
        # Empty bars and a blank image would only suggest something is missing.
        self.bars.setVisible(drawable)
        self._sees_box.setVisible(drawable)
        # Teaching needs the ten digits: a network of other classes cannot use them.
        self._teachable = drawable and self._class_names == DIGIT_CLASSES
        self._teach_box.setVisible(self._teachable)
        self.model_caption.setText(
            QCoreApplication.translate("core", IMAGE_FORMATS[input_format].drawing) if drawable else "")
        self._refresh_input()

    @Slot(bool)
    def set_untrained(self, untrained: bool) -> None:
        self.untrained_notice.setVisible(untrained)

    def set_collection_note(self, text: str) -> None:
        self.collection_note.setText(text)

    @Slot()
    def request_prediction(self) -> None:
        """Ask again for the current drawing, e.g. after the weights have changed."""
        if self._vector is not None:
            self.predictionRequested.emit(self._vector.copy())

    @Slot(object, object)
    def show_probabilities(self, probabilities: np.ndarray, vector: np.ndarray | None = None) -> None:
        """The network's answer (one probability per class) to `vector`, the drawing it was
        asked about; an answer to any other drawing is dropped."""
        if self._vector is None or (vector is not None and not np.array_equal(vector, self._vector)):
            return
        if probabilities is None:  # no network of this kind yet (a curve lesson was built last)
            self.bars.set_probabilities(None)
            self.verdict.setText(self.tr("No network for drawings yet: press Start (Ctrl+Enter)."))
            return
        probabilities = np.asarray(probabilities, dtype=float).ravel()
        self.bars.set_probabilities(probabilities)
        self.verdict.setText(self._verdict(probabilities))

    def _verdict(self, probabilities: np.ndarray) -> str:
        order = np.argsort(probabilities)[::-1]
        top = int(order[0])
        first = probabilities[top]
        second = probabilities[order[1]] if len(order) > 1 else 0.0
        name = self.bars.class_name(top)
        if first >= SURE and first - second >= CLEAR_LEAD:
            return self.tr("The network says: {name} ({percent} %)").format(
                name=name, percent=f"{first * 100:.0f}")
        return self.tr("The network is unsure: {first} or {second}? ({p1} % / {p2} %)").format(
            first=name, second=self.bars.class_name(int(order[1])),
            p1=f"{first * 100:.0f}", p2=f"{second * 100:.0f}")

    @Slot()
    def clear(self) -> None:
        self.canvas.clear()
        # At once, not after the throttle: the wiped state must not show old bars.
        self._refresh_input()

    @Slot()
    def undo(self) -> None:
        if self.canvas.undo():
            self._refresh_input()

    @Slot(int)
    def add_as(self, digit: int) -> None:
        """Hand the drawing to the window as a `digit`, then wipe the canvas for the next."""
        if self._throttle.isActive():  # a key pressed right after the last stroke
            self._refresh_input()
        if not self._teachable or self._vector is None:
            return
        self.labelled.emit({"strokes": self.canvas.strokes(), "canvas": self.canvas_array(),
                            "pen_width": float(self.canvas.brush_size()),
                            "canvas_side": float(CANVAS_SIDE)}, digit)
        self.clear()

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
        self._enable_labels(True)
        self.model_view.set_image(model_view(self._vector, self._format))
        self.request_prediction()

    def _show_nothing(self) -> None:
        self.bars.set_probabilities(None)
        self.model_view.set_image(None)
        self._enable_labels(False)

    def _enable_labels(self, drawn: bool) -> None:
        for button in self.label_buttons:
            button.setEnabled(drawn)
