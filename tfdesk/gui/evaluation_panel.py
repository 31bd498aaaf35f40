"""Accuracy and the confusion matrix on the validation or the test set, with the images
behind each cell.

A student learns more from seeing which 3s were taken for 8s than from a
number, so every cell of the matrix opens the images that landed in it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

CELL_PX = 38
MIN_CELL_PX = 16  # below this "36" no longer fits a cell
# Small images are drawn this big on screen, whatever their size in pixels.
THUMBNAIL_PX = 48
# A diagonal cell of a big test set holds thousands of images; nobody scrolls that far.
MAX_THUMBNAILS = 200

_WHITE = QColor(255, 255, 255)
_GREEN = QColor(110, 195, 110)
_RED = QColor(235, 120, 110)
_TEXT = QColor(20, 20, 20)
_ZERO_TEXT = QColor(170, 170, 170)


class EvaluationPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._images: np.ndarray | None = None
        self._image_shape: tuple[int, int] | None = None
        self._labels = np.zeros(0, dtype=int)
        self._predicted = np.zeros(0, dtype=int)
        self._class_names: list[str] = []
        self._shown_cell: tuple[int, int] | None = None

        self._placeholder = QLabel(
            self.tr(
                "Train, then press Evaluate (Ctrl+E) to see the validation accuracy and the "
                "confusion matrix."
            )
        )
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)

        self._stack = QStackedWidget()
        self._stack.addWidget(self._placeholder)
        self._stack.addWidget(self._build_results())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

    def _build_results(self) -> QWidget:
        self._accuracy = QLabel()
        font = self._accuracy.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self._accuracy.setFont(font)
        self._accuracy.setToolTip(
            self.tr(
                "Accuracy: the share of images the network classified correctly. "
                "Loss: how wrong its answers were on average (lower is better). The test "
                "images were never used for training."
            )
        )

        self._looks = QLabel()
        self._looks.setWordWrap(True)
        self._split = "test"
        self._drawings = QLabel()
        self._drawings.setWordWrap(True)
        self._drawings.setToolTip(self.tr(
            "Drawings mixed into the training data are tested apart: a fifth of them was "
            "kept back from training, and this is how many of those the network reads right."))



        self._table = QTableWidget()
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
        self._table.setItemDelegate(_OutlineSelectionDelegate(self._table))
        for header in (self._table.horizontalHeader(), self._table.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(CELL_PX)
            header.setMinimumSectionSize(CELL_PX)
            header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self._table.setToolTip(self.tr(
            "The confusion matrix: each row is the true class, each column what the network "
            "predicted. The green diagonal holds the correct answers, red cells the mistakes. "
            "Click a cell to see its images."))
        self._table.cellClicked.connect(self._show_cell)
        self._table.currentCellChanged.connect(self._on_current_cell_changed)

        predicted_axis = QLabel(self.tr("predicted"))
        predicted_axis.setAlignment(Qt.AlignmentFlag.AlignCenter)
        matrix = QGridLayout()
        matrix.setSpacing(2)
        matrix.addWidget(predicted_axis, 0, 1)
        matrix.addWidget(_VerticalLabel(self.tr("true")), 1, 0)
        matrix.addWidget(self._table, 1, 1)
        matrix.setRowStretch(2, 1)

        self._caption = QLabel(self.tr("Click a cell of the matrix to see its images."))
        self._caption.setWordWrap(True)
        self._gallery = _Gallery()
        gallery_column = QVBoxLayout()
        gallery_column.addWidget(self._caption)
        gallery_column.addWidget(self._gallery, 1)

        body = QHBoxLayout()
        body.addLayout(matrix)
        body.addLayout(gallery_column, 1)

        results = QWidget()
        layout = QVBoxLayout(results)
        layout.addWidget(self._accuracy)
        layout.addWidget(self._looks)
        layout.addWidget(self._drawings)
        layout.addLayout(body, 1)
        return results

    # ---- public API -------------------------------------------------------------

    def show_evaluation(
        self,
        accuracy: float,
        loss: float,
        confusion: np.ndarray,
        class_names: list[str],
        images: np.ndarray | None,
        image_shape: tuple[int, int] | None,
        labels: np.ndarray,
        predicted: np.ndarray,
        split: str = "test",
        test_looks: int = 0,
    ) -> None:
        """confusion is k×k counts, rows the true class and columns the
        prediction; images (n, features) in [0, 1] may be None when the test
        inputs are not pictures, or not at hand."""
        confusion = np.asarray(confusion)
        k = len(class_names)
        if confusion.shape != (k, k):
            raise ValueError(f"confusion matrix is {confusion.shape}, expected {k}×{k}")
        self._images = None if images is None or image_shape is None else np.asarray(images)
        self._image_shape = image_shape
        self._labels = np.asarray(labels)
        self._predicted = np.asarray(predicted)
        self._class_names = list(class_names)

        if split == "test":
            template = self.tr("Test accuracy {accuracy:.1f} % (loss {loss:.3g}) on {n} images")
        else:
            template = self.tr("Validation accuracy {accuracy:.1f} % (loss {loss:.3g}) on {n} images")
        self._accuracy.setText(template.format(accuracy=100 * accuracy, loss=loss, n=len(self._labels)))
        self._split = split
        self._looks.setText(self.tr(
            "The test set has been looked at {looks} times for this network: keep it for the end, "
            "compare on validation (Ctrl+E).").format(looks=test_looks) if test_looks else self.tr(
            "Validation: the practice exam. The test set waits for the final exam "
            "(Train ▸ Final exam, Ctrl+Shift+E)."))
        self._fill_table(confusion)
        QTimer.singleShot(0, self._fit_cells)  # once the results page is laid out
        self._shown_cell = None
        self._caption.setText(self.tr("Click a cell of the matrix to see its images."))
        self._gallery.show_pixmaps([])
        self._stack.setCurrentIndex(1)

    def show_drawing_accuracies(self, accuracies: dict) -> None:
        """{"pen_digits" | "drawings": (accuracy, count)} of held-out drawings; {} hides the line."""
        names = {"drawings": self.tr("your drawings"), "pen_digits": self.tr("simulated mouse drawings")}
        parts = [self.tr("{name}: {right} of {n} ({accuracy:.0f} %)").format(
                     name=names.get(name, name), right=round(accuracy * count), n=count,
                     accuracy=100 * accuracy)
                 for name, (accuracy, count) in sorted(accuracies.items())]
        self._drawings.setText(self.tr("Drawings kept back from training — {parts}").format(
            parts="; ".join(parts)) if parts else "")
        self._drawings.setVisible(bool(parts))

    def clear(self) -> None:
        self._drawings.clear()
        self._table.clear()
        self._table.setRowCount(0)
        self._table.setColumnCount(0)
        self._gallery.show_pixmaps([])
        self._images = None
        self._shown_cell = None
        self._stack.setCurrentIndex(0)

    # ---- the matrix ------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_cells()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_cells)  # once the layout has placed the table

    def _fit_cells(self) -> None:
        """Cells as large as the dock allows, up to CELL_PX: the whole matrix in view, not
        a corner of it behind scroll bars (the dock shares its column with the canvas)."""
        k = self._table.rowCount()
        if not k or self.height() <= 0:
            return
        top = self._table.mapTo(self, QPoint(0, 0)).y()
        room_h = self.height() - top - 6
        room_w = self.width() - self._gallery.minimumWidth() - 3 * self.fontMetrics().height()
        cell = max(MIN_CELL_PX, min(CELL_PX, min(room_h, room_w) // (k + 1)))
        if cell == self._table.horizontalHeader().defaultSectionSize():
            return
        font = self._table.font()
        font.setPixelSize(max(8, int(cell * 0.5)))
        self._table.setFont(font)
        for header in (self._table.horizontalHeader(), self._table.verticalHeader()):
            header.setMinimumSectionSize(cell)
            header.setDefaultSectionSize(cell)
            header.setFont(font)

    def _fill_table(self, confusion: np.ndarray) -> None:
        k = len(self._class_names)
        self._table.clear()
        self._table.setRowCount(k)
        self._table.setColumnCount(k)
        self._table.setHorizontalHeaderLabels(self._class_names)
        self._table.setVerticalHeaderLabels(self._class_names)
        diagonal = np.diag(confusion)
        off_diagonal = confusion[~np.eye(k, dtype=bool)]
        most_right = max(int(diagonal.max(initial=0)), 1)
        most_wrong = max(int(off_diagonal.max(initial=0)), 1)
        for i in range(k):
            for j in range(k):
                count = int(confusion[i, j])
                item = QTableWidgetItem(str(count))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if i == j:
                    colour = _blend(_GREEN, count / most_right)
                else:
                    colour = _blend(_RED, count / most_wrong)
                item.setBackground(QBrush(colour))
                # Grey zeros let the few non-zero mistakes stand out.
                item.setForeground(QBrush(_TEXT if count else _ZERO_TEXT))
                item.setToolTip(self._cell_caption(i, j, count))
                self._table.setItem(i, j, item)

    @Slot(int, int, int, int)
    def _on_current_cell_changed(self, row: int, column: int, _old_row: int, _old_column: int):
        # Arrow keys walk the matrix just like clicks do.
        if row >= 0 and column >= 0:
            self._show_cell(row, column)

    @Slot(int, int)
    def _show_cell(self, row: int, column: int) -> None:
        if self._shown_cell == (row, column):
            return
        self._shown_cell = (row, column)
        indices = np.flatnonzero((self._labels == row) & (self._predicted == column))
        shown = indices[:MAX_THUMBNAILS]
        caption = self._cell_caption(row, column, len(indices))
        if len(shown) < len(indices):
            caption += self.tr(" (showing the first {shown})").format(shown=len(shown))
        self._caption.setText(caption)
        if self._images is None:
            self._gallery.show_message(self.tr("The images are not available to show."))
            return
        self._gallery.show_pixmaps(
            [
                (
                    _thumbnail(self._images[i], self._image_shape),
                    self.tr("test image #{index}").format(index=int(i)),
                )
                for i in shown
            ]
        )

    def _cell_caption(self, row: int, column: int, count: int) -> str:
        true_name, predicted_name = self._class_names[row], self._class_names[column]
        if count == 0:
            template = self.tr("true {true}, predicted {predicted}: no images")
        elif count == 1:
            template = self.tr("true {true}, predicted {predicted}: 1 image")
        else:
            template = self.tr("true {true}, predicted {predicted}: {count} images")
        return template.format(true=true_name, predicted=predicted_name, count=count)


class _OutlineSelectionDelegate(QStyledItemDelegate):
    """Marks the selected cell with a frame: a filled highlight would hide its colour."""

    def paint(self, painter, option, index):
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        option.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
        super().paint(painter, option, index)
        if selected:
            painter.save()
            painter.setPen(QPen(_TEXT, 3))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()


class _Gallery(QScrollArea):
    """Thumbnails in rows that rewrap when the gallery is resized."""

    def __init__(self):
        super().__init__()
        self.setWidgetResizable(True)
        self.setMinimumWidth(4 * (THUMBNAIL_PX + 8))
        self._pixmaps: list[tuple[QPixmap, str]] = []
        self._columns = 0
        self._message: str | None = None
        self._lay_out()

    def show_pixmaps(self, pixmaps: list[tuple[QPixmap, str]]) -> None:
        self._pixmaps = pixmaps
        self._message = None
        self._lay_out()

    def show_message(self, message: str) -> None:
        self._pixmaps = []
        self._message = message
        self._lay_out()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self._pixmaps and self._fitting_columns() != self._columns:
            self._lay_out()

    def _fitting_columns(self) -> int:
        return max(1, self.viewport().width() // (THUMBNAIL_PX + 8))

    def _lay_out(self) -> None:
        content = QWidget()
        grid = QGridLayout(content)
        grid.setSpacing(6)
        grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._columns = self._fitting_columns()
        for n, (pixmap, tooltip) in enumerate(self._pixmaps):
            label = QLabel()
            label.setPixmap(pixmap)
            label.setToolTip(tooltip)
            label.setFrameShape(QLabel.Shape.Box)
            grid.addWidget(label, n // self._columns, n % self._columns)
        if self._message:
            note = QLabel(self._message)
            note.setWordWrap(True)
            grid.addWidget(note, 0, 0)
        self.setWidget(content)  # the old content widget is deleted by Qt


class _VerticalLabel(QWidget):
    """Text written bottom-to-top, for the row axis of the matrix."""

    def __init__(self, text: str):
        super().__init__()
        self._text = text
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.height() + 4, metrics.horizontalAdvance(self._text) + 8)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event):
        painter = QPainter(self)
        painter.translate(0, self.height())
        painter.rotate(-90)
        painter.drawText(0, 0, self.height(), self.width(), Qt.AlignmentFlag.AlignCenter, self._text)


def _blend(colour: QColor, strength: float) -> QColor:
    """White for 0; any count above 0 gets at least a visible tint."""
    if strength <= 0:
        return QColor(_WHITE)
    t = 0.2 + 0.8 * min(strength, 1.0)
    return QColor(
        round(255 + (colour.red() - 255) * t),
        round(255 + (colour.green() - 255) * t),
        round(255 + (colour.blue() - 255) * t),
    )


def _thumbnail(features: np.ndarray, shape: tuple[int, int]) -> QPixmap:
    """Dark strokes on a light background, pixels kept square and sharp."""
    height, width = shape
    ink = np.clip(np.asarray(features, dtype=float).reshape(height, width), 0.0, 1.0)
    grey = np.ascontiguousarray((255 * (1.0 - ink)).round().astype(np.uint8))
    image = QImage(grey.data, width, height, width, QImage.Format.Format_Grayscale8).copy()
    scale = max(1, round(THUMBNAIL_PX / max(height, width)))
    return QPixmap.fromImage(image).scaled(
        width * scale, height * scale, mode=Qt.TransformationMode.FastTransformation
    )
