"""What reading a user's file may cost, checked before a byte of it is read.

Only regular files are read (a FIFO or a device such as /dev/zero is refused), a file
may be refused for its size alone, and every size a file declares is weighed against
MEMORY_BUDGET before anything of that size is allocated: a damaged or hostile file
fails at once instead of eating memory. The operating system's complaints about a
file become DataFileError. Only the standard library here.
"""

from __future__ import annotations

import contextlib
import stat
from pathlib import Path

from .errors import DataFileError
from .i18n import QT_TRANSLATE_NOOP

# What loading one data set may allocate. Each value read is converted to float32,
# scaled, split and copied into the graph: about 16 bytes besides its own, which is
# what the budget counts (MNIST's 55 million values: about 0.9 GB).
MEMORY_BUDGET = 2 * 1024**3
BYTES_PER_VALUE = 16
_CHUNK = 1 << 20


@contextlib.contextmanager
def file_errors(path):
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
    with file_errors(path):
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


def read_at_most(f, limit: int) -> bytearray:
    # Grows with what the stream really yields, so a lying size costs nothing.
    buf = bytearray()
    while len(buf) < limit:
        chunk = f.read(min(_CHUNK, limit - len(buf)))
        if not chunk:
            break
        buf += chunk
    return buf
