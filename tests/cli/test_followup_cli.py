"""The follow-up on the command line: ``case show``, ``case first-contact``,
``task list/add/done``, ``referral add/state``, ``missing add/found``. Bad input
is said in one line, exits 2 and changes nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import open_store

from idcheck.checklist import find, load_checklist_bytes
from idcheck.cli import main
from idcheck.store import CaseDetails, Decision, PlanEntry, SiteProfile, TaskDraft

ROOT = Path(__file__).resolve().parents[2]
HOUR = 3600.0


@pytest.fixture
def case_with_plan(data_dir: Path) -> Path:
    """A case F-1 ("Mei Lin") whose screening was completed with immediate
    protection at a Norwegian site: its plan's tasks are made."""
    store = open_store(data_dir)
    try:
        store.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction="NO"))
        cid = store.create_case(CaseDetails(reference="F-1", given_name="Mei", family_name="Lin"))
        store.set_first_contact(cid, time.time() - 30 * HOUR, "found at the station at night")
        text = find("intake-screen").path.read_bytes()
        sid = store.start_screening(
            cid, load_checklist_bytes(text), text, hashlib.sha256(text).hexdigest()
        )
        store.record_decision(sid, Decision("immediate-protection", (), "immediate-protection"))
        store.complete_screening(sid)
    finally:
        store.lock()
    return data_dir


def cli(data: Path, pw: Path, *args: str, user: str = "anna") -> int:
    return main(["--data-dir", str(data), *args, "--user", user, "--password-file", str(pw)])


def test_case_show_prints_the_case_its_tasks_referrals_and_timeline(case_with_plan, pw, capsys):
    assert (
        cli(
            case_with_plan,
            pw,
            "referral",
            "add",
            "F-1",
            "--to",
            "Barnevernvakten Oslo",
            "--method",
            "phone",
        )
        == 0
    )
    assert capsys.readouterr().out == "referral #1 recorded for F-1\n"
    assert cli(case_with_plan, pw, "case", "show", "F-1") == 0
    out = capsys.readouterr().out
    assert out.startswith("case F-1 (open)\n")
    assert "Mei" not in out  # names only with --names
    # First contact 30 hours ago: the 24-hour placement is overdue, the meeting is not.
    safe = next(line for line in out.splitlines() if "safe placement" in line.lower())
    assert "OVERDUE by 6 h" in safe
    assert "due in" in next(line for line in out.splitlines() if "meeting" in line.lower())
    assert "Barnevernvakten Oslo (phone)  sent" in out
    # The intake's standing guidance is printed apart, no task and no due time.
    guidance = out.split("\nstanding guidance (throughout, no due time):\n")[1].split("\n\n")[0]
    assert guidance.splitlines() == [
        "  - Stay with the child, or make sure a colleague the child knows does, "
        "until help arrives.",
        "  - Do not confront the accompanying adults or tell them about your concern.",
    ]
    assert "confront" not in out.split("\ntasks (")[1].split("\n\n")[0]
    timeline = out.split("\ntimeline:\n")[1].splitlines()
    assert "First contact" in timeline[0]
    assert any("First contact changed (anna): found at the station at night" in t for t in timeline)
    assert any("Screening completed" in t for t in timeline)
    assert cli(case_with_plan, pw, "case", "show", "F-1", "--names") == 0
    assert capsys.readouterr().out.startswith("case F-1 (open)  Mei Lin\n")


def test_task_list_done_and_not_needed(case_with_plan, pw, ben_pw, capsys):
    assert cli(case_with_plan, pw, "task", "list", "--overdue") == 0
    overdue = capsys.readouterr().out.splitlines()
    assert overdue and all(line.startswith("F-1  #") and "OVERDUE" in line for line in overdue)
    first = int(overdue[0].split("#")[1].split()[0])
    assert (
        cli(case_with_plan, pw, "task", "done", str(first), "--note", "police came at 02:10") == 0
    )
    assert f"task #{first} done" in capsys.readouterr().out
    assert cli(case_with_plan, pw, "task", "list", "--overdue") == 0
    assert f"#{first} " not in capsys.readouterr().out
    # Not needed takes a reason; an empty one is refused.
    second = int(overdue[1].split("#")[1].split()[0])
    assert cli(case_with_plan, pw, "task", "done", str(second), "--not-needed", " ") == 2
    assert "reason it is not needed is required" in capsys.readouterr().err
    assert (
        cli(
            case_with_plan,
            pw,
            "task",
            "done",
            str(second),
            "--not-needed",
            "the supervisor was there",
        )
        == 0
    )
    # --mine: the screener's own tasks went to anna, none to ben.
    assert cli(case_with_plan, pw, "task", "list", "--mine") == 0
    assert capsys.readouterr().out.strip()
    assert cli(case_with_plan, ben_pw, "task", "list", "--mine", user="ben") == 0
    assert capsys.readouterr().out.strip() == "no open tasks"
    store = open_store(case_with_plan)
    try:
        done = store.task(first)
        assert (done.status, done.done_by, done.note) == ("done", "anna", "police came at 02:10")
        assert store.task(second).reason == "the supervisor was there"
    finally:
        store.lock()


