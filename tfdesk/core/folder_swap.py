"""Replacing a folder with a finished new one, so that no reader ever finds it missing.

A checkpoint is written into a staging folder beside its target and swapped in
once complete. On Linux the swap is one atomic step (renameat2 with
RENAME_EXCHANGE): the folder's name always holds a whole checkpoint, old or new,
so the course's own restore code never sees it missing. Elsewhere it takes two
renames, the old folder kept aside until the new one is in place and put back if
the second rename fails; `recover` finishes the job after a crash in between.
Staging and aside folders left by a killed process are removed on the next save.
A target that is a symbolic link keeps being one: the folder it points to is swapped.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import re
import shutil
import sys
import time
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
# Windows: a file still open in a virus scanner or an indexer blocks a rename for a moment.
_RETRIES = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6)


def real_target(folder: Path) -> Path:
    """Where to write: through a link to the folder it names (the link stays a link)."""
    folder = Path(folder).absolute()
    return folder.resolve() if folder.is_symlink() else folder


def staging_for(folder: Path) -> Path:
    return folder.parent / f".{folder.name}.saving-{os.getpid()}"


def _aside_for(folder: Path) -> Path:
    return folder.parent / f".{folder.name}.old-{os.getpid()}"


def leftovers(folder: Path) -> list[Path]:
    """Staging and aside folders of this target left by processes that are gone."""
    pattern = re.compile(rf"^\.{re.escape(folder.name)}\.(saving|old)-(\d+)$")
    found = []
    for path in folder.parent.glob(f".{glob_escape(folder.name)}.*"):
        match = pattern.match(path.name)
        if match and path.is_dir() and not _alive(int(match.group(2))):
            found.append(path)
    return found


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this process is not saving this target now: it would be the caller
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: leave its folders alone
    return True


def swap_in(staging: Path, folder: Path) -> None:
    """Put the finished `staging` folder at `folder`; the old folder there is removed."""
    if not folder.exists():
        _retrying(os.replace, staging, folder)
        return
    if _exchange(staging, folder):
        shutil.rmtree(staging, ignore_errors=True)  # it now holds the old checkpoint
        return
    aside = _aside_for(folder)
    if aside.exists():
        shutil.rmtree(aside)
    _retrying(os.replace, folder, aside)
    try:
        _retrying(os.replace, staging, folder)
    except OSError:
        try:
            _retrying(os.replace, aside, folder)  # the old one back where it was
        except OSError:
            pass  # recover() will find it: it holds a whole checkpoint
        raise  # the caller says the save failed; the new copy stays in staging
    shutil.rmtree(aside, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux 3.15+); False where that cannot be done."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False  # a libc without renameat2 (glibc < 2.28, musl)
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False  # a file system that cannot exchange: two renames instead
    raise OSError(code, os.strerror(code), str(b))


def _retrying(operation, *args) -> None:
    for pause in _RETRIES + (None,):
        try:
            operation(*args)
            return
        except PermissionError:
            if pause is None or os.name != "nt":
                raise
            time.sleep(pause)


def recover(folder: Path) -> Path:
    """If a save died between its two renames, put the newest finished copy back."""
    folder = Path(folder).absolute()
    if folder.exists():
        return folder
    complete = [p for p in leftovers(folder) if (p / "tfdesk.json").is_file()]
    if complete:
        newest = max(complete, key=lambda p: (p / "tfdesk.json").stat().st_mtime)
        os.replace(newest, folder)
    return folder


def probe(folder: Path) -> None:
    """Raise OSError now if a folder cannot be made beside `folder` (read-only, no such
    place): better before a run than after it. Leaves nothing behind."""
    created = []
    parent = folder.parent
    while not parent.exists():
        created.append(parent)
        parent = parent.parent
    staging = staging_for(folder)
    try:
        for path in reversed(created):
            path.mkdir()
        staging.mkdir()
        staging.rmdir()
    finally:
        for path in created:
            try:
                path.rmdir()
            except OSError:
                pass
