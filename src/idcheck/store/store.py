"""The store: one object per unlocked session, the only way data is written.

Every method that changes data runs one transaction that also writes its audit
row, and returns only after the commit (WAL, ``synchronous=FULL``): an answer
the caller was told about survives a crash. Calls are made one at a time (the
window serialises them on one worker thread); ``open``/``create`` (argon2id,
migrations), ``backup``, ``restore``, ``verify`` and ``apply_retention`` are the
slow ones.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import hashlib
import json
import os
import re
import shutil
import tempfile
import threading
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from filelock import FileLock, Timeout
from sqlalchemy import (
    Connection,
    Engine,
    and_,
    delete,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError

from idcheck.checklist import (
    Answer,
    Checklist,
    ChecklistError,
    Contact,
    Directory,
    find,
    forms_pointed_to,
    load_checklist_bytes,
    validate_answer,
)
from idcheck.paths import DB_NAME, SLOT_FILES, store_exists
from idcheck.store import audit as audit_mod
from idcheck.store import content as content_mod
from idcheck.store import keys
from idcheck.store.database import (
    CONTENT_REVISION,
    check_triggers,
    classify_file,
    make_engine,
    migrate,
    translate,
)
from idcheck.store.errors import (
    AccessWithdrawn,
    DiskFull,
    InvalidInput,
    NewerSchema,
    NoStore,
    NotAllowed,
    NotAStore,
    OtherStore,
    ReadOnlyRecord,
    StoreCorrupt,
    StoreError,
    StoreInUse,
    StoreLocked,
    StoreReadOnly,
    TooSoon,
    UserDisabled,
    WrongPassword,
)
from idcheck.store.outputs import LOCK_NAME, check_output, replaced_suffix
from idcheck.store.records import (
    IDENTIFIED_BY,
    SOURCES,
    Adult,
    AnswerContext,
    Case,
    CaseDetails,
    CaseRow,
    Decision,
    PinnedDocuments,
    PinnedRoutes,
    ScreeningRecord,
    ScreeningRow,
    StatRow,
    StoredAnswer,
    User,
    VerifyResult,
    text_too_long,
)
from idcheck.store.schema import (
    adults,
    answers,
    cases,
    checklist_texts,
    contacts,
    pinned_documents,
    purge,
    screenings,
    settings,
    users,
)
from idcheck.store.schema import (
    audit as audit_table,
)
from idcheck.store.site import (
    SETTING_KEYS,
    SiteProfile,
    check_profile,
    installed_routes,
)

#: A text with half of a UTF-16 pair (a lone surrogate) cannot be stored as UTF-8.
_SURROGATE = (
    "a text given holds a lone surrogate (half of a character), which is not text; "
    "nothing was saved"
)
_DAMAGED = "the store is damaged (a page fails its check); restore a backup"
DEFAULTS = {"idle_minutes": "5", "retention_years": "0"}
#: The site profile's keys (set through set_site_profile, which checks them).
_SITE_KEYS = frozenset(SETTING_KEYS.values())


def fold(text: str) -> str:
    """Search form of a name or reference: lower case, no accents, ø→o, æ→ae, å→a."""
    text = text.lower().replace("ø", "o").replace("æ", "ae").replace("ß", "ss").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_SCREENING_STATE_SQL = "SELECT case_id, status, checklist_sha256 FROM screenings WHERE id = ?"
_SET_POSITION_SQL = "UPDATE screenings SET position = ? WHERE id = ?"
_INSERT_ANSWER_SQL = (
    "INSERT INTO answers (screening_id, item_id, status, value, source, worker_note, "
    "child_words, language, interpreter_present, interpreter, read_back, answered_by, "
    "answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True, slots=True)
class KeyChange:
    """What a change of the database key leaves for an administrator to do: a new
    recovery key to show once (when the old one was of the first slot format and
    could not take the new key), and users whose first-format slots were dropped
    (their passwords must be reset)."""

    recovery_key: str | None = None
    reset_needed: tuple[str, ...] = ()


class Store:
    """An unlocked store. Build with :meth:`create` or :meth:`open`; end with :meth:`lock`."""

    def __init__(
        self, data_dir: Path, engine: Engine, keyset: keys.KeySet, user: User, lock: FileLock
    ) -> None:
        self.data_dir = data_dir
        self._engine: Engine | None = engine
        # The driver's connection under the engine's single pooled connection, for
        # the answer-save path (see record_answer).
        fairy = engine.raw_connection()
        self._dbapi: Any = fairy.driver_connection
        fairy.close()
        self._key = bytearray(keyset.db_key)
        self._audit_key = bytearray(keyset.audit_key)
        self._generation = keyset.generation
        self._lock = lock
        # One call at a time, whichever thread makes it (the window's worker
        # thread, or its main thread locking the store).
        self._mutex = threading.RLock()
        self.user = user
        self._checklists: dict[str, Checklist] = {}
        self._head: audit_mod.AuditHead | None = None
        self._pending_head: audit_mod.AuditHead | None = None
        # False while a store opened to be verified has written nothing yet (its
        # schema not upgraded, its unlock not audited): locking it writes nothing.
        self._settled = True

    # ------------------------------------------------------------------ opening

    @classmethod
    def create(cls, data_dir: Path, username: str, password: str) -> tuple[Store, str]:
        """Create a new store with its first (administrator) account.

        Returns the store and the recovery key, to be shown once and written down.
        """
        data_dir = Path(data_dir)
        _check_password(password)
        _check_username(username)
        if store_exists(data_dir):
            raise StoreError(f"{data_dir} already holds an idcheck store; it was not changed")
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreReadOnly(f"cannot create {data_dir}: {e.strerror}") from None
        if not os.access(data_dir, os.W_OK):
            raise StoreReadOnly(f"cannot write in {data_dir}")
        lock = _take_lock(data_dir)
        ks = keys.new_keyset(1)
        try:
            engine = make_engine(data_dir / DB_NAME, bytearray(ks.db_key), create=True)
            migrate(engine, data_dir / DB_NAME, backup=lambda p: None)
            now = time.time()
            with _tx(engine) as conn:
                uid = conn.execute(
                    insert(users).values(
                        username=username, role="admin", disabled=False, created_at=now
                    )
                ).inserted_primary_key[0]  # type: ignore[index]
                for k, v in DEFAULTS.items():
                    conn.execute(insert(settings).values(key=k, value=v))
                audit_mod.append(
                    conn,
                    bytearray(ks.audit_key),
                    audit_mod.CREATED,
                    user_id=uid,
                    content=audit_mod.CONTENT_MARKER,
                )
            sf = keys.new_slot_file()
            sf.generation = ks.generation
            sf.add_user_slot(uid, username, password, [ks])
            recovery_text, recovery = keys.new_recovery_key()
            sf.set_recovery_slot(recovery, [ks])
            keys.write_slots(data_dir, sf)
        except BaseException:
            lock.release()
            raise
        return cls(data_dir, engine, ks, User(uid, username, "admin"), lock), recovery_text

    @classmethod
    def open(
        cls, data_dir: Path, username: str, password: str, *, _held: FileLock | None = None
    ) -> Store:
        """Unlock with a user's password. Raises WrongPassword (with the wait before
        the next try), TooSoon, UserDisabled, NoStore, NotAStore, StoreCorrupt,
        NewerSchema, StoreInUse, StoreReadOnly."""
        store, finish = cls._open_unwritten(data_dir, username, password, held=_held)
        finish()
        return store

    @classmethod
    def _open_unwritten(
        cls, data_dir: Path, username: str, password: str, *, held: FileLock | None = None
    ) -> tuple[Store, Callable[[], None]]:
        """Unlock without writing to the store: no schema upgrade, no finished key
        change, no audit row (see :func:`verify_store`). Call the function it
        returns to do those (on failure it locks the store)."""
        data_dir = Path(data_dir)
        copies = _read_store_copies(data_dir)
        sf = copies[0]
        _refuse_too_soon(data_dir, username, sf)
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
            delay = keys.record_failure(data_dir, username, slot.user_id if slot else None)
            raise WrongPassword("wrong user name or password", delay)
        slot, keysets = found
        store = cls._unlock(
            data_dir,
            sf,
            keysets,
            user_id=slot.user_id,
            username=slot.username,
            held=held,
            upgrade=False,
        )
        store._settled = False

        def finish() -> None:
            try:
                store._upgrade()
                # Retried at the next unlock if the disk is full or the folder read-only.
                with suppress(DiskFull, StoreReadOnly):
                    store._complete_change(sf, keysets)
                store._settled = True
                pending = keys.clear_failures(data_dir, username)
                store._audit_pending_failures(pending)
                store._audit("unlock")
                if slot.legacy:
                    # First-format slot: now that the password is known, give it a key pair.
                    store._upgrade_slot(password)
                # Retried at the next unlock if the disk is full or the folder read-only.
                with suppress(DiskFull, StoreReadOnly):
                    store._finish_revocations()
            except BaseException:
                store.lock()
                raise

        return store, finish

    @classmethod
    def open_with_recovery(cls, data_dir: Path, recovery_text: str) -> Store:
        """Unlock with the recovery key, as the first active administrator. To set a
        forgotten password (and replace the recovery key) use :meth:`recover`."""
        data_dir = Path(data_dir)
        sf, keysets = _open_recovery(data_dir, _read_store_copies(data_dir), recovery_text)
        store = cls._unlock(data_dir, sf, keysets)
        try:
            store._audit_pending_failures(keys.clear_failures(data_dir, keys.RECOVERY_NAME))
            store._audit("unlock-recovery")
        except BaseException:
            store.lock()
            raise
        return store

    @classmethod
    def recover(
        cls, data_dir: Path, username: str, recovery_text: str, new_password: str
    ) -> tuple[Store, str]:
        """A forgotten password: the recovery key opens the store, ``username`` gets
        ``new_password``, and a new recovery key replaces the old one (returned, to
        be shown once). The database key is replaced too, so neither the old
        password nor the old recovery key opens anything, even with a copy of the
        old key slots. Wrong recovery keys are delayed like wrong passwords;
        a disabled user cannot be recovered (UserDisabled)."""
        _check_password(new_password)
        data_dir = Path(data_dir)
        sf, keysets = _open_recovery(data_dir, _read_store_copies(data_dir), recovery_text)
        store = cls._unlock(data_dir, sf, keysets, username=username)
        try:
            pending = keys.clear_failures(data_dir, keys.RECOVERY_NAME)
            store._audit_pending_failures(pending)
            store._audit("unlock-recovery")
            store._audit("password-recovered", object_id=store.user.id)
            text, raw = keys.new_recovery_key()
            uid, name = store.user.id, store.user.username

            def change(sf: keys.SlotFile, current: list[keys.KeySet]) -> None:
                sf.add_user_slot(uid, name, new_password, current)
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
        sf: keys.SlotFile,
        keysets: list[keys.KeySet],
        *,
        user_id: int | None = None,
        username: str | None = None,
        held: FileLock | None = None,
        upgrade: bool = True,
    ) -> Store:
        """Open the database with the first of ``keysets`` (oldest first) it opens
        with, as ``user_id`` (whose name must be ``username``), or as ``username``,
        or as the first active administrator; upgrade its schema and finish a key
        change cut short (neither with ``upgrade=False``: nothing is written)."""
        path = data_dir / DB_NAME
        classify_file(path)
        if held is None:
            lock = _take_lock(data_dir)
        else:  # a caller that holds the store's lock already (a restore)
            lock = held
            lock.acquire()
        try:
            ks = _first_that_opens(path, keysets)
            engine = make_engine(path, bytearray(ks.db_key))
            before = (
                migrate(engine, path, backup=lambda target: _vacuum_into(engine, target))
                if upgrade
                else None
            )
            with engine.connect() as conn:
                q = select(users)
                if user_id is not None:
                    q = q.where(users.c.id == user_id)
                elif username is not None:
                    q = q.where(users.c.username == username)
                else:
                    q = q.where(users.c.role == "admin", users.c.disabled.is_(False)).order_by(
                        users.c.id
                    )
                row = conn.execute(q).first()
        except DBAPIError as e:
            lock.release()
            raise translate(e.orig or e, path) from None
        except sqlcipher.Error as e:
            lock.release()
            raise translate(e, path) from None
        except MemoryError:
            lock.release()
            raise StoreCorrupt(_DAMAGED) from None
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
        store = cls(data_dir, engine, ks, User(row.id, row.username, row.role, row.disabled), lock)
        if not upgrade:
            return store
        try:
            if before is not None:
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
        path = self.data_dir / DB_NAME
        engine = self.engine
        try:
            before = migrate(engine, path, backup=lambda target: _vacuum_into(engine, target))
        except DBAPIError as e:
            raise translate(e.orig or e, path) from None
        except sqlcipher.Error as e:
            # SQLAlchemy re-raises some driver errors unwrapped (a page that fails
            # its check while Alembic reads the schema version).
            raise translate(e, path) from None
        except MemoryError:
            raise StoreCorrupt(_DAMAGED) from None
        self._mark_content_coverage(before)

    def _mark_content_coverage(self, before: str | None) -> None:
        """A store upgraded from before content hashes gets the marker row from
        which its completions carry one (``db verify`` reports it)."""
        if before is not None and before < CONTENT_REVISION:
            with self._write() as conn:
                self._audit_row(conn, audit_mod.CONTENT_ON, content=audit_mod.CONTENT_MARKER)

    def lock(self) -> None:
        """Close the connection and wipe the key material this object holds.

        (The hexadecimal copy handed to SQLCipher at connect time is an immutable
        string the runtime frees; SQLCipher wipes its own copy on close.)
        """
        with self._mutex:
            if self._engine is None:
                return
            if self._settled:
                with suppress(StoreError):
                    self._audit("lock")
            self._engine.dispose()
            self._engine = None
            self._dbapi = None
            keys.wipe(self._key)
            keys.wipe(self._audit_key)
            self._lock.release()

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    # -------------------------------------------------------------- internals

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise StoreLocked("the store is locked")
        return self._engine

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._mutex:
            self._pending_head = None
            try:
                with _tx(self.engine, self.data_dir / DB_NAME) as conn:
                    yield conn
            except BaseException:
                self._head = None  # unknown after a failure: read it again next time
                raise
            if self._pending_head is not None:
                self._head = self._pending_head

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._mutex:
            try:
                with self.engine.connect() as conn:
                    yield conn
            except DBAPIError as e:
                raise translate(e.orig or e) from None
            except sqlcipher.Error as e:
                raise translate(e) from None
            except MemoryError:
                raise StoreCorrupt(_DAMAGED) from None

    def _audit_row(
        self, conn: Connection, action: str, content: str | None = None, **ids: int | None
    ) -> None:
        # This process holds the store's only writer lock, so the head it last
        # wrote is still the head; it is re-read after any failed transaction.
        self._pending_head = audit_mod.append(
            conn,
            self._audit_key,
            action,
            user_id=self.user.id,
            last=self._pending_head or self._head,
            content=content,
            **ids,
        )

    def _audit(self, action: str, **ids: int | None) -> None:
        with self._write() as conn:
            self._audit_row(conn, action, None, **ids)

    def _audit_pending_failures(self, pending: list[dict[str, Any]]) -> None:
        if not pending:
            return
        with self._write() as conn:
            for p in pending:
                # By the id of the account tried (none for an unknown name), never
                # by the signed-in user.
                self._pending_head = audit_mod.append(
                    conn,
                    self._audit_key,
                    str(p.get("action") or "login-failed"),
                    user_id=p.get("user_id"),
                    at=float(p["at"]),
                    last=self._pending_head or self._head,
                )

    def _require_admin(self, what: str = "do this") -> None:
        if not self.user.is_admin:
            raise NotAllowed(f"only an administrator may {what}; {self.user.username} is a worker")

    # ------------------------------------------------------------- key changes

    def _keyset(self) -> keys.KeySet:
        return keys.KeySet(self._generation, bytes(self._key), bytes(self._audit_key))

    def _rekey_db(self, ks: keys.KeySet) -> None:
        """Re-encrypt every page under ``ks`` (one transaction: a crash leaves the
        database whole under the old key or the new), drop the old key's frames
        from the journal, and reconnect with the new key."""
        path = self.data_dir / DB_NAME
        db = self._dbapi
        if db is None or self._engine is None:
            raise StoreLocked("the store is locked")
        try:
            result = db.execute(f"PRAGMA rekey = \"x'{ks.db_key.hex()}'\"").fetchall()
            if result and result[0][0] != "ok":
                raise StoreCorrupt(f"the database key could not be changed: {result[0][0]}")
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlcipher.Error as e:
            raise translate(e, path) from None
        self._engine.dispose()
        self._engine = None
        self._dbapi = None
        keys.wipe(self._key)
        self._key = bytearray(ks.db_key)
        self._generation = ks.generation
        engine = make_engine(path, self._key)
        fairy = engine.raw_connection()
        self._dbapi = fairy.driver_connection
        fairy.close()
        self._engine = engine

    def _change_key(self, change: Callable[[keys.SlotFile, list[keys.KeySet]], None]) -> KeyChange:
        """Apply ``change`` to the key slots and replace the database key, sealing
        the new one to every remaining slot; three steps, each leaving a way in
        for every remaining slot (see keys.py)."""
        with self._mutex:
            sf = keys.read_slots(self.data_dir)
            current = self._keyset()
            new = keys.new_keyset(current.generation + 1, current.audit_key)
            dropped, legacy_recovery = sf.drop_legacy()
            change(sf, [current])
            dropped = [name for name in dropped if sf.user_slot(name) is None]
            recovery_text = None
            if legacy_recovery and sf.recovery_slot() is None:
                recovery_text, raw = keys.new_recovery_key()
                sf.set_recovery_slot(raw, [current])
            sf.generation = current.generation
            sf.seal_all(new)
            keys.write_slots(self.data_dir, sf)
            self._rekey_db(new)
            sf.finish(new.generation)
            keys.write_slots(self.data_dir, sf)
        return KeyChange(recovery_text, tuple(dropped))

    def _complete_change(self, sf: keys.SlotFile, keysets: list[keys.KeySet]) -> None:
        """Finish a key change a crash cut short: re-key the database if it is still
        under the older key, then drop the older key from the slots."""
        target = sf.pending
        if target is None:
            return
        newest = next((k for k in keysets if k.generation == target), None)
        if newest is None:
            return
        with self._mutex:
            if self._generation != target:
                self._rekey_db(newest)
            sf.finish(target)
            keys.write_slots(self.data_dir, sf)

    def _upgrade_slot(self, password: str) -> None:
        """Give the signed-in user's first-format slot a key pair."""
        with self._mutex:
            sf = keys.read_slots(self.data_dir)
            sf.add_user_slot(self.user.id, self.user.username, password, [self._keyset()])
            keys.write_slots(self.data_dir, sf)

    def _finish_revocations(self) -> None:
        """A slot whose user is disabled (or unknown) in the database: a disable cut
        short before its key change. Finish it now."""
        sf = keys.read_slots(self.data_dir)
        with self._read() as conn:
            active = {
                r.id: r.username
                for r in conn.execute(select(users.c.id, users.c.username).where(~users.c.disabled))
            }
        stale = [
            s.user_id
            for s in sf.slots
            if s.kind == "user" and s.user_id is not None and active.get(s.user_id) != s.username
        ]
        if not stale:
            return

        def change(sf: keys.SlotFile, _current: list[keys.KeySet]) -> None:
            for uid in stale:
                sf.remove_user_slot(uid)

        self._change_key(change)
        self._audit("key-changed")

    # ------------------------------------------------------------------ users

    def add_user(self, username: str, password: str, role: str = "worker") -> User:
        self._require_admin("add users")
        _check_username(username)
        _check_password(password)
        if role not in ("admin", "worker"):
            raise InvalidInput(f"role must be admin or worker, not {role!r}")
        sf = keys.read_slots(self.data_dir)
        if sf.user_slot(username) is not None:
            raise InvalidInput(f"a user named {username!r} exists already")
        with self._write() as conn:
            if conn.execute(select(users.c.id).where(users.c.username == username)).first():
                raise InvalidInput(f"a user named {username!r} exists already")
            uid = conn.execute(
                insert(users).values(
                    username=username, role=role, disabled=False, created_at=time.time()
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            self._audit_row(conn, "user-added", object_id=uid)
        with self._mutex:
            sf = keys.read_slots(self.data_dir)
            sf.add_user_slot(uid, username, password, [self._keyset()])
            keys.write_slots(self.data_dir, sf)
        return User(uid, username, role)  # type: ignore[arg-type]

    def list_users(self) -> list[User]:
        """Every account (names and roles: referrals name who screened)."""
        with self._read() as conn:
            return [
                User(r.id, r.username, r.role, bool(r.disabled))
                for r in conn.execute(select(users).order_by(users.c.username))
            ]

    def set_password(self, old_password: str, new_password: str) -> None:
        """Change the signed-in user's own password: their slot gets a new key pair
        (the database key stays; the user knew it already)."""
        _check_password(new_password)
        sf = keys.read_slots(self.data_dir)
        if sf.open_user(self.user.username, old_password) is None:
            raise WrongPassword("the current password is wrong")
        # The audit row first: a crash after it and before the slot leaves a row for
        # a change not made, never a change without its row.
        self._audit("password-changed", object_id=self.user.id)
        with self._mutex:
            sf = keys.read_slots(self.data_dir)
            sf.add_user_slot(self.user.id, self.user.username, new_password, [self._keyset()])
            keys.write_slots(self.data_dir, sf)

    def reset_password(self, user_id: int, new_password: str) -> KeyChange:
        """An administrator sets a new password for a user. The user's slot gets a
        new key pair and the database key is replaced, so the old password opens
        nothing, even with a copy of the old key slots."""
        self._require_admin("reset passwords")
        _check_password(new_password)
        target = self._user(user_id)
        if target.disabled:
            raise InvalidInput(
                f"{target.username} is disabled; a disabled account gets no password"
            )
        self._audit("password-reset", object_id=target.id)

        def change(sf: keys.SlotFile, current: list[keys.KeySet]) -> None:
            sf.add_user_slot(target.id, target.username, new_password, current)

        return self._change_key(change)

    def replace_recovery_key(self) -> str:
        """A new recovery key (administrators; when the old one is lost, or may have
        been seen). The database key is replaced with it, so the old recovery key
        opens nothing, even with a copy of the old key slots. Returns the new key,
        to be shown once."""
        self._require_admin("replace the recovery key")
        self._audit("recovery-key-replaced")
        text, raw = keys.new_recovery_key()

        def change(sf: keys.SlotFile, current: list[keys.KeySet]) -> None:
            sf.set_recovery_slot(raw, current)

        self._change_key(change)
        return text

    def disable_user(self, user_id: int) -> KeyChange:
        """Disable an account: its slot is removed and the database key replaced, so
        no copy of its old slot (a backup holds one) opens the store again."""
        self._require_admin("disable users")
        target = self._user(user_id)
        if target.id == self.user.id:
            raise InvalidInput("you cannot disable your own account")
        with self._write() as conn:
            conn.execute(update(users).where(users.c.id == user_id).values(disabled=True))
            self._audit_row(conn, "user-disabled", object_id=user_id)

        def change(sf: keys.SlotFile, _current: list[keys.KeySet]) -> None:
            sf.remove_user_slot(user_id)

        return self._change_key(change)

    def _user(self, user_id: int) -> User:
        with self._read() as conn:
            r = conn.execute(select(users).where(users.c.id == user_id)).first()
        if r is None:
            raise InvalidInput(f"no user with id {user_id}")
        return User(r.id, r.username, r.role, bool(r.disabled))

    def user_by_name(self, username: str) -> User:
        with self._read() as conn:
            r = conn.execute(select(users).where(users.c.username == username)).first()
        if r is None:
            raise InvalidInput(f"no user named {username!r}")
        return User(r.id, r.username, r.role, bool(r.disabled))

    # ------------------------------------------------------------------ cases

    def create_case(self, details: CaseDetails) -> int:
        ref = details.reference.strip()
        if not ref:
            raise InvalidInput("a case needs a reference")
        check_case(details)
        now = time.time()
        with self._write() as conn:
            if conn.execute(select(cases.c.id).where(cases.c.reference == ref)).first():
                raise InvalidInput(f"a case with reference {ref!r} exists already")
            cid = conn.execute(
                insert(cases).values(
                    **_case_values(details),
                    created_at=now,
                    updated_at=now,
                    status="open",
                    created_by=self.user.id,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            for a in details.adults:
                conn.execute(
                    insert(adults).values(
                        case_id=cid, description=a.description, stated_relation=a.stated_relation
                    )
                )
            self._audit_row(conn, "case-created", case_id=cid)
        return int(cid)

    def update_case(self, case_id: int, details: CaseDetails) -> None:
        check_case(details)
        with self._write() as conn:
            self._case_row(conn, case_id)
            conn.execute(
                update(cases)
                .where(cases.c.id == case_id)
                .values(**_case_values(details), updated_at=time.time())
            )
            conn.execute(delete(adults).where(adults.c.case_id == case_id))
            for a in details.adults:
                conn.execute(
                    insert(adults).values(
                        case_id=case_id,
                        description=a.description,
                        stated_relation=a.stated_relation,
                    )
                )
            self._audit_row(conn, "case-changed", case_id=case_id)

    def close_case(self, case_id: int) -> None:
        with self._write() as conn:
            self._case_row(conn, case_id)
            conn.execute(
                update(cases)
                .where(cases.c.id == case_id)
                .values(status="closed", closed_at=time.time(), updated_at=time.time())
            )
            self._audit_row(conn, "case-closed", case_id=case_id)

    def get_case(self, case_id: int, *, audit: bool = True) -> Case:
        """One case with its details; audited as a view unless ``audit`` is False
        (a document built from it audits its own export instead)."""
        with self._write() as conn:
            r = self._case_row(conn, case_id)
            ads = tuple(
                Adult(a.description, a.stated_relation)
                for a in conn.execute(
                    select(adults).where(adults.c.case_id == case_id).order_by(adults.c.id)
                )
            )
            if audit:
                self._audit_row(conn, "case-viewed", case_id=case_id)
        return Case(r.id, _details(r, ads), r.status, r.created_at, r.updated_at, r.closed_at)

    def case_reference(self, case_id: int) -> str:
        """A case's reference only (no names, not audited): what a screen shows
        to say which case it is about."""
        with self._read() as conn:
            ref = conn.execute(select(cases.c.reference).where(cases.c.id == case_id)).scalar()
        if ref is None:
            raise InvalidInput(f"no case with id {case_id}")
        return str(ref)

    def _case_row(self, conn: Connection, case_id: int) -> Any:
        r = conn.execute(select(cases).where(cases.c.id == case_id)).first()
        if r is None:
            raise InvalidInput(f"no case with id {case_id}")
        return r

    def list_cases(
        self,
        search: str = "",
        status: str | None = None,
        outcome: str | None = None,
        since: float | None = None,
        until: float | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[CaseRow]:
        """Cases for the list, newest first; ``search`` matches reference or names
        (accents and ø/æ/å folded)."""
        n_scr = (
            select(func.count())
            .where(screenings.c.case_id == cases.c.id)
            .correlate(cases)
            .scalar_subquery()
        )
        n_draft = (
            select(func.count())
            .where(screenings.c.case_id == cases.c.id, screenings.c.status == "draft")
            .correlate(cases)
            .scalar_subquery()
        )
        last = (
            select(func.coalesce(screenings.c.decision_outcome, screenings.c.suggested_outcome))
            .where(screenings.c.case_id == cases.c.id, screenings.c.status == "completed")
            .order_by(screenings.c.completed_at.desc())
            .limit(1)
            .correlate(cases)
            .scalar_subquery()
        )
        with self._read() as conn:
            q = select(
                cases.c.id,
                cases.c.reference,
                cases.c.given_name,
                cases.c.family_name,
                cases.c.status,
                cases.c.created_at,
                cases.c.updated_at,
                n_scr.label("n"),
                n_draft.label("d"),
                last.label("last"),
                self._draft_in_danger(conn).label("danger"),
            )
            q = q.where(*self._case_filters(search, status, since, until))
            if outcome:
                q = q.where(last == outcome)
            q = q.order_by(cases.c.updated_at.desc(), cases.c.id.desc()).offset(offset)
            if limit is not None:
                q = q.limit(limit)
            return [
                CaseRow(
                    r.id,
                    r.reference,
                    r.given_name,
                    r.family_name,
                    r.status,
                    r.created_at,
                    r.updated_at,
                    r.n,
                    r.d,
                    r.last,
                    bool(r.danger),
                )
                for r in conn.execute(q)
            ]

    def _draft_in_danger(self, conn: Connection) -> Any:
        """SQL, correlated to ``cases``: true when a draft of the case holds, as
        the latest answer to an immediate-danger item, one of that item's danger
        answers. Built from the danger items of the (few) checklist texts in the
        store; the answers are read by SQL, only for the rows listed."""
        patterns: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        for sha in conn.execute(select(checklist_texts.c.sha256)).scalars():
            for item_id in self._checklist(conn, sha).item_ids():
                spec = self._checklist(conn, sha).item(item_id).danger
                if spec is not None:
                    key = (item_id, tuple(sorted(spec.answers)))
                    patterns.setdefault(key, []).append(sha)
        if not patterns:
            return literal(False)
        s = screenings.alias("danger_s")
        a = answers.alias("danger_a")
        a2 = answers.alias("danger_a2")
        latest = (
            select(func.max(a2.c.id))
            .where(a2.c.screening_id == a.c.screening_id, a2.c.item_id == a.c.item_id)
            .scalar_subquery()
        )
        values = func.json_each(a.c.value).table_valued("value")
        hits = []
        for (item_id, options), shas in patterns.items():
            hits.append(
                and_(
                    a.c.item_id == item_id,
                    s.c.checklist_sha256.in_(shas),
                    or_(
                        a.c.status.in_(options),
                        # One option, stored as a JSON string: a plain comparison.
                        a.c.value.in_([json.dumps(o, ensure_ascii=False) for o in options]),
                        # Several (multiple choice), stored as a JSON list.
                        and_(
                            a.c.value.like("[%"),
                            exists(
                                select(1).select_from(values).where(values.c.value.in_(options))
                            ),
                        ),
                    ),
                )
            )
        return exists(
            select(1)
            .select_from(s.join(a, a.c.screening_id == s.c.id))
            .where(
                s.c.case_id == cases.c.id,
                s.c.status == "draft",
                # Lets the answers index find the danger items' rows directly.
                a.c.item_id.in_(sorted({item_id for item_id, _ in patterns})),
                or_(*hits),
                a.c.id == latest,
            )
        ).correlate(cases)

    def count_cases(
        self,
        search: str = "",
        status: str | None = None,
        since: float | None = None,
        until: float | None = None,
    ) -> int:
        with self._read() as conn:
            return int(
                conn.execute(
                    select(func.count())
                    .select_from(cases)
                    .where(*self._case_filters(search, status, since, until))
                ).scalar_one()
            )

    @staticmethod
    def _case_filters(
        search: str, status: str | None, since: float | None, until: float | None
    ) -> list[Any]:
        f: list[Any] = []
        if search.strip():
            f.append(cases.c.search_key.contains(fold(search.strip()), autoescape=True))
        if status:
            f.append(cases.c.status == status)
        if since is not None:
            f.append(cases.c.created_at >= since)
        if until is not None:
            f.append(cases.c.created_at < until)
        return f

    # ------------------------------------------------------------- screenings

    def start_screening(
        self, case_id: int, checklist: Checklist, checklist_text: bytes, sha256: str
    ) -> int:
        """Start a draft screening, keeping the checklist text it is answered under."""
        import hashlib

        if hashlib.sha256(checklist_text).hexdigest() != sha256:
            raise InvalidInput("the checklist text does not match its SHA-256")
        with self._write() as conn:
            self._case_row(conn, case_id)
            known = conn.execute(
                select(checklist_texts.c.sha256).where(checklist_texts.c.sha256 == sha256)
            ).first()
            if known is None:
                conn.execute(insert(checklist_texts).values(sha256=sha256, text=checklist_text))
            sid = conn.execute(
                insert(screenings).values(
                    case_id=case_id,
                    checklist_id=checklist.id,
                    checklist_version=checklist.version,
                    checklist_sha256=sha256,
                    status="draft",
                    started_at=time.time(),
                    started_by=self.user.id,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            self._audit_row(conn, "screening-started", case_id=case_id, screening_id=sid)
        return int(sid)

    def record_answer(
        self,
        screening_id: int,
        item_id: str,
        answer: Answer,
        context: AnswerContext | None = None,
        *,
        position: str | None = None,
    ) -> int:
        """Save one answer (the newest answer to an item wins; older ones stay as
        history). Returns once the answer and its audit row are durable.
        ``position``: the item the walk moves to next, saved in the same
        transaction (one commit per answer, the place to resume included).

        Raises InvalidInput (unknown screening or item, a value the item cannot
        take), ReadOnlyRecord (completed screening), DiskFull (nothing saved;
        earlier answers intact; retry once space is freed), StoreLocked.
        """
        context = context or AnswerContext()
        if context.source is not None and context.source not in SOURCES:
            raise InvalidInput(f"unknown source {context.source!r}")
        check_context(item_id, context)
        # The hot path: statements prepared once and run on the driver's
        # connection in one IMMEDIATE transaction (SQLAlchemy's per-statement
        # work would cost as much as the commit itself).
        with self._mutex:
            db = self._dbapi
            if db is None:
                raise StoreLocked("the store is locked")
            try:
                db.execute("BEGIN IMMEDIATE")
                try:
                    s = db.execute(_SCREENING_STATE_SQL, (screening_id,)).fetchone()
                    if s is None:
                        raise InvalidInput(f"no screening with id {screening_id}")
                    case_id, status, sha = s
                    if status == "completed":
                        raise ReadOnlyRecord(
                            "this screening is completed; amend it to make changes"
                        )
                    checklist = self._checklist_raw(db, sha)
                    try:
                        item = checklist.item(item_id)
                    except KeyError:
                        raise InvalidInput(f"{checklist.ref} has no item {item_id!r}") from None
                    why = validate_answer(item, answer)
                    if why:
                        raise InvalidInput(f"{item_id}: {why}")
                    aid = db.execute(
                        _INSERT_ANSWER_SQL,
                        (
                            screening_id,
                            item_id,
                            answer.status,
                            None
                            if answer.value is None
                            else json.dumps(answer.value, ensure_ascii=False),
                            context.source,
                            context.worker_note,
                            context.child_words,
                            context.language,
                            context.interpreter_present,
                            context.interpreter,
                            context.read_back,
                            self.user.id,
                            time.time(),
                        ),
                    ).lastrowid
                    if position is not None:
                        db.execute(_SET_POSITION_SQL, (position, screening_id))
                    head = audit_mod.append_raw(
                        db,
                        self._audit_key,
                        "answer",
                        user_id=self.user.id,
                        case_id=case_id,
                        screening_id=screening_id,
                        object_id=aid,
                        last=self._head,
                    )
                    db.execute("COMMIT")
                except BaseException:
                    self._head = None
                    if db.in_transaction:
                        with suppress(sqlcipher.Error):
                            db.execute("ROLLBACK")
                    raise
            except sqlcipher.Error as e:
                raise translate(e, self.data_dir / DB_NAME) from None
            except MemoryError:
                raise StoreCorrupt(_DAMAGED) from None
            except UnicodeEncodeError:
                raise InvalidInput(_SURROGATE) from None
            self._head = head
        return int(aid)

    def set_position(self, screening_id: int, item_id: str) -> None:
        """Remember where the worker is, so a draft resumes exactly there."""
        with self._write() as conn:
            s = self._screening_row(conn, screening_id)
            if s.status == "completed":
                return
            conn.execute(
                update(screenings).where(screenings.c.id == screening_id).values(position=item_id)
            )

    def get_screening(self, screening_id: int, *, audit: bool = True) -> ScreeningRecord:
        """A whole screening with every answer; audited as a view."""
        with self._write() as conn:
            s = self._screening_row(conn, screening_id)
            rows = conn.execute(
                select(answers).where(answers.c.screening_id == screening_id).order_by(answers.c.id)
            ).all()
            amended_by = conn.execute(
                select(screenings.c.id).where(screenings.c.amends_id == screening_id)
            ).scalar()
            text = self._checklist_text(conn, s.checklist_sha256)
            pin = conn.execute(
                select(pinned_documents).where(pinned_documents.c.screening_id == screening_id)
            ).first()
            if audit:
                self._audit_row(
                    conn, "screening-viewed", case_id=s.case_id, screening_id=screening_id
                )
        history = tuple(_stored_answer(r) for r in rows)
        latest = {a.item_id: a for a in history}
        decision = None
        if s.decision_outcome is not None:
            decision = Decision(
                s.suggested_outcome or "",
                tuple(json.loads(s.fired_rules or "[]")),
                s.decision_outcome,
                s.decision_reasons or "",
            )
        return ScreeningRecord(
            id=s.id,
            case_id=s.case_id,
            checklist_id=s.checklist_id,
            checklist_version=s.checklist_version,
            checklist_sha256=s.checklist_sha256,
            checklist_text=text,
            status=s.status,
            started_at=s.started_at,
            started_by=s.started_by,
            completed_at=s.completed_at,
            # Where the worker last was; with no move recorded, the last item answered.
            position=s.position or (history[-1].item_id if history else None),
            amends_id=s.amends_id,
            amended_by=amended_by,
            decision=decision,
            decided_by=s.decided_by,
            decided_at=s.decided_at,
            answers=latest,
            history=history,
            pinned=_pinned(pin) if pin is not None else None,
        )

    def list_screenings(self, case_id: int) -> list[ScreeningRow]:
        amended = screenings.alias("amended")
        q = (
            select(screenings, amended.c.id.label("amended_by"))
            .outerjoin(amended, amended.c.amends_id == screenings.c.id)
            .where(screenings.c.case_id == case_id)
            .order_by(screenings.c.id)
        )
        with self._read() as conn:
            return [
                ScreeningRow(
                    r.id,
                    r.case_id,
                    f"{r.checklist_id}@{r.checklist_version}",
                    r.status,
                    r.started_at,
                    r.completed_at,
                    r.amends_id,
                    r.amended_by,
                    r.decision_outcome or r.suggested_outcome,
                )
                for r in conn.execute(q)
            ]

    def record_decision(self, screening_id: int, decision: Decision) -> None:
        """The professional's decision; reasons are required when it differs from the
        suggestion."""
        if decision.differs and not decision.reasons.strip():
            raise InvalidInput("give your reasons when your decision differs from the suggestion")
        why = text_too_long("the reasons for the decision", decision.reasons)
        if why:
            raise InvalidInput(why)
        with self._write() as conn:
            s = self._screening_row(conn, screening_id)
            if s.status == "completed":
                raise ReadOnlyRecord("this screening is completed; amend it to make changes")
            checklist = self._checklist(conn, s.checklist_sha256)
            known = {o.id for o in checklist.outcomes}
            if decision.decision_outcome not in known or decision.suggested_outcome not in known:
                raise InvalidInput(f"outcomes must be among {', '.join(sorted(known))}")
            conn.execute(
                update(screenings)
                .where(screenings.c.id == screening_id)
                .values(
                    suggested_outcome=decision.suggested_outcome,
                    fired_rules=json.dumps(list(decision.fired_rules)),
                    decision_outcome=decision.decision_outcome,
                    decision_reasons=decision.reasons,
                    decided_by=self.user.id,
                    decided_at=time.time(),
                )
            )
            self._audit_row(conn, "decision", case_id=s.case_id, screening_id=screening_id)

    def complete_screening(self, screening_id: int) -> None:
        """Complete a screening (a decision must be recorded); it is read-only after."""
        with self._write() as conn:
            s = self._screening_row(conn, screening_id)
            if s.status == "completed":
                raise ReadOnlyRecord("this screening is already completed")
            if s.decision_outcome is None:
                raise InvalidInput("record the professional's decision before completing")
            now = time.time()
            # The documents its referral prints, kept with it while it is still a draft
            # (the triggers refuse them once it is completed): a reprint is the same.
            conn.execute(
                insert(pinned_documents).values(
                    screening_id=screening_id,
                    case_id=s.case_id,
                    pinned_at=now,
                    **self._documents_in_use(conn, s.checklist_sha256),
                )
            )
            conn.execute(
                update(screenings)
                .where(screenings.c.id == screening_id)
                .values(status="completed", completed_at=now)
            )
            # What was completed (decision, every answer with its context, the
            # pinned documents) is hashed into the completion's audit row.
            self._audit_row(
                conn,
                audit_mod.COMPLETED,
                case_id=s.case_id,
                screening_id=screening_id,
                content=content_mod.screening_hash(conn, screening_id),
            )

    def amend_screening(self, screening_id: int) -> int:
        """A new draft linked to a completed screening, starting from its answers."""
        with self._write() as conn:
            s = self._screening_row(conn, screening_id)
            if s.status != "completed":
                raise InvalidInput("only a completed screening can be amended")
            if conn.execute(
                select(screenings.c.id).where(screenings.c.amends_id == screening_id)
            ).first():
                raise InvalidInput("this screening has been amended already; amend the newest one")
            sid = conn.execute(
                insert(screenings).values(
                    case_id=s.case_id,
                    checklist_id=s.checklist_id,
                    checklist_version=s.checklist_version,
                    checklist_sha256=s.checklist_sha256,
                    status="draft",
                    started_at=time.time(),
                    started_by=self.user.id,
                    amends_id=screening_id,
                    position=s.position,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            latest: dict[str, Any] = {}
            for r in conn.execute(
                select(answers).where(answers.c.screening_id == screening_id).order_by(answers.c.id)
            ):
                latest[r.item_id] = r
            for r in latest.values():
                values = {
                    k: getattr(r, k)
                    for k in (
                        "item_id",
                        "status",
                        "value",
                        "source",
                        "worker_note",
                        "child_words",
                        "language",
                        "interpreter_present",
                        "interpreter",
                        "read_back",
                        "answered_by",
                        "answered_at",
                    )
                }
                conn.execute(insert(answers).values(screening_id=sid, **values))
            self._audit_row(
                conn,
                "screening-amended",
                case_id=s.case_id,
                screening_id=sid,
                object_id=screening_id,
            )
        return int(sid)

    def _documents_in_use(self, conn: Connection, sha256: str) -> dict[str, str]:
        """The routes files' texts (those the checklist names, as installed), the
        contacts and the site profile in use now, as JSON columns of
        ``pinned_documents``."""
        routes = []
        for ref in self._checklist(conn, sha256).routes:
            try:
                entry = find(ref)
                text = entry.path.read_bytes()
            except (KeyError, OSError):
                continue  # the referral says which routes it could not find
            routes.append({"id": entry.id, "version": entry.version, "text": text.decode("utf-8")})
        people = _contact_rows(conn)
        site = self._site_profile(conn).as_dict()
        return {
            "routes": json.dumps(routes, ensure_ascii=False),
            "contacts": json.dumps(people, ensure_ascii=False),
            "site": json.dumps(site, ensure_ascii=False, sort_keys=True),
        }

    def _checklist_text(self, conn: Connection, sha256: str) -> bytes:
        text = conn.execute(
            select(checklist_texts.c.text).where(checklist_texts.c.sha256 == sha256)
        ).scalar()
        if text is None:
            raise StoreCorrupt(f"the checklist text {sha256[:12]} is missing from the store")
        return bytes(text)

    def _checklist_raw(self, db: Any, sha256: str) -> Checklist:
        found = self._checklists.get(sha256)
        if found is None:
            row = db.execute(
                "SELECT text FROM checklist_texts WHERE sha256 = ?", (sha256,)
            ).fetchone()
            if row is None:
                raise StoreCorrupt(f"the checklist text {sha256[:12]} is missing from the store")
            found = _stored_checklist(bytes(row[0]), sha256)
            self._checklists[sha256] = found
        return found

    def _checklist(self, conn: Connection, sha256: str) -> Checklist:
        """The checklist a screening was answered under (parsed once per store)."""
        found = self._checklists.get(sha256)
        if found is None:
            found = _stored_checklist(self._checklist_text(conn, sha256), sha256)
            self._checklists[sha256] = found
        return found

    def _screening_row(self, conn: Connection, screening_id: int) -> Any:
        r = conn.execute(select(screenings).where(screenings.c.id == screening_id)).first()
        if r is None:
            raise InvalidInput(f"no screening with id {screening_id}")
        return r

    # --------------------------------------------------------- contacts, settings

    def list_contacts(self) -> list[dict[str, str | None]]:
        """The local directory: dicts with role, name, phone, hours, note; by role."""
        with self._read() as conn:
            return _contact_rows(conn)

    def save_contacts(
        self, entries: Directory | Iterable[Contact | Mapping[str, str | None]]
    ) -> None:
        """Replace the local directory (administrators only) with a site directory
        file's contacts, or with Contact records or dicts of the same fields."""
        self._require_admin("change the contacts")
        items = entries.contacts if isinstance(entries, Directory) else entries
        rows: list[dict[str, str | None]] = []
        for e in items:
            d: Mapping[str, Any] = e.model_dump() if isinstance(e, Contact) else e
            if not d.get("role") or not d.get("name"):
                raise InvalidInput("every contact needs a role and a name")
            rows.append({k: d.get(k) for k in ("role", "name", "phone", "hours", "note")})
        with self._write() as conn:
            conn.execute(delete(contacts))
            if rows:
                conn.execute(insert(contacts), rows)
            self._audit_row(conn, "contacts-changed")

    def get_setting(self, key: str) -> str:
        with self._read() as conn:
            v = conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()
        return str(v) if v is not None else DEFAULTS.get(key, "")

    def site_profile(self) -> SiteProfile:
        """The site as set up (fields not yet set are ``""``); any signed-in user."""
        with self._read() as conn:
            return self._site_profile(conn)

    def _site_profile(self, conn: Connection) -> SiteProfile:
        rows = conn.execute(
            select(settings.c.key, settings.c.value).where(settings.c.key.in_(_SITE_KEYS))
        )
        return SiteProfile.from_dict({r.key: r.value for r in rows})

    def set_site_profile(self, profile: SiteProfile) -> None:
        """Replace the site profile (administrators only; checked, then audited
        as ``site-changed``). InvalidInput says which field is wrong."""
        self._require_admin("change the site profile")
        checked = check_profile(profile, installed_routes())
        with self._write() as conn:
            rows = checked.settings()
            conn.execute(delete(settings).where(settings.c.key.in_(list(rows))))
            conn.execute(insert(settings), [{"key": k, "value": v} for k, v in rows.items()])
            self._audit_row(conn, "site-changed")

    def set_setting(self, key: str, value: str) -> None:
        self._require_admin("change settings")
        if key in _SITE_KEYS:
            raise InvalidInput(f"{key!r} is part of the site profile; set it with the site")
        if key not in DEFAULTS:
            raise InvalidInput(f"unknown setting {key!r}")
        if key in ("idle_minutes", "retention_years") and not value.isdigit():
            raise InvalidInput(f"{key} must be a whole number")
        with self._write() as conn:
            conn.execute(delete(settings).where(settings.c.key == key))
            conn.execute(insert(settings).values(key=key, value=value))
            self._audit_row(conn, "setting-changed")

    # ------------------------------------------------------------ audit, verify

    def record_event(
        self,
        action: str,
        case_id: int | None = None,
        screening_id: int | None = None,
        object_id: int | None = None,
    ) -> str:
        """Audit an action done elsewhere (export, print, report view); returns the
        new head as ``SEQ:SHORTHASH``."""
        with self._write() as conn:
            self._audit_row(
                conn, action, case_id=case_id, screening_id=screening_id, object_id=object_id
            )
            h = audit_mod.head(conn)
        return str(h)

    def danger_acknowledgements(self, screening_id: int) -> list[tuple[float, int | None]]:
        """When, and by which user id, the immediate-danger stop of a screening was
        acknowledged in the window (its ``danger-acknowledged`` audit rows), oldest
        first. Reads only: writes no audit row."""
        with self._read() as conn:
            rows = conn.execute(
                select(audit_table.c.at, audit_table.c.user_id)
                .where(
                    audit_table.c.action == "danger-acknowledged",
                    audit_table.c.screening_id == screening_id,
                )
                .order_by(audit_table.c.seq)
            ).all()
        return [(float(r.at), r.user_id) for r in rows]

    def audit_head(self) -> audit_mod.AuditHead:
        with self._read() as conn:
            h = audit_mod.head(conn)
        assert h is not None
        return h

    def verify(self, anchor: str | None = None) -> VerifyResult:
        """SQLite's and SQLCipher's integrity checks, the protecting triggers, the
        stored checklist texts, the audit chain from the store's creation, the
        content of every completed screening against the hash in its completion
        row, and (``anchor``: ``SEQ:HASH`` from a referral) that the trail reaches
        the anchor with its hash. Writes nothing. Raises ValueError for an anchor
        that is not ``SEQ:HASH``."""
        parsed = audit_mod.AuditHead.parse(anchor) if anchor else None
        msgs: list[str] = []
        ok = True
        with self._read() as conn:
            ic = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
            if ic != ["ok"]:
                ok = False
                msgs.append("SQLite integrity check: " + "; ".join(ic[:5]))
            else:
                msgs.append("SQLite integrity check: ok")
            cic = [r[0] for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check").all()]
            if cic:
                ok = False
                msgs.append("SQLCipher page check: " + "; ".join(cic[:5]))
            else:
                msgs.append("SQLCipher page check: ok")
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            if fk:
                ok = False
                msgs.append(f"foreign keys: {len(fk)} broken reference(s)")
            triggers = check_triggers(conn)
            if triggers:
                ok = False
                msgs.append(
                    "protecting triggers: " + "; ".join(triggers) + " (completed screenings "
                    "and the audit trail were left open to change)"
                )
            else:
                msgs.append("protecting triggers: ok")
            texts = _bad_checklist_texts(conn)
            if texts:
                ok = False
                msgs.append("checklist texts: changed: " + ", ".join(t[:12] for t in texts))
            chain = audit_mod.verify_chain(conn, self._audit_key, parsed)
            covered = {
                sid: (seq, c) for sid, (seq, c) in chain.completions.items() if c is not None
            }
            problems = content_mod.check_all(conn, covered, chain.deleted_cases)
            unrecorded = [
                int(r[0])
                for r in conn.exec_driver_sql(
                    "SELECT id FROM screenings WHERE status = 'completed' ORDER BY id"
                )
                if int(r[0]) not in chain.completions
            ]
        if chain.ok:
            msgs.append(
                f"audit chain: ok, {chain.rows} rows from the store's creation, head {chain.head}"
            )
        else:
            ok = False
            msgs.append(f"audit chain: broken at row {chain.first_bad}: {chain.reason}")
        for p in problems:
            ok = False
            msgs.append(f"content: {p}")
        if chain.ok and unrecorded:
            ok = False
            msgs.append(
                "content: completed with no completion in the trail: screening(s) "
                + ", ".join(str(i) for i in unrecorded[:20])
            )
        if chain.content_from is None:
            msgs.append(
                "content: not covered (the trail holds ids only; completions carry a "
                "content hash once the store is upgraded)"
            )
        else:
            older = sum(1 for seq, c in chain.completions.values() if c is None)
            line = (
                f"content covered from row {chain.content_from}: {len(covered)} completed "
                f"screening(s) checked against their completion rows"
            )
            if older:
                line += (
                    f"; {older} completed before row {chain.content_from} are covered by ids only"
                )
            msgs.append(line)
        if parsed is not None and chain.ok:
            msgs.append(f"anchor {anchor}: the trail reaches it and matches it")
        elif parsed is None:
            msgs.append(
                "without an anchor this shows the trail is whole from the store's creation "
                "to its last row; rows cut off its end, or a trail rewritten by someone "
                "who can unlock the store, show only against an anchor printed earlier "
                "(--anchor SEQ:HASH from a referral)"
            )
        altered = tuple(p.screening_id for p in problems) + tuple(unrecorded)
        return VerifyResult(
            ok,
            tuple(msgs),
            chain.rows,
            str(chain.head) if chain.head else None,
            chain.content_from,
            altered,
        )

    # ----------------------------------------------------------- backup, retention

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
                _vacuum_into(self.engine, db_copy)
                fd, part = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
                os.close(fd)
                try:
                    with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_STORED) as z:
                        z.write(db_copy, DB_NAME)
                        for name in SLOT_FILES:
                            if (self.data_dir / name).exists():
                                z.write(self.data_dir / name, name)
                    with open(part, "rb") as f:
                        os.fsync(f.fileno())
                    os.replace(part, target)
                except BaseException:
                    Path(part).unlink(missing_ok=True)
                    raise
        except OSError as e:
            if e.errno == errno.ENOSPC:
                raise DiskFull(f"the disk is full: the backup {target} was not written") from None
            raise StoreReadOnly(f"cannot write the backup {target}: {e.strerror}") from None

    def apply_retention(self, now: float | None = None) -> list[int]:
        """Delete closed cases older than the retention setting (0 = keep all); each
        deletion is audited by id. Returns the deleted case ids."""
        self._require_admin("apply retention")
        years = int(self.get_setting("retention_years") or 0)
        if years <= 0:
            return []
        cutoff = (time.time() if now is None else now) - years * 365.25 * 86400
        with self._write() as conn:
            ids = [
                r.id
                for r in conn.execute(
                    select(cases.c.id).where(cases.c.status == "closed", cases.c.closed_at < cutoff)
                )
            ]
            for cid in ids:
                conn.execute(insert(purge).values(case_id=cid))
                conn.execute(
                    delete(answers).where(
                        answers.c.screening_id.in_(
                            select(screenings.c.id).where(screenings.c.case_id == cid)
                        )
                    )
                )
                conn.execute(delete(pinned_documents).where(pinned_documents.c.case_id == cid))
                conn.execute(
                    delete(screenings).where(
                        screenings.c.case_id == cid, screenings.c.amends_id.is_not(None)
                    )
                )
                conn.execute(delete(screenings).where(screenings.c.case_id == cid))
                conn.execute(delete(cases).where(cases.c.id == cid))
                conn.execute(delete(purge).where(purge.c.case_id == cid))
                self._audit_row(conn, "case-deleted-retention", case_id=cid)
        return ids

    # ------------------------------------------------------------------ stats

    def iter_stats(self, since: float, until: float) -> Iterator[StatRow]:
        """Completed screenings in [since, until), newest decision per screening,
        as anonymous rows (no names, references or free text). A screening whose
        amendment is completed is left out: the amendment stands for it.
        Administrators only."""
        self._require_admin("see the statistics")
        later = screenings.alias("later")
        superseded = (
            select(later.c.id)
            .where(later.c.amends_id == screenings.c.id, later.c.status == "completed")
            .exists()
        )
        q = (
            select(
                screenings.c.completed_at,
                screenings.c.checklist_sha256,
                screenings.c.checklist_id,
                screenings.c.id,
                func.coalesce(screenings.c.decision_outcome, screenings.c.suggested_outcome).label(
                    "outcome"
                ),
                cases.c.gender,
                cases.c.claimed_age,
                cases.c.assessed_age,
                cases.c.age_disputed,
                cases.c.nationality,
                cases.c.identified_by,
            )
            .join(cases, cases.c.id == screenings.c.case_id)
            .where(
                screenings.c.status == "completed",
                screenings.c.completed_at >= since,
                screenings.c.completed_at < until,
                ~superseded,
            )
            .order_by(screenings.c.id)
        )
        with self._read() as conn:
            yes = conn.execute(
                select(answers.c.screening_id, answers.c.item_id, answers.c.value, answers.c.id)
                .join(screenings, screenings.c.id == answers.c.screening_id)
                .where(
                    screenings.c.status == "completed",
                    screenings.c.completed_at >= since,
                    screenings.c.completed_at < until,
                )
                .order_by(answers.c.id)
            ).all()
            latest: dict[int, dict[str, str | None]] = {}
            for a in yes:
                latest.setdefault(a.screening_id, {})[a.item_id] = a.value
            for r in conn.execute(q):
                checklist = self._checklist(conn, r.checklist_sha256)
                forms = forms_pointed_to(
                    checklist,
                    (i for i, value in latest.get(r.id, {}).items() if value == '"yes"'),
                )
                yield StatRow(
                    r.completed_at,
                    r.gender,
                    r.claimed_age,
                    r.assessed_age,
                    bool(r.age_disputed),
                    r.nationality,
                    r.identified_by,
                    r.checklist_id,
                    r.outcome,
                    forms,
                )


# ------------------------------------------------------------------ helpers


def _contact_rows(conn: Connection) -> list[dict[str, Any]]:
    """The local directory as dicts (role, name, phone, hours, note), by role."""
    return [
        dict(r._mapping)
        for r in conn.execute(
            select(
                contacts.c.role,
                contacts.c.name,
                contacts.c.phone,
                contacts.c.hours,
                contacts.c.note,
            ).order_by(contacts.c.role, contacts.c.id)
        )
    ]


@contextmanager
def _tx(engine: Engine, path: Path | None = None) -> Iterator[Connection]:
    """One transaction; driver errors become StoreErrors with a clear message."""
    try:
        with engine.begin() as conn:
            yield conn
    except DBAPIError as e:
        raise translate(e.orig or e, path) from None
    except sqlcipher.Error as e:
        raise translate(e, path) from None
    except MemoryError:
        # SQLCipher reports a page that fails its HMAC check as SQLITE_NOMEM.
        raise StoreCorrupt(_DAMAGED) from None
    except UnicodeEncodeError:
        raise InvalidInput(_SURROGATE) from None


def _vacuum_into(engine: Engine, target: Path) -> None:
    """An encrypted, consistent copy of the database (same key), outside any
    transaction (VACUUM cannot run inside one)."""
    if target.exists():
        target.unlink()
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("VACUUM INTO ?", (str(target),))  # type: ignore[union-attr]
    except sqlcipher.Error as e:
        raise translate(e, target) from None
    finally:
        raw.close()
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _bad_checklist_texts(conn: Connection) -> list[str]:
    """Stored checklist texts whose SHA-256 is no longer their key."""
    import hashlib

    return [
        str(sha)
        for sha, text in conn.exec_driver_sql("SELECT sha256, text FROM checklist_texts")
        if hashlib.sha256(bytes(text)).hexdigest() != sha
    ]


def _take_lock(data_dir: Path) -> FileLock:
    # Not thread-local: the window opens the store on a worker thread and locks it
    # on the UI thread, and the release must count there too.
    lock = FileLock(str(data_dir / LOCK_NAME), timeout=0, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise StoreInUse("the store is open in another idcheck window or command") from None
    except PermissionError:
        raise StoreReadOnly(f"cannot write in {data_dir}") from None
    except OSError as e:
        raise StoreReadOnly(f"cannot write in {data_dir}: {e.strerror}") from None
    return lock


def _stored_checklist(text: bytes, sha256: str) -> Checklist:
    """A checklist text kept in the store, checked against its hash first: a text
    read from a damaged page is the store's damage, not a checklist error."""
    if hashlib.sha256(text).hexdigest() != sha256:
        raise StoreCorrupt(
            f"the stored checklist text {sha256[:12]} does not match its hash: {_DAMAGED}"
        )
    try:
        return load_checklist_bytes(text)
    except ChecklistError as e:
        first = e.problems[0] if e.problems else "?"
        raise StoreCorrupt(
            f"the stored checklist text {sha256[:12]} does not load: {first}"
        ) from None


def _read_store_copies(data_dir: Path) -> list[keys.SlotFile]:
    """Every valid copy of the slot file, newest first, once the folder is known to
    hold a store."""
    if not data_dir.exists() or not store_exists(data_dir):
        raise NoStore(f"there is no idcheck store in {data_dir}; create one first")
    if not (data_dir / DB_NAME).exists():
        raise NotAStore(f"{data_dir} has key slots but no database; restore a backup")
    classify_file(data_dir / DB_NAME)
    return keys.read_slot_copies(data_dir)


def _read_store_files(data_dir: Path) -> keys.SlotFile:
    return _read_store_copies(data_dir)[0]


def _refuse_too_soon(data_dir: Path, username: str, sf: keys.SlotFile | None) -> None:
    """TooSoon while the delay after failed tries runs; the refused try is queued
    for the audit trail (written at the next unlock)."""
    wait = keys.wait_remaining(data_dir, username)
    if wait > 0:
        slot = sf.user_slot(username) if sf is not None else None
        keys.record_refused(data_dir, username, slot.user_id if slot else None)
        raise TooSoon(f"too many failed tries: wait {wait:.0f} s before the next", wait)


def _open_recovery(
    data_dir: Path, copies: list[keys.SlotFile], recovery_text: str
) -> tuple[keys.SlotFile, list[keys.KeySet]]:
    """The slot file copy whose recovery slot the key opens (the newest valid one
    first, as for passwords), and the key sets it holds; wrong keys are counted
    and delayed like wrong passwords (kept across restarts)."""
    _refuse_too_soon(data_dir, keys.RECOVERY_NAME, None)
    try:
        raw = keys.parse_recovery_key(recovery_text)
    except ValueError as e:
        raise WrongPassword(str(e)) from None
    for sf in copies:
        found = sf.open_recovery(raw)
        if found is not None:
            return sf, found[1]
    delay = keys.record_failure(data_dir, keys.RECOVERY_NAME, None, "recovery-failed")
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
        raise StoreCorrupt(_DAMAGED) from None
    finally:
        conn.close()


def _first_that_opens(path: Path, keysets: list[keys.KeySet]) -> keys.KeySet:
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


def _check_password(password: str) -> None:
    if any("\ud800" <= c <= "\udfff" for c in password):
        raise InvalidInput("a password cannot hold a lone surrogate (half of a character)")
    if len(keys.normal_password(password)) < 10:
        raise InvalidInput("a password needs at least 10 characters")


def _check_username(username: str) -> None:
    if (
        not username
        or len(username) > 64
        or not username.isprintable()
        or username != username.strip()
    ):
        raise InvalidInput("a user name is 1 to 64 printable characters, no surrounding spaces")


def check_case(d: CaseDetails) -> None:
    """InvalidInput for a date of birth that is not a past date, or an unknown
    identifying agency."""
    if d.claimed_dob:
        try:
            born = dt.date.fromisoformat(d.claimed_dob)
        except ValueError:
            born = None
        if born is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.claimed_dob):
            raise InvalidInput(
                f"the date of birth {d.claimed_dob!r} is not a date; write it as YYYY-MM-DD"
            )
        if born > dt.date.today():
            raise InvalidInput(f"the date of birth {d.claimed_dob} is in the future")
    if d.identified_by and d.identified_by not in IDENTIFIED_BY:
        raise InvalidInput(
            f"unknown identifying agency {d.identified_by!r}; one of: {', '.join(IDENTIFIED_BY)}"
        )
    why = text_too_long("the case's notes", d.notes)
    if why:
        raise InvalidInput(why)


def check_context(item_id: str, context: AnswerContext) -> None:
    """InvalidInput for an answer's free text over the limit (the child's words, the
    worker's note)."""
    for what, text in (
        (f"the child's words for {item_id}", context.child_words),
        (f"the worker's note for {item_id}", context.worker_note),
    ):
        why = text_too_long(what, text)
        if why:
            raise InvalidInput(why)


def _case_values(d: CaseDetails) -> dict[str, Any]:
    names = " ".join(x for x in (d.reference, d.given_name, d.family_name) if x)
    return {
        "reference": d.reference.strip(),
        "given_name": d.given_name,
        "family_name": d.family_name,
        "search_key": fold(names),
        "claimed_dob": d.claimed_dob,
        "claimed_age": d.claimed_age,
        "assessed_age": d.assessed_age,
        "age_disputed": d.age_disputed,
        "nationality": d.nationality,
        "languages": d.languages,
        "gender": d.gender,
        "identified_by": d.identified_by,
        "notes": d.notes,
    }


def _details(r: Any, ads: tuple[Adult, ...]) -> CaseDetails:
    return CaseDetails(
        reference=r.reference,
        given_name=r.given_name,
        family_name=r.family_name,
        claimed_dob=r.claimed_dob,
        claimed_age=r.claimed_age,
        assessed_age=r.assessed_age,
        age_disputed=bool(r.age_disputed),
        nationality=r.nationality,
        languages=r.languages,
        gender=r.gender,
        identified_by=r.identified_by,
        adults=ads,
        notes=r.notes,
    )


def _pinned(r: Any) -> PinnedDocuments:
    return PinnedDocuments(
        routes=tuple(
            PinnedRoutes(x["id"], x["version"], x["text"].encode("utf-8"))
            for x in json.loads(r.routes)
        ),
        contacts=tuple(json.loads(r.contacts)),
        site=dict(json.loads(r.site)),
        pinned_at=r.pinned_at,
    )


def _stored_answer(r: Any) -> StoredAnswer:
    value = None if r.value is None else json.loads(r.value)
    return StoredAnswer(
        id=r.id,
        item_id=r.item_id,
        answer=Answer(status=r.status, value=value),
        context=AnswerContext(
            source=r.source,
            worker_note=r.worker_note,
            child_words=r.child_words,
            language=r.language,
            interpreter_present=r.interpreter_present,
            interpreter=r.interpreter,
            read_back=r.read_back,
        ),
        answered_by=r.answered_by,
        answered_at=r.answered_at,
    )


def verify_store(
    data_dir: Path, username: str, password: str, anchor: str | None = None
) -> VerifyResult:
    """``idcheck db verify``: unlock, check everything (:meth:`Store.verify`)
    before anything is written, and only when it all checks out upgrade an older
    schema and audit the unlock. A damaged or altered store is left exactly as it
    was found. Raises ValueError for a malformed anchor, StoreError as
    :meth:`Store.open`."""
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
    data_dir = Path(data_dir)
    backup_file = Path(backup_file)
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = _take_lock(data_dir)  # nobody may have the live store open meanwhile
    try:
        with tempfile.TemporaryDirectory(dir=data_dir, prefix=".restore-") as tmp:
            staged = Path(tmp) / "store"
            staged.mkdir()
            _unpack_backup(backup_file, staged)
            if not other_store:
                _refuse_other_store(data_dir, staged, backup_file)
            _refuse_too_soon(data_dir, username, None)
            try:
                probe, finish = Store._open_unwritten(staged, username, password)
            except TooSoon:
                raise
            except WrongPassword:
                # Counted against the live store, as at its own unlock: a backup
                # is no way round the delay after failed tries.
                delay = keys.record_failure(data_dir, username, None)
                raise WrongPassword("wrong user name or password", delay) from None
            try:
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
            revoked = _require_live_admin(data_dir, username, password, lock)
            kept = _keep_revoked(staged, username, password, revoked)
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
        live = keys.read_slots(data_dir).store_id
    except StoreError:
        return  # unreadable key slots: a restore is what such a store needs
    theirs = keys.read_slots(staged).store_id
    if theirs != live:
        raise OtherStore(
            f"{backup_file.name} is a backup of another store (store id {theirs[:8]}), not of "
            f"the store in {data_dir} (store id {live[:8]}): restoring it would replace every "
            "case here with that store's. Nothing was replaced",
            theirs,
            live,
        )


def _require_live_admin(data_dir: Path, username: str, password: str, held: FileLock) -> set[str]:
    """Refuse a restore by anyone but an administrator of the live store, and
    return the names of the users disabled there. A live store too damaged to
    open (what a restore is for) is left to the backup's own check."""
    if not store_exists(data_dir):
        return set()
    try:
        live = Store.open(data_dir, username, password, _held=held)
    except (StoreCorrupt, NotAStore, NoStore, NewerSchema):
        return set()
    try:
        live._require_admin("restore a backup")
        return {u.username for u in live.list_users() if u.disabled}
    finally:
        live.lock()


def _keep_revoked(staged: Path, username: str, password: str, revoked: set[str]) -> list[str]:
    """A backup from before a user was disabled must not let them back in: disable
    them again in the checked copy (which replaces their slot's key) before it is
    swapped in. Returns the names disabled."""
    if not revoked:
        return []
    store = Store.open(staged, username, password)
    kept: list[str] = []
    try:
        for u in store.list_users():
            if u.username in revoked and not u.disabled:
                store.disable_user(u.id)
                kept.append(u.username)
    finally:
        store.lock()
    return kept


#: Largest key slot file read from a backup (a real one is a few KiB).
MAX_SLOT_BYTES = 1024 * 1024


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
    keys._fsync_dir(data_dir)
