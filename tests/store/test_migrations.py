"""Stores written by earlier releases open, are copied aside, and upgrade; a
store from a newer release is refused untouched (see test_bad_input.py)."""

from __future__ import annotations

from idcheck.checklist import Answer
from idcheck.store import AnswerContext, Store
from idcheck.store.database import (
    SQLITE_MAGIC,
    current_revision,
    head_revision,
    make_engine,
)

PASSWORD = "correct horse battery"  # as in conftest.py


def test_a_store_made_by_the_first_schema_opens_and_upgrades(first_schema_store):
    v1 = first_schema_store
    store = Store.open(v1.path, "anna", PASSWORD)
    try:
        assert current_revision(store.engine) == head_revision() != "0001"
        draft = store.get_screening(v1.draft_id)
        assert draft.status == "draft" and draft.position == "debt"
        assert draft.answers["debt"].answer == Answer(value="yes")
        assert draft.answers["debt"].context == AnswerContext(
            source="child-said",
            child_words="I must pay for the trip",
            language="nb",
            interpreter_present=True,
            interpreter="Phone 4411",
            read_back=True,
        )
        done = store.get_screening(v1.completed_id)
        assert done.completed and done.decision is not None
        assert done.decision.fired_rules == ("signs-recorded",)
        case = store.get_case(draft.case_id)
        assert case.details.adults[0].stated_relation == "aunt"
        assert [c.reference for c in store.list_cases("oystein")] == ["V1-001"]
        # Work goes on where it stopped, and the old trail still chains.
        store.record_answer(v1.draft_id, "fear-threats", Answer(value="no"))
        with store.engine.connect() as conn:
            indexes = {
                r[0]
                for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
            }
        assert {"ix_screenings_completed", "ix_screenings_amends"} <= indexes
        assert store.verify().ok
    finally:
        store.lock()


def test_the_store_is_copied_aside_before_it_is_upgraded(first_schema_store):
    v1 = first_schema_store
    Store.open(v1.path, "anna", PASSWORD).lock()
    copies = list(v1.path.glob("idcheck.db.before-*.bak"))
    assert [c.name for c in copies] == [f"idcheck.db.before-{head_revision()}.bak"]
    assert not copies[0].read_bytes().startswith(SQLITE_MAGIC)  # still encrypted
    engine = make_engine(copies[0], v1.key)
    try:
        assert current_revision(engine) == "0001"  # the store as it was
    finally:
        engine.dispose()
    # Opening an up-to-date store makes no further copies.
    Store.open(v1.path, "anna", PASSWORD).lock()
    assert len(list(v1.path.glob("*.bak"))) == 1
