"""A shared case's follow-up: tasks, referrals with their states, plan
versions, missing episodes and notes, read out with global ids and merged in.

The merge adds what is new and never removes anything:

- notes, referral states and plan versions are only added (a plan version
  received becomes the case's next version here, so both sides' plans stay);
- a referral's state is its newest state by time, here and there alike;
- a task done (or not needed) on either side is done here too, with who and
  why; a task is never reopened by a package;
- a missing episode takes what the other side learnt since (found, where,
  interviewed, reported) into the fields still empty here.

Each record added or changed gets its audit row (``task-imported``,
``referral-imported`` ...) with the hash of the record as merged, as a write
here does (:mod:`idcheck.store.followup_content`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from idcheck.store import followup_content as followup_mod
from idcheck.store.exchange_model import (
    Author,
    PackageFollowup,
    PackageMissing,
    PackageNote,
    PackagePlan,
    PackagePlanEntry,
    PackageReferral,
    PackageReferralState,
    PackageTask,
)
from idcheck.store.exchange_out import derived_uid
from idcheck.store.followup_edits import close_linked, closing_words
from idcheck.store.schema import (
    case_notes,
    missing_episodes,
    plan_entries,
    plans,
    referral_records,
    referral_states,
    task_links,
    tasks,
)

_MISSING_LATER = (
    "reported_at",
    "reported_by",
    "police_reference",
    "found_at",
    "found_where",
    "interview_at",
    "interview_by",
)


def _uid(store_uid: str, kind: str, r: Any) -> str:
    return str(r.uid) if r.uid else derived_uid(store_uid, kind, int(r.id))


def followup_out(
    conn: Connection,
    case_id: int,
    store_uid: str,
    author: Callable[[int], Author],
    screenings: dict[int, str],
) -> PackageFollowup:
    """A case's follow-up records, for a package."""

    def who(user_id: int | None) -> Author | None:
        return None if user_id is None else author(user_id)

    def rows(table: Any) -> list[Any]:
        return list(conn.execute(select(table).where(table.c.case_id == case_id).order_by("id")))

    task_list = tuple(
        PackageTask(
            uid=_uid(store_uid, "task", t),
            screening=screenings.get(t.screening_id) if t.screening_id else None,
            what=t.what,
            role=t.role,
            contact=t.contact,
            assignee=who(t.assignee_id),
            due_at=t.due_at,
            note=t.note,
            clock=t.clock,
            status=t.status,
            reason=t.reason,
            done_by=who(t.done_by),
            done_at=t.done_at,
            created_by=author(t.created_by),
            created_at=t.created_at,
            source=t.source,
        )
        for t in rows(tasks)
    )
    referrals = []
    for r in rows(referral_records):
        states = tuple(
            PackageReferralState(
                uid=_uid(store_uid, "referral-state", s),
                state=s.state,
                at=s.at,
                by=author(s.by),
                reason=s.reason,
            )
            for s in conn.execute(
                select(referral_states)
                .where(referral_states.c.referral_id == r.id)
                .order_by(referral_states.c.id)
            )
        )
        referrals.append(
            PackageReferral(
                uid=_uid(store_uid, "referral", r),
                recipient=r.recipient,
                method=r.method,
                sent_at=r.sent_at,
                follow_up_on=r.follow_up_on,
                note=r.note,
                created_by=author(r.created_by),
                created_at=r.created_at,
                states=states,
            )
        )
    plan_list = []
    for p in rows(plans):
        entries = tuple(
            PackagePlanEntry(
                position=e.position,
                need=e.need,
                goal=e.goal,
                measures=e.measures,
                responsible=e.responsible,
                review_on=e.review_on,
            )
            for e in conn.execute(
                select(plan_entries)
                .where(plan_entries.c.plan_id == p.id)
                .order_by(plan_entries.c.position)
            )
        )
        plan_list.append(
            PackagePlan(
                uid=_uid(store_uid, "plan", p),
                next_review_on=p.next_review_on,
                saved_by=author(p.saved_by),
                saved_at=p.saved_at,
                summary=p.summary,
                entries=entries,
            )
        )
    missing = tuple(
        PackageMissing(
            uid=_uid(store_uid, "missing", m),
            **{k: getattr(m, k) for k in PackageMissing.model_fields if k not in _AUTHORED},
            recorded_by=author(m.recorded_by),
        )
        for m in rows(missing_episodes)
    )
    notes = tuple(
        PackageNote(
            uid=_uid(store_uid, "note", n),
            kind=n.kind,
            value=n.value,
            text=n.text,
            by=author(n.by),
            at=n.at,
        )
        for n in rows(case_notes)
    )
    return PackageFollowup(
        tasks=task_list,
        referrals=tuple(referrals),
        plans=tuple(plan_list),
        missing=missing,
        notes=notes,
    )


