"""The key slot file: its two copies, a damaged or crafted copy."""

from __future__ import annotations

import json
import os

import pytest
from tests.conftest import PASSWORD

from idcheck.store import (
    NotAStore,
    Store,
    StoreCorrupt,
)
from idcheck.store.slotfile import read_slot_copies, read_slots


def test_crafted_slot_file_cannot_demand_huge_memory(data_dir):
    for name in ("keyslots.0.json", "keyslots.1.json"):
        p = data_dir / name
        d = json.loads(p.read_text())
        for slot in d["slots"]:
            if slot["kdf"]:
                slot["kdf"]["m"] = 4 * 1024 * 1024  # 4 GiB
        p.write_text(json.dumps(d))
    with pytest.raises(StoreCorrupt, match="outside"):
        Store.open(data_dir, "anna", PASSWORD)


def test_one_damaged_slot_copy_still_lets_people_in(data_dir):
    newest = max(
        (data_dir / n for n in ("keyslots.0.json", "keyslots.1.json")),
        key=lambda p: json.loads(p.read_text())["seq"],
    )
    newest.write_text("{ half written")
    Store.open(data_dir, "anna", PASSWORD).lock()
    os.remove(newest)
    Store.open(data_dir, "anna", PASSWORD).lock()


def test_both_copies_follow_each_change_and_the_newest_is_read(store, data_dir):
    """A change is written to both copies, one after the other: a kill between
    the two leaves one copy of either state, each whole."""
    before = [sf.seq for sf in read_slot_copies(data_dir)]
    store.set_password(PASSWORD, "a new long password")
    copies = read_slot_copies(data_dir)
    assert len(copies) == 2 and min(sf.seq for sf in copies) > max(before)
    assert read_slots(data_dir).seq == max(sf.seq for sf in copies)
    assert copies[0].user_slot("anna").to_json() == copies[1].user_slot("anna").to_json()
    assert copies[0].open_user("anna", "a new long password") is not None
    assert copies[0].open_user("anna", PASSWORD) is None


def test_no_valid_copy_is_said_not_guessed(data_dir):
    for name in ("keyslots.0.json", "keyslots.1.json"):
        (data_dir / name).write_text("[]")
    with pytest.raises((NotAStore, StoreCorrupt)):
        read_slots(data_dir)
    with pytest.raises((NotAStore, StoreCorrupt)):
        Store.open(data_dir, "anna", PASSWORD)