def test_referral_state_and_missing_found(case_with_plan, pw, capsys):
    now = dt.datetime.now()
    store = open_store(case_with_plan)
    try:
        store.save_plan(
            store.case_by_reference("F-1"),
            [PlanEntry("A safe place", "Placed", "Emergency placement", "Barnevernet", None)],
            next_review_on=dt.datetime(2027, 1, 4, 9, 0).timestamp(),
        )
    finally:
        store.lock()
    sent = (now - dt.timedelta(hours=5)).strftime("%Y-%m-%dT%H:%M")
    follow = (now + dt.timedelta(days=2)).strftime("%Y-%m-%d")
    assert (
        cli(
            case_with_plan,
            pw,
            "referral",
            "add",
            "F-1",
            "--to",
            "Politiet",
            "--method",
            "by_hand",
            "--sent",
            sent,
            "--follow-up",
            follow,
        )
        == 0
    )
    rid = int(capsys.readouterr().out.split("#")[1].split()[0])
    assert cli(case_with_plan, pw, "referral", "state", str(rid), "declined") == 2
    assert "reason it was declined is required" in capsys.readouterr().err
    assert (
        cli(
            case_with_plan,
            pw,
            "referral",
            "state",
            str(rid),
            "declined",
            "--reason",
            "wrong district",
        )
        == 0
    )
    missing = (now - dt.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")
    assert (
        cli(
            case_with_plan,
            pw,
            "missing",
            "add",
            "F-1",
            "--missing-at",
            missing,
            "--last-seen",
            "Reception centre",
            "--police-reference",
            "POL-77",
        )
        == 0
    )
    eid = int(capsys.readouterr().out.split("#")[1].split()[0])
    store = open_store(case_with_plan)
    try:
        assert [r.missing for r in store.list_cases()] == [True]
    finally:
        store.lock()
    assert cli(case_with_plan, pw, "case", "show", "F-1") == 0
    out = capsys.readouterr().out
    assert "STILL MISSING" in out and "declined (anna): wrong district" in out
    assert "individual plan: version 1 of " in out
    assert "by anna, 1 needs, next review 2027-01-04 09:00" in out
    found = (now - dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    assert (
        cli(
            case_with_plan,
            pw,
            "missing",
            "found",
            str(eid),
            "--found-at",
            found,
            "--where",
            "Oslo S",
        )
        == 0
    )
    store = open_store(case_with_plan)
    try:
        assert [r.missing for r in store.list_cases()] == [False]
        (ep,) = store.missing_episodes(store.case_by_reference("F-1"))
        assert (ep.found_where, ep.police_reference) == ("Oslo S", "POL-77")
    finally:
        store.lock()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("case", "show", "NOPE"), "no case with reference 'NOPE'"),
        (("case", "first-contact", "F-1", "2026-13-40", "--reason", "x"), "is not a date"),
        (("case", "first-contact", "F-1", "yesterday", "--reason", "x"), "write 2026-12-05T14:30"),
        (("case", "first-contact", "F-1", "2026-12-01", "--reason", ""), "reason"),
        (("case", "first-contact", "F-1", "2026-12-01", "--reason", "\n"), "reason"),
        (("task", "done", "abc"), "task 'abc' is not a number"),
        (("task", "done", "99999"), "no task with id 99999"),
        (("task", "add", "F-1", "Call\nthe guardian"), "must be one line"),
        (("task", "add", "F-1", "Call the \u202eguardian"), "control character"),
        (("task", "add", "F-1", "x", "--due", "2026-12-05T25:00"), "--due"),
        (("task", "add", "F-1", "x", "--assign", "nobody"), "no active user named 'nobody'"),
        (("referral", "add", "F-1", "--to", "Politi\net", "--method", "phone"), "one line"),
        (
            ("referral", "add", "F-1", "--to", "P", "--method", "phone", "--sent", "2026-02-30"),
            "not a date",
        ),
        (("referral", "state", "7", "accepted"), "no referral with id 7"),
        (("missing", "add", "NOPE", "--missing-at", "2026-12-01"), "no case with reference"),
        (("missing", "found", "0", "--found-at", "2026-12-01"), "not an id"),
        (
            ("missing", "add", "F-1", "--missing-at", "2026-12-01", "--last-seen", "bus\nstop"),
            "must be one line",
        ),
    ],
)
def test_bad_input_is_said_exits_2_and_changes_nothing(case_with_plan, pw, capsys, args, message):
    def state():
        store = open_store(case_with_plan)
        try:
            cid = store.case_by_reference("F-1")
            return (
                store.get_case(cid, audit=False).first_contact_at,
                store.tasks(cid),
                store.referrals(cid),
                store.missing_episodes(cid),
            )
        finally:
            store.lock()

    before = state()
    assert cli(case_with_plan, pw, *args) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("idcheck: ")
    assert state() == before


