"""A case's follow-up through the window's own keys and buttons, with the clock
injected (nothing sleeps): a completed screening becomes tasks due from first
contact, one is marked done, others go overdue when the clock moves; a missing
episode flags the child in the case list; My work comes first after unlocking;
the timeline reads in time order by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from tests.gui.conftest import PASSWORD, when_shown
from tests.gui.walking import CTRL, click, focus, go_to, press, screen

from idcheck.gui.case_dialog import CaseDialog
from idcheck.gui.cases import CaseTableModel
from idcheck.gui.followup_dialogs import FinishDialog, MissingDialog, ReferralStateDialog
from idcheck.gui.review import ReviewDialog
from idcheck.gui.session import store_behind

INTAKE = "intake-screen@1.1.0"  # the window offers the newest version
HOUR = 3600.0
DISPLAY = Qt.ItemDataRole.DisplayRole
SPOKEN = Qt.ItemDataRole.AccessibleTextRole


def unlock(qtbot, w):
    page = w.unlock_page
    page.user.setText("anna")
    page.password.setFocus()
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    if page.opening is not None:
        page.opening.wait()


def in_dialog(qtbot, kind, act):
    """Run ``act(dialog)`` once a modal ``kind`` is shown; a failure closes it
    (the test fails, it never hangs)."""

    def run(dialog):
        dialog.activateWindow()  # as the window manager does (offscreen, nothing does)
        QApplication.processEvents()
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.done(0)

    when_shown(kind, run)


def texts(model, column):
    return [model.index(r, column).data(DISPLAY) for r in range(model.rowCount())]


def open_case(qtbot, w, act, row=0):
    """Open the case of ``row`` in the list with *Open case*; ``act(dialog)``."""
    w.cases.table.selectRow(row)
    in_dialog(qtbot, CaseDialog, act)
    click(qtbot, w.cases.case_button)


def complete_intake(qtbot, w):
    """Walk the intake screen by keyboard (debt: yes) and complete it with the
    suggested outcome (a full screening)."""
    view = screen(qtbot, w, INTAKE)
    press(qtbot, "nn")
    go_to(qtbot, view, "debt")
    press(qtbot, "y")
    seen = {}

    def decide(dialog):
        seen["outcome"] = dialog.outcome.currentData()
        click(qtbot, dialog.complete_button)

    in_dialog(qtbot, ReviewDialog, decide)
    qtbot.keyClick(focus(), Qt.Key.Key_R, CTRL)
    assert w.screening_view is None, "the screening was not completed"
    return seen["outcome"]


def type_cell(qtbot, table, row, column, text):
    """Go to a cell and type: the first key opens its editor, Return keeps the text."""
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClicks(table, text[0])
    editor = QApplication.focusWidget()
    assert editor is not table, "typing did not open the cell's editor"
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the editor's text queued
    assert table.item(row, column).text() == text


def flags(w):
    m = w.cases.model
    return [m.index(r, CaseTableModel.FOLLOW_UP).data(DISPLAY) for r in range(m.rowCount())]


def test_a_completed_screening_becomes_tasks_counted_down_from_first_contact(qtbot, fwindow, clock):
    unlock(qtbot, fwindow)
    assert fwindow.stack.currentWidget() is fwindow.cases  # no work yet: the case list
    store = store_behind(fwindow.session)
    case_id = store.list_cases()[0].id
    first = store.get_case(case_id, audit=False).first_contact_at
    clock.t = first + 10 * 60  # ten minutes after the child came to notice
    assert complete_intake(qtbot, fwindow) == "full-screening"
    # The intake's actions for a full screening and the routes' (both countries:
    # the site has no jurisdiction yet): one in 2 hours, the rest in 24. Its
    # standing guidance ("do not raise the concern with the accompanying adults")
    # is no task: nothing is overdue ten minutes on (with 1.0.0 it was, at once).
    made = store.tasks(case_id)
    assert "Do not raise the concern with the accompanying adults." not in {t.what for t in made}
    day_tasks = len(made) - 1
    assert day_tasks >= 2
    assert flags(fwindow) == [f"{day_tasks + 1} due soon"]
    seen = {}

    def tasks_tab(dialog):
        qtbot.keyClick(dialog, Qt.Key.Key_3, CTRL)  # Ctrl+3: the tasks
        tab = dialog.pages["tasks"]
        assert dialog.tabs.currentWidget() is tab and focus() is tab.table
        seen["due"] = sorted(t.due_at - first for t in tab.model.rows)
        seen["countdown"] = texts(tab.model, tab.model.COUNTDOWN)
        seen["clock"] = tab.clock.text()
        seen["summary"] = tab.summary.text()
        seen["flags"] = dialog.flags.text()
        # Down to the task due in two hours, by keyboard, and mark it done.
        qtbot.keyClick(tab.table, Qt.Key.Key_Home)
        while tab.model.rows[tab.table.currentIndex().row()].due_at != first + 2 * HOUR:
            qtbot.keyClick(tab.table, Qt.Key.Key_Down)
        seen["chosen"] = tab.model.rows[tab.table.currentIndex().row()].id

        def done(finish):
            qtbot.keyClicks(finish.note, "Words written down at 10:20")
            click(qtbot, finish.save_button)

        in_dialog(qtbot, FinishDialog, done)
        click(qtbot, tab.done_button)
        row = [t.id for t in tab.model.rows].index(seen["chosen"])
        seen["after"] = tab.model.index(row, tab.model.COUNTDOWN).data(DISPLAY)
        # The note typed at Mark done… is shown with the task (it was kept but shown nowhere).
        seen["note"] = tab.model.index(row, tab.model.NOTE).data(DISPLAY)
        seen["after_spoken"] = tab.model.index(row, 0).data(SPOKEN)

    open_case(qtbot, fwindow, tasks_tab)
    assert seen["due"] == [2 * HOUR] + [24 * HOUR] * day_tasks
    soon = ["due in 1 h 50 min"]
    assert sorted(seen["countdown"]) == soon + ["due in 23 h 50 min"] * day_tasks
    assert seen["clock"].startswith("Due times count from first contact: ")
    assert seen["summary"].startswith(f"Nothing overdue ({day_tasks + 1} open tasks)")
    assert seen["flags"] == f"{day_tasks + 1} due soon"
    assert seen["after"].startswith("done ") and seen["after"].endswith(" by anna")
    assert "State: done" in seen["after_spoken"]
    assert seen["note"] == "Words written down at 10:20"
    task = next(t for t in store.tasks(case_id) if t.id == seen["chosen"])
    assert (task.status, task.done_by, task.done_at) == ("done", "anna", clock.t)

    # A day later: the 24-hour tasks are overdue; the done one is not.
    clock.t = first + 25 * HOUR
    fwindow.cases.search.setFocus()
    qtbot.keyClick(fwindow.cases.search, Qt.Key.Key_Return)
    assert flags(fwindow) == [f"{day_tasks} overdue"]

    def look(dialog):
        tab = dialog.pages["tasks"]
        qtbot.keyClick(dialog, Qt.Key.Key_3, CTRL)
        seen["later"] = sorted(texts(tab.model, tab.model.COUNTDOWN))
        seen["states"] = sorted(texts(tab.model, tab.model.STATE))
        seen["icon"] = [
            tab.model.index(r, tab.model.COUNTDOWN).data(Qt.ItemDataRole.DecorationRole) is not None
            for r in range(tab.model.rowCount())
        ]

    open_case(qtbot, fwindow, look)
    assert seen["later"][:-1] == ["OVERDUE by 1 h 0 min"] * day_tasks
    assert seen["later"][-1].startswith("done ")
    assert seen["states"] == ["done"] + ["overdue"] * day_tasks
    assert sorted(seen["icon"]) == [False] + [True] * day_tasks


def test_a_missing_episode_flags_the_child_in_the_case_list_until_found(qtbot, fwindow, clock):
    unlock(qtbot, fwindow)
    assert flags(fwindow) == [""]
    seen = {}

    def went_missing(dialog):
        qtbot.keyClick(dialog, Qt.Key.Key_6, CTRL)  # Ctrl+6: missing episodes
        tab = dialog.pages["missing"]
        assert dialog.tabs.currentWidget() is tab

        def fill(form):
            qtbot.keyClicks(form.last_seen, "Bus station, platform 3")
            form.reported.known.setFocus()
            qtbot.keyClick(form.reported.known, Qt.Key.Key_Space)
            qtbot.keyClicks(form.reported_by, "anna")
            qtbot.keyClicks(form.police_reference, "P-2026-4411")
            click(qtbot, form.save_button)

        in_dialog(qtbot, MissingDialog, fill)
        click(qtbot, tab.add_button)
        seen["state"] = tab.state.text()
        seen["tab"] = dialog.tabs.tabText(dialog.tabs.currentIndex())
        seen["row"] = tab.model.index(0, 0).data(SPOKEN)

    open_case(qtbot, fwindow, went_missing)
    assert seen["state"].startswith("⚠ MISSING since ")
    assert seen["tab"] == "⚠ Missing now"
    assert "MISSING now" in seen["row"] and "P-2026-4411" in seen["row"]
    # The list says it in words, with an icon, in a column the keyboard reaches.
    assert flags(fwindow) == ["MISSING"]
    table = fwindow.cases.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home)
    for _ in range(CaseTableModel.FOLLOW_UP):
        qtbot.keyClick(table, Qt.Key.Key_Right)
    cell = table.currentIndex()
    assert cell.column() == CaseTableModel.FOLLOW_UP
    assert cell.data(SPOKEN) == "The child is missing: an episode is open."
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None

    def found(dialog):
        qtbot.keyClick(dialog, Qt.Key.Key_6, CTRL)
        tab = dialog.pages["missing"]

        def fill(form):
            form.found.known.setFocus()
            qtbot.keyClick(form.found.known, Qt.Key.Key_Space)
            qtbot.keyClicks(form.found_where, "Returned to the care home")
            click(qtbot, form.save_button)

        in_dialog(qtbot, MissingDialog, fill)
        click(qtbot, tab.update_button)
        seen["found"] = tab.state.text()

    open_case(qtbot, fwindow, found)
    assert seen["found"] == "No missing episode is open."
    assert flags(fwindow) == [""]
    episode = store_behind(fwindow.session).missing_episodes(fwindow.cases.selected_case())[0]
    assert episode.found_where == "Returned to the care home"
    assert episode.police_reference == "P-2026-4411" and episode.last_seen_where.startswith("Bus")


def test_my_work_is_the_first_page_after_unlocking_when_something_is_due(qtbot, fwindow, clock):
    from idcheck.store import TaskDraft

    unlock(qtbot, fwindow)
    store = store_behind(fwindow.session)
    case_id = store.list_cases()[0].id
    store.add_task(
        case_id, TaskDraft("Call the guardian service", assignee="anna", due_at=clock.t - HOUR)
    )
    store.add_task(case_id, TaskDraft("Book an interpreter", assignee="anna", due_at=None))
    click(qtbot, fwindow.cases.lock_button)
    unlock(qtbot, fwindow)
    page = fwindow.my_work
    assert fwindow.stack.currentWidget() is page
    assert texts(page.model, page.model.WHAT) == ["Call the guardian service"]
    assert texts(page.model, page.model.COUNTDOWN) == ["OVERDUE by 1 h 0 min"]
    assert page.summary.text() == "OVERDUE: 1. Due later today: 0."
    qtbot.waitUntil(lambda: focus() is page.table)
    # Enter opens the case at its tasks, the task chosen.
    seen = {}

    def at_tasks(dialog):
        tab = dialog.pages["tasks"]
        seen["tab"] = dialog.tabs.currentWidget() is tab
        seen["task"] = tab.model.rows[tab.table.currentIndex().row()].what

    in_dialog(qtbot, CaseDialog, at_tasks)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert seen == {"tab": True, "task": "Call the guardian service"}
    # Done from My work: nothing left, and on to the case list.
    in_dialog(qtbot, FinishDialog, lambda d: click(qtbot, d.save_button))
    click(qtbot, page.done_button)
    assert page.model.rowCount() == 0
    assert page.summary.text() == "Nothing is overdue or due today."
    click(qtbot, page.cases_button)
    assert fwindow.stack.currentWidget() is fwindow.cases
    click(qtbot, fwindow.cases.my_work_button)  # and back, from the case list
    assert fwindow.stack.currentWidget() is page


def test_the_timeline_reads_in_time_order_by_keyboard_and_opens_its_entries(qtbot, fwindow, clock):
    from idcheck.store import ReferralDraft, TaskDraft

    unlock(qtbot, fwindow)
    store = store_behind(fwindow.session)
    case_id = store.list_cases()[0].id
    earlier = clock.t - 600
    draft = TaskDraft("Arrange a safe placement", due_at=clock.t)
    task_id = store.add_task(case_id, draft, now=earlier)
    store.add_referral(case_id, ReferralDraft("Child welfare duty", "phone", earlier), now=earlier)
    seen = {}

    def timeline(dialog):
        qtbot.keyClick(dialog, Qt.Key.Key_2, CTRL)
        tab = dialog.pages["timeline"]
        assert focus() is tab.list
        tab.note.setFocus()
        qtbot.keyClicks(tab.note, "Spoke with the school nurse")
        click(qtbot, tab.note_button)
        model = tab.model
        seen["times"] = [e.at for e in model.entries]
        seen["kinds"] = [e.kind for e in model.entries]
        seen["spoken"] = model.index(model.rowCount() - 1, 0).data(SPOKEN)
        # Up from the newest entry to the task, Enter: the task in its tab.
        tab.list.setFocus()
        qtbot.keyClick(tab.list, Qt.Key.Key_End)
        while tab.list.currentIndex().data(Qt.ItemDataRole.UserRole) != ("task", task_id):
            qtbot.keyClick(tab.list, Qt.Key.Key_Up)
        qtbot.keyClick(tab.list, Qt.Key.Key_Return)
        tasks = dialog.pages["tasks"]
        seen["opened"] = dialog.tabs.currentWidget() is tasks
        seen["task"] = tasks.model.rows[tasks.table.currentIndex().row()].id

    open_case(qtbot, fwindow, timeline)
    assert seen["times"] == sorted(seen["times"])
    assert {"case", "task", "referral", "note"} <= set(seen["kinds"])
    assert seen["kinds"][-1] == "note"
    n = len(seen["kinds"])
    assert seen["spoken"].startswith(f"{n} of {n}: ")
    assert "Note — Spoke with the school nurse — by anna" in seen["spoken"]
    assert seen["opened"] and seen["task"] == task_id


def test_a_declined_referral_needs_its_reason(qtbot, fwindow, clock):
    from idcheck.store import ReferralDraft

    unlock(qtbot, fwindow)
    store = store_behind(fwindow.session)
    case_id = store.list_cases()[0].id
    store.add_referral(case_id, ReferralDraft("Guardian service", "encrypted_file", clock.t))
    seen = {}

    def referrals(dialog):
        qtbot.keyClick(dialog, Qt.Key.Key_4, CTRL)
        tab = dialog.pages["referrals"]

        def decline(form):
            form.state.setCurrentIndex(form.state.findData("declined"))
            seen["without"] = form.save_button.isEnabled()
            seen["hint"] = form.hint.text()
            qtbot.keyClicks(form.reason, "No capacity this month")
            seen["with"] = form.save_button.isEnabled()
            click(qtbot, form.save_button)

        in_dialog(qtbot, ReferralStateDialog, decline)
        click(qtbot, tab.state_button)
        seen["state"] = tab.model.index(0, 3).data(DISPLAY)

    open_case(qtbot, fwindow, referrals)
    assert seen["without"] is False and "reason" in seen["hint"]
    assert seen["with"] is True
    assert seen["state"] == "declined: No capacity this month"
    history = store.referrals(case_id)[0].history
    assert [h.state for h in history] == ["sent", "declined"]


def test_the_plan_is_saved_as_versions_and_a_bad_review_date_loses_nothing(
    qtbot, fwindow, clock, messages, tmp_path
):
    from tests.report.test_plan_pdf import line_with, lines, words

    unlock(qtbot, fwindow)
    store = store_behind(fwindow.session)
    case_id = store.list_cases()[0].id
    seen = {}

    def plan(dialog):
        qtbot.keyClick(dialog, Qt.Key.Key_5, CTRL)
        tab = dialog.pages["plan"]
        table = tab.table
        table.setFocus()
        typed = ("A safe place to live", "Placement tonight", "Emergency foster care")
        for column, text in enumerate((*typed, "Child welfare", "2026-13-40")):
            type_cell(qtbot, table, 0, column, text)
        click(qtbot, tab.save_button)
        seen["error"] = list(messages.shown)
        seen["kept"] = table.item(0, 0).text()
        type_cell(qtbot, table, 0, 4, "2026-12-19")
        qtbot.keyClicks(tab.summary, "First plan")
        click(qtbot, tab.save_button)
        seen["first"] = tab.version.text()
        type_cell(qtbot, tab.table, 0, 2, "Supported lodging")
        click(qtbot, tab.save_button)
        seen["version"] = tab.version.text()
        # The newest version as its own PDF, where the worker chooses.
        messages.shown.clear()
        messages.paths.append(tmp_path / "plan.pdf")
        click(qtbot, tab.print_button)
        seen["saved"] = list(messages.shown)

    open_case(qtbot, fwindow, plan)
    assert seen["error"] == [
        ("error", "The review date in row 1 is not a date (YYYY-MM-DD): 2026-13-40")
    ]
    assert seen["kept"] == "A safe place to live"
    versions = store.plan_versions(case_id)
    assert [p.version for p in versions] == [1, 2]
    assert versions[0].entries[0].measures == "Emergency foster care"
    assert versions[1].entries[0].measures == "Supported lodging"
    assert versions[0].summary == "First plan"
    # The first version says no earlier one (it read "earlier versions are kept: 0.").
    assert seen["first"].startswith("Version 1, saved by anna at ")
    assert seen["first"].endswith(".") and "earlier" not in seen["first"]
    assert seen["version"].startswith("Version 2, saved by anna")
    assert seen["version"].endswith("; the earlier version is kept.")
    assert seen["saved"] == [("info", "The plan is saved: plan.pdf")]
    page = words((tmp_path / "plan.pdf").read_bytes(), tmp_path)[0]
    _, need = line_with(page, "A safe place to live")
    _, measures = line_with(page, "Supported lodging")  # the newest version's measure
    assert not any("Emergency" in w for line in lines(page) for _, w in line)
    assert need and measures
    exported = [r for r in store.audit_trail() if r.action == "plan-exported"]
    assert len(exported) == 1 and exported[0].case_id == case_id


def test_a_task_by_hand_is_taken_and_another_not_needed_only_with_its_reason(qtbot, fwindow, clock):
    from idcheck.gui.followup_dialogs import FirstContactDialog, ReopenDialog, TaskDialog

    unlock(qtbot, fwindow)
    store = store_behind(fwindow.session)
    case_id = store.list_cases()[0].id
    seen = {}

    def tasks(dialog):
        qtbot.keyClick(dialog, Qt.Key.Key_3, CTRL)
        tab = dialog.pages["tasks"]

        def add(form):
            seen["empty"] = form.save_button.isEnabled()
            qtbot.keyClicks(form.what, "Ask the school for a place")
            qtbot.keyClicks(form.role, "social worker")
            click(qtbot, form.save_button)

        in_dialog(qtbot, TaskDialog, add)
        click(qtbot, tab.add_button)
        model = tab.model
        seen["row"] = [model.index(0, c).data(DISPLAY) for c in range(model.columnCount())]
        tab.table.setFocus()
        qtbot.keyClick(tab.table, Qt.Key.Key_Home)
        click(qtbot, tab.take_button)
        seen["taken"] = model.index(0, 4).data(DISPLAY)
        seen["take_again"] = tab.take_button.isEnabled()

        def not_needed(form):
            seen["no_reason"] = (form.save_button.isEnabled(), form.hint.text())
            qtbot.keyClicks(form.note, "The child starts at the reception school")
            click(qtbot, form.save_button)

        in_dialog(qtbot, FinishDialog, not_needed)
        click(qtbot, tab.not_needed_button)
        seen["after"] = [model.index(0, c).data(DISPLAY) for c in (0, 1)]
        seen["buttons"] = (tab.done_button.isEnabled(), tab.not_needed_button.isEnabled())

        def reopen(form):
            seen["reopen_empty"] = form.save_button.isEnabled()
            qtbot.keyClicks(form.reason, "The reception school has no place after all")
            click(qtbot, form.save_button)

        in_dialog(qtbot, ReopenDialog, reopen)
        click(qtbot, tab.reopen_button)
        seen["reopened"] = [model.index(0, c).data(DISPLAY) for c in (0, 1)]
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        in_dialog(qtbot, FinishDialog, not_needed)
        click(qtbot, tab.not_needed_button)

        def first_contact(form):
            seen["fc_empty"] = form.save_button.isEnabled()
            form.when.setFocus()
            qtbot.keyClick(form.when, Qt.Key.Key_Home)  # the year …
            qtbot.keyClick(form.when, Qt.Key.Key_Down)  # … one earlier
            qtbot.keyClicks(form.reason, "The police met her the night before")
            click(qtbot, form.save_button)

        in_dialog(qtbot, FirstContactDialog, first_contact)
        click(qtbot, tab.first_contact_button)
        dialog.activateWindow()  # as the window manager does once the form has gone
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.keyClick(dialog, Qt.Key.Key_2, CTRL)
        assert dialog.tabs.currentWidget() is dialog.pages["timeline"]
        timeline = dialog.pages["timeline"].model
        seen["titles"] = [timeline.index(r, 0).data(DISPLAY) for r in range(timeline.rowCount())]

    before = store.get_case(case_id, audit=False).first_contact_at
    open_case(qtbot, fwindow, tasks)
    assert seen["empty"] is False  # nothing to do: nothing to save
    assert seen["row"][:2] == ["due in 1 d 0 h", "open"]
    assert seen["row"][3:] == ["Ask the school for a place", "social worker", ""]  # no note
    assert seen["taken"] == "social worker · taken by anna" and seen["take_again"] is False
    assert seen["no_reason"] == (False, "Say why the task is not needed.")
    assert seen["after"] == ["not needed: The child starts at the reception school", "not needed"]
    assert seen["buttons"] == (False, False)
    assert seen["reopen_empty"] is False
    assert seen["reopened"] == ["due in 1 d 0 h", "open"]
    assert seen["fc_empty"] is False
    after = store.get_case(case_id, audit=False).first_contact_at
    assert before - after > 360 * 24 * HOUR  # a year earlier
    changed = [t for t in seen["titles"] if "First contact changed" in t]
    assert changed and "The police met her the night before" in changed[0]
    task = store.tasks(case_id)[0]
    assert (task.status, task.reason, task.assignee) == (
        "not_needed",
        "The child starts at the reception school",
        "anna",
    )


def test_a_closed_case_dialog_reads_the_store_no_more(qtbot, fwindow, clock, monkeypatch):
    from idcheck.store import Store, TaskDraft

    unlock(qtbot, fwindow)
    store = store_behind(fwindow.session)
    case_id = store.list_cases()[0].id
    store.add_task(case_id, TaskDraft("Call the guardian service", assignee="anna", due_at=clock.t))
    reads: list[int] = []
    real = Store.timeline

    def spy(self, cid):
        reads.append(cid)
        return real(self, cid)

    monkeypatch.setattr(Store, "timeline", spy)
    open_case(qtbot, fwindow, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    assert reads == [case_id]  # read once, when it opened
    click(qtbot, fwindow.cases.my_work_button)
    in_dialog(qtbot, FinishDialog, lambda d: click(qtbot, d.save_button))
    click(qtbot, fwindow.my_work.done_button)
    assert store.tasks(case_id)[0].status == "done"
    assert reads == [case_id]  # the change did not reach the closed dialog


def test_mark_done_opens_with_the_cursor_in_its_note(qtbot, fwindow, clock):
    """Mark done… from My work: what the worker types goes into the note, and
    Enter saves it (the dialog opened with Save focused, so the note was lost)."""
    from idcheck.store import TaskDraft

    unlock(qtbot, fwindow)
    store = store_behind(fwindow.session)
    case_id = store.list_cases()[0].id
    task = store.add_task(
        case_id, TaskDraft("Call the guardian service", assignee="anna", due_at=clock.t + HOUR)
    )
    click(qtbot, fwindow.cases.lock_button)
    unlock(qtbot, fwindow)
    page = fwindow.my_work
    assert fwindow.stack.currentWidget() is page
    assert page.summary.text() == "Due today: 1. Overdue: none."  # not "1 tasks"
    seen = {}

    def type_note(dialog):
        seen["focus"] = type(focus()).__name__
        qtbot.keyClicks(focus(), "Guardian service called")
        qtbot.keyClick(focus(), Qt.Key.Key_Return)

    in_dialog(qtbot, FinishDialog, type_note)
    click(qtbot, page.done_button)
    done = store_behind(fwindow.session).task(task)
    assert (done.status, done.note) == ("done", "Guardian service called"), seen
