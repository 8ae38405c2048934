"""Tasks and their clocks: a completed screening's plan becomes the case's tasks
in the same transaction, due from first contact; tasks are added, finished,
reopened and assigned with their audit rows; the case list carries the flags;
*My work* lists what is due today. The clock is always given (never slept)."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import PASSWORD, WORKER_PASSWORD, open_store

from idcheck.followup import due_at
from idcheck.store import CaseDetails, Decision, InvalidInput, SiteProfile, TaskDraft

ROOT = Path(__file__).resolve().parents[2]
HOUR = 3600.0


def _actions(store, case_id=None):
    with store.engine.connect() as conn:
        q = "SELECT action, case_id, object_id FROM audit ORDER BY seq"
        rows = conn.exec_driver_sql(q).all()
    return [(a, c, o) for a, c, o in rows if case_id is None or c == case_id]


def _completed(store, intake, ref="F-1", outcome="immediate-protection", *, now=None):
    """A case whose screening is completed with ``outcome`` at a Norwegian site."""
    store.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction="NO"))
    cid = store.create_case(CaseDetails(reference=ref, given_name="Mei", family_name="Lin"))
    sid = store.start_screening(cid, intake.checklist, intake.text, intake.sha256)
    store.record_decision(sid, Decision(outcome, (), outcome, "worried for her safety"))
    store.complete_screening(sid, now=now)
    return cid, sid


def test_completing_a_screening_makes_the_plans_tasks_due_from_first_contact(store, intake):
    cid, sid = _completed(store, intake)
    case = store.get_case(cid)
    got = store.tasks(cid)
    clocks = [t.clock for t in got]
    assert clocks[:3] == ["call-police", "call-barnevernvakt", "tell-supervisor"]
    assert {"safe-placement", "multi-agency-meeting", "individual-plan"} <= set(clocks)
    by_clock = {t.clock: t for t in got}
    assert by_clock["call-police"].due_at == case.first_contact_at  # immediately
    assert by_clock["safe-placement"].due_at == case.first_contact_at + 24 * HOUR
    # The one arithmetic: three working days by the wall clock.
    checklist_action = next(
        a for a in _routes_no().outcomes["immediate-protection"] if a.id == "multi-agency-meeting"
    )
    assert by_clock["multi-agency-meeting"].due_at == due_at(
        case.first_contact_at, checklist_action.within
    )
    assert all(t.source == "plan" and t.screening_id == sid and t.status == "open" for t in got)
    # The screener's own actions go to the one who completed it; the others wait.
    assert by_clock["call-police"].assignee == "anna"
    assert by_clock["safe-placement"].assignee is None
    assert by_clock["safe-placement"].role == "child-welfare-service"
    assert by_clock["call-police"].contact  # whom to call, from the routes
    # Each task made has its audit row, after the completion's.
    timeline = [(e.kind, e.title) for e in store.timeline(cid)]
    assert ("screening", "Screening completed") in timeline
    assert timeline.count(("task", "Task added")) == len(got)
    acts = [a for a, _c, _o in _actions(store, cid)]
    i = acts.index("screening-completed")
    assert acts[i + 1 : i + 1 + len(got)] == ["task-added"] * len(got)


def _routes_no():
    from idcheck.checklist import find, load_routes_ref

    find("routes-no")
    return load_routes_ref("routes-no")


def test_due_times_count_from_first_contact_not_from_completion(store, intake):
    store.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction="NO"))
    cid = store.create_case(CaseDetails(reference="EARLY"))
    first = store.get_case(cid).first_contact_at
    store.set_first_contact(cid, first - 30 * HOUR, "found by the police at the station at night")
    sid = store.start_screening(cid, intake.checklist, intake.text, intake.sha256)
    store.record_decision(sid, Decision("immediate-protection", (), "immediate-protection"))
    store.complete_screening(sid, now=first + 2 * HOUR)
    safe = next(t for t in store.tasks(cid) if t.clock == "safe-placement")
    assert safe.due_at == first - 30 * HOUR + 24 * HOUR
    assert safe.overdue(first + 2 * HOUR)  # overdue the moment it is made
    assert store.get_case(cid).first_contact_at == first - 30 * HOUR


@pytest.mark.parametrize("reason", ["", "   ", "\n", "\t\n "])
def test_first_contact_needs_a_reason(store, reason):
    cid = store.create_case(CaseDetails(reference="R"))
    before = store.get_case(cid).first_contact_at
    n = len(_actions(store))
    with pytest.raises(InvalidInput, match=r"reason .* is required"):
        store.set_first_contact(cid, before - HOUR, reason)
    assert store.get_case(cid).first_contact_at == before
    assert len(_actions(store)) == n + 1  # only the get_case view above


def test_first_contact_refuses_the_future_and_non_times_and_is_audited(store):
    cid = store.create_case(CaseDetails(reference="R"))
    now = time.time()
    with pytest.raises(InvalidInput, match="future"):
        store.set_first_contact(cid, now + 86400, "typed tomorrow by mistake", now=now)
    with pytest.raises(InvalidInput, match="not a date"):
        store.set_first_contact(cid, float("nan"), "x", now=now)
    with pytest.raises(InvalidInput, match="not a date"):
        store.set_first_contact(cid, -5.0, "x", now=now)
    with pytest.raises(InvalidInput, match="no case"):
        store.set_first_contact(cid + 99, now - HOUR, "x", now=now)
    store.set_first_contact(cid, now - HOUR, "the school called at nine", now=now)
    assert ("first-contact-changed", cid) in [(a, c) for a, c, _ in _actions(store)]
    with store.engine.connect() as conn:
        trail = conn.exec_driver_sql("SELECT * FROM audit").all()
    assert "school" not in repr(trail)


def test_tasks_by_hand_finish_reopen_and_assign_with_their_audit_rows(store):
    cid = store.create_case(CaseDetails(reference="HAND"))
    t0 = 1_800_000_000.0
    tid = store.add_task(cid, TaskDraft("Book an interpreter (Tigrinya)", due_at=t0 + HOUR), now=t0)
    later = store.add_task(cid, TaskDraft("Ring the school", due_at=t0 + 48 * HOUR), now=t0)
    undated = store.add_task(cid, TaskDraft("Find the aunt's number"), now=t0)
    assert [t.id for t in store.tasks(cid)] == [tid, later, undated]
    task = store.task(tid)
    assert (task.source, task.status, task.created_by, task.assignee) == (
        "manual",
        "open",
        "anna",
        None,
    )
    assert not task.overdue(t0) and task.due_soon(t0) and task.overdue(t0 + 2 * HOUR)
    store.assign_task(tid, "ben")
    assert store.task(tid).assignee == "ben"
    with pytest.raises(InvalidInput, match="no active user"):
        store.assign_task(tid, "nobody")
    store.finish_task(tid, "done", note="Booked for 14:00", now=t0 + 30)
    done = store.task(tid)
    assert (done.status, done.done_by, done.done_at, done.note) == (
        "done",
        "anna",
        t0 + 30,
        "Booked for 14:00",
    )
    assert not done.overdue(t0 + 99 * HOUR)
    # Open before done.
    assert [t.id for t in store.tasks(cid)] == [later, undated, tid]
    with pytest.raises(InvalidInput, match="done already"):
        store.finish_task(tid, "done")
    with pytest.raises(InvalidInput, match="reason"):
        store.reopen_task(tid, " ")
    store.reopen_task(tid, "the interpreter cancelled")
    reopened = store.task(tid)
    assert (reopened.status, reopened.done_by, reopened.reason) == (
        "open",
        None,
        "the interpreter cancelled",
    )
    with pytest.raises(InvalidInput, match="reason it is not needed is required"):
        store.finish_task(later, "not_needed", note="\n")
    store.finish_task(later, "not_needed", note="the child is not at school age")
    assert store.task(later).reason == "the child is not at school age"
    acts = [a for a, c, _ in _actions(store, cid)]
    assert [a for a in acts if a.startswith("task")] == [
        "task-added",
        "task-added",
        "task-added",
        "task-assigned",
        "task-done",
        "task-reopened",
        "task-not-needed",
    ]


def test_a_task_of_another_case_is_refused_when_the_case_is_given(store):
    mine = store.create_case(CaseDetails(reference="MINE"))
    other = store.create_case(CaseDetails(reference="OTHER"))
    theirs = store.add_task(other, TaskDraft("theirs"))
    n = len(_actions(store))
    for call in (
        lambda: store.finish_task(theirs, "done", case_id=mine),
        lambda: store.assign_task(theirs, "ben", case_id=mine),
        lambda: store.reopen_task(theirs, "x", case_id=mine),
    ):
        with pytest.raises(InvalidInput, match="not a task of this case"):
            call()
    assert store.task(theirs).status == "open" and store.task(theirs).assignee is None
    assert len(_actions(store)) == n
    store.finish_task(theirs, "done", case_id=other)
    assert store.task(theirs).status == "done"


def test_a_task_id_of_nothing_or_a_wrong_status_is_refused(store):
    with pytest.raises(InvalidInput, match="no task with id 999"):
        store.finish_task(999, "done")
    with pytest.raises(InvalidInput, match="no task"):
        store.reopen_task(999, "x")
    cid = store.create_case(CaseDetails(reference="X"))
    tid = store.add_task(cid, TaskDraft("x"))
    with pytest.raises(InvalidInput, match="done or not_needed"):
        store.finish_task(tid, "open")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="no case"):
        store.add_task(cid + 50, TaskDraft("x"))


@pytest.mark.parametrize(
    ("what", "message"),
    [
        ("", "required"),
        ("Call\nthe police", "one line"),
        ("Call\u2028the police", "one line"),
        ("Call the \u202epolice", "control character"),
        ("x" * 501, "one line keeps at most 500"),
    ],
)
def test_a_tasks_text_is_checked_and_nothing_is_saved(store, what, message):
    cid = store.create_case(CaseDetails(reference="T"))
    with pytest.raises(InvalidInput, match=message):
        store.add_task(cid, TaskDraft(what))
    assert store.tasks(cid) == []


def test_right_to_left_text_and_a_long_note_are_kept(store):
    cid = store.create_case(CaseDetails(reference="RTL"))
    what = "اتصل بالمترجم"  # "call the interpreter", Arabic
    note = ("Line one\r\n" + "ملاحظة " * 2000)[:19_000]
    tid = store.add_task(cid, TaskDraft(what, note=note, contact="أحمد 4411"))
    got = store.task(tid)
    assert got.what == what and got.contact == "أحمد 4411"
    assert got.note.startswith("Line one\nملاحظة")
    with pytest.raises(InvalidInput, match="at most 20,000"):
        store.add_task(cid, TaskDraft("x", note="y" * 20_001))


def test_the_case_list_flags_overdue_due_soon_and_the_next_due_time(store):
    t0 = 1_800_000_000.0
    late = store.create_case(CaseDetails(reference="LATE"))
    soon = store.create_case(CaseDetails(reference="SOON"))
    calm = store.create_case(CaseDetails(reference="CALM"))
    store.add_task(late, TaskDraft("a", due_at=t0 - HOUR))
    store.add_task(late, TaskDraft("b", due_at=t0 - 2 * HOUR))
    done = store.add_task(late, TaskDraft("c", due_at=t0 - 3 * HOUR))
    store.finish_task(done, "done")
    store.add_task(soon, TaskDraft("d", due_at=t0 + 5 * HOUR))
    store.add_task(soon, TaskDraft("e", due_at=t0 + 30 * HOUR))
    store.add_task(calm, TaskDraft("f"))

    def flags(now):
        return {
            r.reference: (r.overdue_tasks, r.due_soon_tasks, r.next_due_at)
            for r in store.list_cases(now=now)
        }

    assert flags(t0) == {
        "LATE": (2, 0, t0 - 2 * HOUR),
        "SOON": (0, 1, t0 + 5 * HOUR),
        "CALM": (0, 0, None),
    }
    # Move the clock: a day and a half later SOON is overdue on both.
    assert flags(t0 + 36 * HOUR)["SOON"] == (2, 0, t0 + 5 * HOUR)


def test_task_list_and_my_work(store, data_dir):
    t0 = dt.datetime(2026, 12, 7, 9, 0).timestamp()  # a Monday morning, local time
    mine = store.create_case(CaseDetails(reference="MINE", given_name="Øystein"))
    store.add_task(mine, TaskDraft("overdue, mine", due_at=t0 - HOUR, assignee="anna"))
    store.add_task(mine, TaskDraft("tonight, unassigned", due_at=t0 + 12 * HOUR))
    store.add_task(mine, TaskDraft("tomorrow, mine", due_at=t0 + 20 * HOUR, assignee="anna"))
    store.add_task(mine, TaskDraft("ben's", due_at=t0 - HOUR, assignee="ben"))
    closed = store.create_case(CaseDetails(reference="CLOSED"))
    store.add_task(closed, TaskDraft("of a closed case", due_at=t0 - HOUR, assignee="anna"))
    store.close_case(closed)
    assert [r.task.what for r in store.my_work(now=t0)] == ["overdue, mine", "tonight, unassigned"]
    rows = store.task_list(now=t0)
    assert [r.task.what for r in rows] == [
        "overdue, mine",
        "ben's",
        "tonight, unassigned",
        "tomorrow, mine",
    ]
    assert rows[0].reference == "MINE" and rows[0].child == "Øystein"
    assert [r.task.what for r in store.task_list(overdue=True, now=t0)] == [
        "overdue, mine",
        "ben's",
    ]
    assert [r.task.what for r in store.task_list(mine=True, now=t0)] == [
        "overdue, mine",
        "tomorrow, mine",
    ]
    assert len(store.task_list(due_within=13 * HOUR, now=t0)) == 3
    assert len(store.task_list(now=t0, limit=1)) == 1
    # Ben sees his own, and not the unassigned ones of a case anna created.
    store.lock()
    ben = open_store(data_dir, "ben", WORKER_PASSWORD)
    try:
        assert [r.task.what for r in ben.my_work(now=t0)] == ["ben's"]
    finally:
        ben.lock()


def test_an_amendment_completed_again_makes_no_second_plan_task(store, intake):
    cid, sid = _completed(store, intake)
    n = len(store.tasks(cid))
    aid = store.amend_screening(sid)
    store.record_decision(aid, Decision("immediate-protection", (), "immediate-protection"))
    store.complete_screening(aid)
    assert len(store.tasks(cid)) == n


def test_retention_deletes_a_cases_tasks_with_it(store, intake):
    cid, _sid = _completed(store, intake, outcome="no-indicators-recorded")
    store.add_task(cid, TaskDraft("keep in touch"))
    store.close_case(cid)
    store.set_setting("retention_years", "1")
    assert store.apply_retention(now=time.time() + 2 * 366 * 86400) == [cid]
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM tasks").scalar() == 0
    assert store.verify().ok


KILLER = """
import os, signal, sys
from idcheck.store import Store
import idcheck.store.screenings as screenings
real = screenings.insert_plan_tasks
where = sys.argv[3]
def killing(conn, **kw):
    if where == "before-tasks":
        os.kill(os.getpid(), signal.SIGKILL)
    made = real(conn, **kw)
    assert made
    os.kill(os.getpid(), signal.SIGKILL)
