"""Referrals with their state history, the individual plan's versions, missing
episodes (flagged in the case list while open), case notes, and the timeline
that puts them in time order. Every write has its audit row; no text reaches it."""

from __future__ import annotations

import pytest

from idcheck.store import (
    CaseDetails,
    InvalidInput,
    MissingDraft,
    PlanEntry,
    ReferralDraft,
    TaskDraft,
)

T0 = 1_800_000_000.0
HOUR = 3600.0


def _case(store, ref="C-1"):
    return store.create_case(CaseDetails(reference=ref, given_name="Mei"))


def _trail(store, case_id):
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT action, object_id, content FROM audit WHERE case_id = ? ORDER BY seq",
            (case_id,),
        ).all()
    return rows


def test_a_referral_moves_through_its_states_with_history(store):
    cid = _case(store)
    rid = store.add_referral(
        cid,
        ReferralDraft("Barnevernvakten Oslo", "phone", T0, follow_up_on=T0 + 48 * HOUR),
        now=T0 + 60,
    )
    store.set_referral_state(rid, "received", at=T0 + HOUR)
    with pytest.raises(InvalidInput, match="reason it was declined is required"):
        store.set_referral_state(rid, "declined", reason="  ", at=T0 + 2 * HOUR)
    store.set_referral_state(rid, "declined", reason="not in our district", at=T0 + 2 * HOUR)
    store.set_referral_state(rid, "sent", at=T0 + 3 * HOUR)
    store.set_referral_state(rid, "accepted", at=T0 + 4 * HOUR)
    store.set_referral_state(rid, "closed", at=T0 + 5 * HOUR)
    with pytest.raises(InvalidInput, match="closed can become: nothing"):
        store.set_referral_state(rid, "received")
    (ref,) = store.referrals(cid)
    assert (ref.recipient, ref.method, ref.state, ref.follow_up_on) == (
        "Barnevernvakten Oslo",
        "phone",
        "closed",
        T0 + 48 * HOUR,
    )
    assert [(h.state, h.at, h.by, h.reason) for h in ref.history] == [
        ("sent", T0, "anna", ""),
        ("received", T0 + HOUR, "anna", ""),
        ("declined", T0 + 2 * HOUR, "anna", "not in our district"),
        ("sent", T0 + 3 * HOUR, "anna", ""),
        ("accepted", T0 + 4 * HOUR, "anna", ""),
        ("closed", T0 + 5 * HOUR, "anna", ""),
    ]
    acts = [a for a, _o, _c in _trail(store, cid)]
    assert acts.count("referral-state") == 5 and acts.count("referral-added") == 1
    assert "district" not in repr(_trail(store, cid))


def test_referrals_are_listed_in_the_order_sent_and_bad_ones_refused(store):
    cid = _case(store)
    later = store.add_referral(cid, ReferralDraft("Politiet", "by_hand", T0 + HOUR), now=T0 + HOUR)
    first = store.add_referral(cid, ReferralDraft("UDI", "encrypted_file", T0), now=T0 + HOUR)
    assert [r.id for r in store.referrals(cid)] == [first, later]
    for draft, message in [
        (ReferralDraft("", "phone", T0), "recipient is required"),
        (ReferralDraft("Po\nlitiet", "phone", T0), "one line"),
        (ReferralDraft("Politiet", "pigeon", T0), "unknown way of sending"),  # type: ignore[arg-type]
        (ReferralDraft("Politiet", "phone", T0 + 99 * HOUR), "future"),
        (ReferralDraft("Politiet\u202e", "phone", T0), "control character"),
    ]:
        with pytest.raises(InvalidInput, match=message):
            store.add_referral(cid, draft, now=T0 + HOUR)
    with pytest.raises(InvalidInput, match="before the referral was sent"):
        store.set_referral_state(later, "received", at=T0)
    with pytest.raises(InvalidInput, match="unknown referral state"):
        store.set_referral_state(later, "lost")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="no referral"):
        store.set_referral_state(later + 100, "received")
    assert len(store.referrals(cid)) == 2


