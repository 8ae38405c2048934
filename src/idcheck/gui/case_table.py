"""The case list as a table model: reference, name, status, the danger stop,
the follow-up (a missing child, overdue and due-soon tasks), screenings, the
last outcome, when it was updated, and where a shared case came from."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

from idcheck.gui.followup_models import follow_up_data
from idcheck.gui.followup_words import case_flags
from idcheck.store.sort_keys import name_key

if TYPE_CHECKING:
    from idcheck.store import CaseRow

__all__ = ["KEEP_SELECTED", "PAGE", "CaseTableModel", "CaseTableView", "Reader", "RestReader"]

#: Rows read from the store and given to the view at a time (the first page,
#: then one more each time the view is scrolled to its end).
PAGE = 100

#: Sorted anew, the list is read down to the case selected if it is among this
#: many rows, so it stays selected.
KEEP_SELECTED = 5 * PAGE

# Reads the cases listed below ``after`` (the order's value and the id of the
# last row read; None: from the top), at most ``n`` of them (None: every one
# left), in the store's order ``by`` (a value of CaseTableModel.STORE_ORDERS),
# ascending or not; None when the store could not be read (the reason is shown to the worker).
Reader = Callable[["tuple[Any, int] | None", "int | None", str, bool], "list[CaseRow] | None"]

# Reads every case listed below ``after`` in the store's order ``by``, ascending
# or not, off the UI thread, then calls ``then`` on the UI thread with them (None:
# the store could not be read; the reason is shown to the worker).
RestReader = Callable[
    ["tuple[Any, int] | None", str, bool, Callable[["list[CaseRow] | None"], None]], None
]


#: The value of a row in each of the store's orders: what the next page is read
#: below.
_ORDER_VALUES: dict[str, Callable[[CaseRow], Any]] = {
    "updated": lambda r: r.updated_at,
    "reference": lambda r: r.reference,
    "name": lambda r: r.name_key,
    "status": lambda r: r.status,
    "origin": lambda r: r.origin or "",
}


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
    #: The columns the store reads the list in the order of, a page at a time.
    STORE_ORDERS: ClassVar[dict[int, str]] = {
        UPDATED: "updated",
        0: "reference",
        1: "name",
        2: "status",
        8: "origin",
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The rows read so far, in the order shown.
        self.rows: list[CaseRow] = []
        self._ids: set[int] = set()
        # Each row's cells as shown, made when the row is first shown.
        self._shown: list[tuple[Any, ...] | None] = []
        # How many rows the view has been given so far, and whether it is
        # being given more now.
        self._loaded = 0
        self._giving = False
        # Where more rows come from, and whether the store may hold more.
        self._read: Reader | None = None
        self._more = False
        # Where every row left comes from off the UI thread (to sort by a column
        # the store has no order for), whether they are awaited, and which
        # reading of the list a batch of them belongs to.
        self._rest: RestReader | None = None
        self.sorting = False
        self._reading_no = 0
        # The column and order the rows are sorted by, and the store's order of
        # the rows read so far.
        self._order = (self.UPDATED, Qt.SortOrder.DescendingOrder)
        self._reading = ("updated", False)
        # Outcome id -> label, filled once the checklists are loaded.
        self.outcomes: dict[str, str] = {}
        # The ids of the cases selected in the view (the list read in another
        # order is read down to them, so they can stay selected).
        self.selected: Callable[[], set[int]] = set

    def set_rows(
        self,
        rows: list[CaseRow],
        read: Reader | None = None,
        more: bool = False,
        rest: RestReader | None = None,
    ) -> None:
        """The list's first rows, newest first; ``read`` reads the ones below
        (``more``: the store may hold some). The view is given the first
        :data:`PAGE` and more as it scrolls (Qt's fetchMore), each page read from
        the store when the view asks for it. Sorted by a column the store has no
        order for, every row is read and sorted here: off the UI thread by
        ``rest`` when given (the rows read so far are sorted meanwhile)."""
        self.beginResetModel()
        self.rows, self._ids, self._shown = [], set(), []
        self._read, self._more, self._rest = read, more, rest
        self._reading = self._page_order()
        self._reading_no += 1
        self.sorting = False
        self._append(rows)
        self._loaded = min(PAGE, len(self.rows))
        if self._order[0] not in self.STORE_ORDERS:
            if not self._read_rest():
                self._read_more(None)
            self._sort_rows()
        self.endResetModel()

    def load(self, read: Reader, n: int, rest: RestReader | None = None) -> bool:
        """The list's first ``n`` rows read from the store in the order shown
        (the rest as the view scrolls, or all of them by ``rest`` to sort by a
        column the store has no order for); False when the store could not be read."""
        got = read(None, n + 1, *self._page_order())
        if got is None:
            return False
        self.set_rows(got[:n], read, more=len(got) > n, rest=rest)
        return True

    def _read_rest(self) -> bool:
        """Ask for every row left, off the UI thread; when they come (and the list
        has not been read anew meanwhile) they are sorted in. False when there is
        nothing to ask for, or no one to ask."""
        if not self._more or self._rest is None:
            return False
        reading = self._reading_no
        after = None
        if self.rows:
            last = self.rows[-1]
            after = (_ORDER_VALUES[self._reading[0]](last), last.id)

        def arrived(rows: list[CaseRow] | None) -> None:
            if reading != self._reading_no:  # read anew since: these are not its rows
                return
            self.sorting, self._more = False, False
            self._append(rows or [])
            self._resort()

        self.sorting = True
        self._rest(after, *self._reading, arrived)
        return True

    def _page_order(self) -> tuple[str, bool]:
        """The order the store reads the list in for the column sorted by: its
        own where it has one, else newest first (then sorted here)."""
        column, order = self._order
        if column not in self.STORE_ORDERS:
            return "updated", False
        return self.STORE_ORDERS[column], order == Qt.SortOrder.AscendingOrder

    @property
    def complete(self) -> bool:
        """Every row of the list is read (none left in the store)."""
        return not self._more

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        # While every row is awaited, the rows read so far are all there is.
        more = self._more and not self.sorting
        return not parent.isValid() and (self._loaded < len(self.rows) or more)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self.give(self._loaded + PAGE)

    def give(self, n: int) -> None:
        """The view is given the first ``n`` rows, read from the store where
        they are not read yet."""
        if self._giving:  # asked again while the view takes the last page: later
            return
        if n > len(self.rows) and self._more and not self.sorting:
            self._read_more(n - len(self.rows))
        more = min(n, len(self.rows)) - self._loaded
        if more > 0:
            self._giving = True
            try:
                self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
                self._loaded += more
                self.endInsertRows()
            finally:
                self._giving = False

    def _read_more(self, n: int | None) -> None:
        """``n`` more rows from the store, below the last one read (None: all)."""
        if not self._more or self._read is None:
            return
        after = None
        if self.rows:
            last = self.rows[-1]
            after = (_ORDER_VALUES[self._reading[0]](last), last.id)
        got = self._read(after, None if n is None else n + 1, *self._reading)
        if got is None:  # the store said why; ask no more
            self._more = False
            return
        self._more = n is not None and len(got) > n
        self._append(got[:n])

    def _append(self, rows: list[CaseRow]) -> None:
        # A row read twice (a case moved down the list while it was scrolled)
        # stays where it was first shown.
        new = [r for r in rows if r.id not in self._ids]
        self._ids.update(r.id for r in new)
        self.rows.extend(new)
        self._shown.extend([None] * len(new))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted by when updated, by reference, name, status or where it came
        from, either way round, the rows come a page at a time in the store's
        order (through its index); by a column worked out for each row (alert,
        follow-up, screenings, last outcome), every row of the list is read
        (one query, off the UI thread when the view gave a ``rest`` reader) and
        sorted here, so the order covers every case, not the pages read so far;
        the rows read so far are sorted at once, the rest when they come."""
        if column < 0 or column >= len(self.HEADERS):  # unsorted: the store's order
            column, order = self.UPDATED, Qt.SortOrder.DescendingOrder
        if (column, order) == self._order:
            return
        self._order = (column, order)
        if column in self.STORE_ORDERS and self._read is not None and self._read_anew():
            return
        if not self.sorting and not self._read_rest():
            self._read_more(None)
        self._resort()

    def _resort(self) -> None:
        """The rows read sorted by the column and order chosen, as a layout
        change, not a reset: the view keeps its header and selection."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self.rows[i.row()].id for i in before]
        self._sort_rows()
        at = {r.id: n for n, r in enumerate(self.rows)}
        self.changePersistentIndexList(
            before,
            [
                self.index(at[i], x.column()) if at[i] < self._loaded else QModelIndex()
                for i, x in zip(ids, before, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _read_anew(self) -> bool:
        """The first page in the store's order for the column sorted by, read
        down to the case selected so it stays selected (twice as many rows each
        time) if it is among the first :data:`KEEP_SELECTED`; further down,
        the first page only (the whole list could be above it), and it is no
        longer selected.
        False when the store could not be read."""
        got = self._read(None, PAGE + 1, *self._page_order()) if self._read else None
        if got is None:
            return False
        kept = self.selected()
        self.beginResetModel()
        self.rows, self._ids, self._shown = [], set(), []
        self._reading, self._more = self._page_order(), len(got) > PAGE
        self._reading_no += 1
        self.sorting = False
        self._append(got[:PAGE])
        while kept - self._ids and self._more and len(self.rows) < KEEP_SELECTED:
            self._read_more(min(len(self.rows), KEEP_SELECTED - len(self.rows)))
        if kept - self._ids and len(self.rows) > PAGE:  # not there: the first page only
            self._more = True
            self.rows, self._shown = self.rows[:PAGE], self._shown[:PAGE]
            self._ids = {r.id for r in self.rows}
        self._loaded = len(self.rows)
        self.endResetModel()
        return True

    def _sort_rows(self) -> None:
        column, order = self._order
        pairs = list(zip(self.rows, self._shown, strict=True))
        # The newest first, then by the column (a stable sort keeps the newest
        # first among rows that are equal in it).
        pairs.sort(key=lambda p: (p[0].updated_at, p[0].id), reverse=True)
        key = self._sort_key(column)
        pairs.sort(key=lambda p: key(p[0]), reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = [p[0] for p in pairs]
        self._shown = [p[1] for p in pairs]

    def _sort_key(self, column: int) -> Callable[[CaseRow], Any]:
        """What a column sorts by: its value, not its words where they differ."""
        keys: dict[int, Callable[[CaseRow], Any]] = {
            0: lambda r: r.reference,
            self.UPDATED: lambda r: (r.updated_at, r.id),
            1: lambda r: name_key(r.given_name, r.family_name),  # as the store sorts it
            2: lambda r: r.status,
            3: lambda r: r.danger,
            4: lambda r: (r.missing, r.overdue_tasks, r.due_soon_tasks),
            5: lambda r: r.screenings,
            6: lambda r: self.outcomes.get(r.last_outcome or "", r.last_outcome or ""),
            8: lambda r: r.origin or "",
        }
        return keys[column]

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


class CaseTableView(QTableView):
    """The case list's table. Its columns are sized to the contents of the rows
    in sight on the first page (and to their headers) when the list is read
    anew, first shown, or shown in another text size; not to every row as more
    rows come, which had Qt ask the model for every cell of every row at each
    change."""

    def __init__(self) -> None:
        super().__init__()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The rows in sight (all of the first page while hidden), not every row.
        header.setResizeContentsPrecision(0)

    def fit_columns(self) -> None:
        """Each column as wide as its header and the cells in sight."""
        self.resizeColumnsToContents()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_columns()
