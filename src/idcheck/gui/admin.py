"""Administration: the site, users, the local contacts directory, idle time and retention,
backup, restore and the audit check, and the statistics.

Only an administrator sees this dialog; the store enforces the same rule again
for every call. Each tab reads what it shows through the session when it opens
and writes through one store call per action. Backup, restore and the audit
check run off the UI thread (they take seconds on a large store).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from idcheck.gui import ops
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
CONTACT_FIELDS = ("role", "name", "phone", "hours", "note")


def contact_roles(lang: str | None = None) -> dict[str, str]:
    """Role id -> label, from every installed set of referral routes."""
    from idcheck.checklist import Routes, entries, load_entry, text_for
    from idcheck.gui.i18n import content_language

    lang = lang or content_language()
    labels: dict[str, str] = {}
    places: dict[str, list[str]] = {}
    for e in entries():
        obj = load_entry(e)
        if isinstance(obj, Routes):
            for r in obj.roles:
                labels.setdefault(r.id, text_for(r.label, lang))
                places.setdefault(r.id, []).append(obj.jurisdiction)
    # A role both countries' routes name (e.g. the police) is one role, not two.
    return {
        rid: f"{label} ({', '.join(sorted(set(places[rid])))})" for rid, label in labels.items()
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


def _ok_cancel(dialog: NewUserDialog | PasswordDialog, above: QFormLayout) -> None:
    """The dialog's own rows, the password fields, OK (only when they match) and Cancel."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog._check)
    buttons.rejected.connect(dialog.reject)
    box = QVBoxLayout(dialog)
    box.addLayout(above)
    box.addWidget(dialog.fields)
    box.addWidget(buttons)


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
        _ok_cancel(self, form)

    def _check(self) -> None:
        if self.fields.match():
            self.accept()


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
        _ok_cancel(self, form)

    def _check(self) -> None:
        if self.fields.match():
            self.accept()


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


