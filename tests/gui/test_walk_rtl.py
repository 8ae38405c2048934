"""Right-to-left languages in the walk-through: the child wording of an Arabic
or Dari item is laid out right to left and aligned right, and the child's own
words typed in Arabic are written right to left, aligned right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication
from tests.gui.walking import click, screen

INTAKE = "intake-screen@1.1.0"
ARABIC = "أخذوا جواز سفري"


def test_child_wording_and_words_in_arabic_are_right_to_left(qtbot, walk_window):
    view = screen(qtbot, walk_window, INTAKE)
    click(qtbot, view.form.words_toggle)
    view.form.child_lang.setCurrentIndex(view.form.child_lang.findData("ar"))
    panel = view.panel
    assert panel.text.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert panel.text.alignment() & Qt.AlignmentFlag.AlignRight
    box = panel.context().child_words
    box.show()
    qtbot.waitExposed(box)
    # Empty, the box is ready for the child's language.
    assert box.layoutDirection() == Qt.LayoutDirection.RightToLeft
    box.setFocus()
    # Arabic comes from the keyboard's input method as committed text.
    commit = QInputMethodEvent("", [])
    commit.setCommitString(ARABIC)
    QApplication.sendEvent(box, commit)
    assert box.toPlainText() == ARABIC
    cursor = box.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    box.setTextCursor(cursor)
    # The first letter is at the right edge: the line is aligned right.
    assert box.cursorRect().x() > box.viewport().width() * 0.8
    # Latin words in an Arabic session go left to right, aligned left.
    box.clear()
    qtbot.keyClicks(box, "He took my passport")
    cursor = box.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    box.setTextCursor(cursor)
    assert box.cursorRect().x() < box.viewport().width() * 0.2
    # Back to an English child wording: left to right again.
    view.form.child_lang.setCurrentIndex(view.form.child_lang.findData("en"))
    assert panel.text.layoutDirection() == Qt.LayoutDirection.LeftToRight
