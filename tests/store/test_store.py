"""The store as a worker and an administrator use it: accounts, cases, answers
with their context, decisions, completion and amendment, audit."""

from __future__ import annotations

import json
import time

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from idcheck.checklist import Answer
from idcheck.store import (
    Adult,
    AnswerContext,
    CaseDetails,
    Decision,
    InvalidInput,
    NotAllowed,
    ReadOnlyRecord,
    Store,
    TooSoon,
    UserDisabled,
    WrongPassword,
)
from idcheck.store.slotfile import read_slots

PASSWORD = "correct horse battery"  # as in conftest.py
WORKER_PASSWORD = "worker password 1"


def start(store, intake, ref="2026-001"):
    cid = store.create_case(CaseDetails(reference=ref))
    return cid, store.start_screening(cid, intake.checklist, intake.text, intake.sha256)


def test_answers_with_context_are_kept_and_the_latest_wins(store, intake):
    _, sid = start(store, intake)
    ctx = AnswerContext(source="child-said", worker_note="seemed afraid",
                        child_words="Han har passet mitt", language="nb",
                        interpreter_present=True, interpreter="Phone 4411", read_back=True)
    store.record_answer(sid, "documents-held", Answer(value="unsure"), ctx)
    store.record_answer(sid, "documents-held", Answer(value="yes"), ctx)
    store.record_answer(sid, "debt", Answer(status="declined"))
    rec = store.get_screening(sid)
    assert rec.answers["documents-held"].answer == Answer(value="yes")
    assert rec.answers["documents-held"].context == ctx
    assert rec.answers["debt"].answer.status == "declined"
    assert [a.item_id for a in rec.history] == ["documents-held", "documents-held", "debt"]
    assert rec.position == "debt"
    assert rec.checklist_text == intake.text and rec.checklist_sha256 == intake.sha256


def test_answers_that_do_not_fit_the_item_are_refused(store, intake):
    _, sid = start(store, intake)
    with pytest.raises(InvalidInput, match="no item 'nope'"):
        store.record_answer(sid, "nope", Answer(value="yes"))
    with pytest.raises(InvalidInput, match="expected one of yes, no, unsure"):
        store.record_answer(sid, "debt", Answer(value="maybe"))
    with pytest.raises(InvalidInput, match="expected a number"):
        store.record_answer(sid, "claimed-age", Answer(value="fifteen"))
    assert store.get_screening(sid).history == ()


def test_decision_needs_reasons_when_it_differs(store, intake):
    _, sid = start(store, intake)
    with pytest.raises(InvalidInput, match="reasons"):
        store.record_decision(sid, Decision("no-indicators-recorded", (), "full-screening", ""))
    store.record_decision(sid, Decision("no-indicators-recorded", (), "full-screening",
                                        "The child's account worries me."))
    with pytest.raises(InvalidInput, match="outcomes must be among"):
        store.record_decision(sid, Decision("refer", (), "refer"))


def test_completed_screening_is_read_only_and_amended_as_a_new_record(store, intake):
    cid, sid = start(store, intake)
    store.record_answer(sid, "debt", Answer(value="yes"))
    with pytest.raises(InvalidInput, match="decision"):
        store.complete_screening(sid)
    store.record_decision(sid, Decision("full-screening", ("signs-recorded",), "full-screening"))
    store.complete_screening(sid)
    with pytest.raises(ReadOnlyRecord):
        store.record_answer(sid, "debt", Answer(value="no"))
    with pytest.raises(ReadOnlyRecord):
        store.record_decision(sid, Decision("full-screening", (), "full-screening"))
    # The database itself refuses (its triggers), whatever code runs against it.
    with pytest.raises(sqlcipher.IntegrityError, match="read-only"), store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE screenings SET decision_outcome = 'x' WHERE id = ?", (sid,))
    with pytest.raises(sqlcipher.IntegrityError, match=r"read-only|never changed"), store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM answers WHERE screening_id = ?", (sid,))
    new = store.amend_screening(sid)
    amended = store.get_screening(new)
    assert amended.amends_id == sid and amended.status == "draft"
    assert amended.plain_answers() == {"debt": Answer(value="yes")}
    assert store.get_screening(sid).amended_by == new
    rows = store.list_screenings(cid)
    assert [(r.id, r.status, r.amends_id, r.amended_by) for r in rows] == [
        (sid, "completed", None, new), (new, "draft", sid, None)]


