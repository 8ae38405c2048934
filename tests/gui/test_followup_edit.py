"""What a case worker meets after saving follow-up records, through the
window's own keys and buttons with the clock injected (nothing sleeps): My work
keeps itself current past a due time and past midnight; tasks and referrals are
edited after saving; follow-up dates become tasks; the timeline's details in
Norwegian."""

from __future__ import annotations

import datetime as dt

from tests.gui.test_followup_window import texts, unlock
from tests.gui.walking import click

from idcheck.gui.session import store_behind


def local(y: int, m: int, d: int, hh: int, mm: int = 0) -> float:
    return dt.datetime(y, m, d, hh, mm).timestamp()


def test_my_work_refreshes_itself_when_a_due_time_passes_and_after_midnight(qtbot, fwindow, clock):
    from idcheck.store import TaskDraft

    clock.t = local(2026, 12, 5, 22, 0)
    unlock(qtbot, fwindow)
    store = store_behind(fwindow.session)
    case_id = store.list_cases()[0].id
    store.add_task(
        case_id,
        TaskDraft("Call the guardian service", assignee="anna", due_at=local(2026, 12, 5, 22, 30)),
        now=clock.t,
    )
    store.add_task(
        case_id,
        TaskDraft("Book an interpreter", assignee="anna", due_at=local(2026, 12, 6, 9, 0)),
        now=clock.t,
    )
    click(qtbot, fwindow.cases.my_work_button)
    page = fwindow.my_work
    assert fwindow.stack.currentWidget() is page
    assert texts(page.model, page.model.WHAT) == ["Call the guardian service"]
    assert page.summary.text() == "Due today: 1. Overdue: none."
    assert texts(page.model, page.model.COUNTDOWN) == ["due in 30 min"]
    page.ticker.setInterval(20)  # the real timer, looking at the clock more often
    page.ticker.start()
    # A minute on: the countdown is said again.
    clock.t += 60
    qtbot.waitUntil(lambda: texts(page.model, page.model.COUNTDOWN) == ["due in 29 min"])
    # The due time passes: due today becomes overdue, without a key pressed.
    clock.t = local(2026, 12, 5, 22, 31)
    qtbot.waitUntil(lambda: page.summary.text() == "OVERDUE: 1. Due later today: 0.")
    assert texts(page.model, page.model.COUNTDOWN) == ["OVERDUE by 1 min"]
    # Past midnight: tomorrow's task is today's.
    clock.t = local(2026, 12, 6, 0, 1)
    qtbot.waitUntil(lambda: page.summary.text() == "OVERDUE: 1. Due later today: 1.")
    assert texts(page.model, page.model.WHAT) == [
        "Call the guardian service",
        "Book an interpreter",
    ]
    # Locked: the timer stops.
    click(qtbot, page.cases_button)
    click(qtbot, fwindow.cases.lock_button)
    assert not page.ticker.isActive()
