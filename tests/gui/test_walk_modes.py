"""The walk-through's choices and aids: one item or one section at a time
(remembered per computer), show-if applied live in both, answers and their context
saved at once in section mode, adult and child words in the child's language,
the overview and next-unanswered by keyboard, accessible names and tab order, the
danger stop in section mode, and amending a completed screening."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from idcheck.checklist import Answer, load_bundled
from idcheck.gui.screening import DangerDialog, WalkPreferences
from idcheck.gui.session import store_behind
from idcheck.store import Decision, ReadOnlyRecord

PASSWORD = "correct horse battery"
INTAKE = "intake-screen@1.0.0"
FULL = "child-trafficking-full@1.0.0"
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ADULT_ITEMS = ["adult-stated-relation", "adult-speaks-for-child", "adult-will-not-leave",
               "relation-unclear"]  # fmt: skip


@pytest.fixture
def window(walk_window):
    return walk_window


def start(window, ref=FULL):
    window.cases.screen_selected(checklist_ref=ref)
    view = window.screening_view
    assert view is not None
    return view


def focus():
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot, text):
    for key in text:  # each key to whatever has the focus by then
        qtbot.keyClicks(focus(), key)


def shown(view):
    return [i for i, p in view.panels.items() if p.isVisibleTo(view)]


# ------------------------------------------------------------- one section at a time


def test_section_mode_is_chosen_by_keyboard_and_remembered_for_the_next_screening(qtbot, window):
    view = start(window)
    assert view.mode == "item" and len(view.panels) == 1
    qtbot.keyClick(focus(), Qt.Key.Key_M, CTRL)
    assert view.mode == "section" and view.section_mode_button.isChecked()
    assert shown(view) == ["danger-harm-now", "danger-missing-soon", "danger-medical"]
    prefs = WalkPreferences()
    assert prefs.mode() == "section"
    # Only the choice is kept, in plain text: nothing about the child or the case.
    kept = prefs.path.read_text()
    assert "section" in kept
    for secret in ("Amira", "2026-080", "danger"):
        assert secret not in kept
    window._back_to_cases()
    window.cases.table.selectRow(0)
    window.cases.screen_selected()  # the draft again: section mode
    assert window.screening_view.mode == "section"
    # A new screening too; Alt+I goes back to one item at a time.
    view = window.screening_view
    qtbot.keyClick(focus(), Qt.Key.Key_I, ALT)  # a mnemonic clicks the button
    qtbot.waitUntil(lambda: view.mode == "item")
    assert WalkPreferences().mode() == "item"
    assert list(view.panels) == [view.current]


def test_an_unreadable_preference_falls_back_to_one_item(tmp_path):
    path = tmp_path / "walkthrough.ini"
    path.write_text("[walk]\nmode=sideways\n")
    assert WalkPreferences(path).mode() == "item"
    with pytest.raises(ValueError, match="unknown walk mode"):
        WalkPreferences(path).set_mode("sideways")
    assert "sideways" in path.read_text()  # refused, nothing written


def test_section_mode_saves_each_answer_at_once_with_its_own_context(qtbot, window):
    view = start(window)
    view.set_mode("section")
    view.show_item("deceived-about-work")
    assert view.shown_section == "recruitment"
    store = store_behind(window.session)
    view.language.setText("nb")
    view.interpreter_present.setChecked(True)
    view.interpreter.setText("Phone 4411")
    panel = view.panels["deceived-about-work"]
    assert focus() is panel
    press(qtbot, "c")  # this item's context
    assert panel.context_box.isVisibleTo(view) and focus() is panel.source
    panel.source.setCurrentIndex(panel.source.findData("child-said"))
    panel.child_words.setPlainText("De sa jeg skulle jobbe i en butikk")
    panel.note.setPlainText("Looked away")
    panel.setFocus()
    press(qtbot, "y")
    rec = store.get_screening(view.screening_id, audit=False)
    ctx = rec.answers["deceived-about-work"].context
    assert rec.answers["deceived-about-work"].answer.value == "yes"
    assert (ctx.source, ctx.child_words, ctx.worker_note) == (
        "child-said",
        "De sa jeg skulle jobbe i en butikk",
        "Looked away",
    )
    assert (ctx.language, ctx.interpreter_present, ctx.interpreter) == ("nb", True, "Phone 4411")
    assert "Saved" in panel.summary.text() and panel.option_buttons["yes"].isChecked()
    # The focus moved to the next item of the section; its context is its own.
    assert view.current == "deceived-about-school" and focus() is view.panel
    press(qtbot, "u")
    rec = store.get_screening(view.screening_id, audit=False)
    ctx = rec.answers["deceived-about-school"].context
    assert rec.answers["deceived-about-school"].answer.value == "unsure"
    assert ctx.child_words is None and ctx.source is None
    assert ctx.language == "nb"  # the conversation goes on
    # Any item of the section can be answered by its own buttons.
    qtbot.mouseClick(view.panels["lack-of-information"].option_buttons["no"],
                     Qt.MouseButton.LeftButton)  # fmt: skip
    rec = store.get_screening(view.screening_id, audit=False)
    assert rec.answers["lack-of-information"].answer.value == "no"
    assert len(rec.history) == 3


def test_show_if_applies_live_in_section_mode(qtbot, window):
    view = start(window)
    view.set_mode("section")
    view.show_item("accompanied-by")
    assert not any(i in shown(view) for i in ADULT_ITEMS)
    press(qtbot, "4")  # an adult who is not family
    assert all(i in shown(view) for i in ADULT_ITEMS)
    assert view.current == "adult-stated-relation" and focus() is view.panel.free
    total_with = view.progress_bar.maximum()
    view.show_item("accompanied-by")
    press(qtbot, "1")  # alone: the adult questions go again
    assert not any(i in shown(view) for i in ADULT_ITEMS)
    assert view.progress_bar.maximum() == total_with - len(ADULT_ITEMS)
    assert view.current == "adult-many-children"


def test_show_if_applies_live_one_item_at_a_time(qtbot, window):
    view = start(window)
    view.show_item("accompanied-by")
    press(qtbot, "1")  # alone
    assert view.current == "adult-many-children"
    qtbot.keyClick(focus(), Qt.Key.Key_Left, ALT)
    assert view.current == "accompanied-by"
    press(qtbot, "2")  # a parent
    assert view.current == "adult-stated-relation"
    listed = [view.overview.item(i).data(Qt.ItemDataRole.UserRole)
              for i in range(view.overview.count())]  # fmt: skip
    assert all(i in listed for i in ADULT_ITEMS)


# ------------------------------------------------------------------------- wording


def test_adult_and_child_words_in_the_childs_language(qtbot, window):
    view = start(window, INTAKE)
    checklist = load_bundled(INTAKE)
    item = checklist.item("danger-harm")
    names = [view.child_lang.itemData(i) for i in range(view.child_lang.count())]
    assert names == list(checklist.languages)  # the checklist's six languages
    assert view.panel.text.text() == item.text["en"]
    qtbot.keyClick(focus(), Qt.Key.Key_W, ALT)  # child words
    qtbot.waitUntil(view.words_toggle.isChecked)
    assert not view.adult_words_button.isChecked()
    assert view.panel.text.text() == item.child_text["en"]
    view.child_lang.setCurrentIndex(view.child_lang.findData("prs"))
    assert view.panel.text.text() == item.child_text["prs"]
    assert view.panel.text.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert item.child_text["en"] in view.panel.worker_text.text()  # what it says, for the worker
    assert "Draft translation" in view.panel.words_note.text()
    # Typing the language used picks it for the child's words.
    view.language.setText("ti")
    assert view.child_lang.currentData() == "ti"
    assert view.panel.text.text() == item.child_text["ti"]
    assert view.panel.text.layoutDirection() == Qt.LayoutDirection.LeftToRight
    # Moving on keeps the choice; section mode shows every item so.
    view.setFocus()
    press(qtbot, "n")
    assert view.panel.text.text() == checklist.item("danger-missing").child_text["ti"]
    view.set_mode("section")
    for item_id, panel in view.panels.items():
        assert panel.text.text() == checklist.item(item_id).child_text["ti"]
    qtbot.keyClick(focus(), Qt.Key.Key_A, ALT)  # adult words
    qtbot.waitUntil(lambda: not view.words_toggle.isChecked())
    assert all(p.text.text() == checklist.item(i).text["en"] for i, p in view.panels.items())


def test_the_childs_language_is_resumed_from_the_answers(qtbot, window):
    view = start(window, INTAKE)
    view.language.setText("vi")
    view.setFocus()
    press(qtbot, "n")
    window._back_to_cases()
    window.cases.table.selectRow(0)
    window.cases.screen_selected()
    view = window.screening_view
    assert view.child_lang.currentData() == "vi"
    assert view.language.text() == "vi"


def test_no_child_wording_in_that_language_says_so(qtbot, window):
    view = start(window)  # the full screening: English and Norwegian
    view.show_item("residence-status")  # a question with no child wording at all
    view.words_toggle.setChecked(True)
    assert "No child wording" in view.panel.words_note.text()
    assert view.panel.text.text() == load_bundled(FULL).item("residence-status").text["en"]


def test_guidance_and_the_trauma_informed_reading_where_given(qtbot, window):
    view = start(window, INTAKE)
    checklist = load_bundled(INTAKE)
    view.show_item("age-doubt")
    reading = checklist.item("age-doubt").reading
    assert view.panel.reading.isVisibleTo(view)
    for part in (reading.seen, reading.narrative, reading.meaning):
        assert part["en"] in view.panel.reading.text()
    assert view.panel.guidance.text() == checklist.item("age-doubt").guidance["en"]
    view.show_item("debt")
    assert not view.panel.reading.isVisibleTo(view)


# ----------------------------------------------------------------------- overview


def test_overview_jumps_to_unanswered_items_by_keyboard(qtbot, window):
    view = start(window, INTAKE)
    press(qtbot, "nn")
    qtbot.keyClick(focus(), Qt.Key.Key_O, CTRL)
    assert focus() is view.overview
    qtbot.keyClick(view.overview, Qt.Key.Key_Home)
    qtbot.keyClick(view.overview, Qt.Key.Key_Down)
    qtbot.keyClick(view.overview, Qt.Key.Key_Down)
    qtbot.keyClick(view.overview, Qt.Key.Key_Down)
    qtbot.keyClick(view.overview, Qt.Key.Key_Return)
    assert view.current == "age-doubt"
    assert focus() is view.panel  # back at the answer
    # Only the unanswered ones (and where one is), then the next unanswered by Ctrl+U.
    qtbot.keyClick(focus(), Qt.Key.Key_O, ALT)
    qtbot.waitUntil(view.only_unanswered.isChecked)
    listed = [view.overview.item(i).data(Qt.ItemDataRole.UserRole)
              for i in range(view.overview.count())]  # fmt: skip
    assert "danger-harm" not in listed and "claimed-age" in listed and len(listed) == 12
    answered = view.overview.item(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert answered.endswith("not answered")
    view.show_item("fear-threats")
    qtbot.keyClick(focus(), Qt.Key.Key_U, CTRL)
    assert view.current == "phone-instructions"
    view.show_item("no-school-play")
    qtbot.keyClick(focus(), Qt.Key.Key_U, CTRL)  # wraps round
    assert view.current == "claimed-age"


# ---------------------------------------------------------- accessibility, tab order


def interactive(view):
    kinds = (QAbstractButton, QLineEdit, QComboBox, QPlainTextEdit, QAbstractItemView)
    return [
        w
        for w in view.findChildren(QWidget)
        if isinstance(w, kinds)
        and w.isVisibleTo(view)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]


@pytest.mark.parametrize("mode", ["item", "section"])
def test_every_control_has_an_accessible_name_and_tab_reaches_it_in_order(qtbot, window, mode):
    view = start(window)
    view.set_mode(mode)
    view.show_item("documents-carried")
    controls = interactive(view)
    assert controls
    assert [w for w in controls if not w.accessibleName().strip()] == []
    assert all(p.accessibleName() for p in view.panels.values())
    # Tab from the answer goes through every control once: first this item's
    # answer and context, then the conversation, the actions, the switches and
    # the overview.
    start_at = view.panels[view.current] if mode == "item" else next(iter(view.panels.values()))
    start_at.setFocus()
    order = [focus()]
    for _ in range(400):
        qtbot.keyClick(focus(), Qt.Key.Key_Tab)
        if focus() is order[0]:
            break
        order.append(focus())
    assert set(controls) <= set(order)
    assert len(order) == len(set(order))
    first = start_at
    chain = [w for w in first.focus_chain() if w.isVisibleTo(view)]
    assert order[: len(chain)] == chain
    tail = [view.language, view.interpreter_present, view.interpreter, view.back_button,
            view.next_button, view.unanswered_button, view.review_button,
            view.referral_button, view.leave_button, view.item_mode_button,
            view.section_mode_button, view.adult_words_button, view.words_toggle,
            view.child_lang, view.only_unanswered, view.overview]  # fmt: skip
    assert [w for w in order if w in tail] == tail


# ---------------------------------------------------------------- immediate danger


def test_immediate_danger_stops_the_walk_in_section_mode(qtbot, window):
    view = start(window)
    view.set_mode("section")
    store = store_behind(window.session)
    seen = {}

    def acknowledge():
        dialog = view.danger_dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, acknowledge)
            return
        # The walk is stopped: the answer is saved, nothing has moved on yet.
        seen["current"] = view.current
        seen["saved"] = (
            "danger-missing-soon" in store.get_screening(view.screening_id, audit=False).answers
        )
        seen["texts"] = " ".join(w.text() for w in dialog.findChildren(type(view.saved)))
        dialog.reject()  # Escape does not dismiss it
        seen["after_escape"] = dialog.isVisible()
        qtbot.mouseClick(dialog.ack, Qt.MouseButton.LeftButton)

    QTimer.singleShot(20, acknowledge)
    view.show_item("danger-missing-soon")
    press(qtbot, "y")
    assert seen["current"] == "danger-missing-soon" and seen["saved"]
    assert seen["after_escape"] is True
    assert "child welfare emergency" in seen["texts"]
    assert isinstance(view.danger_dialog, DangerDialog)
    assert view.danger_dialog.result() == DangerDialog.DialogCode.Accepted
    assert view.danger_banner.isVisibleTo(view)
    assert view.current == "danger-medical"  # acknowledged: the walk may go on
    with store._read() as conn:
        actions = [a for (a,) in conn.exec_driver_sql("SELECT action FROM audit")]
    assert actions.count("danger-acknowledged") == 1


# ------------------------------------------------------------------------ amending


def complete(store, sid):
    store.record_decision(sid, Decision("full-screening", (), "full-screening", ""))
    store.complete_screening(sid)


def test_amend_a_completed_screening_as_a_new_linked_draft(qtbot, window):
    view = start(window, INTAKE)
    press(qtbot, "nn")
    view.show_item("debt")
    view.source.setCurrentIndex(view.source.findData("child-said"))
    view.child_words.setPlainText("I pay back the trip")
    view.setFocus()
    press(qtbot, "y")
    original = view.screening_id
    store = store_behind(window.session)
    complete(store, original)
    before = store.get_screening(original, audit=False)
    window._back_to_cases()
    window.cases.table.selectRow(0)
    window.cases.open_selected()
    view = window.screening_view
    assert view.read_only and view.amend_button.isVisibleTo(view)
    assert "read-only" in view.banner.text()
    with qtbot.waitSignal(view.amended) as signal:
        qtbot.keyClick(focus(), Qt.Key.Key_M, ALT)  # A&mend
    new = view.screening_id
    assert signal.args == [original, new] and new != original
    # The draft is open for the walk, with the answers and their context carried over.
    assert not view.read_only and not view.amend_button.isVisibleTo(view)
    assert f"amendment of screening #{original}" in view.banner.text()
    draft = store.get_screening(new, audit=False)
    assert draft.amends_id == original and draft.status == "draft"
    assert draft.plain_answers() == before.plain_answers()
    view.show_item("debt")
    assert view.child_words.toPlainText() == "I pay back the trip"
    assert view.option_buttons["yes"].isChecked()
    press(qtbot, "u")
    assert store.get_screening(new, audit=False).answers["debt"].answer.value == "unsure"
    # The original stays as it was, read-only.
    after = store.get_screening(original, audit=False)
    assert after.completed and after.history == before.history
    assert after.amended_by == new
    with pytest.raises(ReadOnlyRecord):
        store.record_answer(original, "debt", Answer(value="no"))
    # Opened again, the original offers its amendment instead of a second one.
    view.load(original)
    assert view.read_only and f"amended as screening #{new}" in view.banner.text()
    assert "amendment" in view.amend_button.accessibleName()
    view.amend()
    assert view.screening_id == new
    assert [r.id for r in store.list_screenings(after.case_id)] == [original, new]


def test_a_draft_offers_no_amendment(qtbot, window):
    view = start(window, INTAKE)
    assert not view.amend_button.isVisibleTo(view)
    view.amend()
    assert view.screening_id == view.record.id and not view.read_only


# ---------------------------------------------------------------------- bad input


def test_a_number_or_date_that_cannot_be_read_is_not_saved_and_stays_typed(qtbot, window):
    view = start(window)
    store = store_behind(window.session)
    view.show_item("claimed-age")
    press(qtbot, "about 15")
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    assert view.saved.text() == "Not saved: expected a number."
    assert view.free.text() == "about 15" and view.current == "claimed-age"
    view.show_item("stated-birth-date")
    press(qtbot, "3 May 2011")
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    assert view.saved.text() == "Not saved: expected a date as YYYY-MM-DD."
    assert view.free.text() == "3 May 2011" and view.current == "stated-birth-date"
    assert store.get_screening(view.screening_id, audit=False).answers == {}
    view.free.clear()
    press(qtbot, "2011-05-03")
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    answers = store.get_screening(view.screening_id, audit=False).answers
    assert answers["stated-birth-date"].answer.value == "2011-05-03"


def test_an_answer_the_store_refuses_says_not_saved_and_keeps_what_was_typed(
    qtbot, window, monkeypatch
):
    shown = []
    monkeypatch.setattr(window.messages, "error", lambda _p, _t, text: shown.append(text))
    view = start(window, INTAKE)
    store = store_behind(window.session)
    # Completed meanwhile (another window of the same user): the store refuses.
    store.record_decision(view.screening_id, Decision("full-screening", (), "full-screening"))
    store.complete_screening(view.screening_id)
    view.source.setCurrentIndex(view.source.findData("observed"))
    view.child_words.setPlainText("Nobody is coming")
    view.setFocus()
    press(qtbot, "n")
    assert view.saved.text().startswith("NOT saved")
    assert shown == ["this screening is completed; amend it to make changes"]
    assert view.current == "danger-harm" and "danger-harm" not in view.answers
    assert view.child_words.toPlainText() == "Nobody is coming"
    assert view.source.currentData() == "observed"


def test_every_action_is_reachable_from_the_keyboard(qtbot, window, monkeypatch):
    from idcheck.gui.referral import ReferralDialog
    from idcheck.gui.review import ReviewDialog

    opened = []

    def opens(name):
        def exec_(dialog):  # instead of a modal loop: seen, then closed as Escape would
            opened.append(name)
            dialog.done(0)
            return 0

        return exec_

    monkeypatch.setattr(ReviewDialog, "exec", opens("review"))
    monkeypatch.setattr(ReferralDialog, "exec", opens("referral"))
    view = start(window, INTAKE)
    press(qtbot, "n")
    qtbot.keyClick(focus(), Qt.Key.Key_R, CTRL)
    qtbot.keyClick(focus(), Qt.Key.Key_P, CTRL)
    assert opened == ["review", "referral"]
    qtbot.keyClick(focus(), Qt.Key.Key_PageDown)
    assert view.current == "claimed-age"
    qtbot.keyClick(focus(), Qt.Key.Key_PageUp)
    qtbot.keyClick(focus(), Qt.Key.Key_Up, ALT)
    assert view.current == "danger-harm"
    qtbot.keyClick(focus(), Qt.Key.Key_C, ALT)  # Back to &cases (a mnemonic clicks)
    qtbot.waitUntil(lambda: window.screening_view is None)
    assert window.stack.currentWidget() is window.cases


def test_a_changed_answer_keeps_its_context_in_section_mode(qtbot, window):
    view = start(window)
    store = store_behind(window.session)
    view.show_item("debt-for-journey")
    view.source.setCurrentIndex(view.source.findData("child-said"))
    view.child_words.setPlainText("I must pay for the road")
    view.setFocus()
    press(qtbot, "y")
    view.set_mode("section")
    view.show_item("debt-for-journey")
    panel = view.panels["debt-for-journey"]
    assert panel.context_box is None  # not opened: nothing built yet
    assert "own words recorded" in panel.summary.text()
    press(qtbot, "u")
    rec = store.get_screening(view.screening_id, audit=False)
    latest = rec.answers["debt-for-journey"]
    assert latest.answer.value == "unsure"
    assert (latest.context.source, latest.context.child_words) == (
        "child-said",
        "I must pay for the road",
    )
    assert len([a for a in rec.history if a.item_id == "debt-for-journey"]) == 2


def test_too_long_words_are_refused_and_kept_in_the_box(qtbot, window, monkeypatch):
    """The store keeps at most MAX_TEXT characters of the child's words: more is
    not saved, the message says why, and what was typed stays to be shortened."""
    from idcheck.store.records import MAX_TEXT

    shown: list[str] = []
    monkeypatch.setattr(window.session.messages, "error", lambda _p, _t, text: shown.append(text))
    view = start(window, INTAKE)
    press(qtbot, "nn")
    view.show_item("debt")
    words = "He said I must pay for the road. " * (MAX_TEXT // 30)
    view.child_words.setPlainText(words)
    view.setFocus()
    press(qtbot, "y")
    store = store_behind(window.session)
    assert "debt" not in store.get_screening(view.screening_id, audit=False).answers
    assert len(shown) == 1 and "the child's words for debt" in shown[0]
    assert view.saved.text().startswith("NOT saved")
    assert view.child_words.toPlainText() == words
    view.child_words.setPlainText(words[:MAX_TEXT])
    view.setFocus()
    press(qtbot, "y")
    kept = store.get_screening(view.screening_id, audit=False).answers["debt"]
    assert kept.context.child_words == words[:MAX_TEXT]
