"""Convolution, pooling and flatten layers: their shapes and parameter counts, the
stacks that do not fit, the course-style graph and checkpoint, and the same training
by every path (not timed: bench/train.py)."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import tensorflow as tf

from tfdesk.core.checkpoint import save_checkpoint
from tfdesk.core.errors import SpecError
from tfdesk.core.foreign_graph import ForeignGraph
from tfdesk.core.layer_shapes import stack_shapes
from tfdesk.core.spec import Experiment, LayerSpec, conv_layer, flatten_layer, maxpool_layer
from tfdesk.core.trainer import Trainer

from helpers import tiny_digits
from test_compiled_chunk import _compiled_against_course_loop
from test_engine import _assert_same, _both_ways

HERE = Path(__file__).parent


def small_conv(epochs=1):
    exp = tiny_digits(epochs)
    exp.model.hidden_layers = [conv_layer(4, 3), maxpool_layer(2), flatten_layer(),
                               LayerSpec(16, "relu", 0.2)]
    return exp


def test_each_layer_kind_has_its_shape_and_parameter_count():
    layers = [conv_layer(16, 3), maxpool_layer(2), conv_layer(8, 3, padding="valid"),
              flatten_layer(), LayerSpec(32), conv_layer(4, 5, stride=2)][:5]
    shapes = stack_shapes(layers, 64, 10, (8, 8))
    assert [s.text for s in shapes] == ["8×8×16", "4×4×16", "2×2×8", "32", "32", "10"]
    assert [s.parameters for s in shapes] == [
        3 * 3 * 1 * 16 + 16,  # a 3×3 filter per output map on one input channel, one bias each
        0,  # pooling has nothing to learn
        3 * 3 * 16 * 8 + 8,
        0,
        32 * 32 + 32,
        32 * 10 + 10,
    ]
    # A stride of 2 with "same" padding halves the picture, rounding up: 28 → 14 → 7.
    strided = stack_shapes([conv_layer(4, 5, stride=2), conv_layer(4, 3, stride=2), flatten_layer()],
                           784, 10, (28, 28))
    assert [s.text for s in strided] == ["14×14×4", "7×7×4", "196", "10"]
    # Pooling 3×3 windows side by side over 28×28, kept whole at the edge by "same".
    assert stack_shapes([maxpool_layer(3), flatten_layer()], 784, 10, (28, 28))[0].text == "10×10×1"


def test_the_graph_has_the_shapes_and_course_names_the_editor_counts():
    exp = small_conv()
    exp.model.hidden_layers = [conv_layer(6, 3), maxpool_layer(2), conv_layer(8, 3), maxpool_layer(2),
                               flatten_layer(), LayerSpec(20), LayerSpec(12)]
    trainer = Trainer(exp)
    shapes = {v.op.name: v.shape.as_list() for v in trainer.handles.model_variables}
    assert shapes == {
        "conv_layer/weight1": [3, 3, 1, 6], "conv_layer/bias1": [6],
        "conv_layer_1/weight2": [3, 3, 6, 8], "conv_layer_1/bias2": [8],
        "hidden_layer/weight3": [2 * 2 * 8, 20], "hidden_layer/bias3": [20],
        "hidden_layer_1/weight4": [20, 12], "hidden_layer_1/bias4": [12],
        "output_layer/weight5": [12, 10], "output_layer/bias5": [10],
    }
    counted = sum(s.parameters for s in stack_shapes(exp.model.hidden_layers, 64, 10, (8, 8)))
    assert sum(int(np.prod(v.shape)) for v in trainer.handles.model_variables) == counted
    ops = {op.name for op in trainer.graph.get_operations()}
    assert {"conv_layer/x_image", "pool_layer/h2_out", "pool_layer_1/h4_out", "flatten/h5_out",
            "input/x_input", "output_layer/output"} <= ops
    trainer.close()


@pytest.mark.parametrize("layers, words", [
    ([conv_layer(), LayerSpec(25)],
     "model.hidden_layers[1] (dense): its input is 8×8×16 feature maps; put a flatten layer before it"),
    ([LayerSpec(25), conv_layer()],
     "model.hidden_layers[1] (conv): it needs an image, but its input is a row of 25 values"),
    ([flatten_layer(), maxpool_layer()], "model.hidden_layers[1] (maxpool): it needs an image"),
    ([conv_layer()], "the output layer: its input is 8×8×16 feature maps; end the hidden layers "
                     "with a flatten layer"),
    ([conv_layer(4, 9, padding="valid"), flatten_layer()],
     "model.hidden_layers[0] (conv): its 9×9 window does not fit in its 8×8×1 input"),
])
def test_a_stack_that_does_not_fit_is_refused_naming_the_layer(layers, words):
    exp = small_conv()
    exp.model.hidden_layers = layers
    with pytest.raises(SpecError) as refused:
        Trainer(exp)
    assert words in str(refused.value)


def test_convolution_needs_an_image_input():
    exp = Experiment.from_dict({"data": {"source": "linear"}, "model": {"hidden_layers": []}})
    with pytest.raises(SpecError, match=r"needs an image, but its input is a row of 3 values"):
        stack_shapes([conv_layer(), flatten_layer()], 3, 2)
    assert exp.model.hidden_layers == []


def test_a_file_keeps_each_kinds_own_fields_and_older_files_still_load(tmp_path):
    exp = small_conv()
    exp.model.hidden_layers = [conv_layer(8, 5, stride=2, padding="valid"), maxpool_layer(2),
                               flatten_layer(), LayerSpec(32, "tanh", 0.1)]
    raw = json.loads(exp.to_json())["model"]["hidden_layers"]
    assert raw == [
        {"kind": "conv", "filters": 8, "kernel": 5, "stride": 2, "padding": "valid", "activation": "relu"},
        {"kind": "maxpool", "kernel": 2, "padding": "same"},
        {"kind": "flatten"},
        {"units": 32, "activation": "tanh", "dropout": 0.1},  # as files were before convolution
    ]
    exp.save(tmp_path / "exp.json")
    assert Experiment.load(tmp_path / "exp.json").model.hidden_layers == exp.model.hidden_layers
    assert Experiment.load(tmp_path / "exp.json").model.hidden_layers[1].steps_by == 2


@pytest.mark.parametrize("layer, words", [
    ({"kind": "conv", "dropout": 0.5}, "model.hidden_layers[0].dropout: tfdesk drops units of dense "
                                       "layers only; set it to 0 for a conv layer"),
    ({"kind": "convolution"}, "model.hidden_layers[0].kind: must be one of dense, conv, maxpool, flatten"),
    ({"kind": "conv", "kernel": 0}, "model.hidden_layers[0].kernel: must be between 1 and 32, got 0"),
    ({"kind": "maxpool", "padding": "full"}, "model.hidden_layers[0].padding: must be one of same, valid"),
    ({"kind": "conv", "filters": 1.5}, "model.hidden_layers[0].filters: must be a whole number"),
])
def test_bad_layer_fields_are_named(layer, words):
    with pytest.raises(SpecError) as refused:
        Experiment.from_dict({"model": {"hidden_layers": [layer]}})
    assert words in str(refused.value)


def test_the_chunk_loop_trains_a_convolutional_network_as_the_course_loop_does():
    chunked, course = _both_ways(small_conv(), epochs=2)
    _assert_same(chunked, course)


def test_xla_trains_a_convolutional_network_as_the_course_loop_does():
    _compiled_against_course_loop(small_conv(), epochs=1)


def test_a_convolutional_checkpoint_opens_in_the_slides_restore_code(tmp_path):
    trainer = Trainer(small_conv())
    trainer.train()
    save_checkpoint(trainer, tmp_path / "conv")
    x = trainer.data.x_test[:16]
    np.save(tmp_path / "x.npy", x)
    done = subprocess.run(
        [sys.executable, str(HERE / "course_notebook.py"), "load",
         str(tmp_path / "conv" / "checkpoint_weight.ckpt"), str(tmp_path / "x.npy"),
         str(tmp_path / "out.npy")],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    logits = trainer.session.run(trainer.handles.output, {trainer.handles.x: x})
    np.testing.assert_allclose(np.load(tmp_path / "out.npy"), logits, rtol=1e-5, atol=1e-6)
    saved = dict(tf.train.list_variables(str(tmp_path / "conv" / "checkpoint_weight.ckpt")))
    assert saved["conv_layer/weight1"] == [3, 3, 1, 4]
    # Opened as a foreign graph, its convolution and pooling pass the safety check.
    opened = ForeignGraph(tmp_path / "conv")
    np.testing.assert_allclose(opened.predict(x), trainer.predict(x), rtol=1e-5, atol=1e-6)
    opened.close()
    trainer.close()


def test_a_long_convolutional_run_on_the_cpu_is_never_compiled(monkeypatch):
    """XLA's CPU convolutions took 44 times as long a step (bench/train.py, conv_net)."""
    from tfdesk.core import compiled_chunk

    monkeypatch.setattr(compiled_chunk, "XLA_MIN_STEPS", 10)  # any run is "long"
    trainer = Trainer(small_conv(epochs=2))
    trainer.train()
    assert trainer.engine_path == "graph loop" and trainer.xla_error is None
    assert not [op for op in trainer.graph.get_operations() if op.name.startswith("compiled_chunk")]
    trainer.close()
    dense = tiny_digits(epochs=2)  # the same length on a dense network compiles
    trainer = Trainer(dense)
    trainer.train()
    assert [op for op in trainer.graph.get_operations() if op.name.startswith("compiled_chunk")]
    trainer.close()


