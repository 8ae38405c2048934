"""What a worker types first goes where it belongs: at the program's start the
unlock page has the keys in its user name (it had them on the header's Help
button, so the name typed went nowhere)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import PASSWORD


def test_at_start_the_user_name_has_the_keys_and_enter_unlocks(qtbot, window):
    window.activateWindow()
    qtbot.waitActive(window)
    page = window.unlock_page
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.user)
    qtbot.keyClicks(QApplication.focusWidget(), "anna")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.password
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    if page.opening is not None:
        page.opening.wait()
    assert window.session is not None and window.session.username == "anna"
