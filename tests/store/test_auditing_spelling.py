"""The verify spells each audit row's HMAC message itself (not through a JSON
encoder pass per row): rows with times needing 15, 16 or 17 digits and text beyond
ASCII still verify, a change of a millionth of a second is caught, and a value of
a type the store never writes is caught."""

from __future__ import annotations

from idcheck.store import Store
from idcheck.store import audit as audit_mod

# Times whose shortest form has 15, 16 and 17 significant digits, and a whole one.
AWKWARD_TIMES = (1797367373.484539, 1796557730.713514, 0.1 + 0.2, 1797011309.482107, 1.0e9)


def _append(store: Store, action: str, at: float, monkeypatch) -> None:
    # An event recorded through the store, at a chosen time.
    with monkeypatch.context() as m:
        m.setattr(audit_mod.time, "time", lambda: at)
        store.record_event(action, case_id=7)


def _chain_line(result) -> str:
    return next(m for m in result.messages if m.startswith("audit chain"))


def test_rows_with_awkward_times_and_text_verify(store, monkeypatch):
    for at in AWKWARD_TIMES:
        _append(store, "report-viewed", at, monkeypatch)
    _append(store, "vérifié-ø", 1797367373.5, monkeypatch)  # text beyond ASCII
    result = store.verify()
    assert result.ok, result.messages
    assert _chain_line(result).startswith("audit chain: ok")


def test_a_change_of_a_millionth_of_a_second_is_caught(store, monkeypatch):
    for at in AWKWARD_TIMES:
        _append(store, "report-viewed", at, monkeypatch)
    head = store.audit_head()
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_no_update")
        conn.exec_driver_sql("UPDATE audit SET at = at + 0.000001 WHERE seq = ?", (head.seq - 2,))
    result = store.verify()
    assert not result.ok
    assert f"audit chain: broken at row {head.seq - 2}" in _chain_line(result)


def test_a_case_id_changed_to_text_is_caught(store, monkeypatch):
    """A case id changed from a number to text breaks the row's HMAC."""
    _append(store, "report-viewed", 1797367373.25, monkeypatch)
    head = store.audit_head()
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_no_update")
        conn.exec_driver_sql("UPDATE audit SET case_id = 'seven' WHERE seq = ?", (head.seq,))
    result = store.verify()
    assert not result.ok
    assert f"audit chain: broken at row {head.seq}" in _chain_line(result)
