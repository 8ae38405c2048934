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

import hashlib
import hmac
import json
import time
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Connection, bindparam, select

from idcheck.store import followup_content as followup_mod
from idcheck.store.schema import audit, driver_sql

GENESIS = "0" * 64
SHORT = 12
#: The first row of every trail.
CREATED = "store-created"
#: The action of the row that records a screening's completion.
COMPLETED = "screening-completed"
#: Written once when a store of an older schema is upgraded to content hashes.
CONTENT_ON = "audit-content-on"
#: The content of a store's creation row (new stores) or of the CONTENT_ON row:
#: from this row on, every completion carries a content hash.
CONTENT_MARKER = "content-v1"
#: The same from revision 0012, when every write of a follow-up record carries
#: its hash too (followed by the highest id of each kind then; see
#: :mod:`idcheck.store.followup_content`).
FOLLOWUP_MARKER = followup_mod.MARKER


def audit_key(db_key: bytes | bytearray) -> bytearray:
    """The chain's HMAC key, derived from the database key (a mutable buffer, so
    the store can wipe it at lock)."""
    return bytearray(HKDF(hashes.SHA256(), 32, None, b"idcheck audit chain").derive(bytes(db_key)))


# One encoder for every row (as json.dumps(sort_keys=True, separators=(",", ":"))
# but without building an encoder per call: verify hashes every row).
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"))


def canonical(row: dict[str, Any]) -> bytes:
    fields = {
        k: row.get(k)
        for k in ("seq", "at", "user_id", "action", "case_id", "screening_id", "object_id")
    }
    # Rows without content hash exactly as before content hashes existed.
    if row.get("content") is not None:
        fields["content"] = row["content"]
    return _CANONICAL.encode(fields).encode("utf-8")


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


@dataclass(frozen=True, slots=True)
class ChainResult:
    ok: bool
    rows: int
    head: AuditHead | None
    #: The sequence number of the first row that does not check out, and why.
    first_bad: int | None = None
    reason: str = ""
    #: The row from which completions carry a content hash (None: none do).
    content_from: int | None = None
    #: screening id -> (the row that completed it, its content hash or None).
    completions: dict[int, tuple[int, str | None]] = field(default_factory=dict)
    #: case id -> the row that recorded its deletion by retention.
    deleted_cases: dict[int, int] = field(default_factory=dict)
    #: The row from which every write of a follow-up record carries its hash
    #: (None: none do), and the highest id of each kind written before it.
    followup_from: int | None = None
    followup_known: dict[str, int] | None = None
    #: kind -> record id -> the newest row that wrote it (seq, content, case id).
    followup: dict[str, dict[int, followup_mod.Written]] = field(default_factory=dict)


_BATCH = 4096

_CHAIN_SQL = (
    "SELECT seq, at, user_id, action, case_id, screening_id, object_id, prev_hash, hash, "
    "content FROM audit ORDER BY seq"
)
_CHAIN_SQL_BEFORE_CONTENT = (  # schema revisions before 0005
    "SELECT seq, at, user_id, action, case_id, screening_id, object_id, prev_hash, hash, "
    "NULL FROM audit ORDER BY seq"
)
_INT_OR_NONE = frozenset({int, type(None)})
_JSON_STR = json.encoder.encode_basestring_ascii
_ROW_SQL = (
    "SELECT seq, at, user_id, action, case_id, screening_id, object_id, {content} "
    "FROM audit WHERE seq = ?"
)


def _pads(key: bytes | bytearray) -> tuple[Any, Any]:
    """HMAC-SHA256 (RFC 2104) under ``key``: the inner and outer hashes with the
    padded key's block already fed, to be copied for each message."""
    block = bytes(key) if len(key) <= 64 else hashlib.sha256(key).digest()
    block = block.ljust(64, b"\0")
    return (
        hashlib.sha256(bytes(b ^ 0x36 for b in block)),
        hashlib.sha256(bytes(b ^ 0x5C for b in block)),
    )


def _row_checks(
    raw: Any, key: bytes | bytearray, prev: str, seq: int, stored: Any, has_content: bool
) -> bool:
    """One row's HMAC checked through :func:`canonical` itself (the form it was
    written in), for a row the fast spelling did not match or could not spell."""
    r = raw.execute(_ROW_SQL.format(content="content" if has_content else "NULL"), (seq,))
    values = r.fetchone()
    if values is None:
        return False
    row = dict(zip((*_COLUMNS, "content"), values, strict=True))
    try:
        expected = row_hash(key, str(prev), row)
    except (TypeError, ValueError, UnicodeError):  # a value no written row holds
        return False
    return hmac.compare_digest(expected.encode("ascii"), str(stored).encode("utf-8", "replace"))


_COLUMNS = ("seq", "at", "user_id", "action", "case_id", "screening_id", "object_id")


