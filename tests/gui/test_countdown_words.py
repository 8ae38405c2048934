"""A countdown under a minute is said as the command line says it: a task whose
due time has just passed is "OVERDUE by 1 min" on My work, never "OVERDUE by
0 min" (every task due "immediately" read so the moment a screening was
completed, in training the first thing the room saw); one due in a few seconds
is "due in 1 min"."""

from __future__ import annotations

import datetime as dt

from tests.gui.test_followup_window import texts, unlock
from tests.gui.walking import click

from idcheck.gui.session import store_behind
from idcheck.store import TaskDraft


def local(y: int, m: int, d: int, hh: int, mm: int, ss: int) -> float:
    return dt.datetime(y, m, d, hh, mm, ss).timestamp()


def test_my_work_never_says_zero_minutes(qtbot, fwindow, clock):
    clock.t = local(2026, 12, 5, 22, 0, 20)
    unlock(qtbot, fwindow)
    store = store_behind(fwindow.session)
    case_id = store.list_cases()[0].id
    for what, due in (
        ("Call the police now", local(2026, 12, 5, 22, 0, 0)),  # 20 seconds ago
        ("Tell your supervisor", local(2026, 12, 5, 22, 0, 50)),  # in 30 seconds
    ):
        store.add_task(case_id, TaskDraft(what, assignee="anna", due_at=due), now=clock.t)
    click(qtbot, fwindow.cases.my_work_button)
    page = fwindow.my_work
    assert fwindow.stack.currentWidget() is page
    assert texts(page.model, page.model.WHAT) == ["Call the police now", "Tell your supervisor"]
    assert texts(page.model, page.model.COUNTDOWN) == ["OVERDUE by 1 min", "due in 1 min"]
