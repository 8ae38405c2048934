"""A case's notes and its timeline: the case, first contact and its changes,
screenings, tasks made, changed and finished, referrals, their states and
follow-up dates, plan versions, missing episodes and notes, in time order
(oldest first).

Each entry's ``detail`` is English words for the command line; its ``facts``
are the same as data for the window to word in its language:

================  ==========================================================
case              reference
first-contact     (first contact) -; (changed) reason, new
screening         checklist, version; (completed) outcome
task              what
task-done         what; (not needed) reason
task-changed      what (as now), field (what, note, due_at), old, new, reason
referral          recipient, method
referral-state    recipient, state, reason
referral-changed  recipient, field (follow_up_on), old, new, reason
plan              version, summary
missing, found    where
note              text
================  ==========================================================
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Connection, insert, select

from idcheck.store.cases import case_row
from idcheck.store.core import StoreCore
from idcheck.store.followup_records import TimelineEntry, TimelineKind, check_text
from idcheck.store.schema import (
    case_notes,
    followup_changes,
    missing_episodes,
    plans,
    referral_records,
    referral_states,
    screenings,
    tasks,
    users,
)

__all__ = ["Timeline"]

#: Entries at the same moment, in the order things happen.
_ORDER: dict[str, int] = {
    k: i
    for i, k in enumerate(
        (
            "case",
            "first-contact",
            "screening",
            "task",
            "referral",
            "referral-state",
            "plan",
            "missing",
            "found",
            "task-changed",
            "referral-changed",
            "task-done",
            "note",
        )
    )
}


class Timeline(StoreCore):
    """Case notes and the case's timeline."""

    def add_note(self, case_id: int, text: str, *, now: float | None = None) -> int:
        """A note on the case (its text never reaches the audit trail)."""
        body = check_text("the note", text, required=True)
        now = time.time() if now is None else now
        with self._write() as conn:
            case_row(conn, case_id)
            nid = conn.execute(
                insert(case_notes).values(
                    case_id=case_id, kind="note", text=body, value=None, by=self.user.id, at=now
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            self._audit_record(conn, "note-added", case_id=case_id, object_id=nid)
        return int(nid)

    def timeline(self, case_id: int) -> list[TimelineEntry]:
        """Everything recorded about the case in time order, oldest first."""
        with self._read() as conn:
            c = case_row(conn, case_id)
            names = {r.id: r.username for r in conn.execute(select(users.c.id, users.c.username))}
            out = [
                TimelineEntry(
                    c.created_at,
                    "case",
                    "Case created",
                    c.reference,
                    names.get(c.created_by),
                    case_id,
                    {"reference": c.reference},
                ),
                TimelineEntry(
                    c.first_contact_at, "first-contact", "First contact", "", None, case_id
                ),
            ]
            for part in (_screenings, _tasks, _referrals, _plans, _missing, _notes, _changes):
                out.extend(part(conn, case_id, names))
        return sorted(out, key=lambda e: (e.at, _ORDER[e.kind], e.ref_id or 0))


def _entry(
    at: float,
    kind: TimelineKind,
    title: str,
    detail: str,
    by: Any,
    ref: int,
    names: dict[int, str],
    **facts: str | float | int | None,
) -> TimelineEntry:
    return TimelineEntry(float(at), kind, title, detail, names.get(by) if by else None, ref, facts)


def _shown(ts: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts)) if ts is not None else "none"


def _screenings(conn: Connection, cid: int, names: dict[int, str]) -> list[TimelineEntry]:
    out = []
    for s in conn.execute(select(screenings).where(screenings.c.case_id == cid)):
        ref = f"{s.checklist_id}@{s.checklist_version}"
        facts = {"checklist": s.checklist_id, "version": s.checklist_version}
        out.append(
            _entry(
                s.started_at,
                "screening",
                "Screening started",
                ref,
                s.started_by,
                s.id,
                names,
                **facts,
            )
        )
        if s.completed_at is not None:
            outcome = s.decision_outcome or s.suggested_outcome or ""
            out.append(
                _entry(
                    s.completed_at,
                    "screening",
                    "Screening completed",
                    f"{ref}: {outcome}",
                    s.decided_by or s.started_by,
                    s.id,
                    names,
                    outcome=outcome,
                    **facts,
                )
            )
    return out


def _tasks(conn: Connection, cid: int, names: dict[int, str]) -> list[TimelineEntry]:
    out = []
    for t in conn.execute(select(tasks).where(tasks.c.case_id == cid)):
        out.append(
            _entry(
                t.created_at, "task", "Task added", t.what, t.created_by, t.id, names, what=t.what
            )
        )
        if t.done_at is not None:
            if t.status == "not_needed":
                out.append(
                    _entry(
                        t.done_at,
                        "task-done",
                        "Task not needed",
                        # "Complete it within 24 hours: the reason", not "hours.: ..."
                        f"{t.what.removesuffix('.')}: {t.reason}",
                        t.done_by,
                        t.id,
                        names,
                        what=t.what,
                        reason=t.reason,
                    )
                )
            else:
                out.append(
                    _entry(
                        t.done_at,
                        "task-done",
                        "Task done",
                        t.what,
                        t.done_by,
                        t.id,
                        names,
                        what=t.what,
                    )
                )
    return out


def _referrals(conn: Connection, cid: int, names: dict[int, str]) -> list[TimelineEntry]:
    out = []
    rows = conn.execute(
        select(referral_states, referral_records.c.recipient, referral_records.c.method)
        .join(referral_records, referral_records.c.id == referral_states.c.referral_id)
        .where(referral_records.c.case_id == cid)
        .order_by(referral_states.c.id)
    ).all()
    seen: set[int] = set()
    for s in rows:
        first = s.referral_id not in seen
        seen.add(s.referral_id)
        if first:
            out.append(
                _entry(
                    s.at,
                    "referral",
                    "Referral sent",
                    f"{s.recipient} ({s.method})",
                    s.by,
                    s.referral_id,
                    names,
                    recipient=s.recipient,
                    method=s.method,
                )
            )
        else:
            detail = f"{s.recipient}: {s.reason}" if s.reason else s.recipient
            out.append(
                _entry(
                    s.at,
                    "referral-state",
                    f"Referral {s.state}",
                    detail,
                    s.by,
                    s.referral_id,
                    names,
                    recipient=s.recipient,
                    state=s.state,
                    reason=s.reason,
                )
            )
    return out


def _plans(conn: Connection, cid: int, names: dict[int, str]) -> list[TimelineEntry]:
    return [
        _entry(
            p.saved_at,
            "plan",
            "Plan saved",
            f"version {p.version}" + (f": {p.summary}" if p.summary else ""),
            p.saved_by,
            p.id,
            names,
            version=p.version,
            summary=p.summary,
        )
        for p in conn.execute(select(plans).where(plans.c.case_id == cid))
    ]


def _missing(conn: Connection, cid: int, names: dict[int, str]) -> list[TimelineEntry]:
    out = []
    for m in conn.execute(select(missing_episodes).where(missing_episodes.c.case_id == cid)):
        out.append(
            _entry(
                m.missing_at,
                "missing",
                "Went missing",
                m.last_seen_where,
                m.recorded_by,
                m.id,
                names,
                where=m.last_seen_where,
            )
        )
        if m.found_at is not None:
            out.append(
                _entry(
                    m.found_at,
                    "found",
                    "Found",
                    m.found_where,
                    m.recorded_by,
                    m.id,
                    names,
                    where=m.found_where,
                )
            )
    return out


def _notes(conn: Connection, cid: int, names: dict[int, str]) -> list[TimelineEntry]:
    out = []
    for n in conn.execute(select(case_notes).where(case_notes.c.case_id == cid)):
        if n.kind == "first-contact":
            out.append(
                _entry(
                    n.at,
                    "first-contact",
                    "First contact changed",
                    n.text,
                    n.by,
                    n.id,
                    names,
                    reason=n.text,
                    new=n.value,
                )
            )
        else:
            out.append(_entry(n.at, "note", "Note", n.text, n.by, n.id, names, text=n.text))
    return out


#: The titles of changes after saving, by the field changed.
_CHANGED = {
    "what": "Task changed",
    "note": "Task changed",
    "due_at": "Due time changed",
    "follow_up_on": "Follow-up date changed",
}


def _changes(conn: Connection, cid: int, names: dict[int, str]) -> list[TimelineEntry]:
    """Tasks and referrals changed after saving (migration 0013)."""
    out = []
    rows = conn.execute(
        select(followup_changes, tasks.c.what, referral_records.c.recipient)
        .outerjoin(tasks, tasks.c.id == followup_changes.c.task_id)
        .outerjoin(referral_records, referral_records.c.id == followup_changes.c.referral_id)
        .where(followup_changes.c.case_id == cid)
    ).all()
    for c in rows:
        if c.field in ("due_at", "follow_up_on"):
            old: str | float | None = c.old_at
            new: str | float | None = c.new_at
            change = f"{_shown(c.old_at)} -> {_shown(c.new_at)}"
        else:
            old, new = c.old_text, c.new_text
            change = f"{c.field}: {c.old_text} -> {c.new_text}"
        why = f" ({c.reason})" if c.reason else ""
        if c.task_id is not None:
            kind: TimelineKind = "task-changed"
            subject, ref, facts = c.what, c.task_id, {"what": c.what}
        else:
            kind, subject, ref = "referral-changed", c.recipient, c.referral_id
            facts = {"recipient": c.recipient}
        out.append(
            _entry(
                c.at,
                kind,
                _CHANGED.get(c.field, "Changed"),
                f"{subject}: {change}{why}",
                c.by,
                ref,
                names,
                field=c.field,
                old=old,
                new=new,
                reason=c.reason,
                **facts,
            )
        )
    return out
