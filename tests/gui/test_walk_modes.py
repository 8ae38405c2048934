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
from tests.gui.conftest import when_shown
from tests.gui.walking import (
    back_to_cases,
    click,
    focus,
    go_to,
    open_last,
    overview_ids,
    press,
    screen,
    tick,
)

from idcheck.checklist import Answer, load_bundled
from idcheck.gui.cases import CaseDialog
from idcheck.gui.review import DangerDialog
from idcheck.gui.session import store_behind
from idcheck.gui.walk_form import WalkPreferences
from idcheck.store import Decision, ReadOnlyRecord

PASSWORD = "correct horse battery"
INTAKE = "intake-screen@1.1.0"
FULL = "child-trafficking-full@1.1.0"
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ADULT_ITEMS = ["adult-stated-relation", "adult-speaks-for-child", "adult-will-not-leave",
               "relation-unclear"]  # fmt: skip


@pytest.fixture
def window(walk_window):
    return walk_window


def start(qtbot, window, ref=FULL):
    return screen(qtbot, window, ref)


def shown(view):
    return [i for i, p in view.area.panels.items() if p.isVisibleTo(view)]


# ------------------------------------------------------------- one section at a time


def test_section_mode_is_chosen_by_keyboard_and_remembered_for_the_next_screening(qtbot, window):
    view = start(qtbot, window)
    assert view.mode == "item" and len(view.area.panels) == 1
    qtbot.keyClick(focus(), Qt.Key.Key_M, CTRL)
    assert view.mode == "section" and view.form.section_mode_button.isChecked()
    assert shown(view) == ["danger-harm-now", "danger-missing-soon", "danger-medical"]
    prefs = WalkPreferences()
    assert prefs.mode() == "section"
    # Only the choice is kept, in plain text: nothing about the child or the case.
    kept = prefs.path.read_text()
    assert "section" in kept
    for secret in ("Amira", "2026-080", "danger"):
        assert secret not in kept
    back_to_cases(qtbot, window)
    assert screen(qtbot, window).mode == "section"  # the draft again: section mode
    # A new screening too; Alt+I goes back to one item at a time.
    view = window.screening_view
    qtbot.keyClick(focus(), Qt.Key.Key_I, ALT)  # a mnemonic clicks the button
    qtbot.waitUntil(lambda: view.mode == "item")
    assert WalkPreferences().mode() == "item"
    assert list(view.area.panels) == [view.walk.current]


def test_an_unreadable_preference_falls_back_to_one_item(tmp_path):
    path = tmp_path / "walkthrough.ini"
    path.write_text("[walk]\nmode=sideways\n")
    assert WalkPreferences(path).mode() == "item"
    with pytest.raises(ValueError, match="unknown walk mode"):
        WalkPreferences(path).set_mode("sideways")
    assert "sideways" in path.read_text()  # refused, nothing written


def test_section_mode_saves_each_answer_at_once_with_its_own_context(qtbot, window):
    view = start(qtbot, window)
    click(qtbot, view.form.section_mode_button)
    qtbot.keyClicks(view.form.language, "nb")
    tick(qtbot, view.form.interpreter_present)
    qtbot.keyClicks(view.form.interpreter, "Phone 4411")
    go_to(qtbot, view, "deceived-about-work")
    assert view.area.shown_section == "recruitment"
    store = store_behind(window.session)
    panel = view.area.panels["deceived-about-work"]
    assert focus() is panel
    press(qtbot, "c")  # this item's context
    assert panel.context_box.isVisibleTo(view) and focus() is panel.context().source
    panel.context().source.setCurrentIndex(panel.context().source.findData("child-said"))
    qtbot.keyClicks(panel.context().child_words, "De sa jeg skulle jobbe i en butikk")
    qtbot.keyClicks(panel.context().note, "Looked away")
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
    assert view.walk.current == "deceived-about-school" and focus() is view.panel
    press(qtbot, "u")
    rec = store.get_screening(view.screening_id, audit=False)
    ctx = rec.answers["deceived-about-school"].context
    assert rec.answers["deceived-about-school"].answer.value == "unsure"
    assert ctx.child_words is None and ctx.source is None
    assert ctx.language == "nb"  # the conversation goes on
    # Any item of the section can be answered by its own buttons.
    qtbot.mouseClick(view.area.panels["lack-of-information"].option_buttons["no"],
                     Qt.MouseButton.LeftButton)  # fmt: skip
    rec = store.get_screening(view.screening_id, audit=False)
    assert rec.answers["lack-of-information"].answer.value == "no"
    assert len(rec.history) == 3


