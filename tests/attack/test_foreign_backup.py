"""A backup of another store is recognised before it replaces this one.

Before: a backup of a different store that happened to have the same user name
and password restored without a word, replacing every case. Each store has an
id from its creation (in its key slots, bound to every slot as associated
data); a restore compares the backup's with the live store's and refuses a
different one unless told (``--other-store``; in the window, a question).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import new_store

from idcheck.store import CaseDetails, OtherStore, Store, restore
from idcheck.store.slotfile import read_slots

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"


def make_store(path: Path, reference: str) -> Path:
    s, _ = new_store(path)
    s.create_case(CaseDetails(reference=reference))
    s.lock()
    return path


def references(path: Path) -> list[str]:
    s = Store.open(path, "anna", PASSWORD)
    try:
        return [c.reference for c in s.list_cases()]
    finally:
        s.lock()


def backup_of(path: Path, target: Path) -> Path:
    s = Store.open(path, "anna", PASSWORD)
    try:
        return s.backup(target)
    finally:
        s.lock()


@pytest.fixture
def ours(tmp_path: Path) -> Path:
    return make_store(tmp_path / "ours", "OURS-1")


@pytest.fixture
def theirs_backup(tmp_path: Path) -> Path:
    """A backup of another office's store: same user name, same password."""
    other = make_store(tmp_path / "theirs", "THEIRS-1")
    return backup_of(other, tmp_path / "theirs.idcheck-backup")


def idcheck(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    pw = data.parent / "pw"
    pw.write_text(PASSWORD + "\n")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "idcheck",
            "--data-dir",
            str(data),
            *args,
            "--user",
            "anna",
            "--password-file",
            str(pw),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )


def test_a_backup_of_another_store_is_refused_and_nothing_replaced(ours, theirs_backup):
    inode = (ours / "idcheck.db").stat().st_ino
    with pytest.raises(OtherStore) as e:
        restore(ours, theirs_backup, "anna", PASSWORD)
    assert "backup of another store" in str(e.value) and "Nothing was replaced" in str(e.value)
    assert e.value.live_id == read_slots(ours).store_id != e.value.backup_id
    assert (ours / "idcheck.db").stat().st_ino == inode
    assert list(ours.glob("*.replaced")) == []
    assert references(ours) == ["OURS-1"]


def test_the_command_refuses_it_and_says_how_to_confirm(ours, theirs_backup):
    r = idcheck(ours, "db", "restore", str(theirs_backup))
    assert r.returncode == 2, r.stdout + r.stderr
    assert r.stderr.count("\n") == 1 and "another store" in r.stderr
    assert "--other-store" in r.stderr
    assert references(ours) == ["OURS-1"]
    r = idcheck(ours, "db", "restore", str(theirs_backup), "--other-store")
    assert r.returncode == 0, r.stderr
    assert references(ours) == ["THEIRS-1"]
    assert list(ours.glob("idcheck.db*.replaced*"))  # the replaced store is kept


def test_the_same_store_restores_without_a_question(ours, tmp_path):
    own = backup_of(ours, tmp_path / "own.idcheck-backup")
    s = Store.open(ours, "anna", PASSWORD)
    s.create_case(CaseDetails(reference="OURS-2"))
    s.lock()
    assert restore(ours, own, "anna", PASSWORD).ok
    assert references(ours) == ["OURS-1"]


def test_onto_an_empty_folder_any_backup_restores(tmp_path, theirs_backup):
    fresh = tmp_path / "new-laptop"
    assert restore(fresh, theirs_backup, "anna", PASSWORD).ok
    assert references(fresh) == ["THEIRS-1"]
