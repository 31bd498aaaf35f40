"""The cells of one hidden layer's row in the layer stack: what each kind of layer lets
the student set there, with the words that explain it.

A dense layer sets its units, activation and dropout; a convolution its filters,
window and activation; max-pooling its window; flatten nothing. Stride and padding
are set below the table for the selected layer (layer_editor.py), since the table
has no room for them and most students keep the defaults.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QSizePolicy, QSpinBox,
                               QWidget)

from tfdesk.core.spec import ACTIVATIONS, MAX_FILTERS, MAX_KERNEL, PADDINGS, LayerSpec

MAX_UNITS = 100_000
MAX_DROPOUT = 0.95

Edit = Callable[[str, object], None]  # (field, value) of this row's layer


# Spelled out at each call so that lupdate finds the words, in the editor's context.
translate = QCoreApplication.translate


def layer_name(layer: LayerSpec, number: int) -> str:
    """Hidden 1, Conv 1, Pool 1, Flatten: number counts the layers of this kind."""
    names = {"dense": translate("LayerStackEditor", "Hidden {n}"),
             "conv": translate("LayerStackEditor", "Conv {n}"),
             "maxpool": translate("LayerStackEditor", "Pool {n}"),
             "flatten": translate("LayerStackEditor", "Flatten")}
    return names[layer.kind].format(n=number)


def layer_tip(layer: LayerSpec) -> str:
    return {
        "dense": translate(
            "LayerStackEditor",
            "A hidden layer: each unit sums weighted inputs, adds a bias, and applies the activation."),
        "conv": translate(
            "LayerStackEditor",
            "A convolution: each filter is a small window of weights slid over the picture, making one"
            " feature map that shows where its pattern is. The same weights work at every position, so"
            " a stroke is recognised wherever it is drawn."),
        "maxpool": translate(
            "LayerStackEditor",
            "Max-pooling keeps the largest value of each window of every feature map: the maps get "
            "smaller, and a pattern moved a pixel still counts."),
        "flatten": translate(
            "LayerStackEditor",
            "Flatten lays the feature maps out in one row of values, so dense layers can follow."),
    }[layer.kind]


def size_widget(layer: LayerSpec, edit: Edit, parent: QWidget) -> QWidget | None:
    """The Units / filters cell: units, filters and window, or window; None for flatten."""
    if layer.kind == "dense":
        units = QSpinBox(parent)
        units.setRange(1, MAX_UNITS)
        units.setGroupSeparatorShown(True)
        units.setValue(layer.units)
        units.setToolTip(translate(
            "LayerStackEditor",
            "How many units (neurons) this layer has. More units can learn more, but train slower."))
        units.valueChanged.connect(lambda v: edit("units", v))
        return units
    if layer.kind == "flatten":
        return None
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(2)
    if layer.kind == "conv":
        filters = QSpinBox(box)
        filters.setObjectName("filters")
        filters.setRange(1, MAX_FILTERS)
        filters.setValue(layer.filters)
        filters.setToolTip(translate(
            "LayerStackEditor",
            "How many filters: each finds its own pattern and makes one feature map."))
        filters.valueChanged.connect(lambda v: edit("filters", v))
        # "16" beside "3×3": the window's text is the wider, so it gets the larger share
        # when the panel is narrow (a 28×28 network's outputs widen their column).
        row.addWidget(filters, 2)
    window = WindowSpin(box)
    window.setObjectName("window")
    window.setValue(layer.kernel)
    if layer.kind == "conv":
        window.setToolTip(translate("LayerStackEditor", "The window's size in pixels: each filter's "
                                                        "weights cover this square of its input."))
    else:
        window.setToolTip(translate("LayerStackEditor", "The window's size: the largest value of each "
                                                        "square of this size is kept."))
    window.valueChanged.connect(lambda v: edit("kernel", v))
    if layer.kind == "conv":
        # Two numbers share the cell: without arrow buttons both stay readable in the panel's
        # width; the wheel, the arrow keys and typing change them.
        for spin in (box.findChild(QSpinBox, "filters"), window):
            spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
            # Sized by the row's 2:3 stretch, not by the widest number each could hold.
            spin.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            spin.setToolTip(spin.toolTip() + " " + translate(
                "LayerStackEditor",
                "Scroll, use the arrow keys or type a number."))
    row.addWidget(window, 3)
    return box


class WindowSpin(QSpinBox):
    """A square window's size, written as it is: 3×3."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(1, MAX_KERNEL)

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt's name)
        return f"{value}×{value}"

    def valueFromText(self, text: str) -> int:  # noqa: N802
        digits = text.split("×")[0].strip()
        return int(digits) if digits.isdigit() else self.value()

    def validate(self, text: str, pos: int):
        digits = text.split("×")[0].strip()
        if digits.isdigit() and 1 <= int(digits) <= MAX_KERNEL:
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos


