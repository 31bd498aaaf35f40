"""Loaders for the data files participants bring: MNIST IDX, Keras-style .npz and CSV.

Each loader returns RawData in raw units or raises DataFileError with a message the
participant can act on. Headers are never trusted: every size a file declares is
checked against what the file really holds, and what loading it would allocate against
MEMORY_BUDGET, before anything of that size is allocated: a damaged or hostile file
fails at once instead of eating memory. Only regular files are read (a FIFO or a
device such as /dev/zero is refused), and values that do not fit the 32-bit floats
a network computes with are refused naming where they are.
Only numpy and the standard library here: the CLI and the headless server use it.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import math
import os
import stat
import struct
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.lib import format as npy_format

from .errors import DataFileError
from .i18n import QT_TRANSLATE_NOOP, Words, and_list

MAX_CLASSES = 1000
# What loading one data set may allocate. Each value read is converted to float32,
# scaled, split and copied into the graph: about 16 bytes besides its own, which is
# what the budget counts (MNIST's 55 million values: about 0.9 GB).
MEMORY_BUDGET = 2 * 1024**3
BYTES_PER_VALUE = 16
# A CSV value is at least two characters ("0,") and takes 8 bytes as it is parsed.
MAX_CSV_BYTES = MEMORY_BUDGET // (BYTES_PER_VALUE + 8) * 2
_CHUNK = 1 << 20
_SUPPORTED = Words(QT_TRANSLATE_NOOP(
    "core", "supported formats: idx (MNIST *-ubyte files, plain or .gz, or a folder of them), "
            "npz (x_train, y_train, x_test, y_test as in Keras's mnist.npz), "
            "csv (label in the first column, features after it)"))


@dataclass
class RawData:
    x_train: np.ndarray  # float32 (n, features), raw units, flattened
    y_train: np.ndarray  # int64 (n,), in [0, MAX_CLASSES)
    x_test: np.ndarray | None
    y_test: np.ndarray | None
    image_shape: tuple[int, int] | None  # (h, w) when the samples are images
    value_max: float  # divide by this to bring the inputs into [0, 1]


def load_file(path, fmt: str | None = None, labels_path=None) -> RawData:
    """Load `path` as `fmt` (idx, npz or csv; None: from the name). labels_path is for IDX only."""
    path = Path(path)
    check_regular(path, folder_ok=fmt in (None, "idx"))
    if labels_path is not None:
        check_regular(Path(labels_path))
    if fmt is None:
        fmt = infer_format(path)
    if fmt == "idx":
        return load_idx(path, labels_path)
    if fmt == "npz":
        return load_npz(path)
    if fmt == "csv":
        return load_csv(path)
    raise DataFileError(
        path, QT_TRANSLATE_NOOP("core", "unknown format {format!r}; {supported}"),
        format=fmt, supported=_SUPPORTED)


def infer_format(path: Path) -> str:
    """The format a file's name (or a folder: IDX) says it has; DataFileError if none."""
    name = path.name.lower()
    if path.is_dir():
        return "idx"
    if name.endswith(".npz"):
        return "npz"
    if name.endswith(".csv"):
        return "csv"
    if "ubyte" in name.removesuffix(".gz") or "idx" in name.removesuffix(".gz"):
        return "idx"
    if not path.exists():
        raise DataFileError(path, QT_TRANSLATE_NOOP("core", "file not found"))
    raise DataFileError(
        path, QT_TRANSLATE_NOOP("core", "cannot tell the format from the file name; {supported}"),
        supported=_SUPPORTED)


@contextlib.contextmanager
def _file_errors(path):
    """Turn the operating system's complaints about `path` into DataFileError."""
    try:
        yield
    except FileNotFoundError:
        raise DataFileError(path, QT_TRANSLATE_NOOP("core", "file not found")) from None
    except PermissionError:
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "permission denied: tfdesk may not read this file")) from None
    except IsADirectoryError:
        raise DataFileError(path, QT_TRANSLATE_NOOP("core", "this is a folder, not a file")) from None
    except OSError as e:
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "cannot read the file ({reason})"),
            reason=e.strerror or str(e)) from None
    except MemoryError:
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "not enough memory to load this file")) from None


