"""Choosing a foreign graph's input and output tensors (File ▸ Open graph).

A graph saved by the course's notebook names its tensors input/x_input and
output_layer/output, and tfdesk finds them; any other graph gets the same
dialog with nothing chosen, listing the tensors that fit: float matrices of
(batch, size), placeholders first.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget,
)


def _describe(t) -> str:
    shape = "(" + ", ".join("?" if d is None else str(d) for d in t.shape) + ")"
    return f"{t.name}   {shape} {t.dtype} · {t.op_type}"


class GraphTensorsDialog(QDialog):
    def __init__(self, facts, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("graphTensorsDialog")
        self.setWindowTitle(self.tr("Open graph: input and output"))
        found = facts.input_name is not None and facts.output_name is not None
        intro = QLabel(
            self.tr("Found the course's tensors in {0}.meta. Drawings will be fed to the input, and "
                    "the output's bars shown.").format(facts.prefix) if found else
            self.tr("{0}.meta does not use the course's names (input/x_input, output_layer/output). "
                    "Choose the tensor a drawing is fed to and the one that gives the class scores; "
                    "scores that are not a softmax yet get one.").format(facts.prefix))
        intro.setWordWrap(True)
        self.input_choice = self._choices("graphInput", facts.inputs, facts.input_name,
                                          self.tr("A (batch, 64) tensor takes 8×8 drawings, "
                                                  "(batch, 784) takes 28×28."))
        self.output_choice = self._choices("graphOutput", facts.outputs, facts.output_name,
                                           self.tr("One score per class, (batch, classes)."))
        form = QFormLayout()
        form.addRow(self.tr("&Input:"), self.input_choice)
        form.addRow(self.tr("&Output:"), self.output_choice)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        for combo in (self.input_choice, self.output_choice):
            combo.currentIndexChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(640, self.sizeHint().height())

    def _choices(self, name: str, tensors, chosen: str | None, tip: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.addItem(self.tr("— choose —"), None)
        for t in tensors:
            combo.addItem(_describe(t), t.name)
        if chosen is not None:
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
        return combo

    def _update_ok(self) -> None:
        names = (self.input_name(), self.output_name())
        self.ok_button.setEnabled(None not in names and names[0] != names[1])

    def input_name(self) -> str | None:
        return self.input_choice.currentData()

    def output_name(self) -> str | None:
        return self.output_choice.currentData()
