"""The words of a case's follow-up, in the interface's language: times, how long
until a task is due or how long it is overdue, a task's state, a referral's
method and state, a timeline entry's kind, and the case list's follow-up column.

Overdue is always said in words ("OVERDUE by 3 h 10 min"), never by colour
alone: a colour and an icon only repeat what the words say.
"""

from __future__ import annotations

import functools
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from idcheck.store import CaseRow, MissingEpisode, Referral, Task, TimelineEntry

__all__ = [
    "DUE_SOON",
    "KINDS",
    "METHODS",
    "NEXT_STATES",
    "STATES",
    "TITLES",
    "case_flags",
    "case_flags_spoken",
    "countdown",
    "day",
    "entry_detail",
    "entry_title",
    "kind_label",
    "label",
    "method_label",
    "missing_state",
    "referral_state",
    "responsible",
    "span",
    "task_state",
    "tr",
    "when",
]

#: A task is "due soon" when its deadline is within this many seconds.
DUE_SOON = 24 * 3600


def tr(text: str) -> str:
    """A string of these modules in the interface language (the extraction files a
    bare ``tr()`` call under no context)."""
    return QCoreApplication.translate("", text)


def label(text: object) -> str:
    """A string of the tables marked with ``QT_TRANSLATE_NOOP("FollowUp", …)``."""
    return QCoreApplication.translate("FollowUp", str(text))


def when(ts: float | None) -> str:
    """A moment as the worker reads it (local time), or "" for none."""
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts)) if ts is not None else ""


def day(ts: float | None) -> str:
    return time.strftime("%Y-%m-%d", time.localtime(ts)) if ts is not None else ""


