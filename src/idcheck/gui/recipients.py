"""Administration, Recipients: the directory of sites and agencies cases are
sent to, as ``idcheck recipient add|list|revoke`` keeps it.

Each recipient is listed with its fingerprint and, once revoked, when and by
whom. One is added from a key file or a pasted public key: its fingerprint is
shown to be read over the phone, and it is added only once the administrator
confirms it is the one read to them. A file that is not a key, a file larger
than a card can be, a path onto the store, or a private key given instead of a
public one is refused in words; a private key is never kept (the box is emptied
at once, and so is the clipboard that held it), never shown and never written.
The checks are the command line's (:mod:`idcheck.store.sharing_keys`).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from idcheck.gui.export_case import recipient_line, recipients_op
from idcheck.gui.ops import Op
from idcheck.gui.session import line_edit, named, wrapped

if TYPE_CHECKING:
    from idcheck.gui.session import Session
    from idcheck.store.exchange import Recipient
    from idcheck.store.sharing_keys import PublicKeys

__all__ = ["AddRecipientDialog", "RecipientsTab"]


def _when(ts: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts)) if ts else ""


class AddRecipientDialog(QDialog):
    """A name and a public key (pasted, or read from a file before); the
    fingerprint shows as soon as the key reads, and *Add* asks the
    administrator to confirm it is the one read to them."""

    def __init__(self, session: Session, parent: QWidget, keys: PublicKeys | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Add a recipient"))
        self.name = line_edit(self.tr("Name"))
        self.key = named(QPlainTextEdit(), self.tr("Public key or card"))
        self.key.setPlaceholderText(
            self.tr("Paste the public card (idcheck keys show) or the age public key (age1…)")
        )
        self.key.setTabChangesFocus(True)
        self.key.textChanged.connect(self._read)
        self.fingerprint = QLabel("")
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = wrapped("")
        self.problem.setObjectName("problem")
        self.keys: PublicKeys | None = None
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setText(self.tr("&Add"))
        self.add_button.setEnabled(False)
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Public key"), self.key)
        box = QVBoxLayout(self)
        box.addWidget(
            wrapped(
                self.tr(
                    "Add a site or an agency that cases may be sent to. Only its public key "
                    "goes here: never a private key."
                )
            )
        )
        box.addLayout(form)
        box.addWidget(self.fingerprint)
        box.addWidget(self.problem)
        box.addWidget(self.buttons)
        self.resize(640, 420)
        if keys is not None:
            self.key.setPlainText(keys.card() if keys.sign is not None else keys.age)
            self.name.setText(keys.name)
        (self.key if keys is None else self.name).setFocus()

    def _read(self) -> None:
        from idcheck.store.sharing_keys import holds_private_key, parse_public_key

        text = self.key.toPlainText()
        self.keys = None
        self.add_button.setEnabled(False)
        self.fingerprint.clear()
        if not text.strip():
            return
        if holds_private_key(text):
            # Not kept for a moment longer than it takes to see it: the box and
            # the clipboard it came from are emptied, and nothing of it is said.
            clipboard = QApplication.clipboard()
            if holds_private_key(clipboard.text()):
                clipboard.clear()
            self.key.blockSignals(True)
            self.key.clear()
            self.key.blockSignals(False)
            self.problem.setText(
                self.tr(
                    "That was a private key. It must never leave its owner, and it was not "
                    "kept: the box and the clipboard are emptied. Ask for the public key "
                    "only (age1…, or the site's card)."
                )
            )
            return
        found = parse_public_key(text)
        if isinstance(found, str):
            self.problem.setText(self.tr("This is not a public key: {0}").format(found))
            return
        self.problem.clear()
        self.keys = found
        kind = self.tr("an idcheck site") if found.sign is not None else self.tr("an agency")
        self.fingerprint.setText(
            self.tr(
                "This is {0}. Its fingerprint is:\n\n    {1}\n\nAsk them to read you theirs "
                "(by phone or in person): add it only if it is the same."
            ).format(kind, found.fingerprint)
        )
        if not self.name.text().strip() and found.name:
            self.name.setText(found.name)
        self.add_button.setEnabled(True)

    def check(self) -> None:
        if self.keys is None:
            return
        if not self.name.text().strip():
            self.problem.setText(self.tr("Give the recipient a name."))
            self.name.setFocus()
            return
        question = self.tr(
            "Add {0} with the fingerprint {1}?\n\nOnly if it is the fingerprint read to you."
        ).format(self.name.text().strip(), self.keys.fingerprint)
        if self.session.messages.confirm(self, self.tr("Add a recipient"), question):
            self.accept()


def add_recipient_op(name: str, keys: PublicKeys) -> Op[Recipient]:
    return Op("add recipient", lambda s: s.add_recipient(name, keys))


def revoke_recipient_op(fingerprint: str) -> Op[Recipient]:
    return Op("revoke recipient", lambda s: s.revoke_recipient(fingerprint))


class RecipientsTab(QWidget):
    """The directory, this site's own fingerprint, and adding and revoking."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.rows: list[Recipient] = []
        self.own = wrapped("")
        self.own.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        headers = [
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Fingerprint"),
            self.tr("Added"),
            self.tr("Status"),
        ]
        self.table = named(QTableWidget(0, len(headers)), self.tr("Recipients"))
        self.table.setHorizontalHeaderLabels(headers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.file_button = QPushButton(self.tr("Add from a &key file…"))
        self.file_button.clicked.connect(self.add_from_file)
        self.paste_button = QPushButton(self.tr("Add a p&asted key…"))
        self.paste_button.clicked.connect(lambda: self.add(None))
        self.revoke_button = QPushButton(self.tr("Re&voke…"))
        self.revoke_button.clicked.connect(self.revoke)
        self.card_button = QPushButton(self.tr("Save this site's &card…"))
        self.card_button.clicked.connect(self.save_card)
        row = QHBoxLayout()
        for b in (self.file_button, self.paste_button):
            row.addWidget(b)
        row.addStretch()
        row.addWidget(self.revoke_button)
        mine = QHBoxLayout()
        mine.addWidget(self.own, 1)
        mine.addWidget(self.card_button)
        box = QVBoxLayout(self)
        box.addLayout(mine)
        box.addWidget(self.table, 1)
        box.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        mine = self.session.run(Op("own keys", lambda s: s.sharing_keys()), self)
        if mine is not None:
            self.own.setText(
                self.tr(
                    "This site's fingerprint, to read to a site that adds this one: {0}"
                ).format(mine.fingerprint)
            )
        self.rows = self.session.run(recipients_op(), self) or []
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            status = (
                self.tr("revoked {0} by {1}").format(_when(r.revoked_at), r.revoked_by or "?")
                if r.revoked
                else self.tr("can be sent to")
            )
            kind = self.tr("idcheck site") if r.kind == "site" else self.tr("agency")
            for j, text in enumerate((r.name, kind, r.fingerprint, _when(r.added_at), status)):
                item = QTableWidgetItem(text)
                item.setToolTip(recipient_line(r))
                self.table.setItem(i, j, item)

    def add_from_file(self) -> None:
        from idcheck.store.sharing_keys import read_key_file

        path = self.session.messages.open_path(
            self,
            self.tr("A recipient's public key"),
            self.tr("Public keys and cards (*.card *.txt *.pub);;All files (*)"),
        )
        if path is None:
            return
        found = read_key_file(Path(path), self.session.data_dir)
        if isinstance(found, str):
            self.session.messages.error(
                self,
                self.tr("Not added"),
                self.tr("Nothing was added: {0}").format(found),
            )
            return
        self.add(found)

    def add(self, keys: PublicKeys | None) -> None:
        """The add dialog (with ``keys`` read from a file, or empty to paste);
        shown again as typed when the store refuses (a name or key in use)."""
        dialog = AddRecipientDialog(self.session, self, keys)
        while True:
            self.session.track(dialog)
            if dialog.exec() != QDialog.DialogCode.Accepted or not self.session.is_open:
                break
            assert dialog.keys is not None
            added = self.session.run(
                add_recipient_op(dialog.name.text().strip(), dialog.keys), dialog
            )
            if added is not None:
                self.refresh()
                break
        dialog.deleteLater()

    def revoke(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.session.messages.error(
                self, self.tr("Revoke"), self.tr("Choose the recipient to revoke in the list.")
            )
            return
        r = self.rows[rows[0].row()]
        question = self.tr(
            "Revoke {0} (fingerprint {1})?\n\nNothing will be sent to it from now on, and no "
            "package it signs will be imported. It stays in the list as revoked. This "
            "cannot be undone."
        ).format(r.name, r.fingerprint)
        if not self.session.messages.confirm(self, self.tr("Revoke"), question):
            return
        if self.session.run(revoke_recipient_op(r.fingerprint), self) is not None:
            self.refresh()

    def save_card(self) -> None:
        """This site's public card (``idcheck keys show --out``), for another site
        to add this one; written whole, never onto the store or into its folder."""
        from idcheck.files import atomic_write
        from idcheck.sharing import check_export_path
        from idcheck.store import UnsafeOutput

        keys = self.session.run(Op("own keys", lambda s: s.sharing_keys()), self)
        if keys is None:
            return
        name = keys.name.replace("/", "-").strip() or "idcheck"
        path = self.session.messages.save_path(
            self,
            self.tr("Save this site's public card"),
            str(Path.home() / f"{name}.card"),
            self.tr("Public cards (*.card);;All files (*)"),
        )
        if path is None:
            return
        try:
            out = check_export_path(path, self.session.data_dir)
            atomic_write(out, keys.card())
        except (UnsafeOutput, OSError) as e:
            said = self.session.words.describe(e) or str(e)
            self.session.messages.error(self, self.tr("Not saved"), said)
            return
        self.session.messages.info(
            self,
            self.tr("Card saved"),
            self.tr(
                "This site's public card was written to {0}. Give it to the other site, and "
                "read them the fingerprint {1} by phone or in person."
            ).format(out, keys.fingerprint),
        )
