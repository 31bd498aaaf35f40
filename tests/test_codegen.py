"""The code view's script runs as it is: the loss falls, and tfdesk opens its checkpoint."""

import re
import subprocess
import sys

import numpy as np
import pytest

from tfdesk.core.foreign_graph import ForeignGraph
from tfdesk.core.codegen import training_script
from tfdesk.core.errors import SpecError
from tfdesk.core.spec import (DataSpec, LayerSpec, conv_layer, course_experiment, default_experiment,
                               flatten_layer, lesson_experiment, maxpool_layer)


def _run(script: str, tmp_path) -> list[float]:
    path = tmp_path / "train.py"
    path.write_text(script)
    done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=300,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    return [float(v) for v in re.findall(r"epoch \d+: loss ([0-9.]+)", done.stdout)]


@pytest.mark.parametrize("style", ["variables", "layers"])
def test_the_digits_script_trains_and_tfdesk_opens_its_checkpoint(style, tmp_path):
    exp = course_experiment()
    exp.training.epochs = 4
    exp.model.hidden_layers = [LayerSpec(25, "relu", 0.2), LayerSpec(16, "tanh")]
    losses = _run(training_script(exp, style, str(tmp_path / "save_model")), tmp_path)
    assert len(losses) == 4 and losses[-1] < losses[0]
    model = ForeignGraph(tmp_path / "save_model")
    assert model.input_name == "input/x_input:0"  # the course's names, found without asking
    probabilities = model.predict_probabilities(np.random.default_rng(0).random((3, 64)))
    assert probabilities.shape == (3, 10)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-5)


def test_the_exercise_script_fits_the_parabola(tmp_path):
    exp = lesson_experiment("quadratic")
    exp.training.epochs = 300
    losses = _run(training_script(exp, "variables", str(tmp_path / "save_model")), tmp_path)
    assert losses[-1] < 0.1 < losses[0]
    model = ForeignGraph(tmp_path / "save_model")
    assert model.input_name == "X:0" and model.output_name == "y_pred:0"
    assert model.predict(np.array([0.0], np.float32))[0] == pytest.approx(1.0, abs=0.3)


def test_a_data_file_experiment_is_explained_not_generated():
    exp = course_experiment()
    exp.data = DataSpec(source="file", path="mnist.npz")
    with pytest.raises(SpecError, match="data file"):
        training_script(exp)


def test_the_default_script_augments_and_mixes_in_the_pen_digits(tmp_path):
    exp = default_experiment()
    exp.training.epochs = 3
    script = training_script(exp, "variables", str(tmp_path / "save_model"))
    assert "pen_digits.npz" in script and "def augmented(" in script
    assert "x_epoch = sess.run(augment_op" in script
    losses = _run(script, tmp_path)
    assert len(losses) == 3 and losses[-1] < losses[0]


@pytest.mark.parametrize("style", ["variables", "layers"])
def test_the_convolutional_script_trains_and_opens_as_tfdesk_built_it(style, tmp_path):
    exp = course_experiment()
    exp.training.epochs = 3
    exp.model.hidden_layers = [conv_layer(8, 3), maxpool_layer(2), conv_layer(8, 3, padding="valid"),
                               flatten_layer(), LayerSpec(16, "relu", 0.2)]
    script = training_script(exp, style, str(tmp_path / "save_model"))
    assert "tf.nn.conv2d(" in script and "tf.nn.max_pool2d(" in script
    losses = _run(script, tmp_path)
    assert len(losses) == 3 and losses[-1] < losses[0]
    model = ForeignGraph(tmp_path / "save_model")
    assert model.input_name == "input/x_input:0"
    assert model.predict_probabilities(np.random.default_rng(0).random((3, 64))).shape == (3, 10)
    if style == "variables":  # the names and shapes of tfdesk's own graph
        assert model.variable_value("conv_layer_1/weight2").shape == (3, 3, 8, 8)