def span(seconds: float) -> str:
    """A length of time in days, hours and minutes: "2 d 3 h", "5 h 20 min", "12 min";
    under a minute is "1 min" (as the command line says it), never "0 min"."""
    minutes = int(abs(seconds) // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return tr("{0} d {1} h").format(days, hours)
    if hours:
        return tr("{0} h {1} min").format(hours, mins)
    return tr("{0} min").format(max(1, mins))


def countdown(task: Task, now: float) -> str:
    """How the task stands against its deadline, in words."""
    if task.status == "done":
        return tr("done {0} by {1}").format(when(task.done_at), task.done_by or "")
    if task.status == "not_needed":
        return tr("not needed: {0}").format(task.reason)
    if task.due_at is None:
        return tr("no deadline")
    if task.due_at < now:
        return tr("OVERDUE by {0}").format(span(now - task.due_at))
    return tr("due in {0}").format(span(task.due_at - now))


def task_state(task: Task, now: float) -> str:
    if task.status == "done":
        return tr("done")
    if task.status == "not_needed":
        return tr("not needed")
    if task.overdue(now):
        return tr("overdue")
    if task.due_soon(now, DUE_SOON):
        return tr("due soon")
    return tr("open")


def responsible(task: Task) -> str:
    """The role, the contact and the worker who took the task."""
    role = tr("screener") if task.role == "screening-worker" else task.role
    parts = [p for p in (role, task.contact) if p]
    if task.assignee:
        parts.append(tr("taken by {0}").format(task.assignee))
    return " · ".join(parts) or tr("nobody yet")


METHODS = {
    "phone": QT_TRANSLATE_NOOP("FollowUp", "by phone"),
    "by_hand": QT_TRANSLATE_NOOP("FollowUp", "by hand"),
    "encrypted_file": QT_TRANSLATE_NOOP("FollowUp", "encrypted file"),
    "post": QT_TRANSLATE_NOOP("FollowUp", "by post"),
    "email": QT_TRANSLATE_NOOP("FollowUp", "by email"),
}
STATES = {
    "sent": QT_TRANSLATE_NOOP("FollowUp", "sent"),
    "received": QT_TRANSLATE_NOOP("FollowUp", "received"),
    "accepted": QT_TRANSLATE_NOOP("FollowUp", "accepted"),
    "declined": QT_TRANSLATE_NOOP("FollowUp", "declined"),
    "closed": QT_TRANSLATE_NOOP("FollowUp", "closed"),
}
KINDS = {
    "case": QT_TRANSLATE_NOOP("FollowUp", "Case opened"),
    "first-contact": QT_TRANSLATE_NOOP("FollowUp", "First contact"),
    "screening": QT_TRANSLATE_NOOP("FollowUp", "Screening"),
    "task": QT_TRANSLATE_NOOP("FollowUp", "Task"),
    "task-done": QT_TRANSLATE_NOOP("FollowUp", "Task finished"),
    "referral": QT_TRANSLATE_NOOP("FollowUp", "Referral"),
    "referral-state": QT_TRANSLATE_NOOP("FollowUp", "Referral state"),
    "plan": QT_TRANSLATE_NOOP("FollowUp", "Individual plan"),
    "missing": QT_TRANSLATE_NOOP("FollowUp", "Went missing"),
    "found": QT_TRANSLATE_NOOP("FollowUp", "Found"),
    "note": QT_TRANSLATE_NOOP("FollowUp", "Note"),
    "task-changed": QT_TRANSLATE_NOOP("FollowUp", "Task changed"),
    "referral-changed": QT_TRANSLATE_NOOP("FollowUp", "Referral changed"),
}


#: The timeline's titles (the store's English keys), as the window says them.
TITLES = {
    "Case created": QT_TRANSLATE_NOOP("FollowUp", "Case created"),
    "First contact": QT_TRANSLATE_NOOP("FollowUp", "First contact"),
    "First contact changed": QT_TRANSLATE_NOOP("FollowUp", "First contact changed"),
    "Screening started": QT_TRANSLATE_NOOP("FollowUp", "Screening started"),
    "Screening completed": QT_TRANSLATE_NOOP("FollowUp", "Screening completed"),
    "Task added": QT_TRANSLATE_NOOP("FollowUp", "Task added"),
    "Task done": QT_TRANSLATE_NOOP("FollowUp", "Task done"),
    "Task not needed": QT_TRANSLATE_NOOP("FollowUp", "Task not needed"),
    "Referral sent": QT_TRANSLATE_NOOP("FollowUp", "Referral sent"),
    "Referral received": QT_TRANSLATE_NOOP("FollowUp", "Referral received"),
    "Referral accepted": QT_TRANSLATE_NOOP("FollowUp", "Referral accepted"),
    "Referral declined": QT_TRANSLATE_NOOP("FollowUp", "Referral declined"),
    "Referral closed": QT_TRANSLATE_NOOP("FollowUp", "Referral closed"),
    "Plan saved": QT_TRANSLATE_NOOP("FollowUp", "Plan saved"),
    "Went missing": QT_TRANSLATE_NOOP("FollowUp", "Went missing"),
    "Found": QT_TRANSLATE_NOOP("FollowUp", "Found"),
    "Note": QT_TRANSLATE_NOOP("FollowUp", "Note"),
    "Task changed": QT_TRANSLATE_NOOP("FollowUp", "Task changed"),
    "Due time changed": QT_TRANSLATE_NOOP("FollowUp", "Due time changed"),
    "Follow-up date changed": QT_TRANSLATE_NOOP("FollowUp", "Follow-up date changed"),
}
#: Where a referral may go from each state (the store refuses the others).
NEXT_STATES = {
    "sent": ("received", "accepted", "declined", "closed"),
    "received": ("accepted", "declined", "closed"),
    "accepted": ("closed",),
    "declined": ("sent", "closed"),
    "closed": (),
}


def entry_title(title: str, kind: str) -> str:
    """A timeline entry's title in the interface's language (by its kind when
    the store's title is not one the window knows)."""
    return label(TITLES[title]) if title in TITLES else kind_label(kind)


@functools.lru_cache(maxsize=4)
def _checklist_words(lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """Checklist id -> its title and outcome id -> its label, over the newest
    version of each installed checklist (those the window read at start), in
    ``lang`` where they have it (once per language)."""
    from idcheck.checklist import Checklist, load_entry, text_for
    from idcheck.checklist.catalogue import newest_entries

    titles: dict[str, str] = {}
    outcomes: dict[str, str] = {}
    for e in newest_entries():
        obj = load_entry(e)
        if isinstance(obj, Checklist):
            titles.setdefault(obj.id, text_for(obj.title, lang))
            for o in obj.outcomes:
                outcomes.setdefault(o.id, text_for(o.label, lang))
    return titles, outcomes


def _text(facts: dict[str, object], key: str) -> str:
    value = facts.get(key)
    return "" if value is None else str(value)


def _time(facts: dict[str, object], key: str, *, whole_day: bool = False) -> str:
    value = facts.get(key)
    if not isinstance(value, int | float):
        return tr("none")
    return day(value) if whole_day else when(value)


def entry_detail(e: TimelineEntry) -> str:
    """A timeline entry's detail in the interface's language, worded from its
    facts (what was typed stays as typed; codes and times are said here)."""
    from idcheck.gui.i18n import content_language

    f: dict[str, object] = dict(e.facts)
    kind = e.kind
    if kind == "screening":
        titles, outcomes = _checklist_words(content_language())
        checklist = titles.get(_text(f, "checklist")) or _text(f, "checklist")
        head = tr("{0}, version {1}").format(checklist, _text(f, "version"))
        if "outcome" not in f:
            return head
        outcome = _text(f, "outcome")
        return tr("{0}: {1}").format(head, outcomes.get(outcome, outcome))
    if kind == "first-contact":
        if "new" not in f:
            return ""
        return tr("set to {0}: {1}").format(_time(f, "new"), _text(f, "reason"))
    if kind in ("task", "task-done"):
        what = _text(f, "what")
        if e.title == "Task not needed":
            return tr("{0}: {1}").format(what.removesuffix("."), _text(f, "reason"))
        return what
    if kind in ("task-changed", "referral-changed"):
        return _change(f)
    if kind == "referral":
        return tr("{0} ({1})").format(_text(f, "recipient"), method_label(_text(f, "method")))
    if kind == "referral-state":
        reason = _text(f, "reason")
        recipient = _text(f, "recipient")
        return tr("{0}: {1}").format(recipient, reason) if reason else recipient
    if kind == "plan":
        version = tr("version {0}").format(_text(f, "version"))
        summary = _text(f, "summary")
        return tr("{0}: {1}").format(version, summary) if summary else version
    if kind in ("missing", "found"):
        return _text(f, "where")
    if kind == "note":
        return _text(f, "text")
    if kind == "case":
        return _text(f, "reference")
    return ""


def _change(f: dict[str, object]) -> str:
    """A task or referral changed after saving: what it was and what it is."""
    field = _text(f, "field")
    reason = _text(f, "reason")
    if field == "due_at":
        text = tr("{0}: due {1} (was {2})").format(
            _text(f, "what"), _time(f, "new"), _time(f, "old")
        )
    elif field == "follow_up_on":
        text = tr("{0}: follow up on {1} (was {2})").format(
            _text(f, "recipient"),
            _time(f, "new", whole_day=True),
            _time(f, "old", whole_day=True),
        )
    elif field == "note":
        text = tr("{0}: the note is now: {1}").format(_text(f, "what"), _text(f, "new"))
    else:
        text = tr("{0} (was: {1})").format(_text(f, "new"), _text(f, "old"))
    return tr("{0}. Reason: {1}").format(text, reason) if reason else text


def method_label(method: str) -> str:
    return label(METHODS[method]) if method in METHODS else method


def referral_state(referral: Referral) -> str:
    state = label(STATES.get(referral.state, referral.state))
    last = referral.history[-1] if referral.history else None
    if referral.state == "declined" and last is not None and last.reason:
        return tr("{0}: {1}").format(state, last.reason)
    return state


def kind_label(kind: str) -> str:
    return label(KINDS[kind]) if kind in KINDS else kind


def missing_state(episode: MissingEpisode) -> str:
    if episode.found_at is None:
        return tr("MISSING now")
    if episode.interview_at is None:
        return tr("found; no return interview yet")
    return tr("found; return interview held")


def case_flags(row: CaseRow) -> str:
    """The case list's follow-up column: an open missing episode first, then the
    counts of overdue and due-soon tasks; "" when there is nothing to follow."""
    parts = []
    if row.missing:
        parts.append(tr("MISSING"))
    if row.overdue_tasks:
        parts.append(tr("{0} overdue").format(row.overdue_tasks))
    if row.due_soon_tasks:
        parts.append(tr("{0} due soon").format(row.due_soon_tasks))
    return " · ".join(parts)


def case_flags_spoken(row: CaseRow) -> str:
    """The same for a screen reader, in whole sentences."""
    parts = []
    if row.missing:
        parts.append(tr("The child is missing: an episode is open."))
    if row.overdue_tasks:
        parts.append(tr("Tasks overdue: {0}.").format(row.overdue_tasks))
    if row.due_soon_tasks:
        parts.append(tr("Tasks due in the next 24 hours: {0}.").format(row.due_soon_tasks))
    return " ".join(parts) or tr("Nothing overdue or due soon.")
