"""Where the store lives: ``--data-dir``, else ``$IDCHECK_DATA_DIR``, else the
platform's user data folder (e.g. ``~/.local/share/idcheck`` on Linux)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("IDCHECK_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return user_data_path("idcheck", appauthor=False)


#: The encrypted database and the key slot files, in the data folder.
DB_NAME = "idcheck.db"
SLOT_FILES = ("keyslots.0.json", "keyslots.1.json")


def store_exists(folder: Path) -> bool:
    """Whether ``folder`` holds a store (a database file or key slots). Cheap: the
    window asks before anything heavy is imported."""
    return (folder / DB_NAME).exists() or any((folder / n).exists() for n in SLOT_FILES)
