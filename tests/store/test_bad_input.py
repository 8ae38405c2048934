"""Every way a store can be wrong gets a clear one-line message and loses nothing."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import new_store

from idcheck.checklist import Answer
from idcheck.store import (
    AnswerContext,
    CaseDetails,
    DiskFull,
    NewerSchema,
    NoStore,
    NotAStore,
    Store,
    StoreCorrupt,
    StoreInUse,
    StoreReadOnly,
    WrongPassword,
)

PASSWORD = "correct horse battery"  # as in conftest.py


def db(data_dir: Path) -> Path:
    return data_dir / "idcheck.db"


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


def test_damage_found_by_verify(store, data_dir, intake):
    cid = store.create_case(CaseDetails(reference="Y"))
    store.start_screening(cid, intake.checklist, intake.text, intake.sha256)
    store.lock()
    raw = bytearray(db(data_dir).read_bytes())
    raw[-200] ^= 0x01  # one bit in the last page
    db(data_dir).write_bytes(bytes(raw))
    try:
        s = Store.open(data_dir, "anna", PASSWORD)
    except StoreCorrupt:
        return  # refused at open: also right
    try:
        with pytest.raises(StoreCorrupt):
            result = s.verify()
            assert not result.ok
            raise StoreCorrupt("verify reported it")
    finally:
        s.lock()


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


@pytest.fixture
def small_mount(tmp_path):
    """A real, small filesystem (tmpfs) the test can fill up or make read-only.

    Mounting needs root (or CAP_SYS_ADMIN); where that is missing, the tests below
    that need it are skipped and their twins run instead: the full disk through the
    file size limit (RLIMIT_FSIZE), the read-only folder through permissions.
    """
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"no tmpfs mount here ({r.stderr.strip().splitlines()[0]}); "
                    "the RLIMIT_FSIZE twin runs")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_full_disk_during_an_answer(template, small_mount, intake):
    data_dir = small_mount / "store"
    shutil.copytree(template.path, data_dir)
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        cid = s.create_case(CaseDetails(reference="FULL"))
        sid = s.start_screening(cid, intake.checklist, intake.text, intake.sha256)
        saved = []
        filler = small_mount / "filler"
        with open(filler, "wb") as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass
        words = "x" * 19_990  # under the 20,000-character bound on a note
        with pytest.raises(DiskFull) as info:
            for i in range(200):
                saved.append(s.record_answer(
                    sid, "debt", Answer(value="yes"),
                    AnswerContext(worker_note=f"{i} {words}")))
        assert "the disk is full" in str(info.value)
        filler.unlink()
        # Writing resumes once space is freed, and nothing acknowledged was lost.
        s.record_answer(sid, "fear-threats", Answer(value="no"))
        rec = s.get_screening(sid, audit=False)
        assert [a.id for a in rec.history][: len(saved)] == saved
        assert rec.answers["fear-threats"].answer == Answer(value="no")
        assert s.verify().ok
    finally:
        s.lock()


FILE_SIZE_LIMIT = """
import json, resource, sys
from pathlib import Path
from idcheck.checklist import Answer
from idcheck.store import AnswerContext, DiskFull, Store
data_dir, sid = Path(sys.argv[1]), int(sys.argv[2])
store = Store.open(data_dir, "anna", {password!r})
sizes = [f.stat().st_size for f in data_dir.iterdir() if f.is_file()]
# Python ignores SIGXFSZ: a write past the limit fails with EFBIG or a short write.
resource.setrlimit(resource.RLIMIT_FSIZE, (max(sizes) + 256 * 1024, resource.RLIM_INFINITY))
saved, error = [], None
try:
    for i in range(200):
        saved.append(store.record_answer(sid, "debt", Answer(value="yes"),
                                         AnswerContext(worker_note="%d %s" % (i, "x" * 19990))))
except DiskFull as e:
    error = str(e)
resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
after = store.record_answer(sid, "fear-threats", Answer(value="no"))
print(json.dumps({{"saved": saved, "error": error, "after": after}}))
store.lock()
"""


def test_file_size_limit_during_an_answer(data_dir, intake):
    """The full disk again, through the process's file size limit: works without
    root. Writing fails cleanly, resumes once the limit is lifted, nothing lost."""
    s = Store.open(data_dir, "anna", PASSWORD)
    cid = s.create_case(CaseDetails(reference="LIMIT"))
    sid = s.start_screening(cid, intake.checklist, intake.text, intake.sha256)
    s.lock()
    r = subprocess.run([sys.executable, "-c", FILE_SIZE_LIMIT.format(password=PASSWORD),
                        str(data_dir), str(sid)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["error"] is not None and out["error"].startswith("the disk is full")
    assert out["saved"]  # some answers went in before the limit
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        rec = s.get_screening(sid, audit=False)
        assert [a.id for a in rec.history] == [*out["saved"], out["after"]]
        assert s.verify().ok
    finally:
        s.lock()


def _permissions_bind(folder: Path) -> bool:
    """Whether folder permissions stop this process (they do not stop root)."""
    probe = folder / "probe"
    probe.mkdir()
    probe.chmod(0o555)
    try:
        (probe / "x").touch()
    except PermissionError:
        return True
    else:
        (probe / "x").unlink()
        return False
    finally:
        probe.chmod(0o755)
        probe.rmdir()


@pytest.fixture
def read_only_dir(tmp_path):
    """A folder the store cannot write: through its permissions where they bind,
    else (root) a read-only mount."""
    if _permissions_bind(tmp_path):
        d = tmp_path / "ro"
        d.mkdir()
        yield d, lambda: d.chmod(0o555)
        d.chmod(0o755)
        return
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"permissions do not bind and no mount is allowed: {r.stderr.strip()}")
    yield mnt, lambda: subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_read_only_data_folder(template, read_only_dir):
    root, make_read_only = read_only_dir
    data_dir = root / "store"
    shutil.copytree(template.path, data_dir)
    before = {f.name: f.read_bytes() for f in data_dir.iterdir()}
    (data_dir / "idcheck.db").chmod(0o444)
    data_dir.chmod(0o555)
    make_read_only()
    try:
        with pytest.raises(StoreReadOnly, match="cannot") as info:
            Store.open(data_dir, "anna", PASSWORD)
        assert len(str(info.value).splitlines()) == 1
        with pytest.raises(StoreReadOnly):
            new_store(root / "new")
        assert {f.name: f.read_bytes() for f in data_dir.iterdir()} == before
    finally:
        with contextlib.suppress(OSError):  # a read-only mount stays as it is
            data_dir.chmod(0o755)


def test_crafted_slot_file_cannot_demand_huge_memory(data_dir):
    for name in ("keyslots.0.json", "keyslots.1.json"):
        p = data_dir / name
        d = json.loads(p.read_text())
        for slot in d["slots"]:
            if slot["kdf"]:
                slot["kdf"]["m"] = 4 * 1024 * 1024  # 4 GiB
        p.write_text(json.dumps(d))
    with pytest.raises(StoreCorrupt, match="outside"):
        Store.open(data_dir, "anna", PASSWORD)


def test_one_damaged_slot_copy_still_lets_people_in(data_dir):
    newest = max((data_dir / n for n in ("keyslots.0.json", "keyslots.1.json")),
                 key=lambda p: json.loads(p.read_text())["seq"])
    newest.write_text("{ half written")
    Store.open(data_dir, "anna", PASSWORD).lock()
    os.remove(newest)
    Store.open(data_dir, "anna", PASSWORD).lock()
