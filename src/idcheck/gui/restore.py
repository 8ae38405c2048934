"""Restoring a backup from the window: the store is locked first, the backup is
checked in full off the UI thread (:func:`idcheck.gui.folder_ops.restore_backup`), and
the unlock page comes back with what happened. A backup of another store is
restored only when the administrator says so; every refusal is said through
:meth:`ErrorWords.restoring <idcheck.gui.error_words.ErrorWords.restoring>`, and
nothing is replaced."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from idcheck.gui.error_words import ErrorWords

if TYPE_CHECKING:
    from idcheck.gui.app import MainWindow
    from idcheck.gui.lock import UnlockPage
    from idcheck.gui.session import Operation
    from idcheck.store import OtherStore, VerifyResult

__all__ = ["Restore"]


class Restore(QObject):
    """One restore asked for by ``username`` with ``password``: runs at once;
    ``running`` is the operation under way. The window's unlock page is read
    when needed: a change of language rebuilds it."""

    def __init__(self, window: MainWindow, backup: Path, username: str, password: str) -> None:
        super().__init__(window)
        self.window = window
        self.backup = backup
        self.username = username
        self.password = password
        self.words = ErrorWords(self)
        self.running: Operation | None = None
        self._run(other_store=False)

    def _run(self, *, other_store: bool) -> None:
        from idcheck.gui import folder_ops

        w = self.window
        page = w.unlock_page
        page.setEnabled(False)
        op = folder_ops.restore_backup(
            w.data_dir, self.backup, self.username, self.password, other_store=other_store
        )
        self.running = op.start(w, self._done, self._failed)

    def _back(self) -> UnlockPage:
        page = self.window.unlock_page
        page.setEnabled(True)
        page.user.setText(self.username)
        page.reset()
        return page

    def _done(self, result: VerifyResult) -> None:
        page = self._back()
        self.window.messages.info(
            page,
            self.tr("Restore"),
            self.tr("The backup is restored ({0} audit rows check). Unlock to go on.").format(
                result.audit_rows
            ),
        )

    def _failed(self, e: Exception) -> None:
        from idcheck.store import OtherStore

        page = self._back()
        if isinstance(e, OtherStore):
            self._ask_other_store(page, e)
            return
        said = self.words.restoring(e)
        if said is None:
            raise e
        self.window.messages.error(page, self.tr("Restore"), said)

    def _ask_other_store(self, page: UnlockPage, e: OtherStore) -> None:
        question = self.tr(
            "{0} is a backup of another store (store id {1}), not of this one (store "
            "id {2}), even if the same user name and password open it. Restoring it "
            "replaces every case in this store with that store's cases (the replaced "
            "files are kept beside them). Replace this store with it?"
        ).format(self.backup.name, e.backup_id[:8], e.live_id[:8])
        messages = self.window.messages
        if messages.confirm(page, self.tr("Restore"), question):
            self._run(other_store=True)
        else:
            messages.info(page, self.tr("Restore"), self.tr("Nothing was replaced."))
