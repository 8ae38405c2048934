"""Anonymised statistics of the follow-up: how soon children were placed safely
and referred, what became of the referrals, and children who went missing.

Counted per case whose first contact falls in the period (month or year), from
the store's anonymous rows (:meth:`idcheck.store.Store.iter_followup_stats`):

- ``placement``: the time from first contact to the safe placement (the first
  task of the safe-placement clock marked done), in bands, or not recorded;
- ``referral-time``: the time from first contact to the first referral sent to
  each recipient, in bands (one count per recipient referred to);
- ``referral-state``: every referral by its present state;
- ``missing``: children who went missing at least once, of them those found
  after every episode, the episodes and the episodes ended by the child being
  found.

The recipients' names are never counted or shown: only times and states leave
the store. Small counts are suppressed exactly as the screening statistics are
(:mod:`idcheck.report.suppression`: 1 to 4 as ``<5``, then whatever would give
one away as ``x``), over every line that adds up: each category across the
periods, and each table that divides its unit (placement: the cases;
referral-time: the recipients referred to; referral-state: the referrals) within
a period. The medians (hours) are shown only over five or more. Qt-free.
"""

from __future__ import annotations

import bisect
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from idcheck.report.suppression import ALL, SMALL, SUPPRESSED, Key, Line, suppress_lines
from idcheck.store import FollowupStatRow, Store

HOUR = 3600.0
DAY = 24 * HOUR

#: The tables, in print order, each category with its words.
FOLLOWUP_LABELS: dict[str, dict[str, str]] = {
    "placement": {
        "within-24h": "placed safely within 24 hours of first contact",
        "1-3-days": "placed safely after 1 to 3 days",
        "over-3-days": "placed safely after more than 3 days",
        "not-recorded": "no safe placement recorded",
    },
    "referral-time": {
        "within-24h": "referred within 24 hours of first contact",
        "1-3-days": "referred after 1 to 3 days",
        "4-7-days": "referred after 4 to 7 days",
        "over-7-days": "referred after more than 7 days",
    },
    "referral-state": {
        "sent": "sent",
        "received": "received",
        "accepted": "accepted",
        "declined": "declined",
        "closed": "closed",
    },
    "missing": {
        "children-missing": "children who went missing",
        "children-found": "of them, found after every episode",
        "episodes": "missing episodes",
        "episodes-found": "episodes ended by the child being found",
    },
}
FOLLOWUP_TITLES = {
    "placement": "Time from first contact to a safe placement (children)",
    "referral-time": "Time from first contact to each referral (one per recipient)",
    "referral-state": "Referrals by their present state",
    "missing": "Children who went missing, and found",
}
#: Each table's unit: the total its categories add up to (None: they do not).
UNITS: dict[str, str | None] = {
    "placement": "cases",
    "referral-time": "referred",
    "referral-state": "referrals",
    "missing": None,
}
UNIT_WORDS = {
    "cases": "children (cases) by the month of first contact",
    "referred": "recipients referred to",
    "referrals": "referrals",
}
MEDIANS = {
    "placement": "first contact to safe placement",
    "referral": "first contact to a referral",
}
FOLLOWUP_UNIT = "children (cases) whose first contact falls in the period, by when it did"


@dataclass(frozen=True, slots=True)
class FollowupStats:
    """The follow-up counts with their suppression; ``shown(key)`` is what is printed."""

    periods: tuple[str, ...]
    counts: dict[Key, int]
    suppressed: dict[Key, str]
    #: Medians in hours over the whole range: "placement", "referral" (None: fewer than five).
    medians: dict[str, float | None]
    sizes: dict[str, int]

    def shown(self, key: Key) -> int | str:
        mark = self.suppressed.get(key)
        return mark if mark is not None else self.counts.get(key, 0)

    def median(self, what: str) -> str:
        """A median as printed: hours with one decimal, or ``<5`` over fewer than five."""
        m = self.medians.get(what)
        return SUPPRESSED if m is None else f"{m:.1f}"

    def rows(self) -> list[list[str]]:
        """The flat rows every output shares: table, category, one column per period, all."""
        cols = (*self.periods, ALL)
        out = []
        for unit_id, words in UNIT_WORDS.items():
            out.append(
                ["followup-total", words, *(str(self.shown((unit_id, unit_id, p))) for p in cols)]
            )
        for table, cats in FOLLOWUP_LABELS.items():
            for c, words in cats.items():
                out.append(
                    [f"followup-{table}", words, *(str(self.shown((table, c, p))) for p in cols)]
                )
        blank = [""] * len(self.periods)
        out.append(
            [
                "followup-median-hours",
                "first contact to safe placement",
                *blank,
                self.median("placement"),
            ]
        )
        out.append(
            [
                "followup-median-hours",
                "first contact to a referral",
                *blank,
                self.median("referral"),
            ]
        )
        return out

    def as_json(self) -> dict[str, Any]:
        cols = (*self.periods, ALL)
        return {
            "unit": FOLLOWUP_UNIT,
            "totals": {u: {p: self.shown((u, u, p)) for p in cols} for u in UNIT_WORDS},
            "tables": {
                table: {
                    "title": FOLLOWUP_TITLES[table],
                    "counts": {c: {p: self.shown((table, c, p)) for p in cols} for c in cats},
                }
                for table, cats in FOLLOWUP_LABELS.items()
            },
            "median_hours": {
                "placement": self.median("placement"),
                "referral": self.median("referral"),
            },
        }


