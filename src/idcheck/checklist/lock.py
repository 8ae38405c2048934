"""The lock file: the SHA-256 of every published checklist version.

A published ``<id>/<version>.yaml`` never changes (design invariant 1): a
screening pins the hash of the text it was answered under. ``checklists.lock``
lists one line per published file, sorted::

    intake-screen/1.0.0.yaml 3f2a...

:func:`check_lock` reports a published file whose bytes changed, a listed file
that is missing, and a file that is not listed yet. ``directory.yaml`` is the
site's own and is not locked.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from idcheck.checklist.catalogue import LOCK_NAME, entries
from idcheck.files import atomic_write

HEADER = (
    "# SHA-256 of every published checklist version. A published version never changes:\n"
    "# publish a new version instead. Written by `idcheck checklist lock`.\n"
)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def current_hashes(root: Path) -> dict[str, str]:
    """``<id>/<version>.yaml`` -> sha256 for every file in the catalogue."""
    return {f"{e.id}/{e.version}.yaml": file_sha256(e.path) for e in entries(root)}


def read_lock(root: Path) -> dict[str, str]:
    """The lock file's entries; a missing lock file reads as empty."""
    path = root / LOCK_NAME
    if not path.exists():
        return {}
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, _, digest = line.partition(" ")
        out[name] = digest.strip()
    return out


def write_lock(root: Path) -> dict[str, str]:
    """Write the lock for every file now in the catalogue (atomically); return it."""
    hashes = current_hashes(root)
    body = HEADER + "".join(f"{name} {digest}\n" for name, digest in sorted(hashes.items()))
    atomic_write(root / LOCK_NAME, body)
    return hashes


def check_lock(root: Path) -> list[str]:
    """Every way the catalogue differs from its lock file, one message each."""
    locked = read_lock(root)
    now = current_hashes(root)
    problems: list[str] = []
    if not (root / LOCK_NAME).exists():
        problems.append(f"{root / LOCK_NAME}: no lock file; run `idcheck checklist lock`")
    for name, digest in sorted(locked.items()):
        if name not in now:
            problems.append(f"{name}: listed in {LOCK_NAME} but missing")
        elif now[name] != digest:
            problems.append(
                f"{name}: changed since it was published (sha256 {now[name][:12]}, "
                f"locked {digest[:12]}); publish a new version instead"
            )
    for name in sorted(set(now) - set(locked)):
        problems.append(f"{name}: not in {LOCK_NAME}; run `idcheck checklist lock` to publish it")
    return problems