_AUTHORED = ("uid", "recorded_by")


class FollowupMerge:
    """The follow-up of one case merged inside the caller's transaction;
    ``changes`` counts what was added or changed. ``audit(conn, action, content,
    **ids)`` appends the audit row of each record written."""

    def __init__(
        self,
        conn: Connection,
        case_id: int,
        store_uid: str,
        user: Callable[[Author], int],
        screenings: dict[str, int],
        audit: Callable[..., None],
    ) -> None:
        self.audit = audit
        self.conn = conn
        self.case_id = case_id
        self.store_uid = store_uid
        self.user = user
        self.screenings = screenings
        self.changes = 0

    def _written(self, kind: str, record_id: int) -> None:
        """The audit row of a record merged, with its hash as it now stands."""
        self.audit(
            self.conn,
            followup_mod.IMPORTED[kind],
            followup_mod.record_hash(self.conn, kind, record_id),
            case_id=self.case_id,
            object_id=record_id,
        )

    def _local(self, table: Any, kind: str, where: Any = None) -> dict[str, Any]:
        q = select(table)
        q = q.where(table.c.case_id == self.case_id) if where is None else q.where(where)
        return {_uid(self.store_uid, kind, r): r for r in self.conn.execute(q)}

    def run(self, f: PackageFollowup) -> int:
        local = self._local(tasks, "task")
        for t in f.tasks:
            self._task(t, local.get(t.uid))
        local = self._local(referral_records, "referral")
        for r in f.referrals:
            self._referral(r, local.get(r.uid))
        local = self._local(plans, "plan")
        for p in f.plans:
            if p.uid not in local:
                self._plan(p)
        local = self._local(missing_episodes, "missing")
        for m in f.missing:
            self._missing(m, local.get(m.uid))
        local = self._local(case_notes, "note")
        for n in f.notes:
            if n.uid not in local:
                nid = self.conn.execute(
                    insert(case_notes).values(
                        case_id=self.case_id,
                        kind=n.kind,
                        value=n.value,
                        text=n.text,
                        by=self.user(n.by),
                        at=n.at,
                        uid=n.uid,
                    )
                ).inserted_primary_key[0]  # type: ignore[index]
                self._written("note", int(nid))
                self.changes += 1
        return self.changes

    def _who(self, a: Author | None) -> int | None:
        return None if a is None else self.user(a)

    def _task(self, t: PackageTask, mine: Any) -> None:
        done = {
            "status": t.status,
            "reason": t.reason,
            "done_by": self._who(t.done_by),
            "done_at": t.done_at,
        }
        if mine is None:
            values = t.model_dump(exclude={"screening", "assignee", "created_by", "done_by"})
            tid = self.conn.execute(
                insert(tasks).values(
                    **{**values, **done},
                    case_id=self.case_id,
                    screening_id=self.screenings.get(t.screening or ""),
                    assignee_id=self._who(t.assignee),
                    created_by=self.user(t.created_by),
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            self._written("task", int(tid))
            self.changes += 1
        elif mine.status == "open" and t.status != "open":
            self.conn.execute(update(tasks).where(tasks.c.id == mine.id).values(**done))
            self._written("task", int(mine.id))
            self.changes += 1

    def _referral(self, r: PackageReferral, mine: Any) -> None:
        if mine is None:
            rid = self.conn.execute(
                insert(referral_records).values(
                    case_id=self.case_id,
                    recipient=r.recipient,
                    method=r.method,
                    sent_at=r.sent_at,
                    follow_up_on=r.follow_up_on,
                    note=r.note,
                    state=r.states[-1].state if r.states else "sent",
                    created_by=self.user(r.created_by),
                    created_at=r.created_at,
                    uid=r.uid,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            self.changes += 1
        else:
            rid = mine.id
        have = self._local(referral_states, "referral-state", referral_states.c.referral_id == rid)
        added = [s for s in r.states if s.uid not in have]
        for s in added:
            self._state(int(rid), s)
        if added:
            newest = self.conn.execute(
                select(referral_states.c.state)
                .where(referral_states.c.referral_id == rid)
                .order_by(referral_states.c.at.desc(), referral_states.c.id.desc())
                .limit(1)
            ).scalar_one()
            self.conn.execute(
                update(referral_records).where(referral_records.c.id == rid).values(state=newest)
            )
            self.changes += len(added)
            closing = next((s for s in reversed(added) if s.state == "closed"), None)
            if newest == "closed" and closing is not None:
                # Closed at the other side: its follow-up task here is not needed.
                self._closed(
                    task_links.c.referral_id == rid,
                    closing_words(self.conn, "closed"),
                    by=self.user(closing.by),
                    at=closing.at,
                )
        if mine is None or added:
            self._written("referral", int(rid))

    def _state(self, rid: int, s: PackageReferralState) -> None:
        self.conn.execute(
            insert(referral_states).values(
                referral_id=rid,
                state=s.state,
                at=s.at,
                by=self.user(s.by),
                reason=s.reason,
                uid=s.uid,
            )
        )

    def _plan(self, p: PackagePlan) -> None:
        version = (
            self.conn.execute(
                select(func.max(plans.c.version)).where(plans.c.case_id == self.case_id)
            ).scalar()
            or 0
        ) + 1
        pid = self.conn.execute(
            insert(plans).values(
                case_id=self.case_id,
                version=version,
                next_review_on=p.next_review_on,
                saved_by=self.user(p.saved_by),
                saved_at=p.saved_at,
                summary=p.summary,
                uid=p.uid,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        if p.entries:
            self.conn.execute(
                insert(plan_entries), [{**e.model_dump(), "plan_id": pid} for e in p.entries]
            )
        self._written("plan", int(pid))
        self.changes += 1
        # The version received supersedes this side's: their review tasks here close.
        earlier = select(plans.c.id).where(plans.c.case_id == self.case_id, plans.c.id != pid)
        self._closed(
            task_links.c.plan_id.in_(earlier),
            closing_words(self.conn, "superseded", version),
            by=self.user(p.saved_by),
            at=p.saved_at,
        )

    def _closed(self, where: Any, reason: str, *, by: int, at: float) -> None:
        """The open tasks a date made here (see ``followup_edits``) closed by what
        the package brought, each with its audit row."""
        for tid in close_linked(self.conn, where, reason, by=by, at=at):
            self._written("task", tid)
            self.changes += 1

    def _missing(self, m: PackageMissing, mine: Any) -> None:
        if mine is None:
            eid = self.conn.execute(
                insert(missing_episodes).values(
                    **m.model_dump(exclude={"recorded_by"}),
                    case_id=self.case_id,
                    recorded_by=self.user(m.recorded_by),
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            self._written("missing", int(eid))
            self.changes += 1
            return
        later = {
            k: getattr(m, k)
            for k in _MISSING_LATER
            if getattr(m, k) not in (None, "") and getattr(mine, k) in (None, "")
        }
        if later:
            self.conn.execute(
                update(missing_episodes).where(missing_episodes.c.id == mine.id).values(**later)
            )
            self._written("missing", int(mine.id))
            self.changes += 1
