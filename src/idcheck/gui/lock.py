"""Before the store is open: the first run (create the store, the administrator
and the site profile, show the recovery key once) and the unlock page (with the
growing wait after failed tries, and *Forgot your password?*: the recovery key
sets a new password and a new recovery key is shown once). Unlocking runs off
the UI thread: argon2id and opening a large store take a noticeable moment, and
the window stays responsive meanwhile."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from idcheck.gui.error_words import ErrorWords
from idcheck.gui.i18n import content_language
from idcheck.gui.session import Messages, Operation, line_edit, scrolling, wrapped

if TYPE_CHECKING:
    from idcheck.store import Store


class FirstRunPage(QWidget):
    """Create the store and the administrator, and say which site it is for; show
    the recovery key once. The focus starts in the first field, and Enter in any
    one-line field creates the store."""

    created = Signal(object, str)  # store, recovery key

    def __init__(self, data_dir: Path, messages: Messages) -> None:
        from PySide6.QtCore import Qt

        from idcheck.gui.site import PRINT_LANGUAGES, SiteFields

        super().__init__()
        self.data_dir = data_dir
        self.messages = messages
        self.user = line_edit(self.tr("Administrator user name"))
        self.password = line_edit(self.tr("Password"), password=True)
        self.again = line_edit(self.tr("Repeat the password"), password=True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Administrator user name"), self.user)
        form.addRow(self.tr("Password (at least 10 characters)"), self.password)
        form.addRow(self.tr("Repeat the password"), self.again)
        site_title = QLabel(self.tr("The site"))
        site_title.setObjectName("subtitle")
        form.addRow(site_title)
        form.addRow(
            wrapped(
                self.tr(
                    "Referrals and letters name the site, print its phone and address, and "
                    "list the referral routes of its jurisdiction. An administrator can change "
                    "this later under Administration, Site."
                )
            )
        )
        self.site = SiteFields(self, form)
        if content_language() in PRINT_LANGUAGES:
            self.site.print_language.setCurrentIndex(
                self.site.print_language.findData(content_language())
            )
        self.words = ErrorWords(self)
        self.creating: Operation | None = None
        self.create_button = QPushButton(self.tr("Create the encrypted store"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_store)
        for field in (self.user, self.password, self.again, *self.site.line_edits()):
            field.returnPressed.connect(self.create_store)
        holder = QWidget()
        box = QVBoxLayout(holder)
        title = QLabel(self.tr("Set up idcheck on this computer"))
        title.setObjectName("title")
        box.addWidget(title)
        box.addWidget(
            wrapped(
                self.tr(
                    "Everything you record is kept encrypted in {0}. Each person who uses this "
                    "computer gets their own account."
                ).format(data_dir)
            )
        )
        box.addLayout(form)
        box.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addStretch()
        scrolling(holder, self)
        self.setFocusProxy(self.user)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.user.setFocus()

    def create_store(self) -> Operation | None:
        """Create the store off the UI thread (argon2id and the schema take a
        moment); ``created`` is emitted with the store and its recovery key. What
        is refused is said through the one error mapper, and every field keeps
        what was typed. Returns the running operation, or None."""
        from idcheck.gui import folder_ops
        from idcheck.store import InvalidInput, SiteProfile, installed_routes
        from idcheck.store.site import check_profile

        if self.creating is not None:
            return None
        if self.password.text() != self.again.text():
            self.messages.error(self, self.tr("Set up"), self.tr("The two passwords differ."))
            self.again.setFocus()
            return None
        try:
            profile = check_profile(self.site.profile(), installed_routes())
        except InvalidInput as e:
            self.messages.error(self, self.tr("Set up"), self.words.store_error(e))
            return None
        op = folder_ops.create_store(
            self.data_dir,
            self.user.text().strip(),
            self.password.text(),
            profile if profile != SiteProfile() else None,
        )
        self.create_button.setEnabled(False)
        self.creating = op.start(self, self._created, self._refused)
        self.creating.finished.connect(self._settled)
        return self.creating

    def _settled(self) -> None:
        self.creating = None
        self.create_button.setEnabled(True)

    def _created(self, result: tuple[Store, str, Exception | None]) -> None:
        store, recovery, site_refused = result
        self.password.clear()
        self.again.clear()
        if site_refused is not None:  # the store stands; the site can be set later
            self.messages.error(self, self.tr("Set up"), self.words.store_error(site_refused))
        self.created.emit(store, recovery)

    def _refused(self, e: Exception) -> None:
        said = self.words.describe(e)
        if said is None:
            raise e
        self.messages.error(self, self.tr("Set up"), said)


class RecoveryKeyDialog(QDialog):
    """Shows the recovery key once; the person types back two groups to confirm.

    Escape and the window's close button do not dismiss it: the key is never
    shown again, so it goes only when two groups typed back show it was written
    down (the lock still closes it, as it closes every dialog). What is wrong is
    said in the dialog, under the fields."""

    def __init__(self, recovery: str, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt

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
            wrapped(
                self.tr(
                    "Write this key down by hand and keep it somewhere safe. It opens the store "
                    "if every password is forgotten. It is shown only now."
                )
            )
        )
        box.addWidget(key)
        box.addWidget(wrapped(self.tr("To confirm you wrote it down, type two groups:")))
        box.addLayout(form)
        self.problem = wrapped("")
        self.problem.setObjectName("problem")
        self.problem.hide()
        box.addWidget(self.problem)
        box.addWidget(self.buttons)

    def check(self) -> None:
        """OK: the two groups typed back are read as the recovery key is read when
        it is used (case, spaces and dashes do not count; 0, 1 and 8 are the
        letters O, I and B, which a hand-written key mixes up)."""

        def read(typed: str) -> str:
            clean = "".join(c for c in typed.upper() if c.isalnum())
            return clean.translate(str.maketrans("018", "OIB"))

        if read(self.second.text()) == self.groups[1] and read(self.last.text()) == self.groups[-1]:
            self.accept()
        else:
            self.second.setFocus()
            self._say(self.tr("Those groups do not match; look again"))

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.adjustSize()  # room for the line said, the fields as tall as before

    def _not_yet(self) -> None:
        self._say(
            self.tr(
                "The recovery key is not shown again. Type group 2 and the last group to "
                "confirm you wrote it down."
            )
        )
        self.second.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        if event.key() == Qt.Key.Key_Escape:
            self._not_yet()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.result() != QDialog.DialogCode.Accepted:
            event.ignore()
            self._not_yet()
            return
        super().closeEvent(event)


# ------------------------------------------------------------------ unlock


class RecoverDialog(QDialog):
    """A forgotten password: the user name, the recovery key, a new password twice."""

    def __init__(self, username: str, parent: QWidget | None = None) -> None:
        from idcheck.gui.admin import PasswordFields

        super().__init__(parent)
        self.setWindowTitle(self.tr("Forgot your password?"))
        self.user = line_edit(self.tr("User name"))
        self.user.setText(username)
        self.key = line_edit(self.tr("Recovery key"))
        self.fields = PasswordFields(False)
        self.password, self.again = self.fields.password, self.fields.again
        self.problem = self.fields.problem
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Set the new password"))
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Recovery key"), self.key)
        box = QVBoxLayout(self)
        box.addWidget(
            wrapped(
                self.tr(
                    "The recovery key was shown once when this store was set up: eight groups "
                    "of four letters and digits. It sets a new password for the user named "
                    "here. A new recovery key is then shown, and the old one stops working."
                )
            )
        )
        box.addLayout(form)
        box.addWidget(self.fields)
        box.addWidget(self.buttons)
        (self.key if username else self.user).setFocus()

    def _check(self) -> None:
        if not self.user.text().strip():
            self.problem.setText(self.tr("Give the user name."))
            self.user.setFocus()
        elif not self.key.text().strip():
            self.problem.setText(self.tr("Give the recovery key."))
            self.key.setFocus()
        elif not _is_recovery_key(self.key.text()):
            # Said here, with everything typed kept, and no try counted.
            self.problem.setText(
                QCoreApplication.translate(
                    "UnlockPage",
                    "That is not a recovery key: eight groups of four letters A-Z and digits 2-7.",
                )
            )
            self.key.setFocus()
        elif self.fields.match():
            self.accept()
            return
        # The message said under the fields makes the dialog taller; it never cuts text.
        layout = self.layout()
        if layout is not None:
            layout.activate()
        need = self.heightForWidth(self.width())
        if need > self.height():
            self.resize(self.width(), need)


def _is_recovery_key(text: str) -> bool:
    from idcheck.store.keys import parse_recovery_key

    try:
        parse_recovery_key(text)
    except ValueError:
        return False
    return True


class UnlockPage(QWidget):
    unlocked = Signal(object)
    #: The store opened by the recovery key, and the new recovery key to show once.
    recovered = Signal(object, str)
    #: An unlock or a recovery has started off the UI thread.
    working = Signal()

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.user = line_edit(self.tr("User name"))
        self.password = line_edit(self.tr("Password"), password=True)
        self.password.returnPressed.connect(self.unlock)
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.unlock)
        self.forgot = QPushButton(self.tr("Forgot your password?"))
        self.forgot.setAutoDefault(False)
        self.forgot.clicked.connect(self.recover)
        self.words = ErrorWords(self)
        self.status = QLabel("")
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self._recovering = False
        self._until = 0.0
        self.opening: Operation | None = None
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
        box.addWidget(self.forgot)
        box.addWidget(self.status)
        box.addStretch()

    def showEvent(self, event: QShowEvent) -> None:
        """Shown (at start, or after a lock), the keys go to the user name, or to
        the password when the name is there: never to a button of the header."""
        super().showEvent(event)
        (self.password if self.user.text() else self.user).setFocus()

    def reset(self) -> None:
        self.password.clear()
        (self.password if self.user.text() else self.user).setFocus()

    def unlock(self) -> Operation | None:
        """Open the store off the UI thread (argon2id, and on an upgrade the copy
        and the migration, take a moment); ``unlocked`` is emitted with the open
        store. Returns the running operation, or None while a wait is imposed or
        an opening is already under way."""
        from idcheck.gui import folder_ops

        if time.monotonic() < self._until or self.opening is not None:
            return None
        op = folder_ops.open_store(self.data_dir, self.user.text().strip(), self.password.text())
        self.password.clear()
        self.button.setEnabled(False)
        self.status.setText(op.busy)
        self.opening = op.start(self, self._opened, self._refused)
        self.opening.finished.connect(self._settled)
        self.working.emit()
        return self.opening

    def recover(self) -> Operation | None:
        """*Forgot your password?*: ask for the user name, the recovery key and a new
        password, then open the store with the key off the UI thread; ``recovered``
        is emitted with the store and the new recovery key. Returns the running
        operation, or None when cancelled, waiting, or already opening."""
        from idcheck.gui import folder_ops

        if time.monotonic() < self._until or self.opening is not None:
            return None
        dialog = RecoverDialog(self.user.text().strip(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        user = dialog.user.text().strip()
        op = folder_ops.recover_store(
            self.data_dir, user, dialog.key.text(), dialog.password.text()
        )
        self.user.setText(user)
        self.button.setEnabled(False)
        self.forgot.setEnabled(False)
        self._recovering = True
        self.status.setText(op.busy)
        self.opening = op.start(self, self._recovered, self._refused)
        self.opening.finished.connect(self._settled)
        self.working.emit()
        return self.opening

    def _settled(self) -> None:
        self.opening = None
        self._recovering = False

    def _opened(self, store: Store) -> None:
        self.button.setEnabled(True)
        self.forgot.setEnabled(True)
        self.status.clear()
        self.unlocked.emit(store)

    def _recovered(self, result: tuple[Store, str]) -> None:
        self.button.setEnabled(True)
        self.forgot.setEnabled(True)
        self.status.clear()
        self.recovered.emit(*result)

    def _refused(self, e: Exception) -> None:
        from idcheck.store import WrongPassword

        self.button.setEnabled(True)
        self.forgot.setEnabled(True)
        self.status.setText(self.words.opening(e, recovering=self._recovering))
        if isinstance(e, WrongPassword) and e.wait_seconds > 0:
            self._until = time.monotonic() + e.wait_seconds
            self.button.setEnabled(False)
            self.forgot.setEnabled(False)
            self._countdown.start()
            self._tick()
        self.password.setFocus()

    def _tick(self) -> None:
        left = self._until - time.monotonic()
        if left <= 0:
            self._countdown.stop()
            self.button.setEnabled(True)
            self.forgot.setEnabled(True)
            self.status.setText(self.tr("You may try again."))
            return
        self.status.setText(self.tr("Too many failed tries. Wait {0} s.").format(int(left) + 1))
