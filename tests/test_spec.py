"""The experiment spec: the course's defaults, JSON files that round-trip, and a
SpecError naming the field (and what is allowed) for every value that is not."""

import itertools
import json
import math
import re

import pytest

from tfdesk.core.errors import SpecError, TfdeskError
from tfdesk.core.spec import (
    ACTIVATIONS,
    BATCH_MODES,
    OPTIMIZERS,
    DataSpec,
    Experiment,
    LayerSpec,
    ModelSpec,
    OptimizerSpec,
    TrainingSpec,
    example_experiment,
)


def rejects(exp: Experiment, field: str, *also: str, n_train=None) -> str:
    """validate() raises SpecError whose message starts with the field path and names `also`."""
    with pytest.raises(SpecError, match=re.escape(field)) as info:
        exp.validate(n_train=n_train)
    msg = str(info.value)
    assert msg.startswith(field), msg
    for text in also:
        assert text in msg, msg
    return msg


def write_json(tmp_path, content, name="exp.json"):
    path = tmp_path / name
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


def load_error(path) -> str:
    with pytest.raises(SpecError) as info:
        Experiment.load(path)
    msg = str(info.value)
    assert str(path) in msg, msg
    return msg


# ---- the defaults ----------------------------------------------------------------


def test_the_default_digits_experiment_adds_pen_digits_and_augmentation_to_the_course_data():
    exp = example_experiment("digits")
    assert exp.data.source == "digits" and exp.data.pen_digits and exp.data.augment
    assert [layer.units for layer in exp.model.hidden_layers] == [128, 64]
    assert exp.validate() is exp


def test_the_course_experiment_is_the_slides_network():
    exp = example_experiment("course")
    assert exp == Experiment()
    assert not exp.data.pen_digits and not exp.data.augment
    assert exp.data.source == "digits"
    assert len(exp.model.hidden_layers) == 1
    layer = exp.model.hidden_layers[0]
    assert layer.units == 25 and layer.activation == "relu"
    assert exp.training.batch_mode == "mini"
    assert exp.device == "cpu"
    assert not exp.is_regression
    assert exp.validate() is exp


@pytest.mark.parametrize("source, degree", [("linear", 1), ("quadratic", 2)])
def test_curve_lessons_use_full_batch_gradient_descent(source, degree):
    exp = example_experiment(source)
    assert exp.data.source == source
    assert exp.is_regression
    assert exp.degree == degree
    assert exp.optimizer.name == "gradient_descent"
    assert exp.training.batch_mode == "full"
    assert exp.model.hidden_layers == []
    exp.validate(n_train=100)


def test_unknown_example_is_a_spec_error():
    with pytest.raises(SpecError, match="example: unknown example 'mnist'.*digits, course, conv, linear, quadratic"):
        example_experiment("mnist")


def test_spec_error_is_a_tfdesk_error():
    assert issubclass(SpecError, TfdeskError)


def test_copy_is_deep():
    exp = Experiment()
    other = exp.copy()
    other.model.hidden_layers[0].units = 7
    assert exp.model.hidden_layers[0].units == 25


# ---- JSON round trip through a file ------------------------------------------------


def rich_experiment(optimizer="adam", batch_mode="mini") -> Experiment:
    return Experiment(
        model=ModelSpec(
            hidden_layers=[
                LayerSpec(units=128, activation="relu", dropout=0.5),
                LayerSpec(units=64, activation="tanh", dropout=0.0),
                LayerSpec(units=3, activation="sigmoid", dropout=0.25),
                LayerSpec(units=10, activation="elu", dropout=0.1),
                LayerSpec(units=5, activation="softplus"),
                LayerSpec(units=1, activation="linear"),
            ],
            init="glorot",
            output_activation="softmax",
        ),
        optimizer=OptimizerSpec(name=optimizer, learning_rate=0.05, momentum=0.5, nesterov=True,
                                beta1=0.8, beta2=0.99, epsilon=1e-6, decay=0.5,
                                initial_accumulator=0.2),
        training=TrainingSpec(epochs=7, batch_mode=batch_mode, batch_size=100, shuffle=False,
                              validation_fraction=0.15, test_fraction=0.25, seed=42),
        device="gpu:1",
        name="深度 網路 — deep",
    )


