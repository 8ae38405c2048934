"""The administration's store tabs: the local contacts directory, idle time and
retention, backup, restore and the audit check. Each reads what it shows when it
opens and changes data through named operations (:mod:`idcheck.gui.ops`); the
retention, the backup and the audit check run off the UI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from idcheck.gui import ops
from idcheck.gui.session import Session, line_edit, named, wrapped

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
        self.retention.valueChanged.connect(self._retention_unit)
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

    def _retention_unit(self, years: int) -> None:
        self.retention.setSuffix(self.tr(" year") if years == 1 else self.tr(" years"))

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
        saved = int(years) if years and str(years).isdigit() else 0
        if self.retention.value() != saved:
            self.session.messages.info(
                self,
                self.tr("Retention"),
                self.tr(
                    "The retention time shown is not saved: press Save settings first. "
                    "Nothing was deleted."
                ),
            )
            return
        if not years or not str(years).isdigit() or int(years) == 0:
            self.session.messages.info(
                self,
                self.tr("Retention"),
                self.tr("Every case is kept: no retention time is set."),
            )
            return
        question = (
            self.tr(
                "Delete every closed case older than 1 year, with its screenings? This cannot "
                "be undone; each deletion is recorded in the audit trail."
            )
            if saved == 1
            else self.tr(
                "Delete every closed case older than {0} years, with its screenings? This "
                "cannot be undone; each deletion is recorded in the audit trail."
            ).format(years)
        )
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