def test_show_if_applies_live_in_section_mode(qtbot, window):
    view = start(qtbot, window)
    click(qtbot, view.form.section_mode_button)
    go_to(qtbot, view, "accompanied-by")
    assert not any(i in shown(view) for i in ADULT_ITEMS)
    press(qtbot, "4")  # an adult who is not family
    assert all(i in shown(view) for i in ADULT_ITEMS)
    assert view.walk.current == "adult-stated-relation" and focus() is view.panel.free
    total_with = view.form.progress_bar.maximum()
    go_to(qtbot, view, "accompanied-by")
    press(qtbot, "1")  # alone: the adult questions go again
    assert not any(i in shown(view) for i in ADULT_ITEMS)
    assert view.form.progress_bar.maximum() == total_with - len(ADULT_ITEMS)
    assert view.walk.current == "adult-many-children"


def test_show_if_applies_live_one_item_at_a_time(qtbot, window):
    view = start(qtbot, window)
    go_to(qtbot, view, "accompanied-by")
    press(qtbot, "1")  # alone
    assert view.walk.current == "adult-many-children"
    qtbot.keyClick(focus(), Qt.Key.Key_Left, ALT)
    assert view.walk.current == "accompanied-by"
    press(qtbot, "2")  # a parent
    assert view.walk.current == "adult-stated-relation"
    listed = overview_ids(view)
    assert all(i in listed for i in ADULT_ITEMS)


# ------------------------------------------------------------------------- wording


def test_adult_and_child_words_in_the_childs_language(qtbot, window):
    view = start(qtbot, window, INTAKE)
    checklist = load_bundled(INTAKE)
    item = checklist.item("danger-harm")
    names = [view.form.child_lang.itemData(i) for i in range(view.form.child_lang.count())]
    assert names == list(checklist.languages)  # the checklist's six languages
    assert view.panel.text.text() == item.text["en"]
    qtbot.keyClick(focus(), Qt.Key.Key_W, ALT)  # child words
    qtbot.waitUntil(view.form.words_toggle.isChecked)
    assert not view.form.adult_words_button.isChecked()
    assert view.panel.text.text() == item.child_text["en"]
    view.form.child_lang.setCurrentIndex(view.form.child_lang.findData("prs"))
    assert view.panel.text.text() == item.child_text["prs"]
    assert view.panel.text.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert item.child_text["en"] in view.panel.worker_text.text()  # what it says, for the worker
    assert "Draft translation" in view.panel.words_note.text()
    # Typing the language used picks it for the child's words.
    qtbot.keyClicks(view.form.language, "ti")
    assert view.form.child_lang.currentData() == "ti"
    assert view.panel.text.text() == item.child_text["ti"]
    assert view.panel.text.layoutDirection() == Qt.LayoutDirection.LeftToRight
    # Moving on keeps the choice; section mode shows every item so.
    view.setFocus()
    press(qtbot, "n")
    assert view.panel.text.text() == checklist.item("danger-missing").child_text["ti"]
    click(qtbot, view.form.section_mode_button)
    for item_id, panel in view.area.panels.items():
        assert panel.text.text() == checklist.item(item_id).child_text["ti"]
    qtbot.keyClick(focus(), Qt.Key.Key_A, ALT)  # adult words
    qtbot.waitUntil(lambda: not view.form.words_toggle.isChecked())
    assert all(p.text.text() == checklist.item(i).text["en"] for i, p in view.area.panels.items())


def test_the_childs_language_is_resumed_from_the_answers(qtbot, window):
    view = start(qtbot, window, INTAKE)
    qtbot.keyClicks(view.form.language, "vi")
    view.setFocus()
    press(qtbot, "n")
    back_to_cases(qtbot, window)
    view = screen(qtbot, window)
    assert view.form.child_lang.currentData() == "vi"
    assert view.form.language.text() == "vi"


def test_no_child_wording_in_that_language_says_so(qtbot, window):
    view = start(qtbot, window)  # the full screening: English and Norwegian
    go_to(qtbot, view, "residence-status")  # a question with no child wording at all
    click(qtbot, view.form.words_toggle)
    assert "No child wording" in view.panel.words_note.text()
    assert view.panel.text.text() == load_bundled(FULL).item("residence-status").text["en"]


def test_guidance_and_the_trauma_informed_reading_where_given(qtbot, window):
    view = start(qtbot, window, INTAKE)
    checklist = load_bundled(INTAKE)
    go_to(qtbot, view, "age-doubt")
    reading = checklist.item("age-doubt").reading
    assert view.panel.reading.isVisibleTo(view)
    for part in (reading.seen, reading.narrative, reading.meaning):
        assert part["en"] in view.panel.reading.text()
    assert view.panel.guidance.text() == checklist.item("age-doubt").guidance["en"]
    go_to(qtbot, view, "debt")
    assert not view.panel.reading.isVisibleTo(view)