@pytest.mark.parametrize("optimizer, batch_mode", list(itertools.product(OPTIMIZERS, BATCH_MODES)))
def test_round_trip_through_a_file(tmp_path, optimizer, batch_mode):
    exp = rich_experiment(optimizer, batch_mode).validate()
    path = tmp_path / "exp.json"
    exp.save(path)
    loaded = Experiment.load(path)
    assert loaded == exp
    assert loaded is not exp
    assert {layer.activation for layer in loaded.model.hidden_layers} == set(ACTIVATIONS)


def test_saved_file_is_plain_utf8_json(tmp_path):
    exp = rich_experiment()
    path = tmp_path / "exp.json"
    exp.save(path)
    raw = json.loads(path.read_bytes().decode("utf-8"))
    assert raw["name"] == "深度 網路 — deep"
    assert raw["model"]["hidden_layers"][1] == {"units": 64, "activation": "tanh", "dropout": 0.0}
    assert Experiment.from_json(exp.to_json()) == exp


@pytest.mark.parametrize("data", [
    DataSpec(source="file", path="mnist/train.npz", format="npz"),
    DataSpec(source="file", path="/data/train-images-idx3-ubyte.gz",
             labels_path="/data/train-labels-idx1-ubyte.gz", format="idx"),
    DataSpec(source="file", path="features.csv"),  # format taken from the name
])
def test_round_trip_file_data_source(tmp_path, data):
    exp = Experiment(data=data, name="my data")
    path = tmp_path / "exp.json"
    exp.save(path)
    loaded = Experiment.load(path)
    # A relative file name is relative to the experiment file, wherever tfdesk runs from.
    for name in ("path", "labels_path"):
        written = getattr(data, name)
        if written is not None and not written.startswith("/"):
            setattr(exp.data, name, str(tmp_path / written))
    assert loaded == exp


def test_round_trip_curve_lesson_with_degree_and_no_hidden_layer(tmp_path):
    exp = example_experiment("quadratic")
    exp.model.degree = 4
    path = tmp_path / "curve.json"
    exp.save(path)
    loaded = Experiment.load(path)
    assert loaded == exp and loaded.degree == 4 and loaded.model.hidden_layers == []


def test_partial_file_takes_defaults_for_the_rest(tmp_path):
    path = write_json(tmp_path, {"training": {"epochs": 3}, "model": {"hidden_layers": [{"units": 8}]}})
    exp = Experiment.load(path)
    assert exp.training.epochs == 3
    assert exp.model.hidden_layers == [LayerSpec(units=8, activation="relu", dropout=0.0)]
    assert exp.optimizer == OptimizerSpec()


# ---- validate(): every bad value names its field ------------------------------------------


def two_layers(**second) -> Experiment:
    exp = Experiment()
    exp.model.hidden_layers = [LayerSpec(units=25), LayerSpec(**{"units": 10, **second})]
    return exp


@pytest.mark.parametrize("units", [0, -3])
def test_units_below_one(units):
    rejects(two_layers(units=units), "model.hidden_layers[1].units", "between 1 and 100,000")


@pytest.mark.parametrize("units", [2.5, "25", True, None])
def test_units_not_a_whole_number(units):
    rejects(two_layers(units=units), "model.hidden_layers[1].units", "whole number")


def test_units_too_many():
    rejects(two_layers(units=100_001), "model.hidden_layers[1].units", "100,000")


@pytest.mark.parametrize("lr", [0, 0.0, -0.01])
def test_learning_rate_not_positive(lr):
    exp = Experiment()
    exp.optimizer.learning_rate = lr
    rejects(exp, "optimizer.learning_rate", "greater than 0")