def check_regular(path: Path, folder_ok: bool = False, max_bytes: int | None = None) -> None:
    """Refuse what is not a regular file (a FIFO would block forever, /dev/zero never
    ends), and a file over max_bytes, before a byte of it is read."""
    with _file_errors(path):
        info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        if folder_ok:
            return
        raise DataFileError(path, QT_TRANSLATE_NOOP("core", "this is a folder, not a file"))
    if not stat.S_ISREG(info.st_mode):
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "not a regular file (a device, pipe or socket); choose a "
                                            "file saved on disk"))
    if max_bytes is not None and info.st_size > max_bytes:
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "too large: {size:,} bytes, and tfdesk reads up to "
                                            "{limit:,} for this kind of file"),
            size=info.st_size, limit=max_bytes)


def check_budget(path, count: int, itemsize: int, declared: str) -> None:
    """Refuse a size whose loading would allocate more than MEMORY_BUDGET; `declared`
    (Words, or text) says what the file claims, to start the sentence."""
    need = count * (itemsize + BYTES_PER_VALUE)
    if need > MEMORY_BUDGET:
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "{declared} would take {need_gb:.1f} GB of memory once "
                                            "loaded; tfdesk loads data sets up to {budget_gb:.0f} GB. "
                                            "Is the file damaged?"),
            declared=declared, need_gb=need / 1024**3, budget_gb=MEMORY_BUDGET / 1024**3)


def _read_at_most(f, limit: int) -> bytearray:
    # Grows with what the stream really yields, so a lying size costs nothing.
    buf = bytearray()
    while len(buf) < limit:
        chunk = f.read(min(_CHUNK, limit - len(buf)))
        if not chunk:
            break
        buf += chunk
    return buf


# --- IDX ---------------------------------------------------------------------------

_IDX_IMAGES, _IDX_LABELS = 0x00000803, 0x00000801


def load_idx(images_path, labels_path=None) -> RawData:
    """An MNIST images/labels pair (plain or .gz), or a folder holding the train and t10k pairs."""
    images_path = Path(images_path)
    if images_path.is_dir():
        return _load_idx_folder(images_path)
    if not images_path.exists():
        raise DataFileError(images_path, QT_TRANSLATE_NOOP("core", "file not found"))
    labels_path = Path(labels_path) if labels_path is not None else _derive_labels_path(images_path)
    x, y = _read_idx_pair(images_path, labels_path)
    return _assemble(images_path, x, y, names=(images_path.name, labels_path.name, "", ""))


def _derive_labels_path(images_path: Path) -> Path:
    name = images_path.name
    for images, labels in (("images-idx3", "labels-idx1"), ("images.idx3", "labels.idx1")):
        if images in name:
            expected = images_path.with_name(name.replace(images, labels))
            other = (expected.with_name(expected.name.removesuffix(".gz")) if expected.suffix == ".gz"
                     else expected.with_name(expected.name + ".gz"))
            for candidate in (expected, other):
                if candidate.is_file():
                    return candidate
            raise DataFileError(
                images_path, QT_TRANSLATE_NOOP("core", "labels file not found: expected {name} in the "
                                                       "same folder (or choose the labels file)"),
                name=expected.name)
    raise DataFileError(
        images_path, QT_TRANSLATE_NOOP("core", "cannot guess the labels file from this name (expected "
                                               "'...-images-idx3-ubyte'); choose the labels file"))


