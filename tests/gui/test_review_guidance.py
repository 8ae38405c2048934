"""The review where the worker decides shows the chosen outcome's standing
guidance ("do not raise the concern with the accompanying adults") as standing
instructions with no due time, and follows the decision as it is changed by
keyboard; completing makes no task of it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.gui.test_followup_window import in_dialog, unlock
from tests.gui.walking import CTRL, click, focus, go_to, press, screen

from idcheck.gui.review import ReviewDialog
from idcheck.gui.session import store_behind

INTAKE = "intake-screen@1.1.0"


def test_the_review_shows_the_decisions_standing_guidance(qtbot, fwindow, clock):
    unlock(qtbot, fwindow)
    store = store_behind(fwindow.session)
    case_id = store.list_cases()[0].id
    clock.t = store.get_case(case_id, audit=False).first_contact_at + 10 * 60
    view = screen(qtbot, fwindow, INTAKE)
    press(qtbot, "nn")
    go_to(qtbot, view, "debt")
    press(qtbot, "y")
    seen: dict[str, object] = {}

    def decide(dialog):
        seen["suggested"] = dialog.outcome.currentData()
        seen["first"] = dialog.guidance.toPlainText()
        seen["first_visible"] = dialog.guidance.isVisible()
        # Up the decision list by keyboard, to immediate protection.
        dialog.outcome.setFocus()
        while dialog.outcome.currentData() != "immediate-protection":
            qtbot.keyClick(dialog.outcome, Qt.Key.Key_Up)
        seen["protect"] = dialog.guidance.toPlainText()
        seen["spoken"] = dialog.guidance.accessibleName()
        # Back down to the suggestion, and complete with it.
        while dialog.outcome.currentData() != seen["suggested"]:
            qtbot.keyClick(dialog.outcome, Qt.Key.Key_Down)
        click(qtbot, dialog.complete_button)

    in_dialog(qtbot, ReviewDialog, decide)
    qtbot.keyClick(focus(), Qt.Key.Key_R, CTRL)
    assert seen["suggested"] == "full-screening"
    assert seen["first_visible"]
    assert "Throughout, with no due time (standing guidance):" in str(seen["first"])
    assert "Do not raise the concern with the accompanying adults." in str(seen["first"])
    assert "Stay with the child" not in str(seen["first"])
    assert "Stay with the child" in str(seen["protect"])
    assert "Do not confront the accompanying adults" in str(seen["protect"])
    assert str(seen["spoken"]).startswith("Standing guidance: ")
    # Completed: the guidance is no task, and nothing is overdue ten minutes on.
    made = store.tasks(case_id)
    assert made and "Do not raise the concern with the accompanying adults." not in {
        t.what for t in made
    }
    assert not any(t.overdue(clock.t) for t in made)
