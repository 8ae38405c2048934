"""The why of an item in the walk-through, one key away: F1 on the item with the
focus shows its cited sources and what its verification means for it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from idcheck.checklist import Indicator, text_for
from idcheck.gui.why import WhyDialog

from .conftest import when_shown

INTAKE = "intake-screen@1.1.0"


def _press_why(qtbot, view):
    """F1 where the focus is; returns what the dialog showed, closed by Escape."""
    seen = {}

    def read(dialog):
        seen["title"] = dialog.windowTitle()
        seen["text"] = dialog.text.toPlainText()
        qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)

    when_shown(WhyDialog, read)
    focus = QApplication.focusWidget()
    assert focus is not None and view.isAncestorOf(focus)
    qtbot.keyClick(focus, Qt.Key.Key_F1)
    assert seen, "F1 opened no dialog"
    return seen


def test_f1_in_the_walk_shows_the_sources_and_the_verification_of_the_item(qtbot, walk_window):
    walk_window.cases.screen_selected(checklist_ref=INTAKE)
    view = walk_window.screening_view
    view.show_item("adult-controls")
    item = view.walk.checklist.item("adult-controls")
    assert isinstance(item, Indicator) and item.verification == "secondary"

    seen = _press_why(qtbot, view)
    text = seen["text"]
    assert text_for(item.text, "en") in text
    assert "Secondary: this item is found only in a compilation" in text
    assert text_for(item.verification_note, "en") in text
    sources = {s.id: s for s in view.walk.checklist.sources}
    for ref in item.sources:
        assert sources[ref.ref].title in text
    assert "Strength: strong" in text
    # closed, and the walk goes on where it was, nothing answered by the keys
    assert not any(isinstance(w, WhyDialog) and w.isVisible() for w in qtbot_widgets())
    assert view.walk.current == "adult-controls"
    assert "adult-controls" not in view.walk.answers


def test_an_unverified_item_says_it_is_the_authors_judgement(qtbot, walk_window):
    walk_window.cases.screen_selected(checklist_ref=INTAKE)
    view = walk_window.screening_view
    item = next(
        i
        for _, i in view.walk.checklist.items()
        if isinstance(i, Indicator) and i.verification == "unverified" and i.show_if is None
    )
    view.show_item(item.id)
    text = _press_why(qtbot, view)["text"]
    assert "Unverified: no published list gives this element and strength" in text
    assert text_for(item.verification_note, "en") in text


def qtbot_widgets():
    return QApplication.topLevelWidgets()
