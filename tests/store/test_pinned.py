"""A completed screening keeps the routes files, contacts and site profile it was
completed under (migration 0004), read-only like the rest of it."""

from __future__ import annotations

import time

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from idcheck.checklist import Answer, find
from idcheck.store import CaseDetails, Decision, SiteProfile


def _complete(store, intake, ref="PIN-1"):
    cid = store.create_case(CaseDetails(reference=ref))
    sid = store.start_screening(cid, intake.checklist, intake.text, intake.sha256)
    store.record_answer(sid, "debt", Answer(value="yes"))
    store.record_decision(sid, Decision("full-screening", ("signs-recorded",), "full-screening"))
    return cid, sid


def test_completion_pins_the_routes_contacts_and_site_in_use(store, intake):
    store.save_contacts(
        [{"role": "child-welfare", "name": "Barnevernvakten Oslo", "phone": "+47 22 00 00 00"}]
    )
    store.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction="NO", phone="22 00 00 00"))
    _, sid = _complete(store, intake)
    assert store.get_screening(sid).pinned is None  # a draft pins nothing
    store.complete_screening(sid)
    pinned = store.get_screening(sid).pinned
    assert pinned is not None
    assert [r.id for r in pinned.routes] == list(intake.checklist.routes)
    for r in pinned.routes:
        assert r.text == find(f"{r.id}@{r.version}").path.read_bytes()
    assert [c["name"] for c in pinned.contacts] == ["Barnevernvakten Oslo"]
    assert SiteProfile.from_dict(pinned.site) == store.site_profile()
    assert pinned.site["name"] == "Mottak Nord" and pinned.site["phone"] == "22 00 00 00"
    # Later changes leave the pinned copy as it was.
    store.save_contacts([])
    store.set_site_profile(SiteProfile(name="Elsewhere", jurisdiction="GB-EAW"))
    assert store.get_screening(sid).pinned == pinned


def test_the_database_refuses_to_change_the_pins_of_a_completed_screening(store, intake):
    _, sid = _complete(store, intake)
    store.complete_screening(sid)
    with pytest.raises(sqlcipher.IntegrityError, match="read-only"), store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE pinned_documents SET contacts = '[]'")
    with pytest.raises(sqlcipher.IntegrityError, match="read-only"), store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM pinned_documents")


def test_retention_deletes_the_pins_with_their_case(store, intake):
    cid, sid = _complete(store, intake)
    store.complete_screening(sid)
    store.close_case(cid)
    store.set_setting("retention_years", "1")
    assert store.apply_retention(now=time.time() + 2 * 366 * 86400) == [cid]
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM pinned_documents").scalar() == 0
    assert store.verify().ok


def test_a_routes_text_pinned_by_many_screenings_is_kept_once(store, intake):
    """Every screening completed under the same routes pins the same text: it is
    stored once (migration 0008) and each screening reads it back whole."""
    sids = []
    for n in range(3):
        _, sid = _complete(store, intake, ref=f"PIN-{n}")
        store.complete_screening(sid)
        sids.append(sid)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM pinned_texts").scalar() == 1
        kept = conn.exec_driver_sql("SELECT sum(length(routes)) FROM pinned_documents").scalar()
    assert kept == 0  # no row holds its own copy
    first = store.get_screening(sids[0]).pinned
    assert first is not None and first.routes
    for r in first.routes:
        assert r.text == find(f"{r.id}@{r.version}").path.read_bytes()
    for s in sids:
        p = store.get_screening(s).pinned
        assert p is not None and (p.routes, p.contacts, p.site) == (
            first.routes,
            first.contacts,
            first.site,
        )
    assert store.verify().ok


def test_the_shared_routes_text_is_read_only_and_a_change_to_it_is_found(store, intake):
    sids = []
    for n in range(2):
        _, sid = _complete(store, intake, ref=f"PIN-{n}")
        store.complete_screening(sid)
        sids.append(sid)
    with pytest.raises(sqlcipher.IntegrityError, match="read-only"), store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE pinned_texts SET text = '[]'")
    with pytest.raises(sqlcipher.IntegrityError, match="read-only"), store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM pinned_texts")
    with store.engine.begin() as conn:  # as someone with the key could
        conn.exec_driver_sql("DROP TRIGGER pinned_texts_no_update")
        conn.exec_driver_sql("UPDATE pinned_texts SET text = replace(text, 'Call', 'Ring')")
    result = store.verify()
    assert not result.ok
    assert set(result.altered_screenings) == set(sids)
    assert any(m.startswith("pinned routes texts: changed") for m in result.messages)
    assert any("trigger pinned_texts_no_update is missing" in m for m in result.messages)
