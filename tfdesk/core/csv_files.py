"""CSV data files: the label in the first column, features after it, a header row optional.

numpy's parser reads a well-formed file; anything unusual is read again cell by cell,
so that the message names the row and column that is wrong.
"""

from __future__ import annotations

import csv
import math
import warnings
from pathlib import Path

import numpy as np

from .errors import DataFileError
from .i18n import QT_TRANSLATE_NOOP, Words
from .raw_data import RawData, assemble
from .read_limits import BYTES_PER_VALUE, MEMORY_BUDGET, check_regular, file_errors

# A CSV value is at least two characters ("0,") and takes 8 bytes as it is parsed.
MAX_CSV_BYTES = MEMORY_BUDGET // (BYTES_PER_VALUE + 8) * 2


def load_csv(path) -> RawData:
    """Label in the first column, features after it; an optional header row first."""
    path = Path(path)
    check_regular(path, max_bytes=MAX_CSV_BYTES)
    with file_errors(path):
        values = _csv_fast(path)
        if values is None:
            values = _csv_scan(path)  # slow, but names the row and column that is wrong
    x, y = values[:, 1:], values[:, 0]
    side = math.isqrt(x.shape[1])
    if side > 1 and side * side == x.shape[1]:
        x = x.reshape(len(x), side, side)
    return assemble(path, x, y, names=(Words(QT_TRANSLATE_NOOP("core", "features")),
                                       Words(QT_TRANSLATE_NOOP("core", "labels")), "", ""),
                    where=lambda _name, i: Words(QT_TRANSLATE_NOOP("core", "in row {row}"),
                                                 row=_data_lines(path)[i]))


def _data_lines(path: Path) -> list[int]:
    """The line number of each data row, for messages; cheap next to parsing the numbers."""
    lines, first = [], None
    with open(path, encoding="utf-8-sig", newline="") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                lines.append(n)
                first = line if first is None else first
    return lines[1:] if not _is_number(next(csv.reader([first]))[0]) else lines


def _csv_fast(path: Path) -> np.ndarray | None:
    """numpy's C parser for well-formed files; None when anything is unusual."""
    skip = 0
    with open(path, encoding="utf-8-sig", newline="") as f:
        try:
            for line in f:
                skip += 1
                if line.strip():
                    break
            else:
                raise DataFileError(path, QT_TRANSLATE_NOOP("core", "the file is empty") if skip == 0
                                    else QT_TRANSLATE_NOOP("core", "the file holds no data rows"))
        except UnicodeDecodeError:
            return None
    header = not _is_number(next(csv.reader([line]))[0])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "input contained no data" is reported below, in words
            values = np.loadtxt(path, delimiter=",", comments=None, quotechar='"', ndmin=2,
                                skiprows=skip if header else 0, encoding="utf-8-sig", dtype=np.float64)
    except ValueError:
        return None
    if values.shape[0] == 0 or values.shape[1] < 2 or not np.isfinite(values).all():
        return None
    return values


def _csv_scan(path: Path) -> np.ndarray:
    rows, width, first = [], None, True
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        try:
            for cells in reader:
                if not any(c.strip() for c in cells):
                    continue
                line, was_first, first = reader.line_num, first, False
                if was_first and not _is_number(cells[0]):
                    continue  # a header: a data row's label is always a number
                if width is None:
                    width, width_line = len(cells), line
                    if width < 2:
                        raise DataFileError(
                            path, QT_TRANSLATE_NOOP("core", "row {row} has only one column; tfdesk "
                                                            "needs the label in the first column and "
                                                            "features after it, separated by commas"),
                            row=line)
                elif len(cells) != width:
                    raise DataFileError(
                        path, QT_TRANSLATE_NOOP("core", "row {row} has {columns} columns but "
                                                        "row {first_row} has {first_columns}"),
                        row=line, columns=len(cells), first_row=width_line, first_columns=width)
                rows.append([_cell(path, line, j, c) for j, c in enumerate(cells, 1)])
        except UnicodeDecodeError:
            raise DataFileError(
                path, QT_TRANSLATE_NOOP("core", "not a text file (it is not UTF-8); is it really a "
                                                "CSV?")) from None
        except csv.Error as e:
            raise DataFileError(
                path, QT_TRANSLATE_NOOP("core", "row {row}: {reason}"),
                row=reader.line_num, reason=str(e)) from None
    if not rows:
        raise DataFileError(path, QT_TRANSLATE_NOOP("core", "the file holds no data rows"))
    return np.array(rows, dtype=np.float64)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _cell(path: Path, row: int, col: int, text: str) -> float:
    if not text.strip():
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "row {row}, column {column} is empty"),
            row=row, column=col)
    try:
        value = float(text)
    except ValueError:
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "row {row}, column {column}: {text!r} is not a number"),
            row=row, column=col, text=text) from None
    if not math.isfinite(value):
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "row {row}, column {column}: {text!r} is not a finite number"),
            row=row, column=col, text=text)
    return value
