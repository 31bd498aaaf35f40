""".npz archives: Keras-style data sets, and read_npz for any archive of named arrays.

Each member's header is checked against its size and the memory budget before it is
read, and pickled objects are refused, never parsed.
"""

from __future__ import annotations

import math
import zipfile
import zlib
from pathlib import Path

import numpy as np
from numpy.lib import format as npy_format

from .errors import DataFileError
from .i18n import QT_TRANSLATE_NOOP, Words, and_list
from .raw_data import RawData, assemble
from .read_limits import BYTES_PER_VALUE, MEMORY_BUDGET, check_regular, file_errors, read_at_most


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
    return assemble(path, arrays["x_train"], arrays["y_train"], arrays.get("x_test"), arrays.get("y_test"))


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
    with file_errors(path):
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
        data = read_at_most(f, need + 1)  # one more byte reaches the end, where zipfile checks the CRC
    if len(data) < need:
        raise DataFileError(
            path, QT_TRANSLATE_NOOP("core", "{key} is truncated: {have:,} of {need:,} bytes"),
            key=key, have=len(data), need=need)
    if count == 0:
        return np.zeros(shape, dtype)
    return np.frombuffer(data, dtype=dtype, count=count).reshape(shape, order="F" if fortran else "C")
