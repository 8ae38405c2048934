"""Tables that ask for the height of a few rows: a dialog of several tables
opens small enough for a laptop at large text, and each table grows with the
dialog (and scrolls) when there is room."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QTableView, QTableWidget

__all__ = ["ShortTableView", "ShortTableWidget", "short_hint"]

#: The rows a table asks room for.
ROWS = 3


def short_hint(view: QTableView, hint: QSize) -> QSize:
    header = view.horizontalHeader()
    rows = view.verticalHeader().defaultSectionSize() * ROWS
    height = (header.sizeHint().height() if header.isVisible() else 0) + rows
    return QSize(hint.width(), height + 2 * view.frameWidth())


class ShortTableView(QTableView):
    def sizeHint(self) -> QSize:
        return short_hint(self, super().sizeHint())


class ShortTableWidget(QTableWidget):
    def sizeHint(self) -> QSize:
        return short_hint(self, super().sizeHint())
