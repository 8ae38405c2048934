"""The follow-up subcommands' options (``case``, ``task``, ``referral``,
``missing``): imports nothing heavy; the handlers are in ``followup_cmds``."""

from __future__ import annotations

import argparse

from idcheck.cli.commands import Lazy, Subparsers

__all__ = ["register_followup"]

WHEN = "ISO 8601 local time (2026-12-05T14:30) or a date (2026-12-05)"


def _run(name: str) -> Lazy:
    return Lazy("followup_cmds", name)


def _parser(parent: Subparsers, name: str, help_text: str) -> argparse.ArgumentParser:
    """A subcommand that opens the store: ``--user`` and ``--password-file``."""
    p = parent.add_parser(name, help=help_text, allow_abbrev=False)
    p.add_argument("--user", required=True)
    p.add_argument("--password-file", metavar="F", help="read the password from F ('-': stdin)")
    return p


def register_followup(sub: Subparsers) -> None:
    c = sub.add_parser(
        "case", help="a case's follow-up: show it, change first contact", allow_abbrev=False
    )
    ca = c.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    q = _parser(ca, "show", "the case with its timeline, tasks (due, overdue, done) and referrals")
    q.add_argument("reference", metavar="REF")
    q.add_argument("--names", action="store_true", help="show the child's names (off by default)")
    q.set_defaults(handler=_run("cmd_case_show"))
    q = _parser(ca, "first-contact", "when the child first came to notice (a reason is required)")
    q.add_argument("reference", metavar="REF")
    q.add_argument("when", metavar="WHEN", help=WHEN)
    q.add_argument("--reason", required=True, metavar="TEXT")
    q.set_defaults(handler=_run("cmd_case_first_contact"))

    t = sub.add_parser(
        "task",
        help="tasks across cases: list, add, change, mark done, reopen, assign",
        allow_abbrev=False,
    )
    ta = t.add_subparsers(dest="task_command", metavar="ACTION", required=True)
    q = _parser(ta, "list", "open tasks of open cases, soonest first")
    q.add_argument("--overdue", action="store_true", help="only those past their due time")
    q.add_argument("--mine", action="store_true", help="only those given to you")
    q.add_argument("--names", action="store_true", help="show the child's names (off by default)")
    q.set_defaults(handler=_run("cmd_task_list"))
    q = _parser(ta, "add", "add a task to a case by hand")
    q.add_argument("reference", metavar="REF")
    q.add_argument("what", metavar="WHAT", help="what is to be done (one line)")
    q.add_argument("--due", metavar="WHEN", help=WHEN)
    q.add_argument("--assign", metavar="USER", help="the worker who takes it")
    q.add_argument("--note", metavar="TEXT", default="")
    q.set_defaults(handler=_run("cmd_task_add"))
    q = _parser(ta, "done", "mark a task done, or not needed with a reason")
    q.add_argument("task_id", metavar="TASK_ID")
    q.add_argument("--note", metavar="TEXT", default="")
    q.add_argument("--not-needed", metavar="REASON", help="not needed, and why")
    q.set_defaults(handler=_run("cmd_task_done"))
    q = _parser(
        ta, "edit", "change an open task's text, note or due time (a due time with --reason)"
    )
    q.add_argument("task_id", metavar="TASK_ID")
    q.add_argument("--what", metavar="WHAT", help="what is to be done (one line)")
    q.add_argument("--note", metavar="TEXT", help="the task's note, replaced")
    due = q.add_mutually_exclusive_group()
    due.add_argument("--due", metavar="WHEN", help=WHEN)
    due.add_argument("--no-due", action="store_true", help="no deadline")
    q.add_argument("--reason", metavar="TEXT", default="", help="why (required for a due time)")
    q.set_defaults(handler=_run("cmd_task_edit"))
    q = _parser(ta, "reopen", "open a finished task again (--reason is required)")
    q.add_argument("task_id", metavar="TASK_ID")
    q.add_argument("--reason", required=True, metavar="TEXT", help="why it is open again")
    q.set_defaults(handler=_run("cmd_task_reopen"))
    q = _parser(ta, "assign", "give an open task to a worker, or to nobody")
    q.add_argument("task_id", metavar="TASK_ID")
    who = q.add_mutually_exclusive_group(required=True)
    who.add_argument("assignee", metavar="USER", nargs="?", help="the worker who takes it")
    who.add_argument("--nobody", action="store_true", help="given to no one")
    q.set_defaults(handler=_run("cmd_task_assign"))

    r = sub.add_parser(
        "referral",
        help="referrals as records: add, change state, move the follow-up date",
        allow_abbrev=False,
    )
    ra = r.add_subparsers(dest="referral_command", metavar="ACTION", required=True)
    q = _parser(ra, "add", "record a referral sent for a case")
    q.add_argument("reference", metavar="REF")
    q.add_argument("--to", dest="recipient", required=True, metavar="RECIPIENT")
    q.add_argument(
        "--method",
        required=True,
        choices=["phone", "by_hand", "encrypted_file", "post", "email"],
    )
    q.add_argument("--sent", metavar="WHEN", help=f"{WHEN}; default: now")
    q.add_argument("--follow-up", metavar="WHEN", help=WHEN)
    q.add_argument("--note", metavar="TEXT", default="")
    q.set_defaults(handler=_run("cmd_referral_add"))
    q = _parser(ra, "state", "a referral received, accepted, declined (with --reason) or closed")
    q.add_argument("referral_id", metavar="ID")
    q.add_argument("state", choices=["sent", "received", "accepted", "declined", "closed"])
    q.add_argument("--reason", metavar="TEXT", default="")
    q.add_argument("--at", metavar="WHEN", help=f"{WHEN}; default: now")
    q.set_defaults(handler=_run("cmd_referral_state"))
    q = _parser(ra, "edit", "move a referral's follow-up date (with --reason); its task moves too")
    q.add_argument("referral_id", metavar="ID")
    follow = q.add_mutually_exclusive_group(required=True)
    follow.add_argument("--follow-up", metavar="WHEN", help=WHEN)
    follow.add_argument("--no-follow-up", action="store_true", help="no follow-up date")
    q.add_argument("--reason", required=True, metavar="TEXT")
    q.set_defaults(handler=_run("cmd_referral_edit"))

    m = sub.add_parser(
        "missing", help="missing episodes: a child gone missing, found", allow_abbrev=False
    )
    ma = m.add_subparsers(dest="missing_command", metavar="ACTION", required=True)
    q = _parser(ma, "add", "record that the child went missing")
    q.add_argument("reference", metavar="REF")
    q.add_argument("--missing-at", required=True, metavar="WHEN", help=WHEN)
    q.add_argument("--last-seen", metavar="WHERE", default="")
    q.add_argument("--reported-at", metavar="WHEN", help=WHEN)
    q.add_argument("--reported-by", metavar="NAME", default="")
    q.add_argument("--police-reference", metavar="REF", default="")
    q.add_argument("--note", metavar="TEXT", default="")
    q.set_defaults(handler=_run("cmd_missing_add"))
    q = _parser(ma, "found", "record that the child was found or came back")
    q.add_argument("episode_id", metavar="ID")
    q.add_argument("--found-at", required=True, metavar="WHEN", help=WHEN)
    q.add_argument("--where", metavar="WHERE", help="kept as recorded when not given")
    q.add_argument("--interview-at", metavar="WHEN", help=f"the return interview: {WHEN}")
    q.add_argument("--interview-by", metavar="NAME", help="kept as recorded when not given")
    q.set_defaults(handler=_run("cmd_missing_found"))
