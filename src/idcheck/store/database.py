"""Opening the SQLCipher file: the engine, the key, the pragmas, migrations.

One connection per store (SQLite serialises writers anyway, and the window
calls the store from one worker thread at a time). The raw 256-bit key is sent
with ``PRAGMA key = "x'…'"`` so SQLCipher's own passphrase KDF is skipped; the
required pragmas are set and then read back, and the store refuses to open if
any is not as required.
"""

from __future__ import annotations

import contextlib
import functools
import re
import shutil
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import StaticPool

if TYPE_CHECKING:
    from alembic.config import Config

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

from idcheck.store.errors import (
    DiskFull,
    NewerSchema,
    NotAStore,
    ReadOnlyRecord,
    StoreCorrupt,
    StoreInUse,
    StoreReadOnly,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"

#: pragma -> the value it must read back as.
REQUIRED_PRAGMAS: dict[str, Any] = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
    "temp_store": 2,  # MEMORY
}


def alembic_config() -> Config:
    from alembic.config import Config  # alembic only where a schema is changed

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


_REVISION = re.compile(r"^(down_)?revision = (?:\"(\w+)\"|None)", re.MULTILINE)


@functools.cache
def _chain() -> dict[str, str | None]:
    """Each migration's revision and the one it revises, read from the files'
    ``revision = "…"`` / ``down_revision = "…"`` lines: what opening a store
    needs to know, without loading alembic (a third of a second)."""
    chain: dict[str, str | None] = {}
    for f in sorted((MIGRATIONS / "versions").glob("[0-9]*.py")):
        found = {bool(m.group(1)): m.group(2) for m in _REVISION.finditer(f.read_text("utf-8"))}
        rev = found.get(False)
        if rev is not None:
            chain[rev] = found.get(True)
    return chain


def head_revision() -> str:
    chain = _chain()
    heads = set(chain) - {down for down in chain.values() if down}
    assert len(heads) == 1, f"the migrations have {len(heads)} heads: {sorted(heads)}"
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_chain())


def classify_file(path: Path) -> None:
    """Refuse, with a message saying what it is, a file that cannot be a store."""
    try:
        st = path.stat()
        size = st.st_size
        if not stat.S_ISREG(st.st_mode):
            # A FIFO would block the open below, a device never ends.
            raise NotAStore(f"{path} is not a regular file: not an idcheck store")
        with path.open("rb") as f:
            head = f.read(16)
    except FileNotFoundError:
        raise NotAStore(f"{path} does not exist") from None
    except PermissionError as e:
        raise StoreReadOnly(f"cannot read {path}: {e.strerror}") from None
    if size == 0:
        raise NotAStore(f"{path} is empty: not an idcheck store")
    if head == SQLITE_MAGIC:
        raise NotAStore(f"{path} is a plain, unencrypted SQLite file: not an idcheck store")
    if head[:3] == b"\xff\xd8\xff":
        raise NotAStore(f"{path} is a JPEG picture: not an idcheck store")
    if size % 1024 != 0 or size < 4096:
        raise NotAStore(f"{path} is not an idcheck store (its size fits no encrypted database)")


def _keyed_engine(path: Path, key: bytearray, *, query_only: bool = False) -> Engine:
    """An engine of one connection to the file, keyed raw (no pragmas checked)."""
    hexkey = key.hex()

    def connect() -> sqlcipher.Connection:
        conn = sqlcipher.connect(
            str(path), timeout=0.5, check_same_thread=False, isolation_level=None
        )
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{hexkey}'\"")
        if query_only:
            conn.execute("PRAGMA query_only = ON")
        return conn

    return create_engine("sqlite://", creator=connect, poolclass=StaticPool, future=True)


def make_engine(path: Path, key: bytearray, *, create: bool = False) -> Engine:
    """An engine on the encrypted file, keyed and checked; raises StoreError."""
    engine = _keyed_engine(path, key)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        try:
            cur.execute("SELECT count(*) FROM sqlite_master").fetchall()
            cur.execute("PRAGMA journal_mode = WAL").fetchall()
            cur.execute("PRAGMA synchronous = FULL")
            cur.execute("PRAGMA foreign_keys = ON")
            cur.execute("PRAGMA temp_store = MEMORY")
            cur.execute("PRAGMA secure_delete = ON")
        finally:
            cur.close()

    # SQLAlchemy's pysqlite begin handling: emit BEGIN ourselves so every
    # transaction is explicit (the driver runs in autocommit mode).
    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with engine.connect() as conn:
            check_pragmas(conn)
    except sqlcipher.DatabaseError as e:
        engine.dispose()
        raise translate(e, path) from None
    except MemoryError:
        engine.dispose()
        raise StoreCorrupt(f"the store ({path}) is damaged (a page fails its check)") from None
    return engine


def reader_engine(path: Path, key: bytearray) -> Engine:
    """A second, read-only engine on an open store's file (its own connection),
    for checks that run beside the store's own connection (``db verify``'s
    whole-file checks, on another thread). Dispose of it after use."""
    return _keyed_engine(path, key, query_only=True)


def check_pragmas(conn: Any) -> None:
    for name, wanted in REQUIRED_PRAGMAS.items():
        got = conn.exec_driver_sql(f"PRAGMA {name}").scalar()
        if isinstance(wanted, str):
            got = str(got).lower()
        if got != wanted:
            raise StoreCorrupt(f"PRAGMA {name} is {got!r}, required {wanted!r}; refusing to open")


