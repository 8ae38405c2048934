"""A date of birth written as YYYY-MM-DD but on no day of the calendar
(2011-02-30, 2011-13-05) is said as such: "does not exist: check the month and
the day". It was told "is not a date: write it as YYYY-MM-DD", which it was.
A date in another form is still asked for as YYYY-MM-DD. Nothing typed is lost."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from idcheck.gui.cases import CaseForm

from .conftest import when_shown

LEFT = Qt.MouseButton.LeftButton


def test_a_day_that_does_not_exist_is_said_so(qtbot, window, unlock):
    unlock(qtbot, window)
    seen: list[str] = []

    def fill(form: CaseForm) -> None:
        qtbot.keyClicks(form.reference, "2026-031")
        save = form.buttons.button(QDialogButtonBox.StandardButton.Save)
        for typed in ("2011-02-30", "30.02.2011"):
            form.dob.clear()
            qtbot.keyClicks(form.dob, typed)
            qtbot.mouseClick(save, LEFT)
            seen.append(form.problem.text())
        assert form.isVisible() and form.reference.text() == "2026-031"
        form.reject()

    when_shown(CaseForm, fill)
    qtbot.mouseClick(window.cases.new_button, LEFT)
    assert seen == [
        "The date of birth 2011-02-30 does not exist: check the month and the day.",
        "The date of birth 30.02.2011 is not a date: write it as YYYY-MM-DD.",
    ]