def _load_idx_folder(folder: Path) -> RawData:
    def find(prefix, kind):
        for sep in ("-", "."):
            for gz in ("", ".gz"):
                p = folder / f"{prefix}-{kind.replace('-', sep)}-ubyte{gz}"
                if p.is_file():
                    return p
        return None

    train_x, train_y = find("train", "images-idx3"), find("train", "labels-idx1")
    test_x, test_y = find("t10k", "images-idx3"), find("t10k", "labels-idx1")
    if train_x is None or train_y is None:
        missing = "train-images-idx3-ubyte" if train_x is None else "train-labels-idx1-ubyte"
        raise DataFileError(
            folder, QT_TRANSLATE_NOOP("core", "no {missing}[.gz] in this folder; an MNIST folder "
                                              "holds train-images-idx3-ubyte and "
                                              "train-labels-idx1-ubyte, and optionally the t10k-... "
                                              "pair"),
            missing=missing)
    if (test_x is None) != (test_y is None):
        missing = "t10k-images-idx3-ubyte" if test_x is None else "t10k-labels-idx1-ubyte"
        raise DataFileError(
            folder, QT_TRANSLATE_NOOP("core", "the test pair is incomplete: no {missing}[.gz] in this "
                                              "folder"),
            missing=missing)
    x, y = _read_idx_pair(train_x, train_y)
    xt, yt = _read_idx_pair(test_x, test_y) if test_x is not None else (None, None)
    test_names = (test_x.name, test_y.name) if test_x is not None else ("", "")
    return _assemble(folder, x, y, xt, yt, names=(train_x.name, train_y.name, *test_names))


def _read_idx_pair(images_path: Path, labels_path: Path):
    x = _read_idx(images_path, images=True)
    y = _read_idx(labels_path, images=False, count=(len(x), images_path))
    return x, y


def _read_idx(path: Path, images: bool, count: tuple[int, Path] | None = None) -> np.ndarray:
    """An IDX file's array; count = (how many, the images file): the labels' header must
    say as many as there are images before the labels are read."""
    expected, ndims = (_IDX_IMAGES, 3) if images else (_IDX_LABELS, 1)
    what = Words(QT_TRANSLATE_NOOP("core", "IDX images") if images
                 else QT_TRANSLATE_NOOP("core", "IDX labels"))
    with _file_errors(path), open(path, "rb") as raw:
        is_gz = raw.read(2) == b"\x1f\x8b"  # by content: names lie more often than bytes
        raw.seek(0)
        f = gzip.GzipFile(fileobj=raw) if is_gz else raw
        try:
            head = _read_at_most(f, 4 + 4 * ndims)
            if not head:
                raise DataFileError(path, QT_TRANSLATE_NOOP("core", "the file is empty"))
            if len(head) < 4:
                raise DataFileError(
                    path, QT_TRANSLATE_NOOP("core", "truncated: {size} bytes, too short for "
                                                    "an IDX header"),
                    size=len(head))
            (magic,) = struct.unpack(">I", head[:4])
            if magic != expected:
                template = {
                    _IDX_IMAGES: QT_TRANSLATE_NOOP("core", "wrong magic number 0x{magic:08X}, expected "
                                                           "0x{expected:08X} for {what} (this is an IDX "
                                                           "images file)"),
                    _IDX_LABELS: QT_TRANSLATE_NOOP("core", "wrong magic number 0x{magic:08X}, expected "
                                                           "0x{expected:08X} for {what} (this is an IDX "
                                                           "labels file)"),
                }.get(magic, QT_TRANSLATE_NOOP("core", "wrong magic number 0x{magic:08X}, expected "
                                                       "0x{expected:08X} for {what}"))
                raise DataFileError(path, template, magic=magic, expected=expected, what=what)
            if len(head) < 4 + 4 * ndims:
                raise DataFileError(
                    path, QT_TRANSLATE_NOOP("core", "truncated: the IDX header is cut off"))
            dims = struct.unpack(f">{ndims}I", head[4:])
            declared = (Words(QT_TRANSLATE_NOOP("core", "{count:,} images of {height}×{width}"),
                              count=dims[0], height=dims[1], width=dims[2]) if images
                        else Words(QT_TRANSLATE_NOOP("core", "{count:,} labels"), count=dims[0]))
            if 0 in dims:
                raise DataFileError(
                    path, QT_TRANSLATE_NOOP("core", "the header declares {declared}: there is no data"),
                    declared=declared)
            need = math.prod(dims)
            if count is not None and dims[0] != count[0]:
                raise DataFileError(
                    count[1], QT_TRANSLATE_NOOP("core", "{images:,} images but {labels:,} labels in {name}"),
                    images=count[0], labels=dims[0], name=path.name)
            check_budget(path, need, 1, Words(QT_TRANSLATE_NOOP("core", "the header's {declared}"),
                                              declared=declared))
            if not is_gz:
                have = os.fstat(raw.fileno()).st_size - len(head)
                if need > have:
                    raise DataFileError(
                        path, QT_TRANSLATE_NOOP("core", "truncated: header declares {declared} "
                                                        "({need:,} bytes) but the file holds {have:,}"),
                        declared=declared, need=need, have=have)
            data = _read_at_most(f, need + 1)
        except (EOFError, zlib.error, gzip.BadGzipFile) as e:
            raise DataFileError(
                path, QT_TRANSLATE_NOOP("core", "the gzip data is damaged or cut off ({reason})"),
                reason=str(e)) from None
    if len(data) < need:
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "truncated: header declares {declared} ({need:,} bytes) "
                                            "but the file holds {have:,}"),
            declared=declared, need=need, have=len(data))
    if len(data) > need:
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "the file holds more than the {need:,} bytes its header "
                                            "declares ({declared}); is it really {what}?"),
            need=need, declared=declared, what=what)
    return np.frombuffer(data, dtype=np.uint8).reshape(dims)


