"""A full disk and crashes around the audit row: a backup is never written whole
without its ``backup`` row (an insider cannot fill the disk to export everything
unseen), and a process killed between a password change's audit row and its key
slot never leaves a changed password without its row. The disk is a real, small
tmpfs (skipped, saying why, where one cannot be mounted)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from idcheck.store import DiskFull, Store, StoreError

PASSWORD = "correct horse battery"
NEW_PASSWORD = "a new password 42"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def small_disk(tmp_path):
    mnt = tmp_path / "small"
    mnt.mkdir()
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)], capture_output=True, text=True
    )
    if r.returncode != 0:
        reason = (r.stderr.strip().splitlines() or ["mount failed"])[0]
        pytest.skip(f"cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): {reason}")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    # Unbuffered: a buffered file's close would flush the rest and raise ENOSPC.
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass
    return filler


def _actions(s: Store) -> list[str]:
    with s.engine.connect() as conn:
        return [a for (a,) in conn.exec_driver_sql("SELECT action FROM audit ORDER BY seq")]


def test_no_backup_without_its_row_when_the_stores_disk_is_full(template, small_disk, tmp_path):
    data_dir = small_disk / "store"
    shutil.copytree(template.path, data_dir)
    target = tmp_path / "elsewhere" / "b.idcheck"  # another disk, with room
    target.parent.mkdir()
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        before = _actions(s).count("backup")
        filler = _fill(small_disk)
        with pytest.raises(StoreError) as info:
            s.backup(target)
        assert isinstance(info.value, DiskFull), info.value
        assert not target.exists()
        assert [p for p in target.parent.iterdir()] == []  # no partial copy either
        filler.unlink()
        assert _actions(s).count("backup") == before
        s.backup(target)
        assert target.exists() and _actions(s).count("backup") == before + 1
        assert s.verify().ok
    finally:
        s.lock()


def test_a_full_target_disk_leaves_a_row_and_no_partial_file(data_dir, small_disk):
    target = small_disk / "b.idcheck"
    filler = _fill(small_disk)
    with Store.open(data_dir, "anna", PASSWORD) as s:
        with pytest.raises(DiskFull):
            s.backup(target)
        actions = _actions(s)
        assert actions[-2:] == ["backup", "backup-failed"]
    assert not target.exists()
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]
    filler.unlink()


def test_no_htcds_export_without_its_row_when_the_stores_disk_is_full(
    template, small_disk, tmp_path
):
    """The export is written elsewhere; when its audit row cannot be written, the
    file is removed again: no export of every case's data unseen."""
    from idcheck.report import htcds, htcds_out
    from idcheck.store import CaseDetails

    made = template.copy(tmp_path / "made")
    with Store.open(made, "anna", PASSWORD) as s:
        s.create_case(CaseDetails(reference="2026-DF", given_name="Amira"))
    (made / "idcheck.lock").unlink(missing_ok=True)
    data_dir = small_disk / "store"
    shutil.copytree(made, data_dir)
    target = tmp_path / "elsewhere" / "cases.json"
    target.parent.mkdir()
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        export = htcds.build(htcds.collect(s), s.site_profile())
        before = _actions(s).count("htcds-exported")
        filler = _fill(small_disk)
        with pytest.raises(StoreError) as info:
            htcds_out.save(s, export, target, "json")
        assert isinstance(info.value, DiskFull), info.value
        assert list(target.parent.iterdir()) == []  # no file, no temporary one
        filler.unlink()
        assert _actions(s).count("htcds-exported") == before
        htcds_out.save(s, export, target, "json")
        assert "Amira" in target.read_text("utf-8")
        assert _actions(s).count("htcds-exported") == before + 1
    finally:
        s.lock()


CRASH = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from idcheck.store import Store, slotfile
    data_dir, where = Path(sys.argv[1]), sys.argv[2]
    s = Store.open(data_dir, "anna", {password!r})
    real_write = slotfile.write_file
    def crash_before(path, data):
        os._exit(9)
    def crash_after_first(path, data):
        real_write(path, data)
        os._exit(9)
    slotfile.write_file = crash_before if where == "before-slot" else crash_after_first
    s.set_password({password!r}, {new!r})
    os._exit(0)
""").format(password=PASSWORD, new=NEW_PASSWORD)


@pytest.mark.parametrize("where", ["before-slot", "after-one-slot-copy"])
def test_a_crash_around_a_password_change_never_leaves_it_unaudited(data_dir, where):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run(
        [sys.executable, "-c", CRASH, str(data_dir), where],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 9, r.stderr
    (data_dir / "idcheck.lock").unlink(missing_ok=True)
    opened = None
    for pw in (NEW_PASSWORD, PASSWORD):
        try:
            opened = Store.open(data_dir, "anna", pw)
            used = pw
            break
        except StoreError:
            continue
    assert opened is not None, "the crash left no way in"
    try:
        actions = _actions(opened)
        if used == NEW_PASSWORD:
            assert "password-changed" in actions
        assert opened.verify().ok
    finally:
        opened.lock()
