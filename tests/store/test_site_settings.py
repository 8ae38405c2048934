"""The site's settings, contacts and retention through the public Store."""

from __future__ import annotations

import time

import pytest
from tests.conftest import WORKER_PASSWORD
from tests.store.conftest import start

from idcheck.checklist import Contact, bundled_root, load_directory
from idcheck.store import (
    Decision,
    InvalidInput,
    NotAllowed,
    Store,
)


def test_retention_deletes_old_closed_cases_and_audits_them(store, intake):
    old, sid = start(store, intake, "OLD")
    store.record_decision(sid, Decision("no-indicators-recorded", (), "no-indicators-recorded"))
    store.complete_screening(sid)
    store.close_case(old)
    start(store, intake, "KEEP")
    assert store.apply_retention() == []  # 0 years: keep everything
    store.set_setting("retention_years", "2")
    assert store.apply_retention(now=time.time() + 3 * 366 * 86400) == [old]
    assert [c.reference for c in store.list_cases()] == ["KEEP"]
    assert [r.case_id for r in store.audit_trail("case-deleted-retention")] == [old]
    assert store.verify().ok


def test_contacts_from_the_site_directory_and_by_hand(store, data_dir):
    directory = load_directory(bundled_root() / "directory.yaml")
    store.save_contacts(directory)
    saved = store.list_contacts()
    assert len(saved) == len(directory.contacts)
    assert {(c["role"], c["name"]) for c in saved} == {(c.role, c.name) for c in directory.contacts}
    store.save_contacts(
        [
            Contact(role="police", name="Station 4", phone="112"),
            {"role": "child-welfare", "name": "Duty officer", "hours": "24/7"},
        ]
    )
    assert [(c["role"], c["name"], c["phone"]) for c in store.list_contacts()] == [
        ("child-welfare", "Duty officer", None),
        ("police", "Station 4", "112"),
    ]
    with pytest.raises(InvalidInput, match="role and a name"):
        store.save_contacts([{"role": "police", "name": ""}])
    assert len(store.list_contacts()) == 2  # the refused list changed nothing
    store.lock()
    worker = Store.open(data_dir, "ben", WORKER_PASSWORD)
    try:
        assert len(worker.list_contacts()) == 2  # everyone reads the directory
        with pytest.raises(NotAllowed):
            worker.save_contacts([])
    finally:
        worker.lock()


def test_settings_have_defaults_and_are_checked(store):
    assert store.get_setting("idle_minutes") == "5"
    assert store.get_setting("retention_years") == "0"
    store.set_setting("idle_minutes", "3")
    assert store.get_setting("idle_minutes") == "3"
    with pytest.raises(InvalidInput, match="whole number"):
        store.set_setting("idle_minutes", "soon")
    with pytest.raises(InvalidInput, match="unknown setting"):
        store.set_setting("colour", "blue")