@pytest.mark.parametrize("lr", [math.nan, math.inf, -math.inf])
def test_learning_rate_not_finite(lr):
    exp = Experiment()
    exp.optimizer.learning_rate = lr
    rejects(exp, "optimizer.learning_rate", "finite")


@pytest.mark.parametrize("lr", ["0.1", None, True])
def test_learning_rate_not_a_number(lr):
    exp = Experiment()
    exp.optimizer.learning_rate = lr
    rejects(exp, "optimizer.learning_rate", "must be a number")


def test_mini_batch_larger_than_training_set():
    exp = Experiment()
    exp.training.batch_size = 500
    exp.validate()  # the training set's size is not known yet: fine
    msg = rejects(exp, "training.batch_size", "500", "100 examples", n_train=100)
    assert "full batch" in msg


def test_mini_batch_equal_to_training_set_is_fine():
    exp = Experiment()
    exp.training.batch_size = 100
    exp.validate(n_train=100)


@pytest.mark.parametrize("mode", ["full", "stochastic"])
def test_batch_size_is_ignored_outside_mini_mode(mode):
    exp = Experiment()
    exp.training.batch_mode = mode
    exp.training.batch_size = 500
    assert exp.validate(n_train=100) is exp


@pytest.mark.parametrize("size", [0, -1, 2.5])
def test_batch_size_not_a_positive_whole_number(size):
    exp = Experiment()
    exp.training.batch_size = size
    rejects(exp, "training.batch_size")


@pytest.mark.parametrize("activation", ["softmaxx", "ReLU", "", None])
def test_unknown_activation(activation):
    rejects(two_layers(activation=activation), "model.hidden_layers[1].activation",
            "must be one of", *ACTIVATIONS)


@pytest.mark.parametrize("dropout", [-0.1, 1.0, 1.5])
def test_dropout_outside_zero_one(dropout):
    rejects(two_layers(dropout=dropout), "model.hidden_layers[1].dropout", "[0, 1)")


@pytest.mark.parametrize("dropout", [math.nan, "0.2"])
def test_dropout_not_a_finite_number(dropout):
    rejects(two_layers(dropout=dropout), "model.hidden_layers[1].dropout")


@pytest.mark.parametrize("dropout", [0, 0.0, 0.999])
def test_dropout_in_range_is_fine(dropout):
    two_layers(dropout=dropout).validate()


@pytest.mark.parametrize("name", ["sgd", "Adam", ""])
def test_unknown_optimizer(name):
    exp = Experiment()
    exp.optimizer.name = name
    rejects(exp, "optimizer.name", "must be one of", *OPTIMIZERS)


@pytest.mark.parametrize("mode", ["batch", "minibatch", "Full"])
def test_unknown_batch_mode(mode):
    exp = Experiment()
    exp.training.batch_mode = mode
    rejects(exp, "training.batch_mode", "must be one of", *BATCH_MODES)


@pytest.mark.parametrize("device", ["gpu", "gpu:x", "tpu:0", "GPU:0", "gpu:-1", "gpu:0:1", "", 3, None])
def test_bad_device(device):
    exp = Experiment()
    exp.device = device
    rejects(exp, "device", "'cpu' or 'gpu:N'")


@pytest.mark.parametrize("device", ["cpu", "gpu:0", "gpu:7", "gpu:12"])
def test_good_device(device):
    exp = Experiment()
    exp.device = device
    exp.validate()


def test_device_with_a_non_decimal_digit_is_rejected():
    exp = Experiment()
    exp.device = "gpu:²"
    with pytest.raises(SpecError, match="device"):
        exp.validate()


@pytest.mark.parametrize("val, test", [(0.5, 0.4), (0.45, 0.45), (0.0, 0.95), (0.3, 0.65)])
def test_fractions_leaving_too_little_for_training(val, test):
    exp = Experiment()
    exp.training.validation_fraction = val
    exp.training.test_fraction = test
    with pytest.raises(SpecError, match=re.escape("training.validation_fraction + training.test_fraction")):
        exp.validate()


