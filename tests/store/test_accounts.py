"""Accounts through the public Store: users and roles, passwords, resets and
disabling."""

from __future__ import annotations

import pytest
from tests.conftest import PASSWORD, WORKER_PASSWORD
from tests.store.conftest import start

from idcheck.store import (
    InvalidInput,
    NotAllowed,
    Store,
    UserDisabled,
    WrongPassword,
)
from idcheck.store.slotfile import read_slots


def test_roles(data_dir, intake):
    worker = Store.open(data_dir, "ben", WORKER_PASSWORD)
    try:
        with pytest.raises(NotAllowed):
            worker.add_user("carl", "a long password", "worker")
        with pytest.raises(NotAllowed):
            worker.set_setting("idle_minutes", "3")
        start(worker, intake)  # workers screen
    finally:
        worker.lock()


def test_password_change_rewrites_only_that_slot(store, data_dir):
    before = {s.slot_id: s.to_json() for s in read_slots(data_dir).slots}
    store.set_password(PASSWORD, "a new long password")
    after = {s.slot_id: s.to_json() for s in read_slots(data_dir).slots}
    changed = {k for k in before if before[k] != after[k]}
    assert changed == {f"user:{store.user.id}"}
    store.lock()
    with pytest.raises(WrongPassword):
        Store.open(data_dir, "anna", PASSWORD)
    Store.open(data_dir, "anna", "a new long password").lock()


def test_admin_resets_and_disables(store, data_dir):
    ben = store.user_by_name("ben")
    store.reset_password(ben.id, "ben's new password")
    store.lock()
    Store.open(data_dir, "ben", "ben's new password").lock()
    admin = Store.open(data_dir, "anna", PASSWORD)
    admin.disable_user(ben.id)
    admin.lock()
    with pytest.raises((WrongPassword, UserDisabled)):
        Store.open(data_dir, "ben", "ben's new password")


def test_users_are_listed_with_roles(store):
    assert [(u.username, u.role, u.disabled) for u in store.list_users()] == [
        ("anna", "admin", False),
        ("ben", "worker", False),
    ]
    with pytest.raises(InvalidInput, match="exists already"):
        store.add_user("ben", "another password", "worker")
    with pytest.raises(InvalidInput, match="at least 10"):
        store.add_user("carl", "short", "worker")
    with pytest.raises(InvalidInput, match="own account"):
        store.disable_user(store.user.id)


def test_a_new_recovery_key_replaces_the_old_one(store, data_dir, template):
    new = store.replace_recovery_key()
    assert new != template.recovery
    assert [r.action for r in store.audit_trail("recovery-key-replaced")] == [
        "recovery-key-replaced"
    ]
    store.lock()
    with pytest.raises(WrongPassword):
        Store.open_with_recovery(data_dir, template.recovery)
    Store.open_with_recovery(data_dir, new).lock()
    Store.open(data_dir, "ben", WORKER_PASSWORD).lock()  # every other way in still works


def test_a_worker_cannot_replace_the_recovery_key(data_dir):
    worker = Store.open(data_dir, "ben", WORKER_PASSWORD)
    try:
        with pytest.raises(NotAllowed):
            worker.replace_recovery_key()
    finally:
        worker.lock()
