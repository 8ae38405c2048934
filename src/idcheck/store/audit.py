"""The audit trail: one row per view, change, export, print, backup, login and
lock, written in the same transaction as what it records, holding ids only.

Rows are chained: each row's hash is an HMAC-SHA256, keyed from the database
key, over the previous row's hash and the row's own canonical content. Editing,
deleting, inserting or reordering any row breaks the chain from that row on;
cutting rows off the end is caught by comparing with an anchor (the head's
sequence number and short hash, printed on every referral summary).

A row may also carry a content hash (``content``, inside the HMAC): the row
that records a screening's completion holds the SHA-256 of what was completed
(see :mod:`idcheck.store.content`), so an answer edited afterwards no longer
matches its row. Rows written before content hashes existed have none and hash
as they always did; the first row that does (the store's creation, or the
marker written when an older store is upgraded) says from where completions are
covered.

What the chain cannot prove: every key slot opens the chain's key with the
database key, so anyone who can unlock the store could rewrite the whole trail
consistently.
Only an anchor kept outside the store (printed on paper) proves the trail up to
that row; without one, a verify shows that the trail is whole from the store's
creation to its last row, not that rows were not cut off the end or rewritten
by a key holder.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Connection, bindparam, select

from idcheck.store.schema import audit, driver_sql
from idcheck.trail_check import (
    COMPLETED,
    CONTENT_MARKER,
    CONTENT_ON,
    CREATED,
    FOLLOWUP_MARKER,
    GENESIS,
    SHORT,
    AuditHead,
    ChainResult,
    canonical,
    check_rows,
    row_hash,
)

__all__ = [
    "COMPLETED",
    "CONTENT_MARKER",
    "CONTENT_ON",
    "CREATED",
    "FOLLOWUP_MARKER",
    "GENESIS",
    "SHORT",
    "AuditHead",
    "ChainResult",
    "append",
    "audit_key",
    "canonical",
    "check_anchor",
    "head",
    "row_hash",
    "verify_chain",
]


def audit_key(db_key: bytes | bytearray) -> bytearray:
    """The chain's HMAC key, derived from the database key (a mutable buffer, so
    the store can wipe it at lock)."""
    return bytearray(HKDF(hashes.SHA256(), 32, None, b"idcheck audit chain").derive(bytes(db_key)))


_LAST = select(audit.c.seq, audit.c.hash).order_by(audit.c.seq.desc()).limit(1)
# Run on the driver's cursor inside the caller's transaction: every write appends
# a row, and SQLAlchemy Core's work per statement cost more than SQLCipher's.
_INSERT = audit.insert().values({c.name: bindparam(c.name) for c in audit.c})
_INSERT_SQL, _INSERT_ORDER = driver_sql(_INSERT)


def _next_row(
    key: bytes | bytearray,
    last: AuditHead | None,
    action: str,
    user_id: int | None,
    case_id: int | None,
    screening_id: int | None,
    object_id: int | None,
    at: float | None,
    content: str | None = None,
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
        "content": content,
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
    content: str | None = None,
) -> AuditHead:
    """Add one row inside the caller's transaction; return the new head.

    ``last`` is the head the caller knows to be current (the store holds the only
    writer lock); without it the head is read from the table.
    """
    if last is None:
        found = conn.execute(_LAST).first()
        last = None if found is None else AuditHead(found.seq, found.hash)
    row, new_head = _next_row(
        key, last, action, user_id, case_id, screening_id, object_id, at, content
    )
    conn.connection.cursor().execute(_INSERT_SQL, [row[c] for c in _INSERT_ORDER])
    return new_head


def head(conn: Connection) -> AuditHead | None:
    last = conn.execute(
        select(audit.c.seq, audit.c.hash).order_by(audit.c.seq.desc()).limit(1)
    ).first()
    return None if last is None else AuditHead(last.seq, last.hash)


def verify_chain(
    conn: Connection, key: bytes | bytearray, anchor: AuditHead | None = None
) -> ChainResult:
    """Check every row's link and HMAC, that the trail starts with the store's
    creation, and (with ``anchor``) that it reaches the anchor's row with the
    anchor's hash. Reads only; works on every schema revision (before 0005 the
    rows have no content column)."""
    return check_anchor(conn, check_rows(conn.connection.driver_connection, key), anchor)


def check_anchor(conn: Connection, found: ChainResult, anchor: AuditHead | None) -> ChainResult:
    """``found`` as it stands against ``anchor``: the trail must reach the
    anchor's row, and that row hold the anchor's hash."""
    if anchor is None or not found.ok:
        return found
    last = found.head
    if last is None or last.seq < anchor.seq:
        have = 0 if last is None else last.seq
        return replace(
            found,
            ok=False,
            first_bad=have + 1,
            reason=(
                f"the trail ends at row {have}, before the anchor {anchor.seq}: rows were cut off"
            ),
        )
    at_anchor = conn.execute(select(audit.c.hash).where(audit.c.seq == anchor.seq)).scalar()
    if at_anchor is None or not str(at_anchor).startswith(anchor.hash):
        return replace(found, ok=False, first_bad=anchor.seq, reason="does not match the anchor")
    return found
