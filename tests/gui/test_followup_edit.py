"""What a case worker meets after saving follow-up records, through the
window's own keys and buttons with the clock injected (nothing sleeps): My work
keeps itself current past a due time and past midnight; tasks and referrals are
edited after saving; follow-up dates become tasks; the timeline's details in
Norwegian."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from tests.gui.test_followup_window import (
    HOUR,
    in_dialog,
    open_case,
    texts,
    type_cell,
    unlock,
)
from tests.gui.walking import CTRL, click

from idcheck.gui.session import store_behind

DAY = 24 * HOUR
DISPLAY = Qt.ItemDataRole.DisplayRole


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


# English words the timeline's details said before they were worded by the
# window (codes, times' words, the store's own phrases), as whole words.
ENGLISH = {
    "version",
    "was",
    "due",
    "reason",
    "follow",
    "up",
    "on",
    "none",
    "set",
    "to",
    "by",
    "phone",
    "by_hand",
    "intake-screen",
    "immediate-protection",
    "task",
    "referral",
    "changed",
    "note",
    "found",
    "screening",
    "started",
    "completed",
    "declined",
    "sent",
    "the",
    "is",
    "now",
}


@pytest.fixture
def norwegian(qapp):
    from idcheck.gui import i18n
    from idcheck.gui.i18n import UiPrefs

    assert i18n.apply(qapp, UiPrefs("nb", 100)) == "nb"
    yield
    i18n.apply(qapp, UiPrefs("en", 100))


def test_a_norwegian_window_words_every_kind_of_timeline_entry_in_norwegian(
    qtbot, fwindow, clock, norwegian
):
    import hashlib

    from idcheck.checklist import find, load_checklist_bytes
    from idcheck.gui.followup_ops import follow_up
    from idcheck.store import (
        Decision,
        MissingDraft,
        PlanEntry,
        ReferralDraft,
        SiteProfile,
        TaskDraft,
    )

    unlock(qtbot, fwindow)
    store = store_behind(fwindow.session)
    # Everything typed is Norwegian: what is left in English is the window's.
    store.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction="NO", print_language="nb"))
    cid = store.list_cases()[0].id
    t0 = clock.t - 10 * HOUR
    text = find("intake-screen").path.read_bytes()
    checklist = load_checklist_bytes(text)
    sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
    store.record_decision(
        sid, Decision("immediate-protection", (), "immediate-protection", "bekymret")
    )
    store.complete_screening(sid, now=t0)
    store.set_first_contact(cid, t0 - HOUR, "skolen ringte klokka sju", now=t0)
    task = store.add_task(cid, TaskDraft("Ring skolen", due_at=t0 + HOUR), now=t0)
    store.edit_task(task, what="Ring rektor", now=t0 + 60)
    store.edit_task(task, note="spør etter rektor", now=t0 + 90)
    store.edit_task(task, due_at=t0 + 2 * HOUR, reason="skolen er stengt", now=t0 + 120)
    store.finish_task(task, "done", now=t0 + 3 * HOUR)
    other = store.add_task(cid, TaskDraft("Finn tante"), now=t0)
    store.finish_task(other, "not_needed", note="tanten er funnet", now=t0 + HOUR)
    rid = store.add_referral(
        cid, ReferralDraft("Barnevernvakten", "phone", t0, follow_up_on=t0 + DAY), now=t0
    )
    store.edit_referral(rid, follow_up_on=t0 + 2 * DAY, reason="de ba om en uke", now=t0 + 60)
    store.set_referral_state(rid, "declined", reason="ikke vårt distrikt", at=t0 + HOUR)
    store.save_plan(
        cid, [PlanEntry("trygghet", "", "", "", None)], next_review_on=None, summary="første"
    )
    episode = store.add_missing(cid, MissingDraft(t0 + HOUR, "Oslo S"), now=t0 + HOUR)
    store.update_missing(
        episode, MissingDraft(t0 + HOUR, "Oslo S", found_at=t0 + 2 * HOUR, found_where="Bergen")
    )
    store.add_note(cid, "Snakket med skolen", now=t0 + 4 * HOUR)
    entries = fwindow.session.run(follow_up(cid)).timeline
    kinds = {e.kind for e in entries}
    assert kinds == {
        "case",
        "first-contact",
        "screening",
        "task",
        "task-done",
        "task-changed",
        "referral",
        "referral-state",
        "referral-changed",
        "plan",
        "missing",
        "found",
        "note",
    }
    seen = {}

    def timeline(dialog):
        qtbot.keyClick(dialog, Qt.Key.Key_2, CTRL)
        tab = dialog.pages["timeline"]
        model = tab.model
        seen["rows"] = [model.index(r, 0).data(DISPLAY) for r in range(model.rowCount())]

    open_case(qtbot, fwindow, timeline)
    rows = seen["rows"]
    assert len(rows) == len(entries)
    for row in rows:
        words = {w.strip(".,:;()—").lower() for w in row.split()}
        assert not words & ENGLISH, row
    text = "\n".join(rows)
    # Codes, times and changes said in Norwegian.
    assert f"Første samtale: mulig menneskehandel med barn, versjon {checklist.version}" in text
    assert "Barnevernvakten (på telefon)" in text
    assert "Ring rektor (var: Ring skolen)" in text
    assert "Begrunnelse: skolen er stengt" in text
    assert "Følg opp henvisningen til Barnevernvakten" in text


def _tab(qtbot, dialog, key):
    """Ctrl+``key`` in the case dialog, once it is active again (a form it
    opened has closed: the window manager gives it back the focus)."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, key, CTRL)


