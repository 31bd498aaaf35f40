"""The window's part in the student's own drawings: the collection file, the gallery, the menu.

The draw panel hands over a drawing with its label; it goes into the
DrawingLibrary in the user's data folder (saved at once, nothing lost on a
crash), and the Training data panel offers it for the next Start.
"""

from __future__ import annotations

import getpass
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from ..core.drawing_collection import DrawingLibrary, make_drawing
from ..core.errors import TfdeskError
from .drawing_gallery import DrawingGallery
from .words import error_text


class MyDrawings:
    def _build_my_drawings(self, data_folder: str) -> None:
        self.drawings_library = DrawingLibrary(Path(data_folder) / "drawings.npz")
        self.gallery: DrawingGallery | None = None
        self.gallery_action = self._action(
            self.tr("Your &drawings…"), self.show_gallery, "Ctrl+Shift+D",
            self.tr("The drawings you added as training data: look through, remove, export, import"))
        self.import_drawings_action = self._action(
            self.tr("&Import drawings…"), lambda: self.show_gallery().import_(),
            tip=self.tr("Add a drawing collection file to your drawings"))
        self.export_drawings_action = self._action(
            self.tr("E&xport drawings…"), lambda: self.show_gallery().export(),
            tip=self.tr("Save your drawings as one file to share"))
        self.draw.labelled.connect(self._add_drawing)
        self.draw.galleryRequested.connect(self.show_gallery)
        self._drawings_changed()

    def _edit_menu(self) -> None:
        """Edit: the canvas's keys as menu entries, for those who look there first."""
        menu = self.menuBar().addMenu(self.tr("&Edit"))
        # No shortcuts here: Ctrl+Z and the digit keys belong to the canvas when it has the
        # focus, and to a text field when that has it.
        menu.addAction(self.tr("&Undo the last stroke (Ctrl+Z on the canvas)"), self.draw.undo)
        menu.addAction(self.tr("&Clear the drawing (Delete on the canvas)"), self.draw.clear)
        add = menu.addMenu(self.tr("&Add the drawing to your training data as"))
        for digit in range(10):
            add.addAction(str(digit), lambda d=digit: self.draw.add_as(d))
        menu.addSeparator()
        menu.addAction(self.gallery_action)

    def _tell_drawings_problem(self) -> None:
        """Once the window is up: a damaged collection file was moved aside."""
        if self.drawings_library.problem:
            self._message(QMessageBox.Warning, self.tr("Your drawings"),
                          error_text(self.drawings_library.problem))

    def writer_name(self) -> str:
        try:
            default = getpass.getuser()
        except Exception:  # no user name in this environment
            default = ""
        return str(self.settings.value("writer", default))

    def show_gallery(self) -> DrawingGallery:
        if self.gallery is None:
            self.gallery = DrawingGallery(self.drawings_library, self.writer_name(), self)
            self.gallery.changed.connect(self._drawings_changed)
            self.gallery.writerChanged.connect(lambda name: self.settings.setValue("writer", name))
        self.gallery.refresh()
        self.gallery.show()
        self.gallery.raise_()
        return self.gallery

    def _add_drawing(self, info: dict, digit: int) -> None:
        try:
            drawing = make_drawing(info["strokes"], digit, self.writer_name(), info["pen_width"],
                                   info["canvas_side"], canvas=info["canvas"])
            self.drawings_library.add(drawing)
        except TfdeskError as e:
            self._failed(error_text(e))
            return
        self._drawings_changed()
        self.draw.set_collection_note(self.tr(
            "Added as a {digit}: {total} in your collection. Tick “Add my drawings” and Start "
            "to train on them.").format(digit=digit, total=len(self.drawings_library)))

    def _drawings_changed(self) -> None:
        total = len(self.drawings_library)
        self.data_options.set_my_drawings(str(self.drawings_library.path), total)
        if total == 0:
            self.draw.set_collection_note(self.tr(
                "Teach the network your handwriting: draw a digit, then press its button."))
        else:
            self.draw.set_collection_note(self.tr("In your collection: {total}.").format(total=total))
        if self.gallery is not None and self.gallery.isVisible():
            self.gallery.refresh()
