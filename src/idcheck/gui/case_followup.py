"""A case's follow-up, as tabs of its dialog: the timeline (with notes), the
tasks (counted down from first contact), the referrals and the missing episodes.
The individual plan is in :mod:`idcheck.gui.case_plan`.

Each tab shows a :class:`~idcheck.gui.followup_ops.FollowUp` read by the dialog
and runs named operations; the dialog reads the follow-up again when an
operation says the case changed, wherever it was made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from idcheck.gui import followup_ops as fops
from idcheck.gui.followup_dialogs import (
    FinishDialog,
    FirstContactDialog,
    MissingDialog,
    ReferralRecordDialog,
    ReferralStateDialog,
    ReopenDialog,
    TaskDialog,
    seconds,
)
from idcheck.gui.followup_edit_dialogs import FollowUpDateDialog, TaskEditDialog
from idcheck.gui.followup_models import (
    ID_ROLE,
    MissingModel,
    RecordModel,
    ReferralModel,
    TaskModel,
    TimelineModel,
)
from idcheck.gui.followup_words import DUE_SOON, NEXT_STATES, tr, when
from idcheck.gui.session import named, wrapped
from idcheck.gui.short_views import ShortTableView

if TYPE_CHECKING:
    from idcheck.gui.followup_ops import FollowUp
    from idcheck.gui.ops import Op
    from idcheck.gui.session import Session

__all__ = ["MissingTab", "ReferralsTab", "TasksTab", "TimelineTab", "record_table"]


def record_table(name: str, model: RecordModel) -> QTableView:
    """A table of records: whole rows selected, read-only, each column as wide
    as its header and contents."""
    table: QTableView = named(ShortTableView(), name)
    table.setModel(model)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(100)  # the widths from 100 rows, not every one
    return table


class FollowUpTab(QWidget):
    """What every tab shares: the session, the case, and asking for a form until
    the operation it makes is done or the form is cancelled."""

    def __init__(self, session: Session, case_id: int) -> None:
        super().__init__()
        self.session = session
        self.case_id = case_id

    def now(self) -> float:
        return self.session.now()

    def ask(self, dialog: QDialog, make: Callable[[], Op[Any]]) -> bool:
        """Show ``dialog``; on Save run ``make()``'s operation. A refusal is said
        and brings the form back as typed."""
        self.session.track(dialog)
        while dialog.exec() == QDialog.DialogCode.Accepted and self.session.is_open:
            if self.session.run(make(), dialog) is not None:
                return True
        return False

    def selected(self, table: QTableView) -> int | None:
        index = table.currentIndex()
        rows = table.selectionModel().selectedRows()
        if rows:
            index = rows[0]
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def select(self, table: QTableView, record_id: int) -> None:
        model = table.model()
        flags = QItemSelectionModel.SelectionFlag
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(ID_ROLE) == record_id:
                table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
                return

    def keep_selection(self, table: QTableView, fill: Callable[[], None]) -> None:
        chosen = self.selected(table)
        fill()
        if chosen is not None:
            self.select(table, chosen)
        elif table.model().rowCount():
            self.select(table, int(table.model().index(0, 0).data(ID_ROLE)))


class TimelineTab(FollowUpTab):
    """Everything that happened to the case, oldest first; Enter on an entry goes
    to the tab that holds it. A note is added here."""

    #: An entry was opened: its kind and record id.
    entry_opened = Signal(str, int)

    def __init__(self, session: Session, case_id: int) -> None:
        super().__init__(session, case_id)
        self.model = TimelineModel(self)
        self.list = named(QListView(), tr("Timeline"))
        self.list.setModel(self.model)
        # One line an entry, all of one height: a case of hundreds of entries is
        # laid out at once; the entry chosen is shown whole below the list.
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.activated.connect(self._open)
        self.whole = wrapped("")
        self.whole.setTextFormat(Qt.TextFormat.PlainText)
        self.whole.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list.selectionModel().currentChanged.connect(self._show_whole)
        self.note = named(QPlainTextEdit(), tr("New note"))
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(tr("A note for the case's record"))
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 3 + 12)
        self.note_button = QPushButton(tr("Add the &note"))
        self.note_button.clicked.connect(self.add_note)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.note_button, 0, Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout(self)
        box.addWidget(
            wrapped(tr("Everything recorded on the case, oldest first. Enter opens an entry."))
        )
        box.addWidget(self.list, 1)
        box.addWidget(self.whole)
        box.addLayout(row)

    def _show_whole(self) -> None:
        index = self.list.currentIndex()
        self.whole.setText(index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else "")

    def show_follow_up(self, fu: FollowUp, now: float) -> None:
        at_end = self.list.currentIndex().row() in (-1, self.model.rowCount() - 1)
        row = self.list.currentIndex().row()
        self.model.set_entries(fu.timeline)
        if self.model.rowCount():
            last = self.model.rowCount() - 1
            self.list.setCurrentIndex(self.model.index(last if at_end else min(row, last), 0))

    def _open(self) -> None:
        kind, ref = self.list.currentIndex().data(ID_ROLE) or ("", None)
        if ref is not None:
            self.entry_opened.emit(kind, int(ref))

    def add_note(self) -> None:
        text = self.note.toPlainText().strip()
        if not text:
            self.note.setFocus()
            return
        if self.session.run(fops.add_note(self.case_id, text, now=self.now()), self) is not None:
            self.note.clear()


class TasksTab(FollowUpTab):
    """The case's tasks with their countdown from first contact; done, not
    needed (with a reason), taken, or added by hand."""

    def __init__(self, session: Session, case_id: int) -> None:
        super().__init__(session, case_id)
        self.first_contact_at = 0.0
        self.clock = wrapped("")
        self.first_contact_button = QPushButton(tr("Change first &contact…"))
        self.first_contact_button.clicked.connect(self.change_first_contact)
        self.summary = wrapped("")
        self.model = TaskModel(self)
        self.table = record_table(tr("Tasks"), self.model)
        self.done_button = QPushButton(tr("Mark &done…"))
        self.done_button.clicked.connect(lambda: self.finish(not_needed=False))
        self.not_needed_button = QPushButton(tr("&Not needed…"))
        self.not_needed_button.clicked.connect(lambda: self.finish(not_needed=True))
        self.take_button = QPushButton(tr("&Take it"))
        self.take_button.clicked.connect(self.take)
        self.reopen_button = QPushButton(tr("&Reopen…"))
        self.reopen_button.clicked.connect(self.reopen)
        self.edit_button = QPushButton(tr("Ed&it…"))
        self.edit_button.clicked.connect(self.edit)
        self.add_button = QPushButton(tr("&Add a task…"))
        self.add_button.clicked.connect(self.add)
        self.table.selectionModel().currentRowChanged.connect(self._follow_selection)
        clock = QHBoxLayout()
        clock.addWidget(self.clock, 1)
        clock.addWidget(self.first_contact_button)
        clock.addWidget(self.add_button)
        # One row of buttons for the task chosen; adding one is at the top, by the
        # clock (the tab fits a laptop's screen at 200 % in the longest language).
        buttons = QHBoxLayout()
        for b in (
            self.done_button,
            self.not_needed_button,
            self.take_button,
            self.edit_button,
            self.reopen_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch()
        box = QVBoxLayout(self)
        box.addLayout(clock)
        box.addWidget(self.summary)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)

    def show_follow_up(self, fu: FollowUp, now: float) -> None:
        self.first_contact_at = fu.case.first_contact_at
        self.clock.setText(
            tr("Due times count from first contact: {0}").format(when(fu.case.first_contact_at))
        )
        overdue = sum(t.overdue(now) for t in fu.tasks)
        soon = sum(t.due_soon(now, DUE_SOON) for t in fu.tasks)
        opened = sum(t.status == "open" for t in fu.tasks)
        if overdue:
            text = tr("OVERDUE: {0} of {1} open tasks; due in the next 24 hours: {2}.")
        else:
            text = tr("Nothing overdue ({1} open tasks); due in the next 24 hours: {2}.")
        self.summary.setText(text.format(overdue, opened, soon))
        self.summary.setObjectName("overdue" if overdue else "")
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)
        self.keep_selection(self.table, lambda: self.model.set_rows(fu.tasks, now))
        self._follow_selection()

    def _follow_selection(self) -> None:
        task_id = self.selected(self.table)
        task = self.model.record(task_id) if task_id is not None else None
        is_open = task is not None and task.status == "open"
        for b in (self.done_button, self.not_needed_button, self.edit_button):
            b.setEnabled(is_open)
        mine = task is not None and task.assignee == self.session.username
        self.take_button.setEnabled(is_open and not mine)
        self.reopen_button.setEnabled(task is not None and not is_open)

    def select_task(self, task_id: int) -> None:
        self.select(self.table, task_id)
        self.table.setFocus()

    def finish(self, *, not_needed: bool) -> None:
        task_id = self.selected(self.table)
        task = self.model.record(task_id) if task_id is not None else None
        if task is None or task.status != "open":
            return
        dialog = FinishDialog(task.what, not_needed, self)
        status: Literal["done", "not_needed"] = "not_needed" if not_needed else "done"
        self.ask(
            dialog,
            lambda: fops.finish_task(
                self.case_id, task.id, status, note=dialog.text(), now=self.now()
            ),
        )

    def reopen(self) -> None:
        task_id = self.selected(self.table)
        task = self.model.record(task_id) if task_id is not None else None
        if task is None or task.status == "open":
            return
        dialog = ReopenDialog(task.what, self)
        self.ask(
            dialog,
            lambda: fops.reopen_task(self.case_id, task.id, dialog.reason.text().strip()),
        )

    def edit(self) -> None:
        task_id = self.selected(self.table)
        task = self.model.record(task_id) if task_id is not None else None
        if task is None or task.status != "open":
            return
        dialog = TaskEditDialog(task, self.now(), self)
        self.ask(
            dialog, lambda: fops.edit_task(self.case_id, task.id, dialog.changes(), now=self.now())
        )

    def take(self) -> None:
        task_id = self.selected(self.table)
        if task_id is not None:
            op = fops.assign_task(self.case_id, task_id, self.session.username)
            self.session.run(op, self)

    def add(self) -> None:
        dialog = TaskDialog(self.session.now(), self.session.username, self)
        self.ask(dialog, lambda: fops.add_task(self.case_id, dialog.draft(), now=self.now()))

    def change_first_contact(self) -> None:
        dialog = FirstContactDialog(self.first_contact_at, self)
        self.ask(
            dialog,
            lambda: fops.set_first_contact(
                self.case_id,
                dialog.value(),
                dialog.reason.text().strip(),
                now=self.now(),
            ),
        )


class ReferralsTab(FollowUpTab):
    """The case's referrals in time order: to whom, how, when, their state and
    when to follow them up."""

    def __init__(self, session: Session, case_id: int) -> None:
        super().__init__(session, case_id)
        self.model = ReferralModel(self)
        self.table = record_table(tr("Referrals"), self.model)
        self.add_button = QPushButton(tr("&Add a referral…"))
        self.add_button.clicked.connect(self.add)
        self.state_button = QPushButton(tr("Change its &state…"))
        self.state_button.clicked.connect(self.change_state)
        self.follow_up_button = QPushButton(tr("&Follow-up date…"))
        self.follow_up_button.clicked.connect(self.change_follow_up)
        self.table.selectionModel().currentRowChanged.connect(self._follow_selection)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state_button)
        buttons.addWidget(self.follow_up_button)
        buttons.addStretch()
        buttons.addWidget(self.add_button)
        box = QVBoxLayout(self)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)

    def show_follow_up(self, fu: FollowUp, now: float) -> None:
        self.keep_selection(self.table, lambda: self.model.set_rows(fu.referrals, now))
        self.state_button.setEnabled(bool(fu.referrals))
        self._follow_selection()

    def _follow_selection(self) -> None:
        ref_id = self.selected(self.table)
        referral = self.model.record(ref_id) if ref_id is not None else None
        self.follow_up_button.setEnabled(referral is not None and referral.state != "closed")

    def change_follow_up(self) -> None:
        ref_id = self.selected(self.table)
        referral = self.model.record(ref_id) if ref_id is not None else None
        if referral is None or referral.state == "closed":
            return
        dialog = FollowUpDateDialog(referral, self.now(), self)
        self.ask(
            dialog,
            lambda: fops.edit_referral(
                self.case_id,
                referral.id,
                dialog.value(),
                dialog.reason.text().strip(),
                now=self.now(),
            ),
        )

    def add(self) -> None:
        dialog = ReferralRecordDialog(self.session.now(), self)
        self.ask(dialog, lambda: fops.add_referral(self.case_id, dialog.draft(), now=self.now()))

    def change_state(self) -> None:
        ref_id = self.selected(self.table)
        referral = self.model.record(ref_id) if ref_id is not None else None
        if referral is None:
            return
        if not NEXT_STATES.get(referral.state):
            return  # closed: nothing follows
        dialog = ReferralStateDialog(referral.recipient, referral.state, self.session.now(), self)
        self.ask(
            dialog,
            lambda: fops.set_referral_state(
                self.case_id,
                referral.id,
                dialog.state.currentData(),
                reason=dialog.reason.text().strip(),
                at=seconds(dialog.at),
            ),
        )


class MissingTab(FollowUpTab):
    """The child's missing episodes: went missing, reported, found, the return
    interview. An open episode is said at the top in words."""

    def __init__(self, session: Session, case_id: int) -> None:
        super().__init__(session, case_id)
        self.state = QLabel("")
        self.state.setWordWrap(True)
        self.model = MissingModel(self)
        self.table = record_table(tr("Missing episodes"), self.model)
        self.add_button = QPushButton(tr("Went &missing…"))
        self.add_button.clicked.connect(self.add)
        self.update_button = QPushButton(tr("&Update the episode…"))
        self.update_button.clicked.connect(self.update_episode)
        buttons = QHBoxLayout()
        buttons.addWidget(self.update_button)
        buttons.addStretch()
        buttons.addWidget(self.add_button)
        box = QVBoxLayout(self)
        box.addWidget(self.state)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)

    def show_follow_up(self, fu: FollowUp, now: float) -> None:
        open_ = [m for m in fu.missing if m.found_at is None]
        if open_:
            self.state.setText(
                tr("⚠ MISSING since {0}: record when the child is found.").format(
                    when(open_[-1].missing_at)
                )
            )
        elif fu.missing:
            self.state.setText(tr("No missing episode is open."))
        else:
            self.state.setText(tr("The child has not been recorded as missing."))
        self.state.setObjectName("missing" if open_ else "")
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)
        self.keep_selection(self.table, lambda: self.model.set_rows(fu.missing, now))
        self.update_button.setEnabled(bool(fu.missing))

    def add(self) -> None:
        dialog = MissingDialog(self.session.now(), None, self)
        self.ask(dialog, lambda: fops.add_missing(self.case_id, dialog.draft(), now=self.now()))

    def update_episode(self) -> None:
        episode_id = self.selected(self.table)
        episode = self.model.record(episode_id) if episode_id is not None else None
        if episode is None:
            return
        dialog = MissingDialog(self.session.now(), episode, self)
        self.ask(
            dialog,
            lambda: fops.update_missing(self.case_id, episode.id, dialog.draft(), now=self.now()),
        )