def test_case_search_folds_accents_and_norwegian_letters(store):
    store.create_case(CaseDetails(reference="A-1", given_name="Øystein", family_name="Ærø"))
    store.create_case(CaseDetails(reference="B-2", given_name="Amira"))
    assert [c.reference for c in store.list_cases("oystein")] == ["A-1"]
    assert [c.reference for c in store.list_cases("aero")] == ["A-1"]
    assert [c.reference for c in store.list_cases("b-2")] == ["B-2"]
    assert store.count_cases() == 2
    with pytest.raises(InvalidInput, match="exists already"):
        store.create_case(CaseDetails(reference="A-1"))


def test_case_details_round_trip_and_presumption_of_childhood(store):
    d = CaseDetails(reference="C-3", claimed_age=19, assessed_age=16, age_disputed=True,
                    gender="female", nationality="ER", languages="ti, ar",
                    adults=(Adult("man, about 30", "cousin"),))
    cid = store.create_case(d)
    assert store.get_case(cid).details == d
    assert d.may_be_child
    assert not CaseDetails(reference="x", claimed_age=30, assessed_age=25).may_be_child
    assert CaseDetails(reference="x").may_be_child  # no age known: treated as a child


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


def test_recovery_key_opens_the_store(store, data_dir, template):
    store.lock()
    s = Store.open_with_recovery(data_dir, template.recovery.lower().replace("-", " "))
    try:
        assert s.user.is_admin
        s.reset_password(s.user.id, "recovered password")
    finally:
        s.lock()
    Store.open(data_dir, "anna", "recovered password").lock()
    with pytest.raises(WrongPassword):
        Store.open_with_recovery(data_dir, "AAAA-" * 7 + "AAAA")


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
        with s.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT user_id FROM audit WHERE action = 'login-failed'").all()
        assert [r[0] for r in rows] == [s.user.id] * 4
    finally:
        s.lock()
    assert Store.open(data_dir, "ben", WORKER_PASSWORD).lock() is None  # count was reset


def test_every_action_is_one_audit_row_with_ids_only(store, intake):
    cid, sid = start(store, intake)
    store.record_answer(sid, "debt", Answer(value="yes"),
                        AnswerContext(child_words="I owe them money"))
    store.get_case(cid)
    store.record_event("report-exported", case_id=cid, screening_id=sid)
    with store.engine.connect() as conn:
        actions = [r[0] for r in conn.exec_driver_sql("SELECT action FROM audit ORDER BY seq")]
        dump = json.dumps([list(r) for r in conn.exec_driver_sql("SELECT * FROM audit")])
    assert actions[-5:] == ["case-created", "screening-started", "answer", "case-viewed",
                            "report-exported"]
    assert "owe" not in dump and "2026-001" not in dump
    assert store.verify().ok


def test_lock_wipes_the_key_and_refuses_further_calls(store):
    # Deliberate: the key material itself, to see it zeroed in memory; no public
    # call hands out the database key.
    key = store._key
    store.lock()
    assert key == bytearray(len(key))
    from idcheck.store import StoreLocked

    with pytest.raises(StoreLocked):
        store.list_cases()


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
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT case_id FROM audit WHERE action = 'case-deleted-retention'").all() == [(old,)]
    assert store.verify().ok


def test_a_store_opened_on_one_thread_and_locked_on_another_can_open_again(data_dir):
    """The window opens the store off the UI thread and locks it on the UI thread."""
    import gc
    from concurrent.futures import ThreadPoolExecutor

    from idcheck.store import Store, StoreInUse

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


def test_an_answer_and_the_next_position_are_one_commit(store, intake):
    """The walk saves an answer and where it goes next together: one commit (one
    durable write, one fsync), and a crash after it resumes at the next item."""
    _, sid = start(store, intake)
    statements: list[str] = []
    fairy = store.engine.raw_connection()  # the store's one pooled connection
    try:
        fairy.driver_connection.set_trace_callback(statements.append)
        store.record_answer(sid, "debt", Answer(value="yes"), position="documents-held")
        fairy.driver_connection.set_trace_callback(None)
    finally:
        fairy.close()
    commits = [s for s in statements if s.strip().upper().startswith(("COMMIT", "END"))]
    assert len(commits) == 1, statements
    assert any(s.upper().startswith("UPDATE SCREENINGS") for s in statements), statements
    rec = store.get_screening(sid)
    assert rec.position == "documents-held"
    assert rec.answers["debt"].answer == Answer(value="yes")
    # Without a position the saved place stays where it was.
    store.record_answer(sid, "claimed-age", Answer(value=15))
    assert store.get_screening(sid).position == "documents-held"
