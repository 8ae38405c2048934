"""The overview of the walk-through as a list model: one row per visible item,
marked when answered, with the answer in its accessible text. An answer updates
the rows in place; only a change of the rows shown (show-if, *Only unanswered*)
resets the model.

Roles: ``Qt.DisplayRole`` the mark, number and text (cut), ``ITEM_ID_ROLE`` the
item id, ``Qt.AccessibleTextRole`` the whole text and the answer, ``Qt.ToolTipRole``
the whole text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QListView

from idcheck.checklist import Indicator, Question, text_for
from idcheck.gui.walk_words import answer_text
from idcheck.walk import OverviewRow, WalkState

__all__ = ["ITEM_ID_ROLE", "OverviewModel"]

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole

Index = QModelIndex | QPersistentModelIndex


class OverviewModel(QAbstractListModel):
    """The visible items of a :class:`WalkState`, in walk order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.walk: WalkState | None = None
        self.lang = "en"
        self.only_unanswered = False
        self._rows: list[OverviewRow] = []
        self._items: dict[str, Indicator | Question] = {}
        # Rows cut to the list's width with an ellipsis, once per text and width
        # (Qt's own eliding redid every visible row on every answer).
        self._view: QListView | None = None
        self._elided: dict[str, str] = {}

    def show(self, walk: WalkState, lang: str) -> None:
        """Show another walk (a screening loaded)."""
        self.beginResetModel()
        self.walk, self.lang = walk, lang
        self._items = {item.id: item for _, item in walk.checklist.items()}
        self._rows = walk.overview(self.only_unanswered)
        self.endResetModel()

    def follow_width(self, view: QListView) -> None:
        """Cut each row to ``view``'s width, again when it is resized."""
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._view = view
        view.viewport().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._rows:
            self._elided.clear()
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))
        return False

    def _cut(self, text: str) -> str:
        view = self._view
        if view is None:
            return text
        cut = self._elided.get(text)
        if cut is None:
            width = view.viewport().width() - 2 * view.spacing() - 8
            cut = view.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)
            self._elided[text] = cut
        return cut

    def set_only_unanswered(self, on: bool) -> None:
        self.only_unanswered = on
        self.refresh()

    def refresh(self) -> None:
        """Follow the walk: rows changed in place, or the model reset when the
        rows shown are others."""
        if self.walk is None:
            return
        rows = self.walk.overview(self.only_unanswered)
        if [r.item_id for r in rows] != [r.item_id for r in self._rows]:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        changed = [
            n for n, (old, new) in enumerate(zip(self._rows, rows, strict=True)) if old != new
        ]
        self._rows = rows
        if changed:
            self.dataChanged.emit(self.index(changed[0]), self.index(changed[-1]))

    def row_of(self, item_id: str) -> int:
        """The row of an item; -1 when it is not listed."""
        return next((n for n, r in enumerate(self._rows) if r.item_id == item_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.walk is None or not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ITEM_ID_ROLE:
            return row.item_id
        item = self._items[row.item_id]
        text = text_for(item.text, self.lang)
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "✓" if row.answer is not None else "·"
            return self._cut(f"{mark} {row.number}. {text}")
        if role == Qt.ItemDataRole.ToolTipRole:
            return text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = (
                QCoreApplication.translate("ScreeningView", "answered: {0}").format(
                    answer_text(item, row.answer, self.lang)
                )
                if row.answer is not None
                else QCoreApplication.translate("ScreeningView", "not answered")
            )
            return f"{row.number}. {text} — {state}"
        return None
