"""The lessons' views, driven as a student would: the curve lesson and the first
layer's weights, checked against the core's numbers."""

import numpy as np
import pytest

from qt_helpers import train


def _choose_data(window, qtbot, source):
    combo = window.data_choice
    combo.setCurrentIndex(combo.findData(source))
    combo.activated.emit(combo.currentIndex())


def test_the_linear_lesson_shows_its_points_and_fits_the_slides_line(qtbot, window):
    _choose_data(window, qtbot, "linear")
    assert window.curve_dock.isVisible()
    x, y = window.curve.points.getData()
    assert len(x) == 100 and np.all(np.abs(x) <= 1)  # the slide fits all 100 points
    assert "true: y = 3.000·x +10.000" in window.curve.numbers.text()
    assert train(qtbot, window, timeout=120_000) == "finished"
    qtbot.waitUntil(lambda: window.curve.learned is not None, timeout=10_000)
    values = window.worker.trainer.variable_values()
    weights, bias = window.curve.learned
    np.testing.assert_allclose(weights, values["weight"], rtol=1e-6)
    assert bias == pytest.approx(values["bias"][0], rel=1e-6)
    assert weights[0] == pytest.approx(3.0, abs=0.2) and bias == pytest.approx(10.0, abs=0.2)
    _, drawn = window.curve.model.getData()
    assert drawn[0] == pytest.approx(bias - weights[0], rel=1e-5)  # the model's curve at x = −1
    assert f"learned: y = {weights[0]:+.3f}·x".replace("= +", "= ") in window.curve.numbers.text()


def test_the_quadratic_exercise_shows_both_learned_weights(qtbot, window):
    _choose_data(window, qtbot, "quadratic")
    assert train(qtbot, window, timeout=120_000) == "finished"
    qtbot.waitUntil(lambda: window.curve.learned is not None, timeout=10_000)
    weights, _ = window.curve.learned
    assert weights.shape == (2,)
    assert "x²" in window.curve.numbers.text()


def test_views_behind_another_tab_cost_nothing_while_training(qtbot, window):
    # The weights and graph tabs sit behind Evaluation, as on a first start.
    window.evaluation_dock.raise_()
    qtbot.wait(50)
    assert not window.worker.weights_watched
    sent = {"weights": 0, "graph": 0}
    window.worker.weightsChanged.connect(lambda *_: sent.__setitem__("weights", sent["weights"] + 1))
    window.worker.graphDescribed.connect(lambda *_: sent.__setitem__("graph", sent["graph"] + 1))
    assert train(qtbot, window) == "finished"
    qtbot.wait(100)
    assert sent == {"weights": 0, "graph": 0}

    window.weights_dock.raise_()  # brought forward: it is fed again
    qtbot.waitUntil(lambda: window.worker.weights_watched, timeout=5_000)
    window.inspector_dock.raise_()
    qtbot.waitUntil(lambda: sent["graph"] == 1, timeout=10_000)


def test_the_weights_view_draws_each_first_layer_unit_as_an_8x8_picture(qtbot, window):
    window.weights_dock.show()
    window.weights_dock.raise_()
    qtbot.waitUntil(lambda: window.worker.weights_watched, timeout=5_000)
    assert train(qtbot, window) == "finished"
    expected = window.worker.trainer.variable_values()["hidden_layer/weight1"]
    qtbot.waitUntil(lambda: window.weights.tiles.images is not None
                    and np.allclose(window.weights.tiles.images[0], expected[:, 0].reshape(8, 8)),
                    timeout=10_000)
    images = window.weights.tiles.images
    assert images.shape == (25, 8, 8)
    np.testing.assert_allclose(images[7], expected[:, 7].reshape(8, 8))
    assert "64 inputs × 25 hidden units" in window.weights.caption.text()
    image = window.weights.tiles.grab().toImage()
    shades = {image.pixelColor(x, y).name() for x in range(0, image.width(), 5)
              for y in range(0, image.height(), 5)}
    assert len(shades) > 20  # painted in many reds and blues, not a blank panel



def test_the_code_view_shows_both_styles_and_saves_a_script(qtbot, window, tmp_path):
    from tfdesk.core.codegen import training_script
    from tfdesk.gui.code_view import CodeView

    window.code_action.trigger()
    view = window.findChild(CodeView)
    assert view is not None and view.isVisible()
    exp = window.current_experiment()
    assert view.text.toPlainText() == training_script(exp, "variables")
    assert "w1 = tf.Variable(" in view.text.toPlainText()
    view.style_choice.setCurrentIndex(1)
    assert view.text.toPlainText() == training_script(exp, "layers")
    assert "def dense(" in view.text.toPlainText()
    view.save(str(tmp_path / "train.py"))
    assert (tmp_path / "train.py").read_text() == training_script(exp, "layers")
    view.close()


