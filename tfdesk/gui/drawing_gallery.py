"""The student's drawings, to look through, remove, export and import.

A window of its own (not modal): drawing and adding go on while it is open.
It works on the window's DrawingLibrary and says `changed` after every change.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from tfdesk.core.drawing_collection import Drawing, DrawingLibrary
from tfdesk.core.errors import TfdeskError
from tfdesk.core.strokes import paint
from tfdesk.gui.words import error_text

THUMB = 64
FILTER = "tfdesk drawings (*.npz)"


def thumbnail(drawing: Drawing) -> QPixmap:
    """The drawing as it was drawn, painted small."""
    scale = THUMB / drawing.canvas_side
    strokes = [s * scale for s in drawing.strokes]
    grey = np.ascontiguousarray(paint(strokes, THUMB, max(1.5, drawing.pen_width * scale)))
    image = QImage(grey.data, THUMB, THUMB, THUMB, QImage.Format_Grayscale8).copy()
    return QPixmap.fromImage(image)


class DrawingGallery(QDialog):
    changed = Signal()
    writerChanged = Signal(str)

    def __init__(self, library: DrawingLibrary, writer: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your drawings"))
        self.library = library
        self.writer = QLineEdit(writer)
        self.writer.setPlaceholderText(self.tr("your name"))
        self.writer.setToolTip(self.tr("Stored with every drawing you add from now on, so an "
                                       "instructor can tell a class's drawings apart."))
        self.writer.editingFinished.connect(lambda: self.writerChanged.emit(self.writer.text()))
        self.digit_filter = QComboBox()
        self.digit_filter.addItem(self.tr("All digits"), None)
        for digit in range(10):
            self.digit_filter.addItem(self.tr("Only {digit}s").format(digit=digit), digit)
        self.digit_filter.currentIndexChanged.connect(self.refresh)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.items = QListWidget()
        self.items.setViewMode(QListView.IconMode)
        self.items.setIconSize(QSize(THUMB, THUMB))
        self.items.setResizeMode(QListView.Adjust)
        self.items.setSelectionMode(QListWidget.ExtendedSelection)
        self.items.setMinimumSize(560, 360)
        self.remove_button = QPushButton(self.tr("&Remove selected"))
        self.remove_button.setToolTip(self.tr("Take the selected drawings out of your collection (Delete)."))
        self.remove_button.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence.Delete, self.items, self.remove_selected,
                  context=Qt.WidgetWithChildrenShortcut)
        self._removed = None  # the drawings before the last Remove, for Undo
        self.undo_button = QPushButton(self.tr("&Undo remove"))
        self.undo_button.setToolTip(self.tr("Put back the drawings the last Remove took out."))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_remove)
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setToolTip(self.tr("Save the whole collection as one file to share."))
        self.export_button.clicked.connect(self.export)
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.setToolTip(self.tr(
            "Add the drawings of a collection file (a classmate's, or a class's merged by "
            "the instructor); drawings you have already are not added twice."))
        self.import_button.clicked.connect(self.import_)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Your name:")))
        top.addWidget(self.writer, 1)
        top.addWidget(self.digit_filter)
        buttons = QHBoxLayout()
        for button in (self.remove_button, self.undo_button, self.import_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.items, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Show the library as it is now (call after drawings were added elsewhere)."""
        digit = self.digit_filter.currentData()
        self.items.clear()
        for index, drawing in enumerate(self.library.collection.drawings):
            if digit is not None and drawing.label != digit:
                continue
            when = datetime.datetime.fromtimestamp(drawing.time).strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(QIcon(thumbnail(drawing)), str(drawing.label))
            item.setData(Qt.UserRole, index)
            item.setToolTip(self.tr("{digit}, drawn by {writer} on {when}").format(
                digit=drawing.label, writer=drawing.writer or self.tr("someone"), when=when))
            self.items.addItem(item)
        counts = self.library.collection.counts()
        self.counts.setText(self.tr("{total} drawings: {per_digit}").format(
            total=len(self.library), per_digit=", ".join(f"{d}: {n}" for d, n in enumerate(counts))))
        self.remove_button.setEnabled(len(self.library) > 0)
        self.export_button.setEnabled(len(self.library) > 0)

    def remove_selected(self) -> None:
        chosen = [item.data(Qt.UserRole) for item in self.items.selectedItems()]
        if chosen:
            before = list(self.library.collection.drawings)
            if self._change(lambda: self.library.remove(chosen)):
                self._removed = before
                self.undo_button.setEnabled(True)

    def undo_remove(self) -> None:
        """Put back what the last Remove took out."""
        if self._removed is not None:
            kept, self._removed = self._removed, None
            self._change(lambda: self.library.restore(kept))
        self.undo_button.setEnabled(False)

    def export(self, path: str | None = None) -> None:
        start = str(Path.home() / "tfdesk-drawings.npz")
        path = path or QFileDialog.getSaveFileName(self, self.tr("Export drawings"), start, FILTER)[0]
        if path:
            try:
                self.library.export(path)
            except TfdeskError as e:
                self._tell(QMessageBox.Warning, error_text(e))
                return
            self._tell(QMessageBox.Information, self.tr("Saved {count} drawings in {path}.").format(
                count=len(self.library), path=path))

    def import_(self, path: str | None = None) -> None:
        path = path or QFileDialog.getOpenFileName(self, self.tr("Import drawings"), "", FILTER)[0]
        if path:
            added = []
            if self._change(lambda: added.append(self.library.import_file(path))):
                self._tell(QMessageBox.Information, self.tr(
                    "Added {added} new drawings; the collection holds {total}.").format(
                    added=added[0], total=len(self.library)))

    def _change(self, change) -> bool:
        try:
            change()
        except TfdeskError as e:
            self._tell(QMessageBox.Warning, error_text(e))
            return False
        finally:
            self.refresh()
        self.changed.emit()
        return True

    def _tell(self, icon, text: str) -> None:
        """A message that does not block the event loop (training goes on behind it)."""
        box = QMessageBox(icon, self.tr("Your drawings"), text, QMessageBox.Ok, self)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        self.last_message = text
