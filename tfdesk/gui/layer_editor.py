"""The layer stack: the network drawn as a table the student can edit.

Rows read top to bottom as the data flows: the input, one row per hidden layer,
the output. Every row shows how many weights and biases it adds, so the student
sees where the network's size comes from (the course's 64 → 25 → 10 has
64×25 + 25 = 1,625 and 25×10 + 10 = 260 of them).
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tfdesk.core.spec import ACTIVATIONS, Experiment, LayerSpec, ModelSpec, default_experiment

MAX_UNITS = 100_000
MAX_DROPOUT = 0.95

COL_NAME, COL_UNITS, COL_ACTIVATION, COL_DROPOUT, COL_PARAMS = range(5)


def layer_parameters(fan_in: int, units: int) -> int:
    """Weights (one per input per unit) plus one bias per unit."""
    return fan_in * units + units


class LayerStackEditor(QWidget):
    """Edits experiment.model: the hidden layers and the output activation.

    The editor keeps its own copy of the layers; `apply_to` writes it back. Values
    that were never touched are written back exactly as they came in.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layers: list[LayerSpec] = copy.deepcopy(ModelSpec().hidden_layers)
        self._output_activation = "linear"
        self._n_inputs = 64
        self._n_classes = 10
        self._input_label = self.tr("8×8 image")
        self._param_items: list[QTableWidgetItem] = []  # one per hidden layer, then the output

        self._table = QTableWidget(0, 5, self)
        self._table.setObjectName("layerTable")
        self._table.setHorizontalHeaderLabels(
            [self.tr("Layer"), self.tr("Units"), self.tr("Activation"), self.tr("Dropout"), self.tr("Params")]
        )
        self._table.horizontalHeaderItem(COL_PARAMS).setToolTip(
            self.tr("Parameters: the layer's weights and biases, the numbers training adjusts"))
        self._table.verticalHeader().hide()
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_PARAMS, QHeaderView.ResizeMode.Stretch)
        self._table.setToolTip(
            self.tr("The network, from the input at the top to the output at the bottom. "
                    "Select a hidden layer to remove, duplicate or move it.")
        )
        self._table.itemSelectionChanged.connect(self._update_actions)

        self._total = QLabel(self)
        self._total.setObjectName("parameterTotal")
        self._total.setStyleSheet("QLabel { font-weight: bold; }")
        self._total.setToolTip(
            self.tr("Every weight and bias is one number the optimizer adjusts while training. "
                    "More parameters can learn more, but train slower and can memorise the training data.")
        )

        self._warning = QLabel(self)
        self._warning.setObjectName("softmaxWarning")
        self._warning.setWordWrap(True)
        self._warning.setText(
            self.tr("⚠ The loss already applies softmax to the output "
                    "(softmax_cross_entropy_with_logits). A softmax here applies it twice "
                    "and training suffers — the slide marks this Wrong!!")
        )
        self._warning.setStyleSheet(
            "QLabel { background: #fff3cd; color: #664d03; border: 1px solid #e0c36a;"
            " border-radius: 4px; padding: 6px; }"
        )
        self._warning.hide()

        self._add = self._action("addLayer", self.tr("Add layer"), QKeySequence(Qt.Key.Key_Insert),
                                 self.tr("Add a hidden layer of 25 relu units after the selected one."),
                                 QStyle.StandardPixmap.SP_FileDialogNewFolder, self._add_layer)
        self._remove = self._action("removeLayer", self.tr("Remove"), QKeySequence(Qt.Key.Key_Delete),
                                    self.tr("Remove the selected hidden layer."),
                                    QStyle.StandardPixmap.SP_TrashIcon, self._remove_layer)
        self._duplicate = self._action("duplicateLayer", self.tr("Duplicate"), QKeySequence("Ctrl+D"),
                                       self.tr("Add a copy of the selected hidden layer right after it."),
                                       QStyle.StandardPixmap.SP_FileDialogDetailedView, self._duplicate_layer)
        self._up = self._action("moveLayerUp", self.tr("Move up"), QKeySequence("Alt+Up"),
                                self.tr("Move the selected hidden layer one step closer to the input."),
                                QStyle.StandardPixmap.SP_ArrowUp, lambda: self._move_layer(-1))
        self._down = self._action("moveLayerDown", self.tr("Move down"), QKeySequence("Alt+Down"),
                                  self.tr("Move the selected hidden layer one step closer to the output."),
                                  QStyle.StandardPixmap.SP_ArrowDown, lambda: self._move_layer(+1))

        self._presets = QToolButton(self)
        self._presets.setText(self.tr("Presets"))
        self._presets.setToolTip(self.tr("Replace the hidden layers with one of the course's networks, "
                                         "or the one that reads drawn digits best."))
        self._presets.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self._presets)
        menu.addAction(self.tr("Course network: 64 → 25 → 10"), self._apply_course_preset).setObjectName("coursePreset")
        menu.addAction(self.tr("Exercise: three hidden layers of 25"),
                       self._apply_exercise_preset).setObjectName("exercisePreset")
        menu.addAction(self.tr("For drawn digits: 64 → 128 → 64 → 10"),
                       self._apply_drawing_preset).setObjectName("drawingPreset")
        self._presets.setMenu(menu)

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for action in (self._add, self._remove, self._duplicate, self._up, self._down):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly
                                      if action in (self._up, self._down)
                                      else Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self._presets)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self._table, 1)
        layout.addWidget(self._total)
        layout.addWidget(self._warning)

        self._rebuild()

    # ---- public API ---------------------------------------------------------

    def set_experiment(self, exp: Experiment) -> None:
        self._layers = copy.deepcopy(exp.model.hidden_layers)
        self._output_activation = exp.model.output_activation
        self._rebuild()

    def apply_to(self, exp: Experiment) -> None:
        exp.model.hidden_layers = copy.deepcopy(self._layers)
        exp.model.output_activation = self._output_activation

    def set_data_shape(self, n_inputs: int, n_classes: int, input_label: str) -> None:
        """Size the input and output rows; input_label describes the input, e.g. '8×8 image'."""
        self._n_inputs = n_inputs
        self._n_classes = n_classes
        self._input_label = input_label
        self._rebuild()

    def parameter_count(self) -> int:
        return sum(self._layer_counts())

    # ---- building the table ---------------------------------------------------

    def _action(self, name, text, shortcut, tip, icon, slot) -> QAction:
        action = QAction(self.style().standardIcon(icon), text, self)
        action.setObjectName(name)
        action.setShortcut(shortcut)
        # Only while focus is in this editor, so Delete elsewhere (a drawing pad) stays theirs.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{tip} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _rebuild(self, select: int | None = None) -> None:
        table = self._table
        table.blockSignals(True)
        table.clearContents()
        table.setRowCount(len(self._layers) + 2)
        self._param_items = []

        input_row = self._fixed_item(self.tr("Input"))
        input_row.setToolTip(self.tr("The values fed into the network: one per pixel of the image."))
        table.setItem(0, COL_NAME, input_row)
        if self._input_label:
            text = self.tr("{n} values ({what})").format(n=f"{self._n_inputs:,}", what=self._input_label)
        else:
            text = self.tr("{n} values").format(n=f"{self._n_inputs:,}")
        table.setItem(0, COL_UNITS, self._fixed_item(text))
        table.setSpan(0, COL_UNITS, 1, 3)
        no_params = self._fixed_item("—")
        no_params.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        no_params.setToolTip(self.tr("The input has no weights or biases of its own."))
        table.setItem(0, COL_PARAMS, no_params)

        for i, layer in enumerate(self._layers):
            self._fill_hidden_row(i + 1, i, layer)

        out = len(self._layers) + 1
        output_name = self._fixed_item(self.tr("Output"))
        output_name.setToolTip(self.tr("One unit per class; its values are the logits the loss compares with the labels."))
        table.setItem(out, COL_NAME, output_name)
        table.setItem(out, COL_UNITS, self._fixed_item(self.tr("{n} classes").format(n=f"{self._n_classes:,}")))
        combo = QComboBox(table)
        combo.addItem(self.tr("none (logits)"), "linear")
        combo.addItem(self.tr("softmax"), "softmax")
        combo.setCurrentIndex(max(0, combo.findData(self._output_activation)))
        combo.setToolTip(
            self.tr("Leave the output as raw scores (logits): the loss applies softmax itself. "
                    "Softmax here is the slide's Wrong!! example.")
        )
        combo.currentIndexChanged.connect(lambda _=0, c=combo: self._set_output_activation(c.currentData()))
        table.setCellWidget(out, COL_ACTIVATION, combo)
        table.setItem(out, COL_DROPOUT, self._fixed_item("—"))
        self._param_items.append(self._fixed_item(""))
        table.setItem(out, COL_PARAMS, self._param_items[-1])

        table.blockSignals(False)
        if select is not None:
            table.selectRow(select + 1)
        else:
            table.clearSelection()
            table.setCurrentCell(-1, -1)  # no highlighted cell until the student picks a layer
        self._update_counts()
        self._update_warning()
        self._update_actions()

    def _fill_hidden_row(self, row: int, index: int, layer: LayerSpec) -> None:
        table = self._table
        name = QTableWidgetItem(self.tr("Hidden {n}").format(n=index + 1))
        name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        name.setToolTip(self.tr("A hidden layer: each unit sums weighted inputs, adds a bias, and applies the activation."))
        table.setItem(row, COL_NAME, name)

        units = QSpinBox(table)
        units.setRange(1, MAX_UNITS)
        units.setGroupSeparatorShown(True)
        units.setValue(layer.units)
        units.setToolTip(self.tr("How many units (neurons) this layer has. More units can learn more, but train slower."))
        units.valueChanged.connect(lambda v, i=index: self._edit(i, "units", v))
        table.setCellWidget(row, COL_UNITS, units)

        activation = QComboBox(table)
        activation.addItems(list(ACTIVATIONS))
        activation.setCurrentIndex(max(0, activation.findText(layer.activation)))
        activation.setToolTip(
            self.tr("The function applied to each unit's sum. relu is the course's choice; "
                    "without a non-linear one, stacked layers are no better than one.")
        )
        activation.currentTextChanged.connect(lambda v, i=index: self._edit(i, "activation", v))
        table.setCellWidget(row, COL_ACTIVATION, activation)

        dropout = QDoubleSpinBox(table)
        dropout.setRange(0.0, MAX_DROPOUT)
        dropout.setSingleStep(0.05)
        dropout.setDecimals(2)
        dropout.setValue(layer.dropout)
        dropout.setToolTip(
            self.tr("The share of this layer's units switched off at random during each training step "
                    "(0.2 = 20%). It keeps the network from memorising the training data; "
                    "testing always uses every unit.")
        )
        dropout.valueChanged.connect(lambda v, i=index: self._edit(i, "dropout", v))
        table.setCellWidget(row, COL_DROPOUT, dropout)

        params = self._fixed_item("")
        table.setItem(row, COL_PARAMS, params)
        self._param_items.append(params)

    def _fixed_item(self, text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    # ---- reacting to edits ------------------------------------------------------

    def _edit(self, index: int, field: str, value) -> None:
        setattr(self._layers[index], field, value)
        if field == "units":
            self._update_counts()
        self.changed.emit()

    def _set_output_activation(self, value: str) -> None:
        self._output_activation = value
        self._update_warning()
        self.changed.emit()

    def _layer_counts(self) -> list[int]:
        sizes = [self._n_inputs] + [layer.units for layer in self._layers] + [self._n_classes]
        return [layer_parameters(a, b) for a, b in zip(sizes, sizes[1:])]

    def _update_counts(self) -> None:
        counts = self._layer_counts()
        for item, count in zip(self._param_items, counts):
            item.setText(f"{count:,}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._total.setText(
            self.tr("Total: {n} parameters (weights and biases)").format(n=f"{sum(counts):,}")
        )

    def _update_warning(self) -> None:
        self._warning.setVisible(self._output_activation == "softmax")

    def _selected(self) -> int | None:
        """The index of the selected hidden layer, or None."""
        rows = {index.row() for index in self._table.selectionModel().selectedRows()}
        hidden = [row - 1 for row in rows if 1 <= row <= len(self._layers)]
        return hidden[0] if hidden else None

    def _update_actions(self) -> None:
        index = self._selected()
        chosen = index is not None
        self._remove.setEnabled(chosen)
        self._duplicate.setEnabled(chosen)
        self._up.setEnabled(chosen and index > 0)
        self._down.setEnabled(chosen and index < len(self._layers) - 1)

    # ---- stack operations -------------------------------------------------------

    def _change_stack(self, layers: list[LayerSpec], select: int | None) -> None:
        self._layers = layers
        self._rebuild(select)
        self.changed.emit()

    def _add_layer(self) -> None:
        index = self._selected()
        at = len(self._layers) if index is None else index + 1
        self._change_stack(self._layers[:at] + [LayerSpec()] + self._layers[at:], at)

    def _remove_layer(self) -> None:
        index = self._selected()
        if index is None:
            return
        layers = self._layers[:index] + self._layers[index + 1:]
        self._change_stack(layers, min(index, len(layers) - 1) if layers else None)

    def _duplicate_layer(self) -> None:
        index = self._selected()
        if index is None:
            return
        twin = copy.deepcopy(self._layers[index])
        self._change_stack(self._layers[:index + 1] + [twin] + self._layers[index + 1:], index + 1)

    def _move_layer(self, step: int) -> None:
        index = self._selected()
        if index is None or not 0 <= index + step < len(self._layers):
            return
        layers = list(self._layers)
        layers[index], layers[index + step] = layers[index + step], layers[index]
        self._change_stack(layers, index + step)

    def _apply_preset(self, layers: list[LayerSpec]) -> None:
        self._output_activation = "linear"
        self._change_stack(layers, None)

    def _apply_course_preset(self) -> None:
        self._apply_preset(copy.deepcopy(ModelSpec().hidden_layers))

    def _apply_drawing_preset(self) -> None:
        # The window's default network (spec.default_experiment; README, "Drawn digits").
        self._apply_preset(default_experiment().model.hidden_layers)

    def _apply_exercise_preset(self) -> None:
        # The slide: 嘗試疊出三層隱藏層都為25維的神經網路 (stack three hidden layers of 25).
        self._apply_preset([copy.deepcopy(ModelSpec().hidden_layers[0]) for _ in range(3)])