def test_the_graph_inspector_browses_scopes_ops_and_tensors_and_shows_a_variable(qtbot, window):
    assert train(qtbot, window) == "finished"
    with qtbot.waitSignal(window.worker.graphDescribed, timeout=10_000):
        window.inspector_dock.show()
        window.inspector_dock.raise_()
    inspector = window.inspector
    weight = inspector.find_item("hidden_layer/weight1")
    assert weight is not None and weight.parent().text(0) == "hidden_layer"
    assert weight.text(3) == "trainable variable"
    assert weight.child(0).text(0) == "weight1:0"  # an op's output tensor
    assert inspector.find_item("hidden_layer/weight1/Adam").text(3) == "optimizer slot"
    assert inspector.find_item("input/x_input").child(0).text(1) == "(?, 64)"

    inspector.search.setText("bias1")
    assert weight.isHidden()
    assert not inspector.find_item("hidden_layer/bias1").isHidden()
    assert inspector.find_item("output_layer/weight2").isHidden()
    inspector.search.clear()

    with qtbot.waitSignal(window.worker.variableValue, timeout=10_000) as value:
        inspector.tree.setCurrentItem(weight)
    expected = window.worker.trainer.variable_values()["hidden_layer/weight1"]
    np.testing.assert_allclose(value.args[1], expected)
    np.testing.assert_allclose(inspector.shown_value, expected)
    assert "shape (64, 25)" in inspector.value_caption.text()
    with qtbot.waitSignal(window.worker.variableValue, timeout=10_000):
        inspector.tree.setCurrentItem(inspector.find_item("output_layer/bias2"))
    assert inspector.histogram.scene() is not None and inspector.shown_value.shape == (10,)


