"""List models over a case's follow-up records: its timeline, its tasks, its
referrals, its missing episodes, and *My work* (open tasks across cases).

Every row reads as one sentence to a screen reader (``Qt.AccessibleTextRole``:
each column's header with its value), an overdue task or an open missing episode
carries a warning icon and its state in words besides its colour, and
``Qt.UserRole`` is the record's id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from idcheck.gui.followup_words import (
    case_flags_spoken,
    countdown,
    day,
    entry_detail,
    entry_title,
    label,
    method_label,
    missing_state,
    referral_state,
    responsible,
    task_state,
    tr,
    when,
)

if TYPE_CHECKING:
    from idcheck.store import CaseRow, MissingEpisode, Referral, Task, TaskRow, TimelineEntry

__all__ = [
    "ID_ROLE",
    "MissingModel",
    "MyWorkModel",
    "RecordModel",
    "ReferralModel",
    "TaskModel",
    "TimelineModel",
    "follow_up_data",
    "warning_icon",
]

ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex
ALERT = QColor("#8b0000")


_ICON: list[Any] = []


def warning_icon() -> Any:
    """The style's warning icon (made once)."""
    if not _ICON:
        app = QApplication.instance()
        style = app.style() if isinstance(app, QApplication) else None
        if style is None:
            return None
        _ICON.append(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
    return _ICON[0]


def follow_up_data(r: CaseRow, role: int) -> Any:
    """The follow-up column besides its words: a warning icon and dark red for a
    missing child or an overdue task, and whole sentences for a screen reader."""
    alert = r.missing or r.overdue_tasks > 0
    if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
        return case_flags_spoken(r)
    if alert and role == Qt.ItemDataRole.DecorationRole:
        return warning_icon()
    if alert and role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(ALERT)
    return None


#: A cell shows at most this many characters (the tooltip and a screen reader
#: get the whole text), so that a long task never pushes its due time aside.
CELL = 70


def cut(text: str) -> str:
    return text if len(text) <= CELL else text[: CELL - 1].rstrip() + "…"


class Column(NamedTuple):
    header: object  # marked for translation in the context "FollowUp"
    value: Callable[[Any, float], str]


class Shown(NamedTuple):
    """A row as shown: each cell's whole text, the row as a sentence, and whether
    it needs attention; made once per row when the rows are set (a view asks for
    every cell many times: painting, sizing columns to their contents)."""

    cells: tuple[str, ...]
    spoken: str
    alert: bool


class RecordModel(QAbstractTableModel):
    """Rows of records, a column each ``Column``; ``alert(row, now)`` marks a row
    that needs attention (bold, dark red, a warning icon on ``ALERT_COLUMN``)."""

    COLUMNS: tuple[Column, ...] = ()
    ALERT_COLUMN = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.shown: list[Shown] = []
        self.now = 0.0
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Sequence[Any], now: float) -> None:
        self.beginResetModel()
        self.rows, self.now = list(rows), now
        headers = [label(c.header) for c in self.COLUMNS]
        self.shown = []
        for row in self.rows:
            cells = tuple(c.value(row, now) for c in self.COLUMNS)
            spoken = "; ".join(f"{h}: {v}" for h, v in zip(headers, cells, strict=True) if v)
            self.shown.append(Shown(cells, spoken, self.alert(row, now)))
        self.endResetModel()

    def alert(self, row: Any, now: float) -> bool:
        return False

    def row_id(self, row: Any) -> int:
        return int(row.id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return label(self.COLUMNS[section].header)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        shown = self.shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:  # the role asked for most
            return cut(shown.cells[index.column()])
        if role == ID_ROLE:
            return self.row_id(self.rows[index.row()])
        if role == Qt.ItemDataRole.ToolTipRole:
            return shown.cells[index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return shown.spoken
        if not shown.alert:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ALERT)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.DecorationRole and index.column() == self.ALERT_COLUMN:
            return warning_icon()
        return None

    def id_at(self, row: int) -> int | None:
        return self.row_id(self.rows[row]) if 0 <= row < len(self.rows) else None

    def record(self, record_id: int) -> Any:
        return next((r for r in self.rows if self.row_id(r) == record_id), None)


class TaskModel(RecordModel):
    """A case's tasks: the countdown in words and the state first (a long task
    text never pushes them out of sight), then due, what, who."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("FollowUp", "Countdown"), countdown),
        Column(QT_TRANSLATE_NOOP("FollowUp", "State"), task_state),
        Column(QT_TRANSLATE_NOOP("FollowUp", "Due"), lambda t, _n: when(t.due_at)),
        Column(QT_TRANSLATE_NOOP("FollowUp", "Task"), lambda t, _n: t.what),
        Column(QT_TRANSLATE_NOOP("FollowUp", "Responsible"), lambda t, _n: responsible(t)),
        Column(QT_TRANSLATE_NOOP("FollowUp", "Note"), lambda t, _n: t.note),
    )
    COUNTDOWN, STATE, DUE, WHAT, NOTE = 0, 1, 2, 3, 5
    ALERT_COLUMN = 0

    def alert(self, row: Task, now: float) -> bool:
        return bool(row.overdue(now))


def _task(row: TaskRow) -> Task:
    return row.task


class MyWorkModel(RecordModel):
    """The signed-in worker's open tasks across cases, soonest first."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("FollowUp", "Countdown"), lambda r, n: countdown(r.task, n)),
        Column(QT_TRANSLATE_NOOP("FollowUp", "Due"), lambda r, _n: when(r.task.due_at)),
        Column(QT_TRANSLATE_NOOP("FollowUp", "Case"), lambda r, _n: r.reference),
        Column(QT_TRANSLATE_NOOP("FollowUp", "Child"), lambda r, _n: r.child),
        Column(QT_TRANSLATE_NOOP("FollowUp", "Task"), lambda r, _n: r.task.what),
        Column(QT_TRANSLATE_NOOP("FollowUp", "Responsible"), lambda r, _n: responsible(r.task)),
    )
    COUNTDOWN, DUE, CASE, CHILD, WHAT = 0, 1, 2, 3, 4
    ALERT_COLUMN = 0

    def alert(self, row: TaskRow, now: float) -> bool:
        return bool(row.task.overdue(now))

    def row_id(self, row: TaskRow) -> int:
        return int(row.task.id)