# ----------------------------------------------------------------------- overview


def test_overview_jumps_to_unanswered_items_by_keyboard(qtbot, window):
    view = start(qtbot, window, INTAKE)
    press(qtbot, "nn")
    qtbot.keyClick(focus(), Qt.Key.Key_O, CTRL)
    assert focus() is view.form.overview
    qtbot.keyClick(view.form.overview, Qt.Key.Key_Home)
    qtbot.keyClick(view.form.overview, Qt.Key.Key_Down)
    qtbot.keyClick(view.form.overview, Qt.Key.Key_Down)
    qtbot.keyClick(view.form.overview, Qt.Key.Key_Down)
    qtbot.keyClick(view.form.overview, Qt.Key.Key_Return)
    assert view.walk.current == "age-doubt"
    assert focus() is view.panel  # back at the answer
    # Only the unanswered ones (and where one is), then the next unanswered by Ctrl+U.
    qtbot.keyClick(focus(), Qt.Key.Key_O, ALT)
    qtbot.waitUntil(view.form.only_unanswered.isChecked)
    listed = overview_ids(view)
    assert "danger-harm" not in listed and "claimed-age" in listed and len(listed) == 12
    first = view.form.overview.model().index(0, 0)
    answered = first.data(Qt.ItemDataRole.AccessibleTextRole)
    assert answered.endswith("not answered")
    go_to(qtbot, view, "fear-threats")
    qtbot.keyClick(focus(), Qt.Key.Key_U, CTRL)
    assert view.walk.current == "phone-instructions"
    go_to(qtbot, view, "no-school-play")
    qtbot.keyClick(focus(), Qt.Key.Key_U, CTRL)  # wraps round
    assert view.walk.current == "claimed-age"


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
    view = start(qtbot, window)
    click(qtbot, getattr(view.form, f"{mode}_mode_button"))
    go_to(qtbot, view, "documents-carried")
    controls = interactive(view)
    assert controls
    assert [w for w in controls if not w.accessibleName().strip()] == []
    assert all(p.accessibleName() for p in view.area.panels.values())
    # Tab from the answer goes through every control once: first this item's
    # answer and context, then the conversation, the actions, the switches and
    # the overview.
    start_at = (
        view.area.panels[view.walk.current]
        if mode == "item"
        else next(iter(view.area.panels.values()))
    )
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
    tail = [view.form.language, view.form.interpreter_present, view.form.interpreter, view.form.back_button,
            view.form.next_button, view.form.unanswered_button, view.form.review_button,
            view.form.referral_button, view.form.leave_button, view.form.item_mode_button,
            view.form.section_mode_button, view.form.adult_words_button, view.form.words_toggle,
            view.form.child_lang, view.form.only_unanswered, view.form.overview]  # fmt: skip
    assert [w for w in order if w in tail] == tail


# ---------------------------------------------------------------- immediate danger


def test_immediate_danger_stops_the_walk_in_section_mode(qtbot, window):
    view = start(qtbot, window)
    click(qtbot, view.form.section_mode_button)
    store = store_behind(window.session)
    seen = {}

    def acknowledge():
        dialog = view.danger.dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, acknowledge)
            return
        # The walk is stopped: the answer is saved, nothing has moved on yet.
        seen["current"] = view.walk.current
        seen["saved"] = (
            "danger-missing-soon" in store.get_screening(view.screening_id, audit=False).answers
        )
        seen["texts"] = " ".join(w.text() for w in dialog.findChildren(type(view.form.saved)))
        dialog.reject()  # Escape does not dismiss it
        seen["after_escape"] = dialog.isVisible()
        qtbot.mouseClick(dialog.ack, Qt.MouseButton.LeftButton)

    QTimer.singleShot(20, acknowledge)
    go_to(qtbot, view, "danger-missing-soon")
    press(qtbot, "y")
    assert seen["current"] == "danger-missing-soon" and seen["saved"]
    assert seen["after_escape"] is True
    assert "child welfare emergency" in seen["texts"]
    assert isinstance(view.danger.dialog, DangerDialog)
    assert view.danger.dialog.result() == DangerDialog.DialogCode.Accepted
    assert view.form.danger_banner.isVisibleTo(view)
    assert view.walk.current == "danger-medical"  # acknowledged: the walk may go on
    assert len(store.danger_acknowledgements(view.screening_id)) == 1


# ------------------------------------------------------------------------ amending


