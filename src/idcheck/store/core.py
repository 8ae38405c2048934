"""What every part of the store shares: the engine, the signed-in user, the key
material, and the one way anything is written.

Every write goes through :meth:`StoreCore._write`: one ``BEGIN IMMEDIATE``
transaction on the store's one connection, in which the change and its audit
row (:meth:`StoreCore._audit_row`, the only way a row is appended) are
committed together; it returns after the commit (WAL, ``synchronous=FULL``).
Driver errors become StoreErrors with a message for people. Reads go through
:meth:`StoreCore._read`. Calls are made one at a time, whichever thread makes
them (the window's worker thread, or its main thread locking the store).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

import sqlcipher3.dbapi2 as sqlcipher
from filelock import FileLock, Timeout
from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import DBAPIError

from idcheck.checklist import Checklist, ChecklistError, load_checklist_bytes
from idcheck.checklist.loader import cached_checklist
from idcheck.files import fsync_path, is_disk_full
from idcheck.paths import DB_NAME
from idcheck.store import audit as audit_mod
from idcheck.store import followup_content as followup_mod
from idcheck.store.database import translate
from idcheck.store.errors import (
    DiskFull,
    InvalidInput,
    NotAllowed,
    StoreCorrupt,
    StoreError,
    StoreInUse,
    StoreLocked,
    StoreReadOnly,
)
from idcheck.store.keys import KdfParams, KeySet, wipe
from idcheck.store.outputs import LOCK_NAME
from idcheck.store.records import User
from idcheck.store.schema import checklist_texts

#: A text with half of a UTF-16 pair (a lone surrogate) cannot be stored as UTF-8.
SURROGATE = (
    "a text given holds a lone surrogate (half of a character), which is not text; "
    "nothing was saved"
)
DAMAGED = "the store is damaged (a page fails its check); restore a backup"


@dataclass(frozen=True, slots=True)
class KeyChange:
    """What a change of the database key leaves for an administrator to do: a new
    recovery key to show once (when the old one was of the first slot format and
    could not take the new key), and users whose first-format slots were dropped
    (their passwords must be reset)."""

    recovery_key: str | None = None
    reset_needed: tuple[str, ...] = ()


class _SignedIn:
    """The user id of an audit row: the signed-in user's."""


SIGNED_IN = _SignedIn()