def test_first_contact_and_a_task_by_hand_with_right_to_left_text(case_with_plan, pw, capsys):
    assert (
        cli(
            case_with_plan,
            pw,
            "case",
            "first-contact",
            "F-1",
            "2026-12-01T08:15",
            "--reason",
            "الشرطة اتصلت صباحا",
        )
        == 0
    )
    assert (
        cli(
            case_with_plan,
            pw,
            "task",
            "add",
            "F-1",
            "اتصل بالوصي",
            "--due",
            "2026-12-09",
            "--assign",
            "ben",
        )
        == 0
    )
    capsys.readouterr()
    assert cli(case_with_plan, pw, "case", "show", "F-1") == 0
    out = capsys.readouterr().out
    assert "first contact: 2026-12-01 08:15" in out
    assert "اتصل بالوصي  [taken by ben]" in out
    assert "First contact changed (anna): الشرطة اتصلت صباحا" in out


def test_the_command_runs_as_a_program_and_logs_no_childs_data(case_with_plan, pw):
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "idcheck",
            "--data-dir",
            str(case_with_plan),
            "case",
            "show",
            "F-1",
            "--user",
            "anna",
            "--password-file",
            str(pw),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stderr
    assert r.stderr == "" and "Mei" not in r.stdout
    store = open_store(case_with_plan)
    try:
        with store.engine.connect() as conn:
            trail = conn.exec_driver_sql("SELECT * FROM audit").all()
            viewed = [row for row in trail if row.action == "case-viewed"]
        assert viewed  # the view of the case is audited
        assert "station" not in repr(trail) and "Mei" not in repr(trail)
    finally:
        store.lock()
    # Nothing written beside the store (no log file with the child's data).
    assert sorted(p.name for p in case_with_plan.iterdir() if "log" in p.name.lower()) == []


def test_tasks_added_by_the_store_show_in_the_list_with_the_clock_moved(case_with_plan, pw, capsys):
    store = open_store(case_with_plan)
    try:
        cid = store.case_by_reference("F-1")
        store.add_task(cid, TaskDraft("Soon", due_at=time.time() + 2 * HOUR))
    finally:
        store.lock()
    assert cli(case_with_plan, pw, "task", "list") == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "Soon" in x)
    assert "due in 1 h" in line or "due in 2 h" in line


def test_found_again_keeps_the_return_interview_and_the_place(case_with_plan, pw, capsys):
    """Recording the child found a second time (a corrected time) keeps what was
    recorded before and not given again: the place and the return interview."""
    assert cli(case_with_plan, pw, "missing", "add", "F-1", "--missing-at", "2026-12-01T07:00") == 0
    eid = int(capsys.readouterr().out.split("#")[1].split()[0])
    first = ("--found-at", "2026-12-01T08:00", "--where", "Oslo S")
    interview = ("--interview-at", "2026-12-01T09:00", "--interview-by", "ben")
    assert cli(case_with_plan, pw, "missing", "found", str(eid), *first, *interview) == 0
    assert (
        cli(case_with_plan, pw, "missing", "found", str(eid), "--found-at", "2026-12-01T08:10") == 0
    )
    store = open_store(case_with_plan)
    try:
        (ep,) = store.missing_episodes(store.case_by_reference("F-1"))
        assert (ep.found_where, ep.interview_by) == ("Oslo S", "ben")
        assert ep.interview_at == dt.datetime(2026, 12, 1, 9, 0).timestamp()
        assert ep.found_at == dt.datetime(2026, 12, 1, 8, 10).timestamp()
    finally:
        store.lock()


