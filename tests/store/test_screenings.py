"""Screenings through the public Store: answers with their context, the
position saved with an answer, decisions, completion and amendment, statistics rows."""

from __future__ import annotations

import time

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from tests.conftest import PASSWORD, WORKER_PASSWORD
from tests.store.conftest import screened, start

from idcheck.checklist import Answer
from idcheck.report.stats_rows import with_forms
from idcheck.store import (
    AnswerContext,
    Decision,
    InvalidInput,
    NotAllowed,
    ReadOnlyRecord,
    Store,
)


def test_answers_with_context_are_kept_and_the_latest_wins(store, intake):
    _, sid = start(store, intake)
    ctx = AnswerContext(
        source="child-said",
        worker_note="seemed afraid",
        child_words="Han har passet mitt",
        language="nb",
        interpreter_present=True,
        interpreter="Phone 4411",
        read_back=True,
    )
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
    store.record_decision(
        sid,
        Decision("no-indicators-recorded", (), "full-screening", "The child's account worries me."),
    )
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
    with (
        pytest.raises(sqlcipher.IntegrityError, match=r"read-only|never changed"),
        store.engine.begin() as conn,
    ):
        conn.exec_driver_sql("DELETE FROM answers WHERE screening_id = ?", (sid,))
    new = store.amend_screening(sid)
    amended = store.get_screening(new)
    assert amended.amends_id == sid and amended.status == "draft"
    assert amended.plain_answers() == {"debt": Answer(value="yes")}
    assert store.get_screening(sid).amended_by == new
    rows = store.list_screenings(cid)
    assert [(r.id, r.status, r.amends_id, r.amended_by) for r in rows] == [
        (sid, "completed", None, new),
        (new, "draft", sid, None),
    ]


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


def test_a_draft_resumes_where_the_worker_was(store, intake, data_dir):
    _, sid = screened(store, intake, "R-1", {"debt": "yes"})
    store.set_position(sid, "documents-held")
    store.lock()
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        rec = s.get_screening(sid)
        assert rec.position == "documents-held" and rec.status == "draft"
        assert rec.plain_answers() == {"debt": Answer(value="yes")}
    finally:
        s.lock()


def test_statistics_rows_hold_no_names_references_or_text(store, intake):
    t0 = time.time()
    screened(
        store,
        intake,
        "S-1",
        {"work-or-money": "yes", "debt": "yes"},
        "full-screening",
        given_name="Amira",
        gender="female",
        claimed_age=15,
        nationality="ER",
        identified_by="police",
        notes="private",
    )
    screened(store, intake, "S-2", {"debt": "no"}, "no-indicators-recorded", gender="male")
    screened(store, intake, "S-3", {"debt": "yes"})  # a draft: not counted
    rows = list(store.iter_stats(t0 - 1, time.time() + 1))
    assert [(r.outcome, r.gender, r.claimed_age, r.nationality, r.identified_by) for r in rows] == [
        ("full-screening", "female", 15, "ER", "police"),
        ("no-indicators-recorded", "male", None, None, None),
    ]
    # The items answered yes, as stored; the statistics classify them into forms.
    assert sorted(rows[0].yes_items) == ["debt", "work-or-money"] and rows[0].forms == ()
    assert rows[0].checklist_sha256 == intake.sha256
    forms = [r.forms for r in with_forms(store, rows)]
    assert forms == [("begging", "criminal-exploitation", "labour"), ()]
    assert rows[0].checklist_id == "intake-screen"
    text = repr(rows)
    assert "Amira" not in text and "S-1" not in text and "private" not in text
    assert list(store.iter_stats(t0 - 100, t0 - 1)) == []


def test_statistics_are_for_administrators_and_count_an_amendment_once(store, data_dir, intake):
    t0 = time.time()
    _, sid = screened(store, intake, "A-1", {"debt": "yes"}, "full-screening", gender="female")
    new = store.amend_screening(sid)
    rows = list(store.iter_stats(t0 - 1, time.time() + 1))
    assert len(rows) == 1  # the amendment is a draft: the original still counts
    store.record_answer(new, "debt", Answer(value="no"))
    store.record_decision(new, Decision("no-indicators-recorded", (), "no-indicators-recorded"))
    store.complete_screening(new)
    rows = list(store.iter_stats(t0 - 1, time.time() + 1))
    assert [(r.outcome, r.yes_items) for r in rows] == [("no-indicators-recorded", ())]
    store.lock()
    worker = Store.open(data_dir, "ben", WORKER_PASSWORD)
    try:
        with pytest.raises(NotAllowed):
            list(worker.iter_stats(t0 - 1, time.time() + 1))
    finally:
        worker.lock()
