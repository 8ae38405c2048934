"""The case list (search, filters, sortable columns), a new case with the
presumption of childhood, and a case's screenings."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QIdentityProxyModel,
    QItemSelectionModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from idcheck.gui import ops
from idcheck.gui.case_dialog import CaseDialog
from idcheck.gui.case_form import IDENTIFIERS, CaseForm
from idcheck.gui.case_table import PAGE, CaseTableModel, CaseTableView
from idcheck.gui.export_case import ExportAction
from idcheck.gui.i18n import content_language
from idcheck.gui.session import Messages, Session, follow, line_edit, named, wrapped
from idcheck.gui.sharing import ImportAction

if TYPE_CHECKING:
    from collections.abc import Callable

    from idcheck.checklist import Entry
    from idcheck.gui.ops import Changes
    from idcheck.store import CaseRow


def bundled_checklists() -> dict[str, Entry]:
    """Label -> catalogue entry for the newest version of every installed
    screening checklist: a new screening uses it (an older version stays
    installed for the screenings made with it, which keep their own copy)."""
    from idcheck.checklist import load_entry, text_for
    from idcheck.checklist.catalogue import newest_entries

    choices = {}
    for e in newest_entries():
        obj = load_entry(e)
        if getattr(obj, "kind", "") == "checklist":
            choices[f"{text_for(obj.title, content_language())} ({e.ref})"] = e
    return choices


def outcome_labels(lang: str | None = None) -> dict[str, str]:
    """Outcome id -> label, over every installed checklist (most urgent first), in
    the interface language where the checklists have it."""
    from idcheck.checklist import Checklist, load_entry, text_for
    from idcheck.checklist.catalogue import newest_entries

    lang = lang or content_language()
    labels: dict[str, str] = {}
    for e in newest_entries():
        obj = load_entry(e)
        if isinstance(obj, Checklist):
            for o in obj.outcomes:
                labels.setdefault(o.id, text_for(o.label, lang))
    return labels


# Case states as the list shows them (for the translation tools).
STATUSES = (
    QT_TRANSLATE_NOOP("CaseTableModel", "open"),
    QT_TRANSLATE_NOOP("CaseTableModel", "closed"),
)

# Period filters of the case list: label and the number of days back (0 = all).
PERIODS = (
    (QT_TRANSLATE_NOOP("CasesPage", "any time"), 0),
    (QT_TRANSLATE_NOOP("CasesPage", "last 7 days"), 7),
    (QT_TRANSLATE_NOOP("CasesPage", "last 30 days"), 30),
    (QT_TRANSLATE_NOOP("CasesPage", "last 12 months"), 365),
)


class CasesPage(QWidget):
    """The case list with search, filters (status, outcome, period) and sortable
    columns; the buttons for a case and, for an administrator, the administration."""

    lock_requested = Signal()
    switch_user_requested = Signal()
    admin_requested = Signal()
    #: The administration, at its Site tab.
    site_requested = Signal()
    password_requested = Signal()
    screening_requested = Signal(int)
    my_work_requested = Signal()

    def __init__(self, messages: Messages) -> None:
        super().__init__()
        self.messages = messages
        self.session: Session | None = None
        self.model = CaseTableModel(self)
        self._filters: dict[str, Any] = {}
        # The model sorts itself (a header click reaches its sort()): newest
        # first a page at a time from the store, by another column every case.
        self.proxy = QIdentityProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = named(CaseTableView(), self.tr("Cases"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CaseTableModel.UPDATED, Qt.SortOrder.DescendingOrder)
        # Sorted by a column the store reads in order, the list is read anew
        # (down to the case selected): the case stays selected.
        self._kept: int | None = None
        self.model.selected = lambda: {c for c in (self.selected_case(),) if c is not None}
        self.proxy.modelAboutToBeReset.connect(self._keep_selected)
        self.proxy.modelReset.connect(self._select_kept)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.activated.connect(lambda _i: self.open_case())
        self.search = line_edit(
            self.tr("Search cases"), placeholder=self.tr("Search reference or name")
        )
        # Typing waits for a pause before the store is asked: one query per word,
        # not one per keystroke, on a store of many cases.
        self.search_pause = QTimer(self)
        self.search_pause.setSingleShot(True)
        self.search_pause.setInterval(250)
        self.search_pause.timeout.connect(self.refresh)
        self.search.textChanged.connect(self.search_pause.start)
        self.search.returnPressed.connect(self.refresh)
        self.status = named(QComboBox(), self.tr("Status filter"))
        for value, label in (
            ("", self.tr("all cases")),
            ("open", self.tr("open")),
            ("closed", self.tr("closed")),
        ):
            self.status.addItem(label, value)
        self.status.currentIndexChanged.connect(self.refresh)
        self.outcome = named(QComboBox(), self.tr("Outcome filter"))
        self.outcome.addItem(self.tr("any outcome"), "")
        self.period = named(QComboBox(), self.tr("Period filter"))
        for period, days in PERIODS:
            self.period.addItem(QCoreApplication.translate("CasesPage", str(period)), days)
        self.period.currentIndexChanged.connect(self.refresh)
        self.shown = QLabel("")
        self.shown.setObjectName("shown")
        self.new_button = QPushButton(self.tr("&New case"))
        self.new_button.clicked.connect(self.new_case)
        self.case_button = QPushButton(self.tr("Open &case"))
        self.case_button.clicked.connect(self.open_case)
        self.screen_button = QPushButton(self.tr("&Screen / resume"))
        # A lambda: clicked(bool) must not reach screen_selected's checklist_ref.
        self.screen_button.clicked.connect(lambda: self.screen_selected())
        self.open_button = QPushButton(self.tr("&Open last screening"))
        self.open_button.clicked.connect(self.open_selected)
        self.import_button = QPushButton(self.tr("&Import…"))
        self.importer = ImportAction(self)
        self.import_button.clicked.connect(
            lambda: self.importer.run(self.session) if self.session is not None else None
        )
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.exporter = ExportAction(self)
        self.export_button.clicked.connect(self.export_selected)
        self.my_work_button = QPushButton(self.tr("&My work"))
        self.my_work_button.clicked.connect(self.my_work_requested)
        self.admin_button = QPushButton(self.tr("&Administration"))
        self.admin_button.clicked.connect(self.admin_requested)
        self.password_button = QPushButton(self.tr("My &password"))
        self.password_button.clicked.connect(self.password_requested)
        self.switch_button = QPushButton(self.tr("S&witch user"))
        self.switch_button.clicked.connect(self.switch_user_requested)
        self.lock_button = QPushButton(self.tr("&Lock"))
        self.lock_button.clicked.connect(self.lock_requested)
        self.who = QLabel("")
        # Until the site has a name and a jurisdiction, administrators see why
        # it matters and a way there.
        self.site_notice = wrapped(
            self.tr(
                "The site is not set up: referrals cannot print the site's name or choose its "
                "country's referral routes until an administrator sets them."
            )
        )
        self.site_notice.setObjectName("sitenotice")
        self.site_button = QPushButton(self.tr("Set &up the site…"))
        self.site_button.clicked.connect(self.site_requested)
        self.site_bar = QWidget()
        notice = QHBoxLayout(self.site_bar)
        notice.setContentsMargins(0, 0, 0, 0)
        notice.addWidget(self.site_notice, 1)
        notice.addWidget(self.site_button)
        self.site_bar.setVisible(False)
        # Three short rows rather than one long one: the page must fit a laptop
        # screen at 200 % text size, in a language whose words run long.
        account = QHBoxLayout()
        account.addWidget(self.who)
        account.addStretch()
        for w in (self.admin_button, self.password_button, self.switch_button, self.lock_button):
            account.addWidget(w)
        actions = QHBoxLayout()
        for w in (self.new_button, self.case_button, self.screen_button, self.open_button):
            actions.addWidget(w)
        actions.addStretch()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        for w in (self.status, self.outcome, self.period):
            filters.addWidget(w)
        box = QVBoxLayout(self)
        box.addLayout(account)
        box.addWidget(self.site_bar)
        box.addLayout(actions)
        box.addLayout(filters)
        box.addWidget(self.table)
        # Import… and Export… below the list, beside the count: the rows above are as wide as a
        # laptop allows at 200 % text in a language whose words run long.
        below = QHBoxLayout()
        below.addWidget(self.shown, 1)
        below.addWidget(self.import_button)
        below.addWidget(self.export_button)
        below.addWidget(self.my_work_button)
        box.addLayout(below)

    def attach(self, session: Session | None) -> None:
        follow(self.session, session, self.on_changed)
        self.session = session
        self.search.clear()
        if session is None:
            self.model.set_rows([])
            self.site_bar.setVisible(False)
            self.who.clear()
            self.shown.clear()
            return
        if self.outcome.count() == 1:
            self.outcome.blockSignals(True)
            for oid, label in outcome_labels().items():
                self.outcome.addItem(label, oid)
            self.outcome.blockSignals(False)
            self.outcome.currentIndexChanged.connect(self.refresh)
            self.model.set_outcomes(outcome_labels())
        self.who.setText(self.tr("Signed in: {0}").format(session.username))
        self.admin_button.setVisible(session.is_admin)
        self.update_site_notice()
        self.refresh()

    def on_changed(self, changes: Changes) -> None:
        """What an operation changed, wherever it was made: the list and the site
        notice follow."""
        if changes.cases or changes.tasks:
            self.refresh()
        if changes.site:
            self.update_site_notice()

    def update_site_notice(self) -> None:
        """Show the site notice to an administrator while the site is not set up."""
        session = self.session
        if session is None or not session.is_admin:
            self.site_bar.setVisible(False)
            return
        profile = session.run(ops.site_profile(), self)
        self.site_bar.setVisible(profile is not None and not profile.is_set_up)

    def refresh(self) -> None:
        """Read the list anew: its first page (as many rows as the view holds,
        so a scrolled list stays where it was), the rest as the view scrolls."""
        self.search_pause.stop()
        session = self.session
        if session is None:
            return
        days = self.period.currentData() or 0
        filters: dict[str, Any] = {
            "search": self.search.text(),
            "status": self.status.currentData() or None,
            "outcome": self.outcome.currentData() or None,
            "since": time.time() - days * 86400 if days else None,
        }
        now = session.now()

        def read(
            after: tuple[Any, int] | None, n: int | None, by: str, ascending: bool
        ) -> list[CaseRow] | None:
            # The filters and the time of the first page, for every page below it.
            op = ops.list_cases(
                **filters, limit=n, now=now, after=after, by=by, ascending=ascending
            )
            return session.run(op, self)

        def read_rest(
            after: tuple[Any, int] | None,
            by: str,
            ascending: bool,
            then: Callable[[list[CaseRow] | None], None],
        ) -> None:
            # Every case left, to sort by a column worked out for each case: off
            # the UI thread (a second or two at 100,000 cases).
            every = ops.list_cases(**filters, now=now, after=after, by=by, ascending=ascending)
            op = ops.every_case(every)
            session.start(op, self, on_done=then, on_failed=lambda: then(None))

        # The same list read anew (a case changed) keeps as many rows as were
        # shown, so the view stays where it was; another search starts at the top.
        want = max(PAGE, self.model.rowCount()) if filters == self._filters else PAGE
        self._filters = filters
        selected = self.selected_case()
        if not self.model.load(read, want, read_rest):
            return
        self.model.give(want)
        self.table.fit_columns()
        if selected is not None:
            self.select_case(selected)
        total = len(self.model.rows)
        if not self.model.complete:
            total = session.run(ops.count_cases(**filters), self) or total
        self.shown.setText(self.tr("Cases shown: {0}").format(total))

    def selected_case(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        index = rows[0] if rows else self.table.currentIndex()
        if not index.isValid():
            return None
        return int(self.proxy.data(index, Qt.ItemDataRole.UserRole))

    def _keep_selected(self) -> None:
        self._kept = self.selected_case()

    def _select_kept(self) -> None:
        if self._kept is not None:
            self.select_case(self._kept)
        self._kept = None

    def select_case(self, case_id: int) -> None:
        """Select the case's row, if the list has read it."""
        at = next((i for i, r in enumerate(self.model.rows) if r.id == case_id), None)
        if at is None:
            return
        self.model.give(at + 1)  # below the pages shown so far: shown down to it
        index = self.proxy.mapFromSource(self.model.index(at, 0))
        flags = QItemSelectionModel.SelectionFlag
        # Not selectRow(): right to left, on a hidden table, it selects nothing.
        self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)

    def screen_selected(self, *, checklist_ref: str | None = None) -> None:
        """Resume the case's draft, or start a screening with a bundled checklist."""
        case_id = self.selected_case()
        if case_id is not None:
            self.screen_case(case_id, checklist_ref)

    def screen_case(self, case_id: int, checklist_ref: str | None = None) -> None:
        if self.session is None:
            return
        rows = self.session.run(ops.list_screenings(case_id), self) or []
        drafts = [r for r in rows if r.status == "draft"]
        if drafts:
            self.screening_requested.emit(drafts[-1].id)
            return
        choices = self.session.run(ops.installed_checklists(), self)
        if choices is None:
            return
        if checklist_ref is None:
            label, ok = QInputDialog.getItem(
                self, self.tr("Start a screening"), self.tr("Checklist"), list(choices), 0, False
            )
            if not ok or self.session is None:
                return
            entry = choices[label]
        else:  # a version asked for by name may be an older one still installed
            from idcheck.checklist import find

            entry = find(checklist_ref)
        sid = self.session.run(ops.start_screening(case_id, entry), self)
        if sid is not None:
            self.screening_requested.emit(int(sid))

    def open_selected(self) -> None:
        case_id = self.selected_case()
        if self.session is None or case_id is None:
            return
        rows = self.session.run(ops.list_screenings(case_id), self) or []
        if rows:
            self.screening_requested.emit(rows[-1].id)

    def export_selected(self) -> None:
        """Export… the selected case (read like Import…: choose, write, say what)."""
        case_id = self.selected_case()
        row = next((r for r in self.model.rows if r.id == case_id), None)
        if self.session is not None and row is not None:
            self.exporter.run(self.session, row.id, row.reference)

    def open_case(self) -> None:
        """The case's details, its screenings and its follow-up (audited as a view)."""
        case_id = self.selected_case()
        if case_id is not None:
            self.open_case_id(case_id)

    def open_case_id(self, case_id: int, tab: str = "case", task_id: int = 0) -> None:
        """A case's dialog at ``tab`` (at the task ``task_id`` when not 0)."""
        if self.session is None:
            return
        session = self.session
        opened = session.run(ops.open_case(case_id), self)
        if opened is None:
            return
        case, rows = opened
        dialog = CaseDialog(case, rows, self.model.outcomes, self, session=session, tab=tab)
        if task_id:
            dialog.open_entry("task", task_id)
        session.track(dialog)
        choice = dialog.exec()
        dialog.deleteLater()
        if self.session is not session:
            return  # locked meanwhile
        if choice == CaseDialog.OPEN and dialog.chosen is not None:
            self.screening_requested.emit(dialog.chosen)
        elif choice == CaseDialog.SCREEN:
            self.screen_case(case_id)
        elif choice == CaseDialog.CLOSE_CASE:
            question = self.tr(
                "Close case {0}? It stays readable; the retention time starts now."
            ).format(case.details.reference)
            if self.messages.confirm(self, self.tr("Close the case"), question):
                session.run(ops.close_case(case_id), self)

    def new_case(self) -> None:
        if self.session is None:
            return
        form = CaseForm(self)
        self.session.track(form)
        # A case the store refuses (a reference in use) brings the form back as typed.
        while form.exec() == QDialog.DialogCode.Accepted and self.session is not None:
            if self.session.run(ops.create_case(form.details()), form) is not None:
                return


__all__ = ["IDENTIFIERS", "CaseDialog", "CaseForm", "CaseTableModel", "CasesPage"]