def test_each_save_of_the_plan_is_a_new_version_and_all_are_kept(store):
    cid = _case(store)
    assert store.plan(cid) is None
    e1 = PlanEntry(
        "A safe place to live",
        "Placed within 24 hours",
        "Emergency placement",
        "Barnevernet",
        T0 + 7 * 86400,
    )
    store.save_plan(cid, [e1], next_review_on=T0 + 14 * 86400, summary="first plan", now=T0)
    e2 = PlanEntry("School", "Starts school", "Introductory class", "Kommunen", None)
    pid = store.save_plan(cid, [e1, e2], next_review_on=None, now=T0 + 86400)
    newest = store.plan(cid)
    assert newest is not None and newest.id == pid and newest.version == 2
    assert newest.entries == (e1, e2) and newest.saved_by == "anna"
    assert [p.version for p in store.plan_versions(cid)] == [1, 2]
    assert store.plan_versions(cid)[0].entries == (e1,)
    assert store.plan_versions(cid)[0].summary == "first plan"
    with pytest.raises(InvalidInput, match="need 2 is required"):
        store.save_plan(cid, [e1, PlanEntry(" ", "", "", "", None)], next_review_on=None)
    with pytest.raises(InvalidInput, match="responsible for need 1 must be one line"):
        store.save_plan(cid, [PlanEntry("x", "", "", "a\nb", None)], next_review_on=None)
    assert len(store.plan_versions(cid)) == 2


def test_an_open_missing_episode_flags_the_case_until_the_child_is_found(store):
    cid = _case(store, "GONE")
    other = _case(store, "HERE")
    eid = store.add_missing(
        cid,
        MissingDraft(
            T0,
            last_seen_where="Reception centre, Østfold",
            reported_at=T0 + HOUR,
            reported_by="anna",
            police_reference="POL-2026-77",
        ),
        now=T0 + 2 * HOUR,
    )
    flags = {r.reference: r.missing for r in store.list_cases(now=T0 + 3 * HOUR)}
    assert flags == {"GONE": True, "HERE": False}
    (ep,) = store.missing_episodes(cid)
    assert ep.open() and ep.police_reference == "POL-2026-77" and ep.recorded_by == "anna"
    with pytest.raises(InvalidInput, match="found before going missing"):
        store.update_missing(eid, MissingDraft(T0, found_at=T0 - HOUR), now=T0 + 3 * HOUR)
    with pytest.raises(InvalidInput, match="return interview follows"):
        store.update_missing(eid, MissingDraft(T0, interview_at=T0 + HOUR), now=T0 + 3 * HOUR)
    found = MissingDraft(
        **{**_fields(ep.draft()), "found_at": T0 + 30 * HOUR, "found_where": "Oslo S"}
    )
    store.update_missing(eid, found, now=T0 + 31 * HOUR)
    assert not store.missing_episode(eid).open()
    assert store.missing_episode(eid).police_reference == "POL-2026-77"
    assert {r.reference: r.missing for r in store.list_cases()}["GONE"] is False
    acts = [a for a, _o, _c in _trail(store, cid)]
    assert acts[-2:] == ["missing-added", "missing-found"]
    assert "Østfold" not in repr(_trail(store, cid))
    assert store.missing_episodes(other) == []


def _fields(d):
    import dataclasses

    return {f.name: getattr(d, f.name) for f in dataclasses.fields(d)}


def test_a_missing_episode_in_the_future_or_of_no_case_is_refused(store):
    cid = _case(store)
    with pytest.raises(InvalidInput, match="went missing is in the future"):
        store.add_missing(cid, MissingDraft(T0 + 10 * HOUR), now=T0)
    with pytest.raises(InvalidInput, match="no case"):
        store.add_missing(cid + 9, MissingDraft(T0), now=T0)
    with pytest.raises(InvalidInput, match="no missing episode"):
        store.update_missing(999, MissingDraft(T0), now=T0)


def test_notes_hold_long_and_right_to_left_text_but_not_an_empty_one(store):
    cid = _case(store)
    long = "سارا قالت إنها خائفة. " * 900  # about 19,000 characters
    nid = store.add_note(cid, long, now=T0)
    note = [e for e in store.timeline(cid) if e.kind == "note"]
    assert [(e.ref_id, e.detail) for e in note] == [(nid, long.strip())]
    for bad in ("", " \n ", "x" * 20_001, "bad \x00 byte"):
        with pytest.raises(InvalidInput):
            store.add_note(cid, bad)
    assert "خائفة" not in repr(_trail(store, cid))