@pytest.mark.parametrize("name, value", [("validation_fraction", -0.1), ("test_fraction", 1.0)])
def test_single_fraction_out_of_range(name, value):
    exp = Experiment()
    setattr(exp.training, name, value)
    rejects(exp, f"training.{name}", "[0, 1)")


@pytest.mark.parametrize("epochs", [0, -5, 1.5])
def test_epochs_below_one(epochs):
    exp = Experiment()
    exp.training.epochs = epochs
    rejects(exp, "training.epochs")


def test_file_source_needs_a_path():
    exp = Experiment(data=DataSpec(source="file"))
    rejects(exp, "data.path")


def test_unknown_file_format():
    exp = Experiment(data=DataSpec(source="file", path="x.parquet", format="parquet"))
    rejects(exp, "data.format", "idx", "npz", "csv")


def test_unknown_data_source():
    exp = Experiment(data=DataSpec(source="cifar"))
    rejects(exp, "data.source", "digits", "linear", "quadratic", "file")


@pytest.mark.parametrize("field, value", [
    ("momentum", 1.0), ("beta1", -0.1), ("beta2", 1.0), ("decay", 2.0),
    ("epsilon", 0.0), ("initial_accumulator", -1.0),
])
def test_other_optimizer_settings(field, value):
    exp = Experiment()
    setattr(exp.optimizer, field, value)
    rejects(exp, f"optimizer.{field}")


def test_the_first_bad_field_is_named():
    exp = two_layers(units=0)
    exp.optimizer.learning_rate = -1
    rejects(exp, "model.hidden_layers[1].units")


# ---- loading files ----------------------------------------------------------------------


def test_unknown_top_level_key(tmp_path):
    path = write_json(tmp_path, {"epochs": 5})
    msg = load_error(path)
    assert "unknown key 'epochs'" in msg
    assert "allowed: data, model, optimizer, training, device, name" in msg


def test_unknown_keys_are_all_named(tmp_path):
    path = write_json(tmp_path, {"lr": 1, "epochs": 5})
    msg = load_error(path)
    assert "unknown keys 'epochs', 'lr'" in msg


def test_unknown_nested_key(tmp_path):
    path = write_json(tmp_path, {"optimizer": {"name": "adam", "lr": 0.1}})
    msg = load_error(path)
    assert "optimizer: unknown key 'lr'" in msg
    assert "learning_rate" in msg and "allowed:" in msg


def test_unknown_key_in_a_layer(tmp_path):
    path = write_json(tmp_path, {"model": {"hidden_layers": [{"units": 3}, {"unit": 3}]}})
    msg = load_error(path)
    assert "model.hidden_layers[1]: unknown key 'unit'" in msg
    assert "allowed: units, activation, dropout" in msg


@pytest.mark.parametrize("content, field, words", [
    ({"optimizer": {"learning_rate": "0.1"}}, "optimizer.learning_rate", "must be a number"),
    ({"training": {"epochs": "5"}}, "training.epochs", "whole number"),
    ({"training": {"epochs": 5.0}}, "training.epochs", "whole number"),
    ({"training": {"shuffle": "yes"}}, "training.shuffle", "true or false"),
    ({"training": {"shuffle": 1}}, "training.shuffle", "true or false"),
    ({"training": []}, "training", "must be an object"),
    ({"optimizer": "adam"}, "optimizer", "must be an object"),
    ({"model": {"hidden_layers": {"units": 25}}}, "model.hidden_layers", "must be a list"),
    ({"model": {"hidden_layers": 25}}, "model.hidden_layers", "must be a list"),
    ({"model": {"hidden_layers": [25]}}, "model.hidden_layers[0]", "must be an object"),
    ({"model": {"hidden_layers": [{"units": 25}, [25]]}}, "model.hidden_layers[1]", "must be an object"),
    ({"model": {"degree": 1.5}}, "model.degree", "whole number"),
    ({"data": {"path": 3}}, "data.path", "must be text"),
    ({"device": 0}, "device", "must be text"),
    ({"name": ["x"]}, "name", "must be text"),
])
def test_wrong_types(tmp_path, content, field, words):
    msg = load_error(write_json(tmp_path, content))
    assert f"{tmp_path / 'exp.json'}: {field}: " in msg, msg
    assert words in msg, msg


