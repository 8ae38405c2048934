"""The office-laptop build: built once, it checks itself, opens its window and
opens no network connection. Slow (a PyInstaller build): skip locally with
``-m 'not frozen'``; CI runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

pytestmark = pytest.mark.frozen


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("frozen")
    r = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build_scripts" / "build.py"),
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=1500,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    exe = out / "dist" / "idcheck" / ("idcheck.exe" if os.name == "nt" else "idcheck")
    assert exe.exists()
    return exe


def test_frozen_self_test_passes(frozen_app, tmp_path):
    r = subprocess.run(
        [str(frozen_app), "--self-test"], capture_output=True, text=True, timeout=300, cwd=tmp_path
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip().endswith("4 of 4 checks passed")


def test_frozen_window_opens_offscreen_and_opens_no_socket(frozen_app, tmp_path):
    from test_offline import assert_no_network

    trace = tmp_path / "trace.txt"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "IDCHECK_QUIT_AFTER_MS": "1500",
        "IDCHECK_DATA_DIR": str(tmp_path / "data"),
    }
    r = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace), str(frozen_app)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert_no_network(trace.read_text())


def test_frozen_app_works_without_network(frozen_app, tmp_path):
    r = subprocess.run(
        ["unshare", "-n", str(frozen_app), "checklist", "lint", str(ROOT / "checklists")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stdout + r.stderr
