"""Failed unlocks: counted per user name across restarts (in the data folder, or
this account's state folder when that cannot be written), the wait before the
next try, and the failures queued for the audit trail (written at the next
successful unlock: the database cannot be written without the key)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import time
from pathlib import Path
from typing import Any

from idcheck.store.errors import DiskFull, StoreReadOnly
from idcheck.store.slotfile import read_bounded, write_file

LOCKOUT_FILE = "unlock-failures.json"
#: The counter of wrong recovery keys (no user name can start with a space).
RECOVERY_NAME = " recovery"
FREE_TRIES = 3
MAX_DELAY = 300.0


#: Actions a queued entry may name (the file is outside the encrypted store).
PENDING_ACTIONS = ("login-failed", "recovery-failed", "login-too-soon")


def _fallback_file(data_dir: Path) -> Path:
    """Where failed tries are counted when the data folder cannot be written (a
    read-only folder or medium): this account's own state folder, one file per
    store folder."""
    from platformdirs import user_state_path

    digest = hashlib.sha256(os.path.realpath(data_dir).encode("utf-8", "surrogatepass"))
    return (
        user_state_path("idcheck", appauthor=False)
        / "unlock-failures"
        / (digest.hexdigest()[:32] + ".json")
    )


def _failure_files(data_dir: Path) -> tuple[Path, Path]:
    return data_dir / LOCKOUT_FILE, _fallback_file(data_dir)


def _read_failures_at(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(read_bounded(path, 1024 * 1024).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def _entry(data: dict[str, Any], username: str) -> tuple[int, float]:
    """(failed tries in a row, time of the last) for ``username``, whatever the file holds."""
    users = data.get("users")
    entry = users.get(username) if isinstance(users, dict) else None
    if not isinstance(entry, dict):
        return 0, 0.0
    count, last = entry.get("count"), entry.get("last")
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        count = 0
    if not isinstance(last, int | float) or isinstance(last, bool) or not math.isfinite(last):
        last = 0.0
    return min(count, 10_000), float(last)


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` failed tries in a row: none for the first
    three, then 2, 4, 8 … seconds, at most five minutes."""
    if failures < FREE_TRIES:
        return 0.0
    return min(MAX_DELAY, 2.0 ** (failures - FREE_TRIES + 1))


def wait_remaining(data_dir: Path, username: str, now: float | None = None) -> float:
    """Seconds still to wait before ``username`` may try again.

    Never more than the delay itself: a clock set back after a failed try (a
    year, say) must not lock the person out for the whole jump.
    """
    now = time.time() if now is None else now
    wait = 0.0
    for path in _failure_files(data_dir):
        count, last = _entry(_read_failures_at(path), username)
        delay = delay_after(count)
        wait = max(wait, min(delay, last + delay - now))
    return max(0.0, wait)


def _write_failures(data_dir: Path, update: Any) -> bool:
    """Apply ``update`` to the failure file in the data folder, or, when that folder
    cannot be written, to the fallback file; False when neither could be written."""
    for path in _failure_files(data_dir):
        data = _read_failures_at(path)
        update(data)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_file(path, json.dumps(data).encode("utf-8"))
            return True
        except (OSError, StoreReadOnly, DiskFull):
            continue
    return False


def _queue(data: dict[str, Any], user_id: int | None, at: float, action: str) -> None:
    pending = data.get("pending_audit")
    if not isinstance(pending, list):
        pending = data["pending_audit"] = []
    if len(pending) < 1000:
        pending.append({"user_id": user_id, "at": at, "action": action})


def record_failure(
    data_dir: Path, username: str, user_id: int | None, action: str = "login-failed"
) -> float:
    """Count a failed try (kept across restarts); return the wait before the next.

    The failure is also queued for the audit trail, by user id only, and written
    there at the next successful unlock (the database cannot be written without
    the key). A read-only data folder still counts: the count then goes to this
    account's state folder (see :func:`_fallback_file`).
    """
    now = time.time()
    counted = 0

    def update(data: dict[str, Any]) -> None:
        nonlocal counted
        count, _last = _entry(data, username)
        users = data.get("users")
        if not isinstance(users, dict):
            users = data["users"] = {}
        counted = count + 1
        users[username] = {"count": counted, "last": now}
        _queue(data, user_id, now, action)

    if not _write_failures(data_dir, update):
        # Nowhere to count: the next try waits as long as the longest delay.
        return MAX_DELAY
    return delay_after(counted)


def record_refused(data_dir: Path, username: str, user_id: int | None) -> None:
    """Queue, for the audit trail, a try refused because it came too soon."""
    now = time.time()
    _write_failures(data_dir, lambda data: _queue(data, user_id, now, "login-too-soon"))


def clear_failures(data_dir: Path, username: str) -> list[dict[str, Any]]:
    """Reset a user's count after a successful unlock; return the queued audit
    entries (checked: an action of :data:`PENDING_ACTIONS`, a finite time, a
    user id or none), from the data folder and the fallback file."""
    pending: list[dict[str, Any]] = []
    for path in _failure_files(data_dir):
        data = _read_failures_at(path)
        if not data:
            continue
        raw = data.get("pending_audit")
        for p in raw if isinstance(raw, list) else []:
            if not isinstance(p, dict):
                continue
            action, at, uid = p.get("action", "login-failed"), p.get("at"), p.get("user_id")
            if action not in PENDING_ACTIONS:
                continue
            if not isinstance(at, int | float) or isinstance(at, bool) or not math.isfinite(at):
                continue
            if uid is not None and (not isinstance(uid, int) or isinstance(uid, bool)):
                uid = None
            pending.append({"action": action, "at": float(at), "user_id": uid})
        users = data.get("users")
        if isinstance(users, dict):
            users.pop(username, None)
        data["pending_audit"] = []
        with contextlib.suppress(OSError, StoreReadOnly, DiskFull):
            write_file(path, json.dumps(data).encode("utf-8"))
    pending.sort(key=lambda p: p["at"])
    return pending
