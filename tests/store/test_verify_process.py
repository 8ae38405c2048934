"""``db verify`` checks the audit chain in a process of its own: a row changed
behind the store is found there and named, a process that ends without an
answer fails the verify instead of passing it, and the keys reach the process
through its standard input only."""

from __future__ import annotations

import subprocess
import sys

import pytest

from idcheck.checklist import Answer
from idcheck.store import CaseDetails, chain_process
from idcheck.trail_check import FLAG


@pytest.fixture
def started(monkeypatch):
    """Every checking process the verify starts, as it starts."""
    procs: list[subprocess.Popen[bytes]] = []
    monkeypatch.setattr(chain_process, "on_start", [procs.append])
    return procs


def _screened(store, intake):
    cid = store.create_case(CaseDetails(reference="PROC"))
    sid = store.start_screening(cid, intake.checklist, intake.text, intake.sha256)
    for item in ("debt", "documents-held", "fear-threats"):
        store.record_answer(sid, item, Answer(value="yes"))
    return sid


def _seq_of(store, action):
    with store.engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT max(seq) FROM audit WHERE action = ?", (action,)
        ).scalar()


def test_the_chain_is_checked_in_its_own_process(store, intake, started):
    _screened(store, intake)
    result = store.verify()
    assert result.ok, result.messages
    assert len(started) == 1
    proc = started[0]
    assert proc.args == [sys.executable, "-m", "idcheck", FLAG]
    assert proc.returncode == 0  # it answered, and its answer was the chain's
    assert any(m.startswith("audit chain: ok") for m in result.messages)


def test_a_row_changed_behind_the_store_is_found_by_the_process(store, intake, started):
    _screened(store, intake)
    seq = _seq_of(store, "answer")
    with store.engine.begin() as conn:  # as someone with the key could
        conn.exec_driver_sql("DROP TRIGGER audit_no_update")
        conn.exec_driver_sql("UPDATE audit SET object_id = 999 WHERE seq = ?", (seq,))
    result = store.verify()
    assert not result.ok
    assert started and started[0].returncode == 0
    assert f"audit chain: broken at row {seq}: its content or hash was altered" in result.messages


def test_a_killed_checking_process_fails_the_verify(store, intake, monkeypatch):
    _screened(store, intake)
    monkeypatch.setattr(chain_process, "on_start", [lambda p: (p.kill(), p.wait())])
    result = store.verify()
    assert not result.ok
    chain = [m for m in result.messages if m.startswith("audit chain:")]
    assert len(chain) == 1 and chain[0].startswith("audit chain: not checked:"), chain
    assert "exit code -9" in chain[0]
    assert "content: not checked (it is checked against the audit chain)" in result.messages
    assert not any(m.startswith("content covered") for m in result.messages)
    # Run again, the check passes: nothing was written by the failed one.
    monkeypatch.setattr(chain_process, "on_start", [])
    assert store.verify().ok


def test_the_keys_go_through_the_pipe_only(store, intake, started):
    """Not an argument, not the environment: another user's ``ps`` and the
    process's environment show neither key."""
    _screened(store, intake)
    assert store.verify().ok
    keys = (bytes(store._key).hex(), bytes(store._audit_key).hex())
    env = chain_process._environment()
    for key in keys:
        assert not any(key in a for a in started[0].args)
        assert not any(key in v.lower() for v in env.values())


@pytest.mark.parametrize(
    ("script", "why"),
    [
        (
            "import sys; sys.stdin.read(); "
            'print(\'{"error": "DatabaseError: file is not a database"}\')',
            "DatabaseError: file is not a database",
        ),
        ("import sys; sys.exit(2)", "exit code 2"),
    ],
)
def test_a_process_that_cannot_check_leaves_it_to_this_one(store, intake, monkeypatch, script, why):
    """A process that reports an error (as for a damaged file), or exits without
    an answer (as where it cannot start its interpreter), leaves the check to
    this process, which raises or answers as it always did, and says so."""
    sid = _screened(store, intake)
    monkeypatch.setattr(chain_process, "_command", lambda: [sys.executable, "-c", script])
    result = store.verify()
    assert result.ok, result.messages
    said = [m for m in result.messages if m.startswith("audit chain: checked in this process")]
    assert len(said) == 1 and why in said[0], result.messages
    assert any(m.startswith("audit chain: ok") for m in result.messages)
    # ... and what it checks there is checked: a changed row is still found.
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_no_update")
        conn.exec_driver_sql("UPDATE audit SET at = at + 1 WHERE screening_id = ?", (sid,))
    again = store.verify()
    assert not again.ok
    assert any(m.startswith("audit chain: broken at row") for m in again.messages), again.messages