def complete(store, sid):
    store.record_decision(sid, Decision("full-screening", (), "full-screening", ""))
    store.complete_screening(sid)


def test_amend_a_completed_screening_as_a_new_linked_draft(qtbot, window):
    view = start(qtbot, window, INTAKE)
    press(qtbot, "nn")
    go_to(qtbot, view, "debt")
    view.panel.context().source.setCurrentIndex(view.panel.context().source.findData("child-said"))
    qtbot.keyClicks(view.panel.context().child_words, "I pay back the trip")
    view.setFocus()
    press(qtbot, "y")
    original = view.screening_id
    store = store_behind(window.session)
    complete(store, original)
    before = store.get_screening(original, audit=False)
    back_to_cases(qtbot, window)
    view = open_last(qtbot, window)
    assert view.walk.read_only and view.form.amend_button.isVisibleTo(view)
    assert "read-only" in view.form.banner.text()
    with qtbot.waitSignal(view.amended) as signal:
        qtbot.keyClick(focus(), Qt.Key.Key_M, ALT)  # A&mend
    new = view.screening_id
    assert signal.args == [original, new] and new != original
    # The draft is open for the walk, with the answers and their context carried over.
    assert not view.walk.read_only and not view.form.amend_button.isVisibleTo(view)
    assert f"amendment of screening #{original}" in view.form.banner.text()
    draft = store.get_screening(new, audit=False)
    assert draft.amends_id == original and draft.status == "draft"
    assert draft.plain_answers() == before.plain_answers()
    go_to(qtbot, view, "debt")
    assert view.panel.context().child_words.toPlainText() == "I pay back the trip"
    assert view.panel.option_buttons["yes"].isChecked()
    press(qtbot, "u")
    assert store.get_screening(new, audit=False).answers["debt"].answer.value == "unsure"
    # The original stays as it was, read-only.
    after = store.get_screening(original, audit=False)
    assert after.completed and after.history == before.history
    assert after.amended_by == new
    with pytest.raises(ReadOnlyRecord):
        store.record_answer(original, "debt", Answer(value="no"))
    # Opened again, the original offers its amendment instead of a second one.
    back_to_cases(qtbot, window)

    def open_original(dialog):
        dialog.table.selectRow([r.id for r in dialog.rows].index(original))
        click(qtbot, dialog.open_button)

    when_shown(CaseDialog, open_original)
    window.cases.table.selectRow(0)
    click(qtbot, window.cases.case_button)
    view = window.screening_view
    assert view.screening_id == original
    window.activateWindow()  # after the dialog, as the window manager does
    qtbot.waitUntil(lambda: view.isAncestorOf(QApplication.focusWidget()))
    assert view.walk.read_only and f"amended as screening #{new}" in view.form.banner.text()
    assert "amendment" in view.form.amend_button.accessibleName()
    # Alt+M (Open the a&mendment) where the focus is, now that the case's dialog
    # has closed: the mnemonic clicks the button as an animated click, a moment later.
    qtbot.keyClick(focus(), Qt.Key.Key_M, ALT)
    qtbot.waitUntil(lambda: view.screening_id == new, timeout=5000)
    assert not view.walk.read_only
    assert [r.id for r in store.list_screenings(after.case_id)] == [original, new]


def test_a_draft_offers_no_amendment(qtbot, window):
    view = start(qtbot, window, INTAKE)
    assert not view.form.amend_button.isVisibleTo(view)
    sid = view.screening_id
    qtbot.keyClick(focus(), Qt.Key.Key_M, ALT)  # A&mend: not offered
    assert view.screening_id == sid and not view.walk.read_only
    assert [r.id for r in store_behind(window.session).list_screenings(view.walk.case_id)] == [sid]


# ---------------------------------------------------------------------- bad input


