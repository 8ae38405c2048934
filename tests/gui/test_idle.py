"""The idle lock: activity anywhere starts the time again while a store is open,
and nothing starts it while the window is locked."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_a_key_press_starts_the_idle_time_again(qtbot, window, unlock):
    unlock(qtbot, window)
    assert window.idle.isActive() and window.idle.interval() == 5 * 60_000
    # Ten seconds: below the twenty at which Qt rounds a timer to whole seconds.
    window.idle.setInterval(10_000)
    window.idle.start()
    qtbot.wait(1500)
    before = window.idle.remainingTime()
    qtbot.keyClick(window.cases.search, Qt.Key.Key_A)
    assert window.idle.remainingTime() > before


def test_nothing_starts_the_idle_time_while_locked(qtbot, window, unlock):
    unlock(qtbot, window)
    window.lock()
    assert not window.idle.isActive()
    qtbot.keyClick(window.unlock_page.user, Qt.Key.Key_A)
    qtbot.mouseClick(window.unlock_page.user, Qt.MouseButton.LeftButton)
    assert not window.idle.isActive()
