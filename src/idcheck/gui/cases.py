"""The case list (search, filters, sortable columns), a new case with the
presumption of childhood, and a case's screenings."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from idcheck.gui import ops
from idcheck.gui.i18n import content_language
from idcheck.gui.session import NO_AGE, Messages, Session, line_edit, named, wrapped

if TYPE_CHECKING:
    from idcheck.checklist import Entry
    from idcheck.gui.ops import Changes
    from idcheck.store import Case, CaseDetails, CaseRow, ScreeningRow


class CaseTableModel(QAbstractTableModel):
    """The case list: reference, names, status, screenings, last outcome, updated."""

    HEADERS = (
        QT_TRANSLATE_NOOP("CaseTableModel", "Reference"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Name"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Status"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Alert"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Screenings"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Last outcome"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Updated"),
    )

    #: The column that marks a draft in which the danger stop fired.
    ALERT = 3
    #: The column the list is sorted by at first (newest first).
    UPDATED = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CaseRow] = []
        # Outcome id -> label, filled once the checklists are loaded.
        self.outcomes: dict[str, str] = {}

    def set_rows(self, rows: list[CaseRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

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
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        if index.column() == self.ALERT and r.danger:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#8b0000"))
            if role == Qt.ItemDataRole.ToolTipRole:
                return QApplication.translate(
                    "CaseTableModel",
                    "A draft of this case recorded an answer that stops the screening for "
                    "immediate danger.",
                )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        name = " ".join(x for x in (r.given_name, r.family_name) if x)
        values = (
            r.reference,
            name,
            QApplication.translate("CaseTableModel", r.status),
            QApplication.translate("CaseTableModel", "DANGER STOP") if r.danger else "",
            r.screenings,
            self.outcomes.get(r.last_outcome or "", r.last_outcome or ""),
            time.strftime("%Y-%m-%d %H:%M", time.localtime(r.updated_at)),
        )
        return values[index.column()]


#: Who identified the child, as the form lists them (the statistics count them).
IDENTIFIERS = (
    ("police", QT_TRANSLATE_NOOP("CaseForm", "police")),
    ("immigration", QT_TRANSLATE_NOOP("CaseForm", "immigration authority")),
    ("health", QT_TRANSLATE_NOOP("CaseForm", "health service")),
    ("child-welfare", QT_TRANSLATE_NOOP("CaseForm", "child welfare service")),
    ("ngo", QT_TRANSLATE_NOOP("CaseForm", "voluntary organisation (NGO)")),
    ("other", QT_TRANSLATE_NOOP("CaseForm", "other")),
)


class CaseForm(QDialog):
    """A new case: reference, names, age uncertainty and date of birth, gender,
    nationality and languages, who identified the child, the accompanying adult,
    a note. Save checks the date of birth and says what is wrong, keeping every
    field as typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self.reference = line_edit(self.tr("Case reference"))
        self.given = line_edit(self.tr("Given name (optional)"))
        self.family = line_edit(self.tr("Family name (optional)"))
        self.claimed = self._age(self.tr("Age the child gives"))
        self.dob = line_edit(
            self.tr("Date of birth the child gives (YYYY-MM-DD)"), placeholder=self.tr("YYYY-MM-DD")
        )
        self.assessed = self._age(self.tr("Assessed age"))
        self.disputed = QCheckBox(self.tr("Age is disputed"))
        self.gender = named(QComboBox(), self.tr("Gender"))
        for value, label in (
            ("", self.tr("not recorded")),
            ("female", self.tr("female")),
            ("male", self.tr("male")),
            ("other", self.tr("other")),
            ("unknown", self.tr("unknown")),
        ):
            self.gender.addItem(label, value)
        self.nationality = line_edit(self.tr("Nationality"))
        self.languages = line_edit(
            self.tr("Languages the child speaks"),
            placeholder=self.tr("for example: Arabic, French"),
        )
        self.identified_by = named(QComboBox(), self.tr("Identified by"))
        self.identified_by.addItem(self.tr("not recorded"), "")
        for code, agency in IDENTIFIERS:
            self.identified_by.addItem(QCoreApplication.translate("CaseForm", str(agency)), code)
        self.adult = line_edit(self.tr("Accompanying adult"))
        self.relation = line_edit(self.tr("Relation the adult states"))
        self.notes = named(QPlainTextEdit(), self.tr("Note"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.presumption = QLabel("")
        self.presumption.setWordWrap(True)
        self.presumption.setObjectName("presumption")
        self.problem = QLabel("")
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        for w in (self.claimed, self.assessed):
            w.valueChanged.connect(self._update_presumption)
        self.disputed.toggled.connect(self._update_presumption)
        self.dob.textChanged.connect(lambda _t: self.problem.setVisible(False))
        form = QFormLayout()
        # A label too long beside its field (large text, long words) goes above it.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Case reference"), self.reference)
        form.addRow(self.tr("Given name (optional)"), self.given)
        form.addRow(self.tr("Family name (optional)"), self.family)
        form.addRow(self.tr("Age the child gives"), self.claimed)
        form.addRow(self.tr("Date of birth the child gives"), self.dob)
        form.addRow(self.tr("Assessed age"), self.assessed)
        form.addRow("", self.disputed)
        form.addRow(self.tr("Gender"), self.gender)
        form.addRow(self.tr("Nationality"), self.nationality)
        form.addRow(self.tr("Languages"), self.languages)
        form.addRow(self.tr("Identified by"), self.identified_by)
        form.addRow(self.tr("Accompanying adult"), self.adult)
        form.addRow(self.tr("Relation the adult states"), self.relation)
        form.addRow(self.tr("Note"), self.notes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # The fields scroll when a large text size makes them taller than the screen.
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.addLayout(form)
        inner.addWidget(self.presumption)
        inner.addStretch()
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        box = QVBoxLayout(self)
        box.addWidget(scroll, 1)
        box.addWidget(self.problem)
        box.addWidget(self.buttons)
        self._update_presumption()
        hint = holder.sizeHint()
        self.resize(max(hint.width() + 40, 640), min(hint.height() + 120, 700))

    def _age(self, name: str) -> QSpinBox:
        s = QSpinBox()
        s.setAccessibleName(name)
        s.setRange(NO_AGE, 30)
        s.setSpecialValueText(self.tr("not known"))
        s.setValue(NO_AGE)
        return s

    def accept(self) -> None:
        """Save, unless the date of birth is not a past date: then say so."""
        import datetime as dt

        text = self.dob.text().strip()
        if text:
            try:
                born: dt.date | None = dt.date.fromisoformat(text)
            except ValueError:
                born = None
            if born is None or len(text) != 10:
                self._say(
                    self.tr("The date of birth {0} is not a date: write it as YYYY-MM-DD.").format(
                        text
                    )
                )
                return
            if born > dt.date.today():
                self._say(self.tr("The date of birth {0} is in the future.").format(text))
                return
        super().accept()

    def _say(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(True)
        self.dob.setFocus()
        self.dob.selectAll()

    def details(self) -> CaseDetails:
        from idcheck.store import Adult, CaseDetails

        def age(s: QSpinBox) -> int | None:
            return None if s.value() == NO_AGE else s.value()

        def text(w: QLineEdit) -> str | None:
            return w.text().strip() or None

        adults: tuple[Adult, ...] = ()
        if self.adult.text().strip():
            adults = (Adult(self.adult.text().strip(), self.relation.text().strip() or None),)
        return CaseDetails(
            reference=self.reference.text().strip(),
            given_name=text(self.given),
            family_name=text(self.family),
            claimed_dob=text(self.dob),
            claimed_age=age(self.claimed),
            assessed_age=age(self.assessed),
            age_disputed=self.disputed.isChecked(),
            gender=self.gender.currentData() or None,
            nationality=text(self.nationality),
            languages=text(self.languages),
            identified_by=self.identified_by.currentData() or None,
            adults=adults,
            notes=self.notes.toPlainText().strip() or None,
        )

    def _update_presumption(self) -> None:
        if self.details().may_be_child:
            self.presumption.setText(
                self.tr(
                    "The child may be under 18: treat them as a child until their age is assessed."
                )
            )
        else:
            self.presumption.setText("")


def bundled_checklists() -> dict[str, Entry]:
    """Label -> catalogue entry for every installed screening checklist."""
    from idcheck.checklist import entries, load_entry, text_for

    choices = {}
    for e in entries():
        obj = load_entry(e)
        if getattr(obj, "kind", "") == "checklist":
            choices[f"{text_for(obj.title, content_language())} ({e.ref})"] = e
    return choices


def outcome_labels(lang: str | None = None) -> dict[str, str]:
    """Outcome id -> label, over every installed checklist (most urgent first), in
    the interface language where the checklists have it."""
    from idcheck.checklist import Checklist, entries, load_entry, text_for

    lang = lang or content_language()
    labels: dict[str, str] = {}
    for e in entries():
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
# The list shows at most this many cases; a search narrows it.
LIST_LIMIT = 5000


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

    def __init__(self, messages: Messages) -> None:
        super().__init__()
        self.messages = messages
        self.session: Session | None = None
        self.model = CaseTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = named(QTableView(), self.tr("Cases"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CaseTableModel.UPDATED, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        # Each column as wide as its header and contents, never cut at large text
        # (a stretched column shrinks below its header when space runs short).
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
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
        box.addWidget(self.shown)

    def attach(self, session: Session | None) -> None:
        if self.session is not None and self.session is not session:
            self.session.changed.disconnect(self.on_changed)
        if session is not None and session is not self.session:
            session.changed.connect(self.on_changed)
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
            self.model.outcomes = outcome_labels()
        self.who.setText(self.tr("Signed in: {0}").format(session.username))
        self.admin_button.setVisible(session.is_admin)
        self.update_site_notice()
        self.refresh()

    def on_changed(self, changes: Changes) -> None:
        """What an operation changed, wherever it was made: the list and the site
        notice follow."""
        if changes.cases:
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
        self.search_pause.stop()
        if self.session is None:
            return
        days = self.period.currentData() or 0
        since = time.time() - days * 86400 if days else None
        rows = self.session.run(
            ops.list_cases(
                search=self.search.text(),
                status=self.status.currentData() or None,
                outcome=self.outcome.currentData() or None,
                since=since,
                limit=LIST_LIMIT,
            ),
            self,
        )
        if rows is None:
            return
        selected = self.selected_case()
        self.model.set_rows(rows)
        if selected is not None:
            self.select_case(selected)
        if len(rows) >= LIST_LIMIT:
            self.shown.setText(
                self.tr("The newest {0} cases are shown: search or filter to find others.").format(
                    LIST_LIMIT
                )
            )
        else:
            self.shown.setText(self.tr("Cases shown: {0}").format(len(rows)))

    def selected_case(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        index = rows[0] if rows else self.table.currentIndex()
        if not index.isValid():
            return None
        return int(self.proxy.data(index, Qt.ItemDataRole.UserRole))

    def select_case(self, case_id: int) -> None:
        """Select the case's row, if the list shows it."""
        flags = QItemSelectionModel.SelectionFlag
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, Qt.ItemDataRole.UserRole) == case_id:
                # Not selectRow(): right to left, on a hidden table, it selects nothing.
                self.table.selectionModel().setCurrentIndex(
                    index, flags.ClearAndSelect | flags.Rows
                )
                return

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
        else:
            entry = next(e for e in choices.values() if e.ref == checklist_ref)
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

    def open_case(self) -> None:
        """The case's details and its screenings (audited as a view)."""
        case_id = self.selected_case()
        if self.session is None or case_id is None:
            return
        session = self.session
        opened = session.run(ops.open_case(case_id), self)
        if opened is None:
            return
        case, rows = opened
        dialog = CaseDialog(case, rows, self.model.outcomes, self)
        session.track(dialog)
        choice = dialog.exec()
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
