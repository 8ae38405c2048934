"""Hostile backups: a slot file of ``[]``, a decompression bomb, a backup that is a
FIFO or a folder. Each is refused in one line with the live store untouched, and
the bomb is refused before anything is unpacked."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from idcheck.store import Store, StoreError, restore

PASSWORD = "correct horse battery"


def _live(data_dir: Path) -> dict[str, bytes]:
    return {
        n: (data_dir / n).read_bytes() for n in ("idcheck.db", "keyslots.0.json", "keyslots.1.json")
    }


@pytest.fixture
def backup(data_dir, tmp_path) -> Path:
    b = tmp_path / "b.idcheck"
    with Store.open(data_dir, "anna", PASSWORD) as s:
        s.backup(b)
    return b


def _rewrite(
    src: Path,
    dst: Path,
    replace: dict[str, bytes],
    compress: int = zipfile.ZIP_STORED,
    extra: dict[str, bytes] | None = None,
) -> None:
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", compression=compress) as out:
        for name in z.namelist():
            out.writestr(name, replace.get(name, z.read(name)))
        for name, data in (extra or {}).items():
            out.writestr(name, data)


def test_a_backup_whose_slot_files_are_an_empty_list(data_dir, backup, tmp_path, cli, pwfile):
    bad = tmp_path / "bad.idcheck"
    _rewrite(backup, bad, {"keyslots.0.json": b"[]", "keyslots.1.json": b"[]"})
    before = _live(data_dir)
    r = cli(
        "db",
        "restore",
        str(bad),
        "--user",
        "anna",
        "--password-file",
        str(pwfile),
        data_dir=data_dir,
    )
    assert r.returncode == 3, r.stderr
    assert "damaged" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert _live(data_dir) == before


def test_a_decompression_bomb_is_refused_before_it_unpacks(data_dir, backup, tmp_path):
    bomb = tmp_path / "bomb.idcheck"
    zeros = b"\0" * (256 * 1024 * 1024)  # 256 MiB of zeros: about 250 KB deflated
    _rewrite(backup, bomb, {"idcheck.db": zeros}, compress=zipfile.ZIP_DEFLATED)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    del zeros
    before = _live(data_dir)
    with pytest.raises(StoreError, match="compressed or too large"):
        restore(data_dir, bomb, "anna", PASSWORD)
    assert _live(data_dir) == before
    # nothing unpacked is left behind in the data folder
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".restore-")]


def test_a_slot_file_member_larger_than_any_slot_file(data_dir, backup, tmp_path):
    big = tmp_path / "big.idcheck"
    _rewrite(backup, big, {"keyslots.1.json": b" " * (2 * 1024 * 1024)})
    with pytest.raises(StoreError, match="compressed or too large"):
        restore(data_dir, big, "anna", PASSWORD)


@pytest.mark.parametrize("kind", ["fifo", "folder", "missing"])
def test_a_backup_that_is_not_a_file(data_dir, tmp_path, kind, cli, pwfile):
    p = tmp_path / "odd.idcheck"
    if kind == "fifo":
        os.mkfifo(p)
    elif kind == "folder":
        p.mkdir()
    r = cli(
        "db",
        "restore",
        str(p),
        "--user",
        "anna",
        "--password-file",
        str(pwfile),
        data_dir=data_dir,
        timeout=60,
    )
    # A path that is not there or is a folder is a mistake in the command
    # (exit 2, said before the password is read); a FIFO is a file that
    # cannot be read as a backup (exit 3).
    assert r.returncode == (3 if kind == "fifo" else 2), r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert "nothing was replaced" in r.stderr or kind == "fifo", r.stderr
