"""The layer stack: the network drawn as a table the student can edit.

Rows read top to bottom as the data flows: the input, one row per hidden layer,
the output. Every row shows how many weights and biases it adds, so the student
sees where the network's size comes from (the course's 64 → 25 → 10 has
64×25 + 25 = 1,625 and 25×10 + 10 = 260 of them). Once the stack has convolution,
pooling or flatten layers, an Output column shows the shape each layer makes, and a
stack that does not fit says which layer is wrong (core/layer_shapes.py). What each
kind of row lets the student set is layer_rows.py.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tfdesk.core.errors import SpecError
from tfdesk.core.layer_shapes import fitted_shapes
from tfdesk.core.spec import (
    Experiment,
    LayerSpec,
    ModelSpec,
    conv_layer,
    conv_layers,
    default_experiment,
    flatten_layer,
    maxpool_layer,
)

from .layer_rows import (WindowSettings, activation_widget, dropout_widget, layer_name, layer_tip, narrow,
                         size_widget)
from .words import error_text

COL_NAME, COL_UNITS, COL_ACTIVATION, COL_DROPOUT, COL_OUTPUT, COL_PARAMS = range(6)


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
        self._image: tuple[int, int] | None = (8, 8)
        self._param_items: list[QTableWidgetItem] = []  # one per hidden layer, then the output
        self._output_items: list[QTableWidgetItem] = []

        self._table = QTableWidget(0, 6, self)
        self._table.setObjectName("layerTable")
        self._table.setHorizontalHeaderLabels(
            [self.tr("Layer"), self.tr("Units"), self.tr("Activation"), self.tr("Dropout"), self.tr("Output"),
             self.tr("Params")]
        )
        self._table.horizontalHeaderItem(COL_PARAMS).setToolTip(
            self.tr("Parameters: the layer's weights and biases, the numbers training adjusts"))
        self._table.horizontalHeaderItem(COL_OUTPUT).setToolTip(
            self.tr("What the layer makes: height × width × feature maps while the data is a picture, "
                    "then a row of values"))
        self._table.verticalHeader().hide()
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The sizes take what the other columns leave, so the table never scrolls sideways.
        header.setSectionResizeMode(COL_UNITS, QHeaderView.ResizeMode.Stretch)
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

        self._problem = QLabel(self)
        self._problem.setObjectName("stackProblem")
        self._problem.setWordWrap(True)
        self._problem.setStyleSheet(
            "QLabel { background: #f8d7da; color: #842029; border: 1px solid #e4a0a7;"
            " border-radius: 4px; padding: 6px; }")
        self._problem.hide()

        self._window_settings = WindowSettings(self)
        self._window_settings.edited.connect(self._edit_selected)

        self._add = self._action("addLayer", self.tr("Add layer"), QKeySequence(Qt.Key.Key_Insert),
                                 self.tr("Add a hidden layer of 25 relu units after the selected one."),
                                 QStyle.StandardPixmap.SP_FileDialogNewFolder,
                                 lambda: self._add_layer(LayerSpec()))
        self._add_conv = self._action(
            "addConvLayer", self.tr("Convolution"), QKeySequence("Ctrl+Shift+C"),
            self.tr("Add a convolution of 16 filters of 3×3 after the selected layer (pictures only)."),
            QStyle.StandardPixmap.SP_FileDialogNewFolder, lambda: self._add_layer(conv_layer()))
        self._add_pool = self._action(
            "addPoolLayer", self.tr("Max-pooling"), QKeySequence("Ctrl+Shift+P"),
            self.tr("Add 2×2 max-pooling after the selected layer: it halves the feature maps."),
            QStyle.StandardPixmap.SP_FileDialogNewFolder, lambda: self._add_layer(maxpool_layer()))
        self._add_flatten = self._action(
            "addFlattenLayer", self.tr("Flatten"), QKeySequence("Ctrl+Shift+F"),
            self.tr("Add a flatten layer: the feature maps as one row, for the dense layers after it."),
            QStyle.StandardPixmap.SP_FileDialogNewFolder, lambda: self._add_layer(flatten_layer()))
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
        self._conv_preset = menu.addAction(self.tr("Convolutional: conv → pool → conv → pool → dense"),
                                           self._apply_conv_preset)
        self._conv_preset.setObjectName("convPreset")
        self._presets.setMenu(menu)

        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for action in (self._add, self._remove, self._duplicate, self._up, self._down):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly
                                      if action in (self._up, self._down)
                                      else Qt.ToolButtonStyle.ToolButtonTextOnly)
            if action is self._add:  # the other kinds of layer, from the button's arrow
                kinds = QMenu(button)
                self._add.setText(self.tr("Add layer"))
                for kind in (self._add, self._add_conv, self._add_pool, self._add_flatten):
                    kinds.addAction(kind)
                button.setMenu(kinds)
                button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self._presets)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self._table, 1)
        layout.addWidget(self._window_settings)
        layout.addWidget(self._total)
        layout.addWidget(self._problem)
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

    def set_data_shape(self, n_inputs: int, n_classes: int, input_label: str,
                       image: tuple[int, int] | None = None) -> None:
        """Size the input and output rows; input_label describes the input, e.g. '8×8 image';
        image is its (height, width) when it is a picture convolution can work on."""
        self._n_inputs = n_inputs
        self._n_classes = n_classes
        self._input_label = input_label
        self._image = image
        self._rebuild()

    def parameter_count(self) -> int:
        return sum(shape.parameters for shape in self._fit()[0])

    def problem(self) -> str:
        """Why the stack does not fit its input, or "" when it does."""
        return self._problem.text() if self._fit()[1] is not None else ""

    # ---- building the table ---------------------------------------------------

    def _fit(self):
        return fitted_shapes(self._layers, self._n_inputs, self._n_classes, self._image)

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
        table.clearSpans()  # the output row's span moves with it
        table.setRowCount(len(self._layers) + 2)
        self._param_items, self._output_items = [], []

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
        table.setItem(0, COL_OUTPUT, self._fixed_item(""))

        counts = dict.fromkeys(("dense", "conv", "maxpool", "flatten"), 0)
        for i, layer in enumerate(self._layers):
            counts[layer.kind] += 1
            self._fill_hidden_row(i + 1, i, layer, counts[layer.kind])

        out = len(self._layers) + 1
        output_name = self._fixed_item(self.tr("Output"))
        output_name.setToolTip(self.tr("One unit per class; its values are the logits the loss compares with the labels."))
        table.setItem(out, COL_NAME, output_name)
        table.setItem(out, COL_UNITS, self._fixed_item(self.tr("{n} classes").format(n=f"{self._n_classes:,}")))
        combo = narrow(QComboBox(table))
        combo.addItem(self.tr("none (logits)"), "linear")
        combo.addItem(self.tr("softmax"), "softmax")
        combo.setCurrentIndex(max(0, combo.findData(self._output_activation)))
        combo.setToolTip(
            self.tr("Leave the output as raw scores (logits): the loss applies softmax itself. "
                    "Softmax here is the slide's Wrong!! example.")
        )
        combo.currentIndexChanged.connect(lambda _=0, c=combo: self._set_output_activation(c.currentData()))
        table.setCellWidget(out, COL_ACTIVATION, combo)
        table.setSpan(out, COL_ACTIVATION, 1, 2)  # room for "none (logits)"; it has no dropout
        self._param_items.append(self._fixed_item(""))
        table.setItem(out, COL_PARAMS, self._param_items[-1])
        self._output_items.append(self._fixed_item(""))
        table.setItem(out, COL_OUTPUT, self._output_items[-1])
        # Dense layers make what their units say; shapes are worth a column once they change.
        table.setColumnHidden(COL_OUTPUT, all(layer.kind == "dense" for layer in self._layers))
        table.horizontalHeaderItem(COL_UNITS).setText(
            self.tr("Units") if all(layer.kind == "dense" for layer in self._layers)
            else self.tr("Size"))
        table.horizontalHeaderItem(COL_UNITS).setToolTip(
            self.tr("Dense layers: units. Convolutions: filters and window. Pooling: window."))
        for action in (self._add_conv, self._add_pool, self._conv_preset):
            action.setEnabled(self._image is not None)

        table.blockSignals(False)
        if select is not None:
            table.selectRow(select + 1)
        else:
            table.clearSelection()
            table.setCurrentCell(-1, -1)  # no highlighted cell until the student picks a layer
        self._update_counts()
        self._update_warning()
        self._update_actions()

    def _fill_hidden_row(self, row: int, index: int, layer: LayerSpec, number: int) -> None:
        table = self._table
        name = QTableWidgetItem(layer_name(layer, number))
        name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        name.setToolTip(layer_tip(layer))
        table.setItem(row, COL_NAME, name)

        def edit(field, value, i=index):
            self._edit(i, field, value)

        for column, widget in ((COL_UNITS, size_widget(layer, edit, table)),
                               (COL_ACTIVATION, activation_widget(layer, edit, table)),
                               (COL_DROPOUT, dropout_widget(layer, edit, table))):
            if widget is None:
                table.setItem(row, column, self._fixed_item("—"))
            else:
                table.setCellWidget(row, column, widget)

        params = self._fixed_item("")
        table.setItem(row, COL_PARAMS, params)
        self._param_items.append(params)
        shape = self._fixed_item("")
        table.setItem(row, COL_OUTPUT, shape)
        self._output_items.append(shape)

    def _fixed_item(self, text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    # ---- reacting to edits ------------------------------------------------------

    def _edit(self, index: int, field: str, value) -> None:
        setattr(self._layers[index], field, value)
        if field in ("units", "filters", "kernel", "stride", "padding"):
            self._update_counts()
        self.changed.emit()

    def _edit_selected(self, field: str, value) -> None:
        index = self._selected()
        if index is not None:
            self._edit(index, field, value)

    def _set_output_activation(self, value: str) -> None:
        self._output_activation = value
        self._update_warning()
        self.changed.emit()

    def _update_counts(self) -> None:
        shapes, problem = self._fit()
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for i, (params, output) in enumerate(zip(self._param_items, self._output_items)):
            fits = i < len(shapes)
            params.setText(f"{shapes[i].parameters:,}" if fits else "—")
            output.setText(shapes[i].text if fits else "—")
            params.setTextAlignment(right)
            output.setTextAlignment(right)
        total = sum(shape.parameters for shape in shapes)
        self._total.setText(
            self.tr("Total: {n} parameters (weights and biases)").format(n=f"{total:,}")
            if problem is None else self.tr("The stack does not fit its input yet."))
        if problem is not None and "layer" in problem.fields:  # named as the table names it
            layer = self._layers[len(shapes)]
            number = sum(1 for other in self._layers[:len(shapes) + 1] if other.kind == layer.kind)
            problem = SpecError(problem.template, **{**problem.fields, "layer": layer_name(layer, number)})
        self._problem.setText("⚠ " + error_text(problem) if problem is not None else "")
        self._problem.setVisible(problem is not None)

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
        layer = self._layers[index] if chosen else None
        if layer is not None and layer.kind in ("conv", "maxpool"):
            number = sum(1 for other in self._layers[:index + 1] if other.kind == layer.kind)
            self._window_settings.show_layer(layer, layer_name(layer, number))
        else:
            self._window_settings.hide()

    # ---- stack operations -------------------------------------------------------

    def _change_stack(self, layers: list[LayerSpec], select: int | None) -> None:
        self._layers = layers
        self._rebuild(select)
        self.changed.emit()

    def _add_layer(self, layer: LayerSpec) -> None:
        index = self._selected()
        at = len(self._layers) if index is None else index + 1
        self._change_stack(self._layers[:at] + [layer] + self._layers[at:], at)

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

    def _apply_conv_preset(self) -> None:
        self._apply_preset(conv_layers(self._image or (8, 8)))

    def _apply_exercise_preset(self) -> None:
        # The slide: 嘗試疊出三層隱藏層都為25維的神經網路 (stack three hidden layers of 25).
        self._apply_preset([copy.deepcopy(ModelSpec().hidden_layers[0]) for _ in range(3)])