class StoreCore:
    """An unlocked store's shared state; the concerns (accounts, cases,
    screenings, the site, backup, audit) build on it and :class:`Store` joins them."""

    def __init__(
        self,
        data_dir: Path,
        engine: Engine,
        keyset: KeySet,
        user: User,
        lock: FileLock,
        kdf: KdfParams,
    ) -> None:
        self.data_dir = data_dir
        self._engine: Engine | None = engine
        self._key = bytearray(keyset.db_key)
        self._audit_key = bytearray(keyset.audit_key)
        self._generation = keyset.generation
        self._lock = lock
        #: The argon2id cost of the key slots this store makes (new users, new
        #: passwords); opening reads each slot's own cost from the slot file.
        self.kdf = kdf
        # One call at a time, whichever thread makes it.
        self._mutex = threading.RLock()
        self.user = user
        self._head: audit_mod.AuditHead | None = None
        self._pending_head: audit_mod.AuditHead | None = None
        # False while a store opened to be verified has written nothing yet (its
        # schema not upgraded, its unlock not audited): locking it writes nothing.
        self._settled = True

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise StoreLocked("the store is locked")
        return self._engine

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_NAME

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

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
            wipe(self._key)
            wipe(self._audit_key)
            self._lock.release()

    # ------------------------------------------------------------ transactions

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One transaction with its audit rows; the audit head is known after it."""
        with self._mutex:
            self._pending_head = None
            try:
                with transaction(self.engine, self.db_path) as conn:
                    yield conn
            except BaseException:
                self._head = None  # unknown after a failure: read it again next time
                raise
            if self._pending_head is not None:
                self._head = self._pending_head

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._mutex, driver_errors(), self.engine.connect() as conn:
            yield conn

    def _audit_row(
        self,
        conn: Connection,
        action: str,
        content: str | None = None,
        *,
        by: int | _SignedIn | None = SIGNED_IN,
        at: float | None = None,
        **ids: int | None,
    ) -> None:
        """Append one audit row inside ``conn``'s transaction (the only way a row
        is appended). ``by``: the user id recorded (the signed-in user unless
        given; ``None`` for an unknown name)."""
        # This process holds the store's only writer lock, so the head it last
        # wrote is still the head; it is re-read after any failed transaction.
        self._pending_head = audit_mod.append(
            conn,
            self._audit_key,
            action,
            user_id=self.user.id if isinstance(by, _SignedIn) else by,
            at=at,
            last=self._pending_head or self._head,
            content=content,
            **ids,
        )

    def _audit_record(
        self, conn: Connection, action: str, *, case_id: int, object_id: int, **ids: int | None
    ) -> None:
        """The audit row of a write of a follow-up record (``action`` names its
        kind, ``object_id`` is its id), with the hash of the record as written."""
        kind = followup_mod.ACTIONS[action]
        self._audit_row(
            conn,
            action,
            followup_mod.record_hash(conn, kind, object_id),
            case_id=case_id,
            object_id=object_id,
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
                uid = p.get("user_id")
                self._audit_row(
                    conn,
                    str(p.get("action") or "login-failed"),
                    by=uid if isinstance(uid, int) else None,
                    at=float(p["at"]),
                )

    def _require_admin(self, what: str = "do this") -> None:
        if not self.user.is_admin:
            raise NotAllowed(f"only an administrator may {what}; {self.user.username} is a worker")

    def _keyset(self) -> KeySet:
        return KeySet(self._generation, bytes(self._key), bytes(self._audit_key))

    # -------------------------------------------------------------- checklists

    def _checklist(self, conn: Connection, sha256: str) -> Checklist:
        """The checklist a screening was answered under (:func:`checklist_in`)."""
        return checklist_in(conn, sha256)

    def _checklist_text(self, conn: Connection, sha256: str) -> bytes:
        return checklist_text_in(conn, sha256)


def checklist_in(conn: Connection, sha256: str) -> Checklist:
    """The checklist a screening was answered under, from the checklist loader's
    one cache (by SHA-256); its text is read from the store only the first time
    in a process."""
    found = cached_checklist(sha256)
    if found is None:
        found = stored_checklist(checklist_text_in(conn, sha256), sha256)
    return found


def checklist_text_in(conn: Connection, sha256: str) -> bytes:
    """A checklist text kept in the store, or StoreCorrupt."""
    text = conn.execute(
        select(checklist_texts.c.text).where(checklist_texts.c.sha256 == sha256)
    ).scalar()
    if text is None:
        raise StoreCorrupt(f"the checklist text {sha256[:12]} is missing from the store")
    return bytes(text)


@contextmanager
def driver_errors(path: Path | None = None) -> Iterator[None]:
    """The one translation of what the driver raises into StoreErrors with a
    clear message: SQLAlchemy's wrapped errors, the driver's own (SQLAlchemy
    re-raises some unwrapped, such as a page that fails its check while Alembic
    reads the schema version), and SQLITE_NOMEM, which is how SQLCipher reports
    a page that fails its HMAC check."""
    try:
        yield
    except DBAPIError as e:
        raise translate(e.orig or e, path) from None
    except sqlcipher.Error as e:
        raise translate(e, path) from None
    except MemoryError:
        raise StoreCorrupt(DAMAGED) from None


@contextmanager
def transaction(engine: Engine, path: Path | None = None) -> Iterator[Connection]:
    """One transaction; driver errors become StoreErrors with a clear message."""
    with driver_errors(path):
        try:
            with engine.begin() as conn:
                yield conn
        except UnicodeEncodeError:
            raise InvalidInput(SURROGATE) from None


def stored_checklist(text: bytes, sha256: str) -> Checklist:
    """A checklist text kept in the store, checked against its hash first: a text
    read from a damaged page is the store's damage, not a checklist error."""
    if hashlib.sha256(text).hexdigest() != sha256:
        raise StoreCorrupt(
            f"the stored checklist text {sha256[:12]} does not match its hash: {DAMAGED}"
        )
    try:
        return load_checklist_bytes(text)
    except ChecklistError as e:
        first = e.problems[0] if e.problems else "?"
        raise StoreCorrupt(
            f"the stored checklist text {sha256[:12]} does not load: {first}"
        ) from None


def vacuum_into(engine: Engine, target: Path) -> None:
    """An encrypted, consistent copy of the database (same key), outside any
    transaction (VACUUM cannot run inside one, so on the driver's connection)."""
    if target.exists():
        target.unlink()
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("VACUUM INTO ?", (str(target),))  # type: ignore[union-attr]
    except sqlcipher.Error as e:
        raise translate(e, target) from None
    finally:
        raw.close()
    try:
        fsync_path(target)
    except OSError as e:
        raise os_error(e, f"the copy {target} was not written") from None


def os_error(e: OSError, what: str) -> StoreError:
    """An OSError from writing a file as the store's DiskFull or StoreReadOnly."""
    if is_disk_full(e):
        return DiskFull(f"the disk is full: {what}; free some space and try again")
    return StoreReadOnly(f"{what}: {e.strerror}")


def take_lock(data_dir: Path) -> FileLock:
    """The store's writer lock (one process at a time), or StoreInUse."""
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
