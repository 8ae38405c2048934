"""Opening a store: creating one, unlocking with a password or the recovery key
(with the wait after failed tries), a forgotten password, and the schema
upgrade and unfinished key change an unlock finishes."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Self

import sqlcipher3.dbapi2 as sqlcipher
from filelock import FileLock
from sqlalchemy import insert, select

from idcheck.paths import DB_NAME, store_exists
from idcheck.store import audit as audit_mod
from idcheck.store import followup_content as followup_mod
from idcheck.store import lockout
from idcheck.store.accounts import Accounts, check_password, check_username
from idcheck.store.core import DAMAGED, driver_errors, take_lock, transaction, vacuum_into
from idcheck.store.database import (
    FOLLOWUP_CONTENT_REVISION,
    classify_file,
    make_engine,
    migrate,
    translate,
)
from idcheck.store.errors import (
    AccessWithdrawn,
    DiskFull,
    InvalidInput,
    NoStore,
    NotAStore,
    StoreCorrupt,
    StoreError,
    StoreReadOnly,
    TooSoon,
    UserDisabled,
    WrongPassword,
)
from idcheck.store.keys import KdfParams, KeySet, new_keyset, new_recovery_key, parse_recovery_key
from idcheck.store.records import User
from idcheck.store.schema import settings, users
from idcheck.store.site_settings import DEFAULTS
from idcheck.store.slotfile import SlotFile, new_slot_file, read_slot_copies, write_slots

#: The argon2id cost new key slots get unless the caller gives another.
DEFAULT_KDF = KdfParams()


class Opening(Accounts):
    """Creating and unlocking a store."""

    @classmethod
    def create(
        cls, data_dir: Path, username: str, password: str, *, kdf: KdfParams = DEFAULT_KDF
    ) -> tuple[Self, str]:
        """Create a new store with its first (administrator) account; its key slots
        (and those it makes while open) stretch passwords with ``kdf``.

        Returns the store and the recovery key, to be shown once and written down.
        """
        data_dir = Path(data_dir)
        check_password(password)
        check_username(username)
        kdf.checked()
        if store_exists(data_dir):
            raise StoreError(f"{data_dir} already holds an idcheck store; it was not changed")
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreReadOnly(f"cannot create {data_dir}: {e.strerror}") from None
        if not os.access(data_dir, os.W_OK):
            raise StoreReadOnly(f"cannot write in {data_dir}")
        lock = take_lock(data_dir)
        ks = new_keyset(1)
        try:
            engine = make_engine(data_dir / DB_NAME, bytearray(ks.db_key), create=True)
            migrate(engine, data_dir / DB_NAME, backup=lambda p: None)
            with transaction(engine) as conn:
                uid = conn.execute(
                    insert(users).values(
                        username=username, role="admin", disabled=False, created_at=time.time()
                    )
                ).inserted_primary_key[0]  # type: ignore[index]
                conn.execute(
                    insert(settings), [{"key": k, "value": v} for k, v in DEFAULTS.items()]
                )
                # The trail's first row, with the first user (no store object yet).
                # From it on, completions and follow-up records carry content hashes.
                audit_mod.append(
                    conn, ks.audit_key, audit_mod.CREATED, uid, content=followup_mod.marker(conn)
                )
            store = cls(data_dir, engine, ks, User(uid, username, "admin"), lock, kdf)
            sf = new_slot_file()
            sf.generation = ks.generation
            sf.add_user_slot(uid, username, password, [ks], kdf)
            recovery_text, recovery = new_recovery_key()
            sf.set_recovery_slot(recovery, [ks])
            write_slots(data_dir, sf)
        except BaseException:
            lock.release()
            raise
        return store, recovery_text

    @classmethod
    def open(
        cls,
        data_dir: Path,
        username: str,
        password: str,
        *,
        kdf: KdfParams = DEFAULT_KDF,
        _held: FileLock | None = None,
    ) -> Self:
        """Unlock with a user's password (its slot's own cost); slots made while
        open get ``kdf``. Raises WrongPassword (with the wait before the next
        try), TooSoon, UserDisabled, NoStore, NotAStore, StoreCorrupt,
        NewerSchema, StoreInUse, StoreReadOnly."""
        store, finish = cls._open_unwritten(data_dir, username, password, held=_held, kdf=kdf)
        finish()
        return store

    @classmethod
    def _open_unwritten(
        cls,
        data_dir: Path,
        username: str,
        password: str,
        *,
        held: FileLock | None = None,
        kdf: KdfParams = DEFAULT_KDF,
    ) -> tuple[Self, Callable[[], None]]:
        """Unlock without writing to the store: no schema upgrade, no finished key
        change, no audit row (see :func:`verify_store`). Call the function it
        returns to do those (on failure it locks the store)."""
        data_dir = Path(data_dir)
        copies = read_store_copies(data_dir)
        sf = copies[0]
        refuse_too_soon(data_dir, username, sf)
        found = None
        tried: set[bytes] = set()
        # The newest valid copy first; an older one only when the newer does not
        # open this user's slot (a copy that parses but lost or garbled the slot
        # must not hide the good one). What an older slot opens is still checked
        # by the database key itself.
        for candidate in copies:
            slot = candidate.user_slot(username)
            mark = b"" if slot is None else slot.salt + slot.public + slot.private
            if mark in tried:
                continue
            tried.add(mark)
            found = candidate.open_user(username, password)
            if found is not None:
                sf = candidate
                break
        if found is None:
            slot = sf.user_slot(username)
            delay = lockout.record_failure(data_dir, username, slot.user_id if slot else None)
            raise WrongPassword("wrong user name or password", delay)
        slot, keysets = found
        store = cls._unlock(
            data_dir, sf, keysets, kdf, user_id=slot.user_id, username=slot.username, held=held
        )
        store._settled = False

        def finish() -> None:
            try:
                store._upgrade()
                # Retried at the next unlock if the disk is full or the folder read-only.
                with suppress(DiskFull, StoreReadOnly):
                    store._complete_change(sf, keysets)
                store._settled = True
                store._audit_pending_failures(lockout.clear_failures(data_dir, username))
                store._audit("unlock")
                if slot.legacy:
                    # First-format slot: now that the password is known, give it a key pair.
                    store._set_user_slot(store.user.id, store.user.username, password)
                # Retried at the next unlock if the disk is full or the folder read-only.
                with suppress(DiskFull, StoreReadOnly):
                    store._finish_revocations()
            except BaseException:
                store.lock()
                raise

        return store, finish

    @classmethod
    def open_with_recovery(
        cls, data_dir: Path, recovery_text: str, *, kdf: KdfParams = DEFAULT_KDF
    ) -> Self:
        """Unlock with the recovery key, as the first active administrator. To set a
        forgotten password (and replace the recovery key) use :meth:`recover`."""
        data_dir = Path(data_dir)
        sf, keysets = _open_recovery(data_dir, read_store_copies(data_dir), recovery_text)
        store = cls._unlock(data_dir, sf, keysets, kdf, upgrade=True)
        try:
            store._audit_pending_failures(lockout.clear_failures(data_dir, lockout.RECOVERY_NAME))
            store._audit("unlock-recovery")
        except BaseException:
            store.lock()
            raise
        return store

    @classmethod
    def recover(
        cls,
        data_dir: Path,
        username: str,
        recovery_text: str,
        new_password: str,
        *,
        kdf: KdfParams = DEFAULT_KDF,
    ) -> tuple[Self, str]:
        """A forgotten password: the recovery key opens the store, ``username`` gets
        ``new_password`` (stretched with ``kdf``), and a new recovery key replaces
        the old one (returned, to be shown once). The database key is replaced
        too, so neither the old password nor the old recovery key opens anything,
        even with a copy of the old key slots. Wrong recovery keys are delayed
        like wrong passwords; a disabled user cannot be recovered (UserDisabled)."""
        check_password(new_password)
        data_dir = Path(data_dir)
        sf, keysets = _open_recovery(data_dir, read_store_copies(data_dir), recovery_text)
        store = cls._unlock(data_dir, sf, keysets, kdf, username=username, upgrade=True)
        try:
            store._audit_pending_failures(lockout.clear_failures(data_dir, lockout.RECOVERY_NAME))
            store._audit("unlock-recovery")
            store._audit("password-recovered", object_id=store.user.id)
            text, raw = new_recovery_key()
            uid, name = store.user.id, store.user.username

            def change(sf: SlotFile, current: list[KeySet]) -> None:
                sf.add_user_slot(uid, name, new_password, current, kdf)
                sf.set_recovery_slot(raw, current)

            store._change_key(change)
        except BaseException:
            store.lock()
            raise
        return store, text

    @classmethod
    def _unlock(
        cls,
        data_dir: Path,
        sf: SlotFile,
        keysets: list[KeySet],
        kdf: KdfParams,
        *,
        user_id: int | None = None,
        username: str | None = None,
        held: FileLock | None = None,
        upgrade: bool = False,
    ) -> Self:
        """Open the database with the first of ``keysets`` (oldest first) it opens
        with, as ``user_id`` (whose name must be ``username``), or as ``username``,
        or as the first active administrator; with ``upgrade``, upgrade its schema
        and finish a key change cut short (nothing is written without)."""
        path = data_dir / DB_NAME
        classify_file(path)
        if held is None:
            lock = take_lock(data_dir)
        else:  # a caller that holds the store's lock already (a restore)
            lock = held
            lock.acquire()
        try:
            with driver_errors(path):
                ks = _first_that_opens(path, keysets)
                engine = make_engine(path, bytearray(ks.db_key))
                before = (
                    migrate(engine, path, backup=lambda target: vacuum_into(engine, target))
                    if upgrade
                    else None
                )
                with engine.connect() as conn:
                    # The columns every schema has (a store is read before its upgrade).
                    q = select(users.c.id, users.c.username, users.c.role, users.c.disabled)
                    if user_id is not None:
                        q = q.where(users.c.id == user_id)
                    elif username is not None:
                        q = q.where(users.c.username == username)
                    else:
                        q = q.where(users.c.role == "admin", users.c.disabled.is_(False)).order_by(
                            users.c.id
                        )
                    row = conn.execute(q).first()
        except BaseException:
            lock.release()
            raise
        if row is None or (user_id is not None and row.username != username):
            engine.dispose()
            lock.release()
            if user_id is None and username is not None:
                raise InvalidInput(f"there is no user named {username!r} in this store")
            raise StoreCorrupt("the key slot names a user the store does not know")
        if row.disabled:
            engine.dispose()
            lock.release()
            raise UserDisabled("this account is disabled; ask an administrator")
        user = User(row.id, row.username, row.role, row.disabled)
        store = cls(data_dir, engine, ks, user, lock, kdf)
        if not upgrade:
            return store
        try:
            store._mark_content_coverage(before)
            # Retried at the next unlock if the disk is full or the folder read-only.
            with suppress(DiskFull, StoreReadOnly):
                store._complete_change(sf, keysets)
        except BaseException:
            store.lock()
            raise
        return store

    def _upgrade(self) -> None:
        """Bring the schema to head (a copy of the store is made first)."""
        path, engine = self.db_path, self.engine
        with driver_errors(path):
            before = migrate(engine, path, backup=lambda target: vacuum_into(engine, target))
        self._mark_content_coverage(before)

    def _mark_content_coverage(self, before: str | None) -> None:
        """A store upgraded from before content hashes (of completions, or of
        follow-up records) gets the marker row from which its completions and
        follow-up records carry one, with the highest id of each kind of
        follow-up record then (``db verify`` reports it)."""
        if before is not None and before < FOLLOWUP_CONTENT_REVISION:
            with self._write() as conn:
                self._audit_row(conn, audit_mod.CONTENT_ON, content=followup_mod.marker(conn))


def read_store_copies(data_dir: Path) -> list[SlotFile]:
    """Every valid copy of the slot file, newest first, once the folder is known to
    hold a store."""
    if not data_dir.exists() or not store_exists(data_dir):
        raise NoStore(f"there is no idcheck store in {data_dir}; create one first")
    if not (data_dir / DB_NAME).exists():
        raise NotAStore(f"{data_dir} has key slots but no database; restore a backup")
    classify_file(data_dir / DB_NAME)
    return read_slot_copies(data_dir)


def refuse_too_soon(data_dir: Path, username: str, sf: SlotFile | None) -> None:
    """TooSoon while the delay after failed tries runs; the refused try is queued
    for the audit trail (written at the next unlock)."""
    wait = lockout.wait_remaining(data_dir, username)
    if wait > 0:
        slot = sf.user_slot(username) if sf is not None else None
        lockout.record_refused(data_dir, username, slot.user_id if slot else None)
        raise TooSoon(f"too many failed tries: wait {wait:.0f} s before the next", wait)


def _open_recovery(
    data_dir: Path, copies: list[SlotFile], recovery_text: str
) -> tuple[SlotFile, list[KeySet]]:
    """The slot file copy whose recovery slot the key opens (the newest valid one
    first, as for passwords), and the key sets it holds; wrong keys are counted
    and delayed like wrong passwords (kept across restarts)."""
    refuse_too_soon(data_dir, lockout.RECOVERY_NAME, None)
    try:
        raw = parse_recovery_key(recovery_text)
    except ValueError as e:
        raise WrongPassword(str(e)) from None
    for sf in copies:
        found = sf.open_recovery(raw)
        if found is not None:
            return sf, found[1]
    delay = lockout.record_failure(data_dir, lockout.RECOVERY_NAME, None, "recovery-failed")
    raise WrongPassword("that recovery key does not open this store", delay)


def _key_opens(path: Path, key: bytes) -> bool:
    """Whether ``key`` decrypts the database's first page (nothing is written)."""
    try:
        conn = sqlcipher.connect(str(path), timeout=0.5, isolation_level=None)
    except sqlcipher.Error as e:
        raise translate(e, path) from None
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        return True
    except sqlcipher.DatabaseError as e:
        if "not a database" in str(e).lower():
            return False
        raise translate(e, path) from None
    except MemoryError:
        raise StoreCorrupt(DAMAGED) from None
    finally:
        conn.close()


def _first_that_opens(path: Path, keysets: list[KeySet]) -> KeySet:
    """The oldest key set that opens the database: while a key change is under
    way the older key is tried first, so a re-key cut short is rolled back."""
    for ks in sorted(keysets, key=lambda k: k.generation):
        if _key_opens(path, ks.db_key):
            return ks
    raise AccessWithdrawn(
        f"the store ({path}) does not open with the key this account's slot holds: the "
        "access was withdrawn (a disabled user, a reset password or an old copy of the key "
        "slots), or the store is damaged or was replaced; ask an administrator or restore "
        "a backup"
    )
