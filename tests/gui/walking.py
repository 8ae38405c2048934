"""What the walk-through's window tests do as a worker would: start or resume a
screening with the case list's buttons, press keys where the focus is, click
buttons, and act on a modal dialog as soon as it is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from tests.gui.conftest import when_shown

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def focus():
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, text):
    """Single keys, each to whatever has the focus by then."""
    for key in text:
        qtbot.keyClicks(focus(), key)


def click(qtbot, button):
    qtbot.mouseClick(button, LEFT)


def tick(qtbot, box):
    """Tick or untick a check box with the space bar."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def screen(qtbot, window, ref=None):
    """*Screen / resume* on the first case: resumes its draft, or starts a
    screening with the checklist ``ref`` chosen in the dialog that asks."""
    window.cases.table.selectRow(0)
    if ref is not None:
        name = ref.partition("@")[0]

        def choose(dialog):
            dialog.setTextValue(next(i for i in dialog.comboBoxItems() if name in i))
            dialog.accept()

        when_shown(QInputDialog, choose)
    click(qtbot, window.cases.screen_button)
    view = window.screening_view
    assert view is not None
    # The window manager makes the window active again once the dialog has gone
    # (offscreen, nothing does); the keys go to the answer.
    window.activateWindow()
    qtbot.waitUntil(lambda: view.isAncestorOf(QApplication.focusWidget()))
    return view


def back_to_cases(qtbot, window):
    """*Back to cases* by its key, Alt+C, pressed where the focus is.

    A button's mnemonic clicks it as Qt animates a click: the button shows
    pressed and is clicked about 100 ms later, so the key's effect is waited for,
    never read at once."""
    assert window.screening_view is not None
    if QApplication.activeWindow() is not window:
        window.activateWindow()  # after a dialog, as the window manager does
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(focus(), Qt.Key.Key_C, ALT)
    qtbot.waitUntil(lambda: window.screening_view is None, timeout=5000)


def open_last(qtbot, window):
    """*Open last screening* on the first case."""
    window.cases.table.selectRow(0)
    click(qtbot, window.cases.open_button)
    view = window.screening_view
    assert view is not None
    window.activateWindow()  # after a dialog, as the window manager does
    qtbot.waitUntil(lambda: view.isAncestorOf(QApplication.focusWidget()))
    return view


def go_to(qtbot, view, item_id):
    """Open an item from the overview (Ctrl+O, its row, Enter), as a worker jumps."""
    qtbot.keyClick(focus(), Qt.Key.Key_O, CTRL)
    overview = view.form.overview
    assert focus() is overview
    model = overview.model()
    rows = [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]
    qtbot.keyClick(overview, Qt.Key.Key_Home)
    for _ in range(rows.index(item_id)):
        qtbot.keyClick(overview, Qt.Key.Key_Down)
    qtbot.keyClick(overview, Qt.Key.Key_Return)
    assert view.walk.current == item_id


def overview_ids(view):
    model = view.form.overview.model()
    return [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]