def _to_row(qtbot, tab, record_id):
    """Down the tab's table by keyboard to the record's row."""
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Home)
    for _ in range(tab.model.rowCount()):
        if tab.selected(tab.table) == record_id:
            return
        qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    assert tab.selected(tab.table) == record_id


@pytest.mark.parametrize(
    ("pasted", "said"),
    [
        ("Ring the\nschool", "must be one line; it holds a line break"),
        ("Ring the \u202eschool", "control character"),
    ],
)
def test_a_task_is_changed_after_saving_and_a_new_due_time_needs_its_reason(
    qtbot, fwindow, clock, messages, pasted, said
):
    from idcheck.gui.followup_edit_dialogs import TaskEditDialog
    from idcheck.store import TaskDraft

    unlock(qtbot, fwindow)
    store = store_behind(fwindow.session)
    cid = store.list_cases()[0].id
    due = clock.t + 2 * HOUR
    tid = store.add_task(cid, TaskDraft("Ring the scool", due_at=due, note="ask"), now=clock.t)
    seen = {}

    def fix(form):
        # The refused form comes back as typed, the refusal said once.
        seen["kept"] = form.what.text()
        seen["message"] = list(messages.shown)
        seen["unchanged"] = store.task(tid).what
        form.what.selectAll()
        qtbot.keyClicks(form.what, "Ring the school")
        form.due.edit.setFocus()
        qtbot.keyClick(form.due.edit, Qt.Key.Key_Up)  # a year later, by key
        seen["without"] = (form.save_button.isEnabled(), form.hint.text())
        qtbot.keyClicks(form.reason, "the school is shut for the holidays")
        seen["with"] = form.save_button.isEnabled()
        click(qtbot, form.save_button)

    def bad(form):
        # A line break or a direction-override character pasted into the text
        # (Ctrl+V): refused.
        QApplication.clipboard().setText(pasted)
        form.what.setFocus()
        form.what.selectAll()
        qtbot.keyClick(form.what, Qt.Key.Key_V, CTRL)
        click(qtbot, form.save_button)
        in_dialog(qtbot, TaskEditDialog, fix)

    def tasks(dialog):
        qtbot.keyClick(dialog, Qt.Key.Key_3, CTRL)
        tab = dialog.pages["tasks"]
        _to_row(qtbot, tab, tid)
        in_dialog(qtbot, TaskEditDialog, bad)
        click(qtbot, tab.edit_button)
        seen["row"] = tab.model.record(tid).what
        _tab(qtbot, dialog, Qt.Key.Key_2)
        timeline = dialog.pages["timeline"].model
        seen["timeline"] = [timeline.index(r, 0).data(DISPLAY) for r in range(timeline.rowCount())]

    open_case(qtbot, fwindow, tasks)
    assert seen["kept"] == pasted
    assert seen["unchanged"] == "Ring the scool"
    assert len(seen["message"]) == 1 and seen["message"][0][0] == "error"
    assert said in seen["message"][0][1]
    assert seen["without"] == (False, "Say why the due time changes.")
    assert seen["with"] is True
    task = store.task(tid)
    assert task.what == "Ring the school" and task.note == "ask"
    assert dt.datetime.fromtimestamp(task.due_at).year == dt.datetime.fromtimestamp(due).year + 1
    assert seen["row"] == "Ring the school"
    changed = [r for r in seen["timeline"] if "Due time changed" in r]
    assert len(changed) == 1
    assert "Reason: the school is shut for the holidays" in changed[0]
    assert any(
        "Task changed — Ring the school (was: Ring the scool)" in r for r in seen["timeline"]
    )


