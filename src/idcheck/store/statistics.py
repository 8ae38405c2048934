"""Anonymised statistics counted in SQL.

:meth:`Statistics.stat_kinds` hands :mod:`idcheck.report.stats` the completed
screenings tallied by kind — period, sex, age given, age assessed, who identified
the child, outcome and the exploitation forms of the indicators answered yes,
each counted on its own by period — a few hundred rows whatever the number of
screenings, counted by SQLite.

The forms are kept per screening in ``screening_stats`` as it is completed
(:func:`fill_screening_stats`, in the completion's transaction; migration 0011
filled those completed before), so a count reads one short row per screening
instead of its every answer. A completed screening without that row (one that
reached the store some other way) is worked out from its answers in the same
query. Either way it counts exactly what
:meth:`~idcheck.store.screenings.Screenings.iter_stats` yields row by row (a
screening whose amendment is completed is left out; an item's latest answer is
the one that counts; the forms are those of the checklist text the screening was
answered under), which the statistics' tests check cell by cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, text

from idcheck.checklist import Indicator
from idcheck.store.core import StoreCore, checklist_in

#: One count of the statistics as stored: (what is counted, period, the stored
#: value) — "sex" (the case's gender), "age" (assessed, else as the child gives
#: it), "identified-by", "outcome" (the decision, else the suggestion) or "form"
#: (the sorted exploitation forms of a screening, () for none).
StatKind = tuple[str, str, str | int | tuple[str, ...] | None]

#: Form ids are checklist ids (lower-case letters, digits and dashes): a comma
#: never occurs in one.
SEP = ","

#: The forms of the screenings in ``t`` (id, sha), from their latest answers:
#: ``f`` (id, forms) for those with at least one form. (Written for SQLite 3.35
#: and newer: the triggers' check runs the migrations on Python's own sqlite3.)
_FORMS = """
  yes AS MATERIALIZED (
    SELECT a.screening_id AS id, a.item_id AS item
    FROM t CROSS JOIN answers AS a ON a.screening_id = t.id
    WHERE a.value = '"yes"'
      AND NOT EXISTS (SELECT 1 FROM answers AS b
                      WHERE b.screening_id = a.screening_id AND b.item_id = a.item_id
                        AND b.id > a.id)
  ),
  f AS (
    SELECT id, group_concat(form, ',') AS forms FROM (
      SELECT DISTINCT yes.id AS id, m.form AS form
      FROM yes JOIN t ON t.id = yes.id JOIN m ON m.sha = t.sha AND m.item = yes.item
      ORDER BY 1, 2)
    GROUP BY id
  )
"""

#: Each statistic counted by period over ``k`` (period, gender, age, who,
#: outcome, forms): a few hundred rows.
_MARGINS = """
SELECT 'sex', period, gender, count(*) FROM k GROUP BY 2, 3
UNION ALL SELECT 'age', period, age, count(*) FROM k GROUP BY 2, 3
UNION ALL SELECT 'identified-by', period, who, count(*) FROM k GROUP BY 2, 3
UNION ALL SELECT 'outcome', period, outcome, count(*) FROM k GROUP BY 2, 3
UNION ALL SELECT 'form', period, forms, count(*) FROM k GROUP BY 2, 3
"""

#: The counts from ``screening_stats``: one short row per screening.
_KEPT = """
WITH
  p(period, lo, hi) AS (VALUES {periods}),
  k AS MATERIALIZED (
    SELECT p.period AS period, c.gender AS gender,
           coalesce(c.assessed_age, c.claimed_age) AS age, c.identified_by AS who,
           st.outcome AS outcome, st.forms AS forms
    FROM screening_stats AS st JOIN p ON st.completed_at >= p.lo AND st.completed_at < p.hi
    JOIN cases AS c ON c.id = st.case_id
    WHERE st.superseded = 0 AND st.completed_at >= :lo AND st.completed_at < :hi
      {only_kept}
  )
