"""A line that says so when a typed number was out of range, instead of a silent change.

A spin box that gets a number outside its range quietly puts back the last good
value, or the nearest limit: 0 epochs became 80 again, a learning rate of 50 became
10, and the student never knew. The note names the field, what was typed, the
range, and the value kept, until the next good entry.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QWidget


class RangeNote(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("QLabel { color: #8a4b00; }")
        self.hide()

    def watch(self, spin: QAbstractSpinBox, what: str) -> None:
        typed = {"text": None}
        spin.lineEdit().textEdited.connect(lambda text: typed.update(text=text))
        spin.editingFinished.connect(lambda: self._check(spin, what, typed))

    def _check(self, spin, what: str, typed: dict) -> None:
        text, typed["text"] = typed["text"], None
        if text is None:
            return
        value = _number(text, spin)
        if value is None or spin.minimum() <= value <= spin.maximum():
            self.hide()
            return
        self.setText(self.tr("{what}: {typed} is not allowed here (from {low} to {high}); "
                             "the value is {kept}.").format(
            what=what, typed=text.strip(), low=spin.textFromValue(spin.minimum()),
            high=spin.textFromValue(spin.maximum()), kept=spin.text().strip()))
        self.show()


def _number(text: str, spin) -> float | None:
    bare = text.removeprefix(spin.prefix()).removesuffix(spin.suffix()).replace(",", "").strip()
    try:
        return float(bare)
    except ValueError:
        return None