class ContactsTab(QWidget):
    """The site's local directory: who to call for each role of the referral routes."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.roles = contact_roles()
        headers = [self.tr("Role"), self.tr("Name"), self.tr("Phone"), self.tr("Hours")]
        headers.append(self.tr("Note"))
        self.table = named(QTableWidget(0, len(CONTACT_FIELDS)), self.tr("Local contacts"))
        self.table.setHorizontalHeaderLabels(headers)
        # Every column as wide as its header and contents; the table scrolls
        # sideways rather than cut a header at large text.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.add_button = QPushButton(self.tr("Add a &contact"))
        self.add_button.clicked.connect(lambda: self.add_row({}))
        self.remove_button = QPushButton(self.tr("R&emove"))
        self.remove_button.clicked.connect(self.remove_row)
        self.load_button = QPushButton(self.tr("&Load a site directory file…"))
        self.load_button.clicked.connect(self.load_file)
        self.save_button = QPushButton(self.tr("&Save contacts"))
        self.save_button.clicked.connect(self.save)
        self.note = QLabel(
            self.tr(
                "Names starting with EXAMPLE are placeholders. Check every number before the "
                "tool is used with children."
            )
        )
        self.note.setWordWrap(True)
        edit = QHBoxLayout()
        for b in (self.add_button, self.remove_button):
            edit.addWidget(b)
        edit.addStretch()
        keep = QHBoxLayout()  # two short rows: they fit at 200 % in long languages
        keep.addWidget(self.load_button)
        keep.addStretch()
        keep.addWidget(self.save_button)
        box = QVBoxLayout(self)
        box.addWidget(self.note)
        box.addWidget(self.table)
        box.addLayout(edit)
        box.addLayout(keep)
        self.set_rows(self.session.run(ops.list_contacts(), self) or [])

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.table.setRowCount(0)
        for r in rows:
            self.add_row(r)
        if rows:
            self.table.setCurrentCell(0, 1)  # read from the top, not the last row added

    def add_row(self, values: dict[str, Any]) -> None:
        i = self.table.rowCount()
        self.table.insertRow(i)
        role = named(QComboBox(), self.tr("Role"))
        for rid, label in sorted(self.roles.items(), key=lambda kv: kv[1]):
            role.addItem(label, rid)
        current = values.get("role")
        if current and role.findData(current) < 0:
            role.addItem(str(current), current)  # a role the installed routes do not name
        if current:
            role.setCurrentIndex(role.findData(current))
        self.table.setCellWidget(i, 0, role)
        for j, field in enumerate(CONTACT_FIELDS[1:], start=1):
            item = QTableWidgetItem(values.get(field) or "")
            item.setToolTip(item.text())
            self.table.setItem(i, j, item)
        self.table.setCurrentCell(i, 1)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def rows(self) -> list[dict[str, str | None]]:
        out = []
        for i in range(self.table.rowCount()):
            role = self.table.cellWidget(i, 0)
            values: dict[str, str | None] = {"role": role.currentData() if role else None}
            for j, field in enumerate(CONTACT_FIELDS[1:], start=1):
                item = self.table.item(i, j)
                values[field] = (item.text().strip() if item else "") or None
            if any(values[f] for f in CONTACT_FIELDS[1:]):
                out.append(values)
        return out

    def load_file(self) -> None:
        from idcheck.checklist import ChecklistError, load_directory

        path = self.session.messages.open_path(
            self, self.tr("Load a site directory"), self.tr("Directory files (*.yaml *.yml)")
        )
        if path is None:
            return
        try:
            directory = load_directory(path)
        except (ChecklistError, OSError) as e:
            self.session.report(e, self)
            return
        self.set_rows([c.model_dump() for c in directory.contacts])

    def save(self) -> None:
        rows = self.rows()
        if self.session.run(ops.save_contacts(rows), self):
            self.session.messages.info(
                self, self.tr("Local contacts"), self.tr("Contacts saved: {0}.").format(len(rows))
            )


class StoreSettingsTab(QWidget):
    """Idle time before the window locks itself; how long closed cases are kept."""

    idle_changed = Signal(int)

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.idle = named(QSpinBox(), self.tr("Minutes of inactivity before the window locks"))
        self.idle.setRange(1, 60)
        self.idle.setSuffix(self.tr(" min"))
        self.retention = named(QSpinBox(), self.tr("Years a closed case is kept"))
        self.retention.setRange(0, 99)
        self.retention.setSpecialValueText(self.tr("keep every case"))
        self.retention.setSuffix(self.tr(" years"))
        self.save_button = QPushButton(self.tr("&Save settings"))
        self.save_button.clicked.connect(self.save)
        self.apply_button = QPushButton(self.tr("&Delete closed cases past the retention time…"))
        self.apply_button.clicked.connect(self.apply_retention)
        form = QFormLayout()
        form.addRow(self.tr("Lock after"), self.idle)
        form.addRow(self.tr("Keep closed cases"), self.retention)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addStretch()
        self.idle.setValue(self._number("idle_minutes", 5))
        self.retention.setValue(self._number("retention_years", 0))

    def _number(self, key: str, default: int) -> int:
        value = self.session.run(ops.setting(key), self)
        return int(value) if value and str(value).isdigit() else default

    def save(self) -> None:
        idle, years = self.idle.value(), self.retention.value()
        if self.session.run(ops.save_settings(idle, years), self):
            self.idle_changed.emit(idle)
            self.session.messages.info(self, self.tr("Settings"), self.tr("Settings saved."))

    def apply_retention(self) -> None:
        years = self.session.run(ops.setting("retention_years"), self)
        if not years or not str(years).isdigit() or int(years) == 0:
            self.session.messages.info(
                self,
                self.tr("Retention"),
                self.tr("Every case is kept: no retention time is set."),
            )
            return
        question = self.tr(
            "Delete every closed case older than {0} years, with its screenings? This cannot "
            "be undone; each deletion is recorded in the audit trail."
        ).format(years)
        if not self.session.messages.confirm(self, self.tr("Retention"), question):
            return

        def done(deleted: list[int]) -> None:
            self.session.messages.info(
                self,
                self.tr("Retention"),
                self.tr("Closed cases deleted: {0}.").format(len(deleted)),
            )

        self.apply_button.setEnabled(False)
        running = self.session.start(ops.apply_retention(), self, done)
        running.finished.connect(lambda: self.apply_button.setEnabled(True))
        self.deleting = running


class DataTab(QWidget):
    """Backup, restore and the audit check."""

    restore_requested = Signal(Path, str)  # backup file, the administrator's password

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.backup_button = QPushButton(self.tr("Back up the &store…"))
        self.backup_button.clicked.connect(self.backup)
        self.restore_button = QPushButton(self.tr("&Restore from a backup…"))
        self.restore_button.clicked.connect(self.restore)
        self.verify_button = QPushButton(self.tr("&Check the audit trail and the file"))
        self.verify_button.clicked.connect(self.verify)
        self.anchor = line_edit(
            self.tr("Audit anchor from a referral"), placeholder=self.tr("e.g. 1234:0a1b2c3d4e5f")
        )
        self.anchor.returnPressed.connect(self.verify)
        anchor_label = QLabel(self.tr("&Anchor from a printed referral (optional):"))
        anchor_label.setBuddy(self.anchor)
        self.result = QLabel("")
        self.result.setWordWrap(True)
        self.result.setObjectName("verify")
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(self)
        box.addWidget(
            wrapped(
                self.tr(
                    "A backup is one encrypted file: the same passwords and the recovery key "
                    "open it. Keep it on a drive that stays in the office."
                )
            )
        )
        for b in (self.backup_button, self.restore_button):
            box.addWidget(b, 0, Qt.AlignmentFlag.AlignLeft)
        anchor_row = QHBoxLayout()
        anchor_row.addWidget(anchor_label)
        anchor_row.addWidget(self.anchor, 1)
        box.addLayout(anchor_row)
        box.addWidget(
            wrapped(
                self.tr(
                    "Every referral prints the audit trail's head (such as 1234:0a1b2c3d4e5f) on "
                    "each page. Checked against it, the trail must reach that row unchanged: "
                    "without one, the check cannot show rows cut off the end of the trail."
                )
            )
        )
        box.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.result)
        box.addStretch()

    def backup(self) -> None:
        import time

        path = self.session.save_path(
            self,
            self.tr("Back up the store"),
            time.strftime("idcheck-backup-%Y-%m-%d.idcheck-backup"),
            self.tr("idcheck backups (*.idcheck-backup)"),
        )
        if path is None:
            return
        self.backup_button.setEnabled(False)

        def done(written: Path) -> None:
            self.result.setText(self.tr("Backup written to {0}").format(written))

        op = self.session.start(ops.backup(path), self, done)
        op.finished.connect(lambda: self.backup_button.setEnabled(True))

    def restore(self) -> None:
        path = self.session.messages.open_path(
            self, self.tr("Restore from a backup"), self.tr("idcheck backups (*.idcheck-backup *)")
        )
        if path is None:
            return
        question = self.tr(
            "Replace everything in this store with the backup {0}? The window locks, the "
            "backup is checked in full first, and the replaced files are kept beside it."
        ).format(path.name)
        if not self.session.messages.confirm(self, self.tr("Restore"), question):
            return
        password = self.session.messages.password(
            self, self.tr("Restore"), self.tr("Your password, to open the backup:")
        )
        if password is None:
            return
        self.restore_requested.emit(path, password)

    def verify(self) -> None:
        from idcheck.store import AuditHead

        anchor = self.anchor.text().strip() or None
        if anchor is not None:
            try:
                AuditHead.parse(anchor)
            except ValueError:
                self.result.setText(
                    self.tr(
                        "{0} is not an audit anchor: it is the row number, a colon and at least "
                        "8 letters and digits of its hash, as printed on a referral."
                    ).format(anchor)
                )
                return
        if not self.verify_button.isEnabled():
            return
        self.verify_button.setEnabled(False)

        def done(result: Any) -> None:
            lines = [
                self.tr("Everything checks.")
                if result.ok
                else self.tr(
                    "Problems found. Restore a backup that checks, and keep this store's "
                    "file for whoever looks into it:"
                ),
                *result.messages,
                self.tr("{0} audit rows; head {1}").format(result.audit_rows, result.head or "-"),
            ]
            self.result.setText("\n".join(lines))

        op = self.session.start(ops.verify(anchor), self, done)
        op.finished.connect(lambda: self.verify_button.setEnabled(True))


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
        self.tabs.addTab(self.site, self.tr("S&ite"))
        self.tabs.addTab(self.users, self.tr("&Users"))
        self.tabs.addTab(self.contacts, self.tr("Local c&ontacts"))
        self.tabs.addTab(self.settings, self.tr("Setti&ngs"))
        self.tabs.addTab(self.data, self.tr("&Backup and check"))
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
