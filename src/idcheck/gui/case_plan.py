"""The child's individual plan, as a tab of the case's dialog: needs, goals,
measures, who is responsible and when each is reviewed, edited in a table;
each save is a new version (the earlier ones are kept and can be shown), and
the newest is printed as its own PDF."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from idcheck.files import file_stem
from idcheck.gui import followup_ops as fops
from idcheck.gui.case_followup import FollowUpTab
from idcheck.gui.followup_words import day, label, tr, when
from idcheck.gui.session import line_edit, named, wrapped
from idcheck.gui.short_views import ShortTableWidget

if TYPE_CHECKING:
    from idcheck.gui.followup_ops import FollowUp
    from idcheck.gui.session import Session
    from idcheck.store import Plan, PlanEntry

__all__ = ["PlanTab"]

HEADERS = (
    QT_TRANSLATE_NOOP("FollowUp", "Need"),
    QT_TRANSLATE_NOOP("FollowUp", "Goal"),
    QT_TRANSLATE_NOOP("FollowUp", "Measures"),
    QT_TRANSLATE_NOOP("FollowUp", "Responsible"),
    QT_TRANSLATE_NOOP("FollowUp", "Review on (YYYY-MM-DD)"),
)


def parse_day(text: str) -> float | None:
    """A date typed as YYYY-MM-DD, as local midnight; ValueError when it is not one."""
    text = text.strip()
    if not text:
        return None
    return time.mktime(time.strptime(text, "%Y-%m-%d"))


class PlanTab(FollowUpTab):
    """The newest version of the plan in an editable table; *Save as a new
    version* keeps the one before."""

    def __init__(self, session: Session, case_id: int) -> None:
        super().__init__(session, case_id)
        self.plans: list[Plan] = []
        self.version = wrapped("")
        self.shown_version = named(QComboBox(), tr("Version shown"))
        self.shown_version.activated.connect(self._show_version)
        self.table = named(ShortTableWidget(0, len(HEADERS)), tr("Plan entries"))
        self.table.setHorizontalHeaderLabels([label(h) for h in HEADERS])
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.table.horizontalHeader()
        # Each column as wide as its header at least; the table scrolls sideways
        # at large text rather than cut a header.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(120)
        self.add_row_button = QPushButton(tr("Add a &row"))
        self.add_row_button.clicked.connect(self.add_row)
        self.remove_row_button = QPushButton(tr("Re&move the row"))
        self.remove_row_button.clicked.connect(self.remove_row)
        self.has_review = named(QCheckBox(tr("Next review")), tr("A next review is set"))
        self.next_review = named(QDateEdit(), tr("Next review"))
        self.next_review.setDisplayFormat("yyyy-MM-dd")
        self.next_review.setCalendarPopup(True)
        self.has_review.toggled.connect(self.next_review.setEnabled)
        self.summary = line_edit(tr("What changed in this version"))
        self.save_button = QPushButton(tr("&Save as a new version"))
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(tr("Save the plan as &PDF…"))
        self.print_button.clicked.connect(self.print_plan)
        rows = QHBoxLayout()
        rows.addWidget(self.add_row_button)
        rows.addWidget(self.remove_row_button)
        rows.addStretch()
        rows.addWidget(self.shown_version)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        review = QHBoxLayout()
        review.addWidget(self.has_review)
        review.addWidget(self.next_review, 1)
        form.addRow(tr("Review"), review)
        form.addRow(tr("Summary"), self.summary)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        buttons.addWidget(self.print_button)
        box = QVBoxLayout(self)
        box.addWidget(self.version)
        box.addWidget(self.table, 1)
        box.addLayout(rows)
        box.addLayout(form)
        box.addLayout(buttons)

    def show_follow_up(self, fu: FollowUp, now: float) -> None:
        newest = fu.plan
        changed = [p.version for p in fu.plans] != [p.version for p in self.plans]
        self.plans = list(fu.plans)
        if newest is None:
            self.version.setText(tr("No plan is saved yet: write the child's needs below."))
        else:
            earlier = len(fu.plans) - 1
            if earlier == 0:
                text = tr("Version {0}, saved by {1} at {2}.")
            elif earlier == 1:
                text = tr("Version {0}, saved by {1} at {2}; the earlier version is kept.")
            else:
                text = tr("Version {0}, saved by {1} at {2}; the {3} earlier versions are kept.")
            self.version.setText(
                text.format(newest.version, newest.saved_by, when(newest.saved_at), earlier)
            )
        self.shown_version.clear()
        for p in reversed(self.plans):
            self.shown_version.addItem(tr("version {0}").format(p.version), p.version)
        self.shown_version.setVisible(len(self.plans) > 1)
        self.print_button.setEnabled(newest is not None)
        if changed or self.table.rowCount() == 0:
            self.load(newest, now)

    def load(self, plan: Plan | None, now: float) -> None:
        entries = plan.entries if plan is not None else ()
        self.table.setRowCount(0)
        for e in entries:
            self._append((e.need, e.goal, e.measures, e.responsible, day(e.review_on)))
        if not entries:
            self._append(("", "", "", "", ""))
        review = plan.next_review_on if plan is not None else None
        self.has_review.setChecked(review is not None)
        self.next_review.setEnabled(review is not None)
        shown = review if review is not None else now + 28 * 24 * 3600
        self.next_review.setDate(QDate.fromString(day(shown), "yyyy-MM-dd"))
        self.summary.clear()

    def _append(self, values: tuple[str, ...]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, text in enumerate(values):
            self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _show_version(self) -> None:
        version = self.shown_version.currentData()
        plan = next((p for p in self.plans if p.version == version), None)
        self.load(plan, self.session.now())

    def add_row(self) -> None:
        self._append(("", "", "", "", ""))
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.setFocus()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def entries(self) -> list[PlanEntry]:
        """The table as plan entries (empty rows left out); ValueError names the
        row whose review date is not a date."""
        from idcheck.store import PlanEntry

        out = []
        for row in range(self.table.rowCount()):
            texts = [
                (self.table.item(row, c).text() if self.table.item(row, c) else "").strip()
                for c in range(len(HEADERS))
            ]
            if not any(texts):
                continue
            try:
                review = parse_day(texts[4])
            except ValueError:
                raise ValueError(
                    tr("The review date in row {0} is not a date (YYYY-MM-DD): {1}").format(
                        row + 1, texts[4]
                    )
                ) from None
            out.append(PlanEntry(texts[0], texts[1], texts[2], texts[3], review))
        return out

    def save(self) -> None:
        self.table.setCurrentCell(-1, -1)  # an open editor commits what was typed
        try:
            entries = self.entries()
        except ValueError as e:
            self.session.messages.error(self, tr("Individual plan"), str(e))
            return
        review = (
            float(self.next_review.dateTime().toSecsSinceEpoch())
            if self.has_review.isChecked()
            else None
        )
        op = fops.save_plan(
            self.case_id,
            entries,
            next_review_on=review,
            summary=self.summary.text().strip(),
            now=self.session.now(),
        )
        self.session.run(op, self)

    def print_plan(self) -> None:
        """The newest version as its own PDF, in the site's print language,
        saved where the worker chooses (audited)."""
        from idcheck.gui import ops
        from idcheck.gui.referral import site_print_language

        if not self.plans:
            return
        session = self.session
        doc = session.run(
            fops.plan_document(self.case_id, lang=site_print_language(session, self)), self
        )
        if doc is None:
            return
        path = session.save_path(
            self,
            tr("Save the plan as PDF"),
            f"plan-{file_stem(doc.case_reference)}-v{self.plans[-1].version}.pdf",
            tr("PDF (*.pdf)"),
        )
        if path is not None and session.run(ops.export_document(doc, path), self) is not None:
            session.messages.info(
                self, tr("Individual plan"), tr("The plan is saved: {0}").format(path.name)
            )
