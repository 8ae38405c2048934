"""The attack suite's shared set-up: a real encrypted store (an administrator,
a worker, one completed screening) copied from a template per test, the command
line run as a separate process, and a small real filesystem to fill up."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import PASSWORD, WORKER_PASSWORD, Template, make_template  # noqa: F401

from idcheck.answers_file import plan_screening, record_plan
from idcheck.checklist import find, load_checklist_bytes
from idcheck.checklist.loader import read_document
from idcheck.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """The plain store with one completed screening (examples/intake-screen.yaml)."""

    def build(store: Store) -> int:
        text = find("intake-screen").path.read_bytes()
        checklist = load_checklist_bytes(text)
        doc = read_document(ROOT / "examples" / "intake-screen.yaml")
        plan = plan_screening(doc, checklist, "A-1")
        sha = hashlib.sha256(text).hexdigest()
        sid, _ = record_plan(store, plan, checklist, text, sha, lambda *_: None)
        return sid

    return make_template(tmp_path_factory.mktemp("attack-template") / "store", build)


@pytest.fixture
def pwfile(tmp_path: Path) -> Path:
    p = tmp_path / "pw"
    p.write_text(PASSWORD + "\n")
    return p


def idcheck(
    *args: str, data_dir: Path, stdin: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """The command line, as a separate process."""
    return subprocess.run(
        [sys.executable, "-m", "idcheck", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=timeout,
        cwd=ROOT,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a folder by name, to show that nothing changed."""
    return {f.name: f.read_bytes() for f in sorted(folder.iterdir()) if f.is_file()}


def mount_tmpfs(where: Path, size: str) -> None:
    """Mount a small tmpfs at ``where``, or skip the test saying why it cannot."""
    where.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if r.returncode != 0:
        reason = (r.stderr.strip().splitlines() or ["mount failed"])[0]
        pytest.skip(f"cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): {reason}")


def unmount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], check=False)


@pytest.fixture
def cli():
    """``cli(*args, data_dir=…)``: the command line, as a separate process."""
    return idcheck
