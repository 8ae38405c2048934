"""The window: first run, unlock, the case list, a new case, lock and auto-lock.

A thin shell over :mod:`idcheck.store`: widgets hold plain records, every store
call goes through :class:`Session`, and nothing here writes SQL. Locking (by
Ctrl+L, the button, or after the idle time, even with a dialog open) closes
every dialog, drops every record of a child from the widgets and calls
``store.lock()``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
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
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from idcheck.paths import data_dir as default_data_dir
from idcheck.paths import store_exists

if TYPE_CHECKING:
    from idcheck.gui.screening import ScreeningView
    from idcheck.store import CaseDetails, CaseRow, Store

# The core (SQLAlchemy, pydantic models, reportlab) is imported when it is first
# needed, not before the first window is shown: start-up is what a worker waits for.

NO_AGE = -1


def line_edit(name: str, *, password: bool = False, placeholder: str = "") -> QLineEdit:
    """A text field with its accessible name (and hidden text for passwords)."""
    w = QLineEdit()
    w.setAccessibleName(name)
    if password:
        w.setEchoMode(QLineEdit.EchoMode.Password)
    if placeholder:
        w.setPlaceholderText(placeholder)
    return w


def named(widget: Any, name: str) -> Any:
    widget.setAccessibleName(name)
    return widget


class Messages:
    """Message boxes behind one object, so tests can answer them without a modal."""

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)


# ------------------------------------------------------------------ first run


class FirstRunPage(QWidget):
    """Create the store and the administrator; show the recovery key once."""

    created = Signal(object, str)  # store, recovery key

    def __init__(self, data_dir: Path, messages: Messages) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.messages = messages
        self.user = line_edit(self.tr("Administrator user name"))
        self.password = line_edit(self.tr("Password"), password=True)
        self.again = line_edit(self.tr("Repeat the password"), password=True)
        self.create_button = QPushButton(self.tr("Create the encrypted store"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_store)
        form = QFormLayout()
        form.addRow(self.tr("Administrator user name"), self.user)
        form.addRow(self.tr("Password (at least 10 characters)"), self.password)
        form.addRow(self.tr("Repeat the password"), self.again)
        box = QVBoxLayout(self)
        title = QLabel(self.tr("Set up idcheck on this computer"))
        title.setObjectName("title")
        box.addWidget(title)
        box.addWidget(
            QLabel(
                self.tr(
                    "Everything you record is kept encrypted in {0}. Each person who uses this "
                    "computer gets their own account."
                ).format(data_dir)
            )
        )
        box.addLayout(form)
        box.addWidget(self.create_button)
        box.addStretch()

    def create_store(self) -> None:
        from idcheck.store import Store, StoreError

        if self.password.text() != self.again.text():
            self.messages.error(self, self.tr("Set up"), self.tr("The two passwords differ."))
            return
        try:
            store, recovery = Store.create(
                self.data_dir, self.user.text().strip(), self.password.text()
            )
        except StoreError as e:
            self.messages.error(self, self.tr("Set up"), str(e))
            return
        self.password.clear()
        self.again.clear()
        self.created.emit(store, recovery)


class RecoveryKeyDialog(QDialog):
    """Shows the recovery key once; the person types back two groups to confirm."""

    def __init__(self, recovery: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your recovery key"))
        self.groups = recovery.split("-")
        key = QLabel(recovery)
        key.setObjectName("recovery")
        key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.second = line_edit(self.tr("Group 2 of the recovery key"))
        self.last = line_edit(self.tr("The last group of the recovery key"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.check)
        form = QFormLayout()
        form.addRow(self.tr("Group 2"), self.second)
        form.addRow(self.tr("Last group"), self.last)
        box = QVBoxLayout(self)
        box.addWidget(
            QLabel(
                self.tr(
                    "Write this key down by hand and keep it somewhere safe. It opens the store "
                    "if every password is forgotten. It is shown only now."
                )
            )
        )
        box.addWidget(key)
        box.addWidget(QLabel(self.tr("To confirm you wrote it down, type two groups:")))
        box.addLayout(form)
        box.addWidget(self.buttons)

    def check(self) -> None:
        ok = (
            self.second.text().strip().upper() == self.groups[1]
            and self.last.text().strip().upper() == self.groups[-1]
        )
        if ok:
            self.accept()
        else:
            self.second.setFocus()
            self.setWindowTitle(self.tr("Those groups do not match; look again"))


# ------------------------------------------------------------------ unlock


class UnlockPage(QWidget):
    unlocked = Signal(object)

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.user = line_edit(self.tr("User name"))
        self.password = line_edit(self.tr("Password"), password=True)
        self.password.returnPressed.connect(self.unlock)
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.unlock)
        self.status = QLabel("")
        self.status.setObjectName("status")
        self._until = 0.0
        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._tick)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        box = QVBoxLayout(self)
        title = QLabel(self.tr("idcheck is locked"))
        title.setObjectName("title")
        box.addWidget(title)
        box.addLayout(form)
        box.addWidget(self.button)
        box.addWidget(self.status)
        box.addStretch()

    def reset(self) -> None:
        self.password.clear()
        (self.password if self.user.text() else self.user).setFocus()

    def unlock(self) -> None:
        from idcheck.store import Store, StoreError, WrongPassword

        if time.monotonic() < self._until:
            return
        try:
            store = Store.open(self.data_dir, self.user.text().strip(), self.password.text())
        except WrongPassword as e:
            self.password.clear()
            self.status.setText(str(e))
            if e.wait_seconds > 0:
                self._until = time.monotonic() + e.wait_seconds
                self.button.setEnabled(False)
                self._countdown.start()
                self._tick()
            return
        except StoreError as e:
            self.status.setText(str(e))
            return
        self.password.clear()
        self.status.clear()
        self.unlocked.emit(store)

    def _tick(self) -> None:
        left = self._until - time.monotonic()
        if left <= 0:
            self._countdown.stop()
            self.button.setEnabled(True)
            self.status.setText(self.tr("You may try again."))
            return
        self.status.setText(self.tr("Too many failed tries. Wait {0} s.").format(int(left) + 1))


# ------------------------------------------------------------------ cases


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


# ------------------------------------------------------------------ session, window


class Session(QObject):
    """The unlocked store and what the window shows of it; one per unlock."""

    def __init__(self, store: Store, messages: Messages, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.messages = messages
        self.parent_widget = parent
        self.dialogs: list[QDialog] = []

    def call(self, fn: Callable[[Store], Any]) -> Any:
        """Run one store call; a StoreError becomes a message, and None is returned."""
        from idcheck.store import InvalidInput, StoreError

        try:
            return fn(self.store)
        except (StoreError, InvalidInput) as e:
            self.messages.error(self.parent_widget, self.tr("idcheck"), str(e))
            return None

    def track(self, dialog: QDialog) -> None:
        self.dialogs.append(dialog)
        dialog.finished.connect(
            lambda _r, d=dialog: self.dialogs.remove(d) if d in self.dialogs else None
        )

    def close(self) -> None:
        for d in list(self.dialogs):
            d.reject()
        self.dialogs.clear()
        self.store.lock()


class MainWindow(QMainWindow):
    """First run or unlock, then the case list; locks itself after the idle time."""

    def __init__(self, data_dir: Path, messages: Messages | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.messages = messages or Messages()
        self.session: Session | None = None
        self.setWindowTitle(self.tr("idcheck"))
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.first_run = FirstRunPage(data_dir, self.messages)
        self.first_run.created.connect(self._created)
        self.unlock_page = UnlockPage(data_dir)
        self.unlock_page.unlocked.connect(self._start)
        self.cases = CasesPage(self.messages)
        self.cases.lock_requested.connect(self.lock)
        self.cases.screening_requested.connect(self.open_screening)
        self.screening_view: ScreeningView | None = None
        for page in (self.first_run, self.unlock_page, self.cases):
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(self.unlock_page if store_exists(data_dir) else self.first_run)
        lock_key = QShortcut(QKeySequence("Ctrl+L"), self)
        lock_key.setContext(Qt.ShortcutContext.ApplicationShortcut)
        lock_key.activated.connect(self.lock)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self.session is not None and event.type() in (
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
        ):
            self.idle.start()
        return False

    def _created(self, store: Store, recovery: str) -> None:
        dialog = RecoveryKeyDialog(recovery, self)
        dialog.exec()
        self._start(store)

    def _start(self, store: Store) -> None:
        from idcheck.store import StoreError

        self.session = Session(store, self.messages, self)
        try:
            minutes = int(store.get_setting("idle_minutes") or 5)
        except (StoreError, ValueError):
            minutes = 5
        self.idle.setInterval(max(1, minutes) * 60_000)
        self.idle.start()
        self.cases.attach(self.session)
        self.stack.setCurrentWidget(self.cases)
        self.cases.search.setFocus()

    def open_screening(self, screening_id: int) -> None:
        if self.session is None:
            return
        self._close_screening()
        from idcheck.gui.screening import ScreeningView

        view = ScreeningView(self.session, screening_id)
        view.closed.connect(self._back_to_cases)
        self.screening_view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        view.setFocus()

    def _close_screening(self) -> None:
        if self.screening_view is not None:
            self.stack.removeWidget(self.screening_view)
            self.screening_view.deleteLater()
            self.screening_view = None

    def _back_to_cases(self) -> None:
        self._close_screening()
        self.stack.setCurrentWidget(self.cases)
        self.cases.refresh()

    def lock(self) -> None:
        """Hide every child's data, close dialogs and the store."""
        if self.session is None:
            return
        session, self.session = self.session, None
        self.idle.stop()
        self._close_screening()
        self.cases.attach(None)
        session.close()
        self.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.reset()

    def closeEvent(self, event: Any) -> None:
        self.lock()
        super().closeEvent(event)