screenings.insert_plan_tasks = killing
s = Store.open(sys.argv[1], "anna", {password!r})
s.complete_screening(int(sys.argv[2]))
"""


@pytest.mark.parametrize("where", ["before-tasks", "after-tasks"])
def test_a_kill_between_completion_and_tasks_leaves_neither(data_dir, intake, where):
    store = open_store(data_dir)
    store.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction="NO"))
    cid = store.create_case(CaseDetails(reference="KILL"))
    sid = store.start_screening(cid, intake.checklist, intake.text, intake.sha256)
    store.record_decision(sid, Decision("immediate-protection", (), "immediate-protection"))
    store.lock()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run(
        [sys.executable, "-c", KILLER.format(password=PASSWORD), str(data_dir), str(sid), where],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == -signal.SIGKILL, r.stderr
    store = open_store(data_dir)
    try:
        # The screening was killed mid-completion: still a draft, no tasks, nothing pinned.
        assert store.get_screening(sid).status == "draft"
        assert store.tasks(cid) == []
        assert store.verify().ok
        store.complete_screening(sid)
        assert store.get_screening(sid).status == "completed"
        assert len(store.tasks(cid)) >= 5
    finally:
        store.lock()


def test_changing_first_contact_after_completion_moves_the_open_plan_tasks(store, intake):
    cid, _sid = _completed(store, intake)
    first = store.get_case(cid).first_contact_at
    before = {t.clock: t for t in store.tasks(cid)}
    store.finish_task(before["call-police"].id, "done")
    manual = store.add_task(cid, TaskDraft("by hand", due_at=first + HOUR))
    store.set_first_contact(cid, first - 10 * HOUR, "she was found the evening before")
    after = {t.clock: t for t in store.tasks(cid) if t.source == "plan"}
    assert after["safe-placement"].due_at == first - 10 * HOUR + 24 * HOUR
    assert after["tell-supervisor"].due_at == first - 10 * HOUR
    assert after["call-police"].due_at == before["call-police"].due_at  # done: kept
    assert store.task(manual).due_at == first + HOUR  # by hand: kept


@pytest.fixture
def oslo_time(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Oslo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_plan_tasks_over_a_weekend_and_the_change_to_summer_time(store, intake, oslo_time):
    # First contact on Friday 27 March 2026 at 20:00 in Oslo; summer time starts
    # on Sunday 29 March at 02:00.
    store.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction="NO"))
    cid = store.create_case(CaseDetails(reference="DST"))
    friday = dt.datetime(2026, 3, 27, 20, 0).timestamp()
    store.set_first_contact(
        cid, friday, "came to the police station on Friday evening", now=friday + 60
    )
    sid = store.start_screening(cid, intake.checklist, intake.text, intake.sha256)
    store.record_decision(sid, Decision("immediate-protection", (), "immediate-protection"))
    store.complete_screening(sid, now=friday + 3 * HOUR)
    due = {t.clock: dt.datetime.fromtimestamp(t.due_at) for t in store.tasks(cid)}
    # 24 real hours: Saturday 20:00 (no change yet).
    assert due["safe-placement"].strftime("%a %H:%M") == "Sat 20:00"
    # Three working days: Wednesday, same wall-clock time, after the change.
    assert due["multi-agency-meeting"].strftime("%a %d %H:%M") == "Wed 01 20:00"
    # Ten working days: Friday 10 April 20:00.
    assert due["individual-plan"].strftime("%a %d %b %H:%M") == "Fri 10 Apr 20:00"
    # A first contact on Saturday noon: the 24-hour clock ends Sunday 13:00 on the wall.
    store.set_first_contact(
        cid, dt.datetime(2026, 3, 28, 12, 0).timestamp(), "it was Saturday", now=friday + 4 * DAY_S
    )
    safe = next(t for t in store.tasks(cid) if t.clock == "safe-placement")
    assert dt.datetime.fromtimestamp(safe.due_at).strftime("%a %H:%M") == "Sun 13:00"
    assert safe.due_at - dt.datetime(2026, 3, 28, 12, 0).timestamp() == 24 * HOUR


DAY_S = 86400.0
