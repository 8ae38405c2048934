"""Backup and restore: the whole store (database and key slots) in one file,
and putting a checked backup in place of the live store."""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
import zipfile
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from filelock import FileLock

from idcheck.files import fsync_dir, fsync_path
from idcheck.paths import DB_NAME, SLOT_FILES, store_exists
from idcheck.store import audit as audit_mod
from idcheck.store import lockout
from idcheck.store.core import StoreCore, os_error, take_lock, vacuum_into
from idcheck.store.database import refuse_newer
from idcheck.store.errors import (
    NewerSchema,
    NoStore,
    NotAStore,
    OtherStore,
    StoreCorrupt,
    StoreError,
    TooSoon,
    WrongPassword,
)
from idcheck.store.opening import refuse_too_soon
from idcheck.store.outputs import check_output, replaced_suffix
from idcheck.store.records import VerifyResult
from idcheck.store.slotfile import read_slots

if TYPE_CHECKING:
    from idcheck.store.store import Store

#: Largest key slot file read from a backup (a real one is a few KiB).
MAX_SLOT_BYTES = 1024 * 1024


class Backups(StoreCore):
    """Writing a backup of the open store."""

    def backup(self, target: Path) -> Path:
        """An encrypted copy (same key slots) in one file: written under a temporary
        name, synced, then renamed. Returns the path written.

        The ``backup`` audit row is committed before a byte of the copy is written:
        when it cannot be (a full disk, say), no copy is made. A copy that then
        fails to complete is recorded as ``backup-failed`` where that can be.
        Refused (UnsafeOutput) onto the store's own files, a folder or a missing
        folder. Administrators only.
        """
        self._require_admin("back up the store")
        target = check_output(target, self.data_dir)
        self._audit("backup")
        try:
            self._write_backup(target)
        except BaseException:
            with suppress(StoreError):
                self._audit("backup-failed")
            raise
        return target

    def _write_backup(self, target: Path) -> None:
        try:
            with tempfile.TemporaryDirectory(dir=target.parent, prefix=".idcheck-backup-") as tmp:
                db_copy = Path(tmp) / DB_NAME
                vacuum_into(self.engine, db_copy)
                fd, part = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
                os.close(fd)
                try:
                    with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_STORED) as z:
                        z.write(db_copy, DB_NAME)
                        for name in SLOT_FILES:
                            if (self.data_dir / name).exists():
                                z.write(self.data_dir / name, name)
                    fsync_path(Path(part))
                    os.replace(part, target)
                except BaseException:
                    Path(part).unlink(missing_ok=True)
                    raise
            fsync_dir(target.parent)
        except OSError as e:
            raise os_error(e, f"the backup {target} was not written") from None


def verify_store(
    data_dir: Path, username: str, password: str, anchor: str | None = None
) -> VerifyResult:
    """``idcheck db verify``: unlock, check everything (:meth:`Store.verify`)
    before anything is written, and only when it all checks out upgrade an older
    schema and audit the unlock. A damaged or altered store is left exactly as it
    was found. Raises ValueError for a malformed anchor, StoreError as
    :meth:`Store.open`."""
    from idcheck.store.store import Store

    if anchor:
        audit_mod.AuditHead.parse(anchor)  # a malformed anchor before the password work
    store, finish = Store._open_unwritten(Path(data_dir), username, password)
    try:
        result = store.verify(anchor)
    except BaseException:
        store.lock()
        raise
    if result.ok:
        finish()
    store.lock()
    return result


def restore(
    data_dir: Path,
    backup_file: Path,
    username: str,
    password: str,
    *,
    other_store: bool = False,
) -> VerifyResult:
    """Replace the store in ``data_dir`` by a backup, after checking the whole backup
    in a temporary place (it must open with these credentials and verify). A
    truncated or altered backup is refused and the live store is untouched.

    A backup of another store (its store id, kept in the key slots from the
    store's creation, differs from the live store's) is refused with OtherStore,
    before any password work, unless ``other_store`` confirms it: the same user
    name and password opening both is no sign they are the same store. With no
    live store, or one whose key slots cannot be read, there is nothing to
    compare and the backup is restored.

    Administrators only: the user must be an administrator of the live store
    (when it still opens) and of the backup."""
    from idcheck.store.store import Store

    data_dir = Path(data_dir)
    backup_file = Path(backup_file)
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = take_lock(data_dir)  # nobody may have the live store open meanwhile
    try:
        with tempfile.TemporaryDirectory(dir=data_dir, prefix=".restore-") as tmp:
            staged = Path(tmp) / "store"
            staged.mkdir()
            _unpack_backup(backup_file, staged)
            if not other_store:
                _refuse_other_store(data_dir, staged, backup_file)
            refuse_too_soon(data_dir, username, None)
            try:
                probe, finish = Store._open_unwritten(staged, username, password)
            except TooSoon:
                raise
            except WrongPassword:
                # Counted against the live store, as at its own unlock: a backup
                # is no way round the delay after failed tries.
                delay = lockout.record_failure(data_dir, username, None)
                raise WrongPassword("wrong user name or password", delay) from None
            try:
                refuse_newer(probe.engine, "update idcheck to restore it. Nothing was replaced")
                probe._require_admin("restore a backup")
                result = probe.verify()
            except BaseException:
                probe.lock()
                raise
            if result.ok:
                finish()  # (locks the probe if it fails)
                try:
                    probe.record_event("restore")
                finally:
                    probe.lock()
            else:
                probe.lock()
            if not result.ok:
                raise StoreCorrupt("the backup does not verify: " + "; ".join(result.messages))
            revoked = _require_live_admin(Store, data_dir, username, password, lock)
            kept = _keep_revoked(Store, staged, username, password, revoked)
            if kept:
                result = dataclasses.replace(
                    result,
                    messages=(
                        *result.messages,
                        "disabled in the replaced store, so disabled again: " + ", ".join(kept),
                    ),
                )
            for f in staged.glob("*.json"):
                if f.name not in SLOT_FILES:
                    f.unlink()
            _swap_in(staged, data_dir)
        return result
    finally:
        lock.release()


