"""Follow-up records changed after saving, and the tasks follow-up dates make.

A task's text, note and due time, and a referral's follow-up date, can be
changed once saved. Each change is kept in ``followup_changes`` with the value
before and after, who, when and why (a due time or a follow-up date changes
only with a reason); the record's audit row hashes it with the record, so the
old and new values are as tamper-evident as the record (migration 0013).

A referral's follow-up date and a plan version's review dates (the plan's next
review, and each need's own) each make an open task due then (clock
``referral-follow-up`` or ``plan-review``), tied to its referral or plan
version in ``task_links``: moving the follow-up date moves the
task, removing it or closing the referral closes the task (not needed, with
the reason), and a newer plan version closes the review task of the one it
supersedes. The task's words are in the site's print language, as a plan
task's are.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any, Final

from sqlalchemy import Connection, insert, select, update

from idcheck.store.core import StoreCore
from idcheck.store.errors import InvalidInput
from idcheck.store.followup_records import check_text
from idcheck.store.schema import followup_changes, referral_records, task_links, tasks
from idcheck.store.site_settings import site_profile_in
from idcheck.store.tasks import check_time

__all__ = [
    "KEEP",
    "PLAN_REVIEW",
    "REFERRAL_FOLLOW_UP",
    "FollowupEdits",
    "close_linked",
    "close_linked_tasks",
    "closing_words",
    "follow_referral",
    "link_plan_review",
    "referral_closed",
]

REFERRAL_FOLLOW_UP: Final = "referral-follow-up"
PLAN_REVIEW: Final = "plan-review"


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


#: A due time or follow-up date left as it is (None means "none").
KEEP: Final = _Keep()

#: The words of the tasks follow-up dates make, in each print language.
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        REFERRAL_FOLLOW_UP: "Follow up the referral to {0}",
        PLAN_REVIEW: "Review the individual plan (version {0})",
        "need-review": "Review the plan's need '{0}' (version {1})",
        "closed": "the referral was closed",
        "removed": "the referral's follow-up date was removed: {0}",
        "superseded": "plan version {0} supersedes it",
    },
    "nb": {
        REFERRAL_FOLLOW_UP: "Følg opp henvisningen til {0}",
        PLAN_REVIEW: "Gjennomgå den individuelle planen (versjon {0})",
        "need-review": "Gjennomgå planens behov «{0}» (versjon {1})",
        "closed": "henvisningen ble avsluttet",
        "removed": "oppfølgingsdatoen for henvisningen ble fjernet: {0}",
        "superseded": "planens versjon {0} erstatter den",
    },
}


def _say(conn: Connection, key: str, *args: object) -> str:
    lang = site_profile_in(conn).print_language or "en"
    return _WORDS.get(lang, _WORDS["en"])[key].format(*args)


class FollowupEdits(StoreCore):
    """Changing tasks and referrals after saving."""

    def edit_task(
        self,
        task_id: int,
        *,
        what: str | None = None,
        note: str | None = None,
        due_at: float | _Keep | None = KEEP,
        reason: str = "",
        case_id: int | None = None,
        now: float | None = None,
    ) -> bool:
        """Change an open task's text, note or due time (``None``: no deadline);
        a change of due time needs ``reason``. Fields not given stay. Returns
        False when nothing differs (nothing is written). The due time of a task
        a follow-up date made moves with that date, not here."""
        new_what = (
            None
            if what is None
            else check_text("what the task is", what, one_line=True, required=True)
        )
        new_note = None if note is None else check_text("the task's note", note)
        new_due = due_at if isinstance(due_at, _Keep) else check_time("the due time", due_at)
        why = check_text("the reason", reason)
        now = time.time() if now is None else now
        with self._write() as conn:
            t = conn.execute(select(tasks).where(tasks.c.id == task_id)).first()
            if t is None:
                raise InvalidInput(f"no task with id {task_id}")
            if case_id is not None and t.case_id != case_id:
                raise InvalidInput(
                    f"task {task_id} is not a task of this case; nothing was changed"
                )
            if t.status != "open":
                raise InvalidInput(f"task {task_id} is finished; reopen it to change it")
            changes: list[dict[str, Any]] = []
            if new_what is not None and new_what != t.what:
                changes.append({"field": "what", "old_text": t.what, "new_text": new_what})
            if new_note is not None and new_note != t.note:
                changes.append({"field": "note", "old_text": t.note, "new_text": new_note})
            if not isinstance(new_due, _Keep) and new_due != t.due_at:
                link = conn.execute(
                    select(task_links.c.referral_id).where(task_links.c.task_id == task_id)
                ).first()
                if link is not None:
                    # Where that date is changed, which the command line (no plan
                    # command) and the window (a tab) each reach.
                    how = (
                        f"the referral's follow-up date; change that date instead "
                        f"(idcheck referral edit {link[0]}, or the case's Referrals tab)"
                        if link[0]
                        else "the plan's review date; change that date instead (save the "
                        "plan with a new review date on the case's Individual plan tab)"
                    )
                    raise InvalidInput(f"task {task_id} is due on {how}")
                if not why:
                    raise InvalidInput("a change of due time needs its reason; nothing was saved")
                changes.append({"field": "due_at", "old_at": t.due_at, "new_at": new_due})
            if not changes:
                return False
            values = {c["field"]: c.get("new_text", c.get("new_at")) for c in changes}
            conn.execute(update(tasks).where(tasks.c.id == task_id).values(**values))
            conn.execute(
                insert(followup_changes),
                [
                    {
                        "old_text": None,
                        "new_text": None,
                        "old_at": None,
                        "new_at": None,
                        **c,
                        "case_id": t.case_id,
                        "task_id": task_id,
                        "referral_id": None,
                        "reason": why,
                        "by": self.user.id,
                        "at": now,
                    }
                    for c in changes
                ],
            )
            self._audit_record(conn, "task-edited", case_id=t.case_id, object_id=task_id)
        return True

    def edit_referral(
        self,
        referral_id: int,
        *,
        follow_up_on: float | None,
        reason: str,
        case_id: int | None = None,
        now: float | None = None,
    ) -> bool:
        """Move a referral's follow-up date (``None``: no follow-up), with the
        reason (required); its follow-up task moves with it, is made, or is
        closed. False when the date is the same (nothing is written)."""
        new = check_time("the follow-up date", follow_up_on)
        why = check_text("the reason", reason)
        now = time.time() if now is None else now
        with self._write() as conn:
            r = conn.execute(
                select(referral_records).where(referral_records.c.id == referral_id)
            ).first()
            if r is None:
                raise InvalidInput(f"no referral with id {referral_id}")
            if case_id is not None and r.case_id != case_id:
                raise InvalidInput(
                    f"referral {referral_id} is not a referral of this case; nothing was changed"
                )
            if r.state == "closed":
                raise InvalidInput(f"referral {referral_id} is closed; its follow-up is over")
            if new == r.follow_up_on:
                return False
            if not why:
                raise InvalidInput(
                    "a change of the follow-up date needs its reason; nothing was saved"
                )
            conn.execute(
                update(referral_records)
                .where(referral_records.c.id == referral_id)
                .values(follow_up_on=new)
            )
            conn.execute(
                insert(followup_changes).values(
                    case_id=r.case_id,
                    task_id=None,
                    referral_id=referral_id,
                    field="follow_up_on",
                    old_at=r.follow_up_on,
                    new_at=new,
                    reason=why,
                    by=self.user.id,
                    at=now,
                )
            )
            follow_referral(conn, self, referral_id, new, now=now, why=_say(conn, "removed", why))
            self._audit_record(conn, "referral-edited", case_id=r.case_id, object_id=referral_id)
        return True


# ---------------------------------------------------------------------- the tasks dates make


def _linked_open(conn: Connection, where: Any) -> list[Any]:
    return list(
        conn.execute(
            select(tasks.c.id, tasks.c.case_id, tasks.c.due_at)
            .join(task_links, task_links.c.task_id == tasks.c.id)
            .where(where, tasks.c.status == "open")
            .order_by(tasks.c.id)
        )
    )


def _make_task(
    conn: Connection,
    store: StoreCore,
    *,
    case_id: int,
    what: str,
    clock: str,
    due: float,
    now: float,
    referral_id: int | None = None,
    plan_id: int | None = None,
) -> int:
    tid = conn.execute(
        insert(tasks).values(
            case_id=case_id,
            screening_id=None,
            what=what[:2000],
            role=None,
            contact=None,
            assignee_id=store.user.id,
            due_at=due,
            note="",
            clock=clock,
            status="open",
            reason="",
            created_by=store.user.id,
            created_at=now,
            source="manual",
        )
    ).inserted_primary_key[0]  # type: ignore[index]
    conn.execute(insert(task_links).values(task_id=tid, referral_id=referral_id, plan_id=plan_id))
    store._audit_record(conn, "task-added", case_id=case_id, object_id=tid)
    return int(tid)


def close_linked(conn: Connection, where: Any, reason: str, *, by: int, at: float) -> list[int]:
    """Close, as not needed with ``reason``, the open tasks whose link matches
    ``where`` (a condition on ``task_links``); their ids. No audit rows: the
    caller writes one for each."""
    closed = []
    for t in _linked_open(conn, where):
        conn.execute(
            update(tasks)
            .where(tasks.c.id == t.id)
            .values(status="not_needed", reason=reason, done_by=by, done_at=at)
        )
        closed.append(int(t.id))
    return closed


def close_linked_tasks(
    conn: Connection, store: StoreCore, where: Any, reason: str, *, now: float
) -> list[int]:
    """:func:`close_linked` by the signed-in user, each task audited."""
    closed = close_linked(conn, where, reason, by=store.user.id, at=now)
    for tid in closed:
        case_id = conn.execute(select(tasks.c.case_id).where(tasks.c.id == tid)).scalar_one()
        store._audit_record(conn, "task-not-needed", case_id=case_id, object_id=tid)
    return closed


def closing_words(conn: Connection, key: str, *args: object) -> str:
    """Why a task a date made is closed ("closed": the referral was closed;
    "superseded": a newer plan version), in the site's print language."""
    return _say(conn, key, *args)


