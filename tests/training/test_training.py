"""Training mode: synthetic cases in a throw-away store; the real store is never
touched, and nothing is left behind."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from tests.conftest import new_store

from idcheck.checklist import ChecklistError, find
from idcheck.store import Store
from idcheck.training import (
    TRAINING_PASSWORD,
    TRAINING_USER,
    CaseFile,
    TrainingStore,
    synthetic_cases,
)

ROOT = Path(__file__).resolve().parents[2]


def test_every_synthetic_case_is_recorded_as_its_file_says():
    with TrainingStore() as t:
        store = t.store
        cases = {c.reference: c for c in store.list_cases()}
        assert sorted(cases) == [f"TRAIN-0{i}" for i in range(1, 7)]
        rows = {ref: store.list_screenings(c.id) for ref, c in cases.items()}
        assert [r.status for r in rows["TRAIN-04"]] == ["draft"]  # for the room to go on with
        assert all(r[0].status == "completed" for ref, r in rows.items() if ref != "TRAIN-04")
        differs = store.get_screening(rows["TRAIN-05"][0].id).decision
        assert differs.suggested_outcome == "no-indicators-recorded"
        assert differs.decision_outcome == "full-screening" and differs.reasons
        danger = store.get_screening(rows["TRAIN-02"][0].id)
        assert danger.decision.suggested_outcome == "immediate-protection"
        words = danger.answers["danger-missing"].context
        assert words.language == "ar" and words.child_words.startswith("سيأتي")
        assert store.list_contacts()  # the example site directory
        assert store.verify().ok


def test_the_folder_is_in_memory_where_possible_and_deleted_on_exit():
    with TrainingStore() as t:
        folder = t.folder
        assert folder.name.startswith("idcheck-training-")
        if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK):
            assert folder.parent == Path("/dev/shm")
        assert oct(folder.stat().st_mode & 0o777) == "0o700"
        assert (t.data_dir / "idcheck.db").exists()
    assert not folder.exists()
    assert not t.store.is_open


def test_the_folder_is_deleted_when_the_training_session_fails():
    folders = []
    with pytest.raises(RuntimeError), TrainingStore() as t:
        folders.append(t.folder)
        raise RuntimeError("the trainer's laptop had a problem")
    assert not folders[0].exists()


def test_the_training_account_opens_the_store():
    with TrainingStore() as t:
        t.store.lock()
        Store.open(t.data_dir, TRAINING_USER, TRAINING_PASSWORD).lock()


def test_a_case_file_that_names_no_checklist_is_refused_with_its_place(tmp_path):
    (tmp_path / "mine.yaml").write_text("case:\n  reference: T-1\nanswers: {}\n")
    with pytest.raises(ChecklistError) as e:
        synthetic_cases(tmp_path)
    assert str(e.value.problems[0]).startswith(f"{tmp_path / 'mine.yaml'}:1:1")


def test_a_case_file_for_another_checklist_is_refused_and_nothing_is_left(tmp_path):
    bundled = synthetic_cases()[0]
    wrong = CaseFile(bundled.path, "child-trafficking-full@1.0.0")
    before = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("idcheck-training-*"))
    before |= set(Path("/dev/shm").glob("idcheck-training-*"))
    with pytest.raises(ChecklistError, match="this answers file is for intake-screen"):
        TrainingStore([wrong]).__enter__()
    after = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("idcheck-training-*"))
    after |= set(Path("/dev/shm").glob("idcheck-training-*"))
    assert after == before


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_idcheck_demo_never_touches_the_real_store(tmp_path):
    real = tmp_path / "real-store"
    new_store(real)[0].lock()
    (real / "idcheck.lock").unlink(missing_ok=True)
    before = _tree_digest(real)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "IDCHECK_DATA_DIR": str(real),
        "IDCHECK_QUIT_AFTER_MS": "500",
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
    }
    child = subprocess.Popen(
        [sys.executable, "-m", "idcheck", "demo"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err.decode()
    assert _tree_digest(real) == before
    assert not (tmp_path / "xdg").exists()  # the user data folder is not even created
    # its own training folder is gone (only its own: other runs may be using theirs)
    scratch = [Path("/dev/shm"), Path(tempfile.gettempdir())]
    assert not [p for d in scratch for p in d.glob(f"idcheck-training-{child.pid}-*")]


def test_the_training_window_says_so_on_every_page(qtbot):
    from idcheck.gui.app import MainWindow

    with TrainingStore() as t:
        w = MainWindow(t.data_dir, training=True)
        qtbot.addWidget(w)
        w.show()
        w.start_unlocked(t.store)
        assert "TRAINING" in w.windowTitle()
        assert w.banner.isVisible() and "synthetic cases only" in w.banner.text()
        assert TRAINING_PASSWORD in w.banner.text()
        assert w.cases.model.rowCount() == 6
        w.lock()
        assert w.stack.currentWidget() is w.unlock_page and w.banner.isVisible()


def test_the_ordinary_window_has_no_training_banner(qtbot, tmp_path):
    from idcheck.gui.app import MainWindow

    w = MainWindow(tmp_path / "new")
    qtbot.addWidget(w)
    w.show()
    assert not w.banner.isVisible() and "TRAINING" not in w.windowTitle()


def test_bundled_cases_cover_both_checklists():
    refs = {c.checklist_ref for c in synthetic_cases()}
    # The newest version of each: the trainee meets what a new screening does.
    assert refs == {find("intake-screen").ref, find("child-trafficking-full").ref}
    assert refs == {"intake-screen@1.1.0", "child-trafficking-full@1.1.0"}
    assert (ROOT / "src" / "idcheck" / "training" / "cases").is_dir()


def test_an_install_without_its_cases_says_so(tmp_path):
    with pytest.raises(FileNotFoundError, match="no synthetic training cases"):
        synthetic_cases(tmp_path)


def test_a_referral_printed_in_training_says_so(tmp_path):
    from pypdf import PdfReader

    from idcheck.report import build_summary, render_referral

    with TrainingStore() as t:
        case = next(c for c in t.store.list_cases() if c.reference == "TRAIN-03")
        sid = t.store.list_screenings(case.id)[0].id
        out = tmp_path / "referral.pdf"
        render_referral(build_summary(t.store, sid), out)
    text = " ".join((p.extract_text() or "") for p in PdfReader(out).pages)
    assert "TRAINING (synthetic case, not a real child)" in " ".join(text.split())


def _training_folder_of(pid: int) -> Path | None:
    """The training folder a running process holds open (its store files)."""
    try:
        links = [os.readlink(f) for f in Path(f"/proc/{pid}/fd").iterdir()]
    except OSError:
        return None
    for target in links:
        if "idcheck-training-" in target:
            path = Path(target)
            while not path.name.startswith("idcheck-training-"):
                path = path.parent
            return path
    return None


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc to find the folder")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_training_mode_as_a_normal_close_does(tmp_path, signum):
    import time

    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "idcheck", "demo"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        folder = None
        deadline = time.monotonic() + 60
        while folder is None and proc.poll() is None and time.monotonic() < deadline:
            folder = _training_folder_of(proc.pid)
            time.sleep(0.05)
        assert folder is not None and folder.is_dir(), proc.stderr.read().decode()
        time.sleep(1.0)  # the window up and its event loop running
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 128 + signum, err.decode()
    assert not folder.exists()
    assert b"Traceback" not in err


def test_the_synthetic_cases_sort_by_their_names():
    from idcheck.store.sort_keys import name_key

    with TrainingStore() as t:
        rows = t.store.list_cases(by="name", ascending=True)
        keys = [name_key(r.given_name, r.family_name) for r in rows]
        assert [r.name_key for r in rows] == keys == sorted(keys)
        assert any(keys)
