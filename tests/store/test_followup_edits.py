"""Follow-up records changed after saving, and the tasks follow-up dates make: a
referral's follow-up date and a plan version's review date each become an open
task due then; moving the date moves it, closing the referral or superseding the
plan closes it with a reason. A task's text, note and due time and a referral's
follow-up date change with the old and new value kept (a due time only with a
reason), each audited with its hash; bad input changes nothing. The clock is
always given (never slept)."""

from __future__ import annotations

import pytest

from idcheck.store import (
    CaseDetails,
    Decision,
    InvalidInput,
    PlanEntry,
    ReferralDraft,
    SiteProfile,
    TaskDraft,
)

T0 = 1_790_000_000.0
HOUR = 3600.0
DAY = 86400.0


def _case(store, ref="E-1"):
    return store.create_case(CaseDetails(reference=ref, given_name="Mei"))


def _actions(store, case_id):
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT action, object_id FROM audit WHERE case_id = ? ORDER BY seq", (case_id,)
        ).all()
    return [tuple(r) for r in rows]


def _changes(store):
    with store.engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.exec_driver_sql(
                "SELECT task_id, referral_id, field, old_text, new_text, old_at, new_at, reason "
                "FROM followup_changes ORDER BY id"
            )
        ]


def _rows(store):
    """Every row of the follow-up tables, to show that a refusal changed nothing."""
    with store.engine.connect() as conn:
        return {
            t: conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY rowid").all()
            for t in ("tasks", "referral_records", "followup_changes", "task_links", "audit")
        }


def _follow_ups(store, cid, clock):
    return [t for t in store.tasks(cid) if t.clock == clock]


def test_a_referrals_follow_up_date_is_a_task_that_moves_with_it_and_closes_with_it(store):
    cid = _case(store)
    rid = store.add_referral(
        cid,
        ReferralDraft("Barnevernvakten", "phone", T0, follow_up_on=T0 + 3 * DAY),
        now=T0,
    )
    (task,) = _follow_ups(store, cid, "referral-follow-up")
    assert (task.what, task.due_at, task.status) == (
        "Follow up the referral to Barnevernvakten",
        T0 + 3 * DAY,
        "open",
    )
    assert task.assignee == "anna"  # who sent it follows it up
    assert ("task-added", task.id) in _actions(store, cid)
    # Moving the date moves the same task (audited), with the old and new date kept.
    assert store.edit_referral(
        rid, follow_up_on=T0 + 5 * DAY, reason="they asked for a week", now=T0 + HOUR
    )
    (moved,) = _follow_ups(store, cid, "referral-follow-up")
    assert (moved.id, moved.due_at) == (task.id, T0 + 5 * DAY)
    assert store.referral(rid).follow_up_on == T0 + 5 * DAY
    assert _changes(store)[-1] == (
        None,
        rid,
        "follow_up_on",
        None,
        None,
        T0 + 3 * DAY,
        T0 + 5 * DAY,
        "they asked for a week",
    )
    acts = _actions(store, cid)
    assert acts[-2:] == [("task-retimed", task.id), ("referral-edited", rid)]
    # The same date again: nothing written.
    before = _rows(store)
    assert not store.edit_referral(rid, follow_up_on=T0 + 5 * DAY, reason="again", now=T0 + HOUR)
    assert _rows(store) == before
    # Closing the referral closes its task: not needed, with the reason.
    store.set_referral_state(rid, "closed", at=T0 + 2 * DAY)
    (closed,) = _follow_ups(store, cid, "referral-follow-up")
    assert (closed.status, closed.reason, closed.done_at) == (
        "not_needed",
        "the referral was closed",
        T0 + 2 * DAY,
    )
    with pytest.raises(InvalidInput, match="closed; its follow-up is over"):
        store.edit_referral(rid, follow_up_on=T0 + 9 * DAY, reason="x")
    assert store.verify().ok


def test_a_follow_up_date_set_later_or_removed_makes_or_closes_the_task(store):
    cid = _case(store)
    rid = store.add_referral(cid, ReferralDraft("Politiet", "by_hand", T0), now=T0)
    assert _follow_ups(store, cid, "referral-follow-up") == []  # no date, no task
    store.edit_referral(rid, follow_up_on=T0 + DAY, reason="call them tomorrow", now=T0)
    (task,) = _follow_ups(store, cid, "referral-follow-up")
    assert task.due_at == T0 + DAY and task.status == "open"
    store.edit_referral(rid, follow_up_on=None, reason="they will call us", now=T0 + HOUR)
    (task,) = _follow_ups(store, cid, "referral-follow-up")
    assert task.status == "not_needed"
    assert task.reason == "the referral's follow-up date was removed: they will call us"
    # Followed up (done), then a new date: a new task, the done one kept.
    store.edit_referral(rid, follow_up_on=T0 + 2 * DAY, reason="no call came", now=T0 + DAY)
    tasks = _follow_ups(store, cid, "referral-follow-up")
    assert [t.status for t in tasks] == ["open", "not_needed"]
    assert store.verify().ok


