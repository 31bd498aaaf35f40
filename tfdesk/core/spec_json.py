"""An Experiment from JSON: a file read, its text parsed, the object built field by field.

Nothing is taken on trust: the file must be a small regular file of UTF-8, a key
given twice is refused, every key must be a known field and every value of its
field's type, and the result is validated before it is returned.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from .errors import DataFileError, SpecError
from .i18n import QT_TRANSLATE_NOOP, Words
from .read_limits import check_regular
from .spec import DataSpec, Experiment, LayerSpec, ModelSpec, OptimizerSpec, TrainingSpec
from .spec_checks import check_boolean, check_number

MAX_FILE_BYTES = 10_000_000  # an experiment file is a few hundred bytes


def experiment_from_dict(raw: Any) -> Experiment:
    """Build and validate an Experiment; unknown keys and wrong types are errors."""
    return _build(Experiment, raw, "").validate()


def experiment_from_json(text: str, source: str = "experiment") -> Experiment:
    try:
        raw = json.loads(text, object_pairs_hook=_no_repeated_keys)
    except (ValueError, RecursionError) as e:  # ValueError covers JSONDecodeError and
        # Python's limit on the digits of an integer
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{source}: not valid JSON ({reason})"),
            source=source, reason=str(e)) from None
    return experiment_from_dict(raw)


def load_experiment(path: str | Path) -> Experiment:
    """The experiment in a file; its relative file names are relative to the file."""
    path = Path(path)
    try:
        check_regular(path, max_bytes=MAX_FILE_BYTES)  # a FIFO or /dev/zero, refused unread
    except DataFileError as e:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{path}: cannot read the experiment file ({problem})"),
            path=path, problem=e.problem) from None
    try:
        raw = path.read_bytes()[:MAX_FILE_BYTES + 1]
    except OSError as e:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{path}: cannot read the experiment file ({reason})"),
            path=path, reason=e.strerror or str(e)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{path}: too large for an experiment file ({size:,} "
                                      "bytes)"),
            path=path, size=len(raw))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{path}: not a text file (expected UTF-8 JSON)"),
            path=path) from None
    try:
        exp = experiment_from_json(text, source=str(path))
    except SpecError as e:
        if str(e).startswith(str(path)):
            raise SpecError(e.template, **e.fields) from None
        raise SpecError(QT_TRANSLATE_NOOP("core", "{path}: {problem}"),
                        path=path, problem=e.words) from None
    d = exp.data
    for name in ("path", "labels_path", "drawings"):
        value = getattr(d, name)
        if value and not Path(value).is_absolute():
            setattr(d, name, str(path.absolute().parent / value))
    return exp


def _no_repeated_keys(pairs: list) -> dict:
    """A JSON object; a key given twice is refused (json would keep the last silently)."""
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise SpecError(
                QT_TRANSLATE_NOOP("core", "the key {key!r} appears twice in one object; keep one"),
                key=key)
        seen[key] = value
    return seen


_NESTED = {"data": DataSpec, "model": ModelSpec, "optimizer": OptimizerSpec, "training": TrainingSpec}


def _build(cls: type, raw: Any, where: str) -> Any:
    label = where or Words(QT_TRANSLATE_NOOP("core", "experiment"))
    if not isinstance(raw, dict):
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{field}: must be an object with named fields, got {type}"),
            field=label, type=type(raw).__name__)
    known = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(raw) - set(known))
    if len(unknown) > 1:
        raise SpecError(QT_TRANSLATE_NOOP("core", "{field}: unknown keys {keys}; allowed: {allowed}"),
                        field=label, keys=", ".join(map(repr, unknown)), allowed=", ".join(known))
    if unknown:
        raise SpecError(QT_TRANSLATE_NOOP("core", "{field}: unknown key {key!r}; allowed: {allowed}"),
                        field=label, key=unknown[0], allowed=", ".join(known))
    values = {}
    for name, value in raw.items():
        path = f"{where}.{name}" if where else name
        if cls is Experiment and name in _NESTED:
            values[name] = _build(_NESTED[name], value, path)
        elif cls is ModelSpec and name == "hidden_layers":
            if not isinstance(value, list):
                raise SpecError(
                    QT_TRANSLATE_NOOP("core", "{field}: must be a list of layers, got {type}"),
                    field=path, type=type(value).__name__)
            values[name] = [_build(LayerSpec, v, f"{path}[{i}]") for i, v in enumerate(value)]
        else:
            values[name] = _coerce(path, value, known[name])
    return cls(**values)


def _coerce(path: str, value: Any, f: dataclasses.Field) -> Any:
    """Accept JSON's ints where floats are meant; reject every other type mismatch."""
    default = f.default if f.default is not dataclasses.MISSING else None
    if isinstance(default, bool):
        check_boolean(path, value)
    elif isinstance(default, float):
        check_number(path, value)
        value = float(value)
    elif isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise SpecError(
                QT_TRANSLATE_NOOP("core", "{field}: must be a whole number, got {type} {value!r}"),
                field=path, type=type(value).__name__, value=value)
    elif isinstance(default, str) or (default is None and f.type in ("str | None",)):
        if value is not None and not isinstance(value, str):
            raise SpecError(
                QT_TRANSLATE_NOOP("core", "{field}: must be text, got {type} {value!r}"),
                field=path, type=type(value).__name__, value=value)
    elif f.type == "int | None":
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise SpecError(
                QT_TRANSLATE_NOOP("core", "{field}: must be a whole number or null, got {value!r}"),
                field=path, value=value)
    return value
