"""Writing a file so that a crash or a power cut leaves the old file or the new one,
never half of either: the one helper every part of idcheck writes files through.

It imports nothing of idcheck, so the checklist lock, the store's key slots, the
window's preferences and the printed reports all use the same code. Callers that
need their own words for a failure (the store's ``DiskFull``) catch ``OSError``
and translate it; :func:`is_disk_full` and :func:`is_read_only` say which it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from pathlib import Path

__all__ = [
    "atomic_write",
    "file_stem",
    "fsync_dir",
    "fsync_path",
    "is_disk_full",
    "is_read_only",
]

_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_READ_ONLY = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


def file_stem(text: str, default: str = "case") -> str:
    """``text`` (a case reference) as the start of a suggested file name: letters
    of any script, digits, ``.``, ``_`` and ``-``; a run of anything else (a
    slash, a line break, a colon, a direction mark) becomes one ``-``."""
    return re.sub(r"[^\w.-]+", "-", text).strip("-.") or default


def fsync_path(path: Path) -> None:
    """Flush one file (or folder) to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` survive a power cut. Windows cannot open a
    folder for syncing, and some file systems refuse: both are left as they are."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fsync_path(path)


def atomic_write(path: Path, data: bytes | str, *, sync_dir: bool = True) -> None:
    """Write ``data`` to ``path`` under a temporary name in the same folder, sync it,
    rename it over ``path``, then sync the folder. On any failure the temporary
    file is removed and ``path`` is as it was; the ``OSError`` is raised unchanged."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if sync_dir:
        fsync_dir(path.parent)


def is_disk_full(e: BaseException) -> bool:
    """The disk (or the user's quota) is full."""
    return isinstance(e, OSError) and e.errno in _FULL


def is_read_only(e: BaseException) -> bool:
    """The folder cannot be written: read-only medium or no permission."""
    return isinstance(e, OSError) and e.errno in _READ_ONLY