def test_a_number_or_date_that_cannot_be_read_is_not_saved_and_stays_typed(qtbot, window):
    view = start(qtbot, window)
    store = store_behind(window.session)
    go_to(qtbot, view, "claimed-age")
    press(qtbot, "about 15")
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    assert view.form.saved.text() == "Not saved: expected a number."
    assert view.panel.free.text() == "about 15" and view.walk.current == "claimed-age"
    go_to(qtbot, view, "stated-birth-date")
    press(qtbot, "3 May 2011")
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    assert view.form.saved.text() == "Not saved: expected a date as YYYY-MM-DD."
    assert view.panel.free.text() == "3 May 2011" and view.walk.current == "stated-birth-date"
    assert view.form.saved.property("problem") is True  # red, not the green of "Saved"
    # A day the calendar lacks, and a day ahead (the new-case form refuses both too).
    for typed, says in (
        (
            "2011-02-30",
            "Not saved: the date 2011-02-30 does not exist: check the month and the day.",
        ),
        (
            "2011-13-05",
            "Not saved: the date 2011-13-05 does not exist: check the month and the day.",
        ),
        ("20110503", "Not saved: expected a date as YYYY-MM-DD."),
        (
            "2999-01-01",
            "Not saved: the date 2999-01-01 is in the future; the dates asked here are of what "
            "has happened.",
        ),
    ):
        view.panel.free.clear()
        press(qtbot, typed)
        qtbot.keyClick(focus(), Qt.Key.Key_Return)
        assert view.form.saved.text() == says
        assert view.panel.free.text() == typed and view.walk.current == "stated-birth-date"
    assert store.get_screening(view.screening_id, audit=False).answers == {}
    view.panel.free.clear()
    press(qtbot, "2011-05-03")
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    answers = store.get_screening(view.screening_id, audit=False).answers
    assert answers["stated-birth-date"].answer.value == "2011-05-03"
    assert view.form.saved.text().startswith("Saved")
    assert view.form.saved.property("problem") is False


def test_an_answer_the_store_refuses_says_not_saved_and_keeps_what_was_typed(
    qtbot, window, monkeypatch
):
    shown = []
    monkeypatch.setattr(window.messages, "error", lambda _p, _t, text: shown.append(text))
    view = start(qtbot, window, INTAKE)
    store = store_behind(window.session)
    # Completed meanwhile (another window of the same user): the store refuses.
    store.record_decision(view.screening_id, Decision("full-screening", (), "full-screening"))
    store.complete_screening(view.screening_id)
    view.panel.context().source.setCurrentIndex(view.panel.context().source.findData("observed"))
    qtbot.keyClicks(view.panel.context().child_words, "Nobody is coming")
    view.setFocus()
    press(qtbot, "n")
    assert view.form.saved.text().startswith("NOT saved")
    # Said once, in the interface's words (the named operations' one place for them).
    assert len(shown) == 1 and shown[0].startswith("A completed screening is never changed")
    assert view.walk.current == "danger-harm" and "danger-harm" not in view.walk.answers
    assert view.panel.context().child_words.toPlainText() == "Nobody is coming"
    assert view.panel.context().source.currentData() == "observed"


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
    view = start(qtbot, window, INTAKE)
    press(qtbot, "n")
    qtbot.keyClick(focus(), Qt.Key.Key_R, CTRL)
    qtbot.keyClick(focus(), Qt.Key.Key_P, CTRL)
    assert opened == ["review", "referral"]
    qtbot.keyClick(focus(), Qt.Key.Key_PageDown)
    assert view.walk.current == "claimed-age"
    qtbot.keyClick(focus(), Qt.Key.Key_PageUp)
    qtbot.keyClick(focus(), Qt.Key.Key_Up, ALT)
    assert view.walk.current == "danger-harm"
    qtbot.keyClick(focus(), Qt.Key.Key_C, ALT)  # Back to &cases (a mnemonic clicks)
    qtbot.waitUntil(lambda: window.screening_view is None)
    assert window.stack.currentWidget() is window.cases


def test_a_changed_answer_keeps_its_context_in_section_mode(qtbot, window):
    view = start(qtbot, window)
    store = store_behind(window.session)
    go_to(qtbot, view, "debt-for-journey")
    view.panel.context().source.setCurrentIndex(view.panel.context().source.findData("child-said"))
    qtbot.keyClicks(view.panel.context().child_words, "I must pay for the road")
    view.setFocus()
    press(qtbot, "y")
    click(qtbot, view.form.section_mode_button)
    go_to(qtbot, view, "debt-for-journey")
    panel = view.area.panels["debt-for-journey"]
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
    view = start(qtbot, window, INTAKE)
    press(qtbot, "nn")
    go_to(qtbot, view, "debt")
    words = "He said I must pay for the road. " * (MAX_TEXT // 30)
    view.panel.context().child_words.setPlainText(words)
    view.setFocus()
    press(qtbot, "y")
    store = store_behind(window.session)
    assert "debt" not in store.get_screening(view.screening_id, audit=False).answers
    assert len(shown) == 1 and "the child's words for debt" in shown[0]
    assert view.form.saved.text().startswith("NOT saved")
    assert view.panel.context().child_words.toPlainText() == words
    view.panel.context().child_words.setPlainText(words[:MAX_TEXT])
    view.setFocus()
    press(qtbot, "y")
    kept = store.get_screening(view.screening_id, audit=False).answers["debt"]
    assert kept.context.child_words == words[:MAX_TEXT]
