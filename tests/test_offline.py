"""idcheck opens no network connection, ever (design invariant 6).

Each scenario runs the real program in a child process under ``strace``, which
sees every socket the process or any of its threads and libraries creates (Qt's
C++ code included, which a Python audit hook would miss), and inside a network
namespace with no interfaces (``unshare -n``), where the program must still work.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

NETWORK_SOCKET = re.compile(r"socket\((AF_INET|AF_INET6|AF_PACKET|AF_NETLINK)")
CONNECT = re.compile(r"connect\(\d+, \{sa_family=(AF_INET6?)")


def traced_run(
    args: list[str], tmp_path: Path, env: dict[str, str] | None = None, stdin: str | None = None
) -> tuple[subprocess.CompletedProcess[str], str]:
    """Run ``python -m idcheck ARGS`` under strace; return the result and the trace."""
    strace = shutil.which("strace")
    if strace is None:
        pytest.fail("strace is needed to prove the program opens no socket (./dev installs it)")
    trace = tmp_path / "trace.txt"
    cmd = [
        strace,
        "-f",
        "-qq",
        "-e",
        "trace=socket,connect",
        "-o",
        str(trace),
        sys.executable,
        "-m",
        "idcheck",
        *args,
    ]
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    r = subprocess.run(
        cmd, capture_output=True, text=True, env=full_env, input=stdin, timeout=300, cwd=tmp_path
    )
    return r, trace.read_text()


def assert_no_network(trace: str) -> None:
    bad = [
        line for line in trace.splitlines() if NETWORK_SOCKET.search(line) or CONNECT.search(line)
    ]
    assert not bad, "network sockets were opened:\n" + "\n".join(bad)


def test_checklist_commands_open_no_socket(tmp_path: Path) -> None:
    r, trace = traced_run(["checklist", "list"], tmp_path)
    assert r.returncode == 0, r.stderr
    assert_no_network(trace)


def test_trace_detects_a_socket(tmp_path: Path) -> None:
    """The detector itself works: a process that does open a socket is caught."""
    strace = shutil.which("strace")
    assert strace is not None
    trace = tmp_path / "t.txt"
    subprocess.run(
        [
            strace,
            "-f",
            "-qq",
            "-e",
            "trace=socket,connect",
            "-o",
            str(trace),
            sys.executable,
            "-c",
            "import socket; socket.socket().close()",
        ],
        check=True,
    )
    with pytest.raises(AssertionError):
        assert_no_network(trace.read_text())


def test_store_workflow_opens_no_socket(tmp_path: Path) -> None:
    """init, screen, verify and backup: the whole headless path, traced."""
    pw = tmp_path / "pw"
    pw.write_text("correct horse battery\n")
    data = ["--data-dir", str(tmp_path / "data")]
    auth = ["--user", "anna", "--password-file", str(pw)]
    steps = [
        ["init", "--user", "anna", "--password-file", str(pw)],
        [
            "screen",
            "--checklist",
            "intake-screen",
            "--answers",
            str(ROOT / "examples" / "intake-screen.yaml"),
            *auth,
        ],
        ["db", "verify", *auth],
        ["db", "backup", str(tmp_path / "b.idcheck"), *auth],
    ]
    for step in steps:
        r, trace = traced_run([*data, *step], tmp_path)
        assert r.returncode == 0, (step, r.stderr)
        assert_no_network(trace)


def test_works_with_no_network_at_all(tmp_path: Path) -> None:
    """In a network namespace with no interfaces the program still does its work."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.fail("unshare (util-linux) is needed for this test")
    pw = tmp_path / "pw"
    pw.write_text("correct horse battery\n")
    base = [unshare, "-n", sys.executable, "-m", "idcheck", "--data-dir", str(tmp_path / "d")]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run(
        [*base, "init", "--user", "anna", "--password-file", str(pw)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    r = subprocess.run(
        [
            *base,
            "screen",
            "--checklist",
            "intake-screen",
            "--answers",
            str(ROOT / "examples" / "intake-screen.yaml"),
            "--user",
            "anna",
            "--password-file",
            str(pw),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "suggested outcome: full-screening" in r.stdout


def test_window_and_self_test_open_no_socket(tmp_path: Path) -> None:
    """The window (first run page, then quit) and the self-test (store, referral,
    preview), traced: Qt's own code opens no network socket either."""
    env = {"IDCHECK_DATA_DIR": str(tmp_path / "data"), "IDCHECK_QUIT_AFTER_MS": "1500"}
    r, trace = traced_run([], tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    assert_no_network(trace)
    r, trace = traced_run(["--self-test"], tmp_path, env=env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.strip().endswith("6 of 6 checks passed")
    assert_no_network(trace)


def test_printing_from_the_window_opens_no_socket(tmp_path: Path) -> None:
    """The print path: the window, offscreen, prints a referral with its Print
    button through Qt's print dialog to a PDF file (tests/attack/print_referral.py),
    traced. Qt's CUPS support reached the print service on 127.0.0.1:631 and
    [::1]:631; it is now sent to the service's local socket."""
    import hashlib

    from tests.conftest import new_store

    from idcheck.checklist import Answer, find, load_checklist_bytes
    from idcheck.store import CaseDetails

    strace = shutil.which("strace")
    if strace is None:
        pytest.fail("strace is needed to prove the program opens no socket (./dev installs it)")
    text = find("intake-screen").path.read_bytes()
    data = tmp_path / "store"
    store, _ = new_store(data)
    cid = store.create_case(CaseDetails(reference="2026-077"))
    sid = store.start_screening(
        cid, load_checklist_bytes(text), text, hashlib.sha256(text).hexdigest()
    )
    store.record_answer(sid, "debt", Answer(value="yes"))
    store.lock()
    out, trace = tmp_path / "printed.pdf", tmp_path / "trace.txt"
    env = {k: v for k, v in os.environ.items() if k != "CUPS_SERVER"}
    r = subprocess.run(
        [
            strace,
            "-f",
            "-qq",
            "-e",
            "trace=socket,connect",
            "-o",
            str(trace),
            sys.executable,
            str(ROOT / "tests" / "attack" / "print_referral.py"),
            str(data),
            str(out),
            "correct horse battery",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env={**env, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "src")},
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "PRINTED" in r.stdout and "audited 1" in r.stdout, r.stdout
    assert out.read_bytes().startswith(b"%PDF")
    assert_no_network(trace.read_text())
    assert "cups.sock" in trace.read_text()  # the print service, asked over its local socket
