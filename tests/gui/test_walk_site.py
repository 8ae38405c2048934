"""The walk-through says which case it is screening, and after the danger stop is
acknowledged its banner keeps the action and the numbers to call (the site's own
country's national numbers once the site is set up)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from tests.gui.conftest import when_shown
from tests.gui.walking import back_to_cases

from idcheck.gui.review import DangerDialog
from idcheck.gui.session import store_behind
from idcheck.store import SiteProfile

LEFT = Qt.MouseButton.LeftButton


def start_by_button(qtbot, window):
    """Screen / resume on the selected case, choosing the intake screen."""

    def choose(dialog):
        dialog.setTextValue(next(i for i in dialog.comboBoxItems() if "intake-screen" in i))
        dialog.accept()

    when_shown(QInputDialog, choose)
    qtbot.mouseClick(window.cases.screen_button, LEFT)
    view = window.screening_view
    assert view is not None
    return view


def acknowledge(qtbot, view):
    when_shown(DangerDialog, lambda d: qtbot.mouseClick(d.ack, LEFT))
    qtbot.keyClick(view, Qt.Key.Key_Y)
    assert view.danger.dialog.result() == DangerDialog.DialogCode.Accepted


def test_the_walk_through_shows_the_case_reference(qtbot, walk_window):
    view = start_by_button(qtbot, walk_window)
    assert view.form.case_label.isVisible()
    assert view.form.case_label.text() == f"Case 2026-080 · screening #{view.screening_id}"


def test_after_the_danger_stop_the_banner_keeps_the_action_and_the_numbers(qtbot, walk_window):
    view = start_by_button(qtbot, walk_window)
    assert view.walk.current == "danger-harm"
    assert not view.form.danger_banner.isVisible()
    acknowledge(qtbot, view)
    assert view.form.danger_banner.isVisible()
    assert view.form.danger_banner.text().splitlines() == [
        "Immediate danger recorded: The child may be in danger now. Stop the screen, stay "
        "with the child and call the emergency number.",
        "Call the police emergency number now and stay with the child until help arrives.",
        "Call: Local police duty desk: +47 02800; Police (emergency): 112 (NO); "
        "Police (emergency): 999 (GB)",
    ]
    # Still there when the draft is opened again.
    back_to_cases(qtbot, walk_window)
    walk_window.cases.table.selectRow(0)
    when_shown(DangerDialog, lambda d: qtbot.mouseClick(d.ack, LEFT))
    qtbot.mouseClick(walk_window.cases.screen_button, LEFT)
    qtbot.waitUntil(lambda: walk_window.screening_view.danger.dialog is not None)
    again = walk_window.screening_view
    assert (
        again.form.danger_banner.text().splitlines()[2].startswith("Call: Local police duty desk")
    )


def test_a_site_in_england_gets_its_own_country_numbers(qtbot, walk_window):
    store_behind(walk_window.session).set_site_profile(SiteProfile("Centre", "GB-EAW"))
    view = start_by_button(qtbot, walk_window)
    acknowledge(qtbot, view)
    calls = view.form.danger_banner.text().splitlines()[2]
    assert calls == "Call: Local police duty desk: +47 02800; Police (emergency): 999 (GB)"
    dialog_text = " ".join(
        lbl.text() for lbl in view.danger.dialog.findChildren(type(view.form.saved))
    )
    assert "999 (GB)" in dialog_text and "112" not in dialog_text
