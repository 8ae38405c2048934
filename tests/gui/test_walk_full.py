"""The whole full child-trafficking screening walked by keyboard only, one item at
a time and one section at a time; then review, decide and complete by keyboard,
after which the screening cannot be edited."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from tests.gui.walking import go_to, open_last, screen

from idcheck.checklist import Question, assess
from idcheck.gui.session import store_behind
from idcheck.store import ReadOnlyRecord

PASSWORD = "correct horse battery"
FULL = "child-trafficking-full@1.1.0"
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier

#: What the worker types for free answers, by item.
TYPED = {
    "claimed-age": "15",
    "stated-birth-date": "2011-03-04",
    "nationality": "Eritrean",
    "languages-spoken": "Tigrinya, some Arabic",
    "adult-stated-relation": "cousin",
    "arrival-date": "2026-11-02",
    "hours-per-day": "11",
}
#: Options chosen by digit; 4 = an unrelated adult, which shows the adult questions.
DIGITS = {"accompanied-by": "4", "documents-carried": "12", "daily-activities": "12"}
YES = {"travelled-without-parents", "journey-arranged-by-others", "debt-for-journey", "long-hours"}
#: Items that only show when an earlier answer asks for them.
SHOWN_BY_ANSWERS = {
    "adult-stated-relation",
    "adult-speaks-for-child",
    "adult-will-not-leave",
    "relation-unclear",
    "hours-per-day",
}


@pytest.fixture
def window(walk_window):
    return walk_window


def focus():
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def answer_by_keyboard(qtbot, view, next_item_key):
    """Answer the item that has the focus, as a worker would at the keyboard."""
    item_id = view.walk.current
    item = view.walk.checklist.item(item_id)
    target = focus()
    assert view.isAncestorOf(target), f"{item_id}: the focus left the walk ({target!r})"
    if isinstance(item, Question) and item.type in ("text", "number", "date"):
        assert isinstance(target, QLineEdit) and target is view.panel.free, item_id
        qtbot.keyClicks(target, TYPED[item_id])
        qtbot.keyClick(target, Qt.Key.Key_Return)
    elif isinstance(item, Question) and item.type == "multi-choice":
        qtbot.keyClicks(target, DIGITS[item_id])  # each digit toggles an option
        assert view.walk.current == item_id  # multiple choice does not move on by itself
        qtbot.keyClick(focus(), next_item_key, ALT)
    elif isinstance(item, Question) and item.type == "choice":
        qtbot.keyClicks(target, DIGITS.get(item_id, "1"))
    else:
        qtbot.keyClicks(target, "y" if item_id in YES else "n")
    assert view.form.saved.text().startswith("Saved"), (item_id, view.form.saved.text())
    return item_id


def walk(qtbot, view, next_item_key):
    visited = []
    for _ in range(200):
        if not assess(view.walk.checklist, view.walk.answers).unanswered:
            break
        item_id = view.walk.current
        assert item_id not in visited, f"came back to {item_id}"
        visited.append(answer_by_keyboard(qtbot, view, next_item_key))
    return visited


def review_by_keyboard(qtbot, view, reasons):
    """Ctrl+R, choose another outcome than suggested, try to complete without
    reasons, give them, complete: every step a key press."""
    seen = {}

    def act():
        dialog = view.handoff.review_dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, act)
            return
        if QApplication.activeWindow() is not dialog:
            dialog.activateWindow()
            QTimer.singleShot(20, act)
            return
        try:
            decide(dialog)
        except BaseException:
            dialog.done(0)  # never leave a modal open: the test fails, it does not hang
            raise

    def decide(dialog):
        seen["suggested"] = dialog.result_assessment.outcome.id
        combo = focus()
        assert combo is dialog.outcome
        step = Qt.Key.Key_Up if combo.currentIndex() > 0 else Qt.Key.Key_Down
        qtbot.keyClick(combo, step)
        seen["decided"] = combo.currentData()
        qtbot.keyClick(combo, Qt.Key.Key_Return, CTRL)
        seen["note"] = dialog.note.text()
        assert dialog.isVisible() and focus() is dialog.reasons
        qtbot.keyClicks(dialog.reasons, reasons)
        qtbot.keyClick(dialog.reasons, Qt.Key.Key_Return, CTRL)

    QTimer.singleShot(20, act)
    qtbot.keyClick(focus(), Qt.Key.Key_R, CTRL)
    return seen


def check_stored_walk(store, view, visited):
    checklist = view.walk.checklist
    rec = store.get_screening(view.screening_id, audit=False)
    answers = rec.plain_answers()
    a = assess(checklist, answers)
    assert a.unanswered == ()
    assert set(visited) == set(a.visible) == set(rec.answers)
    assert set(visited) >= SHOWN_BY_ANSWERS
    assert visited == [i for i in checklist.item_ids() if i in a.visible]  # in walk order
    assert answers["claimed-age"].value == 15
    assert answers["stated-birth-date"].value == "2011-03-04"
    assert answers["accompanied-by"].value == "unrelated-adult"
    assert answers["adult-stated-relation"].value == "cousin"
    assert answers["documents-carried"].value == ["national-id", "passport"]
    assert answers["daily-activities"].value == ["housework", "other-work"]
    assert answers["hours-per-day"].value == 11
    assert answers["debt-for-journey"].value == "yes"
    assert answers["danger-harm-now"].value == "no"
    return a


def test_walk_the_whole_full_screening_one_item_at_a_time_by_keyboard(qtbot, window):
    view = screen(qtbot, window, FULL)
    assert view.mode == "item"
    visited = walk(qtbot, view, Qt.Key.Key_Right)
    store = store_behind(window.session)
    suggestion = check_stored_walk(store, view, visited)
    sid = view.screening_id

    seen = review_by_keyboard(qtbot, view, "Seen with the adult at the station twice.")
    assert seen["suggested"] == suggestion.outcome.id
    assert "Give your reasons" in seen["note"]  # differs, so reasons were required
    rec = store.get_screening(sid, audit=False)
    assert rec.completed
    assert rec.decision.suggested_outcome == suggestion.outcome.id
    assert rec.decision.decision_outcome == seen["decided"] != suggestion.outcome.id
    assert rec.decision.reasons == "Seen with the adult at the station twice."
    assert window.screening_view is None  # back to the case list

    # A completed screening cannot be edited: not by keys, not through the view.
    ro = open_last(qtbot, window)
    assert ro.walk.read_only and ro.screening_id == sid
    go_to(qtbot, ro, "debt-for-journey")
    qtbot.keyClicks(ro.panel, "nud")  # the keys that answer a draft
    assert not ro.save(rec.answers["debt-for-journey"].answer)
    assert not any(b.isEnabled() for b in ro.panel.option_buttons.values())
    fields = ro.panel.context()
    assert not fields.source.isEnabled() and not fields.child_words.isEnabled()
    assert not ro.form.language.isEnabled()
    with pytest.raises(ReadOnlyRecord):
        from idcheck.checklist import Answer

        store.record_answer(sid, "debt-for-journey", Answer(value="no"))
    after = store.get_screening(sid, audit=False)
    assert after.history == rec.history and after.decision == rec.decision


def test_walk_the_whole_full_screening_one_section_at_a_time_by_keyboard(qtbot, window):
    view = screen(qtbot, window, FULL)
    qtbot.keyClick(focus(), Qt.Key.Key_M, CTRL)  # one section at a time
    assert view.mode == "section"
    sections = []
    visited = []
    for _ in range(200):
        if not assess(view.walk.checklist, view.walk.answers).unanswered:
            break
        section = view.walk.checklist.section_of(view.walk.current).id
        if not sections or sections[-1] != section:
            sections.append(section)
            # Every visible item of the section is on screen with its answer controls.
            shown = [i for i, p in view.area.panels.items() if p.isVisibleTo(view)]
            visible = set(view.walk.visible_ids())
            expected = [
                it.id
                for it in view.walk.checklist.sections[len(sections) - 1].items
                if it.id in visible
            ]
            assert shown == expected, section
            assert all(
                view.area.panels[i].option_buttons or view.area.panels[i].kind == "free"
                for i in shown
            )
        visited.append(answer_by_keyboard(qtbot, view, Qt.Key.Key_Down))
    assert sections == [s.id for s in view.walk.checklist.sections]
    check_stored_walk(store_behind(window.session), view, visited)
