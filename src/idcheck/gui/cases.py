"""The case list (search, filters, sortable columns), a new case with the
presumption of childhood, and a case's screenings."""

from __future__ import annotations

import hashlib
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from idcheck.gui.session import NO_AGE, Messages, Session, line_edit, named

if TYPE_CHECKING:
    from idcheck.store import CaseDetails, CaseRow


class CaseTableModel(QAbstractTableModel):
    """The case list: reference, names, status, screenings, last outcome, updated."""

    HEADERS = ("Reference", "Name", "Status", "Screenings", "Last outcome", "Updated")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CaseRow] = []

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
            return QApplication.translate("CaseTableModel", self.HEADERS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        name = " ".join(x for x in (r.given_name, r.family_name) if x)
        values = (
            r.reference,
            name,
            r.status,
            r.screenings,
            r.last_outcome or "",
            time.strftime("%Y-%m-%d %H:%M", time.localtime(r.updated_at)),
        )
        return values[index.column()]


class CaseForm(QDialog):
    """A new case: reference, names, age uncertainty, accompanying adult."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        self.reference = line_edit(self.tr("Case reference"))
        self.given = line_edit(self.tr("Given name (optional)"))
        self.family = line_edit(self.tr("Family name (optional)"))
        self.claimed = self._age(self.tr("Age the child gives"))
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
        self.adult = line_edit(self.tr("Accompanying adult"))
        self.relation = line_edit(self.tr("Relation the adult states"))
        self.presumption = QLabel("")
        self.presumption.setWordWrap(True)
        self.presumption.setObjectName("presumption")
        for w in (self.claimed, self.assessed):
            w.valueChanged.connect(self._update_presumption)
        self.disputed.toggled.connect(self._update_presumption)
        form = QFormLayout()
        form.addRow(self.tr("Case reference"), self.reference)
        form.addRow(self.tr("Given name (optional)"), self.given)
        form.addRow(self.tr("Family name (optional)"), self.family)
        form.addRow(self.tr("Age the child gives"), self.claimed)
        form.addRow(self.tr("Assessed age"), self.assessed)
        form.addRow("", self.disputed)
        form.addRow(self.tr("Gender"), self.gender)
        form.addRow(self.tr("Nationality"), self.nationality)
        form.addRow(self.tr("Accompanying adult"), self.adult)
        form.addRow(self.tr("Relation the adult states"), self.relation)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.presumption)
        box.addWidget(buttons)
        self._update_presumption()

    def _age(self, name: str) -> QSpinBox:
        s = QSpinBox()
        s.setAccessibleName(name)
        s.setRange(NO_AGE, 30)
        s.setSpecialValueText(self.tr("not known"))
        s.setValue(NO_AGE)
        return s

    def details(self) -> CaseDetails:
        from idcheck.store import Adult, CaseDetails

        def age(s: QSpinBox) -> int | None:
            return None if s.value() == NO_AGE else s.value()

        adults: tuple[Adult, ...] = ()
        if self.adult.text().strip():
            adults = (Adult(self.adult.text().strip(), self.relation.text().strip() or None),)
        return CaseDetails(
            reference=self.reference.text().strip(),
            given_name=self.given.text().strip() or None,
            family_name=self.family.text().strip() or None,
            claimed_age=age(self.claimed),
            assessed_age=age(self.assessed),
            age_disputed=self.disputed.isChecked(),
            gender=self.gender.currentData() or None,
            nationality=self.nationality.text().strip() or None,
            adults=adults,
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


class CasesPage(QWidget):
    """The case list with search, a status filter and sortable columns."""

    lock_requested = Signal()
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
        self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # newest first
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.search = line_edit(
            self.tr("Search cases"), placeholder=self.tr("Search reference or name")
        )
        self.search.textChanged.connect(self.refresh)
        self.status = named(QComboBox(), self.tr("Status filter"))
        for value, label in (
            ("", self.tr("all cases")),
            ("open", self.tr("open")),
            ("closed", self.tr("closed")),
        ):
            self.status.addItem(label, value)
        self.status.currentIndexChanged.connect(self.refresh)
        self.new_button = QPushButton(self.tr("&New case"))
        self.new_button.clicked.connect(self.new_case)
        self.screen_button = QPushButton(self.tr("&Screen / resume"))
        self.screen_button.clicked.connect(self.screen_selected)
        self.open_button = QPushButton(self.tr("&Open last screening"))
        self.open_button.clicked.connect(self.open_selected)
        self.lock_button = QPushButton(self.tr("&Lock"))
        self.lock_button.clicked.connect(self.lock_requested)
        self.who = QLabel("")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status)
        top.addWidget(self.new_button)
        top.addWidget(self.screen_button)
        top.addWidget(self.open_button)
        top.addWidget(self.who)
        top.addWidget(self.lock_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.table)

    def attach(self, session: Session | None) -> None:
        self.session = session
        self.search.clear()
        if session is None:
            self.model.set_rows([])
            self.who.clear()
            return
        self.who.setText(self.tr("Signed in: {0}").format(session.store.user.username))
        self.refresh()

    def refresh(self) -> None:
        if self.session is None:
            return
        rows = self.session.call(
            lambda s: s.list_cases(
                search=self.search.text(), status=self.status.currentData() or None, limit=5000
            )
        )
        if rows is not None:
            self.model.set_rows(rows)

    def selected_case(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        index = rows[0] if rows else self.table.currentIndex()
        if not index.isValid():
            return None
        return int(self.proxy.data(index, Qt.ItemDataRole.UserRole))

    def screen_selected(self, checklist_ref: str | None = None) -> None:
        """Resume the case's draft, or start a screening with a bundled checklist."""
        case_id = self.selected_case()
        if self.session is None or case_id is None:
            return
        rows = self.session.call(lambda s: s.list_screenings(case_id)) or []
        drafts = [r for r in rows if r.status == "draft"]
        if drafts:
            self.screening_requested.emit(drafts[-1].id)
            return
        from idcheck.checklist import Checklist, entries, load_entry, text_for

        choices = {}
        for e in entries():
            obj = load_entry(e)
            if getattr(obj, "kind", "") == "checklist":
                choices[f"{text_for(obj.title, 'en')} ({e.ref})"] = e
        if checklist_ref is None:
            label, ok = QInputDialog.getItem(
                self, self.tr("Start a screening"), self.tr("Checklist"), list(choices), 0, False
            )
            if not ok:
                return
            entry = choices[label]
        else:
            entry = next(e for e in choices.values() if e.ref == checklist_ref)
        text = entry.path.read_bytes()
        checklist = load_entry(entry)
        assert isinstance(checklist, Checklist)
        sid = self.session.call(
            lambda s: s.start_screening(case_id, checklist, text, hashlib.sha256(text).hexdigest())
        )
        if sid is not None:
            self.screening_requested.emit(int(sid))

    def open_selected(self) -> None:
        case_id = self.selected_case()
        if self.session is None or case_id is None:
            return
        rows = self.session.call(lambda s: s.list_screenings(case_id)) or []
        if rows:
            self.screening_requested.emit(rows[-1].id)

    def new_case(self) -> None:
        if self.session is None:
            return
        form = CaseForm(self)
        self.session.track(form)
        if form.exec() != QDialog.DialogCode.Accepted or self.session is None:
            return
        details = form.details()
        if self.session.call(lambda s: s.create_case(details)) is not None:
            self.refresh()
