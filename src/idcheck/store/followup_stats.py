"""The rows follow-up statistics count: per case, first contact, when the safe
placement was done, the first referral to each recipient, the referrals'
present states, and missing episodes (how many, how many ended by the child
being found). No names, references or free text besides the recipients
(agencies); the statistics anonymise and suppress small counts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from sqlalchemy import func, select

from idcheck.store.core import StoreCore
from idcheck.store.followup_records import FollowupStatRow
from idcheck.store.schema import cases, missing_episodes, referral_records, tasks

__all__ = ["FollowupStats"]

#: The clock of the task that records a child's safe placement.
SAFE_PLACEMENT = "safe-placement"


class FollowupStats(StoreCore):
    """Anonymous follow-up rows for the statistics."""

    def iter_followup_stats(self, since: float, until: float) -> Iterator[FollowupStatRow]:
        """One row per case whose first contact is in [since, until), in the order
        of first contact. Administrators only."""
        self._require_admin("see the statistics")
        in_range = select(cases.c.id).where(
            cases.c.first_contact_at >= since, cases.c.first_contact_at < until
        )
        with self._read() as conn:
            rows = conn.execute(
                select(cases.c.id, cases.c.created_at, cases.c.first_contact_at)
                .where(cases.c.id.in_(in_range))
                .order_by(cases.c.first_contact_at, cases.c.id)
            ).all()
            placed = dict(
                conn.execute(
                    select(tasks.c.case_id, func.min(tasks.c.done_at))
                    .where(
                        tasks.c.case_id.in_(in_range),
                        tasks.c.clock == SAFE_PLACEMENT,
                        tasks.c.status == "done",
                    )
                    .group_by(tasks.c.case_id)
                ).all()
            )
            firsts: dict[int, list[tuple[str, float]]] = defaultdict(list)
            for cid, recipient, sent in conn.execute(
                select(
                    referral_records.c.case_id,
                    referral_records.c.recipient,
                    func.min(referral_records.c.sent_at),
                )
                .where(referral_records.c.case_id.in_(in_range))
                .group_by(referral_records.c.case_id, referral_records.c.recipient)
                .order_by(func.min(referral_records.c.sent_at))
            ):
                firsts[cid].append((recipient, float(sent)))
            states: dict[int, list[str]] = defaultdict(list)
            for cid, state in conn.execute(
                select(referral_records.c.case_id, referral_records.c.state)
                .where(referral_records.c.case_id.in_(in_range))
                .order_by(referral_records.c.sent_at, referral_records.c.id)
            ):
                states[cid].append(state)
            missing = {
                cid: (int(n), int(found or 0))
                for cid, n, found in conn.execute(
                    select(
                        missing_episodes.c.case_id,
                        func.count(),
                        func.count(missing_episodes.c.found_at),
                    )
                    .where(missing_episodes.c.case_id.in_(in_range))
                    .group_by(missing_episodes.c.case_id)
                )
            }
        for cid, created, first in rows:
            n, found = missing.get(cid, (0, 0))
            yield FollowupStatRow(
                created_at=float(created),
                first_contact_at=float(first),
                safe_placement_done_at=placed.get(cid),
                first_referrals=tuple(firsts.get(cid, ())),
                referral_states=tuple(states.get(cid, ())),  # type: ignore[arg-type]
                missing_episodes=n,
                missing_found=found,
            )
