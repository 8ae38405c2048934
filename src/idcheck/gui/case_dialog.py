"""A case: the child's details and every screening (built from records fetched
before), and its follow-up in tabs: the timeline, the tasks, the referrals, the
individual plan and the missing episodes, which read and write through named
operations and follow every change to the case."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from idcheck.gui.case_form import IDENTIFIERS
from idcheck.gui.session import named, scrolling
from idcheck.gui.short_views import ShortTableWidget

if TYPE_CHECKING:
    from idcheck.gui.case_followup import FollowUpTab
    from idcheck.gui.followup_ops import FollowUp
    from idcheck.gui.ops import Changes
    from idcheck.gui.session import Session
    from idcheck.store import Case, ScreeningRow


def _when(ts: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts)) if ts else ""


class CaseDialog(QDialog):
    """A case: the child's details and every screening (draft, completed, amended).

    Built from records fetched before; ``exec()`` returns OPEN (with ``chosen``, a
    screening id), SCREEN (start or resume), CLOSE_CASE, or 0 for Close. With a
    session, the follow-up tabs follow (Ctrl+1 … Ctrl+6 or Ctrl+Tab move between
    the tabs); ``tab`` is the one shown first."""

    OPEN, SCREEN, CLOSE_CASE = 10, 11, 12
    TABS = ("case", "timeline", "tasks", "referrals", "plan", "missing")

    def __init__(
        self,
        case: Case,
        screenings: list[ScreeningRow],
        outcomes: dict[str, str],
        parent: QWidget | None = None,
        *,
        session: Session | None = None,
        tab: str = "case",
    ) -> None:
        super().__init__(parent)
        d = case.details
        self.setWindowTitle(self.tr("Case {0}").format(d.reference))
        self.chosen: int | None = None
        self.case_id = case.id
        self.session = session
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
        leading = (
            Qt.AlignmentFlag.AlignAbsolute
            | Qt.AlignmentFlag.AlignVCenter
            | (Qt.AlignmentFlag.AlignLeft if self.isLeftToRight() else Qt.AlignmentFlag.AlignRight)
        )
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
            # A long value (the languages as the child says them, a nationality)
            # wraps within its column instead of running off the dialog.
            value_label.setWordWrap(True)
            # Beside its label whatever the script: a name in Arabic letters in an
            # English window starts where an English one would (Qt otherwise sets
            # right-to-left text against the far edge of the cell).
            value_label.setAlignment(leading)
            value_label.setTextFormat(Qt.TextFormat.PlainText)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            # Two columns of facts, so the screenings keep their room at large text.
            (facts if facts.rowCount() < 5 else more).addRow(label, value_label)
        for a in d.adults:
            adult = QLabel(a.description + (f" ({a.stated_relation})" if a.stated_relation else ""))
            adult.setWordWrap(True)
            adult.setTextFormat(Qt.TextFormat.PlainText)
            more.addRow(self.tr("Accompanying adult"), adult)
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
        self.table = named(ShortTableWidget(len(screenings), len(headers)), self.tr("Screenings"))
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
        # Export…: the case (or its referral) to a recipient of the directory.
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.setVisible(session is not None)
        if session is not None:
            from idcheck.gui.export_case import ExportAction

            self.exporter = ExportAction(self)
            self.export_button.clicked.connect(
                lambda: self.exporter.run(session, case.id, d.reference)
            )
        row = QHBoxLayout()
        for b in (self.open_button, self.screen_button, self.close_case_button):
            row.addWidget(b)
        row.addWidget(self.export_button)
        row.addStretch()
        details = QWidget()
        box = QVBoxLayout(details)
        # The facts scroll when large text wraps them taller than the room left
        # beside the screenings (each value wraps within its column).
        facts_holder = QWidget()
        columns = QHBoxLayout(facts_holder)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(facts, 1)
        columns.addLayout(more, 2)  # its labels are long: the wider column
        facts_area = scrolling(facts_holder)
        facts_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # On the tab's own background, not the window's.
        facts_area.viewport().setAutoFillBackground(False)
        facts_holder.setAutoFillBackground(False)
        # At most eight lines of facts: the screenings below keep their room.
        facts_area.setMaximumHeight(8 * facts_area.fontMetrics().lineSpacing())
        box.addWidget(facts_area)
        box.addLayout(notes)
        self.versions: QLabel | None = None
        if session is not None:
            from idcheck.gui.sharing import other_versions

            self.versions = other_versions(session, case, self)
            if self.versions is not None:
                box.addWidget(self.versions)
        box.addWidget(self.presumption)
        box.addWidget(self.table, 1)
        box.addLayout(row)
        self.flags = QLabel("")
        self.flags.setWordWrap(True)
        self.flags.setVisible(False)
        self.tabs = QTabWidget()
        self.tabs.addTab(details, self.tr("Case and screenings"))
        self.pages: dict[str, FollowUpTab] = {}
        self.follow: FollowUp | None = None
        self.following = False
        self.stale: set[QWidget] = set()
        if session is not None:
            self._add_follow_up(session)
        self.tabs.setTabBarAutoHide(session is None)
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.flags, 1)
        bottom.addStretch()
        bottom.addWidget(close)
        outer.addLayout(bottom)
        if tab in self.pages:
            self.tabs.setCurrentWidget(self.pages[tab])
        self.resize(980, 620)

    # -- the follow-up -----------------------------------------------------------

    def _add_follow_up(self, session: Session) -> None:
        from idcheck.gui.case_followup import MissingTab, ReferralsTab, TasksTab, TimelineTab
        from idcheck.gui.case_plan import PlanTab

        self.pages = {
            "timeline": TimelineTab(session, self.case_id),
            "tasks": TasksTab(session, self.case_id),
            "referrals": ReferralsTab(session, self.case_id),
            "plan": PlanTab(session, self.case_id),
            "missing": MissingTab(session, self.case_id),
        }
        titles = {
            "timeline": self.tr("Timeline"),
            "tasks": self.tr("Tasks"),
            "referrals": self.tr("Referrals"),
            "plan": self.tr("Individual plan"),
            "missing": self.tr("Missing"),
        }
        for n, (key, page) in enumerate(self.pages.items(), start=2):
            self.tabs.addTab(page, titles[key])
            self.tabs.setTabToolTip(n - 1, f"Ctrl+{n}")
        self.tabs.setTabToolTip(0, "Ctrl+1")
        for n in range(self.tabs.count()):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{n + 1}"), self)
            shortcut.activated.connect(lambda n=n: self.show_tab(n))
        self.tabs.currentChanged.connect(self._focus_page)
        timeline = self.pages["timeline"]
        timeline.entry_opened.connect(self.open_entry)  # type: ignore[attr-defined]
        session.changed.connect(self._changed)
        self.following = True
        # The countdown follows the clock, minute by minute, without reading the store.
        self.ticker = QTimer(self)
        self.ticker.setInterval(60_000)
        self.ticker.timeout.connect(self.show_follow_up)
        self.ticker.start()
        self.reload()

    def show_tab(self, n: int) -> None:
        self.tabs.setCurrentIndex(n)
        self._focus_page(n)

    def _fill(self, page: QWidget | None) -> None:
        if page in self.stale and self.follow is not None and self.session is not None:
            assert page is not None
            self.stale.discard(page)
            page.show_follow_up(self.follow, self.session.now())  # type: ignore[attr-defined]

    def _focus_page(self, n: int) -> None:
        """The page is filled if it is not yet, and its list or table takes the
        keys, so that arrows read its rows."""
        page = self.tabs.widget(n)
        self._fill(page)
        target = getattr(page, "table", None) or getattr(page, "list", None)
        if isinstance(target, QWidget):
            target.setFocus()

    def _changed(self, changes: Changes) -> None:
        if self.isVisible() and (changes.case == self.case_id or changes.tasks):
            self.reload()

    def done(self, result: int) -> None:
        """Closed: it follows the store no more (the session outlives it)."""
        if self.following and self.session is not None:
            self.following = False
            self.ticker.stop()
            self.session.changed.disconnect(self._changed)
        super().done(result)

    def reload(self) -> None:
        """Read the follow-up again and show it."""
        from idcheck.gui import followup_ops as fops

        if self.session is None or not self.session.is_open:
            return
        follow = self.session.run(fops.follow_up(self.case_id), self)
        if follow is not None:
            self.follow = follow
            self.show_follow_up()

    def show_follow_up(self) -> None:
        from idcheck.gui.followup_words import DUE_SOON, when

        if self.follow is None or self.session is None:
            return
        now = self.session.now()
        # The tab shown is filled now, the others when they are shown.
        self.stale = set(self.pages.values())
        self._fill(self.tabs.currentWidget())
        words = []
        open_ = [m for m in self.follow.missing if m.found_at is None]
        if open_:
            words.append(self.tr("⚠ MISSING since {0}").format(when(open_[-1].missing_at)))
        overdue = sum(t.overdue(now) for t in self.follow.tasks)
        if overdue:
            words.append(self.tr("⚠ {0} OVERDUE").format(overdue))
        soon = sum(t.due_soon(now, DUE_SOON) for t in self.follow.tasks)
        if soon:
            words.append(self.tr("{0} due soon").format(soon))
        self.flags.setText(" · ".join(words))
        self.flags.setObjectName("missing" if open_ or overdue else "")
        self.flags.style().unpolish(self.flags)
        self.flags.style().polish(self.flags)
        self.flags.setVisible(bool(words))
        self.tabs.setTabText(
            self.tabs.indexOf(self.pages["missing"]),
            self.tr("⚠ Missing now") if open_ else self.tr("Missing"),
        )

    def open_entry(self, kind: str, ref_id: int) -> None:
        """A timeline entry opened: the tab that holds it, at its row."""
        where = {
            "task": "tasks",
            "task-done": "tasks",
            "task-changed": "tasks",
            "referral": "referrals",
            "referral-state": "referrals",
            "referral-changed": "referrals",
            "plan": "plan",
            "missing": "missing",
            "found": "missing",
        }.get(kind)
        if kind == "screening":
            self.show_tab(0)
            for i, r in enumerate(self.rows):
                if r.id == ref_id:
                    self.table.selectRow(i)
            return
        if where is None:
            return
        page = self.pages[where]
        self.show_tab(self.tabs.indexOf(page))
        table = getattr(page, "table", None)
        if where != "plan" and table is not None:
            page.select(table, ref_id)

    def _open(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            self.chosen = self.rows[row].id
            self.done(self.OPEN)