@pytest.mark.parametrize("content", [[], [{"name": "x"}], "digits", 3, None])
def test_top_level_not_an_object(tmp_path, content):
    msg = load_error(write_json(tmp_path, content))
    assert "must be an object" in msg


def test_ints_are_accepted_where_floats_are_meant(tmp_path):
    path = write_json(tmp_path, {
        "optimizer": {"learning_rate": 1, "epsilon": 1},
        "training": {"validation_fraction": 0},
        "model": {"hidden_layers": [{"units": 4, "dropout": 0}]},
    })
    exp = Experiment.load(path)
    assert exp.optimizer.learning_rate == 1.0 and type(exp.optimizer.learning_rate) is float
    assert type(exp.optimizer.epsilon) is float
    assert type(exp.training.validation_fraction) is float
    assert type(exp.model.hidden_layers[0].dropout) is float


def test_bad_value_in_a_file_names_file_and_field(tmp_path):
    path = write_json(tmp_path, {"model": {"hidden_layers": [{"units": 25}, {"units": 0}]}})
    msg = load_error(path)
    assert msg.startswith(f"{path}: model.hidden_layers[1].units")


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_json_nan_and_infinity_are_rejected(tmp_path, literal):
    path = tmp_path / "exp.json"
    path.write_text('{"optimizer": {"learning_rate": %s}}' % literal, encoding="utf-8")
    msg = load_error(path)
    assert "optimizer.learning_rate" in msg and "finite" in msg


def test_truncated_json(tmp_path):
    path = tmp_path / "exp.json"
    text = Experiment().to_json()
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    assert "not valid JSON" in load_error(path)


def test_binary_file(tmp_path):
    path = tmp_path / "weights.ckpt"
    path.write_bytes(bytes(range(256)) * 4)
    assert "not a text file" in load_error(path)


def test_latin1_file(tmp_path):
    path = tmp_path / "exp.json"
    path.write_bytes('{"name": "café"}'.encode("latin-1"))
    assert "UTF-8" in load_error(path)


def test_empty_file(tmp_path):
    path = tmp_path / "exp.json"
    path.write_bytes(b"")
    assert "not valid JSON" in load_error(path)


def test_missing_file(tmp_path):
    msg = load_error(tmp_path / "nowhere" / "exp.json")
    assert "cannot read" in msg


def test_a_folder_instead_of_a_file(tmp_path):
    assert "cannot read" in load_error(tmp_path)


def test_huge_file(tmp_path):
    path = tmp_path / "huge.json"
    path.write_bytes(b'{"name": "' + b"x" * 10_000_001 + b'"}')
    assert "too large" in load_error(path)


def test_deeply_nested_json(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    load_error(path)  # a SpecError, not a RecursionError


def test_utf8_bom_file(tmp_path):
    """Notepad's UTF-8 with BOM: a SpecError naming the file either way, never a crash."""
    path = tmp_path / "exp.json"
    path.write_bytes(b"\xef\xbb\xbf" + Experiment().to_json().encode("utf-8"))
    try:
        Experiment.load(path)
    except SpecError as e:
        assert str(path) in str(e)


def test_huge_integer_for_a_float_field(tmp_path):
    path = tmp_path / "exp.json"
    path.write_text('{"optimizer": {"learning_rate": 1%s}}' % ("0" * 400), encoding="utf-8")
    load_error(path)


def test_integer_longer_than_pythons_digit_limit(tmp_path):
    path = tmp_path / "exp.json"
    path.write_text('{"training": {"seed": 1%s}}' % ("0" * 5000), encoding="utf-8")
    load_error(path)
