"""A case reference pasted with a line break in it (the field shows the break
as a space) is refused by the new-case form with a message, and nothing typed
is lost; it had been saved, and then split the reference on every page and
file name, and the command line could not find the case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from idcheck.gui.cases import CaseForm
from idcheck.gui.session import store_behind

from .conftest import when_shown

LEFT = Qt.MouseButton.LeftButton


def test_a_reference_pasted_with_a_line_break_is_refused_and_kept_as_typed(qtbot, window, unlock):
    unlock(qtbot, window)
    store = store_behind(window.session)
    before = [r.reference for r in store.list_cases()]
    seen: list[str] = []

    def fill(form: CaseForm) -> None:
        QApplication.clipboard().setText("2026-017\nOslo S")
        form.reference.setFocus()
        qtbot.keyClick(form.reference, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert "\n" in form.reference.text()  # what was pasted, as it was pasted
        QApplication.clipboard().setText("محمد")  # QTest types ASCII only: pasted
        form.given.setFocus()
        qtbot.keyClick(form.given, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)
        seen.append(form.problem.text())
        assert form.isVisible() and form.given.text() == "محمد"
        assert QApplication.focusWidget() is form.reference
        # Typed again as one line, it is saved.
        form.reference.selectAll()
        qtbot.keyClicks(form.reference, "2026-017 Oslo S")
        assert not form.problem.isVisible()
        qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)

    when_shown(CaseForm, fill)
    qtbot.mouseClick(window.cases.new_button, LEFT)
    assert seen == [
        "The case reference must be one line of text: it holds a line break or an "
        "invisible character. Type it again."
    ]
    after = [r.reference for r in store.list_cases()]
    assert sorted(after) == sorted([*before, "2026-017 Oslo S"])


def test_the_new_case_form_opens_with_the_keys_in_the_reference(qtbot, window, unlock):
    """What is typed first is the reference: the form opened with the keys on the
    scrolling area around its fields, so a Tab was needed before anything typed
    went anywhere."""
    unlock(qtbot, window)
    seen = {}

    def fill(form: CaseForm) -> None:
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        seen["focus"] = QApplication.focusWidget()
        qtbot.keyClicks(QApplication.focusWidget(), "2026-099")
        seen["typed"] = form.reference.text()
        form.reject()

    when_shown(CaseForm, fill)
    qtbot.mouseClick(window.cases.new_button, LEFT)
    assert seen["typed"] == "2026-099"
