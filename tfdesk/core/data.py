"""The data an experiment trains on, split and scaled the way the model sees it.

Three kinds: scikit-learn's handwritten digits (the course's network), the two
curve lessons from the slides, and the user's own files (see data_files.py).
Everything here is numpy; TensorFlow only ever sees the arrays of a Dataset.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from .errors import DataFileError, SpecError
from .i18n import QT_TRANSLATE_NOOP, Words
from .input_formats import DIGIT_CLASSES, IMAGE_FORMATS, format_for_shape, image_shape
from .spec import Experiment

# y = 3x + 10 (the regression slide) and y = 6x^2 - 4x + 1 (the exercise).
CURVES = {
    "linear": {"weight": [3.0], "bias": 10.0},
    "quadratic": {"weight": [-4.0, 6.0], "bias": 1.0},  # weight[k-1] multiplies x^k
}
CURVE_POINTS = 100
CURVE_NOISE = 0.2  # standard deviation of the noise added to y


@dataclass
class Dataset:
    """Train/validation/test arrays, float32, ready to feed.

    Classification: x is (n, features) in [0, 1], y is one-hot (n, classes).
    Regression (curve lessons): x and y are (n,).
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    task: str  # "classification" | "regression"
    class_names: list[str]
    input_format: str  # "digits8x8" | "mnist28" | "features" | "curve"
    description: str
    true_params: dict | None = None  # the curve a lesson's points were drawn from
    # Held-out drawings mixed into this data set, tested apart from the test split:
    # {"pen_digits" | "drawings": (x, y one-hot)}; see with_drawings().
    drawing_tests: dict = field(default_factory=dict)

    @property
    def n_features(self) -> int:
        return 1 if self.task == "regression" else int(self.x_train.shape[1])

    @property
    def n_classes(self) -> int:
        return len(self.class_names)

    @property
    def image_shape(self) -> tuple[int, int] | None:
        return image_shape(self.input_format)


def load_dataset(exp: Experiment) -> Dataset:
    """The dataset an experiment names, split with the experiment's seed."""
    source = exp.data.source
    t = exp.training
    if source == "digits":
        data = digits_dataset(t.validation_fraction, t.test_fraction, t.seed)
    elif source in CURVES:
        return curve_dataset(source, t.validation_fraction, t.test_fraction, t.seed)
    elif source == "file":
        data = file_dataset(exp.data.path, exp.data.format, exp.data.labels_path,
                            t.validation_fraction, t.test_fraction, t.seed)
    else:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "data.source: unknown source {source!r}"),
            source=source)
    if exp.data.augment and data.image_shape is None:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "data.augment: this data is not pictures (a row of numbers), so it "
                                      "cannot be shifted or turned; untick augmentation"))
    if exp.data.pen_digits:
        data = with_drawings(data, "pen_digits", pen_digits_collection(), 1, t.test_fraction, t.seed)
    if exp.data.drawings:
        from .drawing_collection import DrawingCollection

        collection = DrawingCollection.load(exp.data.drawings)
        data = with_drawings(data, "drawings", collection, exp.data.drawings_weight,
                             t.test_fraction, t.seed)
    return data


def pen_digits_collection():
    """tfdesk's simulated mouse drawings, made by scripts/make_pen_digits.py."""
    from ..resources import resources_dir
    from .drawing_collection import DrawingCollection

    return DrawingCollection.load(resources_dir() / "pen_digits.npz")


def with_drawings(data: Dataset, name: str, collection, weight: int,
                  test_fraction: float, seed: int) -> Dataset:
    """data with a drawing collection's training share added `weight` times over.

    The collection's own held-out share (test_fraction of it) is kept apart in
    drawing_tests, so its accuracy can be shown beside the test accuracy."""
    where = "data.pen_digits" if name == "pen_digits" else "data.drawings"
    if data.input_format not in IMAGE_FORMATS:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{option}: drawings are 8×8 or 28×28 digit images; this data set "
                                      "has {n_features} features per example"),
            option=where, n_features=data.n_features)
    if data.n_classes < 10:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{option}: drawings are the digits 0–9; this data set has "
                                      "{n_classes} classes"),
            option=where, n_classes=data.n_classes)
    if len(collection) == 0:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{option}: the collection holds no drawings yet"),
            option=where)
    x, labels = collection.inputs(data.input_format), collection.labels()
    if test_fraction > 0 and len(x) >= 10:
        x, x_test, labels, labels_test = _split(x, labels, test_fraction, seed + 2)
    else:  # too few to hold any back: all of them train
        x_test, labels_test = x[:0], labels[:0]
    k = data.n_classes
    tests = dict(data.drawing_tests)
    if len(x_test):
        tests[name] = (x_test, _one_hot(labels_test, k))
    return replace(data,
                   x_train=np.concatenate([data.x_train] + [x] * weight),
                   y_train=np.concatenate([data.y_train] + [_one_hot(labels, k)] * weight),
                   drawing_tests=tests)


