"""The referral dialog from the window: opened with the screening's Referral
button, whatever the worker typed (line breaks included) previews and saves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from idcheck.checklist import Answer
from idcheck.gui.referral import ReferralDialog
from idcheck.gui.session import store_behind
from idcheck.store import AnswerContext

WORDS = "He took my papers\nand said\r\nI owe him\u2028</para> & ]]>\tend"


@pytest.fixture
def view(walk_window):
    walk_window.cases.screen_selected(checklist_ref="intake-screen@1.1.0")
    v = walk_window.screening_view
    assert v is not None
    return v


def test_the_referral_button_previews_text_with_line_breaks(
    qtbot, view, walk_window, monkeypatch, tmp_path
):
    store = store_behind(walk_window.session)
    out = tmp_path / "referral.pdf"
    errors: list[str] = []
    messages = walk_window.session.messages
    monkeypatch.setattr(messages, "save_path", lambda *args: out)
    monkeypatch.setattr(messages, "error", lambda parent, title, text: errors.append(text))
    store.record_answer(
        view.screening_id,
        "documents-held",
        Answer(value="yes"),
        AnswerContext(source="child-said", child_words=WORDS, worker_note="seen\nat the door"),
    )
    monkeypatch.setattr(ReferralDialog, "exec", lambda self: 0)
    qtbot.mouseClick(view.form.referral_button, Qt.MouseButton.LeftButton)
    dialog = view.handoff.referral_dialog
    assert isinstance(dialog, ReferralDialog)
    assert dialog.pages.count() >= 1 and dialog.data.startswith(b"%PDF")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"%PDF")
    assert errors == []


@pytest.fixture
def dialog(qtbot, view, monkeypatch):
    monkeypatch.setattr(ReferralDialog, "exec", lambda self: 0)
    qtbot.mouseClick(view.form.referral_button, Qt.MouseButton.LeftButton)
    return view.handoff.referral_dialog


def test_save_writes_the_previewed_pdf_and_audits_once(
    qtbot, dialog, walk_window, monkeypatch, tmp_path
):
    store = store_behind(walk_window.session)
    out = tmp_path / "saved.pdf"
    monkeypatch.setattr(walk_window.session.messages, "save_path", lambda *args: out)
    previewed = dialog.data
    before = len(store.audit_trail())
    qtbot.wait(1100)  # a new PDF would carry a later time in its footer
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes() == previewed
    assert [r.action for r in store.audit_trail()[before:]] == ["report-exported"]


def test_the_print_language_is_chosen_per_print(qtbot, dialog):
    import io

    from pypdf import PdfReader

    assert dialog.language.currentData() == "en"
    dialog.language.setFocus()
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)
    assert dialog.language.currentData() == "nb"
    assert PdfReader(io.BytesIO(dialog.data)).metadata.title == "Henvisningssammendrag"


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_the_preview_fits_a_laptop_screen_with_its_buttons_on_it(qtbot, dialog, size):
    from PySide6.QtCore import QPoint, QRect

    from idcheck.gui.referral import fit_to_screen

    # The screen less a task bar, as availableGeometry gives it.
    available = QRect(0, 0, size[0], size[1] - 40)
    fit_to_screen(dialog, 900, 900, available)
    dialog.move(available.topLeft())
    dialog.show()
    qtbot.waitExposed(dialog)
    frame = QRect(dialog.pos(), dialog.size())
    assert available.contains(frame), (frame, available)
    assert dialog.minimumSizeHint().height() <= available.height()
    for button in (
        dialog.save_button,
        dialog.print_button,
        dialog.letter_button,
        dialog.language,
        dialog.names,
    ):
        top_left = button.mapTo(dialog, QPoint(0, 0))
        assert QRect(top_left, button.size()).intersected(dialog.rect()) == QRect(
            top_left, button.size()
        ), button.text() if hasattr(button, "text") else button
        assert button.isVisible()


def _print_to_file(qtbot, dialog, target):
    """Press Print, and in Qt's own print dialog choose "Print to File (PDF)", type
    ``target`` and press its Print button."""
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import (
        QApplication,
        QComboBox,
        QDialogButtonBox,
        QLineEdit,
        QMessageBox,
    )

    seen = []

    def fill():
        d = QApplication.activeModalWidget()
        if not isinstance(d, QPrintDialog):
            QTimer.singleShot(100, fill)
            return
        seen.append(d)
        printers = d.findChild(QComboBox, "printers")
        printers.setCurrentIndex(printers.findText("Print to File (PDF)"))
        d.findChild(QLineEdit, "filename").setText(str(target))
        box = d.findChild(QDialogButtonBox)
        ok = [
            b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole
        ]
        QTimer.singleShot(200, overwrite)
        qtbot.mouseClick(ok[0], Qt.MouseButton.LeftButton)

    def overwrite():
        # Qt asks before printing over a file that exists: the user says Yes.
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    QTimer.singleShot(200, fill)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert seen, "the print dialog was not shown"


@pytest.mark.parametrize("name", ["idcheck.db", "keyslots.0.json"])
def test_printing_to_a_file_never_writes_over_the_store(
    qtbot, dialog, walk_window, monkeypatch, name
):
    store = store_behind(walk_window.session)
    target = store.data_dir / name
    before = target.read_bytes()
    errors: list[str] = []
    monkeypatch.setattr(
        walk_window.session.messages, "error", lambda parent, title, text: errors.append(text)
    )
    _print_to_file(qtbot, dialog, target)
    assert target.read_bytes() == before
    assert len(errors) == 1 and name in errors[0], errors
    assert store.audit_trail("report-printed") == []


def test_printing_to_a_pdf_file_prints_and_audits(qtbot, dialog, walk_window, tmp_path):
    out = tmp_path / "printed.pdf"
    _print_to_file(qtbot, dialog, out)
    assert out.read_bytes().startswith(b"%PDF")
    assert len(store_behind(walk_window.session).audit_trail("report-printed")) == 1
