"""Administration: the site, users, the local contacts directory, the recipients
cases are sent to, idle time and retention, backup, restore and the audit check,
and the statistics.

Only an administrator sees this dialog; the store enforces the same rule again
for every call. Each tab reads what it shows through the session when it opens
and writes through one store call per action. Backup, restore and the audit
check run off the UI thread (they take seconds on a large store).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from idcheck.gui import ops
from idcheck.gui.admin_store import (
    CONTACT_FIELDS,
    ContactsTab,
    DataTab,
    StoreSettingsTab,
    contact_roles,
)
from idcheck.gui.session import Session, line_edit, named, wrapped
from idcheck.gui.site import SiteTab

if TYPE_CHECKING:
    from collections.abc import Callable

    from idcheck.gui.ops import Changes, Op
    from idcheck.gui.session import Operation
    from idcheck.store import KeyChange

# Translated where shown, so they follow a change of language.
ROLE_LABELS = {
    "admin": QT_TRANSLATE_NOOP("UsersTab", "administrator"),
    "worker": QT_TRANSLATE_NOOP("UsersTab", "worker"),
}


class PasswordFields(QWidget):
    """A new password typed twice, with the message when the two differ."""

    def __init__(self, first: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if first:
            self.password = line_edit(self.tr("Password"), password=True)
            self.again = line_edit(self.tr("Repeat the password"), password=True)
            labels = (self.tr("Password (at least 10 characters)"), self.tr("Repeat the password"))
        else:
            self.password = line_edit(self.tr("New password"), password=True)
            self.again = line_edit(self.tr("Repeat the new password"), password=True)
            labels = (
                self.tr("New password (at least 10 characters)"),
                self.tr("Repeat the new password"),
            )
        self.problem = wrapped("")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(labels[0], self.password)
        form.addRow(labels[1], self.again)
        form.addRow(self.problem)

    def match(self) -> bool:
        """True when both are the same; else says so and puts the cursor back."""
        if self.password.text() == self.again.text():
            return True
        self.problem.setText(self.tr("The two passwords differ."))
        self.again.clear()
        self.again.setFocus()
        return False


def _ok_cancel(dialog: NewUserDialog | PasswordDialog, above: QFormLayout) -> QPushButton:
    """The dialog's own rows, the password fields, OK (only when they match) and
    Cancel; returns OK."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )

    def accept_if_they_match() -> None:
        if dialog.fields.match():
            dialog.accept()

    buttons.accepted.connect(accept_if_they_match)
    buttons.rejected.connect(dialog.reject)
    box = QVBoxLayout(dialog)
    box.addLayout(above)
    box.addWidget(dialog.fields)
    box.addWidget(buttons)
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


