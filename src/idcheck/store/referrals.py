"""Referrals as records: to whom, how, sent when, with a follow-up date, and
their state history (sent, received, accepted, declined with its reason,
closed). Each write is one transaction with its audit row (ids and the
record's content hash). A follow-up date makes a task due then; closing the
referral closes it (see :mod:`idcheck.store.followup_edits`)."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Connection, insert, select, update

from idcheck.store.cases import case_row
from idcheck.store.core import StoreCore
from idcheck.store.errors import InvalidInput
from idcheck.store.followup_edits import follow_referral, referral_closed
from idcheck.store.followup_records import (
    REFERRAL_METHODS,
    REFERRAL_STATES,
    Referral,
    ReferralDraft,
    ReferralState,
    ReferralStateChange,
    check_text,
)
from idcheck.store.schema import referral_records, referral_states, users
from idcheck.store.tasks import check_time

__all__ = ["Referrals"]

#: The states a referral can move to from each state ("sent" only at the start).
NEXT: dict[str, tuple[str, ...]] = {
    "sent": ("received", "accepted", "declined", "closed"),
    "received": ("accepted", "declined", "closed"),
    "accepted": ("closed",),
    "declined": ("sent", "closed"),  # sent again, e.g. after a call
    "closed": (),
}


class Referrals(StoreCore):
    """A case's referrals and their states."""

    def referrals(self, case_id: int) -> list[Referral]:
        """A case's referrals in the order they were sent, each with its history."""
        with self._read() as conn:
            case_row(conn, case_id)
            return _referrals(conn, referral_records.c.case_id == case_id)

    def referral(self, referral_id: int) -> Referral:
        with self._read() as conn:
            found = _referrals(conn, referral_records.c.id == referral_id)
        if not found:
            raise InvalidInput(f"no referral with id {referral_id}")
        return found[0]

    def add_referral(self, case_id: int, draft: ReferralDraft, *, now: float | None = None) -> int:
        """A referral sent (its first state: "sent" at ``sent_at``); audited."""
        now = time.time() if now is None else now
        recipient = check_text("the recipient", draft.recipient, one_line=True, required=True)
        if draft.method not in REFERRAL_METHODS:
            raise InvalidInput(
                f"unknown way of sending {draft.method!r}; one of: {', '.join(REFERRAL_METHODS)}"
            )
        sent = check_time("the time it was sent", draft.sent_at)
        if sent is None:
            raise InvalidInput("the time it was sent is required")
        if sent > now + 3600:
            raise InvalidInput("the time it was sent is in the future")
        follow = check_time("the follow-up date", draft.follow_up_on)
        note = check_text("the referral's note", draft.note)
        with self._write() as conn:
            case_row(conn, case_id)
            rid = conn.execute(
                insert(referral_records).values(
                    case_id=case_id,
                    recipient=recipient,
                    method=draft.method,
                    sent_at=sent,
                    follow_up_on=follow,
                    note=note,
                    state="sent",
                    created_by=self.user.id,
                    created_at=now,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            conn.execute(
                insert(referral_states).values(
                    referral_id=rid, state="sent", at=sent, by=self.user.id, reason=""
                )
            )
            self._audit_record(conn, "referral-added", case_id=case_id, object_id=rid)
            if follow is not None:
                follow_referral(conn, self, int(rid), follow, now=now)
        return int(rid)

    def set_referral_state(
        self,
        referral_id: int,
        state: ReferralState,
        *,
        reason: str = "",
        at: float | None = None,
    ) -> None:
        """Move a referral on (received, accepted, declined with a reason, closed,
        or sent again after a decline); audited."""
        if state not in REFERRAL_STATES:
            raise InvalidInput(
                f"unknown referral state {state!r}; one of: {', '.join(REFERRAL_STATES)}"
            )
        why = check_text(
            "the reason it was declined" if state == "declined" else "the reason",
            reason,
            required=state == "declined",
        )
        when = check_time("the time of the change", at)
        with self._write() as conn:
            r = conn.execute(
                select(referral_records).where(referral_records.c.id == referral_id)
            ).first()
            if r is None:
                raise InvalidInput(f"no referral with id {referral_id}")
            if state not in NEXT[r.state]:
                allowed = ", ".join(NEXT[r.state]) or "nothing (it is closed)"
                raise InvalidInput(f"a referral that is {r.state} can become: {allowed}")
            when = time.time() if when is None else when
            if when < r.sent_at:
                raise InvalidInput("the change is dated before the referral was sent")
            conn.execute(
                insert(referral_states).values(
                    referral_id=referral_id, state=state, at=when, by=self.user.id, reason=why
                )
            )
            conn.execute(
                update(referral_records)
                .where(referral_records.c.id == referral_id)
                .values(state=state)
            )
            self._audit_record(conn, "referral-state", case_id=r.case_id, object_id=referral_id)
            if state == "closed":
                referral_closed(conn, self, referral_id, now=when)


def _referrals(conn: Connection, where: Any) -> list[Referral]:
    creator = users.alias("creator")
    rows = conn.execute(
        select(referral_records, creator.c.username.label("creator"))
        .join(creator, creator.c.id == referral_records.c.created_by)
        .where(where)
        .order_by(referral_records.c.sent_at, referral_records.c.id)
    ).all()
    if not rows:
        return []
    ids = [r.id for r in rows]
    history: dict[int, list[ReferralStateChange]] = {i: [] for i in ids}
    for s in conn.execute(
        select(referral_states, users.c.username)
        .join(users, users.c.id == referral_states.c.by)
        .where(referral_states.c.referral_id.in_(ids))
        .order_by(referral_states.c.id)
    ):
        history[s.referral_id].append(ReferralStateChange(s.state, s.at, s.username, s.reason))
    return [
        Referral(
            id=r.id,
            case_id=r.case_id,
            recipient=r.recipient,
            method=r.method,
            sent_at=r.sent_at,
            follow_up_on=r.follow_up_on,
            note=r.note,
            state=r.state,
            history=tuple(history[r.id]),
            created_by=r.creator,
            created_at=r.created_at,
        )
        for r in rows
    ]
