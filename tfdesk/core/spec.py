"""The experiment: everything that says what one training run is.

An Experiment is plain data (dataclasses of numbers and strings) so that the
window can edit it, the worker can receive a copy of it, and a JSON file can
carry it between the window, the CLI and a checkpoint's sidecar. validate()
checks every field; reading one from JSON is spec_json.py.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import SpecError
from .i18n import QT_TRANSLATE_NOOP
from .spec_checks import check_boolean, check_choice, check_integer, check_number, check_positive

DATA_SOURCES = ("digits", "linear", "quadratic", "file")
MAX_HIDDEN_LAYERS = 100
MAX_PARAMETERS = 50_000_000  # 200 MB of float32; Adam keeps two more copies
FILE_FORMATS = ("idx", "npz", "csv")
ACTIVATIONS = ("relu", "sigmoid", "tanh", "elu", "softplus", "linear")
# dense: units that each see every input. conv: filters slid over the image; maxpool:
# the largest value of each window; flatten: the feature maps laid out in one row, so
# dense layers can follow (core/layer_shapes.py checks that a stack fits its input).
LAYER_KINDS = ("dense", "conv", "maxpool", "flatten")
PADDINGS = ("same", "valid")
MAX_KERNEL = 32
MAX_FILTERS = 4096
OUTPUT_ACTIVATIONS = ("linear", "softmax")
INITIALIZERS = ("truncated_normal", "glorot", "he")
OPTIMIZERS = ("gradient_descent", "adagrad", "momentum", "adam", "rmsprop")
BATCH_MODES = ("full", "stochastic", "mini")
REGRESSION_SOURCES = ("linear", "quadratic")

OPTIMIZER_LABELS = {
    "gradient_descent": QT_TRANSLATE_NOOP("spec", "Gradient descent"),
    "adagrad": "Adagrad",
    "momentum": QT_TRANSLATE_NOOP("spec", "Momentum"),
    "adam": "Adam",
    "rmsprop": "RMSProp",
}
BATCH_MODE_LABELS = {
    "full": QT_TRANSLATE_NOOP("spec", "Full batch"),
    "stochastic": QT_TRANSLATE_NOOP("spec", "Stochastic (batch of 1)"),
    "mini": QT_TRANSLATE_NOOP("spec", "Mini-batch"),
}


@dataclass
class DataSpec:
    source: str = "digits"
    path: str | None = None  # a file (or an MNIST folder) when source == "file"
    labels_path: str | None = None  # IDX only: the labels file beside the images
    format: str | None = None  # idx | npz | csv; None = from the file name
    # New small random shifts, turns, scalings, shears and pen widths of the training
    # images every epoch (never of validation or test images); see augment.py.
    augment: bool = False
    # tfdesk's simulated mouse drawings (pen_digits.py, resources/pen_digits.npz)
    # added to the training data, so a network learns how people draw with a mouse.
    pen_digits: bool = False
    drawings: str | None = None  # a drawing collection (.npz) mixed into the data
    # Each of those drawings counts as this many examples: a student's few dozen among
    # the 3,000 training digits need the weight to matter (tests/test_gui_my_drawings.py).
    drawings_weight: int = 5


@dataclass
class LayerSpec:
    units: int = 25  # dense
    activation: str = "relu"  # dense, conv
    dropout: float = 0.0  # dense: fraction of units dropped while training
    kind: str = "dense"  # one of LAYER_KINDS
    filters: int = 16  # conv: how many feature maps it makes
    kernel: int = 3  # conv: the filters' width and height; maxpool: the window's
    stride: int | None = None  # conv, maxpool: the step between windows; None = 1 for
    # conv and the window's size for maxpool (windows side by side, as the slides' TF 1 code)
    padding: str = "same"  # conv, maxpool: "same" keeps the size (zeros around), "valid" does not

    @property
    def steps_by(self) -> int:
        """The stride in effect."""
        if self.stride is not None:
            return self.stride
        return self.kernel if self.kind == "maxpool" else 1


# The fields each kind of layer uses; a file keeps only those. A dense layer is written
# without its kind, as files were before there were other kinds.
_LAYER_FIELDS = {
    "dense": ("units", "activation", "dropout"),
    "conv": ("kind", "filters", "kernel", "stride", "padding", "activation"),
    "maxpool": ("kind", "kernel", "stride", "padding"),
    "flatten": ("kind",),
}


def layer_dict(layer: LayerSpec) -> dict[str, Any]:
    fields = _LAYER_FIELDS.get(layer.kind, [f.name for f in dataclasses.fields(LayerSpec)])
    return {name: getattr(layer, name) for name in fields
            if not (name == "stride" and layer.stride is None)}


def conv_layer(filters: int = 16, kernel: int = 3, activation: str = "relu", stride: int | None = None,
               padding: str = "same") -> LayerSpec:
    return LayerSpec(kind="conv", filters=filters, kernel=kernel, activation=activation, stride=stride,
                     padding=padding)


def maxpool_layer(size: int = 2, padding: str = "same") -> LayerSpec:
    return LayerSpec(kind="maxpool", kernel=size, padding=padding)


def flatten_layer() -> LayerSpec:
    return LayerSpec(kind="flatten")


@dataclass
class ModelSpec:
    # The course's 25 relu units; a little dropout and He initialisation take the
    # default run (seed 0) to 97.8% test accuracy (seeds 0-2: 96.7-97.8%).
    hidden_layers: list[LayerSpec] = field(default_factory=lambda: [LayerSpec(dropout=0.2)])
    init: str = "he"  # or truncated_normal (stddev 0.1, as on the slides) or glorot
    # The slide's "Wrong!!" example: a softmax before a loss that applies one.
    output_activation: str = "linear"
    # Curve lessons only: fit y = w_d x^d + ... + w_1 x + b. None = the lesson's own.
    degree: int | None = None


@dataclass
class OptimizerSpec:
    name: str = "adam"
    learning_rate: float = 0.002
    momentum: float = 0.9  # momentum
    nesterov: bool = False  # momentum
    beta1: float = 0.9  # adam
    beta2: float = 0.999  # adam
    epsilon: float = 1e-8  # adam, rmsprop
    decay: float = 0.9  # rmsprop
    initial_accumulator: float = 0.1  # adagrad


@dataclass
class TrainingSpec:
    epochs: int = 80
    batch_mode: str = "mini"
    batch_size: int = 32  # used in "mini" mode
    shuffle: bool = True  # reshuffle every epoch, as the course's loop does
    validation_fraction: float = 0.1
    test_fraction: float = 0.2
    seed: int = 0
    # Stop when the validation loss has not improved for `patience` epochs, and go back
    # to the best epoch's weights (core/callbacks/early_stopping.py).
    early_stopping: bool = False
    patience: int = 10


@dataclass
class Experiment:
    data: DataSpec = field(default_factory=DataSpec)
    model: ModelSpec = field(default_factory=ModelSpec)
    optimizer: OptimizerSpec = field(default_factory=OptimizerSpec)
    training: TrainingSpec = field(default_factory=TrainingSpec)
    device: str = "cpu"  # cpu | gpu:N
    name: str = "digits"

    @property
    def is_regression(self) -> bool:
        return self.data.source in REGRESSION_SOURCES

    @property
    def degree(self) -> int:
        """The polynomial degree a curve lesson fits."""
        if self.model.degree is not None:
            return self.model.degree
        return 2 if self.data.source == "quadratic" else 1

    def copy(self) -> "Experiment":
        return copy.deepcopy(self)

    # ---- validation -------------------------------------------------------

    def validate(self, n_train: int | None = None) -> "Experiment":
        """Raise SpecError naming the first bad field; return self when all is well.

        n_train, when known, also checks that a mini-batch fits the training set.
        """
        d = self.data
        check_choice("data.source", d.source, DATA_SOURCES)
        if d.source == "file":
            if not d.path:
                raise SpecError(
                    QT_TRANSLATE_NOOP("core", "data.path: a file is needed when data.source is 'file'"))
            if d.format is not None:
                check_choice("data.format", d.format, FILE_FORMATS)
        check_boolean("data.augment", d.augment)
        check_boolean("data.pen_digits", d.pen_digits)
        check_integer("data.drawings_weight", d.drawings_weight, low=1, high=1000)
        if d.drawings is not None and not d.drawings.strip():
            raise SpecError(
                QT_TRANSLATE_NOOP("core", "data.drawings: a file name, or null for no drawings"))
        if d.source in REGRESSION_SOURCES:
            for name in ("augment", "pen_digits"):
                if getattr(d, name):
                    raise SpecError(
                        QT_TRANSLATE_NOOP("core", "data.{option}: the curve lessons have no images; it "
                                                  "works with the digits and image files"),
                        option=name)
            if d.drawings is not None:
                raise SpecError(
                    QT_TRANSLATE_NOOP("core", "data.drawings: the curve lessons have no images; "
                                              "drawings mix into the digits and image files"))

        m = self.model  # no hidden layer is allowed: softmax regression on the pixels
        if len(m.hidden_layers) > MAX_HIDDEN_LAYERS:
            raise SpecError(
                QT_TRANSLATE_NOOP("core", "model.hidden_layers: at most {max_layers} layers, "
                                          "got {count:,}"),
                max_layers=MAX_HIDDEN_LAYERS, count=len(m.hidden_layers))
        for i, layer in enumerate(m.hidden_layers):
            _check_layer(f"model.hidden_layers[{i}]", layer)
        check_choice("model.init", m.init, INITIALIZERS)
        check_choice("model.output_activation", m.output_activation, OUTPUT_ACTIVATIONS)
        if m.degree is not None:
            check_integer("model.degree", m.degree, low=1, high=10)

        o = self.optimizer
        check_choice("optimizer.name", o.name, OPTIMIZERS)
        check_positive("optimizer.learning_rate", o.learning_rate)
        check_number("optimizer.momentum", o.momentum)
        if not 0.0 <= o.momentum < 1.0:
            raise SpecError(
                QT_TRANSLATE_NOOP("core", "optimizer.momentum: must be in [0, 1), got {momentum!r}"),
                momentum=o.momentum)
        check_boolean("optimizer.nesterov", o.nesterov)
        for name in ("beta1", "beta2", "decay"):
            value = getattr(o, name)
            check_number(f"optimizer.{name}", value)
            if not 0.0 <= value < 1.0:
                raise SpecError(
                    QT_TRANSLATE_NOOP("core", "optimizer.{option}: must be in [0, 1), got {value!r}"),
                    option=name, value=value)
        check_positive("optimizer.epsilon", o.epsilon)
        check_positive("optimizer.initial_accumulator", o.initial_accumulator)

        t = self.training
        check_integer("training.epochs", t.epochs, low=1, high=1_000_000)
        check_choice("training.batch_mode", t.batch_mode, BATCH_MODES)
        check_integer("training.batch_size", t.batch_size, low=1, high=10_000_000)
        check_boolean("training.shuffle", t.shuffle)
        for name in ("validation_fraction", "test_fraction"):
            value = getattr(t, name)
            check_number(f"training.{name}", value)
            if not 0.0 <= value < 1.0:
                raise SpecError(
                    QT_TRANSLATE_NOOP("core", "training.{option}: must be in [0, 1), got {value!r}"),
                    option=name, value=value)
        if t.validation_fraction + t.test_fraction >= 0.9:
            raise SpecError(
                QT_TRANSLATE_NOOP("core", "training.validation_fraction + training.test_fraction: "
                                          "together they must leave at least 10% of the data for "
                                          "training"))
        check_integer("training.seed", t.seed, low=0, high=2**31 - 1)
        check_boolean("training.early_stopping", t.early_stopping)
        check_integer("training.patience", t.patience, low=1, high=100_000)
        if t.early_stopping and t.validation_fraction == 0:
            raise SpecError(QT_TRANSLATE_NOOP(
                "core", "training.early_stopping: it watches the validation loss; keep some data "
                        "for validation (training.validation_fraction above 0)"))
        if n_train is not None and t.batch_mode == "mini" and t.batch_size > n_train:
            raise SpecError(
                QT_TRANSLATE_NOOP("core", "training.batch_size: {batch_size} is larger than the "
                                          "training set ({n_train} examples); choose at most "
                                          "{n_train} or full batch"),
                batch_size=t.batch_size, n_train=n_train)

        if not isinstance(self.device, str) or not _is_device(self.device):
            raise SpecError(
                QT_TRANSLATE_NOOP("core", "device: must be 'cpu' or 'gpu:N' (N = 0, 1, …), got "
                                          "{device!r}"),
                device=self.device)
        if not isinstance(self.name, str):
            raise SpecError(
                QT_TRANSLATE_NOOP("core", "name: must be text, got {type}"),
                type=type(self.name).__name__)
        return self

    # ---- JSON -------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        raw = dataclasses.asdict(self)
        raw["model"]["hidden_layers"] = [layer_dict(layer) for layer in self.model.hidden_layers]
        return raw

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_dict(cls, raw: Any) -> "Experiment":
        """Build and validate an Experiment; unknown keys and wrong types are errors."""
        # Imported here: spec_json builds this module's classes, so it imports this module.
        from .spec_json import experiment_from_dict

        return experiment_from_dict(raw)

    def check_size(self, n_features: int, n_classes: int, image: tuple[int, int] | None = None) -> None:
        """Refuse a stack that does not fit the data, or a network too large to build,
        once the data's shape is known: image is (height, width) when the input is a
        picture (layer_shapes.py)."""
        from .layer_shapes import stack_shapes

        shapes = stack_shapes(self.model.hidden_layers, n_features, n_classes, image)
        parameters = sum(s.parameters for s in shapes)
        if parameters > MAX_PARAMETERS:
            raise SpecError(
                QT_TRANSLATE_NOOP("core", "model.hidden_layers: this network has {parameters:,} "
                                          "weights and biases; tfdesk builds networks of up to "
                                          "{max_parameters:,} (with the optimizer's copies that is "
                                          "already {memory_gb:.1f} GB). Use fewer or smaller layers."),
                parameters=parameters, max_parameters=MAX_PARAMETERS,
                memory_gb=MAX_PARAMETERS * 4 * 3 / 1024**3)

    @classmethod
    def from_json(cls, text: str, source: str = "experiment") -> "Experiment":
        from .spec_json import experiment_from_json

        return experiment_from_json(text, source)

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "Experiment":
        """The experiment in a file; its relative file names are relative to the file."""
        from .spec_json import load_experiment

        return load_experiment(path)


def course_experiment() -> Experiment:
    """The course's network: digits, 64 -> 25 relu -> 10, mini-batches."""
    return Experiment()