def test_a_plans_review_date_is_a_task_the_next_version_closes(store):
    cid = _case(store)
    entry = PlanEntry("safety", "a safe place", "placement", "social worker", None)
    store.save_plan(cid, [entry], next_review_on=T0 + 14 * DAY, now=T0)
    (first,) = _follow_ups(store, cid, "plan-review")
    assert (first.what, first.due_at, first.status) == (
        "Review the individual plan (version 1)",
        T0 + 14 * DAY,
        "open",
    )
    store.save_plan(cid, [entry], next_review_on=T0 + 28 * DAY, now=T0 + DAY)
    by_id = {t.id: t for t in _follow_ups(store, cid, "plan-review")}
    old = by_id.pop(first.id)
    assert (old.status, old.reason, old.done_at) == (
        "not_needed",
        "plan version 2 supersedes it",
        T0 + DAY,
    )
    (new,) = by_id.values()
    assert (new.what, new.due_at, new.status) == (
        "Review the individual plan (version 2)",
        T0 + 28 * DAY,
        "open",
    )
    # A version without a review date closes the last one and makes none.
    store.save_plan(cid, [entry], next_review_on=None, now=T0 + 2 * DAY)
    assert [t.status for t in _follow_ups(store, cid, "plan-review")] == ["not_needed"] * 2
    # Its due time follows the plan, not a hand.
    with pytest.raises(InvalidInput, match="finished; reopen it"):
        store.edit_task(new.id, due_at=T0, reason="x")
    assert store.verify().ok


def test_each_needs_review_date_is_a_task_of_its_plan_version_too(store):
    cid = _case(store)
    entries = [
        PlanEntry("A safe place to live\nnear her school", "", "", "", T0 + 7 * DAY),
        PlanEntry("School", "", "", "", None),
        PlanEntry("x" * 120, "", "", "", T0 + 3 * DAY),
    ]
    store.save_plan(cid, entries, next_review_on=T0 + 14 * DAY, now=T0)
    made = sorted((t.due_at, t.what) for t in _follow_ups(store, cid, "plan-review"))
    assert made == [
        (T0 + 3 * DAY, f"Review the plan's need '{'x' * 79}…' (version 1)"),
        (T0 + 7 * DAY, "Review the plan's need 'A safe place to live' (version 1)"),
        (T0 + 14 * DAY, "Review the individual plan (version 1)"),
    ]
    store.save_plan(cid, entries[1:2], next_review_on=None, now=T0 + DAY)
    assert {t.status for t in _follow_ups(store, cid, "plan-review")} == {"not_needed"}
    assert store.verify().ok


def test_the_tasks_dates_make_are_worded_in_the_sites_print_language(store):
    store.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction="NO", print_language="nb"))
    cid = _case(store)
    rid = store.add_referral(
        cid, ReferralDraft("Barnevernvakten", "phone", T0, follow_up_on=T0 + DAY), now=T0
    )
    store.save_plan(cid, [], next_review_on=T0 + DAY, now=T0)
    store.save_plan(cid, [], next_review_on=None, now=T0 + HOUR)
    store.set_referral_state(rid, "closed", at=T0 + HOUR)
    words = sorted((t.what, t.reason) for t in store.tasks(cid))
    assert words == [
        ("Følg opp henvisningen til Barnevernvakten", "henvisningen ble avsluttet"),
        ("Gjennomgå den individuelle planen (versjon 1)", "planens versjon 2 erstatter den"),
    ]