def translate(e: BaseException, path: Path | None = None) -> Exception:
    """A driver error as a StoreError with a message for people."""
    msg = str(e).lower()
    where = f" ({path})" if path is not None else ""
    if "completed screening is read-only" in msg or "append-only" in msg or "never changed" in msg:
        return ReadOnlyRecord(str(e))
    if "file is not a database" in msg or "not a database" in msg:
        return StoreCorrupt(
            f"the store{where} does not open with its key: it is damaged or was replaced; "
            "restore a backup"
        )
    if "database or disk is full" in msg or "disk is full" in msg:
        return DiskFull(
            "the disk is full: the last change was not saved (earlier ones are intact); "
            "free some space and try again"
        )
    if "readonly" in msg or "read-only" in msg or "attempt to write a readonly" in msg:
        return StoreReadOnly(f"the store{where} cannot be written (read-only folder or file)")
    if "locked" in msg or "busy" in msg:
        return StoreInUse(f"the store{where} is in use by another idcheck window or command")
    if "malformed" in msg or "corrupt" in msg or "hmac" in msg:
        return StoreCorrupt(f"the store{where} is damaged: {e}; restore a backup")
    if "disk i/o" in msg and path is not None and out_of_room(path):
        return DiskFull(
            "the disk is full (or the file size limit is reached): the last change was not "
            "saved (earlier ones are intact); free some space and try again"
        )
    if "unable to open" in msg or "disk i/o" in msg:
        return StoreReadOnly(f"the store{where} cannot be opened for writing: {e}")
    return StoreCorrupt(f"the store{where} failed: {e}")


def out_of_room(path: Path) -> bool:
    """Whether a failed write next to ``path`` was for lack of room: almost no free
    space left, or the database or its journal at the process's file-size limit
    (SQLite reports those as I/O errors, not as a full disk)."""
    try:
        if shutil.disk_usage(path.parent).free < 64 * 1024:
            return True
    except OSError:
        pass
    if resource is None:
        return False
    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    if soft == resource.RLIM_INFINITY:
        return False
    for f in (path, path.with_name(path.name + "-wal")):
        with contextlib.suppress(OSError):
            if f.stat().st_size + 64 * 1024 > soft:
                return True
    return False


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return revision_in(conn)


def revision_in(conn: Any) -> str | None:
    """The schema revision a store's connection is at (None: a new, empty store)."""
    if not conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).first():
        return None
    rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    if len(rows) > 1:
        raise StoreCorrupt("the store names more than one schema revision: restore a backup")
    return str(rows[0][0]) if rows else None


def refuse_newer(engine: Engine, then: str) -> str | None:
    """The store's schema revision; NewerSchema (saying ``then``) when a newer
    idcheck wrote it: a revision this one does not know."""
    rev = current_revision(engine)
    if rev is not None and rev != head_revision() and rev not in known_revisions():
        raise NewerSchema(f"this store was written by a newer idcheck (schema {rev}); {then}")
    return rev


def migrate(engine: Engine, path: Path, backup: Any) -> str | None:
    """Bring the schema to head; refuse (untouched) a store from a newer idcheck.

    Before any upgrade of an existing store, ``backup(path)`` makes a copy.
    Returns the revision an existing store was upgraded from (None when nothing
    was upgraded, or the store is new).
    """
    from alembic import command

    rev = refuse_newer(engine, "update idcheck to open it. The store was not changed")
    head = head_revision()
    if rev == head:
        return None
    if rev is not None:
        backup(path.with_name(f"{path.name}.before-{head}.bak"))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return rev


#: The revision from which audit rows can carry a content hash.
CONTENT_REVISION = "0005"
#: The revision from which every write of a follow-up record carries its hash.
FOLLOWUP_CONTENT_REVISION = "0012"


@functools.lru_cache(maxsize=8)
def expected_triggers(revision: str) -> dict[str, str]:
    """The triggers a store of ``revision`` has: name -> SQL, as the migrations
    up to it create them (run once on an empty in-memory database)."""
    from alembic import command

    engine = create_engine("sqlite://", poolclass=StaticPool)
    try:
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            rows = conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            ).all()
    finally:
        engine.dispose()
    return {str(name): _normal_sql(sql) for name, sql in rows}


def _normal_sql(sql: Any) -> str:
    return " ".join(str(sql).split())


def check_triggers(conn: Any) -> list[str]:
    """What is wrong with the triggers that keep completed screenings and the
    audit trail read-only: one line per missing, changed or unknown trigger."""
    rev = revision_in(conn)
    if rev is None or rev not in known_revisions():
        return [f"the schema revision {rev!r} is not one this idcheck knows"]
    wanted = expected_triggers(rev)
    found = {
        str(name): _normal_sql(sql)
        for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).all()
    }
    problems = [f"trigger {n} is missing" for n in sorted(wanted.keys() - found.keys())]
    problems += [
        f"trigger {n} was changed"
        for n in sorted(wanted.keys() & found.keys())
        if wanted[n] != found[n]
    ]
    problems += [
        f"trigger {n} is not one of idcheck's" for n in sorted(found.keys() - wanted.keys())
    ]
    return problems
