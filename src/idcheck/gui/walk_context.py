"""An answer's own context as typed: where it comes from, the child's words as
said (written right to left when they are), whether they were read back, and the
worker's note. One :class:`ContextFields` per item panel, filled again when the
panel shows another item."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QPlainTextEdit, QWidget

from idcheck.gui.walk_words import source_choice
from idcheck.report.rtl import base_is_rtl
from idcheck.store import SOURCES, AnswerContext

__all__ = ["ContextFields"]


class ContextFields(QWidget):
    """Source, the child's own words, read back, and the worker's note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = QComboBox()
        self.source.setAccessibleName(QCoreApplication.translate("ItemPanel", "Source"))
        self.source.addItem(QCoreApplication.translate("ItemPanel", "(source not recorded)"), None)
        for s in SOURCES:
            self.source.addItem(source_choice(s), s)
        self.child_words = QPlainTextEdit()
        self.child_words.setAccessibleName(
            QCoreApplication.translate("ItemPanel", "The child's own words, as said")
        )
        self.child_words.setTabChangesFocus(True)
        self.child_words.setMaximumHeight(70)
        self.child_words.textChanged.connect(self.align_child_words)
        self.read_back = QCheckBox(
            QCoreApplication.translate("ItemPanel", "Read back to the child")
        )
        self.read_back.setAccessibleName(
            QCoreApplication.translate("ItemPanel", "Read back to the child")
        )
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(QCoreApplication.translate("ItemPanel", "Your note"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(60)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(QCoreApplication.translate("ItemPanel", "Source"), self.source)
        form.addRow(QCoreApplication.translate("ItemPanel", "Child's own words"), self.child_words)
        form.addRow("", self.read_back)
        form.addRow(QCoreApplication.translate("ItemPanel", "Your note"), self.note)
        #: Whether the child's chosen language is written right to left.
        self.child_rtl = False

    def controls(self) -> list[QWidget]:
        """In tab order."""
        return [self.source, self.child_words, self.read_back, self.note]

    def fill(self, context: AnswerContext | None) -> None:
        """Show a stored context (an empty form for none)."""
        c = context or AnswerContext()
        self.source.setCurrentIndex(max(0, self.source.findData(c.source)))
        if self.child_words.toPlainText() != (c.child_words or ""):
            self.child_words.setPlainText(c.child_words or "")
        self.read_back.setChecked(bool(c.read_back))
        if self.note.toPlainText() != (c.worker_note or ""):
            self.note.setPlainText(c.worker_note or "")
        self.align_child_words()

    def fields(self) -> dict[str, Any]:
        """The per-answer part of a context, as typed."""

        def text(w: QPlainTextEdit) -> str | None:
            t = w.toPlainText()
            return t if t.strip() else None

        return {
            "source": self.source.currentData(),
            "worker_note": text(self.note),
            "child_words": text(self.child_words),
            "read_back": self.read_back.isChecked() or None,
        }

    def set_read_only(self, read_only: bool) -> None:
        for w in self.controls():
            w.setEnabled(not read_only)

    def set_child_rtl(self, rtl: bool) -> None:
        self.child_rtl = rtl
        self.align_child_words()

    def align_child_words(self) -> None:
        """The child's words as they are written: right to left and aligned right
        when they start with a right-to-left letter, or, while empty, when the
        child's language is written right to left."""
        box = self.child_words
        text = box.toPlainText()
        rtl = base_is_rtl(text) if text.strip() else self.child_rtl
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        if box.layoutDirection() != direction:
            box.setLayoutDirection(direction)
        option = box.document().defaultTextOption()
        align = (
            Qt.AlignmentFlag.AlignRight
            if rtl
            else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
        )
        if option.alignment() != align:
            option.setAlignment(align)
            box.document().setDefaultTextOption(option)
