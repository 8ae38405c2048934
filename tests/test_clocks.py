"""The one clock arithmetic (idcheck.followup.due_at): hours are elapsed hours,
working days keep the wall-clock time and skip weekends, in the zone's calendar
(across a change to or from summer time too)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from idcheck.checklist import Deadline
from idcheck.followup import due_at

OSLO = ZoneInfo("Europe/Oslo")
LONDON = ZoneInfo("Europe/London")


def at(tz: dt.tzinfo, *args: int) -> float:
    return dt.datetime(*args, tzinfo=tz).timestamp()


def wall(t: float, tz: dt.tzinfo) -> str:
    return dt.datetime.fromtimestamp(t, tz).strftime("%a %Y-%m-%d %H:%M")


def test_immediately_is_the_start():
    start = at(OSLO, 2026, 12, 5, 14, 30)
    assert due_at(start, Deadline(immediately=True), tz=OSLO) == start


def test_hours_are_elapsed_hours():
    start = at(OSLO, 2026, 12, 4, 15, 30)  # a Friday
    assert due_at(start, Deadline(hours=24), tz=OSLO) - start == 24 * 3600
    assert wall(due_at(start, Deadline(hours=24), tz=OSLO), OSLO) == "Sat 2026-12-05 15:30"


def test_working_days_skip_the_weekend():
    friday = at(OSLO, 2026, 12, 4, 15, 30)
    assert wall(due_at(friday, Deadline(working_days=1), tz=OSLO), OSLO) == "Mon 2026-12-07 15:30"
    assert wall(due_at(friday, Deadline(working_days=5), tz=OSLO), OSLO) == "Fri 2026-12-11 15:30"
    saturday = at(OSLO, 2026, 12, 5, 23, 50)
    assert wall(due_at(saturday, Deadline(working_days=1), tz=OSLO), OSLO) == "Mon 2026-12-07 23:50"
    sunday = at(OSLO, 2026, 12, 6, 0, 5)
    assert wall(due_at(sunday, Deadline(working_days=2), tz=OSLO), OSLO) == "Tue 2026-12-08 00:05"


def test_a_24_hour_clock_over_the_change_to_summer_time_ends_24_real_hours_later():
    # Europe/Oslo springs forward on Sunday 2026-03-29 at 02:00.
    start = at(OSLO, 2026, 3, 28, 12, 0)
    due = due_at(start, Deadline(hours=24), tz=OSLO)
    assert due - start == 24 * 3600
    assert wall(due, OSLO) == "Sun 2026-03-29 13:00"


def test_working_days_over_the_change_from_summer_time_keep_the_wall_clock():
    # Europe/London falls back on Sunday 2026-10-25; Friday to Monday is 73 real hours.
    friday = at(LONDON, 2026, 10, 23, 9, 0)
    due = due_at(friday, Deadline(working_days=1), tz=LONDON)
    assert wall(due, LONDON) == "Mon 2026-10-26 09:00"
    assert due - friday == (72 + 1) * 3600


def test_local_time_is_the_default(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Europe/Oslo")
    time.tzset()
    try:
        friday = at(OSLO, 2026, 3, 27, 9, 0)
        due = due_at(friday, Deadline(working_days=1))
        assert wall(due, OSLO) == "Mon 2026-03-30 09:00"
        assert due - friday == (72 - 1) * 3600  # an hour less over the spring change
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("days", [1, 2, 3, 4, 5, 10, 20])
def test_working_days_never_end_on_a_weekend(days):
    for d in range(7):
        start = at(OSLO, 2026, 12, 7 + d, 10, 0)
        assert (
            dt.datetime.fromtimestamp(
                due_at(start, Deadline(working_days=days), tz=OSLO), OSLO
            ).weekday()
            < 5
        )