def narrow(combo: QComboBox, letters: int = 4) -> QComboBox:
    """A combo box as wide as its current choice needs (about `letters` letters), not its
    longest: the experiment panel has no width to spare."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(letters)
    return combo


def activation_widget(layer: LayerSpec, edit: Edit, parent: QWidget) -> QComboBox | None:
    if layer.kind not in ("dense", "conv"):
        return None
    activation = narrow(QComboBox(parent))
    activation.addItems(list(ACTIVATIONS))
    activation.setCurrentIndex(max(0, activation.findText(layer.activation)))
    activation.setToolTip(
        translate(
            "LayerStackEditor",
            "The function applied to each unit's sum. relu is the course's choice; without a "
            "non-linear one, stacked layers are no better than one."))
    activation.currentTextChanged.connect(lambda v: edit("activation", v))
    return activation


def dropout_widget(layer: LayerSpec, edit: Edit, parent: QWidget) -> QDoubleSpinBox | None:
    if layer.kind != "dense":
        return None
    dropout = QDoubleSpinBox(parent)
    dropout.setRange(0.0, MAX_DROPOUT)
    dropout.setSingleStep(0.05)
    dropout.setDecimals(2)
    dropout.setValue(layer.dropout)
    dropout.setToolTip(
        translate(
            "LayerStackEditor",
            "The share of this layer's units switched off at random during each training step (0.2 = "
            "20%). It keeps the network from memorising the training data; testing always uses every "
            "unit."))
    dropout.valueChanged.connect(lambda v: edit("dropout", v))
    return dropout


class WindowSettings(QWidget):
    """Stride and padding of the selected convolution or pooling layer, under the table."""

    edited = Signal(str, object)  # (field, value), only for the student's own edits

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("windowSettings")
        self._showing = False
        self._name = QLabel(self)
        self._stride = QSpinBox(self)
        self._stride.setObjectName("stride")
        self._stride.setRange(1, MAX_KERNEL)
        self._stride.setToolTip(translate(
            "LayerStackEditor",
            "How far the window moves each time: 2 makes the output half as high and wide."))
        self._stride.valueChanged.connect(lambda v: self._edited("stride", v))
        self._padding = QComboBox(self)
        self._padding.setObjectName("padding")
        self._padding.addItem(translate("LayerStackEditor", "same"), PADDINGS[0])
        self._padding.addItem(translate("LayerStackEditor", "valid"), PADDINGS[1])
        self._padding.setToolTip(translate(
            "LayerStackEditor",
            "same: the window may stand over the edge, which is padded with zeros, so the size is "
            "kept. valid: only whole windows inside the picture, so it shrinks."))
        self._padding.currentIndexChanged.connect(
            lambda _=0: self._edited("padding", self._padding.currentData()))
        stride_label = QLabel(translate("LayerStackEditor", "Stride:"), self)
        stride_label.setBuddy(self._stride)
        padding_label = QLabel(translate("LayerStackEditor", "Padding:"), self)
        padding_label.setBuddy(self._padding)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self._name, stride_label, self._stride, padding_label, self._padding):
            row.addWidget(widget)
        row.addStretch(1)
        self.hide()

    def show_layer(self, layer: LayerSpec, name: str) -> None:
        self._showing = True  # setting the values is not an edit
        self._name.setText(name + ":")
        self._stride.setValue(layer.steps_by)
        self._padding.setCurrentIndex(max(0, self._padding.findData(layer.padding)))
        self._showing = False
        self.show()

    def _edited(self, field: str, value) -> None:
        if not self._showing:
            self.edited.emit(field, value)
