"""The audit trail through the public Store: one row per action with ids only,
its reading, its head, and the whole store's check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import PASSWORD
from tests.store.conftest import start

from idcheck.checklist import Answer
from idcheck.store import (
    AnswerContext,
    CaseDetails,
    Store,
    StoreCorrupt,
)


def db(data_dir: Path) -> Path:
    return data_dir / "idcheck.db"


def test_every_action_is_one_audit_row_with_ids_only(store, intake):
    cid, sid = start(store, intake)
    store.record_answer(
        sid, "debt", Answer(value="yes"), AnswerContext(child_words="I owe them money")
    )
    store.get_case(cid)
    store.record_event("report-exported", case_id=cid, screening_id=sid)
    actions = [r.action for r in store.audit_trail()]
    # Every column of the table as stored (hashes included), not only the
    # trail's public reading: no child's words or reference anywhere in it.
    with store.engine.connect() as conn:
        dump = json.dumps([list(r) for r in conn.exec_driver_sql("SELECT * FROM audit")])
    assert actions[-5:] == [
        "case-created",
        "screening-started",
        "answer",
        "case-viewed",
        "report-exported",
    ]
    assert "owe" not in dump and "2026-001" not in dump
    assert store.verify().ok


def test_damage_found_by_verify(store, data_dir, intake):
    cid = store.create_case(CaseDetails(reference="Y"))
    store.start_screening(cid, intake.checklist, intake.text, intake.sha256)
    store.lock()
    raw = bytearray(db(data_dir).read_bytes())
    raw[-200] ^= 0x01  # one bit in the last page
    db(data_dir).write_bytes(bytes(raw))
    try:
        s = Store.open(data_dir, "anna", PASSWORD)
    except StoreCorrupt:
        return  # refused at open: also right
    try:
        with pytest.raises(StoreCorrupt):
            result = s.verify()
            assert not result.ok
            raise StoreCorrupt("verify reported it")
    finally:
        s.lock()


def test_the_trail_is_read_by_action_and_screening_and_reading_writes_nothing(store, intake):
    cid, sid = start(store, intake)
    _, other = start(store, intake, "2026-002")
    store.record_answer(sid, "debt", Answer(value="yes"))
    store.record_answer(other, "debt", Answer(value="no"))
    said = store.record_event("danger-acknowledged", case_id=cid, screening_id=sid)
    head = store.audit_head()
    assert said == str(head)  # record_event returns the new head as SEQ:HASH
    answers = store.audit_trail("answer")
    assert [(r.action, r.screening_id) for r in answers] == [("answer", sid), ("answer", other)]
    assert [r.action for r in store.audit_trail(screening_id=sid)] == [
        "screening-started",
        "answer",
        "danger-acknowledged",
    ]
    seqs = [r.seq for r in store.audit_trail()]
    assert seqs == sorted(seqs) and seqs[-1] == head.seq
    assert [u for _at, u in store.danger_acknowledgements(sid)] == [store.user.id]
    assert store.danger_acknowledgements(other) == []
    assert store.audit_head() == head  # reading the trail is not itself audited


def test_each_action_moves_the_head_by_one_row(store):
    head = store.audit_head()
    store.create_case(CaseDetails(reference="H-1"))
    after = store.audit_head()
    assert after.seq == head.seq + 1 and after.hash != head.hash
    assert store.verify(str(head)).ok and store.verify(str(after)).ok
