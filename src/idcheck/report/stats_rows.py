"""The statistics taken row by row, as they first were: every completed screening
read into Python as a :class:`~idcheck.store.StatRow` with its answers, classified
and tallied there.

:func:`idcheck.report.stats.collect` counts in SQL instead (a hundred times
faster at 100,000 screenings of 40 answers); this module is kept as the
reference its figures are checked against cell by cell, and for counting rows
made by hand (the suppression's tests). The words of each category are
:mod:`idcheck.report.stats`' own. Qt-free.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from typing import Any

from idcheck.checklist import Checklist, forms_pointed_to
from idcheck.report.stats import (
    Stats,
    _add,
    _band,
    _check_range,
    _checked,
    _finish,
    _forms,
    _midnight,
    _minor,
    _outcome,
    _sex,
    _who,
    period_of,
)
from idcheck.report.suppression import ALL, TOTAL, Key
from idcheck.store import StatRow, Store


def with_forms(store: Store, rows: Iterable[StatRow]) -> Iterator[StatRow]:
    """Each row with its exploitation forms: those the indicators answered yes
    point to, in the checklist the screening was answered under."""
    checklists: dict[str, Checklist] = {}
    for r in rows:
        found = checklists.get(r.checklist_sha256)
        if found is None:
            found = checklists[r.checklist_sha256] = store.checklist(r.checklist_sha256)
        yield replace(r, forms=forms_pointed_to(found, r.yes_items))


def classify(row: StatRow) -> dict[str, list[str]]:
    """The categories one row counts in, per table. Only known words pass: any
    other stored value is counted as "other", so no free text can leave."""
    return _classify(
        row.gender, row.claimed_age, row.assessed_age, row.identified_by, row.outcome, row.forms
    )


@lru_cache(maxsize=4096)
def _classify(
    gender: str | None,
    claimed_age: int | None,
    assessed_age: int | None,
    identified_by: str | None,
    outcome: str | None,
    forms: tuple[str, ...],
) -> dict[str, list[str]]:
    age = assessed_age if assessed_age is not None else claimed_age
    return {
        "sex": [_sex(gender)],
        "age-band": [_band(age)],
        "minor": [_minor(age)],
        "form": _forms(forms),
        "identified-by": [_who(identified_by)],
        "outcome": [_outcome(outcome)],
    }


def build_stats(
    rows: Iterable[StatRow], since: dt.date, until: dt.date, by: str = "month"
) -> Stats:
    """Count ``rows`` (completed in ``since``..``until``, both days included) and
    suppress small counts."""
    _check_range(since, until, by)
    # Rows are tallied by what they hold first: far fewer kinds than rows.
    kinds: Counter[tuple[Any, ...]] = Counter()
    for row in rows:
        day = dt.date.fromtimestamp(row.completed_at)
        if not since <= day <= until:
            continue
        kinds[
            (
                period_of(day, by),
                row.gender,
                row.claimed_age,
                row.assessed_age,
                row.identified_by,
                row.outcome,
                row.forms,
            )
        ] += 1
    return count_kinds(kinds, since, until, by)


def count_kinds(
    kinds: Mapping[tuple[Any, ...], int], since: dt.date, until: dt.date, by: str = "month"
) -> Stats:
    """Count screenings tallied by kind (period, sex, age given, age assessed, who
    identified the child, outcome, forms) and suppress small counts."""
    _check_range(since, until, by)
    counts: dict[Key, int] = {}
    outcomes: set[str] = set()
    for (p, *raw), n in kinds.items():
        for key in ((TOTAL, TOTAL, p), (TOTAL, TOTAL, ALL)):
            counts[key] = counts.get(key, 0) + n
        for table, cats in _classify(*raw).items():
            _add(counts, outcomes, table, cats, p, n)
    return _finish(counts, outcomes, since, until, by)


def collect_rows(
    store: Store,
    since: dt.date,
    until: dt.date,
    by: str = "month",
    checklist: str | None = None,
) -> Stats:
    """:func:`collect` the way it was first written: every screening read into
    Python as a row with its answers (:meth:`~idcheck.store.Store.iter_stats`) and
    classified there. Slow with many screenings; kept as the reference the SQL
    counts are checked against."""
    _checked(since, until, by, checklist)
    start = _midnight(since)
    end = _midnight(until + dt.timedelta(days=1))
    rows = list(store.iter_stats(start, end))
    if checklist is not None:
        rows = [r for r in rows if r.checklist_id == checklist]
    stats = build_stats(with_forms(store, rows), since, until, by)
    return replace(stats, checklist=checklist, audit_head=str(store.audit_head()))