def _follow_up_on(r: Referral, _now: float) -> str:
    return day(r.follow_up_on)


class ReferralModel(RecordModel):
    """A case's referrals in time order, with their state."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("FollowUp", "To"), lambda r, _n: r.recipient),
        Column(QT_TRANSLATE_NOOP("FollowUp", "How"), lambda r, _n: method_label(r.method)),
        Column(QT_TRANSLATE_NOOP("FollowUp", "Sent"), lambda r, _n: when(r.sent_at)),
        Column(QT_TRANSLATE_NOOP("FollowUp", "State"), lambda r, _n: referral_state(r)),
        Column(QT_TRANSLATE_NOOP("FollowUp", "Follow up on"), _follow_up_on),
        Column(QT_TRANSLATE_NOOP("FollowUp", "Note"), lambda r, _n: r.note),
    )
    ALERT_COLUMN = 4

    def alert(self, row: Referral, now: float) -> bool:
        open_ = row.state in ("sent", "received")
        return open_ and row.follow_up_on is not None and row.follow_up_on < now


class MissingModel(RecordModel):
    """A case's missing episodes; an open one stands out."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("FollowUp", "State"), lambda m, _n: missing_state(m)),
        Column(QT_TRANSLATE_NOOP("FollowUp", "Went missing"), lambda m, _n: when(m.missing_at)),
        Column(QT_TRANSLATE_NOOP("FollowUp", "Last seen"), lambda m, _n: m.last_seen_where),
        Column(
            QT_TRANSLATE_NOOP("FollowUp", "Reported to the police"),
            lambda m, _n: " ".join(
                x for x in (when(m.reported_at), m.reported_by, m.police_reference) if x
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP("FollowUp", "Found"),
            lambda m, _n: " ".join(x for x in (when(m.found_at), m.found_where) if x),
        ),
        Column(
            QT_TRANSLATE_NOOP("FollowUp", "Return interview"),
            lambda m, _n: " ".join(x for x in (when(m.interview_at), m.interview_by) if x),
        ),
    )

    def alert(self, row: MissingEpisode, now: float) -> bool:
        return row.found_at is None


class TimelineModel(QAbstractListModel):
    """A case's timeline, oldest first: one row per entry, read whole by a screen
    reader. ``ID_ROLE`` is ``(kind, ref_id)``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[TimelineEntry] = []
        self.texts: list[str] = []

    def set_entries(self, entries: Sequence[TimelineEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.texts = [self.text(e) for e in self.entries]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def text(self, e: TimelineEntry) -> str:
        head = f"{when(e.at)}  {entry_title(e.title, e.kind)}"
        body = entry_detail(e)
        by = tr("by {0}").format(e.by) if e.by else ""
        return " — ".join(x for x in (head, body, by) if x)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        e = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.texts[index.row()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            n = index.row()
            return tr("{0} of {1}: {2}").format(n + 1, len(self.entries), self.texts[n])
        if role == ID_ROLE:
            return (e.kind, e.ref_id)
        if role == Qt.ItemDataRole.DecorationRole and e.kind == "missing":
            return warning_icon()
        return None
