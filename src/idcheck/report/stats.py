"""Anonymised statistics for national monitoring, from the store's anonymous rows.

:func:`build_stats` counts completed screenings (an amended screening counts once,
through its completed amendment) by period (month or year) and, for each
period, by sex, age band, minor or adult, exploitation form, who identified the
child and outcome. Nothing but these categories leaves the store: no names,
references, free text or dates finer than the period, and any value outside the
known categories is counted as "other".

Small counts are suppressed (:func:`suppress`): a count of 1 to 4 is shown as
``<5``. So that no total gives a suppressed count away, every line of the
tables that adds up (the categories of one period and its total; the periods of
one category and its total; the age bands under 18 and "under 18") is checked:
where a line has exactly one suppressed entry, its smallest other non-zero entry
is suppressed too and shown as ``x``, until no line has a single one. Totals are
shared by every table, so one suppressed there is suppressed everywhere.
Exploitation forms do not add up (a screening may show several, or none), so
only their lines across periods are checked.

:func:`to_csv`, :func:`to_json` and :func:`render_stats_pdf` write the same
suppressed figures. Qt-free.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from idcheck.files import atomic_write
from idcheck.report.followup_stats import FollowupStats, collect_followup
from idcheck.report.suppression import ALL as ALL
from idcheck.report.suppression import SECONDARY as SECONDARY
from idcheck.report.suppression import SMALL as SMALL
from idcheck.report.suppression import SUPPRESSED as SUPPRESSED
from idcheck.report.suppression import TOTAL as TOTAL
from idcheck.report.suppression import Key as Key
from idcheck.report.suppression import Line, suppress_lines
from idcheck.store import IDENTIFIED_BY, StatKind, Store, check_output

UNIT = "completed screenings (an amended screening counts once, through its amendment)"
SUPPRESSION_NOTE = (
    "Counts of 1 to 4 are shown as <5. Where a total would reveal such a count, "
    "the next smallest count in the same row or column is hidden as well and shown as x. "
    "0 means none."
)

SEXES = ("female", "male", "other", "unknown")
#: Who identified the child: the store's own list of agencies.
IDENTIFIERS = IDENTIFIED_BY
FORMS = (
    "sexual",
    "labour",
    "domestic-servitude",
    "begging",
    "criminal-exploitation",
    "forced-marriage",
)
AGE_BANDS = ("under-12", "12-14", "15-17", "18-over", "unknown")
MINORS = ("under-18", "18-over", "unknown")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")

#: The tables, in print order, with the words for each category.
LABELS: dict[str, dict[str, str]] = {
    "sex": {
        "female": "female",
        "male": "male",
        "other": "other",
        "unknown": "unknown",
        "not-recorded": "not recorded",
    },
    "age-band": {
        "under-12": "under 12",
        "12-14": "12 to 14",
        "15-17": "15 to 17",
        "18-over": "18 or over",
        "unknown": "age not known",
    },
    "minor": {"under-18": "under 18", "18-over": "18 or over", "unknown": "age not known"},
    "form": {
        "sexual": "sexual exploitation",
        "labour": "labour exploitation",
        "domestic-servitude": "domestic servitude",
        "begging": "forced begging",
        "criminal-exploitation": "criminal exploitation",
        "forced-marriage": "forced marriage",
        "other": "other form",
        "none": "no form recorded",
    },
    "identified-by": {
        "police": "police",
        "immigration": "immigration",
        "health": "health",
        "child-welfare": "child welfare",
        "ngo": "NGO",
        "other": "other",
        "not-recorded": "not recorded",
    },
    "outcome": {},
}
TITLES = {
    "sex": "Sex",
    "age-band": "Age band (assessed age, else the age the child gives)",
    "minor": "Under 18 (assessed age, else the age the child gives)",
    "form": "Exploitation form (indicators answered yes; a screening may show several)",
    "identified-by": "Who identified the child",
    "outcome": "Outcome (the professional's decision, else the suggestion)",
}


@dataclass(frozen=True, slots=True)
class Stats:
    """Counts with their suppression; ``shown(key)`` is what every output prints."""

    since: dt.date
    until: dt.date  # inclusive
    by: str
    periods: tuple[str, ...]
    categories: dict[str, tuple[str, ...]]
    counts: dict[Key, int]
    suppressed: dict[Key, str]  # key -> SUPPRESSED or SECONDARY
    checklist: str | None = None  # only screenings made with this checklist
    audit_head: str | None = None  # the store's audit head when counted
    #: The follow-up of the cases whose first contact is in the range (by case,
    #: whatever checklist screened them); None when not counted.
    followup: FollowupStats | None = None

    def shown(self, key: Key) -> int | str:
        mark = self.suppressed.get(key)
        return mark if mark is not None else self.counts.get(key, 0)

    def total(self, period: str = ALL) -> int | str:
        return self.shown((TOTAL, TOTAL, period))

    def label(self, table: str, category: str) -> str:
        return LABELS.get(table, {}).get(category, category)


def parse_date(text: str, what: str) -> dt.date:
    """A date as YYYY-MM-DD; ValueError names ``what`` and the text."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{what}: {text!r} is not a date (expected YYYY-MM-DD)") from None


