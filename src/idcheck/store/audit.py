"""The audit trail: one row per view, change, export, print, backup, login and
lock, written in the same transaction as what it records, holding ids only.

Rows are chained: each row's hash is an HMAC-SHA256, keyed from the database
key, over the previous row's hash and the row's own canonical content. Editing,
deleting, inserting or reordering any row breaks the chain from that row on;
cutting rows off the end is caught by comparing with an anchor (the head's
sequence number and short hash, printed on every referral summary).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Connection, select

from idcheck.store.schema import audit

GENESIS = "0" * 64
SHORT = 12


def audit_key(db_key: bytes | bytearray) -> bytearray:
    """The chain's HMAC key, derived from the database key (a mutable buffer, so
    the store can wipe it at lock)."""
    return bytearray(HKDF(hashes.SHA256(), 32, None, b"idcheck audit chain").derive(bytes(db_key)))


def canonical(row: dict[str, Any]) -> bytes:
    fields = {
        k: row.get(k)
        for k in ("seq", "at", "user_id", "action", "case_id", "screening_id", "object_id")
    }
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("utf-8")


def row_hash(key: bytes | bytearray, prev_hash: str, row: dict[str, Any]) -> str:
    return hmac.new(
        key, prev_hash.encode("ascii") + b"|" + canonical(row), hashlib.sha256
    ).hexdigest()


@dataclass(frozen=True, slots=True)
class AuditHead:
    """The newest row: printed on reports so a paper copy anchors the trail."""

    seq: int
    hash: str

    @property
    def short(self) -> str:
        return self.hash[:SHORT]

    def __str__(self) -> str:
        return f"{self.seq}:{self.short}"

    @classmethod
    def parse(cls, text: str) -> AuditHead:
        """``SEQ:HASH`` (a short hash is enough)."""
        seq, _, h = text.partition(":")
        if not seq.isdigit() or len(h) < 8 or any(c not in "0123456789abcdef" for c in h):
            raise ValueError(f"not an audit anchor (SEQ:HASH): {text!r}")
        return cls(int(seq), h)


_LAST = select(audit.c.seq, audit.c.hash).order_by(audit.c.seq.desc()).limit(1)
_INSERT = audit.insert()
_LAST_SQL = "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"
_INSERT_SQL = (
    "INSERT INTO audit (seq, at, user_id, action, case_id, screening_id, object_id, "
    "prev_hash, hash) VALUES (:seq, :at, :user_id, :action, :case_id, :screening_id, "
    ":object_id, :prev_hash, :hash)"
)


def _next_row(
    key: bytes | bytearray,
    last: AuditHead | None,
    action: str,
    user_id: int | None,
    case_id: int | None,
    screening_id: int | None,
    object_id: int | None,
    at: float | None,
) -> tuple[dict[str, Any], AuditHead]:
    seq = 1 if last is None else last.seq + 1
    prev = GENESIS if last is None else last.hash
    row: dict[str, Any] = {
        "seq": seq,
        "at": round(time.time() if at is None else at, 6),
        "user_id": user_id,
        "action": action,
        "case_id": case_id,
        "screening_id": screening_id,
        "object_id": object_id,
    }
    h = row_hash(key, prev, row)
    return {**row, "prev_hash": prev, "hash": h}, AuditHead(seq, h)


def append(
    conn: Connection,
    key: bytes | bytearray,
    action: str,
    user_id: int | None = None,
    case_id: int | None = None,
    screening_id: int | None = None,
    object_id: int | None = None,
    at: float | None = None,
    last: AuditHead | None = None,
) -> AuditHead:
    """Add one row inside the caller's transaction; return the new head.

    ``last`` is the head the caller knows to be current (the store holds the only
    writer lock); without it the head is read from the table.
    """
    if last is None:
        found = conn.execute(_LAST).first()
        last = None if found is None else AuditHead(found.seq, found.hash)
    row, new_head = _next_row(key, last, action, user_id, case_id, screening_id, object_id, at)
    conn.execute(_INSERT, row)
    return new_head


def append_raw(
    dbapi_conn: Any,
    key: bytes | bytearray,
    action: str,
    user_id: int | None = None,
    case_id: int | None = None,
    screening_id: int | None = None,
    object_id: int | None = None,
    last: AuditHead | None = None,
) -> AuditHead:
    """As :func:`append`, on the driver's connection (the answer-save path, where
    building SQL through SQLAlchemy would cost more than the commit)."""
    if last is None:
        found = dbapi_conn.execute(_LAST_SQL).fetchone()
        last = None if found is None else AuditHead(int(found[0]), str(found[1]))
    row, new_head = _next_row(key, last, action, user_id, case_id, screening_id, object_id, None)
    dbapi_conn.execute(_INSERT_SQL, row)
    return new_head


def head(conn: Connection) -> AuditHead | None:
    last = conn.execute(
        select(audit.c.seq, audit.c.hash).order_by(audit.c.seq.desc()).limit(1)
    ).first()
    return None if last is None else AuditHead(last.seq, last.hash)


@dataclass(frozen=True, slots=True)
class ChainResult:
    ok: bool
    rows: int
    head: AuditHead | None
    #: The sequence number of the first row that does not check out, and why.
    first_bad: int | None = None
    reason: str = ""


def verify_chain(
    conn: Connection, key: bytes | bytearray, anchor: AuditHead | None = None
) -> ChainResult:
    prev = GENESIS
    expected_seq = 1
    n = 0
    last: AuditHead | None = None
    for r in conn.execute(select(audit).order_by(audit.c.seq)).mappings():
        n += 1
        row = dict(r)
        if row["seq"] != expected_seq:
            return ChainResult(
                False,
                n,
                last,
                expected_seq,
                f"row {expected_seq} is missing (next row is {row['seq']})",
            )
        if row["prev_hash"] != prev:
            return ChainResult(False, n, last, row["seq"], "does not link to the row before it")
        if not hmac.compare_digest(row_hash(key, prev, row), row["hash"]):
            return ChainResult(False, n, last, row["seq"], "its content or hash was altered")
        prev = row["hash"]
        last = AuditHead(row["seq"], row["hash"])
        expected_seq += 1
    if anchor is not None:
        if last is None or last.seq < anchor.seq:
            have = 0 if last is None else last.seq
            return ChainResult(
                False,
                n,
                last,
                have + 1,
                f"the trail ends at row {have}, before the anchor {anchor.seq}: rows were cut off",
            )
        at_anchor = conn.execute(select(audit.c.hash).where(audit.c.seq == anchor.seq)).scalar()
        if at_anchor is None or not str(at_anchor).startswith(anchor.hash):
            return ChainResult(False, n, last, anchor.seq, "does not match the anchor")
    return ChainResult(True, n, last)
