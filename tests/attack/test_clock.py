"""Wrong passwords and the clock: a clock set back never turns one typo into a
long lock-out; guesses through a restore are delayed like any other; a read-only
data folder still counts; tries refused as too soon reach the audit trail; a
crafted failure file neither crashes an unlock nor writes what it likes into the
trail."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from idcheck.store import Store, TooSoon, WrongPassword, restore
from idcheck.store import lockout as keys_mod

PASSWORD = "correct horse battery"
YEAR = 365 * 86400.0


def _actions(data_dir: Path) -> list[str]:
    with Store.open(data_dir, "anna", PASSWORD) as s, s.engine.connect() as conn:
        return [a for (a,) in conn.exec_driver_sql("SELECT action FROM audit ORDER BY seq")]


def _age_failures(data_dir: Path, seconds: float) -> None:
    """As if ``seconds`` had passed since the last failed try."""
    p = data_dir / keys_mod.LOCKOUT_FILE
    d = json.loads(p.read_text())
    for entry in d["users"].values():
        entry["last"] -= seconds
    p.write_text(json.dumps(d))


def test_one_typo_then_the_clock_a_year_back(data_dir):
    with pytest.raises(WrongPassword) as info:
        Store.open(data_dir, "anna", "a typo in it")
    assert info.value.wait_seconds == 0
    a_year_ago = time.time() - YEAR
    assert keys_mod.wait_remaining(data_dir, "anna", now=a_year_ago) == 0


def test_after_several_failures_the_wait_is_never_more_than_the_delay(data_dir):
    for _ in range(5):
        with pytest.raises(WrongPassword):
            try:
                Store.open(data_dir, "anna", "wrong password!")
            except TooSoon:
                _age_failures(data_dir, 1000)
                raise WrongPassword("aged") from None
    delay = keys_mod.delay_after(5)
    assert 0 < keys_mod.wait_remaining(data_dir, "anna", now=time.time() - YEAR) <= delay
    assert keys_mod.wait_remaining(data_dir, "anna", now=time.time() - 60) <= delay


def test_guesses_through_restore_are_delayed(data_dir, tmp_path):
    backup = tmp_path / "b.idcheck"
    with Store.open(data_dir, "anna", PASSWORD) as s:
        s.backup(backup)
    for _ in range(keys_mod.FREE_TRIES):
        with pytest.raises(WrongPassword):
            restore(data_dir, backup, "anna", "guess guess guess")
    with pytest.raises(TooSoon):
        restore(data_dir, backup, "anna", "guess guess guess")
    # the same count holds at the store's own door
    with pytest.raises(TooSoon):
        Store.open(data_dir, "anna", PASSWORD)


def test_refused_too_soon_tries_are_audited_at_the_next_unlock(data_dir):
    for _ in range(keys_mod.FREE_TRIES):
        with pytest.raises(WrongPassword):
            Store.open(data_dir, "anna", "wrong password!")
    for _ in range(2):
        with pytest.raises(TooSoon):
            Store.open(data_dir, "anna", PASSWORD)
    _age_failures(data_dir, 1000)
    actions = _actions(data_dir)
    assert actions.count("login-failed") == keys_mod.FREE_TRIES
    assert actions.count("login-too-soon") == 2


def test_a_crafted_failure_file_neither_crashes_nor_writes_into_the_trail(data_dir):
    (data_dir / keys_mod.LOCKOUT_FILE).write_text(
        json.dumps(
            {
                "users": {"anna": {"count": "many", "last": "now"}, "ben": [1]},
                "pending_audit": [
                    {"at": "soon", "action": "login-failed"},
                    {"at": 1e400, "action": "login-failed"},
                    {"at": 5.0, "action": "store-created", "user_id": 1},
                    {"at": 6.0, "action": "login-failed", "user_id": [1]},
                    "text",
                ],
            }
        ).replace("1e+400", "1e400")
    )
    actions = _actions(data_dir)
    assert "login-failed" in actions  # the one well-formed entry, by no user
    assert actions.count("store-created") == 1
    (data_dir / keys_mod.LOCKOUT_FILE).write_text("[]")
    with Store.open(data_dir, "anna", PASSWORD) as s:
        assert s.user.username == "anna"


@pytest.fixture
def read_only_store(template, tmp_path):
    mnt = tmp_path / "ro"
    mnt.mkdir()
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mnt)], capture_output=True, text=True
    )
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {r.stderr.strip()}")
    data_dir = mnt / "store"
    shutil.copytree(template.path, data_dir)
    subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
    yield data_dir
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_a_read_only_data_folder_still_counts(read_only_store):
    for _ in range(keys_mod.FREE_TRIES):
        with pytest.raises(WrongPassword):
            Store.open(read_only_store, "anna", "wrong password!")
    with pytest.raises(TooSoon):
        Store.open(read_only_store, "anna", "wrong password!")
