"""RawData, what every data file loader returns, and the checks its arrays pass.

Whatever the format, the arrays are checked the same way before they become RawData:
features are numbers in (samples, height, width) or (samples, features), labels are
whole numbers in [0, MAX_CLASSES), train and test samples have one size, and no value
is beyond the 32-bit floats a network computes with. A failure names where it is.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import DataFileError
from .i18n import QT_TRANSLATE_NOOP, Words

MAX_CLASSES = 1000


@dataclass
class RawData:
    x_train: np.ndarray  # float32 (n, features), raw units, flattened
    y_train: np.ndarray  # int64 (n,), in [0, MAX_CLASSES)
    x_test: np.ndarray | None
    y_test: np.ndarray | None
    image_shape: tuple[int, int] | None  # (h, w) when the samples are images
    value_max: float  # divide by this to bring the inputs into [0, 1]


def assemble(path, x_train, y_train, x_test=None, y_test=None,
             names=("x_train", "y_train", "x_test", "y_test"), where=None) -> RawData:
    """RawData from a format's arrays once every check passes; names[0..3] name the four
    arrays in messages, where(name, i) says where sample i of array `name` is."""
    where = where or (lambda name, i: Words(QT_TRANSLATE_NOOP("core", "at {array}[{index}]"),
                                            array=name, index=i))
    parts = [(names[0], x_train, names[1], y_train)]
    if x_test is not None:
        parts.append((names[2], x_test, names[3], y_test))
    checked = []
    for xn, x, yn, y in parts:
        x, y = _check_features(path, xn, x), _check_label_shape(path, yn, y)
        if len(x) != len(y):
            template = (QT_TRANSLATE_NOOP("core", "{count:,} images but {labels:,} labels ({x} vs {y})")
                        if x.ndim == 3 else
                        QT_TRANSLATE_NOOP("core", "{count:,} samples but {labels:,} labels ({x} vs {y})"))
            raise DataFileError(path, template, count=len(x), labels=len(y), x=xn, y=yn)
        checked.append((x, _check_label_values(path, y, lambda i, yn=yn: where(yn, i))))
    if len(checked) == 2 and checked[0][0].shape[1:] != checked[1][0].shape[1:]:
        (a, _), (b, _) = checked
        template = (QT_TRANSLATE_NOOP("core", "images of different sizes: {train} {train_size}, "
                                              "{test} {test_size}")
                    if a.ndim == b.ndim == 3 else
                    QT_TRANSLATE_NOOP("core", "samples of different sizes: {train} {train_size}, "
                                              "{test} {test_size}"))
        raise DataFileError(path, template, train=names[0], train_size=_size(a),
                            test=names[2], test_size=_size(b))
    xs = [x for x, _ in checked]
    if all(x.dtype == np.uint8 for x in xs):
        value_max = 255.0
    else:
        value_max = max(1.0, *(float(x.max()) for x in xs))
    with np.errstate(over="ignore"):  # _check_float32 names the values that overflowed
        flat = [x.reshape(len(x), -1).astype(np.float32) for x in xs]
    for (xn, _, _, _), original, f in zip(parts, xs, flat):
        _check_float32(path, xn, original.reshape(len(original), -1), f, where)
    test = (flat[1], checked[1][1]) if len(checked) == 2 else (None, None)
    return RawData(flat[0], checked[0][1], *test,
                   image_shape=tuple(xs[0].shape[1:]) if xs[0].ndim == 3 else None,
                   value_max=value_max)


def _size(x: np.ndarray) -> Words:
    if x.ndim == 3:
        return Words(QT_TRANSLATE_NOOP("core", "is {height}×{width}"), height=x.shape[1], width=x.shape[2])
    return Words(QT_TRANSLATE_NOOP("core", "has {count:,} features"), count=x.shape[1])


def _check_features(path, name: str, x: np.ndarray) -> np.ndarray:
    if x.dtype.kind not in "biuf":
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "{name} holds {kind} values; expected numbers"),
            name=name, kind=_kind(x))
    if x.ndim == 4 and x.shape[-1] == 1:  # (n, h, w, 1): one grey channel
        x = x[..., 0]
    if x.ndim not in (2, 3):
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "{name} has shape {shape}; expected (samples, height, "
                                            "width) images or (samples, features)"),
            name=name, shape=x.shape)
    if x.shape[0] == 0:
        raise DataFileError(path, QT_TRANSLATE_NOOP("core", "{name} holds no samples"), name=name)
    if 0 in x.shape[1:]:
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "{name} has shape {shape}: its samples are empty"),
            name=name, shape=x.shape)
    if x.dtype.kind == "f":
        bad = ~np.isfinite(x.reshape(len(x), -1)).all(axis=1)
        if bad.any():
            raise DataFileError(
                path, QT_TRANSLATE_NOOP("core", "{name} holds NaN or infinite values (first in sample "
                                                "{sample})"),
                name=name, sample=int(bad.argmax()))
    return x


def _check_float32(path, name: str, original: np.ndarray, converted: np.ndarray, where) -> None:
    """A value beyond float32's range would become infinite, the scale 0, every input 0."""
    bad = ~np.isfinite(converted)
    if bad.any():
        row, column = np.unravel_index(int(np.argmax(bad)), bad.shape)
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "feature {feature} {where} is {value:g}, too large for the "
                                            "32-bit numbers a network computes with (at most about "
                                            "3.4e38)"),
            feature=column + 1, where=where(name, row), value=original[row, column])


def _check_label_shape(path, name: str, y: np.ndarray) -> np.ndarray:
    if y.ndim == 2 and y.shape[1] == 1:
        y = y[:, 0]
    if y.ndim != 1:
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "{name} has shape {shape}; expected one label per sample"),
            name=name, shape=y.shape)
    if y.dtype.kind not in "biuf":
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "{name} holds {kind} values; labels must be whole numbers"),
            name=name, kind=_kind(y))
    return y


def _check_label_values(path, y: np.ndarray, where) -> np.ndarray:
    if y.dtype.kind == "f":
        bad = ~np.isfinite(y) | (y != np.round(y))
        if bad.any():
            i = int(bad.argmax())
            raise DataFileError(
                path, QT_TRANSLATE_NOOP("core", "label {label} {where} is not a whole number"),
                label=_number(y[i]), where=where(i))
    bad = (y < 0) | (y >= MAX_CLASSES)
    if bad.any():
        i = int(bad.argmax())
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "label {label} {where} is out of range (0–{highest})"),
            label=_number(y[i]), where=where(i), highest=MAX_CLASSES - 1)
    return y.astype(np.int64)


def _kind(a: np.ndarray) -> str:
    return Words(QT_TRANSLATE_NOOP("core", "text")) if a.dtype.kind in "US" else f"{a.dtype}"


def _number(v) -> str:
    v = float(v)
    return str(int(v)) if v.is_integer() else repr(v)
