"""A process killed (SIGKILL) at any moment while it replaces the database key
leaves a way in for every remaining user and the recovery key, and a user
disabled before the kill stays out."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from idcheck.store import CaseDetails, Store, StoreCorrupt, WrongPassword
from idcheck.store.slotfile import read_slots

from .conftest import PASSWORD

BEN = ["ben's first password", "ben's other password"]

REKEYER = """
import os, sys
from pathlib import Path
from idcheck.store import Store
d = Path(sys.argv[1]); pws = sys.argv[2:4]; cur = int(sys.argv[4])
store = Store.open(d, "anna", sys.argv[5])
ben = store.user_by_name("ben").id
print("ready", flush=True)
i = 0
while True:
    store.reset_password(ben, pws[1 - cur])
    cur = 1 - cur
    print("reset", cur, flush=True)
    u = store.add_user("tmp-%d-%d" % (os.getpid(), i), "a temporary password")
    print("added", u.username, flush=True)
    store.disable_user(u.id)
    print("disabled", u.username, flush=True)
    i += 1
"""


def _pending(data_dir: Path) -> bool:
    for name in ("keyslots.0.json", "keyslots.1.json"):
        try:
            doc = json.loads((data_dir / name).read_text())
        except (OSError, ValueError):
            continue
        gens = {s["generation"] for slot in doc["slots"] for s in slot.get("sealed", [])}
        if gens and max(gens) > doc.get("generation", 1):
            return True
    return False


def _wal_size(data_dir: Path) -> int:
    try:
        return (data_dir / "idcheck.db-wal").stat().st_size
    except OSError:
        return 0


def test_sigkill_during_key_changes_always_leaves_a_way_in(data_dir, template):
    s = Store.open(data_dir, "anna", PASSWORD)
    # Enough pages that a re-key takes a while, so kills land inside it.
    for i in range(600):
        s.create_case(CaseDetails(reference=f"R-{i:04d}", notes="n" * 6000))
    ben = s.user_by_name("ben")
    s.reset_password(ben.id, BEN[0])
    s.lock()
    rng = random.Random(20261204)
    cur = 0
    disabled: list[str] = []
    cut_in_a_change = 0
    for round_ in range(16):
        child = subprocess.Popen(
            [sys.executable, "-c", REKEYER, str(data_dir), *BEN, str(cur), PASSWORD],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
        if round_ % 2:
            # Wait until a key change is under way (the slot file holds both keys),
            # then until the re-key has written a random part of the database into
            # the journal, and kill there.
            deadline = time.monotonic() + 20
            while not _pending(data_dir) and time.monotonic() < deadline:
                pass
            part = rng.uniform(0.0, 1.2) * (data_dir / "idcheck.db").stat().st_size
            deadline = time.monotonic() + 2
            while _wal_size(data_dir) < part and time.monotonic() < deadline:
                pass
        else:
            time.sleep(rng.uniform(0.0, 1.0))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        lines = child.stdout.read().splitlines()
        child.stdout.close()
        for line in lines:
            word, _, rest = line.partition(" ")
            if word == "reset":
                cur = int(rest)
            elif word == "disabled":
                disabled.append(rest)
        cut_in_a_change += _pending(data_dir)
        # Every remaining user gets in (ben with the password acknowledged, or the
        # one being set when the kill came), and so does the recovery key.
        Store.open(data_dir, "anna", PASSWORD).lock()
        assert read_slots(data_dir).pending is None  # the unlock finished the change
        try:
            Store.open(data_dir, "ben", BEN[cur]).lock()
        except (WrongPassword, StoreCorrupt):
            cur = 1 - cur
            Store.open(data_dir, "ben", BEN[cur]).lock()
        Store.open_with_recovery(data_dir, template.recovery).lock()
        for name in disabled[-3:]:
            try:
                Store.open(data_dir, name, "a temporary password").lock()
            except WrongPassword:
                pass
            else:
                raise AssertionError(f"{name} was disabled and still got in")
    assert cut_in_a_change > 0, "no kill landed inside a key change"
    assert disabled, "no disable was acknowledged"
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        assert s.verify().ok
        assert s.count_cases() == 600
    finally:
        s.lock()
