"""The walk-through by keyboard, the immediate-danger stop, review and completion."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from tests.gui.conftest import PASSWORD, when_shown
from tests.gui.walking import (
    CTRL,
    back_to_cases,
    click,
    focus,
    go_to,
    open_last,
    press,
    screen,
    tick,
)

from idcheck.gui.review import DangerDialog, ReviewDialog
from idcheck.gui.session import store_behind
from idcheck.store import Store

INTAKE = "intake-screen@1.1.0"


@pytest.fixture
def window(walk_window):
    return walk_window


def start(qtbot, window):
    return screen(qtbot, window, INTAKE)


def test_walk_the_whole_intake_screen_by_keyboard(qtbot, window):
    view = start(qtbot, window)
    store = store_behind(window.session)
    visited = []
    while True:
        item_id = view.walk.current
        if item_id in visited:
            break
        visited.append(item_id)
        target = focus()
        if isinstance(target, QLineEdit):
            qtbot.keyClicks(target, "15")
            qtbot.keyClick(target, Qt.Key.Key_Return)
        else:
            qtbot.keyClick(target, Qt.Key.Key_N)
        assert view.form.saved.text().startswith("Saved"), item_id
    checklist = view.walk.checklist
    assert visited == checklist.item_ids()
    stored = store.get_screening(view.screening_id, audit=False)
    assert set(stored.answers) == set(checklist.item_ids())
    assert stored.answers["claimed-age"].answer.value == 15
    assert stored.answers["debt"].answer.value == "no"


def test_answer_context_is_saved_with_the_answer(qtbot, window):
    view = start(qtbot, window)
    press(qtbot, "nn")
    go_to(qtbot, view, "debt")
    fields = view.panel.context()
    fields.source.setCurrentIndex(fields.source.findData("child-said"))
    qtbot.keyClicks(fields.child_words, "Jeg må betale tilbake reisen")
    qtbot.keyClicks(view.form.language, "nb")
    tick(qtbot, view.form.interpreter_present)
    qtbot.keyClicks(view.form.interpreter, "Phone 4411")
    tick(qtbot, fields.read_back)
    qtbot.keyClicks(fields.note, "Looked at the door")
    view.panel.setFocus()
    qtbot.keyClick(view.panel, Qt.Key.Key_Y)
    rec = store_behind(window.session).get_screening(view.screening_id, audit=False)
    ctx = rec.answers["debt"].context
    assert ctx.child_words == "Jeg må betale tilbake reisen"
    assert ctx.worker_note == "Looked at the door"
    assert (ctx.source, ctx.language, ctx.interpreter, ctx.read_back) == (
        "child-said",
        "nb",
        "Phone 4411",
        True,
    )
    assert ctx.interpreter_present is True


def debt_answered_with_a_note(qtbot, window):
    """The debt item answered Yes with a note; then the note is added to, as a
    worker does on remembering something, without pressing the answer again."""
    view = start(qtbot, window)
    press(qtbot, "nn")
    go_to(qtbot, view, "debt")
    fields = view.panel.context()
    qtbot.keyClicks(fields.note, "Looked at the door")
    view.panel.setFocus()
    qtbot.keyClick(view.panel, Qt.Key.Key_Y)
    go_to(qtbot, view, "debt")
    fields = view.panel.context()
    fields.note.setFocus()
    qtbot.keyClick(fields.note, Qt.Key.Key_End)
    qtbot.keyClicks(fields.note, ". Said the man keeps her passport")
    qtbot.keyClicks(fields.child_words, "Han har passet mitt")
    return view


def stored_context(window, view, item_id="debt"):
    rec = store_behind(window.session).get_screening(view.screening_id, audit=False)
    return rec.answers[item_id].answer, rec.answers[item_id].context


@pytest.mark.parametrize(
    "leave",
    ["Alt+Down", "Ctrl+U", "overview", "Ctrl+R", "Back to cases", "Ctrl+M"],
)
def test_context_changed_after_the_answer_is_saved_when_the_walk_leaves_the_item(
    qtbot, window, leave
):
    """Nothing typed is lost: a note or the child's words changed after the
    answer was given are saved with the same answer when the worker moves on,
    whichever way they leave the item."""
    view = debt_answered_with_a_note(qtbot, window)
    field = view.panel.context().note
    if leave == "Alt+Down":
        qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    elif leave == "Ctrl+U":
        qtbot.keyClick(field, Qt.Key.Key_U, CTRL)
    elif leave == "overview":
        go_to(qtbot, view, view.walk.checklist.item_ids()[0])
    elif leave == "Ctrl+M":  # one section at a time: the panels laid out anew
        qtbot.keyClick(field, Qt.Key.Key_M, CTRL)
        assert view.mode == "section"
    elif leave == "Ctrl+R":
        when_shown(ReviewDialog, lambda d: d.reject())
        qtbot.keyClick(field, Qt.Key.Key_R, CTRL)
    else:
        back_to_cases(qtbot, window)
    if leave not in ("Ctrl+R", "Back to cases", "Ctrl+M"):
        assert view.walk.current != "debt"
    answer, ctx = stored_context(window, view)
    assert answer.value == "yes"
    assert ctx.worker_note == "Looked at the door. Said the man keeps her passport"
    assert ctx.child_words == "Han har passet mitt"


def test_context_changed_after_the_answer_is_kept_when_the_window_locks(qtbot, window):
    view = debt_answered_with_a_note(qtbot, window)
    sid, folder = view.screening_id, window.session.data_dir
    qtbot.keyClick(focus(), Qt.Key.Key_L, CTRL)
    assert window.session is None
    store = Store.open(folder, "anna", PASSWORD)
    try:
        ctx = store.get_screening(sid, audit=False).answers["debt"].context
    finally:
        store.lock()
    assert ctx.worker_note == "Looked at the door. Said the man keeps her passport"
    assert ctx.child_words == "Han har passet mitt"


def test_context_saved_again_is_one_answer_row_and_unchanged_context_none(qtbot, window):
    """Moving on from an item whose context did not change writes nothing."""
    view = debt_answered_with_a_note(qtbot, window)
    store = store_behind(window.session)
    before = len(store.audit_trail("answer"))
    qtbot.keyClick(focus(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert len(store.audit_trail("answer")) == before + 1
    # Back and away again, nothing changed: no answer written.
    go_to(qtbot, view, "debt")
    qtbot.keyClick(focus(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert len(store.audit_trail("answer")) == before + 1


def test_an_answer_is_one_store_call_that_keeps_the_next_position(qtbot, window, monkeypatch):
    """One commit per answer: the answer, its context and where the walk moves on."""
    calls = []
    for name in ("record_answer", "set_position"):
        real = getattr(Store, name)

        def spy(self, *args, _real=real, _name=name, **kwargs):
            calls.append((_name, kwargs.get("position")))
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(Store, name, spy)
    view = start(qtbot, window)
    calls.clear()
    press(qtbot, "n")
    assert calls == [("record_answer", "danger-missing")]
    assert view.walk.current == "danger-missing"
    stored = store_behind(window.session).get_screening(view.screening_id, audit=False)
    assert stored.position == "danger-missing"
    calls.clear()
    qtbot.keyClick(focus(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # a move alone
    assert calls == [("set_position", None)]


def test_immediate_danger_stops_the_walk_until_acknowledged(qtbot, window):
    view = start(qtbot, window)
    store = store_behind(window.session)
    assert view.walk.current == "danger-harm"
    seen = {}

    def stopped(dialog):
        # Stopped at once: the answer is saved, the walk has not moved on.
        seen["at"] = view.walk.current
        seen["position"] = store.get_screening(view.screening_id, audit=False).position
        seen["texts"] = " ".join(lbl.text() for lbl in dialog.findChildren(type(view.form.saved)))
        qtbot.keyClick(focus(), Qt.Key.Key_Escape)  # Escape does not dismiss it
        seen["after_escape"] = dialog.isVisible()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        seen["after_second_escape"] = dialog.isVisible()
        click(qtbot, dialog.ack)

    when_shown(DangerDialog, stopped)
    qtbot.keyClick(view.panel, Qt.Key.Key_Y)
    assert seen["at"] == "danger-harm" and seen["position"] == "danger-harm"
    assert seen["after_escape"] is True and seen["after_second_escape"] is True
    assert "Local police duty desk" in seen["texts"] and "112" in seen["texts"]
    assert view.danger.dialog.result() == DangerDialog.DialogCode.Accepted
    assert len(store.danger_acknowledgements(view.screening_id)) == 1
    assert view.walk.current == "danger-missing"  # acknowledged: the walk goes on


def test_a_danger_whose_service_has_no_number_here_says_so_and_gives_the_police(qtbot, window):
    """The child may go missing: call the child welfare emergency service, which
    has no national number, and this computer has no local contact for it. The
    stop said whom to call with no number at all; it says that none is set up,
    where an administrator adds it, and the police emergency number. The banner
    says the same for as long as the screening holds the danger."""
    view = start(qtbot, window)
    seen = {}

    def stopped(dialog):
        seen["texts"] = [lbl.text() for lbl in dialog.findChildren(type(view.form.saved))]
        click(qtbot, dialog.ack)

    qtbot.keyClick(view.panel, Qt.Key.Key_N)  # danger-harm: no (no stop)
    assert view.walk.current == "danger-missing"
    when_shown(DangerDialog, stopped)
    qtbot.keyClick(view.panel, Qt.Key.Key_Y)
    said = [t for t in seen["texts"] if t.startswith("No number for")]
    assert said == [
        "No number for Child welfare emergency service (barnevernvakten) is set up on this "
        "computer (an administrator adds it under Administration → Local contacts). If the "
        "child is in danger now, call the police."
    ]
    whom = seen["texts"][seen["texts"].index("Whom to call:") + 1 :]
    assert "Local police duty desk: +47 02800" in whom
    assert any(line.endswith(": 112 (NO)") for line in whom)
    assert said[0] in view.form.danger_banner.text()
    assert "112 (NO)" in view.form.danger_banner.text()


def test_resume_where_it_was_left_after_the_window_is_gone(qtbot, window):
    view = start(qtbot, window)
    sid = view.screening_id
    press(qtbot, "nn")
    where = view.walk.current
    back_to_cases(qtbot, window)
    resumed = screen(qtbot, window)  # the draft: no checklist asked
    assert resumed.screening_id == sid
    assert resumed.walk.current == where
    assert set(resumed.walk.answers) == {"danger-harm", "danger-missing"}


def test_review_decide_complete_then_read_only(qtbot, window):
    view = start(qtbot, window)
    press(qtbot, "nn")
    go_to(qtbot, view, "debt")
    press(qtbot, "y")
    seen = {}

    def decide(dialog):
        seen["suggested"] = dialog.result_assessment.outcome.id
        # What the worker reads first in the review (its text's first line).
        seen["unanswered"] = (
            dialog.summary.toPlainText().splitlines()[0],
            len(dialog.result_assessment.unanswered),
            len(dialog.result_assessment.visible),
        )
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("immediate-protection"))
        click(qtbot, dialog.complete_button)
        seen["note"] = dialog.note.text()  # differs: reasons required
        seen["open"] = dialog.isVisible()
        qtbot.keyClicks(dialog.reasons, "The adult outside is waiting for her.")
        click(qtbot, dialog.complete_button)

    when_shown(ReviewDialog, decide)
    sid = view.screening_id
    qtbot.keyClick(focus(), Qt.Key.Key_R, CTRL)
    assert seen["suggested"] == "full-screening"
    assert "Give your reasons" in seen["note"] and seen["open"]
    # Three answered: the rest is said above the decision before completing.
    text, left, visible = seen["unanswered"]
    assert left == visible - 3 > 0
    assert text.startswith(f"{left} of the {visible} items shown have no answer. Completing now")
    store = store_behind(window.session)
    rec = store.get_screening(sid, audit=False)
    assert rec.completed
    assert rec.decision.decision_outcome == "immediate-protection"
    assert rec.decision.suggested_outcome == "full-screening"
    assert rec.decision.reasons == "The adult outside is waiting for her."
    assert window.screening_view is None  # back to the cases
    ro = open_last(qtbot, window)
    assert ro.walk.read_only and ro.screening_id == sid
    go_to(qtbot, ro, "debt")
    assert not any(b.isEnabled() for b in ro.panel.option_buttons.values())
    qtbot.keyClick(ro.panel, Qt.Key.Key_N)
    assert store.get_screening(sid, audit=False).answers["debt"].answer.value == "yes"


def test_referral_preview_save_and_print_are_audited(qtbot, window, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from idcheck.gui.referral import ReferralDialog

    view = start(qtbot, window)
    press(qtbot, "nn")
    go_to(qtbot, view, "debt")
    press(qtbot, "y")
    out = tmp_path / "referral.pdf"
    seen = {}

    def export(dialog):
        seen["pages"] = dialog.pages.count()
        dialog.save_to(out)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        dialog.print_to(printer)
        dialog.accept()

    when_shown(ReferralDialog, export)
    qtbot.keyClick(focus(), Qt.Key.Key_P, CTRL)
    assert seen["pages"] >= 1
    assert out.read_bytes().startswith(b"%PDF")
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
    store = store_behind(window.session)
    assert len(store.audit_trail("report-exported", screening_id=view.screening_id)) == 1
    assert len(store.audit_trail("report-printed", screening_id=view.screening_id)) == 1


def test_the_review_opens_large_enough_to_read_on_a_laptop(qtbot, window):
    """The review was opened at its small size hint (about 560 x 420), leaving the
    indicators, the suggestion and why in a box a few lines high."""
    view = start(qtbot, window)
    press(qtbot, "n")
    sizes = []

    def shown(dialog):
        qtbot.waitExposed(dialog)
        available = dialog.screen().availableGeometry()
        sizes.append((dialog.size(), available))
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)

    when_shown(ReviewDialog, shown)
    click(qtbot, view.form.review_button)
    ((size, available),) = sizes
    assert size.width() >= min(900, available.width() - 40), (size, available)
    assert size.height() >= min(760, available.height() - 60), (size, available)
    assert size.width() <= available.width() and size.height() <= available.height()
