"""What goes into the training data besides the chosen data set.

Augmentation, tfdesk's simulated mouse drawings and the student's own drawings:
the three ways the window's default network learns to read digits drawn on the
canvas (README, "Drawn digits"). The panel edits experiment.data's matching
fields; the path of the student's collection comes from the window.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from tfdesk.core.spec import Experiment


class DataOptions(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Training data"), parent)
        self._drawings_path: str | None = None
        self.augment = QCheckBox(self.tr("&Augment the images every epoch"))
        self.augment.setToolTip(self.tr(
            "Every epoch each training image is moved, turned, scaled, sheared and drawn "
            "with a thinner or thicker pen, a little and at random, so the network learns "
            "the digit rather than the exact picture. Validation and test images stay as "
            "they are."))
        self.pen_digits = QCheckBox(self.tr("Add &simulated mouse drawings (2,200)"))
        self.pen_digits.setToolTip(self.tr(
            "Digits drawn on this canvas by simulated hands in the ways people write them "
            "(a 1 with a flag, a closed 4, a crossed 7, …). The scikit-learn digits have few "
            "of these, so without them the network misreads many drawings."))
        self.mine = QCheckBox()
        self.mine.setToolTip(self.tr(
            "Train on the drawings you added with the digit buttons under the canvas. "
            "A fifth of them is kept back to measure how well the network reads them."))
        self.weight = QSpinBox()
        self.weight.setRange(1, 1000)
        self.weight.setPrefix(self.tr("each counts ×"))
        self.weight.setToolTip(self.tr(
            "How many training examples each of your drawings counts as. A few drawings "
            "among thousands of digits need a larger weight to matter."))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mine, 1)
        row.addWidget(self.weight)
        layout = QVBoxLayout(self)
        for widget in (self.augment, self.pen_digits):
            layout.addWidget(widget)
        layout.addLayout(row)
        self.note = QLabel(self.tr("Add your own with the digit buttons under the canvas."))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        for box in (self.augment, self.pen_digits, self.mine):
            box.toggled.connect(self.changed)
        self.mine.toggled.connect(self.weight.setEnabled)
        self.weight.valueChanged.connect(self.changed)
        self.set_my_drawings(None, 0)

    def set_my_drawings(self, path: str | None, count: int) -> None:
        """Where the student's collection is, and how many drawings it holds."""
        self._drawings_path = path
        self.mine.setText(self.tr("Add &my drawings ({count})").format(count=count))
        self.mine.setEnabled(count > 0 or self.mine.isChecked())

    def set_experiment(self, exp: Experiment) -> None:
        d = exp.data
        self.augment.setChecked(d.augment)
        self.pen_digits.setChecked(d.pen_digits)
        self.mine.setChecked(d.drawings is not None)
        self.weight.setValue(d.drawings_weight)
        self.weight.setEnabled(d.drawings is not None)

    def apply_to(self, exp: Experiment) -> None:
        d = exp.data
        d.augment = self.augment.isChecked()
        d.pen_digits = self.pen_digits.isChecked()
        d.drawings = self._drawings_path if self.mine.isChecked() else None
        d.drawings_weight = self.weight.value()
