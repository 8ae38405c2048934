"""``idcheck case|task|referral|missing``: a case's follow-up on the command
line. Each opens the store as ``--user`` (``--password-file``), like the other
commands; bad input (a wrong date, an unknown reference or id, a line break or
a direction-override character where one line is expected, an empty reason) is
said in one line and exits 2, and nothing is changed."""

from __future__ import annotations

import argparse
import datetime as dt
import time

from idcheck.cli import EXIT_OK
from idcheck.cli.common import with_store
from idcheck.store import (
    InvalidInput,
    MissingDraft,
    ReferralDraft,
    Store,
    Task,
    TaskDraft,
)

__all__ = [
    "cmd_case_first_contact",
    "cmd_case_show",
    "cmd_missing_add",
    "cmd_missing_found",
    "cmd_referral_add",
    "cmd_referral_edit",
    "cmd_referral_state",
    "cmd_task_add",
    "cmd_task_assign",
    "cmd_task_done",
    "cmd_task_edit",
    "cmd_task_list",
    "cmd_task_reopen",
    "parse_when",
    "show_time",
]


def parse_when(text: str | None, what: str) -> float | None:
    """A time typed on the command line: ISO 8601 (local time unless it gives an
    offset) or a date (its start, local time). InvalidInput says how to write it."""
    if text is None:
        return None
    value = text.strip()
    try:
        if any(c in value for c in "\r\n") or not value:
            raise ValueError
        if len(value) == 10:
            when = dt.datetime.combine(dt.date.fromisoformat(value), dt.time())
        else:
            when = dt.datetime.fromisoformat(value)
        return when.timestamp()
    except (ValueError, OverflowError, OSError):
        shown = value.splitlines()[0][:40] if value else ""
        raise InvalidInput(
            f"{what}: {shown!r} is not a date; write 2026-12-05T14:30 (local time) or 2026-12-05"
        ) from None


