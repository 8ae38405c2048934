"""Where a command or the window may write a file it produces (a referral, a
letter, statistics, a backup): never over the store's own files.

One check for every writer. The path is resolved (symbolic links followed) and
compared by name with the store's files in the data folder, and by inode with
every one of them (a hard link to the database is the database). Any folder that
holds an idcheck store is protected the same way, so a second store, or the one
being restored into, is safe too.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from idcheck.paths import DB_NAME, SLOT_FILES, store_exists
from idcheck.store.errors import InvalidInput
from idcheck.store.lockout import LOCKOUT_FILE

LOCK_NAME = "idcheck.lock"
#: The store's own files, by name, in its data folder.
STORE_FILES = (
    DB_NAME,
    f"{DB_NAME}-wal",
    f"{DB_NAME}-shm",
    f"{DB_NAME}-journal",
    *SLOT_FILES,
    LOCK_NAME,
    LOCKOUT_FILE,
)
# The copies a restore keeps (name.replaced, name.replaced.2 …) and the temporary
# names of the store's atomic writes.
_NAMES = "|".join(re.escape(n) for n in STORE_FILES)
_KEPT = re.compile(rf"^(?:{_NAMES})\.replaced(?:\.\d+)?$")
_TEMP = re.compile(rf"^\.(?:{_NAMES})\.")


class UnsafeOutput(InvalidInput):
    """An output path names one of the store's own files, or cannot be written.
    ``str(e)`` is "PATH: reason"; ``reason`` is the reason alone."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


def is_store_file(name: str) -> bool:
    """Whether ``name`` (a file name, no folder) is one the store keeps."""
    return name in STORE_FILES or bool(_KEPT.match(name) or _TEMP.match(name))


def _protected_inodes(folder: Path) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        if is_store_file(entry.name):
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            found.add((st.st_dev, st.st_ino))
    return found


def check_output(target: Path | str, data_dir: Path | str | None = None) -> Path:
    """The path to write, or :class:`UnsafeOutput` with a one-line message.

    Refused: a folder, a missing folder, and any of the store's own files in
    ``data_dir`` or in any folder that holds a store, reached directly, through
    a symbolic link, or as a hard link (same inode).
    """
    given = Path(target)
    if str(target) == "" or given.name in ("", ".", ".."):
        raise UnsafeOutput(target, "not a file name")
    if given.is_dir():
        raise UnsafeOutput(given, "is a folder; give a file name in it")
    real = Path(os.path.realpath(given))
    parent = real.parent
    if not parent.is_dir():
        raise UnsafeOutput(given, f"the folder {given.parent} does not exist")
    if real.is_dir():
        raise UnsafeOutput(given, "is a folder; give a file name in it")
    folders = {parent}
    if data_dir is not None:
        folders.add(Path(os.path.realpath(data_dir)))
    if is_store_file(real.name) and (
        parent in folders or store_exists(parent) or _has_kept_copies(parent)
    ):
        raise UnsafeOutput(
            given,
            "that is one of the store's own files; it was not overwritten "
            "(choose another name or folder)",
        )
    try:
        st = os.stat(real)
    except OSError:
        return real
    for folder in folders:
        if (st.st_dev, st.st_ino) in _protected_inodes(folder):
            raise UnsafeOutput(
                given,
                "that is one of the store's own files (a link to it); "
                "it was not overwritten (choose another name or folder)",
            )
    return real


def _has_kept_copies(folder: Path) -> bool:
    try:
        return any(_KEPT.match(e.name) for e in os.scandir(folder))
    except OSError:
        return False


def replaced_suffix(folder: Path, names: tuple[str, ...]) -> str:
    """The suffix for the copies a restore keeps of ``names``: ``.replaced`` the
    first time, then ``.replaced.2``, ``.replaced.3`` … one number for the whole
    set, chosen so that no earlier copy is ever overwritten."""
    n = 1
    while True:
        suffix = ".replaced" if n == 1 else f".replaced.{n}"
        if not any(os.path.lexists(folder / f"{name}{suffix}") for name in names):
            return suffix
        n += 1