# --- NPZ ---------------------------------------------------------------------------

def load_npz(path) -> RawData:
    """x_train, y_train and optionally x_test, y_test, as in Keras's mnist.npz."""
    path = Path(path)
    arrays = read_npz(path, ("x_train", "y_train"), optional=("x_test", "y_test"),
                      expected=Words(QT_TRANSLATE_NOOP("core", "x_train, y_train and optionally x_test, "
                                                               "y_test")),
                      budget=MEMORY_BUDGET, bytes_per_value=BYTES_PER_VALUE)
    if ("x_test" in arrays) != ("y_test" in arrays):
        absent = "y_test" if "x_test" in arrays else "x_test"
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "missing {absent}: x_test and y_test go together"),
            absent=absent)
    return _assemble(path, arrays["x_train"], arrays["y_train"], arrays.get("x_test"), arrays.get("y_test"))


def read_npz(path, keys, optional=(), expected: str = "", budget: int = MEMORY_BUDGET,
             bytes_per_value: int = 0) -> dict:
    """The named arrays of an .npz archive, sizes checked before anything is allocated.

    Every key in `keys` must be there; those in `optional` are read when present.
    Pickled objects are refused, never parsed. `expected` words the layout for messages
    (Words, so that the window can translate it).
    The arrays' bytes, and bytes_per_value more for every value (what loading them
    will allocate besides), must stay within `budget`."""
    path = Path(path)
    check_regular(path)
    with _file_errors(path):
        with open(path, "rb") as f:
            head = f.read(6)
        if not head:
            raise DataFileError(path, QT_TRANSLATE_NOOP("core", "the file is empty"))
        if head.startswith(b"\x93NUMPY"):
            raise DataFileError(
                path, QT_TRANSLATE_NOOP("core", "this is a single .npy array; tfdesk needs an .npz "
                                                "holding {expected}, see numpy.savez"),
                expected=expected)
        if not head.startswith(b"PK"):
            raise DataFileError(
                path, QT_TRANSLATE_NOOP("core", "not an .npz file (an .npz is a zip archive of "
                                                "arrays, as written by numpy.savez)"))
        try:
            with zipfile.ZipFile(path) as zf:
                members = {i.filename.removesuffix(".npy"): i for i in zf.infolist()}
                missing = [k for k in keys if k not in members]
                if missing:
                    held = ", ".join(sorted(members)) or Words(QT_TRANSLATE_NOOP("core", "nothing"))
                    raise DataFileError(
                        path, QT_TRANSLATE_NOOP("core", "missing {missing} (the file holds {held}); "
                                                        "expected {expected}"),
                        missing=and_list(missing), held=held, expected=expected)
                wanted = list(keys) + [k for k in optional if k in members]
                left = [budget]
                return {k: _read_npy_member(path, zf, members[k], k, left, bytes_per_value)
                        for k in wanted}
        except (zipfile.BadZipFile, EOFError, zlib.error, ValueError,
                NotImplementedError, RuntimeError) as e:
            raise DataFileError(
                path, QT_TRANSLATE_NOOP("core", "the .npz archive is damaged or unreadable ({reason})"),
                reason=str(e)) from None


