"""MNIST's IDX files: an images/labels pair, plain or .gz, or a folder of the pairs.

The header's sizes are checked against what the file holds, and the labels' count
against the images', before the data is read.
"""

from __future__ import annotations

import gzip
import math
import os
import struct
import zlib
from pathlib import Path

import numpy as np

from .errors import DataFileError
from .i18n import QT_TRANSLATE_NOOP, Words
from .raw_data import RawData, assemble
from .read_limits import check_budget, file_errors, read_at_most

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
    return assemble(images_path, x, y, names=(images_path.name, labels_path.name, "", ""))


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
    return assemble(folder, x, y, xt, yt, names=(train_x.name, train_y.name, *test_names))


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
    with file_errors(path), open(path, "rb") as raw:
        is_gz = raw.read(2) == b"\x1f\x8b"  # by content: names lie more often than bytes
        raw.seek(0)
        f = gzip.GzipFile(fileobj=raw) if is_gz else raw
        try:
            head = read_at_most(f, 4 + 4 * ndims)
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
            data = read_at_most(f, need + 1)
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