def test_a_referrals_follow_up_date_moves_in_the_window_and_its_task_with_it(
    qtbot, fwindow, clock, messages
):
    from idcheck.gui.followup_dialogs import ReferralRecordDialog
    from idcheck.gui.followup_edit_dialogs import FollowUpDateDialog

    unlock(qtbot, fwindow)
    store = store_behind(fwindow.session)
    cid = store.list_cases()[0].id
    seen = {}

    def add(form):
        qtbot.keyClicks(form.recipient, "Barnevernvakten")
        seen["default"] = form.follow_up.known.isChecked()  # in 3 days, as offered
        click(qtbot, form.save_button)

    def move(form):
        form.follow_up.edit.setFocus()
        qtbot.keyClick(form.follow_up.edit, Qt.Key.Key_Up)  # a year later
        seen["without"] = form.save_button.isEnabled()
        qtbot.keyClicks(form.reason, "they asked us to wait")
        click(qtbot, form.save_button)

    def referrals(dialog):
        qtbot.keyClick(dialog, Qt.Key.Key_4, CTRL)
        tab = dialog.pages["referrals"]
        in_dialog(qtbot, ReferralRecordDialog, add)
        click(qtbot, tab.add_button)
        _tab(qtbot, dialog, Qt.Key.Key_3)
        tasks = dialog.pages["tasks"]
        seen["task"] = [t.what for t in tasks.model.rows if t.clock == "referral-follow-up"]
        _tab(qtbot, dialog, Qt.Key.Key_4)
        tab.table.setFocus()
        in_dialog(qtbot, FollowUpDateDialog, move)
        click(qtbot, tab.follow_up_button)
        seen["follow"] = tab.model.index(0, 4).data(DISPLAY)

    open_case(qtbot, fwindow, referrals)
    (referral,) = store.referrals(cid)
    assert seen["task"] == ["Follow up the referral to Barnevernvakten"]
    assert seen["default"] is True and seen["without"] is False
    (task,) = [t for t in store.tasks(cid) if t.clock == "referral-follow-up"]
    assert task.due_at == referral.follow_up_on
    assert dt.datetime.fromtimestamp(referral.follow_up_on).year == (
        dt.datetime.fromtimestamp(clock.t + 3 * DAY).year + 1
    )
    assert seen["follow"] == dt.datetime.fromtimestamp(referral.follow_up_on).strftime("%Y-%m-%d")
    assert messages.shown == []


def test_a_plans_review_date_saved_in_the_window_is_a_task_the_next_version_closes(
    qtbot, fwindow, clock
):
    unlock(qtbot, fwindow)
    store = store_behind(fwindow.session)
    cid = store.list_cases()[0].id
    seen = {}

    def plan(dialog):
        qtbot.keyClick(dialog, Qt.Key.Key_5, CTRL)
        tab = dialog.pages["plan"]
        type_cell(qtbot, tab.table, 0, 0, "A safe place to live")
        tab.has_review.setFocus()
        if not tab.has_review.isChecked():
            qtbot.keyClick(tab.has_review, Qt.Key.Key_Space)
        click(qtbot, tab.save_button)
        _tab(qtbot, dialog, Qt.Key.Key_3)
        tasks = dialog.pages["tasks"]
        seen["first"] = [(t.what, t.status) for t in tasks.model.rows if t.clock == "plan-review"]
        _tab(qtbot, dialog, Qt.Key.Key_5)
        type_cell(qtbot, tab.table, 0, 1, "Placement tonight")
        click(qtbot, tab.save_button)
        _tab(qtbot, dialog, Qt.Key.Key_3)
        seen["second"] = sorted(
            (t.what, t.status, t.reason) for t in tasks.model.rows if t.clock == "plan-review"
        )

    open_case(qtbot, fwindow, plan)
    review = store.plan(cid).next_review_on
    assert review is not None
    assert seen["first"] == [("Review the individual plan (version 1)", "open")]
    assert seen["second"] == [
        ("Review the individual plan (version 1)", "not_needed", "plan version 2 supersedes it"),
        ("Review the individual plan (version 2)", "open", ""),
    ]
    (task,) = [t for t in store.tasks(cid) if t.clock == "plan-review" and t.status == "open"]
    assert task.due_at == review
