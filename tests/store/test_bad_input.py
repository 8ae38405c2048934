"""Every way a store can be wrong gets a clear one-line message and loses nothing."""

from __future__ import annotations

import contextlib
import json
import shutil
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
    Store,
    StoreReadOnly,
)

PASSWORD = "correct horse battery"  # as in conftest.py


def db(data_dir: Path) -> Path:
    return data_dir / "idcheck.db"


@pytest.fixture
def small_mount(tmp_path):
    """A real, small filesystem (tmpfs) the test can fill up or make read-only.

    Mounting needs root (or CAP_SYS_ADMIN); where that is missing, the tests below
    that need it are skipped and their twins run instead: the full disk through the
    file size limit (RLIMIT_FSIZE), the read-only folder through permissions.
    """
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)], capture_output=True, text=True
    )
    if r.returncode != 0:
        pytest.skip(
            f"no tmpfs mount here ({r.stderr.strip().splitlines()[0]}); the RLIMIT_FSIZE twin runs"
        )
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
        # Unbuffered: a buffered file's close flushes what a failed write left and
        # raises ENOSPC again, depending on how full the mount was to begin with.
        with open(filler, "wb", buffering=0) as f:
            try:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
            except OSError:
                pass
        words = "x" * 19_990  # under the 20,000-character bound on a note
        with pytest.raises(DiskFull) as info:
            for i in range(200):
                saved.append(
                    s.record_answer(
                        sid, "debt", Answer(value="yes"), AnswerContext(worker_note=f"{i} {words}")
                    )
                )
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
    r = subprocess.run(
        [sys.executable, "-c", FILE_SIZE_LIMIT.format(password=PASSWORD), str(data_dir), str(sid)],
        capture_output=True,
        text=True,
        timeout=120,
    )
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
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)], capture_output=True, text=True
    )
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