def _band(seconds: float, bands: Sequence[tuple[float, str]], last: str) -> str:
    for limit, name in bands:
        if seconds <= limit:
            return name
    return last


_PLACEMENT = ((DAY, "within-24h"), (3 * DAY, "1-3-days"))
_REFERRAL = ((DAY, "within-24h"), (3 * DAY, "1-3-days"), (7 * DAY, "4-7-days"))


def _lines(periods: tuple[str, ...]) -> list[Line]:
    out: list[Line] = []
    cols = (*periods, ALL)
    for unit_id in UNIT_WORDS:
        out.append(([(unit_id, unit_id, p) for p in periods], (unit_id, unit_id, ALL)))
    for table, cats in FOLLOWUP_LABELS.items():
        for c in cats:
            out.append(([(table, c, p) for p in periods], (table, c, ALL)))
        total = UNITS[table]
        if total is not None:
            for p in cols:
                out.append(([(table, c, p) for c in cats], (total, total, p)))
    return out


def _median(values: list[float]) -> float | None:
    return statistics.median(values) / HOUR if len(values) >= SMALL else None


def count_followup(
    rows: Iterable[FollowupStatRow], bounds: Sequence[tuple[str, float, float]]
) -> FollowupStats:
    """Count the rows whose first contact falls in one of the ``bounds`` (name,
    start, end) and suppress small counts."""
    periods = tuple(b[0] for b in bounds)
    starts = [b[1] for b in bounds]
    counts: dict[Key, int] = {}
    placed: list[float] = []
    referred: list[float] = []

    def add(table: str, category: str, period: str, n: int = 1) -> None:
        if n:
            for key in ((table, category, period), (table, category, ALL)):
                counts[key] = counts.get(key, 0) + n

    for r in rows:
        i = bisect.bisect_right(starts, r.first_contact_at) - 1
        if i < 0 or r.first_contact_at >= bounds[i][2]:
            continue
        p = periods[i]
        add("cases", "cases", p)
        if r.safe_placement_done_at is None:
            add("placement", "not-recorded", p)
        else:
            took = max(0.0, r.safe_placement_done_at - r.first_contact_at)
            placed.append(took)
            add("placement", _band(took, _PLACEMENT, "over-3-days"), p)
        for _recipient, sent in r.first_referrals:  # the recipient never leaves here
            took = max(0.0, sent - r.first_contact_at)
            referred.append(took)
            add("referred", "referred", p)
            add("referral-time", _band(took, _REFERRAL, "over-7-days"), p)
        for state in r.referral_states:
            add("referrals", "referrals", p)
            add(
                "referral-state", state if state in FOLLOWUP_LABELS["referral-state"] else "sent", p
            )
        if r.missing_episodes:
            add("missing", "children-missing", p)
            add("missing", "children-found", p, int(r.missing_found >= r.missing_episodes))
            add("missing", "episodes", p, r.missing_episodes)
            add("missing", "episodes-found", p, r.missing_found)
    return FollowupStats(
        periods,
        counts,
        suppress_lines(counts, _lines(periods)),
        {"placement": _median(placed), "referral": _median(referred)},
        {"placement": len(placed), "referral": len(referred)},
    )


def collect_followup(store: Store, bounds: Sequence[tuple[str, float, float]]) -> FollowupStats:
    """The follow-up statistics of the cases whose first contact falls in ``bounds``
    (administrators only)."""
    if not bounds:
        return count_followup([], bounds)
    rows = store.iter_followup_stats(bounds[0][1], bounds[-1][2])
    return count_followup(rows, bounds)