def verify_chain(
    conn: Connection, key: bytes | bytearray, anchor: AuditHead | None = None
) -> ChainResult:
    """Check every row's link and HMAC, that the trail starts with the store's
    creation, and (with ``anchor``) that it reaches the anchor's row with the
    anchor's hash. Reads only; works on every schema revision (before 0005 the
    rows have no content column)."""
    has_content = any(
        r[1] == "content" for r in conn.exec_driver_sql("PRAGMA table_info(audit)").all()
    )
    prev = GENESIS
    expected_seq = 1
    n = 0
    content_from: int | None = None
    completions: dict[int, tuple[int, str | None]] = {}
    deleted: dict[int, int] = {}
    followup_from: int | None = None
    known: dict[str, int] | None = None
    written: dict[str, dict[int, followup_mod.Written]] = {k: {} for k in followup_mod.KINDS}
    kinds = followup_mod.ACTIONS

    def result(ok: bool, seq: int | None, reason: str, last: AuditHead | None) -> ChainResult:
        return ChainResult(
            ok,
            n,
            last,
            seq,
            reason,
            content_from,
            completions,
            deleted,
            followup_from,
            known,
            written,
        )

    def bad(seq: int | None, reason: str) -> ChainResult:
        # The last row that checked out.
        return result(
            False, seq, reason, AuditHead(expected_seq - 1, prev) if expected_seq > 1 else None
        )

    inner, outer = _pads(key)
    # The driver's cursor, fetched in batches: the trail can be millions of rows.
    raw = conn.connection.driver_connection
    cursor = raw.execute(_CHAIN_SQL if has_content else _CHAIN_SQL_BEFORE_CONTENT)  # type: ignore[union-attr]
    while batch := cursor.fetchmany(_BATCH):
        for seq, at, uid, action, case_id, sid, oid, prev_hash, h, content in batch:
            n += 1
            if seq != expected_seq:
                return bad(expected_seq, f"row {expected_seq} is missing (next row is {seq})")
            if prev_hash != prev:
                return bad(seq, "does not link to the row before it")
            # The row's HMAC message, ``prev|canonical(row)``, spelled out: the
            # keys in sorted order, as json.dumps writes each value. Only for the
            # types the store writes; any other value goes through canonical().
            if (
                type(at) is float
                and type(action) is str
                and type(uid) in _INT_OR_NONE
                and type(case_id) in _INT_OR_NONE
                and type(sid) in _INT_OR_NONE
                and type(oid) in _INT_OR_NONE
                and (content is None or type(content) is str)
            ):
                message = (
                    f'{prev}|{{"action":{_JSON_STR(action)},"at":{at!r},"case_id":'
                    f"{'null' if case_id is None else case_id},"
                    + ("" if content is None else f'"content":{_JSON_STR(content)},')
                    + f'"object_id":{"null" if oid is None else oid},'
                    f'"screening_id":{"null" if sid is None else sid},'
                    f'"seq":{seq},"user_id":{"null" if uid is None else uid}}}'
                )
                mac = inner.copy()
                mac.update(message.encode("utf-8", "surrogatepass"))
                outer_mac = outer.copy()
                outer_mac.update(mac.digest())
                good = outer_mac.hexdigest() == h  # (the stored hash is no secret)
            else:
                good = False
            if not good and not _row_checks(raw, key, prev, seq, h, has_content):
                return bad(seq, "its content or hash was altered")
            if seq == 1 and action != CREATED:
                return bad(
                    1,
                    "the trail does not start with the store's creation: "
                    "rows were removed from its start or it was replaced",
                )
            if action == COMPLETED:
                if sid is not None:
                    if content_from is not None and content is None:
                        return bad(seq, "a completion without its content hash")
                    completions[int(sid)] = (seq, content)
            elif (kind := kinds.get(action)) is not None:
                if oid is not None:
                    if followup_from is not None and content is None:
                        return bad(seq, "a follow-up record written without its content hash")
                    written[kind][int(oid)] = (seq, content, case_id)
            elif action == "case-deleted-retention":
                if case_id is not None:
                    deleted[int(case_id)] = seq
            elif action in (CREATED, CONTENT_ON) and content is not None:
                if content_from is None and (
                    content == CONTENT_MARKER or content.startswith(FOLLOWUP_MARKER)
                ):
                    content_from = seq
                if followup_from is None:
                    known = followup_mod.parse_marker(content)
                    if known is not None:
                        followup_from = seq
            prev = h
            expected_seq += 1
    last = AuditHead(expected_seq - 1, prev) if expected_seq > 1 else None
    if n == 0:
        return bad(1, "the trail is empty: every store's trail starts with its creation row")
    if anchor is not None:
        if last is None or last.seq < anchor.seq:
            have = 0 if last is None else last.seq
            return bad(
                have + 1,
                f"the trail ends at row {have}, before the anchor {anchor.seq}: rows were cut off",
            )
        at_anchor = conn.execute(select(audit.c.hash).where(audit.c.seq == anchor.seq)).scalar()
        if at_anchor is None or not str(at_anchor).startswith(anchor.hash):
            return bad(anchor.seq, "does not match the anchor")
    return result(True, None, "", last)