def test_the_timeline_puts_everything_in_time_order(store):
    cid = _case(store)
    created = store.get_case(cid).created_at
    store.set_first_contact(
        cid, created - 5 * HOUR, "police found her at the station", now=created + 1
    )
    tid = store.add_task(cid, TaskDraft("Safe placement", due_at=created + HOUR), now=created + 2)
    rid = store.add_referral(
        cid, ReferralDraft("Barnevernet", "phone", created + 3), now=created + 3
    )
    store.set_referral_state(rid, "accepted", at=created + 4)
    store.save_plan(cid, [], next_review_on=None, summary="first", now=created + 5)
    eid = store.add_missing(cid, MissingDraft(created + 6, "school"), now=created + 7)
    store.update_missing(
        eid, MissingDraft(created + 6, "school", found_at=created + 8), now=created + 9
    )
    store.finish_task(tid, "done", now=created + 10)
    store.add_note(cid, "She is settled.", now=created + 11)
    got = [(e.kind, e.title) for e in store.timeline(cid)]
    assert got == [
        ("first-contact", "First contact"),
        ("case", "Case created"),
        ("first-contact", "First contact changed"),
        ("task", "Task added"),
        ("referral", "Referral sent"),
        ("referral-state", "Referral accepted"),
        ("plan", "Plan saved"),
        ("missing", "Went missing"),
        ("found", "Found"),
        ("task-done", "Task done"),
        ("note", "Note"),
    ]
    entries = store.timeline(cid)
    assert entries[2].detail == "police found her at the station" and entries[2].by == "anna"
    assert entries[4].detail == "Barnevernet (phone)"
    with pytest.raises(InvalidInput, match="no case"):
        store.timeline(cid + 5)


def test_followup_stats_count_per_case_without_names_or_references(store, intake):
    from tests.store.test_tasks import _completed

    cid, _sid = _completed(store, intake, "S-1")
    first = store.get_case(cid).first_contact_at
    safe = next(t for t in store.tasks(cid) if t.clock == "safe-placement")
    store.finish_task(safe.id, "done", now=first + 20 * HOUR)
    store.add_referral(cid, ReferralDraft("Barnevernet", "phone", first + HOUR), now=first + HOUR)
    later = store.add_referral(
        cid, ReferralDraft("Barnevernet", "post", first + 9 * HOUR), now=first + 9 * HOUR
    )
    store.set_referral_state(later, "accepted", at=first + 10 * HOUR)
    store.add_referral(
        cid, ReferralDraft("UDI", "encrypted_file", first + 2 * HOUR), now=first + 2 * HOUR
    )
    e1 = store.add_missing(cid, MissingDraft(first + 3 * HOUR), now=first + 4 * HOUR)
    store.update_missing(
        e1, MissingDraft(first + 3 * HOUR, found_at=first + 5 * HOUR), now=first + 6 * HOUR
    )
    store.add_missing(cid, MissingDraft(first + 7 * HOUR), now=first + 8 * HOUR)
    quiet = store.create_case(CaseDetails(reference="S-2", given_name="Øystein"))
    outside = store.create_case(CaseDetails(reference="S-3"))
    store.set_first_contact(outside, first - 400 * 86400, "an old case found again")
    rows = list(store.iter_followup_stats(first - 86400, first + 86400))
    assert len(rows) == 2
    row = rows[0]
    assert row.first_contact_at == first
    assert row.safe_placement_done_at == first + 20 * HOUR
    assert row.first_referrals == (("Barnevernet", first + HOUR), ("UDI", first + 2 * HOUR))
    assert row.referral_states == ("sent", "sent", "accepted")
    assert (row.missing_episodes, row.missing_found) == (2, 1)
    other = rows[1]
    assert other.first_contact_at == store.get_case(quiet).first_contact_at
    assert (other.safe_placement_done_at, other.first_referrals, other.missing_episodes) == (
        None,
        (),
        0,
    )
    assert "S-1" not in repr(rows) and "Øystein" not in repr(rows)


def test_a_task_not_needed_reads_with_its_reason_in_the_timeline(store):
    """A plan's task is a sentence ending with a full stop; its reason follows
    after a colon, not after '.:' as it read."""
    cid = _case(store)
    tid = store.add_task(cid, TaskDraft("Complete the full screening within 24 hours."))
    store.finish_task(tid, "not_needed", note="the same as task 5")
    (entry,) = [e for e in store.timeline(cid) if e.title == "Task not needed"]
    assert entry.detail == "Complete the full screening within 24 hours: the same as task 5"
