"""Installed checklists: where they live and which versions exist.

Layout: ``<root>/<id>/<version>.yaml`` (checklists and referral routes alike),
``<root>/checklists.lock`` with the SHA-256 of every published version, and
``<root>/directory.yaml`` with the site's local contacts.

The root is, in order: ``$IDCHECK_CHECKLISTS``; the folder bundled into a frozen
build; the ``checklists/`` folder of a source checkout.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from idcheck.checklist.loader import ChecklistError, Problem, load_any
from idcheck.checklist.model import Checklist, Routes, parse_ref

LOCK_NAME = "checklists.lock"
DIRECTORY_NAME = "directory.yaml"


def bundled_root() -> Path:
    """The folder holding the installed checklists."""
    env = os.environ.get("IDCHECK_CHECKLISTS")
    if env:
        return Path(env)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "checklists"
    # A source checkout: src/idcheck/checklist/catalogue.py -> <repo>/checklists
    return Path(__file__).resolve().parents[3] / "checklists"


def _version_key(v: str) -> tuple[int, ...]:
    return tuple(int(p) for p in v.split("."))


@dataclass(frozen=True, slots=True)
class Entry:
    """One published file in the catalogue."""

    id: str
    version: str
    path: Path

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"


def entries(root: Path | None = None) -> list[Entry]:
    """Every ``<id>/<version>.yaml`` under root, sorted by id then version."""
    root = root or bundled_root()
    out: list[Entry] = []
    if not root.is_dir():
        return out
    for d in sorted(p for p in root.iterdir() if p.is_dir()):
        for f in d.glob("*.yaml"):
            try:
                _version_key(f.stem)
            except ValueError:
                continue
            out.append(Entry(d.name, f.stem, f))
    out.sort(key=lambda e: (e.id, _version_key(e.version)))
    return out


def newest_entries(root: Path | None = None) -> list[Entry]:
    """The newest version of every installed id, sorted by id: what a new
    screening uses (older versions stay installed for the screenings made with
    them, which keep their own copy of the text)."""
    newest: dict[str, Entry] = {}
    for e in entries(root):
        newest[e.id] = e  # sorted by id, then version: the last one wins
    return list(newest.values())


def find(ref: str, root: Path | None = None) -> Entry:
    """The entry for ``ID`` (latest version) or ``ID@VERSION``; KeyError if none."""
    ident, version = parse_ref(ref)
    matches = [e for e in entries(root) if e.id == ident]
    if version is not None:
        matches = [e for e in matches if e.version == version]
    if not matches:
        raise KeyError(ref)
    return matches[-1]


def load_entry(entry: Entry) -> Checklist | Routes:
    """The validated file of ``entry`` (read and checked once per process for each
    content: the loader keeps every validated text by its SHA-256)."""
    _doc, obj = load_any(entry.path)
    if not isinstance(obj, Checklist | Routes):
        raise ChecklistError(
            [Problem(str(entry.path), 1, 1, "expected a checklist or routes file")]
        )
    return obj


def load_bundled(ref: str, root: Path | None = None) -> Checklist:
    """Load an installed checklist by ``ID`` or ``ID@VERSION``."""
    obj = load_entry(find(ref, root))
    if not isinstance(obj, Checklist):
        raise KeyError(f"{ref} is not a checklist")
    return obj


def load_routes_ref(ref: str, root: Path | None = None) -> Routes:
    obj = load_entry(find(ref, root))
    if not isinstance(obj, Routes):
        raise KeyError(f"{ref} is not a routes file")
    return obj
