"""The case list as a table model: reference, name, status, the danger stop,
the follow-up (a missing child, overdue and due-soon tasks), screenings, the
last outcome, when it was updated, and where a shared case came from."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication

from idcheck.gui.followup_models import follow_up_data
from idcheck.gui.followup_words import case_flags

if TYPE_CHECKING:
    from idcheck.store import CaseRow

__all__ = ["PAGE", "CaseTableModel"]

#: Rows given to the view at a time (the first page, then one more a scroll).
PAGE = 100


class CaseTableModel(QAbstractTableModel):
    """The case list: reference, names, status, screenings, last outcome, updated."""

    HEADERS = (
        QT_TRANSLATE_NOOP("CaseTableModel", "Reference"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Name"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Status"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Alert"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Follow-up"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Screenings"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Last outcome"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Updated"),
        QT_TRANSLATE_NOOP("CaseTableModel", "From"),
    )

    #: The column that marks a draft in which the danger stop fired.
    ALERT = 3
    #: The follow-up: an open missing episode, overdue and due-soon tasks, in
    #: words with an icon (colour only repeats them).
    FOLLOW_UP = 4
    #: The column the list is sorted by at first (newest first).
    UPDATED = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CaseRow] = []
        # Each row's cells as shown, made when the row is first shown.
        self._shown: list[tuple[Any, ...] | None] = []
        # How many rows the view has been given so far.
        self._loaded = 0
        # Outcome id -> label, filled once the checklists are loaded.
        self.outcomes: dict[str, str] = {}

    def set_rows(self, rows: list[CaseRow]) -> None:
        """The list's rows, newest first; the view is given the first
        :data:`PAGE` and more as it scrolls (Qt's fetchMore), so a list of
        thousands is shown as soon as its first page is."""
        self.beginResetModel()
        self.rows = rows
        self._shown = [None] * len(rows)
        self._loaded = min(PAGE, len(rows))
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._loaded < len(self.rows)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._give(PAGE)

    def fetch_all(self) -> None:
        """Every row to the view (to sort them all by another column, or find one)."""
        self._give(len(self.rows))

    def _give(self, n: int) -> None:
        more = min(n, len(self.rows) - self._loaded)
        if more > 0:
            self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
            self._loaded += more
            self.endInsertRows()

    def set_outcomes(self, labels: dict[str, str]) -> None:
        """The outcome labels; the rows are shown again with them."""
        self.beginResetModel()
        self.outcomes = labels
        self._shown = [None] * len(self.rows)
        self.endResetModel()

    def _display(self, row: int) -> tuple[Any, ...]:
        """A row's cells as shown, made once a row (the view asks for each
        cell many times: painting, sizing the columns to their contents, sorting)."""
        shown = self._shown[row]
        if shown is None:
            r = self.rows[row]
            translate = QApplication.translate
            shown = (
                r.reference,
                " ".join(x for x in (r.given_name, r.family_name) if x),
                translate("CaseTableModel", r.status),
                translate("CaseTableModel", "DANGER STOP") if r.danger else "",
                case_flags(r),
                r.screenings,
                self.outcomes.get(r.last_outcome or "", r.last_outcome or ""),
                time.strftime("%Y-%m-%d %H:%M", time.localtime(r.updated_at)),
                # Where a case received from another site came from (its name and fingerprint).
                r.origin or "",
            )
            self._shown[row] = shown
        return shown

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QApplication.translate("CaseTableModel", str(self.HEADERS[section]))
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:  # the role asked for most
            return self._display(index.row())[index.column()]
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        if index.column() == self.FOLLOW_UP:
            return follow_up_data(r, role)
        if index.column() == self.ALERT and r.danger:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#8b0000"))
            if role == Qt.ItemDataRole.ToolTipRole:
                return QApplication.translate(
                    "CaseTableModel",
                    "A draft of this case recorded an answer that stops the screening for "
                    "immediate danger.",
                )
        return None
