"""The delay after failed unlocks: growing, kept in a file across restarts,
audited by user id, never holding what was typed."""

from __future__ import annotations

import json
import time

import pytest
from tests.conftest import WORKER_PASSWORD

from idcheck.store import (
    Store,
    TooSoon,
    WrongPassword,
    lockout,
)


def _pass_time(data_dir, username):
    path = data_dir / "unlock-failures.json"
    failures = json.loads(path.read_text())
    failures["users"][username]["last"] = time.time() - 3600
    path.write_text(json.dumps(failures))


def test_growing_delay_after_failures_persists_and_is_audited_by_id(store, data_dir):
    store.lock()
    waits = []
    for _ in range(3):
        with pytest.raises(WrongPassword) as info:
            Store.open(data_dir, "ben", "not the password")
        waits.append(info.value.wait_seconds)
    assert waits == [0.0, 0.0, 2.0]
    # Even the right password waits; the count is in a file, so a restart waits too.
    with pytest.raises(TooSoon) as too_soon:
        Store.open(data_dir, "ben", WORKER_PASSWORD)
    assert 0 < too_soon.value.wait_seconds <= 2.0
    _pass_time(data_dir, "ben")
    with pytest.raises(WrongPassword) as info:
        Store.open(data_dir, "ben", "still not it")
    assert info.value.wait_seconds == 4.0
    failures = (data_dir / "unlock-failures.json").read_text()
    assert "not the password" not in failures and "still not it" not in failures
    _pass_time(data_dir, "ben")
    s = Store.open(data_dir, "ben", WORKER_PASSWORD)
    try:
        rows = s.audit_trail("login-failed")
        assert [r.user_id for r in rows] == [s.user.id] * 4
    finally:
        s.lock()
    assert Store.open(data_dir, "ben", WORKER_PASSWORD).lock() is None  # count was reset


def test_the_delay_grows_from_the_fourth_try_and_stops_at_five_minutes():
    assert [lockout.delay_after(n) for n in range(8)] == [0, 0, 0, 2, 4, 8, 16, 32]
    assert lockout.delay_after(40) == lockout.MAX_DELAY == 300.0


def test_a_count_is_per_user_reset_at_unlock_and_queues_ids_only(tmp_path):
    folder = tmp_path / "store"
    folder.mkdir()
    waits = [lockout.record_failure(folder, "ben", 2) for _ in range(4)]
    assert waits == [0.0, 0.0, 2.0, 4.0]
    assert lockout.wait_remaining(folder, "ben") > 0
    assert lockout.wait_remaining(folder, "anna") == 0  # another user is not held up
    assert lockout.wait_remaining(folder, "ben", now=time.time() + 3600) == 0
    # a clock set back after a failed try never makes the wait longer than the delay
    assert lockout.wait_remaining(folder, "ben", now=time.time() - 86400) <= 4.0
    queued = lockout.clear_failures(folder, "ben")
    assert [(q["action"], q["user_id"]) for q in queued] == [("login-failed", 2)] * 4
    assert lockout.wait_remaining(folder, "ben") == 0
    assert lockout.record_failure(folder, "ben", 2) == 0.0  # counting starts again


def test_a_damaged_failure_file_counts_as_none_and_is_written_anew(tmp_path):
    folder = tmp_path / "store"
    folder.mkdir()
    (folder / lockout.LOCKOUT_FILE).write_text("{ half written")
    assert lockout.wait_remaining(folder, "ben") == 0
    assert lockout.record_failure(folder, "ben", None) == 0.0
    assert json.loads((folder / lockout.LOCKOUT_FILE).read_text())["users"]["ben"]
