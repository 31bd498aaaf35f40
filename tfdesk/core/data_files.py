"""Loaders for the data files participants bring: MNIST IDX, Keras-style .npz and CSV.

load_file reads a file as the format it names, or as its name says, and returns
RawData in raw units or raises DataFileError with a message the participant can act
on. Each format has its module (idx_files, npz_files, csv_files); read_limits says
what reading may cost and raw_data checks the arrays every format yields.
Only numpy and the standard library here: the CLI and the headless server use it.
"""

from __future__ import annotations

from pathlib import Path

from .csv_files import load_csv
from .errors import DataFileError
from .i18n import QT_TRANSLATE_NOOP, Words
from .idx_files import load_idx
from .npz_files import load_npz
from .raw_data import RawData
from .read_limits import check_regular

_SUPPORTED = Words(QT_TRANSLATE_NOOP(
    "core", "supported formats: idx (MNIST *-ubyte files, plain or .gz, or a folder of them), "
            "npz (x_train, y_train, x_test, y_test as in Keras's mnist.npz), "
            "csv (label in the first column, features after it)"))


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