def _refuse_other_store(data_dir: Path, staged: Path, backup_file: Path) -> None:
    if not store_exists(data_dir):
        return
    try:
        live = read_slots(data_dir).store_id
    except StoreError:
        return  # unreadable key slots: a restore is what such a store needs
    theirs = read_slots(staged).store_id
    if theirs != live:
        raise OtherStore(
            f"{backup_file.name} is a backup of another store (store id {theirs[:8]}), not of "
            f"the store in {data_dir} (store id {live[:8]}): restoring it would replace every "
            "case here with that store's. Nothing was replaced",
            theirs,
            live,
        )


def _require_live_admin(
    store_cls: type[Store], data_dir: Path, username: str, password: str, held: FileLock
) -> set[str]:
    """Refuse a restore by anyone but an administrator of the live store, and
    return the names of the users disabled there. A live store too damaged to
    open (what a restore is for) is left to the backup's own check."""
    if not store_exists(data_dir):
        return set()
    try:
        live = store_cls.open(data_dir, username, password, _held=held)
    except (StoreCorrupt, NotAStore, NoStore, NewerSchema):
        return set()
    try:
        live._require_admin("restore a backup")
        return {u.username for u in live.list_users() if u.disabled}
    finally:
        live.lock()


def _keep_revoked(
    store_cls: type[Store], staged: Path, username: str, password: str, revoked: set[str]
) -> list[str]:
    """A backup from before a user was disabled must not let them back in: disable
    them again in the checked copy (which replaces their slot's key) before it is
    swapped in. Returns the names disabled."""
    if not revoked:
        return []
    store = store_cls.open(staged, username, password)
    kept: list[str] = []
    try:
        for u in store.list_users():
            if u.username in revoked and not u.disabled:
                store.disable_user(u.id)
                kept.append(u.username)
    finally:
        store.lock()
    return kept


def _unpack_backup(backup_file: Path, staged: Path) -> None:
    """Copy the database and slot files out of a backup into ``staged``, bounded:
    members must be stored (idcheck never compresses them, so a small file cannot
    unpack to gigabytes), no larger than the backup itself (slot files at most
    1 MiB), and are copied in chunks with their checksums checked."""
    try:
        size = backup_file.stat().st_size
        if not backup_file.is_file():
            raise NotAStore(f"{backup_file} is not an idcheck backup (not a regular file)")
        with zipfile.ZipFile(backup_file) as z:
            infos = {i.filename: i for i in z.infolist()}
            if DB_NAME not in infos or not set(infos) & set(SLOT_FILES):
                raise NotAStore(f"{backup_file} is not an idcheck backup")
            for name in (DB_NAME, *SLOT_FILES):
                info = infos.get(name)
                if info is None:
                    continue
                cap = MAX_SLOT_BYTES if name in SLOT_FILES else size
                if info.compress_type != zipfile.ZIP_STORED or info.file_size > cap:
                    raise StoreCorrupt(
                        f"{backup_file} is not an idcheck backup: {name} is "
                        f"{info.file_size} bytes unpacked (compressed or too large); refused"
                    )
                written = 0
                with z.open(info) as src, open(staged / name, "wb") as dst:
                    while chunk := src.read(1024 * 1024):
                        written += len(chunk)
                        if written > cap:
                            raise StoreCorrupt(f"{backup_file}: {name} is larger than it says")
                        dst.write(chunk)
    except (
        zipfile.BadZipFile,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,
        RuntimeError,
    ) as e:
        raise StoreCorrupt(f"{backup_file} is not a readable idcheck backup: {e}") from None


def _swap_in(staged: Path, data_dir: Path) -> None:
    """Move the checked files in place; the old ones are kept as ``*.replaced``
    (``*.replaced.2`` … after later restores: an earlier copy is never overwritten)."""
    names = (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", *SLOT_FILES)
    suffix = replaced_suffix(data_dir, names)
    for name in names:
        live = data_dir / name
        if live.exists():
            os.replace(live, data_dir / f"{name}{suffix}")
    for name in (DB_NAME, *SLOT_FILES):
        if (staged / name).exists():
            shutil.move(str(staged / name), str(data_dir / name))
    fsync_dir(data_dir)
