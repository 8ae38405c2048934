"""The operations before a store is open: unlock, the recovery key and a restore.

No session exists yet, so each is a :class:`FolderOp` on the data folder that
the page asking for it runs off the UI thread (:meth:`FolderOp.start`); a
refusal is said through :class:`~idcheck.gui.error_words.ErrorWords`
(``opening`` / ``restoring``), as every operation's through ``describe``. The
operations of an open store are in :mod:`idcheck.gui.ops`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from idcheck.gui.session import Operation
    from idcheck.store import SiteProfile, Store, StoreError, VerifyResult

__all__ = [
    "FolderOp",
    "create_store",
    "open_store",
    "recover_store",
    "restore_backup",
    "warm_checklists",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FolderOp(Generic[T]):
    """An action on the data folder before any store is open (unlock, the
    recovery key, a restore): no session exists yet, so the page that asks runs
    it off the UI thread (:meth:`start`) and says a refusal through
    :class:`~idcheck.gui.error_words.ErrorWords` (``opening`` / ``restoring``)."""

    name: str
    fn: Callable[[], T]
    busy: str

    def start(
        self,
        parent: QWidget,
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None],
    ) -> Operation:
        from idcheck.gui.session import run_async

        return run_async(parent, self.busy, self.fn, on_done, on_error)


def create_store(
    folder: Path, username: str, password: str, site: SiteProfile | None
) -> FolderOp[tuple[Store, str, StoreError | None]]:
    """First run: the encrypted store and its first administrator, and the site
    when one is given. Returns the store, its recovery key (shown once) and the
    store's refusal of the site, if any: the store stands either way, and the
    site can be set later."""

    def work() -> tuple[Store, str, StoreError | None]:
        from idcheck.store import Store, StoreError

        store, recovery = Store.create(folder, username, password)
        refused: StoreError | None = None
        if site is not None:
            try:
                store.set_site_profile(site)
            except StoreError as e:
                refused = e
        warm_checklists()
        return store, recovery, refused

    busy = QCoreApplication.translate("Operations", "Creating the encrypted store…")
    return FolderOp("create store", work, busy)


def open_store(folder: Path, username: str, password: str) -> FolderOp[Store]:
    """Unlock: argon2id, and on an upgrade the copy and the migration. The store
    stack is imported, and the installed checklists read (the case list's
    outcome labels), on the worker thread, not on the window's."""

    def work() -> Store:
        from idcheck.store import Store

        store = Store.open(folder, username, password)
        warm_checklists()
        return store

    busy = QCoreApplication.translate("Operations", "Opening the store…")
    return FolderOp("open store", work, busy)


def warm_checklists() -> None:
    """Read the newest version of every installed checklist into the loader's one
    cache, so the window finds them there (an older version is read when a
    screening made with it is opened); a file that cannot be read is left for
    the window to say."""
    from idcheck.checklist import load_entry
    from idcheck.checklist.catalogue import newest_entries

    for entry in newest_entries():
        try:
            load_entry(entry)
        except Exception:  # noqa: S112 - said where the window reads it
            continue


def recover_store(
    folder: Path, username: str, key: str, password: str
) -> FolderOp[tuple[Store, str]]:
    """A forgotten password: the recovery key sets a new one; the store and a new
    recovery key (shown once)."""

    def work() -> tuple[Store, str]:
        from idcheck.store import Store

        opened = Store.recover(folder, username, key, password)
        warm_checklists()
        return opened

    busy = QCoreApplication.translate("Operations", "Setting the new password…")
    return FolderOp("recover", work, busy)


def restore_backup(
    folder: Path, backup: Path, username: str, password: str, *, other_store: bool = False
) -> FolderOp[VerifyResult]:
    """Replace the store with a backup checked in full first (the store is locked)."""
    from idcheck.store import restore

    busy = QCoreApplication.translate("Operations", "Checking and restoring the backup…")
    return FolderOp(
        "restore",
        lambda: restore(folder, backup, username, password, other_store=other_store),
        busy,
    )
