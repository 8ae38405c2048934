"""Backup, restore and the store's check from a folder, through the public API."""

from __future__ import annotations

import zipfile

import pytest
from tests.conftest import PASSWORD
from tests.store.conftest import screened

from idcheck.store import NewerSchema, Store, StoreCorrupt, restore, verify_store


def test_backup_restores_to_the_same_state(store, intake, data_dir, tmp_path):
    _, sid = screened(store, intake, "B-1", {"debt": "yes"}, "full-screening")
    head_at_backup = store.audit_head()  # (the backup's own audit row comes after the copy)
    backup = store.backup(tmp_path / "copy.idcheck")
    screened(store, intake, "B-2", {"debt": "no"})  # after the backup
    store.lock()
    result = restore(data_dir, backup, "anna", PASSWORD)
    assert result.ok
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        assert [c.reference for c in s.list_cases()] == ["B-1"]
        assert s.get_screening(sid).completed
        assert s.verify(str(head_at_backup)).ok  # the restored trail holds the old head
        assert len(s.audit_trail("restore")) == 1
    finally:
        s.lock()
    assert (data_dir / "idcheck.db.replaced").exists()  # the replaced store is kept


def test_an_altered_backup_is_refused_and_the_live_store_untouched(
    store, intake, data_dir, tmp_path
):
    screened(store, intake, "A-1", {"debt": "yes"})
    backup = store.backup(tmp_path / "copy.idcheck")
    store.lock()
    # Rebuild the archive with one byte of the database changed (checksums redone,
    # so only the database's own checks can tell).
    altered = tmp_path / "altered.idcheck"
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(altered, "w") as dst:
        for name in src.namelist():
            data = bytearray(src.read(name))
            if name == "idcheck.db":
                data[len(data) // 2] ^= 0x01
            dst.writestr(name, bytes(data))
    live = {f.name: f.read_bytes() for f in data_dir.iterdir() if f.is_file()}
    with pytest.raises(StoreCorrupt):
        restore(data_dir, altered, "anna", PASSWORD)
    assert {f.name: f.read_bytes() for f in data_dir.iterdir() if f.is_file()} == live
    assert not list(data_dir.glob(".restore-*"))


def test_a_backup_written_by_a_newer_idcheck_is_refused_as_such(store, data_dir, tmp_path):
    """Said as what it is (update idcheck), not as damage, and nothing replaced."""
    with store.engine.begin() as conn:
        had = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    backup = store.backup(tmp_path / "newer.idcheck-backup")
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = ?", (had,))
    store.lock()
    live = {f.name: f.read_bytes() for f in data_dir.iterdir() if f.is_file()}
    with pytest.raises(NewerSchema, match=r"9999_from_the_future.*Nothing was replaced"):
        restore(data_dir, backup, "anna", PASSWORD)
    assert {f.name: f.read_bytes() for f in data_dir.iterdir() if f.is_file()} == live


def test_the_check_from_a_folder_reports_and_changes_nothing_when_it_fails(store, data_dir, intake):
    screened(store, intake, "V-1", {"debt": "yes"}, "full-screening")
    head = str(store.audit_head())
    store.lock()
    result = verify_store(data_dir, "anna", PASSWORD, head)
    assert result.ok and any(m.startswith("audit chain: ok") for m in result.messages)
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        with s.engine.begin() as conn:  # an edit behind the store's back
            conn.exec_driver_sql("DROP TRIGGER answers_no_update")
    finally:
        s.lock()
    before = (data_dir / "idcheck.db").read_bytes()
    failed = verify_store(data_dir, "anna", PASSWORD, head)
    assert not failed.ok and any("answers_no_update" in m for m in failed.messages)
    assert (data_dir / "idcheck.db").read_bytes() == before  # not even an unlock row
