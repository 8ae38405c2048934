"""When something is due, counted from a start (a case's first contact): the one
place the arithmetic lives, used by the tasks the store makes and by the
documents that print due times.

- ``immediately``: the start itself.
- ``hours: N``: N elapsed hours (N x 3,600 s) after the start, whatever the wall
  clock does: a 24-hour statutory clock that runs over a change to or from
  summer time ends 24 real hours later (23:00 on the wall, not 24:00).
- ``working_days: N``: the same wall-clock time on the Nth working day
  (Monday to Friday) after the start's day, in local time (or ``tz``); a start
  on a Saturday counts Monday as the first working day. Public holidays are not
  known here and count as working days.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

__all__ = ["Within", "due_at"]


class Within(Protocol):
    """A deadline as the checklists and routes files give it (``Deadline``)."""

    @property
    def immediately(self) -> bool: ...
    @property
    def hours(self) -> int | None: ...
    @property
    def working_days(self) -> int | None: ...


def due_at(start: float, within: Within, *, tz: dt.tzinfo | None = None) -> float:
    """The epoch time (seconds, UTC) by which something ``within`` is due,
    counted from ``start`` (epoch seconds). ``tz``: the time zone whose calendar
    working days are counted in (default: the machine's local time)."""
    if within.immediately:
        return start
    if within.hours is not None:
        return start + within.hours * 3600.0
    n = within.working_days or 0
    # Without a zone, naive local time: the C library applies the machine's rules
    # for summer time when it is turned back into epoch seconds.
    day = dt.datetime.fromtimestamp(start) if tz is None else dt.datetime.fromtimestamp(start, tz)
    counted = 0
    while counted < n:
        day += dt.timedelta(days=1)  # the same wall-clock time on the next day
        if day.weekday() < 5:
            counted += 1
    return day.timestamp()
