"""The audit chain: any single change to the trail is detected, a cut-off end
shows against an anchor, an anchor reads as printed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import PASSWORD

from idcheck.checklist import Answer
from idcheck.store import CaseDetails, Store
from idcheck.store.audit import AuditHead


@pytest.fixture
def audited(store, intake):
    cid = store.create_case(CaseDetails(reference="AUD"))
    sid = store.start_screening(cid, intake.checklist, intake.text, intake.sha256)
    for item in ("debt", "documents-held", "fear-threats", "adult-controls"):
        store.record_answer(sid, item, Answer(value="yes"))
    store.get_case(cid)
    with store.engine.begin() as conn:
        for t in ("audit_no_update", "audit_no_delete"):
            conn.exec_driver_sql(f"DROP TRIGGER {t}")  # as someone with the key could
    result = store.verify()
    assert not result.ok  # the dropped triggers are found ...
    assert any("trigger audit_no_delete is missing" in m for m in result.messages)
    assert _chain_ok(result)  # ... and the chain itself still checks
    return store


def _chain_ok(result):
    return any(m.startswith("audit chain: ok") for m in result.messages)


def _rows(store):
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT * FROM audit ORDER BY seq").mappings()
        return [dict(r) for r in rows]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_single_change_to_the_trail_is_detected(data, tmp_path_factory, template, intake):
    import shutil

    d = tmp_path_factory.mktemp("aud") / "store"
    shutil.copytree(template.path, d)
    store = Store.open(d, "anna", PASSWORD)
    try:
        cid = store.create_case(CaseDetails(reference="AUD"))
        sid = store.start_screening(cid, intake.checklist, intake.text, intake.sha256)
        for item in ("debt", "documents-held", "fear-threats"):
            store.record_answer(sid, item, Answer(value="yes"))
        with store.engine.begin() as conn:
            for t in ("audit_no_update", "audit_no_delete"):
                conn.exec_driver_sql(f"DROP TRIGGER {t}")
        rows = _rows(store)
        n = len(rows)
        kind = data.draw(st.sampled_from(["edit", "delete", "insert", "swap"]))
        i = data.draw(st.integers(1, n - 1 if kind == "swap" else n))
        with store.engine.begin() as conn:
            if kind == "edit":
                field = data.draw(st.sampled_from(["action", "user_id", "case_id", "at"]))
                value = {"action": "'export'", "user_id": "99", "case_id": "42", "at": "at + 1"}[
                    field
                ]
                conn.exec_driver_sql(f"UPDATE audit SET {field} = {value} WHERE seq = ?", (i,))
            elif kind == "delete":
                # (deleting the last row is cut-off truncation: the anchor shows it)
                conn.exec_driver_sql("DELETE FROM audit WHERE seq = ?", (i,))
            elif kind == "insert":
                conn.exec_driver_sql("UPDATE audit SET seq = seq + 1000 WHERE seq >= ?", (i,))
                conn.exec_driver_sql("UPDATE audit SET seq = seq - 999 WHERE seq >= 1000")
                conn.exec_driver_sql(
                    "INSERT INTO audit (seq, at, user_id, action, prev_hash, hash) "
                    "VALUES (?, 0, 1, 'view', ?, ?)",
                    (i, "0" * 64, "f" * 64),
                )
            else:
                a, b = rows[i - 1], rows[i]
                conn.exec_driver_sql("UPDATE audit SET seq = -1 WHERE seq = ?", (a["seq"],))
                conn.exec_driver_sql("UPDATE audit SET seq = ? WHERE seq = ?", (a["seq"], b["seq"]))
                conn.exec_driver_sql("UPDATE audit SET seq = ? WHERE seq = -1", (b["seq"],))
        anchor = f"{rows[-1]['seq']}:{rows[-1]['hash'][:12]}"
        result = store.verify(anchor)
        assert not result.ok, (kind, i)
    finally:
        store.lock()


def test_truncation_is_caught_with_the_anchor(audited):
    head = audited.audit_head()
    with audited.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit WHERE seq >= ?", (head.seq - 1,))
    assert _chain_ok(audited.verify())  # without an anchor, a shorter trail still chains
    result = audited.verify(str(head))
    assert not result.ok
    assert any("cut off" in m for m in result.messages)


def test_anchor_parse():
    assert AuditHead.parse("12:abcdef012345") == AuditHead(12, "abcdef012345")
    with pytest.raises(ValueError):
        AuditHead.parse("twelve")
