"""A case: the child's details and every screening, built from records fetched
before (the dialog never reads the store)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from idcheck.gui.case_form import IDENTIFIERS
from idcheck.gui.session import named

if TYPE_CHECKING:
    from idcheck.store import Case, ScreeningRow


def _when(ts: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts)) if ts else ""


class CaseDialog(QDialog):
    """A case: the child's details and every screening (draft, completed, amended).

    Built from records fetched before; ``exec()`` returns OPEN (with ``chosen``, a
    screening id), SCREEN (start or resume), CLOSE_CASE, or 0 for Close."""

    OPEN, SCREEN, CLOSE_CASE = 10, 11, 12

    def __init__(
        self,
        case: Case,
        screenings: list[ScreeningRow],
        outcomes: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        d = case.details
        self.setWindowTitle(self.tr("Case {0}").format(d.reference))
        self.chosen: int | None = None
        self.rows = screenings
        facts, more, notes = QFormLayout(), QFormLayout(), QFormLayout()
        for f in (facts, more):
            f.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        name = " ".join(x for x in (d.given_name, d.family_name) if x)
        unknown = self.tr("not known")
        age = self.tr("gives {0}, assessed {1}").format(
            d.claimed_age if d.claimed_age is not None else unknown,
            d.assessed_age if d.assessed_age is not None else unknown,
        )
        if d.age_disputed:
            age += self.tr(" (disputed)")
        identifiers = {value: str(label) for value, label in IDENTIFIERS}
        genders = {
            "female": self.tr("female"),
            "male": self.tr("male"),
            "other": self.tr("other"),
            "unknown": self.tr("unknown"),
        }
        for label, value in (
            (self.tr("Reference"), d.reference),
            (self.tr("Name"), name or self.tr("not recorded")),
            (self.tr("Age"), age),
            (self.tr("Gender"), genders.get(d.gender or "", self.tr("not recorded"))),
            (self.tr("Status"), QCoreApplication.translate("CaseTableModel", case.status)),
            (self.tr("Date of birth the child gives"), d.claimed_dob or self.tr("not recorded")),
            (self.tr("Nationality"), d.nationality or self.tr("not recorded")),
            (self.tr("Languages"), d.languages or self.tr("not recorded")),
            (
                self.tr("Identified by"),
                QCoreApplication.translate("CaseForm", identifiers[d.identified_by])
                if d.identified_by in identifiers
                else d.identified_by or self.tr("not recorded"),
            ),
        ):
            value_label = QLabel(str(value))
            value_label.setTextFormat(Qt.TextFormat.PlainText)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            # Two columns of facts, so the screenings keep their room at large text.
            (facts if facts.rowCount() < 5 else more).addRow(label, value_label)
        for a in d.adults:
            more.addRow(
                self.tr("Accompanying adult"),
                QLabel(a.description + (f" ({a.stated_relation})" if a.stated_relation else "")),
            )
        self.note = QLabel(d.notes or "")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if d.notes:
            notes.addRow(self.tr("Note"), self.note)
        self.presumption = QLabel("")
        self.presumption.setObjectName("presumption")
        self.presumption.setWordWrap(True)
        if d.may_be_child:
            self.presumption.setText(
                self.tr(
                    "The child may be under 18: treat them as a child until their age is assessed."
                )
            )
        headers = [
            self.tr("Checklist"),
            self.tr("Status"),
            self.tr("Started"),
            self.tr("Completed"),
        ]
        headers += [self.tr("Outcome"), self.tr("Amends")]
        self.table = named(QTableWidget(len(screenings), len(headers)), self.tr("Screenings"))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for i, r in enumerate(screenings):
            status = {"draft": self.tr("draft"), "completed": self.tr("completed")}[r.status]
            if r.amended_by is not None:
                status = self.tr("amended by #{0}").format(r.amended_by)
            values = (
                r.checklist_ref,
                status,
                _when(r.started_at),
                _when(r.completed_at),
                outcomes.get(r.outcome or "", r.outcome or ""),
                f"#{r.amends_id}" if r.amends_id else "",
            )
            for j, v in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(v))
        self.table.activated.connect(lambda _i: self._open())
        if screenings:
            self.table.selectRow(len(screenings) - 1)
        self.open_button = QPushButton(self.tr("&Open screening"))
        self.open_button.setEnabled(bool(screenings))
        self.open_button.clicked.connect(self._open)
        drafts = any(r.status == "draft" for r in screenings)
        self.screen_button = QPushButton(
            self.tr("&Resume the draft") if drafts else self.tr("&New screening")
        )
        self.screen_button.clicked.connect(lambda: self.done(self.SCREEN))
        self.close_case_button = QPushButton(self.tr("Close the &case…"))
        self.close_case_button.setVisible(case.status == "open")
        self.close_case_button.clicked.connect(lambda: self.done(self.CLOSE_CASE))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        for b in (self.open_button, self.screen_button, self.close_case_button):
            row.addWidget(b)
        row.addStretch()
        row.addWidget(close)
        box = QVBoxLayout(self)
        columns = QHBoxLayout()
        columns.addLayout(facts, 1)
        columns.addLayout(more, 1)
        box.addLayout(columns)
        box.addLayout(notes)
        box.addWidget(self.presumption)
        box.addWidget(QLabel(self.tr("Screenings")))
        box.addWidget(self.table, 1)
        box.addLayout(row)
        self.resize(820, 520)

    def _open(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.chosen = self.rows[row].id
            self.done(self.OPEN)
