"""The individual plan of a child: needs, goals, measures, who is responsible and
review dates. Each save is a new version and every version is kept; one
transaction with its audit row (ids and the
record's content hash). A version's review date makes a task due then; the next
version closes it (see :mod:`idcheck.store.followup_edits`)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, func, insert, select

from idcheck.store.cases import case_row
from idcheck.store.core import StoreCore
from idcheck.store.errors import InvalidInput
from idcheck.store.followup_edits import link_plan_review
from idcheck.store.followup_records import Plan, PlanEntry, check_text
from idcheck.store.schema import plan_entries, plans, users
from idcheck.store.tasks import check_time

__all__ = ["Plans"]

#: The most entries a plan keeps (each a need with its goal and measures).
MAX_ENTRIES = 200


class Plans(StoreCore):
    """A case's individual plan and its versions."""

    def plan(self, case_id: int) -> Plan | None:
        """The newest version of the case's plan, or None."""
        versions = self._plans(case_id, newest_only=True)
        return versions[0] if versions else None

    def plan_versions(self, case_id: int) -> list[Plan]:
        """Every saved version, oldest first."""
        return self._plans(case_id, newest_only=False)

    def save_plan(
        self,
        case_id: int,
        entries: Sequence[PlanEntry],
        *,
        next_review_on: float | None,
        summary: str = "",
        now: float | None = None,
    ) -> int:
        """Save the plan as its next version; returns the version's id."""
        now = time.time() if now is None else now
        if len(entries) > MAX_ENTRIES:
            raise InvalidInput(f"a plan keeps at most {MAX_ENTRIES} needs; it has {len(entries)}")
        checked = [_checked(i, e) for i, e in enumerate(entries, start=1)]
        review = check_time("the next review date", next_review_on)
        text = check_text("the plan's summary", summary)
        with self._write() as conn:
            case_row(conn, case_id)
            version = (
                conn.execute(
                    select(func.max(plans.c.version)).where(plans.c.case_id == case_id)
                ).scalar()
                or 0
            ) + 1
            pid = conn.execute(
                insert(plans).values(
                    case_id=case_id,
                    version=version,
                    next_review_on=review,
                    saved_by=self.user.id,
                    saved_at=now,
                    summary=text,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            if checked:
                conn.execute(
                    insert(plan_entries),
                    [{"plan_id": pid, "position": i, **e} for i, e in enumerate(checked)],
                )
            self._audit_record(conn, "plan-saved", case_id=case_id, object_id=pid)
            link_plan_review(
                conn,
                self,
                case_id=case_id,
                plan_id=int(pid),
                version=version,
                review_on=review,
                needs=[(e["need"], e["review_on"]) for e in checked],
                now=now,
            )
        return int(pid)

    def _plans(self, case_id: int, *, newest_only: bool) -> list[Plan]:
        with self._read() as conn:
            case_row(conn, case_id)
            q = (
                select(plans, users.c.username)
                .join(users, users.c.id == plans.c.saved_by)
                .where(plans.c.case_id == case_id)
            )
            if newest_only:
                q = q.order_by(plans.c.version.desc()).limit(1)
            else:
                q = q.order_by(plans.c.version)
            rows = conn.execute(q).all()
            return [_plan(conn, r) for r in rows]


def _plan(conn: Connection, r: Any) -> Plan:
    entries = tuple(
        PlanEntry(e.need, e.goal, e.measures, e.responsible, e.review_on)
        for e in conn.execute(
            select(plan_entries)
            .where(plan_entries.c.plan_id == r.id)
            .order_by(plan_entries.c.position)
        )
    )
    return Plan(
        id=r.id,
        case_id=r.case_id,
        version=r.version,
        entries=entries,
        next_review_on=r.next_review_on,
        saved_by=r.username,
        saved_at=r.saved_at,
        summary=r.summary,
    )


def _checked(n: int, e: PlanEntry) -> dict[str, Any]:
    values = {
        "need": check_text(f"need {n}", e.need, required=True),
        "goal": check_text(f"the goal of need {n}", e.goal),
        "measures": check_text(f"the measures of need {n}", e.measures),
        "responsible": check_text(f"who is responsible for need {n}", e.responsible, one_line=True),
        "review_on": check_time(f"the review date of need {n}", e.review_on),
    }
    return values
