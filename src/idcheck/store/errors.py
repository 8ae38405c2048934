"""Why the store could not do what was asked, each with a one-line message a
worker or an administrator can act on. None of them carries child data."""

from __future__ import annotations


class StoreError(Exception):
    """Base of every store error; ``str(e)`` is the one-line message for users."""


class NoStore(StoreError):
    """There is no store in the data folder yet."""


class NotAStore(StoreError):
    """The file is not an idcheck store (a picture, an empty file, a plain SQLite file…)."""


class WrongPassword(StoreError):
    """The user name or password is wrong. ``wait_seconds`` before the next try."""

    def __init__(self, message: str, wait_seconds: float = 0.0) -> None:
        super().__init__(message)
        self.wait_seconds = wait_seconds


class TooSoon(WrongPassword):
    """Another try came before the delay after failed tries had passed."""


class UserDisabled(StoreError):
    """The account was disabled by an administrator."""


class NewerSchema(StoreError):
    """The store was written by a newer idcheck; it is left untouched."""


class StoreCorrupt(StoreError):
    """The store's bytes do not check out (altered, truncated or damaged)."""


class AccessWithdrawn(StoreCorrupt):
    """The key a slot holds no longer opens the database: the user was disabled,
    their password reset or the recovery key replaced (and the database key with
    it), or the slot file belongs to another copy of the store."""


class StoreInUse(StoreError):
    """Another idcheck process has the store open."""


class StoreReadOnly(StoreError):
    """The data folder or the store file cannot be written."""


class DiskFull(StoreError):
    """The disk is full: what was being saved was not saved; earlier answers are intact."""


class NotAllowed(StoreError):
    """The signed-in user's role does not allow this."""


class ReadOnlyRecord(StoreError):
    """A completed screening is never changed; amend it instead."""


class InvalidInput(StoreError):
    """The data given does not fit (unknown item, a value the item cannot take…)."""


class OtherStore(StoreError):
    """A backup is of another store than the one it would replace (their store ids,
    kept in the key slots since each store was created, differ)."""

    def __init__(self, message: str, backup_id: str, live_id: str) -> None:
        super().__init__(message)
        self.backup_id = backup_id
        self.live_id = live_id


class StoreLocked(StoreError):
    """The store was locked; unlock it again to continue."""
