"""Convolution in the layer stack editor, driven the way a student drives it: the
shapes and counts follow every edit, and a stack that does not fit says which layer."""

import numpy as np
from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox, QWidget

from tfdesk.core.spec import LayerSpec, conv_layer, default_experiment, flatten_layer
from tfdesk.gui.layer_editor import COL_DROPOUT, COL_NAME, COL_OUTPUT, COL_PARAMS, COL_UNITS

from test_gui_editors import action, applied, select_hidden, table, total_text


def column(editor, col) -> list[str]:
    t = table(editor)
    return [t.item(row, col).text() for row in range(1, t.rowCount())]


def problem(editor) -> QLabel:
    return editor.findChild(QLabel, "stackProblem")


def test_the_output_column_appears_with_the_first_layer_that_is_not_dense(editor, qtbot):
    t = table(editor)
    assert t.isColumnHidden(COL_OUTPUT)  # the course's dense network reads as before
    with qtbot.waitSignal(editor.changed):
        action(editor, "convPreset").trigger()
    assert not t.isColumnHidden(COL_OUTPUT)
    assert column(editor, COL_NAME) == ["Conv 1", "Pool 1", "Conv 2", "Pool 2", "Flatten", "Hidden 1",
                                        "Output"]
    assert column(editor, COL_OUTPUT) == ["8×8×16", "4×4×16", "4×4×32", "2×2×32", "128", "64", "10"]
    assert column(editor, COL_PARAMS) == ["160", "0", "4,640", "0", "0", "8,256", "650"]
    assert editor.parameter_count() == 160 + 4640 + 8256 + 650
    assert "13,706" in total_text(editor)
    assert not problem(editor).isVisible()


def test_a_convolution_before_dense_layers_asks_for_a_flatten_layer(editor, qtbot):
    t = table(editor)
    action(editor, "addConvLayer").trigger()  # after the dense layer: no picture is left
    assert problem(editor).isVisible()
    assert "Conv 1 (conv): it needs an image, but its input is a row of 25 values" in problem(editor).text()
    assert "does not fit" in total_text(editor)
    assert column(editor, COL_OUTPUT)[:3] == ["25", "—", "—"]
    select_hidden(editor, 0)
    action(editor, "removeLayer").trigger()  # the convolution alone: the output cannot take maps
    assert "the output layer: its input is 8×8×16 feature maps" in problem(editor).text()
    action(editor, "addLayer").trigger()
    t.cellWidget(2, COL_DROPOUT).setValue(0.2)
    select_hidden(editor, 0)
    assert "Hidden 1 (dense): its input is 8×8×16 feature maps; put a flatten layer before it" \
        in problem(editor).text()
    assert column(editor, COL_PARAMS)[:2] == ["160", "—"]
    assert editor.problem()
    with qtbot.waitSignal(editor.changed):
        action(editor, "addFlattenLayer").trigger()  # after the selected convolution
    assert not problem(editor).isVisible() and editor.problem() == ""
    assert column(editor, COL_OUTPUT) == ["8×8×16", "1024", "25", "10"]
    assert applied(editor).model.hidden_layers == [conv_layer(), flatten_layer(), LayerSpec(dropout=0.2)]
    assert applied(editor).model.hidden_layers[0].stride is None  # the default, not written out


def test_filters_window_stride_and_padding_recount_the_shapes(editor, qtbot):
    action(editor, "convPreset").trigger()
    t = table(editor)
    size = t.cellWidget(1, COL_UNITS)
    size.findChild(QSpinBox, "filters").setValue(8)
    assert column(editor, COL_PARAMS)[:3] == [f"{9 * 8 + 8}", "0", f"{9 * 8 * 32 + 32:,}"]
    size.findChild(QSpinBox, "window").setValue(5)
    assert size.findChild(QSpinBox, "window").text() == "5×5"
    assert column(editor, COL_PARAMS)[0] == f"{25 * 8 + 8}"

    settings = editor.findChild(QWidget, "windowSettings")
    assert not settings.isVisible()  # nothing selected
    select_hidden(editor, 0)
    assert settings.isVisible()
    with qtbot.waitSignal(editor.changed):
        settings.findChild(QSpinBox, "stride").setValue(2)
    assert column(editor, COL_OUTPUT)[:3] == ["4×4×8", "2×2×8", "2×2×32"]
    padding = settings.findChild(QComboBox, "padding")
    padding.setCurrentIndex(padding.findData("valid"))  # a 5×5 window fits twice in 8 by steps of 2
    assert column(editor, COL_OUTPUT)[0] == "2×2×8"
    layer = applied(editor).model.hidden_layers[0]
    assert (layer.filters, layer.kernel, layer.stride, layer.padding) == (8, 5, 2, "valid")

    select_hidden(editor, 1)  # the pooling layer: its stride is its window until changed
    assert settings.findChild(QSpinBox, "stride").value() == 2
    assert applied(editor).model.hidden_layers[1].stride is None
    select_hidden(editor, 4)  # flatten: nothing to set
    assert not settings.isVisible()


