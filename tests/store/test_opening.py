"""Opening a store: every way a store or a password can be wrong gets a clear
one-line message and changes nothing; the recovery key opens it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import PASSWORD

from idcheck.checklist import Answer
from idcheck.store import (
    CaseDetails,
    NewerSchema,
    NoStore,
    NotAStore,
    Store,
    StoreCorrupt,
    StoreInUse,
    WrongPassword,
)


def db(data_dir: Path) -> Path:
    return data_dir / "idcheck.db"


def test_recovery_key_opens_the_store(store, data_dir, template):
    store.lock()
    s = Store.open_with_recovery(data_dir, template.recovery.lower().replace("-", " "))
    try:
        assert s.user.is_admin
        s.reset_password(s.user.id, "recovered password")
    finally:
        s.lock()
    Store.open(data_dir, "anna", "recovered password").lock()
    with pytest.raises(WrongPassword):
        Store.open_with_recovery(data_dir, "AAAA-" * 7 + "AAAA")


def test_wrong_password(data_dir):
    with pytest.raises(WrongPassword) as info:
        Store.open(data_dir, "anna", "not the password")
    assert str(info.value) == "wrong user name or password"
    with pytest.raises(WrongPassword):
        Store.open(data_dir, "nobody", PASSWORD)


def test_no_store_yet(tmp_path):
    with pytest.raises(NoStore, match="there is no idcheck store"):
        Store.open(tmp_path / "empty", "anna", PASSWORD)


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\0" * 5000, "JPEG picture"),
        (b"", "empty"),
        (b"hello, I am a text file\n" * 300, "not an idcheck store"),
    ],
)
def test_foreign_file_in_place_of_the_database(data_dir, content, says):
    db(data_dir).write_bytes(content)
    with pytest.raises(NotAStore, match=says):
        Store.open(data_dir, "anna", PASSWORD)
    assert db(data_dir).read_bytes() == content  # never recreated over


def test_plain_unencrypted_sqlite_file(data_dir):
    db(data_dir).unlink()
    conn = sqlite3.connect(db(data_dir))
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = db(data_dir).read_bytes()
    with pytest.raises(NotAStore, match="plain, unencrypted SQLite file"):
        Store.open(data_dir, "anna", PASSWORD)
    assert db(data_dir).read_bytes() == before


def test_flipped_bytes_are_refused_not_recreated(data_dir, store, intake):
    cid = store.create_case(CaseDetails(reference="X"))
    sid = store.start_screening(cid, intake.checklist, intake.text, intake.sha256)
    for item in ("debt", "documents-held", "fear-threats"):
        store.record_answer(sid, item, Answer(value="yes"))
    store.lock()
    raw = bytearray(db(data_dir).read_bytes())
    for offset in range(4096 + 100, len(raw), 4096):  # one byte in every page after the first
        raw[offset] ^= 0xFF
    db(data_dir).write_bytes(bytes(raw))
    with pytest.raises(StoreCorrupt) as info:
        s = Store.open(data_dir, "anna", PASSWORD)
        try:
            s.verify()  # some damage only shows when the pages are read
            s.list_cases()
        finally:
            s.lock()
    assert "damaged" in str(info.value) or "does not open" in str(info.value)
    assert db(data_dir).read_bytes() == bytes(raw)


def test_newer_schema_is_refused_untouched(store, data_dir):
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    store.lock()
    before = db(data_dir).read_bytes()
    with pytest.raises(NewerSchema, match="newer idcheck") as info:
        Store.open(data_dir, "anna", PASSWORD)
    assert "not changed" in str(info.value)
    assert db(data_dir).read_bytes() == before
    assert not list(data_dir.glob("*.bak"))


def test_second_process_cannot_open_the_same_store(store, data_dir):
    code = (
        "import sys; from pathlib import Path; from idcheck.store import Store, StoreInUse\n"
        f"try:\n    Store.open(Path({str(data_dir)!r}), 'anna', {PASSWORD!r})\n"
        "except StoreInUse as e:\n    print(e); sys.exit(7)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 7, r.stderr
    assert "in another idcheck window or command" in r.stdout
    with pytest.raises(StoreInUse):
        Store.open(data_dir, "anna", PASSWORD)  # a second open in this process too