def _pictures_file(path, side, n=400):
    """Pictures of another size than the digits' or MNIST's: a bright block's corner is the
    class, as in test_cli's 28×28 file."""
    rng = np.random.default_rng(1)
    labels = rng.integers(0, 4, n)
    images = (rng.random((n, side, side)) * 40).astype(np.uint8)
    block = side // 3
    for image, label in zip(images, labels):
        top, left = divmod(int(label), 2)
        row, col = 1 + top * (side // 2), 1 + left * (side // 2)
        image[row:row + block, col:col + block] = 255
    np.savez(path, x_train=images, y_train=labels)
    return path


def test_a_file_of_pictures_of_any_size_is_a_picture_convolution_can_work_on(tmp_path):
    from tfdesk.core.data import load_dataset
    from tfdesk.core.spec import DataSpec, conv_layers

    exp = tiny_digits(epochs=3)
    exp.data = DataSpec(source="file", path=str(_pictures_file(tmp_path / "twelve.npz", 12)))
    exp.model.hidden_layers = conv_layers((12, 12))
    data = load_dataset(exp)
    assert data.image_shape == (12, 12) and data.input_format == "image12x12"
    assert [s.text for s in stack_shapes(exp.model.hidden_layers, 144, 4, (12, 12))][:4] == [
        "12×12×16", "6×6×16", "6×6×32", "3×3×32"]
    trainer = Trainer(exp)
    trainer.train()
    assert trainer.evaluate().accuracy > 0.8
    # The same numbers in a flat row are not a picture: convolution is refused, by name.
    flat = tmp_path / "flat.npz"
    with np.load(tmp_path / "twelve.npz") as f:
        np.savez(flat, x_train=f["x_train"].reshape(-1, 144), y_train=f["y_train"])
    exp.data.path = str(flat)
    with pytest.raises(SpecError, match="needs an image, but its input is a row of 144 values"):
        Trainer(exp)
