"""The one place an expected error becomes a message in the interface's language.

Every operation of the window (:mod:`idcheck.gui.ops`) is said through
:meth:`ErrorWords.describe`; the store's opening (unlock, the recovery key) and a
restore, which run before any session exists, through :meth:`ErrorWords.opening`
and :meth:`ErrorWords.restoring`, which word what is particular to them and
leave every other kind to the same sentences. The store's and the checklist's
own words (a file position, a version) follow where they help; a child's data
never appears in them.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QObject

__all__ = ["ErrorWords"]


class ErrorWords(QObject):
    """Expected errors in the interface's language (translation context
    ``ErrorWords``)."""

    def describe(self, e: BaseException) -> str | None:
        """The message for ``e``, or None when ``e`` is not an expected error
        (a defect, which must not be hidden behind a message)."""
        from idcheck.checklist import ChecklistError
        from idcheck.report import MissingFont
        from idcheck.sharing import PackageRefused
        from idcheck.store import StoreError

        if isinstance(e, StoreError):
            return self.store_error(e)
        if isinstance(e, PackageRefused):
            return self.tr("The package was not imported: {0}").format(e)
        if isinstance(e, ChecklistError):
            return self.tr("The file could not be read; nothing was changed:\n{0}").format(e)
        if isinstance(e, MissingFont):
            return self.tr(
                "The document cannot be made: this computer has no font for some of its "
                "text. Nothing was saved. {0}"
            ).format(e)
        if isinstance(e, OSError):
            return self.os_error(e)
        return None

    def store_error(self, e: BaseException) -> str:
        """A store error by its kind, the store's own words after."""
        from idcheck.store import UnsafeOutput, errors

        words: tuple[tuple[type[BaseException], str], ...] = (
            (UnsafeOutput, self.tr("That file cannot be written: {0}")),
            (errors.InvalidInput, self.tr("Not saved: {0}")),
            (errors.WrongPassword, self.tr("Wrong password: {0}")),
            (errors.NotAllowed, self.tr("Your role does not allow this: {0}")),
            (
                errors.ReadOnlyRecord,
                self.tr("A completed screening is never changed; amend it instead. ({0})"),
            ),
            (errors.StoreLocked, self.tr("The store is locked; unlock it to go on. ({0})")),
            (
                errors.DiskFull,
                self.tr(
                    "The disk is full: this was not saved; everything saved before is intact. "
                    "Free some space and try again. ({0})"
                ),
            ),
            (errors.StoreReadOnly, self.tr("The data folder cannot be written: {0}")),
            (
                errors.NewerSchema,
                self.tr("A newer idcheck wrote this store; nothing was changed: {0}"),
            ),
            (
                errors.NotAStore,
                self.tr("This is not an idcheck store; nothing was changed: {0}"),
            ),
            (errors.NoStore, self.tr("There is no store here: {0}")),
            (
                errors.StoreCorrupt,
                self.tr("The store is damaged; restore a backup that checks: {0}"),
            ),
            (errors.StoreInUse, self.tr("The store is open in another idcheck window: {0}")),
        )
        for kind, text in words:
            if isinstance(e, kind):
                return text.format(e)
        return self.tr("The store refused this: {0}").format(e)

    def os_error(self, e: OSError) -> str:
        """The system's refusal to write a file. The path is not repeated: the
        worker just chose it, and the system may name a temporary file instead."""
        from idcheck.gui.session import why

        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            return self.tr(
                "The disk is full: the file was not written. Free some space or choose "
                "another drive."
            )
        if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return self.tr(
                "That folder cannot be written (it is read-only, or you may not write "
                "there): the file was not written. Choose another folder."
            )
        return self.tr("The file could not be written: {0}").format(why(e))

    def opening(self, e: BaseException, *, recovering: bool = False) -> str:
        """Why the store did not open (unlock, or ``recovering`` with the recovery
        key). Never an exception: the unlock page must not stay on "Opening the
        store…", so an unexpected failure is said by its kind only (its text
        could hold anything)."""
        from idcheck.store import StoreError, errors

        if not isinstance(e, StoreError):
            return self.tr(
                "The store could not be opened ({0}). Restore a backup or ask an administrator."
            ).format(type(e).__name__)
        if isinstance(e, errors.TooSoon):
            return self.tr("Too many failed tries. Wait {0} s.").format(int(e.wait_seconds) + 1)
        if isinstance(e, errors.WrongPassword) and recovering:
            if str(e).startswith("not a recovery key"):
                return self.tr(
                    "That is not a recovery key: eight groups of four letters A-Z and digits 2-7."
                )
            return self.tr("That recovery key does not open this store.")
        if isinstance(e, errors.WrongPassword):
            return self.tr("Wrong user name or password.")
        if isinstance(e, errors.UserDisabled) and recovering:
            return self.tr("This account is disabled; a disabled account cannot be recovered.")
        if isinstance(e, errors.UserDisabled):
            return self.tr("This account is disabled; ask an administrator.")
        if isinstance(e, errors.InvalidInput) and recovering:
            if str(e).startswith("there is no user named"):
                return self.tr("There is no user of that name in this store.")
            return self.tr("The new password needs at least 10 characters.")
        if isinstance(e, errors.StoreInUse):
            return self.tr(
                "The store is open in another idcheck window or command. Close it, then try again."
            )
        if isinstance(e, errors.AccessWithdrawn):
            return self.tr(
                "This key no longer opens the store: the access was withdrawn (an account "
                "disabled, a password reset or a new recovery key), or the key files belong "
                "to another copy of the store. Ask an administrator."
            )
        if isinstance(e, errors.StoreCorrupt):
            return self.tr("The store is damaged; nothing was changed: {0}").format(e)
        if isinstance(e, errors.DiskFull):
            return self.tr("The disk is full; free some space and try again: {0}").format(e)
        return self.store_error(e)

    def restoring(self, e: BaseException) -> str | None:
        """Why a backup was not restored (the live store is untouched); None for
        an unexpected error. The backup's own faults are named as the backup's."""
        from idcheck.store import errors

        if isinstance(e, errors.TooSoon):
            return self.opening(e)
        if isinstance(e, errors.WrongPassword):
            return self.tr(
                "Nothing was replaced: that user name and password do not open the backup."
            )
        if isinstance(e, errors.NewerSchema):
            newer = self.tr("Nothing was replaced: a newer idcheck wrote this backup. ({0})")
            return newer.format(e)
        if isinstance(e, errors.NotAStore | errors.StoreCorrupt):
            return self.tr(
                "Nothing was replaced: the backup is damaged or is not an idcheck backup. ({0})"
            ).format(e)
        said = self.describe(e)
        return None if said is None else self.tr("Nothing was replaced: {0}").format(said)
