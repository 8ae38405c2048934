"""The content hash a completion keeps: it is the completed screening as it
stands, other work leaves it as it was, and any change behind the store's back
shows. (Attacks on it are in tests/attack/test_audit_chain.py.)"""

from __future__ import annotations

from tests.store.conftest import screened

from idcheck.checklist import Answer
from idcheck.store import content


def _held(store, sid):
    with store.engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT content FROM audit WHERE action = 'screening-completed' AND screening_id = ?",
            (sid,),
        ).scalar()


def _now(store, sid):
    with store.engine.connect() as conn:
        return content.screening_hash(conn, sid)


def test_the_hash_kept_at_completion_is_the_screening_as_it_stands(store, intake):
    _, sid = screened(
        store, intake, "C-1", {"debt": "yes", "documents-held": "no"}, "full-screening"
    )
    held = _held(store, sid)
    assert held.startswith(content.PREFIX) and held == _now(store, sid)


def test_other_work_and_an_amendment_leave_it_as_it_was(store, intake):
    _, sid = screened(store, intake, "C-1", {"debt": "yes"}, "full-screening")
    held = _held(store, sid)
    screened(store, intake, "C-2", {"debt": "no"}, "no-indicators-recorded")
    amendment = store.amend_screening(sid)
    store.record_answer(amendment, "debt", Answer(value="no"))
    assert _now(store, sid) == held
    assert _now(store, amendment) != held  # the draft amendment is its own screening
    assert store.verify().ok


def test_a_change_behind_the_stores_back_shows_and_is_named(store, intake):
    _, sid = screened(store, intake, "C-1", {"debt": "yes"}, "full-screening")
    held = _held(store, sid)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER answers_no_update")
        conn.exec_driver_sql(
            "UPDATE answers SET worker_note = 'added later' WHERE screening_id = ?", (sid,)
        )
    assert _now(store, sid) != held
    result = store.verify()
    assert not result.ok
    assert any(f"content: screening {sid}" in m for m in result.messages), result.messages