def follow_referral(
    conn: Connection,
    store: StoreCore,
    referral_id: int,
    when: float | None,
    *,
    now: float,
    why: str = "",
) -> None:
    """The referral's follow-up task due ``when``: moved (audited as re-timed)
    if one is open, made if none is, closed with ``why`` when ``when`` is None."""
    r = conn.execute(
        select(referral_records.c.case_id, referral_records.c.recipient).where(
            referral_records.c.id == referral_id
        )
    ).one()
    open_ = _linked_open(conn, task_links.c.referral_id == referral_id)
    if when is None:
        close_linked_tasks(conn, store, task_links.c.referral_id == referral_id, why, now=now)
        return
    if not open_:
        _make_task(
            conn,
            store,
            case_id=r.case_id,
            what=_say(conn, REFERRAL_FOLLOW_UP, r.recipient),
            clock=REFERRAL_FOLLOW_UP,
            due=when,
            now=now,
            referral_id=referral_id,
        )
        return
    for t in open_:
        if t.due_at != when:
            conn.execute(update(tasks).where(tasks.c.id == t.id).values(due_at=when))
            store._audit_record(conn, "task-retimed", case_id=t.case_id, object_id=t.id)


def referral_closed(conn: Connection, store: StoreCore, referral_id: int, *, now: float) -> None:
    """A closed referral needs no follow-up: its open follow-up task is closed."""
    close_linked_tasks(
        conn, store, task_links.c.referral_id == referral_id, _say(conn, "closed"), now=now
    )