STYLE = """
QWidget { font-size: 11pt; }
QLabel#title { font-size: 16pt; font-weight: 600; }
QLabel#recovery { font-family: monospace; font-size: 15pt; padding: 8px; }
QLabel#presumption { color: #7a4b00; }
QLabel#itemtext { font-size: 15pt; font-weight: 600; padding: 6px 0; }
QLabel#section { font-size: 12pt; color: #444; }
QLabel#guidance { color: #234; background: #eef3f8; padding: 6px; }
QLabel#reading { color: #333; background: #f6f1e7; padding: 6px; }
QLabel#saved { color: #1d6b2a; font-weight: 600; }
QLabel#danger { font-size: 15pt; font-weight: 700; color: #8b0000; }
*:focus { outline: 2px solid #2a6fdb; }
"""


def run_window(argv: list[str]) -> int:
    """Open the window (``idcheck`` with no subcommand)."""
    parser = argparse.ArgumentParser(prog="idcheck")
    parser.add_argument("--data-dir")
    args, _rest = parser.parse_known_args(argv)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("idcheck")
    app.setStyleSheet(STYLE)
    window = MainWindow(default_data_dir(args.data_dir))
    window.resize(1000, 680)
    window.show()
    # For start-up measurements and the frozen-build test: quit after N ms.
    quit_after = os.environ.get("IDCHECK_QUIT_AFTER_MS")
    if quit_after and quit_after.isdigit():
        QTimer.singleShot(int(quit_after), app.quit)
    return int(app.exec())