def test_convolution_is_offered_only_for_pictures(editor):
    assert action(editor, "addConvLayer").isEnabled()
    editor.set_data_shape(4, 3, "", None)  # four measurements, not a picture
    for name in ("addConvLayer", "addPoolLayer", "convPreset"):
        assert not action(editor, name).isEnabled()
    assert action(editor, "addFlattenLayer").isEnabled()
    editor.set_data_shape(784, 10, "28×28 image", (28, 28))
    action(editor, "convPreset").trigger()
    assert column(editor, COL_OUTPUT)[:5] == ["28×28×16", "14×14×16", "14×14×32", "7×7×32", "1568"]


def test_the_drawing_default_and_its_file_are_untouched(editor):
    editor.set_experiment(default_experiment())
    assert table(editor).isColumnHidden(COL_OUTPUT)
    assert applied(editor).model == default_experiment().model


def test_a_file_of_12x12_pictures_gets_convolution_in_the_window(qtbot, window, tmp_path, monkeypatch):
    from qt_helpers import train
    from test_conv_layers import _pictures_file
    from test_gui_first_hour import choose

    choose(window, "file", monkeypatch, _pictures_file(tmp_path / "twelve.npz", 12))
    layers = window.layers
    # Read when chosen: the editor counts for the file's pictures before Start.
    qtbot.waitUntil(lambda: "144 values (12×12 image)" in table(layers).item(0, COL_UNITS).text(),
                    timeout=30_000)
    assert table(layers).item(table(layers).rowCount() - 1, COL_UNITS).text() == "4 classes"
    action(layers, "convPreset").trigger()
    assert column(layers, COL_OUTPUT)[:4] == ["12×12×16", "6×6×16", "6×6×32", "3×3×32"]
    assert not problem(layers).isVisible()
    # On a 1400-pixel screen the wider outputs leave the Size column narrow: a convolution's
    # "16" and "3×3" are still whole (the window's text once showed "3×.").
    window.resize(1400, 860)
    qtbot.waitUntil(lambda: window.width() == 1400)
    window.size_docks()
    qtbot.wait(100)
    for spin in layers.findChildren(QSpinBox, "filters") + layers.findChildren(QSpinBox, "window"):
        if spin.parentWidget().isVisible():
            assert spin.fontMetrics().horizontalAdvance(spin.text()) <= spin.lineEdit().width(), spin.text()
    window.weights_dock.show()
    window.weights_dock.raise_()
    assert train(qtbot, window) == "finished"
    assert "144 values (12×12 image)" in table(layers).item(0, COL_UNITS).text()
    qtbot.waitUntil(lambda: window.weights.tiles.images is not None, timeout=10_000)
    assert window.weights.tiles.images.shape == (16, 3, 3)
    # Nothing is drawn for pictures of this size, and the panel says so.
    assert not window.draw.canvas.isEnabled()
    assert "8×8" in window.draw.verdict.text()


def test_a_data_file_that_cannot_be_used_is_said_when_it_is_chosen(qtbot, window, tmp_path, monkeypatch):
    from test_gui_first_hour import choose

    broken = tmp_path / "broken.npz"
    np.savez(broken, x_train=np.zeros((20, 5, 5)), y_train=np.zeros(20))  # one class only
    with qtbot.waitSignal(window.worker.failed, timeout=30_000) as said:
        choose(window, "file", monkeypatch, broken)
    assert "broken.npz" in said.args[0] and "at least two classes" in said.args[0]
