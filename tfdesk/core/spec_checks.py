"""The checks one experiment field passes: its type and its range.

Each raises SpecError naming the field (its path in the experiment, such as
"training.batch_size") and the value it got.
"""

from __future__ import annotations

import math
from typing import Any

from .errors import SpecError
from .i18n import QT_TRANSLATE_NOOP


def check_choice(field_name: str, value: Any, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{field}: must be one of {choices}; got {value!r}"),
            field=field_name, choices=", ".join(allowed), value=value)


def check_number(field_name: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{field}: must be a number, got {type} {value!r}"),
            field=field_name, type=type(value).__name__, value=value)
    try:
        finite = math.isfinite(value)
    except OverflowError:  # a whole number too large for a float
        finite = False
    if not finite:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{field}: must be a finite number, got {value!r}"),
            field=field_name, value=value)


def check_positive(field_name: str, value: Any) -> None:
    check_number(field_name, value)
    if value <= 0:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{field}: must be greater than 0, got {value!r}"),
            field=field_name, value=value)


def check_integer(field_name: str, value: Any, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{field}: must be a whole number, got {type} {value!r}"),
            field=field_name, type=type(value).__name__, value=value)
    if not low <= value <= high:
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{field}: must be between {low:,} and {high:,}, got "
                                      "{value:,}"),
            field=field_name, low=low, high=high, value=value)


def check_boolean(field_name: str, value: Any) -> None:
    if not isinstance(value, bool):
        raise SpecError(
            QT_TRANSLATE_NOOP("core", "{field}: must be true or false, got {value!r}"),
            field=field_name, value=value)

