"""Anonymised statistics in the window: choose a period, see the counts (small
counts already suppressed, as every export shows them), save CSV, JSON or PDF.

Opened from the administration screen; the store refuses the figures to anyone
but an administrator, and that refusal is shown as a message. Every save is an
audit row. The figures come from :mod:`idcheck.report.stats`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
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

from idcheck.gui import ops
from idcheck.gui.session import Session
from idcheck.report.stats import ALL, TOTAL, Stats

#: The words of the tables, for translation (the core keeps the English ones).
WORDS = {
    "total": QT_TRANSLATE_NOOP("StatsDialog", "total"),
    "completed screenings": QT_TRANSLATE_NOOP("StatsDialog", "completed screenings"),
    "sex": QT_TRANSLATE_NOOP("StatsDialog", "sex"),
    "age-band": QT_TRANSLATE_NOOP("StatsDialog", "age band"),
    "minor": QT_TRANSLATE_NOOP("StatsDialog", "under 18"),
    "form": QT_TRANSLATE_NOOP("StatsDialog", "exploitation form"),
    "identified-by": QT_TRANSLATE_NOOP("StatsDialog", "identified by"),
    "outcome": QT_TRANSLATE_NOOP("StatsDialog", "outcome"),
    "female": QT_TRANSLATE_NOOP("StatsDialog", "female"),
    "male": QT_TRANSLATE_NOOP("StatsDialog", "male"),
    "other": QT_TRANSLATE_NOOP("StatsDialog", "other"),
    "unknown": QT_TRANSLATE_NOOP("StatsDialog", "unknown"),
    "not recorded": QT_TRANSLATE_NOOP("StatsDialog", "not recorded"),
    "under 12": QT_TRANSLATE_NOOP("StatsDialog", "under 12"),
    "12 to 14": QT_TRANSLATE_NOOP("StatsDialog", "12 to 14"),
    "15 to 17": QT_TRANSLATE_NOOP("StatsDialog", "15 to 17"),
    "18 or over": QT_TRANSLATE_NOOP("StatsDialog", "18 or over"),
    "age not known": QT_TRANSLATE_NOOP("StatsDialog", "age not known"),
    "under 18": QT_TRANSLATE_NOOP("StatsDialog", "under 18"),
    "sexual exploitation": QT_TRANSLATE_NOOP("StatsDialog", "sexual exploitation"),
    "labour exploitation": QT_TRANSLATE_NOOP("StatsDialog", "labour exploitation"),
    "domestic servitude": QT_TRANSLATE_NOOP("StatsDialog", "domestic servitude"),
    "forced begging": QT_TRANSLATE_NOOP("StatsDialog", "forced begging"),
    "criminal exploitation": QT_TRANSLATE_NOOP("StatsDialog", "criminal exploitation"),
    "forced marriage": QT_TRANSLATE_NOOP("StatsDialog", "forced marriage"),
    "other form": QT_TRANSLATE_NOOP("StatsDialog", "other form"),
    "no form recorded": QT_TRANSLATE_NOOP("StatsDialog", "no form recorded"),
    "police": QT_TRANSLATE_NOOP("StatsDialog", "police"),
    "immigration": QT_TRANSLATE_NOOP("StatsDialog", "immigration"),
    "health": QT_TRANSLATE_NOOP("StatsDialog", "health"),
    "child welfare": QT_TRANSLATE_NOOP("StatsDialog", "child welfare"),
    "NGO": QT_TRANSLATE_NOOP("StatsDialog", "NGO"),
    "all": QT_TRANSLATE_NOOP("StatsDialog", "all"),
}


def word(text: str) -> str:
    return QCoreApplication.translate("StatsDialog", str(WORDS.get(text, text)))


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class StatsDialog(QDialog):
    """Period, the table of counts, and save as CSV / JSON / PDF (each audited)."""

    FORMATS = ("csv", "json", "pdf")

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.stats: Stats | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Anonymised statistics"))
        today = dt.date.today()
        self.since = QDateEdit(_qdate(today.replace(month=1, day=1)))
        self.until = QDateEdit(_qdate(today))
        for w, name in ((self.since, self.tr("From")), (self.until, self.tr("To (included)"))):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            w.setAccessibleName(name)
        self.by = QComboBox()
        self.by.addItem(self.tr("by month"), "month")
        self.by.addItem(self.tr("by year"), "year")
        self.by.setAccessibleName(self.tr("Period"))
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.refresh)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.since)
        form.addRow(self.tr("To (included)"), self.until)
        form.addRow(self.tr("Counts"), self.by)
        top = QHBoxLayout()
        top.addLayout(form)
        top.addWidget(self.show_button)
        top.addStretch()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Counts"))
        self.table.verticalHeader().setVisible(False)
        note = QLabel(
            self.tr(
                "Counts of 1 to 4 are shown as <5. Where a total would reveal such a count, "
                "the next smallest count in the same row or column is hidden as well (x). "
                "No names, case references or free text are in these figures."
            )
        )
        note.setWordWrap(True)
        self.save_buttons: dict[str, QPushButton] = {}
        buttons = QHBoxLayout()
        for fmt, text in (
            ("csv", self.tr("Save &CSV…")),
            ("json", self.tr("Save &JSON…")),
            ("pdf", self.tr("Save &PDF…")),
        ):
            b = QPushButton(text)
            b.setEnabled(False)
            b.clicked.connect(lambda _c=False, f=fmt: self.save(f))
            self.save_buttons[fmt] = b
            buttons.addWidget(b)
        buttons.addStretch()
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.summary)
        box.addWidget(self.table, 1)
        box.addWidget(note)
        box.addLayout(buttons)
        self.resize(980, 720)

    def refresh(self) -> None:
        """Count the period chosen, off the UI thread (a national store holds many
        screenings); the table and the save buttons follow when it is done."""
        since, until = _date(self.since.date()), _date(self.until.date())
        if until < since:
            self.session.messages.error(
                self, self.tr("Anonymised statistics"), self.tr("The end is before the start.")
            )
            return
        by = str(self.by.currentData())
        self.busy = True
        self.show_button.setEnabled(False)
        op = self.session.start(ops.count_stats(since, until, by), self, self._counted)
        op.finished.connect(self._idle)

    def _idle(self) -> None:
        self.busy = False
        self.show_button.setEnabled(True)

    def _counted(self, stats: Stats) -> None:
        self.stats = stats
        self._fill(stats)
        for b in self.save_buttons.values():
            b.setEnabled(True)

    def _fill(self, stats: Stats) -> None:
        periods = (*stats.periods, ALL)
        self.table.clear()
        self.table.setColumnCount(2 + len(periods))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Table"), self.tr("Category"), *(word(p) for p in periods)]
        )
        lines: list[tuple[str, str, str]] = [(TOTAL, TOTAL, "completed screenings")]
        for table, cats in stats.categories.items():
            lines += [(table, c, stats.label(table, c)) for c in cats]
        self.table.setRowCount(len(lines))
        for r, (table, c, label) in enumerate(lines):
            self.table.setItem(r, 0, QTableWidgetItem(word(table)))
            self.table.setItem(r, 1, QTableWidgetItem(word(label)))
            for col, p in enumerate(periods, start=2):
                item = QTableWidgetItem(str(stats.shown((table, c, p))))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, col, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.summary.setText(
            self.tr("{0} completed screenings from {1} to {2}.").format(
                stats.total(), stats.since.isoformat(), stats.until.isoformat()
            )
        )

    def save(self, fmt: str) -> None:
        if self.stats is None:
            return
        filters = {
            "csv": self.tr("CSV files (*.csv)"),
            "json": self.tr("JSON files (*.json)"),
            "pdf": self.tr("PDF files (*.pdf)"),
        }
        path = self.session.save_path(
            self,
            self.tr("Save the statistics"),
            f"statistics-{self.stats.since}-{self.stats.until}.{fmt}",
            filters[fmt],
        )
        if path is not None:
            self.save_to(path, fmt)

    def save_to(self, path: Path, fmt: str) -> bool:
        """Write the figures shown; audited. False (with a message) when it fails."""
        stats = self.stats
        if stats is None:
            return False
        return self.session.run(ops.export_stats(stats, path, fmt), self) is not None
