"""What every concern of the store shares: the engine, lock and the key wiped,
the store opened and locked on different threads."""

from __future__ import annotations

import pytest
from tests.conftest import PASSWORD
from tests.store.conftest import start

from idcheck.store import CaseDetails, InvalidInput, Store, StoreError, StoreLocked


def test_lock_wipes_the_key_and_refuses_further_calls(store):
    # Deliberate: the key material itself, to see it zeroed in memory; no public
    # call hands out the database key.
    key = store._key
    store.lock()
    assert key == bytearray(len(key))
    from idcheck.store import StoreLocked

    with pytest.raises(StoreLocked):
        store.list_cases()


def test_a_store_opened_on_one_thread_and_locked_on_another_can_open_again(data_dir):
    """The window opens the store off the UI thread and locks it on the UI thread."""
    import gc
    from concurrent.futures import ThreadPoolExecutor

    from idcheck.store import StoreInUse

    # As the window does: no cycle collection in the worker, which could free a
    # widget left over from a window test off its thread.
    gc.disable()
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            store = pool.submit(Store.open, data_dir, "anna", PASSWORD).result()
            with pytest.raises(StoreInUse):
                pool.submit(Store.open, data_dir, "anna", PASSWORD).result()
            store.lock()  # here, on the main thread
            again = pool.submit(Store.open, data_dir, "anna", PASSWORD).result()
        again.lock()
    finally:
        gc.enable()


def test_a_refused_write_leaves_no_row_and_no_audit_row(store):
    """Every write is one transaction with its audit row: a refusal inside it
    leaves neither."""
    store.create_case(CaseDetails(reference="ONE"))
    head = store.audit_head()
    with pytest.raises(InvalidInput, match="exists already"):
        store.create_case(CaseDetails(reference="ONE", given_name="Second"))
    assert store.audit_head() == head
    assert [c.reference for c in store.list_cases()] == ["ONE"]


def test_the_checklist_of_a_screening_is_read_back_from_the_store(store, intake):
    _, sid = start(store, intake)
    sha = store.get_screening(sid).checklist_sha256
    checklist = store.checklist(sha)
    assert checklist.id == intake.checklist.id and checklist.version == intake.checklist.version
    assert store.checklist(sha) is checklist  # one cache: read once
    with pytest.raises(StoreError):
        store.checklist("0" * 64)


def test_is_open_until_locked_and_every_call_refused_after(store):
    assert store.is_open and store.db_path.name == "idcheck.db"
    store.lock()
    assert not store.is_open
    for call in (store.list_users, store.audit_head, lambda: store.get_setting("idle_minutes")):
        with pytest.raises(StoreLocked):
            call()
    store.lock()  # a second lock is harmless