def test_the_countdown_says_hours_and_minutes_as_the_window_does(case_with_plan, pw, capsys):
    """A task due in just under two hours reads 'due in 1 h 57 min' (it read
    'due in 1 h', an hour sooner than it is), and one in two days and an hour
    '2 d 1 h', as My work and the case's tasks say them."""
    store = open_store(case_with_plan)
    try:
        cid = store.case_by_reference("F-1")
        store.add_task(cid, TaskDraft("Soon", due_at=time.time() + 117.5 * 60))
        store.add_task(cid, TaskDraft("Later", due_at=time.time() + 49 * HOUR + 30))
    finally:
        store.lock()
    assert cli(case_with_plan, pw, "task", "list") == 0
    out = capsys.readouterr().out.splitlines()
    assert "due in 1 h 57 min" in next(x for x in out if "Soon" in x)
    assert "due in 2 d 1 h" in next(x for x in out if "Later" in x)


def test_output_cut_short_by_a_pipe_ends_quietly(case_with_plan, pw):
    """`idcheck case show F-1 | head -1`: the reader has gone, so the rest is not
    written; no traceback on the terminal (it printed one)."""
    cmd = [sys.executable, "-m", "idcheck", "--data-dir", str(case_with_plan), "case", "show"]
    p = subprocess.Popen(
        [*cmd, "F-1", "--user", "anna", "--password-file", str(pw)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert p.stdout is not None and p.stderr is not None
    p.stdout.close()  # as head does once it has its line
    with p.stderr:
        err = p.stderr.read().decode()
    assert p.wait(timeout=120) == 141, err  # 128 + SIGPIPE, as a shell reports it
    assert err == ""


def test_case_show_prints_task_and_referral_notes_line_by_line(case_with_plan, pw, capsys):
    """The notes typed at Mark done and with a referral are printed under their
    line, each typed line on its own line lined up under the first; Arabic text
    comes out as typed."""
    store = open_store(case_with_plan)
    try:
        first = store.tasks(store.case_by_reference("F-1"))[0].id
    finally:
        store.lock()
    note = "police came at 02:10\nthe child slept at the station\nالطفل نام في المحطة"
    assert cli(case_with_plan, pw, "task", "done", str(first), "--note", note) == 0
    second = first + 1
    reason = "the supervisor was there\nshe called at once"
    assert cli(case_with_plan, pw, "task", "done", str(second), "--not-needed", reason) == 0
    args = ["referral", "add", "F-1", "--to", "Politiet", "--method", "phone"]
    assert cli(case_with_plan, pw, *args, "--note", "اتصل المحقق\nref 2026/114") == 0
    capsys.readouterr()
    assert cli(case_with_plan, pw, "case", "show", "F-1") == 0
    lines = capsys.readouterr().out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(f"  #{first}  done"))
    assert lines[at + 1 : at + 4] == [
        "        note: police came at 02:10",
        "              the child slept at the station",
        "              الطفل نام في المحطة",
    ]
    # A reason on two lines keeps the task on one line.
    gone = next(line for line in lines if line.startswith(f"  #{second}  "))
    assert "not needed (the supervisor was there / she called at once)" in gone
    at = next(i for i, line in enumerate(lines) if "Politiet (phone)" in line)
    assert lines[at + 1 : at + 3] == [
        "        note: اتصل المحقق",
        "              ref 2026/114",
    ]
    # A task with no note has no note line.
    untouched = next(i for i, line in enumerate(lines) if line.startswith(f"  #{second + 1}  "))
    assert not lines[untouched + 1].strip().startswith("note:")


# ------------------------------------------------------------------ changed after saving


def _task_and_referral(data: Path) -> tuple[int, int]:
    """A task by hand and a referral with a follow-up date on F-1."""
    store = open_store(data)
    try:
        cid = store.case_by_reference("F-1")
        tid = store.add_task(cid, TaskDraft("Ring the scool", due_at=time.time() + HOUR))
        from idcheck.store import ReferralDraft

        rid = store.add_referral(
            cid, ReferralDraft("Politiet", "phone", time.time(), follow_up_on=time.time() + HOUR)
        )
        return tid, rid
    finally:
        store.lock()


def test_task_edit_and_referral_edit_change_with_the_reason_and_case_show_says_so(
    case_with_plan, pw, capsys
):
    tid, rid = _task_and_referral(case_with_plan)
    assert cli(case_with_plan, pw, "task", "edit", str(tid), "--what", "Ring the school") == 0
    assert capsys.readouterr().out.endswith("  Ring the school\n")
    args = ("task", "edit", str(tid), "--due", "2031-01-06T09:30", "--reason", "closed today")
    assert cli(case_with_plan, pw, *args) == 0
    assert (
        capsys.readouterr().out == f"task #{tid} changed: due 2031-01-06 09:30  Ring the school\n"
    )
    assert cli(case_with_plan, pw, *args) == 0  # the same again
    assert capsys.readouterr().out == f"task #{tid} is already so; nothing was changed\n"
    args = ("referral", "edit", str(rid), "--follow-up", "2031-01-08", "--reason", "asked to wait")
    assert cli(case_with_plan, pw, *args) == 0
    assert capsys.readouterr().out == f"referral #{rid}: follow up 2031-01-08 00:00\n"
    assert cli(case_with_plan, pw, "case", "show", "F-1") == 0
    out = capsys.readouterr().out
    assert "Task changed (anna): Ring the school: what: Ring the scool -> Ring the school" in out
    assert "Due time changed (anna): Ring the school: " in out
    assert "-> 2031-01-06 09:30 (closed today)" in out
    assert "Follow-up date changed (anna): Politiet: " in out
    assert "-> 2031-01-08 00:00 (asked to wait)" in out
    # The follow-up task moved with the date.
    assert "due 2031-01-08 00:00  Follow up the referral to Politiet" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("task", "edit", "{task}", "--due", "2031-02-30", "--reason", "x"), "is not a date"),
        (("task", "edit", "{task}", "--due", "2031-01-06"), "needs its reason"),
        (("task", "edit", "{task}", "--due", "2031-01-06", "--reason", " "), "needs its reason"),
        (("task", "edit", "{task}", "--what", "Ring\nthe school"), "must be one line"),
        (("task", "edit", "{task}", "--what", ""), "is required"),
        (("task", "edit", "{task}"), "say what to change: --what, --note, --due or --no-due"),
        (("task", "edit", "99999", "--what", "x"), "no task with id 99999"),
        (("task", "edit", "x1", "--what", "x"), "task 'x1' is not a number"),
        (("referral", "edit", "{referral}", "--follow-up", "soon", "--reason", "x"), "not a date"),
        (("referral", "edit", "{referral}", "--no-follow-up", "--reason", ""), "needs its reason"),
        (("referral", "edit", "77", "--follow-up", "2031-01-06", "--reason", "x"), "no referral"),
        (
            ("task", "edit", "{follow}", "--due", "2031-01-06", "--reason", "x"),
            "follow-up date; change that date instead",
        ),
    ],
)
def test_a_bad_edit_is_said_in_one_line_exits_2_and_changes_nothing(
    case_with_plan, pw, capsys, args, message
):
    tid, rid = _task_and_referral(case_with_plan)

    def state():
        store = open_store(case_with_plan)
        try:
            cid = store.case_by_reference("F-1")
            return store.tasks(cid), store.referrals(cid), store.timeline(cid)
        finally:
            store.lock()

    before = state()
    follow = next(t.id for t in before[0] if t.clock == "referral-follow-up")
    filled = [a.format(task=tid, referral=rid, follow=follow) for a in args]
    assert cli(case_with_plan, pw, *filled) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("idcheck: "), err
    assert state() == before