def default_experiment() -> Experiment:
    """What the window starts with: the course's digits, made to read drawn digits.

    The course's network reads about 9 in 10 digits drawn with a mouse (bench/drawing.py):
    scikit-learn's digits have few closed 4s, flagged 1s with a base or flat-topped 3s.
    tfdesk's simulated mouse drawings in the training data, augmentation and a wider
    network take it past 95 % while the test digits stay above 97 % (README, "Drawn digits")."""
    exp = Experiment(name="digits, drawn")
    exp.data.pen_digits = True
    exp.data.augment = True
    exp.model.hidden_layers = [LayerSpec(128, "relu", 0.2), LayerSpec(64, "relu", 0.2)]
    return exp


def conv_layers(image: tuple[int, int] = (8, 8)) -> list[LayerSpec]:
    """A small convolutional network for pictures of this size: two rounds of 3×3 (5×5
    on MNIST's 28×28) filters and 2×2 pooling, then a dense layer (bench/drawing.py
    compares it with the dense default)."""
    kernel, units = (3, 64) if max(image) <= 16 else (5, 128)
    return [conv_layer(16, kernel), maxpool_layer(2), conv_layer(32, kernel), maxpool_layer(2),
            flatten_layer(), LayerSpec(units, "relu", 0.2)]


def conv_experiment() -> Experiment:
    """The window's default digits, read by the small convolutional network."""
    exp = default_experiment()
    exp.name = "digits, convolutional"
    exp.model.hidden_layers = conv_layers()
    return exp