def digits_dataset(val_fraction: float, test_fraction: float, seed: int) -> Dataset:
    from sklearn.datasets import load_digits

    digits = load_digits()
    # The 8x8 images count pixels in 4x4 blocks, so each value is 0..16.
    x = (digits.data / 16.0).astype(np.float32)
    y = digits.target.astype(np.int64)
    description = Words(QT_TRANSLATE_NOOP("core", "scikit-learn handwritten digits (1,797 images, 8×8)"))
    return _classification(x, y, None, None, DIGIT_CLASSES, "digits8x8", description,
                           val_fraction, test_fraction, seed)


def curve_dataset(source: str, val_fraction: float, test_fraction: float, seed: int) -> Dataset:
    """100 noisy points on the lesson's curve, x evenly spread over [-1, 1]."""
    params = CURVES[source]
    rng = np.random.default_rng(seed)
    x = np.linspace(-1.0, 1.0, CURVE_POINTS)
    y = curve_values(params, x) + rng.normal(0.0, CURVE_NOISE, size=x.shape)
    x, y = x.astype(np.float32), y.astype(np.float32)
    order = rng.permutation(len(x))
    n_test = int(round(len(x) * test_fraction))
    n_val = int(round(len(x) * val_fraction))
    test, val, train = np.split(order, [n_test, n_test + n_val])
    name = "y = 3x + 10" if source == "linear" else "y = 6x² − 4x + 1"
    return Dataset(x[train], y[train], x[val], y[val], x[test], y[test],
                   task="regression", class_names=[], input_format="curve",
                   description=f"{CURVE_POINTS} noisy points on {name}", true_params=params)


def curve_values(params: dict, x: np.ndarray) -> np.ndarray:
    """bias + sum_k weight[k-1] * x^k: the curve, for any degree."""
    y = np.full(np.shape(x), float(params["bias"]), dtype=np.float64)
    for power, w in enumerate(params["weight"], start=1):
        y += float(w) * np.asarray(x, dtype=np.float64) ** power
    return y


def file_dataset(path, fmt, labels_path, val_fraction, test_fraction, seed) -> Dataset:
    from .data_files import load_file

    raw = load_file(path, fmt, labels_path)
    scale = np.float32(1.0 / raw.value_max)
    x_train = raw.x_train * scale
    x_test = raw.x_test * scale if raw.x_test is not None else None
    labels = raw.y_train if raw.y_test is None else np.concatenate([raw.y_train, raw.y_test])
    n_classes = int(labels.max()) + 1
    if len(np.unique(labels)) < 2:
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "every example has the same label; at least two classes "
                                            "are needed"))
    input_format = format_for_shape(raw.image_shape)
    return _classification(x_train, raw.y_train, x_test, raw.y_test,
                           [str(i) for i in range(n_classes)], input_format,
                           Words(QT_TRANSLATE_NOOP("core", "{path} ({count:,} examples, {features} "
                                                           "features)"),
                                 path=path, count=len(labels), features=x_train.shape[1]),
                           val_fraction, test_fraction, seed)


MIN_EXAMPLES = 10  # fewer cannot be split into training, validation and test


def _classification(x, y, x_test, y_test, class_names, input_format, description,
                    val_fraction, test_fraction, seed) -> Dataset:
    """Split stratified by class where every class has enough examples."""
    if len(x) < MIN_EXAMPLES:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "data: {count} examples are too few; tfdesk needs at least "
                                      "{minimum} to train, validate and test on ({description})"),
            count=len(x), minimum=MIN_EXAMPLES, description=description)
    if x_test is None:
        x, x_test, y, y_test = _split(x, y, test_fraction, seed)
    x_train, x_val, y_train, y_val = _split(x, y, val_fraction / (1.0 - test_fraction), seed + 1)
    n = len(class_names)
    return Dataset(x_train, _one_hot(y_train, n), x_val, _one_hot(y_val, n),
                   x_test, _one_hot(y_test, n), task="classification",
                   class_names=class_names, input_format=input_format, description=description)


def _split(x, y, fraction, seed):
    if fraction <= 0:
        return x, x[:0], y, y[:0]
    from sklearn.model_selection import train_test_split

    counts = np.bincount(y)
    stratify = y if counts[counts > 0].min() >= 2 else None
    try:
        return train_test_split(x, y, test_size=fraction, random_state=seed, stratify=stratify)
    except ValueError:  # too few examples of a class for this fraction: split unstratified
        pass
    try:
        return train_test_split(x, y, test_size=fraction, random_state=seed)
    except ValueError:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "training: {count} examples cannot be split {fraction:.0%} "
                                      "/ {rest:.0%}; use more data or other fractions"),
            count=len(x), fraction=fraction, rest=1 - fraction) from None


def _one_hot(labels: np.ndarray, n_classes: int) -> np.ndarray:
    out = np.zeros((len(labels), n_classes), dtype=np.float32)
    out[np.arange(len(labels)), labels] = 1.0
    return out