def test_a_race_overlays_the_contestants_and_exports_them(qtbot, window, tmp_path):
    import csv

    from tfdesk.gui.race_window import RaceWindow

    window.race_action.trigger()
    race = window.findChild(RaceWindow)
    assert race is not None and race.isVisible()
    race.mode_boxes["full"].setChecked(True)  # gradient descent and Adam, mini-batch and full
    race.epochs.setValue(3)
    with qtbot.waitSignal(window.worker.raceFinished, timeout=120_000) as done:
        race.start_button.click()
    assert done.args[0] == "finished"
    assert len(race.labels) == 4 and len(race.curves) == 4
    for curve, label in zip(race.curves, race.labels):
        x, y = curve.getData()
        assert x[-1] == 3.0 and np.all(np.isfinite(y)), label
    # Full batch takes one step an epoch, mini-batch many: both reach epoch 3.
    points = {label: len(curve.getData()[0]) for label, curve in zip(race.labels, race.curves)}
    assert points["Adam 0.01 · full batch"] == 3
    assert points["Adam 0.01 · mini-batch 32"] > 30
    for curve, losses in zip(race.epoch_curves, race.epoch_losses):
        assert list(curve.getData()[0]) == [1, 2, 3] and len(losses) == 3
    race.export_csv(str(tmp_path / "race.csv"))
    with open(tmp_path / "race.csv", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert {r["contestant"] for r in rows} == set(race.labels)
    race.export_png(str(tmp_path / "race.png"))
    assert (tmp_path / "race.png").stat().st_size > 1000
    assert window.start_button.isEnabled()


def test_the_graph_inspector_browses_a_graph_opened_from_meta(qtbot, window, tmp_path, monkeypatch):
    from tfdesk.gui.graph_dialog import GraphTensorsDialog

    assert train(qtbot, window) == "finished"
    folder = tmp_path / "save_model"
    monkeypatch.setattr(window, "_ask_folder", lambda *a: str(folder))
    with qtbot.waitSignal(window.worker.saved, timeout=30_000):
        window.save_ck_action.trigger()
    window.inspector_dock.show()
    window.inspector_dock.raise_()
    monkeypatch.setattr(window, "_ask_open_path", lambda *a: str(folder / "checkpoint_weight.ckpt.meta"))
    with qtbot.waitSignal(window.worker.graphOpened, timeout=30_000):
        window.open_graph_action.trigger()
    with qtbot.waitSignal(window.worker.graphDescribed, timeout=30_000) as described:
        window.findChild(GraphTensorsDialog).ok_button.click()
    assert described.args[0].endswith("checkpoint_weight.ckpt.meta")
    assert window.inspector.find_item("output_layer/weight2").text(3) == "trainable variable"
    with qtbot.waitSignal(window.worker.variableValue, timeout=10_000) as value:
        window.inspector.tree.setCurrentItem(window.inspector.find_item("output_layer/weight2"))
    np.testing.assert_allclose(value.args[1], window.worker.trainer.variable_values()["output_layer/weight2"])


def test_the_graph_tab_before_any_training_says_so_without_an_error(qtbot, window):
    failures = []
    window.worker.failed.connect(failures.append)
    with qtbot.waitSignal(window.worker.graphDescribed, timeout=10_000):
        window.inspector_dock.show()
        window.inspector_dock.raise_()
    assert "No graph yet" in window.inspector.source.text()
    assert window.inspector.tree.topLevelItemCount() == 0 and failures == []


def test_the_race_smooths_step_noise_unless_asked_and_its_legend_stays_off_the_curves(qtbot):
    from tfdesk.core.spec import course_experiment
    from tfdesk.core.trainer import EpochMetrics
    from tfdesk.gui.race_window import RaceWindow

    race = RaceWindow(course_experiment())
    qtbot.addWidget(race)
    race.show()
    race.race_started(["stochastic"])
    rng = np.random.default_rng(0)
    x = np.arange(1, 1001) / 1000  # an epoch of 1,000 steps
    noisy = np.exp(-x) + rng.normal(0, 0.5, 1000) ** 2  # jumps like stochastic steps
    race.add_steps(0, x, noisy)
    race.add_epoch(0, EpochMetrics(1, 1000, float(noisy.mean()), None, None, None, 1.0))
    drawn = race.curves[0].getData()[1]
    assert np.std(np.diff(drawn)) < 0.1 * np.std(np.diff(noisy))  # a line, not a wall
    race.every_step.setChecked(True)
    np.testing.assert_allclose(race.curves[0].getData()[1], noisy)
    # The legend is laid out below the plot's data area, not inside it.
    qtbot.waitUntil(lambda: race.legend.sceneBoundingRect().top() > 0, timeout=1000)
    legend_top = race.legend.sceneBoundingRect().top()
    assert legend_top >= race.plot.vb.sceneBoundingRect().bottom()


def test_a_convolutions_filters_and_the_maps_it_makes_of_a_drawing(qtbot, window):
    from qt_helpers import stroke

    from tfdesk.core.spec import conv_layers

    exp = window.experiment.copy()
    exp.model.hidden_layers = conv_layers()
    window._show_experiment(exp)
    window.weights_dock.show()
    window.weights_dock.raise_()
    qtbot.waitUntil(lambda: window.worker.weights_watched, timeout=5_000)
    assert train(qtbot, window) == "finished"
    filters = window.worker.trainer.variable_values()["conv_layer/weight1"]  # 3×3, 1 channel, 16
    qtbot.waitUntil(lambda: window.weights.tiles.images is not None
                    and np.allclose(window.weights.tiles.images[5], filters[:, :, 0, 5]), timeout=10_000)
    assert window.weights.tiles.images.shape == (16, 3, 3)
    assert "16 filters of 3×3" in window.weights.caption.text()
    assert "Draw a digit" in window.weights.maps_caption.text()

    stroke(window.draw.canvas, [(60, 60), (220, 60), (120, 240)])
    qtbot.waitUntil(lambda: window.weights.maps.images is not None, timeout=10_000)
    maps = window.weights.maps.images
    assert maps.shape == (16, 8, 8)  # one 8×8 map per filter ("same" padding keeps the size)
    expected = window.worker.trainer.feature_maps(window.draw._vector)
    np.testing.assert_allclose(maps, np.moveaxis(expected, -1, 0), rtol=1e-5, atol=1e-6)
    assert maps.max() > 0 and "16 maps of 8×8" in window.weights.maps_caption.text()
    assert window.weights.maps.isVisible()
    # The graph inspector shows the convolution's scopes, and its filters' values.
    with qtbot.waitSignal(window.worker.graphDescribed, timeout=10_000):
        window.inspector_dock.show()
        window.inspector_dock.raise_()
    inspector = window.inspector
    conv = inspector.find_item("conv_layer_1/weight2")
    assert conv is not None and conv.parent().text(0) == "conv_layer_1"
    assert inspector.find_item("pool_layer/h2_out") is not None
    with qtbot.waitSignal(window.worker.variableValue, timeout=10_000) as value:
        inspector.tree.setCurrentItem(inspector.find_item("conv_layer/weight1"))
    np.testing.assert_allclose(value.args[1], window.worker.trainer.variable_values()["conv_layer/weight1"])
    assert "shape (3, 3, 1, 16)" in inspector.value_caption.text()
