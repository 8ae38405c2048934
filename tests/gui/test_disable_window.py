"""Administration → Users: *Disable* on an account that is disabled already,
or with no account chosen, says so (it did nothing, without a word)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from idcheck.gui.admin import AdminDialog
from idcheck.gui.session import store_behind


def test_the_window_says_a_disabled_user_is_disabled_already(qtbot, window, unlock, messages):
    unlock(qtbot, window)
    store = store_behind(window.session)
    store.add_user("ben", "ben's long password", "worker")
    store.disable_user(store.user_by_name("ben").id)
    d = AdminDialog(window.session, window)
    qtbot.addWidget(d)
    users = d.users
    row = [u.username for u in users.users].index("ben")
    users.table.selectRow(row)
    qtbot.mouseClick(users.disable_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1] == ("info", "ben is disabled already.")
    assert users.changing is None  # no key change started
    users.table.clearSelection()
    users.table.setCurrentCell(-1, -1)
    qtbot.mouseClick(users.disable_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1] == ("info", "Choose the user to disable in the list.")
