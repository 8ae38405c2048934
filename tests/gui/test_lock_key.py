"""Ctrl+L locks at once with a modal dialog open, by the idle lock's path: every
dialog closes as Cancel would (what was typed and not saved is not kept), nothing
of a child stays on the screen, and everything saved before is there after the
next unlock. Each test opens a real modal dialog with a real click and presses
the real Ctrl+L inside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QMessageBox
from tests.conftest import WORKER_PASSWORD
from tests.gui.conftest import PASSWORD, when_shown
from tests.gui.walking import CTRL, click, focus

from idcheck.gui.app import MainWindow
from idcheck.gui.case_dialog import CaseDialog
from idcheck.gui.cases import CaseForm
from idcheck.gui.session import Messages, store_behind

TOLD = (
    "The lock closed the dialog that was open. Everything saved before is here; what was "
    "typed in it and not yet saved was not kept."
)


def in_dialog(kind, act):
    """``act(dialog)`` once a modal ``kind`` is shown and active; a dialog still
    open after it (the lock did not close it) is closed, so the test fails
    instead of hanging, and ``seen["left open"]`` says so."""
    seen: dict[str, object] = {}

    def run(dialog):
        dialog.activateWindow()
        QApplication.processEvents()
        try:
            act(dialog)
        finally:
            QApplication.processEvents()
            if dialog.isVisible():
                seen["left open"] = type(dialog).__name__
                dialog.done(0)

    when_shown(kind, run)
    return seen


def visible_dialogs():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def texts_on_screen():
    """Every text a visible window shows (labels, fields, titles)."""
    found = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        found.append(top.windowTitle())
        for w in top.findChildren(QLabel) + top.findChildren(QLineEdit):
            if w.isVisible():
                found.append(w.text())
    return "\n".join(found)


def unlock_again(qtbot, w):
    page = w.unlock_page
    page.user.setText("anna")
    page.password.setFocus()
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    if page.opening is not None:
        page.opening.wait()
    assert w.session is not None


def test_ctrl_l_in_a_new_case_form_locks_and_keeps_nothing_typed(qtbot, window, unlock, messages):
    unlock(qtbot, window)
    store = store_behind(window.session)
    assert window.cases.model.rowCount() == 1

    def type_then_lock(form):
        form.reference.setFocus()
        qtbot.keyClicks(form.reference, "2026-099")
        qtbot.keyClicks(form.given, "Zainab")
        assert "Zainab" in texts_on_screen()
        qtbot.keyClick(focus(), Qt.Key.Key_L, CTRL)

    seen = in_dialog(CaseForm, type_then_lock)
    click(qtbot, window.cases.new_button)  # modal: returns once the form is gone
    assert seen == {}, f"Ctrl+L left {seen} open"
    assert window.session is None and not store.is_open
    assert window.stack.currentWidget() is window.unlock_page
    assert visible_dialogs() == []
    assert "Zainab" not in texts_on_screen() and "2026-099" not in texts_on_screen()
    # Saved before: kept. Typed in the form and never saved: not a case, and the
    # worker is told so on coming back.
    unlock_again(qtbot, window)
    refs = [window.cases.model.rows[i].reference for i in range(window.cases.model.rowCount())]
    assert refs == ["2026-017"]
    assert messages.shown == [("info", TOLD)]


def test_ctrl_l_closes_a_question_that_names_the_case(qtbot, data_dir, unlock):
    """A real question box (no session tracks it) above the case dialog: both go."""
    w = MainWindow(data_dir, Messages())
    qtbot.addWidget(w)
    w.show()
    try:
        unlock(qtbot, w)
        asked: dict[str, str] = {}

        def ask(box):
            asked["text"] = box.text()
            qtbot.keyClick(focus(), Qt.Key.Key_L, CTRL)

        question = in_dialog(QMessageBox, ask)
        dialog = in_dialog(CaseDialog, lambda d: click(qtbot, d.close_case_button))
        w.cases.table.selectRow(0)
        click(qtbot, w.cases.case_button)
        assert "2026-017" in asked["text"]
        assert question == {} and dialog == {}
        assert w.session is None and w.stack.currentWidget() is w.unlock_page
        assert visible_dialogs() == []
        assert "2026-017" not in texts_on_screen()
        # The question was not answered Yes: the case is still open. What the lock
        # did is said once the same person is back (a real message box, answered).
        told = {}
        in_dialog(QMessageBox, lambda box: (told.update(text=box.text()), box.accept()))
        unlock_again(qtbot, w)
        assert told == {"text": TOLD}
        assert w.cases.model.rows[0].status == "open"
    finally:
        w.lock()


def test_ctrl_l_in_the_case_dialog_locks_at_once(qtbot, window, unlock, messages):
    unlock(qtbot, window)
    store_behind(window.session).add_user("ben", WORKER_PASSWORD, "worker")

    def lock(dialog):
        assert "2026-017" in texts_on_screen()
        qtbot.keyClick(focus(), Qt.Key.Key_L, CTRL)

    seen = in_dialog(CaseDialog, lock)
    window.cases.table.selectRow(0)
    click(qtbot, window.cases.case_button)
    assert seen == {}
    assert window.session is None and visible_dialogs() == []
    assert "2026-017" not in texts_on_screen()
    # Another person signing in next is not told what anna had open.
    unlock(qtbot, window, user="ben", password=WORKER_PASSWORD)
    assert window.session is not None and messages.shown == []


def test_ctrl_l_on_the_unlock_page_is_an_ordinary_key(qtbot, window, unlock):
    """Locked, the key is not taken: the user name field gets what is typed."""
    qtbot.keyClick(window.unlock_page.user, Qt.Key.Key_L, CTRL)
    qtbot.keyClicks(window.unlock_page.user, "anna")
    assert window.unlock_page.user.text() == "anna"


def test_ctrl_l_while_a_slow_operation_runs_drops_its_result(qtbot, window, unlock):
    """The store closes under a call running off the UI thread: the call ends (with
    the store's refusal), nothing of it reaches the window, nothing crashes."""
    import time

    from idcheck.gui.ops import Op

    unlock(qtbot, window)
    got = []

    def busy(store):
        t = time.monotonic()
        n = 0
        while time.monotonic() - t < 1.0:
            store.list_cases(limit=50)
            n += 1
        return n

    op = window.session.start(Op("busy", busy, busy="Working…"), window, on_done=got.append)
    qtbot.wait(200)
    qtbot.keyClick(window.cases.search, Qt.Key.Key_L, CTRL)
    assert window.session is None
    op.wait(20_000)
    assert got == [] and not op.running
    assert window.stack.currentWidget() is window.unlock_page
