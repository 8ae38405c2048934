"""The walk-through by keyboard, the immediate-danger stop, review and completion."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from idcheck.gui.screening import DangerDialog, ReviewDialog
from idcheck.gui.session import store_behind

PASSWORD = "correct horse battery"


@pytest.fixture
def window(walk_window):
    return walk_window


def start(window):
    window.cases.screen_selected(checklist_ref="intake-screen@1.0.0")
    view = window.screening_view
    assert view is not None
    return view


def key(qtbot, view, text):
    target = QApplication.focusWidget() or view
    qtbot.keyClicks(target, text)


def acknowledge_dangers(qtbot):
    """Click the acknowledgement of any danger dialog as soon as it is shown."""

    def click():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, DangerDialog) and w.isVisible():
                qtbot.mouseClick(w.ack, Qt.MouseButton.LeftButton)
                return
        QTimer.singleShot(20, click)

    QTimer.singleShot(20, click)


def test_walk_the_whole_intake_screen_by_keyboard(qtbot, window):
    view = start(window)
    store = store_behind(window.session)
    visited = []
    while True:
        item_id = view.current
        if item_id in visited:
            break
        visited.append(item_id)
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit):
            qtbot.keyClicks(focus, "15")
            qtbot.keyClick(focus, Qt.Key.Key_Return)
        else:
            qtbot.keyClick(view, Qt.Key.Key_N)
        assert view.saved.text().startswith("Saved"), item_id
    checklist = view.checklist
    assert set(visited) == set(checklist.item_ids())
    stored = store.get_screening(view.screening_id, audit=False)
    assert set(stored.answers) == set(checklist.item_ids())
    assert stored.answers["claimed-age"].answer.value == 15
    assert stored.answers["debt"].answer.value == "no"


def test_answer_context_is_saved_with_the_answer(qtbot, window):
    view = start(window)
    view.show_item("debt")
    view.source.setCurrentIndex(view.source.findData("child-said"))
    view.child_words.setPlainText("Jeg må betale tilbake reisen")
    view.language.setText("nb")
    view.interpreter_present.setChecked(True)
    view.interpreter.setText("Phone 4411")
    view.read_back.setChecked(True)
    view.note.setPlainText("Looked at the door")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Y)
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


def test_immediate_danger_stops_the_walk_until_acknowledged(qtbot, window):
    view = start(window)
    assert view.current == "danger-harm"
    acknowledge_dangers(qtbot)
    qtbot.keyClick(view, Qt.Key.Key_Y)
    dialog = view.danger_dialog
    assert dialog.result() == DangerDialog.DialogCode.Accepted
    texts = " ".join(lbl.text() for lbl in dialog.findChildren(type(view.saved)))
    assert "Local police duty desk" in texts and "112" in texts
    dialog.reject()  # Escape does not dismiss it
    assert dialog.result() == DangerDialog.DialogCode.Accepted  # unchanged by reject


def test_resume_where_it_was_left_after_the_window_is_gone(qtbot, window):
    view = start(window)
    sid = view.screening_id
    qtbot.keyClick(view, Qt.Key.Key_N)
    qtbot.keyClick(view, Qt.Key.Key_N)
    where = view.current
    window._back_to_cases()
    window.cases.table.selectRow(0)
    window.cases.screen_selected()
    resumed = window.screening_view
    assert resumed.screening_id == sid
    assert resumed.current == where
    assert set(resumed.answers) == {"danger-harm", "danger-missing"}


def test_review_decide_complete_then_read_only(qtbot, window, monkeypatch):
    view = start(window)
    view.show_item("debt")
    qtbot.keyClick(view, Qt.Key.Key_Y)

    def decide(dialog):
        assert dialog.result_assessment.outcome.id == "full-screening"
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("immediate-protection"))
        dialog._check()
        assert "Give your reasons" in dialog.note.text()  # differs: reasons required
        dialog.reasons.setPlainText("The adult outside is waiting for her.")
        dialog._check()
        return dialog.result()

    monkeypatch.setattr(ReviewDialog, "exec", decide)
    sid = view.screening_id
    view.open_review()
    store = store_behind(window.session)
    rec = store.get_screening(sid, audit=False)
    assert rec.completed
    assert rec.decision.decision_outcome == "immediate-protection"
    assert rec.decision.suggested_outcome == "full-screening"
    window.cases.table.selectRow(0)
    window.cases.open_selected()
    ro = window.screening_view
    assert ro.read_only
    assert not any(b.isEnabled() for b in ro.option_buttons.values())
    qtbot.keyClick(ro, Qt.Key.Key_N)
    assert store.get_screening(sid, audit=False).answers["debt"].answer.value == "yes"


def test_referral_preview_save_and_print_are_audited(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    from idcheck.gui.referral import ReferralDialog

    view = start(window)
    view.show_item("debt")
    qtbot.keyClick(view, Qt.Key.Key_Y)
    monkeypatch.setattr(ReferralDialog, "exec", lambda self: 0)
    view.open_referral()
    dialog = view.referral_dialog
    assert dialog.pages.count() >= 1
    out = tmp_path / "referral.pdf"
    dialog.save_to(out)
    assert out.read_bytes().startswith(b"%PDF")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.print_to(printer)
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
    store = store_behind(window.session)
    with store._read() as conn:
        actions = [a for (a,) in conn.exec_driver_sql("SELECT action FROM audit")]
    assert actions.count("report-exported") == 1 and actions.count("report-printed") == 1


def test_the_review_opens_large_enough_to_read_on_a_laptop(qtbot, window, monkeypatch):
    """The review was opened at its small size hint (about 560 x 420), leaving the
    indicators, the suggestion and why in a box a few lines high."""
    view = start(window)
    view.show_item("debt")
    qtbot.keyClick(view, Qt.Key.Key_Y)
    sizes = []

    def shown(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        available = dialog.screen().availableGeometry()
        sizes.append((dialog.size(), available, dialog.summary.height()))
        dialog.reject()
        return 0

    monkeypatch.setattr(ReviewDialog, "exec", shown)
    qtbot.mouseClick(view.review_button, Qt.MouseButton.LeftButton)
    (size, available, _summary), = sizes
    assert size.width() >= min(900, available.width() - 40), (size, available)
    assert size.height() >= min(760, available.height() - 60), (size, available)
    assert size.width() <= available.width() and size.height() <= available.height()