def parse_id(text: str, what: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise InvalidInput(f"{what} {text[:20]!r} is not a number") from None
    if value <= 0:
        raise InvalidInput(f"{what} {value} is not an id")
    return value


def show_time(t: float | None) -> str:
    return "-" if t is None else dt.datetime.fromtimestamp(t).strftime("%Y-%m-%d %H:%M")


def _span(seconds: float) -> str:
    """A length of time as the window says it: "2 d 3 h", "5 h 20 min", "12 min"."""
    minutes = int(abs(seconds) // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {mins} min"
    return f"{max(1, mins)} min"


def task_state(t: Task, now: float) -> str:
    """What a task's line says first: done, not needed, overdue, due in, open."""
    if t.status == "done":
        return f"done {show_time(t.done_at)} by {t.done_by}"
    if t.status == "not_needed":
        # One line a task: a reason typed on several lines reads "a / b".
        return f"not needed ({' / '.join(x for x in t.reason.splitlines() if x.strip())})"
    if t.due_at is None:
        return "open, no due time"
    if t.overdue(now):
        return f"OVERDUE by {_span(now - t.due_at)}"
    return f"due in {_span(t.due_at - now)}"


def task_line(t: Task, now: float) -> str:
    who = []
    if t.role:
        who.append(t.role)
    if t.assignee:
        who.append(f"taken by {t.assignee}")
    parts = [f"#{t.id}", task_state(t, now), f"due {show_time(t.due_at)}", t.what]
    if who:
        parts.append(f"[{', '.join(who)}]")
    if t.contact:
        parts.append(f"contact: {t.contact}")
    return "  ".join(parts)


def _indented(text: str, indent: str) -> str:
    lines = text.splitlines() or [""]
    return lines[0] + "".join(f"\n{indent}{line}" for line in lines[1:])


#: Where a record's note starts under its line in ``case show``.
_NOTE = " " * 8 + "note: "


def _note(text: str) -> None:
    """A record's note under its line: each typed line on a line of its own,
    lined up under the first (a right-to-left line is a line of its own, so a
    terminal lays it out by itself)."""
    if text.strip():
        print(_NOTE + _indented(text.strip(), " " * len(_NOTE)))


def cmd_case_show(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        now = time.time()
        cid = store.case_by_reference(args.reference)
        case = store.get_case(cid)  # audited as a view of the case
        d = case.details
        head = f"case {d.reference} ({case.status})"
        if args.names:
            head += "  " + " ".join(x for x in (d.given_name, d.family_name) if x)
        print(head)
        print(
            f"first contact: {show_time(case.first_contact_at)}  "
            f"(case created {show_time(case.created_at)})"
        )
        tasks = store.tasks(cid)
        print(
            f"\ntasks ({sum(t.status == 'open' for t in tasks)} open, "
            f"{sum(t.overdue(now) for t in tasks)} overdue):"
        )
        for t in tasks:
            print("  " + task_line(t, now))
            _note(t.note)
        if not tasks:
            print("  (none)")
        # The standing guidance of the newest completed screening: never a task;
        # in the language its tasks were written in (the site's print language).
        from idcheck.report.summary_plan import case_guidance

        guidance = case_guidance(store, cid, None)
        if guidance:
            print("\nstanding guidance (throughout, no due time):")
            for line in guidance:
                print(f"  - {line}")
        print("\nreferrals:")
        for r in store.referrals(cid):
            follow = f"  follow up {show_time(r.follow_up_on)}" if r.follow_up_on else ""
            print(
                f"  #{r.id}  {show_time(r.sent_at)}  {r.recipient} ({r.method})  {r.state}{follow}"
            )
            _note(r.note)
            for h in r.history[1:]:
                why = f": {h.reason}" if h.reason else ""
                print(f"        {show_time(h.at)}  {h.state} ({h.by}){why}")
        plan = store.plan(cid)
        if plan is not None:
            review = (
                f", next review {show_time(plan.next_review_on)}" if plan.next_review_on else ""
            )
            print(
                f"\nindividual plan: version {plan.version} of {show_time(plan.saved_at)} "
                f"by {plan.saved_by}, {len(plan.entries)} needs{review}"
            )
        episodes = store.missing_episodes(cid)
        if episodes:
            print("\nmissing episodes:")
            for e in episodes:
                state = "STILL MISSING" if e.open() else f"found {show_time(e.found_at)}"
                print(f"  #{e.id}  missing {show_time(e.missing_at)}  {state}")
        print("\ntimeline:")
        for entry in store.timeline(cid):
            by = f" ({entry.by})" if entry.by else ""
            detail = f": {_indented(entry.detail, ' ' * 22)}" if entry.detail else ""
            print(f"  {show_time(entry.at)}  {entry.title}{by}{detail}")
        return EXIT_OK

    return with_store(args, run)


def cmd_case_first_contact(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        when = parse_when(args.when, "first contact")
        cid = store.case_by_reference(args.reference)
        assert when is not None
        store.set_first_contact(cid, when, args.reason)
        print(f"first contact of {args.reference.strip()} set to {show_time(when)}")
        return EXIT_OK

    return with_store(args, run)


def cmd_task_list(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        now = time.time()
        rows = store.task_list(overdue=args.overdue, mine=args.mine, now=now)
        for r in rows:
            child = f" {r.child}" if args.names and r.child else ""
            print(f"{r.reference}{child}  {task_line(r.task, now)}")
        if not rows:
            print("no open tasks" + (" overdue" if args.overdue else ""))
        return EXIT_OK

    return with_store(args, run)


def cmd_task_add(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        due = parse_when(args.due, "--due")
        cid = store.case_by_reference(args.reference)
        tid = store.add_task(
            cid, TaskDraft(args.what, assignee=args.assign, due_at=due, note=args.note)
        )
        print(f"task #{tid} added to {args.reference.strip()}")
        return EXIT_OK

    return with_store(args, run)


def cmd_task_done(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        tid = parse_id(args.task_id, "task")
        if args.not_needed is not None:
            if args.note:
                raise InvalidInput("give either --note or --not-needed REASON, not both")
            store.finish_task(tid, "not_needed", note=args.not_needed)
            print(f"task #{tid} marked not needed")
        else:
            store.finish_task(tid, "done", note=args.note)
            print(f"task #{tid} done")
        return EXIT_OK

    return with_store(args, run)


def cmd_task_edit(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        from idcheck.store.followup_edits import KEEP

        tid = parse_id(args.task_id, "task")
        due = None if args.no_due else parse_when(args.due, "--due")
        if args.what is None and args.note is None and args.due is None and not args.no_due:
            raise InvalidInput("say what to change: --what, --note, --due or --no-due")
        changed = store.edit_task(
            tid,
            what=args.what,
            note=args.note,
            due_at=due if args.due is not None or args.no_due else KEEP,
            reason=args.reason,
        )
        if not changed:
            print(f"task #{tid} is already so; nothing was changed")
            return EXIT_OK
        t = store.task(tid)
        print(f"task #{tid} changed: due {show_time(t.due_at)}  {t.what}")
        return EXIT_OK

    return with_store(args, run)


def cmd_task_reopen(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        tid = parse_id(args.task_id, "task")
        store.reopen_task(tid, args.reason)
        print(f"task #{tid} open again")
        return EXIT_OK

    return with_store(args, run)


def cmd_task_assign(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        tid = parse_id(args.task_id, "task")
        who = None if args.nobody else args.assignee
        store.assign_task(tid, who)
        print(f"task #{tid} given to {who.strip() if who else 'nobody'}")
        return EXIT_OK

    return with_store(args, run)


def cmd_referral_edit(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        rid = parse_id(args.referral_id, "referral")
        follow = None if args.no_follow_up else parse_when(args.follow_up, "--follow-up")
        if not store.edit_referral(rid, follow_up_on=follow, reason=args.reason):
            print(f"referral #{rid} already has that follow-up date; nothing was changed")
            return EXIT_OK
        print(f"referral #{rid}: follow up {show_time(follow)}")
        return EXIT_OK

    return with_store(args, run)


def cmd_referral_add(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        now = time.time()
        sent = parse_when(args.sent, "--sent")
        follow = parse_when(args.follow_up, "--follow-up")
        cid = store.case_by_reference(args.reference)
        rid = store.add_referral(
            cid,
            ReferralDraft(
                args.recipient,
                args.method,
                now if sent is None else sent,
                follow_up_on=follow,
                note=args.note,
            ),
            now=now,
        )
        print(f"referral #{rid} recorded for {args.reference.strip()}")
        return EXIT_OK

    return with_store(args, run)


def cmd_referral_state(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        rid = parse_id(args.referral_id, "referral")
        at = parse_when(args.at, "--at")
        store.set_referral_state(rid, args.state, reason=args.reason, at=at)
        print(f"referral #{rid} is {args.state}")
        return EXIT_OK

    return with_store(args, run)


def cmd_missing_add(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        missing_at = parse_when(args.missing_at, "--missing-at")
        reported_at = parse_when(args.reported_at, "--reported-at")
        cid = store.case_by_reference(args.reference)
        assert missing_at is not None
        eid = store.add_missing(
            cid,
            MissingDraft(
                missing_at,
                args.last_seen,
                reported_at,
                args.reported_by,
                args.police_reference,
                note=args.note,
            ),
        )
        print(f"missing episode #{eid} recorded for {args.reference.strip()}")
        return EXIT_OK

    return with_store(args, run)


def cmd_missing_found(args: argparse.Namespace) -> int:
    def run(store: Store) -> int:
        eid = parse_id(args.episode_id, "missing episode")
        found_at = parse_when(args.found_at, "--found-at")
        interview_at = parse_when(args.interview_at, "--interview-at")
        episode = store.missing_episode(eid)
        d = episode.draft()
        store.update_missing(
            eid,
            MissingDraft(
                d.missing_at,
                d.last_seen_where,
                d.reported_at,
                d.reported_by,
                d.police_reference,
                found_at,
                d.found_where if args.where is None else args.where,
                d.interview_at if interview_at is None else interview_at,
                d.interview_by if args.interview_by is None else args.interview_by,
                d.note,
            ),
        )
        print(f"missing episode #{eid}: found {show_time(found_at)}")
        return EXIT_OK

    return with_store(args, run)