def period_of(day: dt.date, by: str) -> str:
    return f"{day.year:04d}" if by == "year" else f"{day.year:04d}-{day.month:02d}"


def periods_between(since: dt.date, until: dt.date, by: str) -> tuple[str, ...]:
    out: list[str] = []
    y, m = since.year, since.month
    while (y, m if by == "month" else 1) <= (until.year, until.month if by == "month" else 1):
        p = f"{y:04d}" if by == "year" else f"{y:04d}-{m:02d}"
        out.append(p)
        if by == "year":
            y += 1
        else:
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return tuple(out)


def _band(age: int | None) -> str:
    if age is None:
        return "unknown"
    if age < 12:
        return "under-12"
    if age < 15:
        return "12-14"
    if age < 18:
        return "15-17"
    return "18-over"


def _minor(age: int | None) -> str:
    if age is None:
        return "unknown"
    return "under-18" if age < 18 else "18-over"


def _sex(gender: str | None) -> str:
    return gender if gender in SEXES else ("not-recorded" if not gender else "other")


def _who(identified_by: str | None) -> str:
    if identified_by in IDENTIFIERS:
        return identified_by
    return "not-recorded" if not identified_by else "other"


def _outcome(outcome: str | None) -> str:
    return outcome if outcome and _ID.match(outcome) else "other"


def _forms(forms: tuple[str, ...]) -> list[str]:
    return sorted({f if f in FORMS else "other" for f in forms}) or ["none"]


def _margin(what: str, value: Any) -> dict[str, list[str]]:
    """The categories a stored value of ``what`` (:data:`idcheck.store.StatKind`)
    counts in, per table: the same words as :func:`classify`."""
    if what == "sex":
        return {"sex": [_sex(value)]}
    if what == "age":
        return {"age-band": [_band(value)], "minor": [_minor(value)]}
    if what == "identified-by":
        return {"identified-by": [_who(value)]}
    if what == "outcome":
        return {"outcome": [_outcome(value)]}
    if what == "form":
        return {"form": _forms(tuple(value))}
    raise ValueError(f"not a statistic: {what!r}")


def count_margins(
    margins: Mapping[StatKind, int], since: dt.date, until: dt.date, by: str = "month"
) -> Stats:
    """Count screenings the store counted by period and stored value of each
    statistic (:meth:`idcheck.store.Store.stat_kinds`), and suppress small counts:
    the same figures :func:`count_kinds` gives for the same screenings."""
    _check_range(since, until, by)
    counts: dict[Key, int] = {}
    outcomes: set[str] = set()
    for (what, p, value), n in margins.items():
        if what == "sex":  # every screening has exactly one: the totals
            for key in ((TOTAL, TOTAL, p), (TOTAL, TOTAL, ALL)):
                counts[key] = counts.get(key, 0) + n
        for table, cats in _margin(what, value).items():
            _add(counts, outcomes, table, cats, p, n)
    return _finish(counts, outcomes, since, until, by)


def _add(
    counts: dict[Key, int], outcomes: set[str], table: str, cats: list[str], p: str, n: int
) -> None:
    for c in cats:
        if table == "outcome":
            outcomes.add(c)
        for key in ((table, c, p), (table, c, ALL)):
            counts[key] = counts.get(key, 0) + n


def _finish(
    counts: dict[Key, int], outcomes: set[str], since: dt.date, until: dt.date, by: str
) -> Stats:
    periods = periods_between(since, until, by)
    categories = {t: tuple(labels) for t, labels in LABELS.items() if t != "outcome"}
    categories["outcome"] = tuple(sorted(outcomes))
    return Stats(
        since, until, by, periods, categories, counts, suppress(counts, periods, categories)
    )


def _check_range(since: dt.date, until: dt.date, by: str) -> None:
    if by not in ("month", "year"):
        raise ValueError(f"--by: {by!r} is not month or year")
    if until < since:
        raise ValueError(f"--to {until.isoformat()} is before --from {since.isoformat()}")


def lines_of(periods: tuple[str, ...], categories: dict[str, tuple[str, ...]]) -> list[Line]:
    """Every exact sum the tables hold: (entries, their total)."""
    out: list[Line] = []
    cols = (*periods, ALL)
    out.append(([(TOTAL, TOTAL, p) for p in periods], (TOTAL, TOTAL, ALL)))
    for table, cats in categories.items():
        for c in cats:
            out.append(([(table, c, p) for p in periods], (table, c, ALL)))
        if table == "form":
            continue  # several forms per screening, or none: no column sums
        for p in cols:
            out.append(([(table, c, p) for c in cats], (TOTAL, TOTAL, p)))
    for p in cols:
        out.append(
            ([("age-band", b, p) for b in ("under-12", "12-14", "15-17")], ("minor", "under-18", p))
        )
        out.append(([("age-band", "18-over", p)], ("minor", "18-over", p)))
        out.append(([("age-band", "unknown", p)], ("minor", "unknown", p)))
    return out


