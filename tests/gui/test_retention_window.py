"""Administration → Settings: *Delete closed cases past the retention time…*
acts on the retention time saved. With another time shown and not saved, it
said "Every case is kept: no retention time is set" (or asked about the old
time) under a box showing the new one; it now says to save it first, and
deletes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from idcheck.gui.admin import AdminDialog
from idcheck.gui.session import store_behind
from idcheck.store import CaseDetails


def test_delete_with_a_retention_time_shown_but_not_saved(qtbot, window, unlock, messages):
    unlock(qtbot, window)
    store = store_behind(window.session)
    old = store.create_case(CaseDetails(reference="OLD-1"))
    store.close_case(old)
    d = AdminDialog(window.session, window)
    qtbot.addWidget(d)
    d.show()
    tab = d.settings
    d.tabs.setCurrentWidget(tab)
    tab.retention.setFocus()
    qtbot.keyClick(tab.retention, Qt.Key.Key_Up)  # 0 → 1 year, not saved
    assert tab.retention.value() == 1
    assert tab.retention.text() == "1 year"  # not "1 years"
    qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)
    kind, text = messages.shown[-1]
    assert kind == "info"  # not a question: nothing is deleted
    assert "not saved" in text and "Save settings" in text
    assert "Every case is kept" not in text
    assert [c.reference for c in store.list_cases() if c.reference == "OLD-1"] == ["OLD-1"]
    # Saved, the same button asks about that time.
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    messages.confirms.append(False)  # "No" to the question
    qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)
    kind, text = messages.shown[-1]
    assert kind == "confirm" and "older than 1 year," in text
    assert [c.reference for c in store.list_cases() if c.reference == "OLD-1"] == ["OLD-1"]