def test_a_tasks_text_note_and_due_time_change_with_the_old_and_new_kept(store):
    cid = _case(store)
    tid = store.add_task(cid, TaskDraft("Ring the scool", due_at=T0 + DAY, note="ask"), now=T0)
    assert store.edit_task(tid, what="Ring the school", note="ask for the head", now=T0 + 60)
    store.edit_task(tid, due_at=T0 + 2 * DAY, reason="the school is closed today", now=T0 + 120)
    t = store.task(tid)
    assert (t.what, t.note, t.due_at) == ("Ring the school", "ask for the head", T0 + 2 * DAY)
    assert _changes(store) == [
        (tid, None, "what", "Ring the scool", "Ring the school", None, None, ""),
        (tid, None, "note", "ask", "ask for the head", None, None, ""),
        (tid, None, "due_at", None, None, T0 + DAY, T0 + 2 * DAY, "the school is closed today"),
    ]
    assert _actions(store, cid)[-2:] == [("task-edited", tid), ("task-edited", tid)]
    # No deadline is a due time too: with its reason.
    store.edit_task(tid, due_at=None, reason="whenever the school opens", now=T0 + 180)
    assert store.task(tid).due_at is None
    assert store.verify().ok


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"what": "Ring the\nschool"}, "must be one line"),
        ({"what": "   "}, "what the task is is required"),
        ({"due_at": T0 + 3 * DAY}, "needs its reason"),
        ({"due_at": T0 + 3 * DAY, "reason": "   "}, "needs its reason"),
        ({"due_at": float("nan"), "reason": "x"}, "is not a date"),
        ({"due_at": 1e20, "reason": "x"}, "is not a date"),
        ({"note": "a\u202eb"}, "invisible control character"),
        ({"task_id": 999}, "no task with id 999"),
        ({"case_id": 999}, "not a task of this case"),
    ],
)
def test_a_bad_change_of_a_task_is_refused_and_changes_nothing(store, change, message):
    cid = _case(store)
    tid = store.add_task(cid, TaskDraft("Ring the school", due_at=T0 + DAY), now=T0)
    before = _rows(store)
    kwargs = {"what": "Ring the head", **change}
    task_id = kwargs.pop("task_id", tid)
    with pytest.raises(InvalidInput, match=message):
        store.edit_task(task_id, **kwargs)
    assert _rows(store) == before


def test_a_finished_task_and_a_bad_follow_up_change_are_refused(store):
    cid = _case(store)
    tid = store.add_task(cid, TaskDraft("Ring the school"), now=T0)
    store.finish_task(tid, "done", now=T0 + 60)
    rid = store.add_referral(
        cid, ReferralDraft("Politiet", "phone", T0, follow_up_on=T0 + DAY), now=T0
    )
    before = _rows(store)
    with pytest.raises(InvalidInput, match="finished; reopen it"):
        store.edit_task(tid, what="Ring the head")
    with pytest.raises(InvalidInput, match="needs its reason"):
        store.edit_referral(rid, follow_up_on=T0 + 2 * DAY, reason="")
    with pytest.raises(InvalidInput, match="no referral with id 77"):
        store.edit_referral(77, follow_up_on=T0 + 2 * DAY, reason="x")
    with pytest.raises(InvalidInput, match="not a referral of this case"):
        store.edit_referral(rid, follow_up_on=T0 + 2 * DAY, reason="x", case_id=cid + 1)
    (follow,) = _follow_ups(store, cid, "referral-follow-up")
    with pytest.raises(InvalidInput, match="follow-up date; change that date instead"):
        store.edit_task(follow.id, due_at=T0, reason="x")
    assert _rows(store) == before


def test_a_change_or_link_altered_behind_the_store_is_named_by_verify(store):
    cid = _case(store)
    tid = store.add_task(cid, TaskDraft("Ring the school", due_at=T0 + DAY), now=T0)
    store.edit_task(tid, due_at=T0 + 2 * DAY, reason="closed today", now=T0)
    rid = store.add_referral(
        cid, ReferralDraft("Politiet", "phone", T0, follow_up_on=T0 + DAY), now=T0
    )
    store.edit_referral(rid, follow_up_on=T0 + 2 * DAY, reason="asked to wait", now=T0)
    (follow,) = _follow_ups(store, cid, "referral-follow-up")
    assert store.verify().ok
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE followup_changes SET old_at = old_at + 1")
        conn.exec_driver_sql(
            "UPDATE task_links SET referral_id = NULL WHERE task_id = ?", (follow.id,)
        )
    assert store.verify().altered_records == (
        f"task {tid}",
        f"task {follow.id}",
        f"referral {rid}",
    )


def test_a_plan_task_whose_due_time_a_worker_moved_keeps_it_when_first_contact_changes(
    store, intake
):
    store.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction="NO"))
    cid = _case(store)
    sid = store.start_screening(cid, intake.checklist, intake.text, intake.sha256)
    store.record_decision(sid, Decision("immediate-protection", (), "immediate-protection", "x"))
    store.complete_screening(sid, now=T0)
    plan = [t for t in store.tasks(cid) if t.source == "plan" and t.due_at is not None]
    moved, other = plan[0], plan[1]
    store.edit_task(moved.id, due_at=T0 + 9 * DAY, reason="agreed with the police", now=T0)
    start = store.get_case(cid, audit=False).first_contact_at
    store.set_first_contact(cid, start - 5 * HOUR, "she was found at dawn")
    assert store.task(moved.id).due_at == T0 + 9 * DAY  # the worker's time stands
    assert store.task(other.id).due_at == other.due_at - 5 * HOUR  # re-timed
    assert store.verify().ok
