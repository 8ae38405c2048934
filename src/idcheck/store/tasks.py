"""Tasks and the clocks they run on: a case's first contact (changed only with a
reason), the tasks a completed screening's plan makes (due from first contact),
tasks added by hand, finishing, reopening and assigning them, the task list and
*My work*.

Every write is one transaction with its audit row (ids and the task's content
hash: a task's text, note or reason never reaches the audit trail). ``now`` is a parameter wherever
time matters, so callers (and tests) give the clock.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from typing import Any, Literal

from sqlalchemy import Connection, Select, and_, case, insert, or_, select, update
from sqlalchemy.sql.elements import ColumnElement

from idcheck.checklist import Checklist, ChecklistError, Routes, load_routes_bytes, text_for
from idcheck.followup import due_at
from idcheck.followup.actions import plan_actions, site_routes
from idcheck.store import pinned as pinned_mod
from idcheck.store.cases import case_row
from idcheck.store.core import StoreCore
from idcheck.store.errors import InvalidInput
from idcheck.store.followup_records import Task, TaskDraft, TaskRow, check_text
from idcheck.store.schema import case_notes, cases, followup_changes, screenings, tasks, users
from idcheck.store.site import SiteProfile

__all__ = ["Tasks", "insert_plan_tasks", "task_from_row"]

#: The largest time accepted (year 9999): beyond it a date is a typing error.
LATEST = 253402300799.0

_ASSIGNEE = users.alias("assignee")
_DONE_BY = users.alias("done_by_user")
_CREATED_BY = users.alias("created_by_user")
#: A task with the names of the users it refers to.
TASK_SELECT: Select[Any] = (
    select(
        tasks,
        _ASSIGNEE.c.username.label("assignee_name"),
        _DONE_BY.c.username.label("done_by_name"),
        _CREATED_BY.c.username.label("created_by_name"),
    )
    .select_from(tasks)
    .outerjoin(_ASSIGNEE, _ASSIGNEE.c.id == tasks.c.assignee_id)
    .outerjoin(_DONE_BY, _DONE_BY.c.id == tasks.c.done_by)
    .outerjoin(_CREATED_BY, _CREATED_BY.c.id == tasks.c.created_by)
)
#: Open before done, then due first (no due time last), then as made.
TASK_ORDER = (
    case((tasks.c.status == "open", 0), else_=1),
    tasks.c.due_at.is_(None),
    tasks.c.due_at,
    tasks.c.id,
)


def check_time(label: str, when: float | None) -> float | None:
    """``when`` as a float, or InvalidInput for a time that is not one."""
    if when is None:
        return None
    try:
        value = float(when)
    except (TypeError, ValueError):
        raise InvalidInput(f"{label} is not a time") from None
    if not (0.0 <= value <= LATEST) or value != value:
        raise InvalidInput(f"{label} is not a date idcheck can keep (years 1970 to 9999)")
    return value


class Tasks(StoreCore):
    """First contact, a case's tasks, the task list and *My work*."""

    def set_first_contact(
        self, case_id: int, when: float, reason: str, *, now: float | None = None
    ) -> None:
        """When the child first came to notice; the clocks count from it. A reason
        is required. The open tasks a completed screening's plan made are due
        again from the new time (done ones, tasks added by hand, and those whose
        due time a worker changed keep theirs)."""
        at = check_time("the time of first contact", when)
        why = check_text("the reason for changing the time of first contact", reason, required=True)
        now = time.time() if now is None else now
        if at is not None and at > now + 3600:
            raise InvalidInput("the time of first contact is in the future")
        with self._write() as conn:
            case_row(conn, case_id)
            conn.execute(
                update(cases)
                .where(cases.c.id == case_id)
                .values(first_contact_at=at, updated_at=now)
            )
            assert at is not None
            _retime_plan_tasks(conn, self, case_id, at)
            # The change and its reason are kept with the case (out of the trail).
            note_id = conn.execute(
                insert(case_notes).values(
                    case_id=case_id,
                    kind="first-contact",
                    text=why,
                    value=at,
                    by=self.user.id,
                    at=now,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            self._audit_record(conn, "first-contact-changed", case_id=case_id, object_id=note_id)

    # ------------------------------------------------------------------ reading

    def tasks(self, case_id: int) -> list[Task]:
        """A case's tasks: open before done, due first."""
        with self._read() as conn:
            case_row(conn, case_id)
            rows = conn.execute(
                TASK_SELECT.where(tasks.c.case_id == case_id).order_by(*TASK_ORDER)
            ).all()
        return [task_from_row(r) for r in rows]

    def task(self, task_id: int) -> Task:
        """One task, or InvalidInput."""
        with self._read() as conn:
            return task_from_row(_task_row(conn, task_id))

    def task_list(
        self,
        *,
        overdue: bool = False,
        mine: bool = False,
        due_within: float | None = None,
        now: float | None = None,
        limit: int = 500,
    ) -> list[TaskRow]:
        """Open tasks of open cases, soonest first (no due time last): only those
        past due with ``overdue``, only the signed-in user's with ``mine``, only
        those due before ``now + due_within`` with ``due_within``."""
        now = time.time() if now is None else now
        where: list[ColumnElement[bool]] = [tasks.c.status == "open"]
        if overdue:
            where.append(tasks.c.due_at < now)
        if due_within is not None:
            where.append(tasks.c.due_at < now + due_within)
        if mine:
            where.append(tasks.c.assignee_id == self.user.id)
        return self._task_rows(where, limit)

    def my_work(self, now: float | None = None) -> list[TaskRow]:
        """The signed-in user's open tasks that are overdue or due before the end
        of today (local time), with the unassigned ones of the cases they created;
        and everyone's until taken: those of a disabled account (given to it, or
        unassigned on a case it created), which would otherwise reach no one."""
        now = time.time() if now is None else now
        today = dt.datetime.fromtimestamp(now).date()
        end = dt.datetime.combine(today + dt.timedelta(days=1), dt.time()).timestamp()
        gone = select(users.c.id).where(users.c.disabled.is_(True))
        unassigned = tasks.c.assignee_id.is_(None)
        where: list[ColumnElement[bool]] = [
            tasks.c.status == "open",
            tasks.c.due_at < end,
            or_(
                tasks.c.assignee_id == self.user.id,
                and_(unassigned, cases.c.created_by == self.user.id),
                tasks.c.assignee_id.in_(gone),
                and_(unassigned, cases.c.created_by.in_(gone)),
            ),
        ]
        return self._task_rows(where, 500)

    def _task_rows(self, where: list[ColumnElement[bool]], limit: int) -> list[TaskRow]:
        q = (
            TASK_SELECT.add_columns(cases.c.reference, cases.c.given_name, cases.c.family_name)
            .join(cases, cases.c.id == tasks.c.case_id)
            .where(cases.c.status == "open", *where)
            .order_by(tasks.c.due_at.is_(None), tasks.c.due_at, tasks.c.id)
            .limit(max(0, int(limit)))
        )
        with self._read() as conn:
            rows = conn.execute(q).all()
        return [
            TaskRow(
                task_from_row(r),
                r.reference,
                " ".join(x for x in (r.given_name, r.family_name) if x),
            )
            for r in rows
        ]

    # ------------------------------------------------------------------ writing

    def add_task(self, case_id: int, draft: TaskDraft, *, now: float | None = None) -> int:
        """A task added by hand; audited."""
        now = time.time() if now is None else now
        values = _draft_values(draft)
        with self._write() as conn:
            case_row(conn, case_id)
            assignee = _user_id(conn, draft.assignee)
            tid = conn.execute(
                insert(tasks).values(
                    case_id=case_id,
                    screening_id=None,
                    assignee_id=assignee,
                    status="open",
                    reason="",
                    created_by=self.user.id,
                    created_at=now,
                    source="manual",
                    **values,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            self._audit_record(conn, "task-added", case_id=case_id, object_id=tid)
        return int(tid)

    def finish_task(
        self,
        task_id: int,
        status: Literal["done", "not_needed"],
        *,
        note: str = "",
        now: float | None = None,
        case_id: int | None = None,
    ) -> None:
        """Mark an open task done (``note``, if any, is added to its note) or not
        needed (``note`` is then the reason, and required). With ``case_id``, a
        task of another case is refused."""
        if status not in ("done", "not_needed"):
            raise InvalidInput(f"a task is finished as done or not_needed, not {status!r}")
        text = check_text(
            "the reason it is not needed" if status == "not_needed" else "the note",
            note,
            required=status == "not_needed",
        )
        now = time.time() if now is None else now
        with self._write() as conn:
            r = _task_row(conn, task_id, case_id)
            if r.status != "open":
                raise InvalidInput(f"task {task_id} is {_said(r.status)} already; reopen it first")
            values: dict[str, Any] = {"status": status, "done_by": self.user.id, "done_at": now}
            if status == "not_needed":
                values["reason"] = text
            elif text:
                values["note"] = f"{r.note}\n{text}" if r.note else text
            conn.execute(update(tasks).where(tasks.c.id == task_id).values(**values))
            self._audit_record(
                conn,
                "task-done" if status == "done" else "task-not-needed",
                case_id=r.case_id,
                object_id=task_id,
            )

    def reopen_task(self, task_id: int, reason: str, *, case_id: int | None = None) -> None:
        """Open a finished task again; a reason is required (kept as its reason)."""
        why = check_text("the reason for reopening", reason, required=True)
        with self._write() as conn:
            r = _task_row(conn, task_id, case_id)
            if r.status == "open":
                raise InvalidInput(f"task {task_id} is open already")
            conn.execute(
                update(tasks)
                .where(tasks.c.id == task_id)
                .values(status="open", reason=why, done_by=None, done_at=None)
            )
            self._audit_record(conn, "task-reopened", case_id=r.case_id, object_id=task_id)

    def assign_task(
        self, task_id: int, username: str | None, *, case_id: int | None = None
    ) -> None:
        """Give a task to a worker (by user name), or to nobody (None)."""
        with self._write() as conn:
            r = _task_row(conn, task_id, case_id)
            conn.execute(
                update(tasks)
                .where(tasks.c.id == task_id)
                .values(assignee_id=_user_id(conn, username))
            )
            self._audit_record(conn, "task-assigned", case_id=r.case_id, object_id=task_id)


# ---------------------------------------------------------------------- helpers


def task_from_row(r: Any) -> Task:
    return Task(
        id=r.id,
        case_id=r.case_id,
        screening_id=r.screening_id,
        what=r.what,
        role=r.role,
        contact=r.contact,
        assignee=r.assignee_name,
        due_at=r.due_at,
        note=r.note,
        clock=r.clock,
        status=r.status,
        reason=r.reason,
        done_by=r.done_by_name,
        done_at=r.done_at,
        created_by=r.created_by_name or "",
        created_at=r.created_at,
        source=r.source,
    )


def _said(status: str) -> str:
    return "not needed" if status == "not_needed" else status


def _task_row(conn: Connection, task_id: int, case_id: int | None = None) -> Any:
    r = conn.execute(TASK_SELECT.where(tasks.c.id == task_id)).first()
    if r is None:
        raise InvalidInput(f"no task with id {task_id}")
    if case_id is not None and r.case_id != case_id:
        raise InvalidInput(f"task {task_id} is not a task of this case; nothing was changed")
    return r


def _user_id(conn: Connection, username: str | None) -> int | None:
    if username is None or not username.strip():
        return None
    uid = conn.execute(
        select(users.c.id).where(users.c.username == username.strip(), users.c.disabled.is_(False))
    ).scalar()
    if uid is None:
        raise InvalidInput(f"no active user named {username.strip()!r}")
    return int(uid)


def _draft_values(d: TaskDraft) -> dict[str, Any]:
    return {
        "what": check_text("what the task is", d.what, one_line=True, required=True),
        "role": check_text("the role", d.role, one_line=True) or None,
        "contact": check_text("the contact", d.contact, one_line=True) or None,
        "due_at": check_time("the due time", d.due_at),
        "note": check_text("the task's note", d.note),
        "clock": check_text("the clock", d.clock, one_line=True) or None,
    }


def insert_plan_tasks(
    conn: Connection,
    *,
    case_id: int,
    screening_id: int,
    checklist: Checklist,
    outcome_id: str,
    documents: dict[str, str],
    user_id: int,
    now: float,
) -> list[int]:
    """The tasks a completed screening's plan makes, inside its completion's
    transaction: one per action of the decided outcome at the site (the routes,
    contacts and site profile pinned with it), due from the case's first contact.
    An action the case has a plan task for already (an amendment completed
    again) makes none. Actions done by the screening worker go to the user who
    completes it. Returns the new task ids."""
    start = float(case_row(conn, case_id).first_contact_at)
    site = SiteProfile.from_dict(json.loads(documents["site"]))
    contacts: list[dict[str, Any]] = json.loads(documents["contacts"])
    routes = _routes(documents["routes"])
    try:
        outcome = checklist.outcome(outcome_id)
    except KeyError:
        return []
    have = set(
        conn.execute(
            select(tasks.c.clock).where(tasks.c.case_id == case_id, tasks.c.source == "plan")
        ).scalars()
    )
    lang = site.print_language or "en"
    made: list[int] = []
    for act in plan_actions(outcome, outcome_id, site_routes(site, routes)):
        if act.id in have:
            continue
        tid = conn.execute(
            insert(tasks).values(
                case_id=case_id,
                screening_id=screening_id,
                what=text_for(act.text, lang)[:2000],
                role=act.by,
                contact=_contact(act.notify, contacts, routes, lang),
                assignee_id=user_id if act.by == "screening-worker" else None,
                due_at=due_at(start, act.deadline),
                note="",
                clock=act.id,
                status="open",
                reason="",
                created_by=user_id,
                created_at=now,
                source="plan",
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        made.append(int(tid))
    return made


def _retime_plan_tasks(conn: Connection, store: StoreCore, case_id: int, start: float) -> None:
    """The open plan tasks of a case due again from ``start`` (but those whose due
    time a worker changed, with a reason, which keep it): each by its action's
    deadline, read from the documents pinned with the screening that made it (a
    task whose due time moves gets its own audit row, with its hash)."""
    moved_by_hand = select(followup_changes.c.task_id).where(
        followup_changes.c.case_id == case_id, followup_changes.c.field == "due_at"
    )
    rows = conn.execute(
        select(tasks.c.id, tasks.c.clock, tasks.c.screening_id, tasks.c.due_at).where(
            tasks.c.case_id == case_id,
            tasks.c.source == "plan",
            tasks.c.status == "open",
            tasks.c.screening_id.is_not(None),
            tasks.c.id.not_in(moved_by_hand),
        )
    ).all()
    deadlines: dict[int, dict[str, Any]] = {}
    for tid, clock, sid, was in rows:
        if sid not in deadlines:
            deadlines[sid] = _deadlines(conn, store, sid)
        within = deadlines[sid].get(clock)
        if within is None:
            continue
        due = due_at(start, within)
        if due != was:
            conn.execute(update(tasks).where(tasks.c.id == tid).values(due_at=due))
            store._audit_record(conn, "task-retimed", case_id=case_id, object_id=tid)


def _deadlines(conn: Connection, store: StoreCore, screening_id: int) -> dict[str, Any]:
    """Action id -> its deadline, for the plan of a completed screening (from the
    documents pinned with it)."""
    s = conn.execute(
        select(screenings.c.checklist_sha256, screenings.c.decision_outcome).where(
            screenings.c.id == screening_id
        )
    ).first()
    docs = pinned_mod.pinned(conn, screening_id)
    if s is None or s.decision_outcome is None or docs is None:
        return {}
    checklist = store._checklist(conn, s.checklist_sha256)
    try:
        outcome = checklist.outcome(s.decision_outcome)
    except KeyError:
        return {}
    routes: list[Routes] = []
    for r in docs.routes:
        try:
            routes.append(load_routes_bytes(r.text, f"<{r.id}@{r.version} as pinned>"))
        except ChecklistError:
            continue
    site = SiteProfile.from_dict(docs.site)
    actions = plan_actions(outcome, s.decision_outcome, site_routes(site, routes))
    return {a.id: a.deadline for a in actions}


def _routes(routes_json: str) -> list[Routes]:
    routes: list[Routes] = []
    for r in json.loads(routes_json):
        try:
            routes.append(load_routes_bytes(r["text"].encode("utf-8"), f"<{r['id']}>"))
        except ChecklistError:
            continue
    return routes


def _contact(
    role_id: str | None, contacts: list[dict[str, Any]], routes: list[Routes], lang: str
) -> str | None:
    """Whom the action notifies: the site's contacts of that role (name, phone),
    else the role's national number, as one line."""
    if role_id is None:
        return None
    found = [
        " ".join(str(x) for x in (c.get("name"), c.get("phone")) if x)
        for c in contacts
        if c.get("role") == role_id
    ]
    if not found:
        for r in routes:
            try:
                role = r.role(role_id)
            except KeyError:
                continue
            found.append(
                f"{text_for(role.label, lang)}: {role.national_number}"
                if role.national_number
                else text_for(role.label, lang)
            )
            break
    return "; ".join(found)[:500] or role_id