def suppress(
    counts: dict[Key, int],
    periods: tuple[str, ...],
    categories: dict[str, tuple[str, ...]],
) -> dict[Key, str]:
    """Primary suppression of 1-4, then secondary until no sum gives one away."""
    return suppress_lines(counts, lines_of(periods, categories))


# ------------------------------------------------------------------ outputs


def table_rows(stats: Stats) -> list[list[str]]:
    """The flat table every output shares: table, category, one column per period, all."""
    head = ["table", "category", *stats.periods, "all"]
    out = [head]
    out.append(
        [
            "total",
            "completed screenings",
            *(str(stats.total(p)) for p in stats.periods),
            str(stats.total()),
        ]
    )
    for table, cats in stats.categories.items():
        for c in cats:
            out.append(
                [table, stats.label(table, c)]
                + [str(stats.shown((table, c, p))) for p in (*stats.periods, ALL)]
            )
    return out


def unit(stats: Stats) -> str:
    if stats.checklist:
        return f"{UNIT}, made with the checklist {stats.checklist}"
    return UNIT


def to_csv(stats: Stats) -> str:
    buf = io.StringIO()
    # Comment lines first (fixed words of ours, never data), then the table.
    buf.write(f"# idcheck anonymised statistics {stats.since} to {stats.until} by {stats.by}\n")
    buf.write(f"# unit: {unit(stats)}\n")
    buf.write(f"# {SUPPRESSION_NOTE}\n")
    w = csv.writer(buf, lineterminator="\n")
    for row in table_rows(stats):
        w.writerow(row)
    if stats.followup is not None:
        for row in stats.followup.rows():
            w.writerow(row)
    return buf.getvalue()


def to_json(stats: Stats) -> str:
    cols = (*stats.periods, ALL)
    doc: dict[str, Any] = {
        "from": stats.since.isoformat(),
        "to": stats.until.isoformat(),
        "by": stats.by,
        "unit": unit(stats),
        "checklist": stats.checklist,
        "suppression": SUPPRESSION_NOTE,
        "periods": list(stats.periods),
        "total": {p: stats.total(p) for p in cols},
        "tables": {
            table: {
                "title": TITLES[table],
                "counts": {c: {p: stats.shown((table, c, p)) for p in cols} for c in cats},
            }
            for table, cats in stats.categories.items()
        },
    }
    if stats.followup is not None:
        doc["followup"] = stats.followup.as_json()
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def write_text(text: str, target: Path) -> None:
    """Into a file idcheck may write to, never left half-written."""
    atomic_write(check_output(Path(target)), text)


def period_bounds(
    since: dt.date, until: dt.date, by: str = "month"
) -> list[tuple[str, float, float]]:
    """Each period of ``since``..``until`` (both days included) as (name, start,
    end): the epoch seconds of its first local midnight and of the one after its
    last day, so that a time counts in the period its local date falls in."""
    _check_range(since, until, by)
    out: list[tuple[str, float, float]] = []
    day = since
    while day <= until:
        if by == "year":
            nxt = dt.date(day.year + 1, 1, 1)
        else:
            nxt = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        last = min(nxt - dt.timedelta(days=1), until)
        out.append((period_of(day, by), _midnight(day), _midnight(last + dt.timedelta(days=1))))
        day = nxt
    return out


def _midnight(day: dt.date) -> float:
    return dt.datetime.combine(day, dt.time()).timestamp()


def _checked(since: dt.date, until: dt.date, by: str, checklist: str | None) -> None:
    _check_range(since, until, by)
    if checklist is not None and not _ID.match(checklist):
        raise ValueError(f"--checklist: {checklist!r} is not a checklist id")


def collect(
    store: Store,
    since: dt.date,
    until: dt.date,
    by: str = "month",
    checklist: str | None = None,
) -> Stats:
    """Statistics straight from an unlocked store (administrators only); with
    ``checklist``, only the screenings made with that checklist (so a child screened
    first with the intake screen and then in full is counted once).

    The store counts in SQL (:meth:`~idcheck.store.Store.stat_kinds`): each
    statistic comes back counted by period and stored value, a few hundred rows
    whatever the number of screenings; the figures are those :func:`collect_rows`
    takes row by row, to the unit."""
    _checked(since, until, by, checklist)
    bounds = period_bounds(since, until, by)
    stats = count_margins(store.stat_kinds(bounds, checklist), since, until, by)
    return replace(
        stats,
        checklist=checklist,
        audit_head=str(store.audit_head()),
        followup=collect_followup(store, bounds),
    )