def test_case_show_gives_the_standing_guidance_in_the_language_of_its_tasks(data_dir, pw, capsys):
    """A site printing in Norwegian: the plan's tasks are written in Norwegian when
    the screening is completed, and the standing guidance printed under them is in
    Norwegian too (it was in English, between Norwegian tasks)."""
    store = open_store(data_dir)
    try:
        store.set_site_profile(
            SiteProfile(name="Mottak Nord", jurisdiction="NO", print_language="nb")
        )
        cid = store.create_case(CaseDetails(reference="NB-1"))
        text = find("intake-screen").path.read_bytes()
        checklist = load_checklist_bytes(text)
        sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
        store.record_decision(sid, Decision("immediate-protection", (), "immediate-protection"))
        store.complete_screening(sid)
    finally:
        store.lock()
    assert cli(data_dir, pw, "case", "show", "NB-1") == 0
    out = capsys.readouterr().out
    tasks = out.split("\ntasks (")[1].split("\n\n")[0]
    assert "Ring barnevernvakten" in tasks  # the tasks: Norwegian
    guidance = out.split("\nstanding guidance (throughout, no due time):\n")[1].split("\n\n")[0]
    nb = [
        line.text["nb"]
        for o in checklist.outcomes
        if o.id == "immediate-protection"
        for line in o.actions
        if getattr(line, "kind", "") == "guidance"
    ]
    assert nb, "the intake's immediate protection has standing guidance"
    for said in nb:
        assert said in guidance
    assert "Stay with the child" not in guidance