def lesson_experiment(source: str) -> Experiment:
    """A curve-fitting lesson as the slides run it: gradient descent, full batch."""
    check_choice("data.source", source, REGRESSION_SOURCES)
    return Experiment(
        data=DataSpec(source=source),
        model=ModelSpec(hidden_layers=[]),
        optimizer=OptimizerSpec(name="gradient_descent", learning_rate=0.1),
        training=TrainingSpec(
            epochs=500 if source == "linear" else 2000,
            batch_mode="full",
            validation_fraction=0.0,
            test_fraction=0.0,
        ),
        name="linear regression" if source == "linear" else "quadratic exercise",
    )


def example_experiment(name: str) -> Experiment:
    if name == "digits":
        return default_experiment()
    if name == "course":
        return course_experiment()
    if name == "conv":
        return conv_experiment()
    if name in REGRESSION_SOURCES:
        return lesson_experiment(name)
    raise SpecError(
        QT_TRANSLATE_NOOP("core", "example: unknown example {name!r}; choose one of digits, course, "
                                  "conv, linear, quadratic"),
        name=name)


def _check_layer(where: str, layer: LayerSpec) -> None:
    check_choice(f"{where}.kind", layer.kind, LAYER_KINDS)
    check_integer(f"{where}.units", layer.units, low=1, high=100_000)
    check_choice(f"{where}.activation", layer.activation, ACTIVATIONS)
    check_number(f"{where}.dropout", layer.dropout)
    if not 0.0 <= layer.dropout < 1.0:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{layer}.dropout: must be in [0, 1), got {dropout!r}"),
            layer=where, dropout=layer.dropout)
    if layer.dropout > 0 and layer.kind != "dense":
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{layer}.dropout: tfdesk drops units of dense layers only; set "
                                      "it to 0 for a {kind} layer"),
            layer=where, kind=layer.kind)
    check_integer(f"{where}.filters", layer.filters, low=1, high=MAX_FILTERS)
    check_integer(f"{where}.kernel", layer.kernel, low=1, high=MAX_KERNEL)
    if layer.stride is not None:
        check_integer(f"{where}.stride", layer.stride, low=1, high=MAX_KERNEL)
    check_choice(f"{where}.padding", layer.padding, PADDINGS)


def _is_device(text: str) -> bool:
    return re.fullmatch(r"cpu|gpu:[0-9]{1,3}", text) is not None