class NewUserDialog(QDialog):
    """User name, role and a first password (typed twice)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a user"))
        self.username = line_edit(self.tr("User name"))
        self.role = named(QComboBox(), self.tr("Role"))
        self.role.addItem(self.tr("worker"), "worker")
        self.role.addItem(self.tr("administrator"), "admin")
        self.fields = PasswordFields(True)
        self.password, self.again, self.problem = (
            self.fields.password,
            self.fields.again,
            self.fields.problem,
        )
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Role"), self.role)
        self.ok = _ok_cancel(self, form)


class PasswordDialog(QDialog):
    """A new password typed twice, and the current one when it is your own."""

    def __init__(self, title: str, own: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.current = line_edit(self.tr("Current password"), password=True)
        self.fields = PasswordFields(False)
        self.password, self.again, self.problem = (
            self.fields.password,
            self.fields.again,
            self.fields.problem,
        )
        form = QFormLayout()
        if own:
            form.addRow(self.tr("Current password"), self.current)
        self.ok = _ok_cancel(self, form)


class UsersTab(QWidget):
    """Who may unlock this store: add, reset a password, disable."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.table = named(QTableWidget(0, 3), self.tr("Users"))
        self.table.setHorizontalHeaderLabels([self.tr("User"), self.tr("Role"), self.tr("State")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.add_button = QPushButton(self.tr("&Add a user…"))
        self.add_button.clicked.connect(self.add_user)
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.reset_button.clicked.connect(self.reset_password)
        self.disable_button = QPushButton(self.tr("&Disable"))
        self.disable_button.clicked.connect(self.disable_user)
        self.recovery_button = QPushButton(self.tr("New recovery &key…"))
        self.recovery_button.clicked.connect(self.replace_recovery_key)
        #: A running change of the database key (disable, reset, new recovery key).
        self.changing: Operation | None = None
        row = QHBoxLayout()
        for b in (self.add_button, self.reset_button, self.disable_button, self.recovery_button):
            row.addWidget(b)
        row.addStretch()
        box = QVBoxLayout(self)
        box.addWidget(self.table)
        box.addLayout(row)
        self.users: list[Any] = []
        session.changed.connect(self.on_changed)
        self.refresh()

    def on_changed(self, changes: Changes) -> None:
        if changes.users:
            self.refresh()

    def refresh(self) -> None:
        users = self.session.run(ops.list_users(), self)
        if users is None:
            return
        self.users = users
        self.table.setRowCount(len(users))
        for i, u in enumerate(users):
            state = self.tr("disabled") if u.disabled else self.tr("active")
            role = QCoreApplication.translate("UsersTab", str(ROLE_LABELS.get(u.role, u.role)))
            for j, text in enumerate((u.username, role, state)):
                self.table.setItem(i, j, QTableWidgetItem(text))

    def selected(self) -> Any | None:
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def add_user(self) -> None:
        dialog = NewUserDialog(self)
        self.session.track(dialog)
        if dialog.exec() != QDialog.DialogCode.Accepted or not self.session.open:
            return
        name, password, role = (
            dialog.username.text().strip(),
            dialog.password.text(),
            dialog.role.currentData(),
        )
        self.session.run(ops.add_user(name, password, role), self)

    def reset_password(self) -> None:
        """A new password for the selected user; the database key is replaced with it."""
        user = self.selected()
        if user is None:
            return
        dialog = PasswordDialog(self.tr("New password for {0}").format(user.username), False, self)
        self.session.track(dialog)
        if dialog.exec() != QDialog.DialogCode.Accepted or not self.session.open:
            return
        password = dialog.password.text()

        def done(change: KeyChange) -> None:
            self.session.messages.info(
                self,
                self.tr("Users"),
                self.tr("The password of {0} is changed.").format(user.username),
            )
            self.after_key_change(change)

        # The database key is replaced too: a moment on a large store, off the UI thread.
        self._key_change(ops.reset_password(user.id, password), done)

    def disable_user(self) -> None:
        user = self.selected()
        if user is None or user.disabled:
            said = (
                self.tr("Choose the user to disable in the list.")
                if user is None
                else self.tr("{0} is disabled already.").format(user.username)
            )
            self.session.messages.info(self, self.tr("Users"), said)
            return
        question = self.tr(
            "Disable {0}? They can no longer unlock this store; what they recorded stays."
        ).format(user.username)
        if not self.session.messages.confirm(self, self.tr("Users"), question):
            return

        self._key_change(ops.disable_user(user.id), self.after_key_change)

    def replace_recovery_key(self) -> None:
        """A new recovery key, shown once; the old one stops working."""
        from idcheck.gui.lock import RecoveryKeyDialog

        question = self.tr(
            "Make a new recovery key? The old one stops working at once, also with a copy "
            "of old key files. The new key is shown once: have paper and pen ready."
        )
        if not self.session.messages.confirm(self, self.tr("Users"), question):
            return

        def done(fresh: str) -> None:
            dialog = RecoveryKeyDialog(fresh, self)
            self.session.track(dialog)
            dialog.exec()

        self._key_change(ops.replace_recovery_key(), done)

    def _key_change(self, op: Op[Any], done: Callable[[Any], None]) -> None:
        """Run a change that replaces the database key off the UI thread, the buttons
        off meanwhile; ``self.changing`` is the running operation."""
        buttons = (self.add_button, self.reset_button, self.disable_button, self.recovery_button)
        for b in buttons:
            b.setEnabled(False)
        running = self.session.start(op, self, done)
        self.changing = running

        def settled() -> None:
            self.changing = None
            for b in buttons:
                b.setEnabled(True)

        running.finished.connect(settled)

    def after_key_change(self, change: KeyChange) -> None:
        """A key change on a store of the first slot format: name the users whose
        passwords must be reset, and show the new recovery key once."""
        from idcheck.gui.lock import RecoveryKeyDialog

        if change.reset_needed:
            self.session.messages.info(
                self,
                self.tr("Users"),
                self.tr(
                    "These users had not signed in since idcheck was updated and can no "
                    "longer unlock; reset their passwords: {0}"
                ).format(", ".join(change.reset_needed)),
            )
        if change.recovery_key:
            dialog = RecoveryKeyDialog(change.recovery_key, self)
            self.session.track(dialog)
            dialog.exec()


class AdminDialog(QDialog):
    """The administrator's tabs. ``restore_requested`` asks the window to lock and
    restore; ``idle_changed`` gives it the new idle time."""

    restore_requested = Signal(Path, str)
    idle_changed = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Administration"))
        self.session = session
        self.tabs = QTabWidget()
        self.site = SiteTab(session)
        self.users = UsersTab(session)
        self.contacts = ContactsTab(session)
        self.settings = StoreSettingsTab(session)
        self.data = DataTab(session)
        from idcheck.gui.recipients import RecipientsTab

        self.recipients = RecipientsTab(session)
        self.tabs.addTab(self.site, self.tr("S&ite"))
        self.tabs.addTab(self.users, self.tr("&Users"))
        self.tabs.addTab(self.contacts, self.tr("Local c&ontacts"))
        self.tabs.addTab(self.settings, self.tr("Setti&ngs"))
        self.tabs.addTab(self.data, self.tr("&Backup and check"))
        self.tabs.addTab(self.recipients, self.tr("Reci&pients"))
        self.stats_button = QPushButton(self.tr("S&tatistics…"))
        self.stats_button.clicked.connect(self.open_stats)
        self.settings.idle_changed.connect(self.idle_changed)
        self.data.restore_requested.connect(self._restore)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.stats_button)
        row.addStretch()
        row.addWidget(close)
        box = QVBoxLayout(self)
        box.addWidget(self.tabs)
        box.addLayout(row)
        self.resize(1180, 640)

    def _restore(self, path: Path, password: str) -> None:
        self.accept()
        self.restore_requested.emit(path, password)

    def open_stats(self) -> None:
        """Anonymised counts for national monitoring (no names, references or text)."""
        from idcheck.gui.stats import StatsDialog

        dialog = StatsDialog(self.session, self)
        self.session.track(dialog)
        dialog.exec()


__all__ = [
    "CONTACT_FIELDS",
    "AdminDialog",
    "ContactsTab",
    "DataTab",
    "NewUserDialog",
    "PasswordDialog",
    "StoreSettingsTab",
    "UsersTab",
    "contact_roles",
]