"""

#: The counts from the screenings and their answers, for a store where some
#: completed screening has no ``screening_stats`` row (its forms are worked out
#: from its latest answers, with the map ``m``).
_WORKED_OUT = """
WITH
  p(period, lo, hi) AS (VALUES {periods}),
  m(sha, item, form) AS (VALUES {forms}),
  s AS MATERIALIZED (
    SELECT sc.id AS id, sc.case_id AS case_id, sc.checklist_sha256 AS sha, p.period AS period,
           coalesce(sc.decision_outcome, sc.suggested_outcome) AS outcome, st.forms AS kept
    FROM screenings AS sc JOIN p ON sc.completed_at >= p.lo AND sc.completed_at < p.hi
    LEFT JOIN screening_stats AS st ON st.screening_id = sc.id
    WHERE sc.status = 'completed' AND sc.completed_at >= :lo AND sc.completed_at < :hi
      {only}
      AND NOT EXISTS (SELECT 1 FROM screenings AS later
                      WHERE later.amends_id = sc.id AND later.status = 'completed')
  ),
  t AS MATERIALIZED (SELECT id, sha FROM s WHERE kept IS NULL),
  {forms_cte},
  k AS MATERIALIZED (
    SELECT s.period AS period, c.gender AS gender,
           coalesce(c.assessed_age, c.claimed_age) AS age, c.identified_by AS who,
           s.outcome AS outcome, coalesce(s.kept, f.forms, '') AS forms
    FROM s JOIN cases AS c ON c.id = s.case_id LEFT JOIN f ON f.id = s.id
  )
"""

#: Completed screenings in the range, and their ``screening_stats`` rows: the
#: same number when none is missing (each row is written as its screening is
#: completed, with its completion time), counted on the two indexes alone.
_BOTH = """
SELECT (SELECT count(*) FROM screenings
        WHERE status = 'completed' AND completed_at >= :lo AND completed_at < :hi),
       (SELECT count(*) FROM screening_stats
        WHERE superseded IN (0, 1) AND completed_at >= :lo AND completed_at < :hi)
"""

#: The checklist texts of completed screenings in the range without a
#: ``screening_stats`` row (none, in a store this version wrote).
_MISSING = """
SELECT DISTINCT sc.checklist_sha256 FROM screenings AS sc
LEFT JOIN screening_stats AS st ON st.screening_id = sc.id
WHERE sc.status = 'completed' AND sc.completed_at >= :lo AND sc.completed_at < :hi
  AND st.screening_id IS NULL
"""

#: The statements are put together from the fixed texts here only; every value
#: given is a bound parameter.
_UNFILLED = """
SELECT DISTINCT sc.checklist_sha256 FROM screenings AS sc
LEFT JOIN screening_stats AS st ON st.screening_id = sc.id
WHERE st.screening_id IS NULL AND {which}
"""

_FILL = """
WITH
  m(sha, item, form) AS (VALUES {forms}),
  t AS MATERIALIZED (
    SELECT sc.id AS id, sc.checklist_sha256 AS sha FROM screenings AS sc
    LEFT JOIN screening_stats AS st ON st.screening_id = sc.id
    WHERE st.screening_id IS NULL AND {which}
  ),
  {forms_cte}
INSERT INTO screening_stats
  (screening_id, case_id, checklist_id, completed_at, outcome, forms, superseded)
SELECT sc.id, sc.case_id, sc.checklist_id, sc.completed_at,
       coalesce(sc.decision_outcome, sc.suggested_outcome), coalesce(f.forms, ''), 0
FROM t JOIN screenings AS sc ON sc.id = t.id LEFT JOIN f ON f.id = t.id
"""

#: A screening a completed amendment stands for is no longer counted.
_SUPERSEDE = """
UPDATE screening_stats SET superseded = 1
WHERE superseded = 0 AND screening_id IN (
  SELECT amends_id FROM screenings WHERE status = 'completed' AND amends_id IS NOT NULL
  {which_amendment})