def link_plan_review(
    conn: Connection,
    store: StoreCore,
    *,
    case_id: int,
    plan_id: int,
    version: int,
    review_on: float | None,
    needs: Sequence[tuple[str, float | None]] = (),
    now: float,
) -> None:
    """A new plan version: the review tasks of the versions it supersedes are
    closed, and its own review dates make its review tasks: the plan's next
    review, and each need's own (``needs``: each need's text and review date)."""
    from idcheck.store.schema import plans

    earlier = select(plans.c.id).where(plans.c.case_id == case_id, plans.c.id != plan_id)
    close_linked_tasks(
        conn,
        store,
        task_links.c.plan_id.in_(earlier),
        _say(conn, "superseded", version),
        now=now,
    )
    if review_on is not None:
        _make_task(
            conn,
            store,
            case_id=case_id,
            what=_say(conn, PLAN_REVIEW, version),
            clock=PLAN_REVIEW,
            due=review_on,
            now=now,
            plan_id=plan_id,
        )
    for need, due in needs:
        if due is None:
            continue
        # The need's first line, short: a task's text is one line.
        first = (need.strip().splitlines() or [""])[0].strip()
        if len(first) > 80:
            first = first[:79].rstrip() + "…"
        _make_task(
            conn,
            store,
            case_id=case_id,
            what=_say(conn, "need-review", first, version),
            clock=PLAN_REVIEW,
            due=due,
            now=now,
            plan_id=plan_id,
        )
