"""The code view: the tf.compat.v1 script for the current experiment, to read,
copy or save and run outside tfdesk (core/codegen.py writes it)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout,
    QWidget,
)

from ..core.codegen import training_script
from ..core.errors import TfdeskError
from .words import error_text


class CodeView(QDialog):
    def __init__(self, experiment, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("codeView")
        self.setWindowTitle(self.tr("Code: {0}").format(experiment.name or self.tr("experiment")))
        self.experiment = experiment
        self.style_choice = QComboBox()
        self.style_choice.addItem(self.tr("Method 1: every weight a tf.Variable"), "variables")
        self.style_choice.addItem(self.tr("Method 2: a dense-layer helper"), "layers")
        self.style_choice.setToolTip(self.tr("The slides' two ways of building the graph"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.NoWrap)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.save_button = QPushButton(self.tr("&Save as .py…"))
        note = QLabel(self.tr("Runs as it is with TensorFlow, numpy and scikit-learn; it saves a "
                              "checkpoint tfdesk can open."))
        note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Style:")))
        top.addWidget(self.style_choice, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(note, 1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.style_choice.currentIndexChanged.connect(self._write)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        self.save_button.clicked.connect(self.save)
        self.resize(820, 640)
        self._write()

    def _write(self) -> None:
        try:
            self.code = training_script(self.experiment, self.style_choice.currentData())
        except TfdeskError as e:
            self.code = None
            self.text.setPlainText(error_text(e))
        else:
            self.text.setPlainText(self.code)
        self.save_button.setEnabled(self.code is not None)
        self.copy_button.setEnabled(self.code is not None)

    def save(self, path: str | None = None) -> None:
        path = path or self._ask_path()
        if not path or self.code is None:
            return
        try:
            with open(path, "w", encoding="utf-8") as f:
                f.write(self.code)
        except OSError as e:
            self.text.appendPlainText(f"\n# Could not save {path}: {e.strerror or e}")

    def _ask_path(self) -> str:
        return QFileDialog.getSaveFileName(self, self.tr("Save the script"), "train.py",
                                           self.tr("Python (*.py)"))[0]
