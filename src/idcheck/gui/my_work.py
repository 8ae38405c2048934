"""*My work*: the signed-in worker's open tasks that are overdue or due today,
across cases, soonest first. It is the first page after unlocking when there is
any; the case list is one key away (and My work one key away from it).

It keeps itself current while it stays open: a timer looks at the window's
clock, words the countdowns again each minute, and reads My work again when
the day turns (tomorrow's tasks become today's) or a due time shown passes
(what was due today is overdue)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from idcheck.gui import followup_ops as fops
from idcheck.gui.case_followup import record_table
from idcheck.gui.followup_dialogs import FinishDialog
from idcheck.gui.followup_models import ID_ROLE, MyWorkModel
from idcheck.gui.followup_words import tr
from idcheck.gui.session import follow, wrapped

if TYPE_CHECKING:
    from idcheck.gui.ops import Changes
    from idcheck.gui.session import Session
    from idcheck.store import TaskRow

__all__ = ["MyWorkPage", "next_change"]

#: How often the page looks at the clock (milliseconds).
TICK_MS = 30_000


def next_change(rows: list[TaskRow], now: float) -> float:
    """When My work as read at ``now`` stops being true: the next local
    midnight, or sooner the first due time still ahead of a task shown."""
    today = dt.datetime.fromtimestamp(now).date()
    midnight = dt.datetime.combine(today + dt.timedelta(days=1), dt.time()).timestamp()
    ahead = [r.task.due_at for r in rows if r.task.due_at is not None and r.task.due_at >= now]
    return min([midnight, *ahead])


class MyWorkPage(QWidget):
    """The worker's overdue and due-today tasks; open a task's case, mark it done,
    or go on to the case list."""

    cases_requested = Signal()
    #: Open a case at its tasks: the case id and the task id.
    case_requested = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self.session: Session | None = None
        #: The rows shown, and when they stop being true (window clock).
        self.rows: list[TaskRow] = []
        self.stale_at = float("inf")
        self.worded_at = 0.0
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self.title = QLabel(tr("My work"))
        self.title.setObjectName("title")
        self.intro = wrapped("")
        self.summary = wrapped("")
        self.model = MyWorkModel(self)
        self.table = record_table(tr("My tasks overdue or due today"), self.model)
        self.table.activated.connect(lambda _i: self.open_case())
        self.open_button = QPushButton(tr("&Open the case"))
        self.open_button.clicked.connect(self.open_case)
        self.done_button = QPushButton(tr("Mark &done…"))
        self.done_button.clicked.connect(self.mark_done)
        self.cases_button = QPushButton(tr("Go to the &case list"))
        self.cases_button.clicked.connect(self.cases_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.done_button)
        buttons.addStretch()
        buttons.addWidget(self.cases_button)
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addWidget(self.intro)
        box.addWidget(self.summary)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)

    def attach(self, session: Session | None) -> None:
        follow(self.session, session, self.on_changed)
        self.session = session
        if session is None:
            self.ticker.stop()
            self.rows, self.stale_at = [], float("inf")
            self.model.set_rows([], 0.0)
            self.intro.clear()
            self.summary.clear()
            return
        self.intro.setText(
            tr(
                "{0}: your open tasks that are overdue or due before the end of today, "
                "soonest first, with the unassigned ones of the cases you opened and those "
                "of disabled accounts, until someone takes them."
            ).format(session.username)
        )
        self.ticker.start()

    def on_changed(self, changes: Changes) -> None:
        if changes.tasks or changes.case is not None:
            self.refresh()

    def refresh(self) -> int:
        """Read My work again; the number of tasks shown."""
        if self.session is None:
            return 0
        now = self.session.now()
        rows: list[TaskRow] | None = self.session.run(fops.my_work(now), self)
        if rows is None:
            self.stale_at = float("inf")  # said once; the timer does not ask again
            return 0
        self.rows, self.stale_at = rows, next_change(rows, now)
        self._show(rows, now)
        for b in (self.open_button, self.done_button):
            b.setEnabled(bool(rows))
        return len(rows)

    def tick(self) -> None:
        """The timer: read again when what is shown stopped being true, else say
        the countdowns again once a minute has gone by (the window's clock)."""
        if self.session is None or not self.session.is_open or not self.isVisible():
            return
        now = self.session.now()
        if now >= self.stale_at:
            self.refresh()
        elif now - self.worded_at >= 60:
            self._show(self.rows, now)

    def _show(self, rows: list[TaskRow], now: float) -> None:
        self.worded_at = now
        chosen = self._selected()
        self.model.set_rows(rows, now)
        overdue = sum(r.task.overdue(now) for r in rows)
        if not rows:
            self.summary.setText(tr("Nothing is overdue or due today."))
        elif overdue:
            self.summary.setText(
                tr("OVERDUE: {0}. Due later today: {1}.").format(overdue, len(rows) - overdue)
            )
        else:
            self.summary.setText(tr("Due today: {0}. Overdue: none.").format(len(rows)))
        self.summary.setObjectName("overdue" if overdue else "")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        row = next((n for n, r in enumerate(rows) if r.task.id == chosen), 0)
        if rows:
            self.table.selectRow(row)

    def _selected(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def _row(self) -> TaskRow | None:
        task_id = self._selected()
        return self.model.record(task_id) if task_id is not None else None

    def open_case(self) -> None:
        row = self._row()
        if row is not None:
            self.case_requested.emit(row.task.case_id, row.task.id)

    def mark_done(self) -> None:
        row, session = self._row(), self.session
        if row is None or session is None:
            return
        dialog = FinishDialog(row.task.what, False, self)
        session.track(dialog)
        while dialog.exec() == FinishDialog.DialogCode.Accepted and session.is_open:
            op = fops.finish_task(
                row.task.case_id, row.task.id, "done", note=dialog.text(), now=session.now()
            )
            if session.run(op, dialog) is not None:
                return

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.table.setFocus()
        self.tick()  # shown again after a while: what changed meanwhile