def _read_npy_member(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, key: str,
                     budget: list[int], bytes_per_value: int) -> np.ndarray:
    # Read by hand rather than np.load: the header's shape is checked against the
    # member's size before allocating, and pickled objects are never even parsed.
    with zf.open(info) as f:
        version = npy_format.read_magic(f)
        if version == (1, 0):
            shape, fortran, dtype = npy_format.read_array_header_1_0(f)
        else:
            shape, fortran, dtype = npy_format.read_array_header_2_0(f)
        if dtype.hasobject:
            raise DataFileError(
                path, QT_TRANSLATE_NOOP("core", "{key} holds Python objects (pickled data), which "
                                                "tfdesk refuses to load because unpickling can run "
                                                "code; save plain numeric arrays"),
                key=key)
        count = math.prod(shape)
        need, have = count * dtype.itemsize, info.file_size - f.tell()
        if need > have:
            raise DataFileError(
                path, QT_TRANSLATE_NOOP("core", "{key} declares shape {shape} ({need:,} bytes) but "
                                                "its part of the archive holds {have:,} bytes; is the "
                                                "file damaged?"),
                key=key, shape=shape, need=need, have=have)
        cost = need + count * bytes_per_value
        if cost > budget[0]:
            raise DataFileError(
                path, QT_TRANSLATE_NOOP("core", "{key} declares shape {shape}, which would take "
                                                "{need_gb:.1f} GB of memory once loaded; tfdesk loads "
                                                "data sets up to {budget_gb:.0f} GB. Is the file damaged?"),
                key=key, shape=shape, need_gb=cost / 1024**3, budget_gb=MEMORY_BUDGET / 1024**3)
        budget[0] -= cost
        data = _read_at_most(f, need + 1)  # one more byte reaches the end, where zipfile checks the CRC
    if len(data) < need:
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "{key} is truncated: {have:,} of {need:,} bytes"),
            key=key, have=len(data), need=need)
    if count == 0:
        return np.zeros(shape, dtype)
    return np.frombuffer(data, dtype=dtype, count=count).reshape(shape, order="F" if fortran else "C")


# --- CSV ---------------------------------------------------------------------------

def load_csv(path) -> RawData:
    """Label in the first column, features after it; an optional header row first."""
    path = Path(path)
    check_regular(path, max_bytes=MAX_CSV_BYTES)
    with _file_errors(path):
        values = _csv_fast(path)
        if values is None:
            values = _csv_scan(path)  # slow, but names the row and column that is wrong
    x, y = values[:, 1:], values[:, 0]
    side = math.isqrt(x.shape[1])
    if side > 1 and side * side == x.shape[1]:
        x = x.reshape(len(x), side, side)
    return _assemble(path, x, y, names=(Words(QT_TRANSLATE_NOOP("core", "features")),
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


# --- checks shared by every format ---------------------------------------------------

def _assemble(path, x_train, y_train, x_test=None, y_test=None,
              names=("x_train", "y_train", "x_test", "y_test"), where=None) -> RawData:
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
