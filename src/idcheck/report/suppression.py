"""Small-cell suppression, shared by every anonymised count the tool gives out.

A count of 1 to 4 is shown as ``<5``. So that no total gives a suppressed count
away, every line of a table that adds up is checked: where a line has exactly
one suppressed entry, its smallest other non-zero entry is suppressed too and
shown as ``x``, until no line has a single one. Qt-free.
"""

from __future__ import annotations

SUPPRESSED = "<5"
SECONDARY = "x"
SMALL = 5
TOTAL = "total"
ALL = "all"

Key = tuple[str, str, str]  # (table, category, period); period ALL is a row total


Line = tuple[list[Key], Key]  # entries and the total they add up to


def suppress_lines(counts: dict[Key, int], lines: list[Line]) -> dict[Key, str]:
    """Primary suppression of 1-4, then secondary until no line gives one away.
    ``lines``: every exact sum the tables hold, as (entries, their total)."""
    marks: dict[Key, str] = {k: SUPPRESSED for k, n in counts.items() if 0 < n < SMALL}
    changed = True
    while changed:
        changed = False
        for entries, total in lines:
            members = [*entries, total]
            hidden = [k for k in members if k in marks]
            if len(hidden) != 1:
                continue
            open_ = [k for k in members if k not in marks and counts.get(k, 0) > 0]
            if not open_:
                continue  # cannot happen: a hidden count is never 0
            # The smallest count; a cell before a total, so totals stay shown where they can.
            pick = min(open_, key=lambda k: (counts.get(k, 0), k == total))
            marks[pick] = SECONDARY
            changed = True
    return marks
