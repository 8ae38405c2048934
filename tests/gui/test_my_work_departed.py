"""A worker leaves and the administrator disables the account: the open tasks
the worker held, and the unassigned ones of the cases the worker opened, are
not lost. They reach every remaining worker's My work until someone takes them
(they reached nobody's: My work showed a worker's own tasks and the unassigned
ones of the cases they opened, and a disabled account never signs in again)."""

from __future__ import annotations

import shutil

from tests.conftest import PASSWORD
from tests.gui.test_followup_window import texts, unlock
from tests.gui.walking import click

from idcheck.gui.app import MainWindow
from idcheck.gui.session import store_behind
from idcheck.store import CaseDetails, Store, TaskDraft

BEN = "ben's long password 1"


def test_a_disabled_workers_tasks_reach_my_work(qtbot, walk_template, tmp_path, clock, messages):
    data = tmp_path / "store"
    shutil.copytree(walk_template, data)
    now = clock.t
    s = Store.open(data, "anna", PASSWORD)
    s.add_user("ben", BEN, "worker")
    s.lock()
    s = Store.open(data, "ben", BEN)
    cid = s.create_case(CaseDetails(reference="B-1", given_name="Sara"))
    s.add_task(cid, TaskDraft("Call the police now", assignee="ben", due_at=now - 600), now=now)
    s.add_task(cid, TaskDraft("Book an interpreter", due_at=now + 600), now=now)
    s.add_task(cid, TaskDraft("Next week", assignee="ben", due_at=now + 7 * 86400), now=now)
    s.lock()
    s = Store.open(data, "anna", PASSWORD)
    s.disable_user(s.user_by_name("ben").id)
    s.lock()

    w = MainWindow(data, messages, now=clock)
    qtbot.addWidget(w)
    w.resize(1200, 760)
    w.show()
    try:
        unlock(qtbot, w)
        page = w.my_work
        # Due today or overdue: My work is the first page, with ben's two tasks.
        assert w.stack.currentWidget() is page
        assert texts(page.model, page.model.WHAT) == ["Call the police now", "Book an interpreter"]
        # The page says why they are there.
        assert "and those of disabled accounts, until someone takes them" in page.intro.text()
        # Anna takes one in the case: it is hers from then on, still on her page.
        store = store_behind(w.session)
        first = store.task_list()[0].task.id
        store.assign_task(first, "anna")
        click(qtbot, page.cases_button)
        click(qtbot, w.cases.my_work_button)
        assert texts(page.model, page.model.WHAT) == ["Call the police now", "Book an interpreter"]
        assert store.task(first).assignee == "anna"
    finally:
        w.lock()