"""


def _form_map(conn: Connection, shas: Iterable[str], params: dict[str, Any]) -> str:
    """The VALUES of ``m`` (sha, item, form): every indicator of these checklist
    texts with each form it points to; the binds go into ``params``."""
    rows: list[str] = []
    for sha in sorted(set(shas)):
        for _section, item in checklist_in(conn, sha).items():
            if isinstance(item, Indicator):
                for form in sorted(set(item.forms)):
                    i = len(rows)
                    params |= {f"ms{i}": sha, f"mi{i}": item.id, f"mf{i}": form}
                    rows.append(f"(:ms{i}, :mi{i}, :mf{i})")
    # No indicator points to a form: a map that matches nothing.
    return ", ".join(rows) or "(NULL, NULL, NULL)"


def _run(conn: Connection, sql: str, params: dict[str, Any]) -> Any:
    return conn.execute(text(sql).bindparams(*(bindparam(k) for k in params)), params)


def fill_screening_stats(conn: Connection, screening_id: int | None = None) -> None:
    """Write what the statistics count of ``screening_id`` (or of every completed
    screening that has no row yet) into ``screening_stats``, its forms from its
    latest answers, in ``conn``'s transaction, and mark the screening it amends as
    stood for. Completing a screening calls it, once it is marked completed."""
    params: dict[str, Any] = {}
    if screening_id is None:
        which, amendment = "sc.status = 'completed'", ""
    else:
        which, amendment = "sc.id = :sid", "AND id = :sid"
        params["sid"] = screening_id
    shas = _run(conn, _UNFILLED.format(which=which), dict(params)).scalars()
    forms = _form_map(conn, list(shas), params)
    _run(conn, _FILL.format(forms=forms, which=which, forms_cte=_FORMS), params)
    _run(
        conn,
        _SUPERSEDE.format(which_amendment=amendment),
        {k: v for k, v in params.items() if k == "sid"},
    )


class Statistics(StoreCore):
    """The statistics' counts, taken in the database."""

    def stat_kinds(
        self,
        periods: Sequence[tuple[str, float, float]],
        checklist_id: str | None = None,
    ) -> dict[StatKind, int]:
        """Completed screenings in the ``periods`` — (name, start, end) in epoch
        seconds, end excluded — counted by period and each stored value of what
        the statistics count (:data:`StatKind`); with ``checklist_id``, only those
        made with that checklist. Administrators only."""
        self._require_admin("see the statistics")
        if not periods:
            return {}
        params: dict[str, Any] = {
            "lo": min(p[1] for p in periods),
            "hi": max(p[2] for p in periods),
        }
        only = ""
        if checklist_id is not None:
            only = "AND sc.checklist_id = :checklist"
            params["checklist"] = checklist_id
        binds = []
        for i, (name, start, end) in enumerate(periods):
            params |= {f"p{i}": name, f"p{i}lo": start, f"p{i}hi": end}
            binds.append(f"(:p{i}, :p{i}lo, :p{i}hi)")
        out: dict[StatKind, int] = {}
        with self._read() as conn:
            span = {"lo": params["lo"], "hi": params["hi"]}
            done, kept = _run(conn, _BOTH, span).one()
            missing = [] if done == kept else list(_run(conn, _MISSING, span).scalars())
            if missing:  # screenings that reached the store without their row
                forms = _form_map(conn, missing, params)
                head = _WORKED_OUT.format(
                    periods=", ".join(binds), forms=forms, only=only, forms_cte=_FORMS
                )
            else:
                head = _KEPT.format(periods=", ".join(binds), only_kept=only.replace("sc.", "st."))
            for what, period, value, n in _run(conn, head + _MARGINS, params):
                if what == "form":  # (kept sorted; sorted again, as SQLite promises no order)
                    value = tuple(sorted(value.split(SEP))) if value else ()
                key = (what, period, value)
                out[key] = out.get(key, 0) + int(n)
        return out
