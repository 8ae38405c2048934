"""The case list's SQL beside each page of cases: the last outcome, the
follow-up flags, and the orders the list can be read in a page at a time."""

from __future__ import annotations

from typing import Any

from sqlalchemy import exists, func, literal, literal_column, select, tuple_, union_all

from idcheck.store.schema import cases, missing_episodes, screenings, tasks

#: The orders the store reads the list in, a page at a time below the last row
#: read: name -> the column, then the id, both descending unless ascending.
ORDERS: dict[str, Any] = {
    "updated": cases.c.updated_at,
    "reference": cases.c.reference,
    "name": cases.c.name_key,
    "status": cases.c.status,
    # Where a case came from; '' (made here) before every site, as NULL would
    # be, but comparable in a keyset (NULL is not).
    "origin": func.coalesce(cases.c.origin, literal_column("''")),
}
#: The orders whose equal values are listed newest first either way round
#: (the id turned round when ascending, read through an index on ``-id``).
NEWEST_FIRST_AMONG_EQUALS = frozenset({"name", "status", "origin"})


def ordered(page: Any, by: str, ascending: bool, after: tuple[Any, int] | None) -> Any:
    """``page`` (a select of cases) in the order ``by``, below ``after`` (the
    order's value and the id of the last row read): a keyset, no OFFSET, read
    through the column's index."""
    key, tie, turned = _order(by, ascending)
    if after is not None:
        here = tuple_(key, tie)
        there = tuple_(literal(after[0]), literal(-after[1] if turned else after[1]))
        # The first term alone as well: a range SQLite seeks to in an index on
        # an expression, where it would scan from the start for the pair only.
        value = literal(after[0])
        page = page.where(
            *((key >= value, here > there) if ascending else (key <= value, here < there))
        )
    return _sorted(page, key, tie, ascending)


def page_of(page: Any, by: str, ascending: bool, after: tuple[Any, int], limit: int) -> Any:
    """The ids of the ``limit`` cases of ``page`` (a select of case ids) below
    ``after`` in the order ``by``: the rest of the last row's equal values, then
    the values after it, each a range sought in the order's index and read to
    the page's end (the pair alone is sought by its first term only: deep in
    many equal values, a status, every row before the page was read too)."""
    key, tie, turned = _order(by, ascending)
    value = literal(after[0])
    last = literal(-after[1] if turned else after[1])
    same = page.where(key == value, tie > last if ascending else tie < last)
    rest = page.where(key > value if ascending else key < value)
    parts = [
        _sorted(q.add_columns(key.label("k"), tie.label("t")), key, tie, ascending)
        .limit(limit)
        .subquery()
        for q in (same, rest)
    ]
    both = union_all(*(select(p.c.id, p.c.k, p.c.t) for p in parts)).subquery()
    return _sorted(select(both.c.id), both.c.k, both.c.t, ascending).limit(limit)


def _order(by: str, ascending: bool) -> tuple[Any, Any, bool]:
    """The order's column, its tie-breaker (the id, turned round where the
    newest comes first among equal values ascending) and whether it is turned."""
    turned = ascending and by in NEWEST_FIRST_AMONG_EQUALS
    return ORDERS[by], (-cases.c.id if turned else cases.c.id), turned


def _sorted(q: Any, key: Any, tie: Any, ascending: bool) -> Any:
    if ascending:
        return q.order_by(key.asc(), tie.asc())
    return q.order_by(key.desc(), tie.desc())


#: The flags' defaults, when the list is made without them.
NO_FLAGS: dict[str, Any] = {
    "overdue": literal(0),
    "due_soon": literal(0),
    "next_due": literal(None),
    "missing": literal(False),
}


def last_outcome() -> Any:
    """SQL, correlated to ``cases``: the outcome of the case's latest completed
    screening (the worker's decision, else the suggestion)."""
    return (
        select(func.coalesce(screenings.c.decision_outcome, screenings.c.suggested_outcome))
        .where(screenings.c.case_id == cases.c.id, screenings.c.status == "completed")
        .order_by(screenings.c.completed_at.desc())
        .limit(1)
        .correlate(cases)
        .scalar_subquery()
    )


def follow_up_flags(now: float) -> dict[str, Any]:
    """SQL, correlated to ``cases``, for the list's follow-up flags; each is read
    through an index by case (tasks: case, status, due; missing: case, found)."""

    def open_tasks(expr: Any, *cond: Any) -> Any:
        return (
            select(expr)
            .where(tasks.c.case_id == cases.c.id, tasks.c.status == "open", *cond)
            .correlate(cases)
            .scalar_subquery()
        )

    return {
        "overdue": open_tasks(func.count(), tasks.c.due_at < now),
        "due_soon": open_tasks(func.count(), tasks.c.due_at >= now, tasks.c.due_at < now + 86400),
        "next_due": open_tasks(func.min(tasks.c.due_at)),
        "missing": exists(
            select(1).where(
                missing_episodes.c.case_id == cases.c.id, missing_episodes.c.found_at.is_(None)
            )
        ).correlate(cases),
    }
