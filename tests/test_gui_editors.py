"""The layer stack editor and the optimizer panel, driven the way a student drives them."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QRadioButton,
    QSpinBox,
    QTableWidget,
)

from tfdesk.core.spec import (
    DataSpec,
    Experiment,
    LayerSpec,
    ModelSpec,
    OptimizerSpec,
    TrainingSpec,
    conv_experiment,
    conv_layer,
    course_experiment,
    flatten_layer,
    lesson_experiment,
    maxpool_layer,
)
from tfdesk.gui.layer_editor import COL_ACTIVATION, COL_DROPOUT, COL_PARAMS, COL_UNITS, LayerStackEditor
from tfdesk.gui.optimizer_panel import OptimizerPanel


def unusual_experiment() -> Experiment:
    """Values no spin box shows exactly, to prove untouched values survive unchanged."""
    return Experiment(
        data=DataSpec(source="file", path="/data/mnist.npz", format="npz"),
        model=ModelSpec(
            hidden_layers=[
                LayerSpec(units=100_000, activation="tanh", dropout=0.123),
                LayerSpec(units=1, activation="linear", dropout=0.0),
                LayerSpec(units=7, activation="softplus", dropout=0.949),
            ],
            init="glorot",
            output_activation="softmax",
        ),
        optimizer=OptimizerSpec(name="rmsprop", learning_rate=0.000123, momentum=0.95, nesterov=True,
                                beta1=0.85, beta2=0.99999, epsilon=1e-10, decay=0.875,
                                initial_accumulator=0.0125),
        training=TrainingSpec(epochs=12345, batch_mode="stochastic", batch_size=7, shuffle=False,
                              validation_fraction=0.125, test_fraction=0.333, seed=2**31 - 1),
        device="gpu:1",
        name="unusual",
    )


ROUND_TRIP_EXPERIMENTS = [
    course_experiment(),
    lesson_experiment("linear"),
    lesson_experiment("quadratic"),
    Experiment(model=ModelSpec(hidden_layers=[])),  # softmax regression straight on the pixels
    unusual_experiment(),
    conv_experiment(),
    # a 28×28 network with a stride, valid padding and a 7×7 window no preset has
    Experiment(name="conv28", model=ModelSpec(hidden_layers=[
        conv_layer(5, 7, "tanh", stride=2, padding="valid"), maxpool_layer(3, "valid"), flatten_layer()])),
]


# ---- layer stack editor ---------------------------------------------------------


def table(editor) -> QTableWidget:
    return editor.findChild(QTableWidget, "layerTable")


def action(editor, name) -> QAction:
    return editor.findChild(QAction, name)


def hidden_units(editor) -> list[int]:
    t = table(editor)
    return [t.cellWidget(row, COL_UNITS).value() for row in range(1, t.rowCount() - 1)]


def total_text(editor) -> str:
    return editor.findChild(QLabel, "parameterTotal").text()


def select_hidden(editor, index: int) -> None:
    table(editor).selectRow(index + 1)


def applied(editor) -> Experiment:
    exp = course_experiment()
    editor.apply_to(exp)
    return exp


def test_course_network_shows_64_25_10_and_1885_parameters(editor):
    t = table(editor)
    assert t.rowCount() == 3
    assert "64 values (8×8 image)" in t.item(0, COL_UNITS).text()
    assert hidden_units(editor) == [25]
    assert t.cellWidget(1, COL_ACTIVATION).currentText() == "relu"
    assert t.item(1, COL_PARAMS).text() == "1,625"
    assert t.item(2, COL_UNITS).text() == "10 classes"
    assert t.item(2, COL_PARAMS).text() == "260"
    assert editor.parameter_count() == 1885
    assert "1,885" in total_text(editor)


def test_changing_units_recounts_this_layer_the_next_and_the_total(editor, qtbot):
    t = table(editor)
    with qtbot.waitSignal(editor.changed):
        t.cellWidget(1, COL_UNITS).setValue(50)
    assert t.item(1, COL_PARAMS).text() == "3,250"  # 64×50 + 50
    assert t.item(2, COL_PARAMS).text() == "510"  # 50×10 + 10
    assert "3,760" in total_text(editor)
    assert applied(editor).model.hidden_layers[0].units == 50


def test_exercise_preset_stacks_three_hidden_layers_of_25(editor, qtbot):
    with qtbot.waitSignal(editor.changed):
        action(editor, "exercisePreset").trigger()
    assert hidden_units(editor) == [25, 25, 25]
    # 64×25+25 + 2 × (25×25+25) + 25×10+10
    assert editor.parameter_count() == 1625 + 650 + 650 + 260 == 3185
    assert "3,185" in total_text(editor)
    assert [layer.units for layer in applied(editor).model.hidden_layers] == [25, 25, 25]

    action(editor, "coursePreset").trigger()
    assert applied(editor).model == ModelSpec()


def test_the_drawing_preset_is_the_windows_default_network(editor, qtbot):
    with qtbot.waitSignal(editor.changed):
        action(editor, "drawingPreset").trigger()
    assert hidden_units(editor) == [128, 64]
    assert editor.parameter_count() == 64 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10 == 17226


def test_add_duplicate_move_and_remove_edit_the_stack(editor, qtbot):
    t = table(editor)
    select_hidden(editor, 0)
    with qtbot.waitSignal(editor.changed):
        action(editor, "duplicateLayer").trigger()
    assert hidden_units(editor) == [25, 25]

    t.cellWidget(2, COL_UNITS).setValue(40)
    t.cellWidget(2, COL_ACTIVATION).setCurrentText("tanh")
    t.cellWidget(2, COL_DROPOUT).setValue(0.5)
    select_hidden(editor, 1)
    action(editor, "moveLayerUp").trigger()
    assert hidden_units(editor) == [40, 25]
    assert applied(editor).model.hidden_layers[0] == LayerSpec(units=40, activation="tanh", dropout=0.5)

    action(editor, "addLayer").trigger()  # after the moved layer, which stays selected
    assert hidden_units(editor) == [40, 25, 25]
    assert applied(editor).model.hidden_layers[1] == LayerSpec()

    select_hidden(editor, 0)
    action(editor, "moveLayerDown").trigger()
    action(editor, "moveLayerDown").trigger()
    assert hidden_units(editor) == [25, 25, 40]

    for expected in ([25, 25], [25], []):
        select_hidden(editor, len(hidden_units(editor)) - 1)
        with qtbot.waitSignal(editor.changed):
            action(editor, "removeLayer").trigger()
        assert hidden_units(editor) == expected
    assert applied(editor).model.hidden_layers == []
    assert editor.parameter_count() == 64 * 10 + 10


def test_buttons_act_only_on_a_selected_hidden_layer(editor, qtbot):
    editor.set_experiment(Experiment(model=ModelSpec(hidden_layers=[LayerSpec(), LayerSpec(units=9)])))
    assert not action(editor, "removeLayer").isEnabled()
    assert not action(editor, "duplicateLayer").isEnabled()
    table(editor).selectRow(0)  # the input row is not a layer one can remove
    assert not action(editor, "removeLayer").isEnabled()
    select_hidden(editor, 0)
    assert action(editor, "removeLayer").isEnabled()
    assert not action(editor, "moveLayerUp").isEnabled()
    assert action(editor, "moveLayerDown").isEnabled()
    select_hidden(editor, 1)
    assert action(editor, "moveLayerUp").isEnabled()
    assert not action(editor, "moveLayerDown").isEnabled()


def test_clicking_into_a_layers_spin_box_makes_the_buttons_act_on_it(editor, qtbot):
    editor.set_experiment(Experiment(model=ModelSpec(hidden_layers=[LayerSpec(), LayerSpec(units=9)])))
    qtbot.mouseClick(table(editor).cellWidget(2, COL_UNITS).lineEdit(), Qt.MouseButton.LeftButton)
    action(editor, "removeLayer").trigger()
    assert hidden_units(editor) == [25]


def test_keyboard_shortcut_duplicates_the_selected_layer(editor, qtbot):
    editor.activateWindow()
    t = table(editor)
    t.setFocus()
    select_hidden(editor, 0)
    qtbot.keyClick(t, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert hidden_units(editor) == [25, 25]


def test_spin_boxes_refuse_impossible_values(editor, qtbot):
    units = table(editor).cellWidget(1, COL_UNITS)
    units.lineEdit().selectAll()
    qtbot.keyClicks(units.lineEdit(), "0")
    qtbot.keyClick(units.lineEdit(), Qt.Key.Key_Enter)
    assert applied(editor).model.hidden_layers[0].units >= 1
    dropout = table(editor).cellWidget(1, COL_DROPOUT)
    dropout.setValue(1.0)  # dropping every unit would leave nothing to learn with
    assert applied(editor).model.hidden_layers[0].dropout == 0.95
    applied(editor).validate()


def test_softmax_on_the_output_shows_the_slides_warning(editor, qtbot):
    warning = editor.findChild(QLabel, "softmaxWarning")
    output = table(editor).cellWidget(2, COL_ACTIVATION)
    assert output.currentText() == "none (logits)"
    assert not warning.isVisible()
    with qtbot.waitSignal(editor.changed):
        output.setCurrentIndex(output.findData("softmax"))
    assert warning.isVisible()
    assert "Wrong!!" in warning.text() and "twice" in warning.text()
    assert applied(editor).model.output_activation == "softmax"
    output.setCurrentIndex(output.findData("linear"))
    assert not warning.isVisible()
    assert applied(editor).model.output_activation == "linear"


def test_a_loaded_softmax_model_shows_the_warning_at_once(editor):
    editor.set_experiment(unusual_experiment())
    assert editor.findChild(QLabel, "softmaxWarning").isVisible()


def test_data_shape_sizes_the_input_and_output_rows(editor):
    editor.set_data_shape(784, 10, "28×28 image")
    t = table(editor)
    assert "784 values (28×28 image)" in t.item(0, COL_UNITS).text()
    assert editor.parameter_count() == 784 * 25 + 25 + 25 * 10 + 10
    editor.set_data_shape(4, 3, "")
    assert t.item(0, COL_UNITS).text() == "4 values"
    assert t.item(t.rowCount() - 1, COL_UNITS).text() == "3 classes"
    assert editor.parameter_count() == 4 * 25 + 25 + 25 * 3 + 3


@pytest.mark.parametrize("original", ROUND_TRIP_EXPERIMENTS, ids=lambda e: e.name)
def test_layer_editor_round_trip_keeps_the_experiment(qtbot, original):
    widget = LayerStackEditor()
    qtbot.addWidget(widget)
    with qtbot.assertNotEmitted(widget.changed):
        widget.set_experiment(original)
    result = original.copy()
    result.model.hidden_layers = [LayerSpec(units=3)]
    result.model.output_activation = "linear" if original.model.output_activation == "softmax" else "softmax"
    widget.apply_to(result)
    assert result == original


# ---- optimizer panel ----------------------------------------------------------------


@pytest.fixture
def panel(qtbot):
    widget = OptimizerPanel()
    qtbot.addWidget(widget)
    widget.set_experiment(course_experiment())
    widget.resize(420, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


SETTINGS = ("momentum", "nesterov", "beta1", "beta2", "epsilon", "decay", "initial_accumulator")
EXPECTED_SETTINGS = {
    "gradient_descent": set(),
    "adagrad": {"initial_accumulator"},
    "momentum": {"momentum", "nesterov"},
    "adam": {"beta1", "beta2", "epsilon"},
    "rmsprop": {"decay", "epsilon"},
}


def child(panel, name):
    return panel.findChild(object, name)


def panel_applied(panel) -> Experiment:
    exp = course_experiment()
    panel.apply_to(exp)
    return exp


@pytest.mark.parametrize("name", list(EXPECTED_SETTINGS))
def test_only_the_chosen_optimizers_settings_show(panel, qtbot, name):
    combo = panel.findChild(QComboBox, "optimizer")
    if combo.currentData() != name:
        with qtbot.waitSignal(panel.changed):
            combo.setCurrentIndex(combo.findData(name))
    shown = {s for s in SETTINGS if child(panel, s).isVisibleTo(panel)}
    assert shown == EXPECTED_SETTINGS[name]
    assert child(panel, "learning_rate").isVisibleTo(panel)
    assert panel_applied(panel).optimizer.name == name


def test_setting_labels_hide_with_their_fields(panel):
    combo = panel.findChild(QComboBox, "optimizer")
    combo.setCurrentIndex(combo.findData("gradient_descent"))
    visible = {label.text() for label in panel.findChildren(QLabel) if label.isVisibleTo(panel)}
    assert "Learning rate:" in visible
    assert not visible & {"Momentum:", "β1:", "β2:", "ε (epsilon):", "Decay:", "Initial accumulator:"}


def test_batch_size_is_editable_only_in_mini_batch_mode(panel, qtbot):
    batch_size = panel.findChild(QSpinBox, "batch_size")
    assert batch_size.isEnabled()
    for mode, enabled in (("full", False), ("stochastic", False), ("mini", True)):
        button = panel.findChild(QRadioButton, f"batch_mode_{mode}")
        with qtbot.waitSignal(panel.changed):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert batch_size.isEnabled() == enabled
        assert panel_applied(panel).training.batch_mode == mode


def test_apply_to_writes_every_field(panel):
    panel.findChild(QComboBox, "optimizer").setCurrentIndex(2)  # momentum
    child(panel, "learning_rate").setValue(0.05)
    child(panel, "momentum").setValue(0.8)
    child(panel, "nesterov").setChecked(True)
    child(panel, "beta1").setValue(0.8)
    child(panel, "beta2").setValue(0.99)
    child(panel, "epsilon").setValue(1e-6)
    child(panel, "decay").setValue(0.95)
    child(panel, "initial_accumulator").setValue(0.5)
    child(panel, "batch_mode_full").setChecked(True)
    child(panel, "batch_size").setValue(64)
    child(panel, "epochs").setValue(7)
    child(panel, "shuffle").setChecked(False)
    child(panel, "validation_fraction").setValue(0.15)
    child(panel, "test_fraction").setValue(0.25)
    child(panel, "seed").setValue(42)

    exp = panel_applied(panel)
    assert exp.optimizer == OptimizerSpec(name="momentum", learning_rate=0.05, momentum=0.8, nesterov=True,
                                          beta1=0.8, beta2=0.99, epsilon=1e-6, decay=0.95,
                                          initial_accumulator=0.5)
    assert exp.training == TrainingSpec(epochs=7, batch_mode="full", batch_size=64, shuffle=False,
                                        validation_fraction=0.15, test_fraction=0.25, seed=42)
    exp.validate()


@pytest.mark.parametrize("original", ROUND_TRIP_EXPERIMENTS, ids=lambda e: e.name)
def test_optimizer_panel_round_trip_keeps_the_experiment(qtbot, original):
    widget = OptimizerPanel()
    qtbot.addWidget(widget)
    widget.set_experiment(original)
    assert widget.findChild(QComboBox, "optimizer").currentData() == original.optimizer.name
    result = original.copy()
    result.optimizer, result.training = OptimizerSpec(name="adagrad"), TrainingSpec(epochs=1)
    widget.apply_to(result)
    assert result == original


def test_both_editors_together_round_trip(qtbot):
    layers, optimizer = LayerStackEditor(), OptimizerPanel()
    qtbot.addWidget(layers)
    qtbot.addWidget(optimizer)
    for original in ROUND_TRIP_EXPERIMENTS:
        layers.set_experiment(original)
        optimizer.set_experiment(original)
        result = Experiment(data=original.data, device=original.device, name=original.name,
                            model=ModelSpec(init=original.model.init, degree=original.model.degree))
        layers.apply_to(result)
        optimizer.apply_to(result)
        assert result == original


def test_learning_rate_arrows_step_by_the_leading_digit(panel, qtbot):
    rate = child(panel, "learning_rate")
    assert rate.text() == "0.002"
    rate.stepUp()
    assert rate.value() == pytest.approx(0.003) and rate.text() == "0.003"
    rate.setValue(0.009)
    rate.stepUp()
    assert rate.text() == "0.01"
    rate.stepDown()
    assert rate.text() == "0.009"
    rate.setValue(0.1)
    rate.stepBy(3)
    assert rate.text() == "0.4"


def test_typing_a_learning_rate_in_scientific_notation(panel, qtbot):
    rate = child(panel, "learning_rate")
    rate.lineEdit().selectAll()
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClicks(rate.lineEdit(), "2e-4")
        qtbot.keyClick(rate.lineEdit(), Qt.Key.Key_Enter)
    assert panel_applied(panel).optimizer.learning_rate == pytest.approx(2e-4)
    rate.lineEdit().selectAll()
    qtbot.keyClicks(rate.lineEdit(), "abc")  # letters other than e are refused
    assert "a" not in rate.text() and "b" not in rate.text()


def test_tiny_epsilon_is_shown_not_rounded_to_zero(panel):
    combo = panel.findChild(QComboBox, "optimizer")
    combo.setCurrentIndex(combo.findData("adam"))
    assert child(panel, "epsilon").text() == "1e-8"


def test_training_size_caps_the_mini_batch(panel, qtbot):
    panel.set_training_size(1000)
    batch_size = panel.findChild(QSpinBox, "batch_size")
    batch_size.setValue(5000)
    assert panel_applied(panel).training.batch_size == 1000
    batch_size.setValue(200)
    with qtbot.waitSignal(panel.changed):
        panel.set_training_size(100)  # a smaller data set shrinks a batch that no longer fits
    exp = panel_applied(panel)
    assert exp.training.batch_size == 100
    exp.validate(n_train=100)
    panel.set_experiment(Experiment(training=TrainingSpec(batch_size=500)))
    assert batch_size.value() == 100
    assert panel_applied(panel).training.batch_size == 100


def test_held_out_shares_always_leave_data_to_train_on(panel):
    validation = panel.findChild(QDoubleSpinBox, "validation_fraction")
    test = panel.findChild(QDoubleSpinBox, "test_fraction")
    validation.setValue(0.5)
    test.setValue(0.5)
    exp = panel_applied(panel)
    assert exp.training.validation_fraction == 0.5
    assert exp.training.test_fraction < 0.4
    exp.validate()
    # The limits follow a newly loaded experiment rather than the last edit.
    panel.set_experiment(Experiment(training=TrainingSpec(validation_fraction=0.05, test_fraction=0.45)))
    assert test.text() == "0.45"
    assert panel_applied(panel).training.test_fraction == 0.45


def test_user_edits_emit_changed(panel, qtbot):
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.findChild(QCheckBox, "shuffle"), Qt.MouseButton.LeftButton)
    epochs = panel.findChild(QSpinBox, "epochs")
    epochs.setFocus()
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(epochs, Qt.Key.Key_Up)
    assert panel_applied(panel).training.epochs == course_experiment().training.epochs + 1
    assert panel_applied(panel).training.shuffle is False


def test_loading_an_experiment_does_not_count_as_an_edit(panel, qtbot):
    with qtbot.assertNotEmitted(panel.changed):
        panel.set_experiment(unusual_experiment())


@pytest.mark.parametrize("name, typed, kept", [("epochs", "0", "80"), ("learning_rate", "50", None)])
def test_a_number_out_of_range_is_said_not_silently_changed(qtbot, name, typed, kept):
    from PySide6.QtTest import QTest

    from tfdesk.gui.optimizer_panel import OptimizerPanel

    panel = OptimizerPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.activateWindow()
    spin = panel.findChild(QAbstractSpinBox, name)
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    spin.selectAll()
    QTest.keyClicks(spin, typed)
    QTest.keyClick(spin, Qt.Key_Return)
    note = panel.range_note.text()
    assert panel.range_note.isVisible() and f"{typed} is not allowed here" in note
    assert f"the value is {kept or spin.text()}" in note
    spin.selectAll()
    QTest.keyClicks(spin, "5")
    QTest.keyClick(spin, Qt.Key_Return)
    assert not panel.range_note.isVisible()
