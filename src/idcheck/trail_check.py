"""The audit trail's row-by-row check (every row's link and HMAC), importable
without the store's stack (SQLAlchemy, the schema, the models): ``db verify``
runs it in a process of its own (:func:`main`), beside the content and SQLite
checks, and that process must start in a few tens of milliseconds. The trail's
form is described in :mod:`idcheck.store.audit`, which re-exports what is here.

Standard library and the SQLCipher driver only.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sys
from dataclasses import dataclass, field
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

#: The launcher's flag for the checking process (not a command for people).
FLAG = "--trail-check-process"

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
#: its hash too (followed by `` kind=highest id`` for each kind that had records
#: then; see :mod:`idcheck.store.followup_content`).
FOLLOWUP_MARKER = "content-v2"
#: The kinds of follow-up record.
KINDS = ("task", "referral", "plan", "missing", "note")
#: Audit action -> the kind of follow-up record it writes (the row's object_id
#: is its id).
ACTIONS: dict[str, str] = {
    "task-added": "task",
    "task-done": "task",
    "task-not-needed": "task",
    "task-reopened": "task",
    "task-assigned": "task",
    "task-retimed": "task",
    "task-edited": "task",
    "task-imported": "task",
    "referral-added": "referral",
    "referral-state": "referral",
    "referral-edited": "referral",
    "referral-imported": "referral",
    "plan-saved": "plan",
    "plan-imported": "plan",
    "missing-added": "missing",
    "missing-found": "missing",
    "missing-changed": "missing",
    "missing-imported": "missing",
    "note-added": "note",
    "first-contact-changed": "note",
    "note-imported": "note",
}
#: The newest audit row that wrote a record: (its seq, its content hash or None,
#: its case id).
Written = tuple[int, str | None, int | None]


def parse_marker(content: str) -> dict[str, int] | None:
    """The highest ids a follow-up marker's content holds, or None for content
    that is no follow-up marker."""
    words = content.split(" ")
    if words[0] != FOLLOWUP_MARKER:
        return None
    known: dict[str, int] = {}
    for w in words[1:]:
        kind, _, top = w.partition("=")
        if kind in KINDS and top.isdigit():
            known[kind] = int(top)
    return known


# One encoder for every row (as json.dumps(sort_keys=True, separators=(",", ":"))
# but without building an encoder per call: verify hashes every row).
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"))
_COLUMNS = ("seq", "at", "user_id", "action", "case_id", "screening_id", "object_id")


def canonical(row: dict[str, Any]) -> bytes:
    fields = {k: row.get(k) for k in _COLUMNS}
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
    followup: dict[str, dict[int, Written]] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(
            {
                "ok": self.ok,
                "rows": self.rows,
                "head": None if self.head is None else [self.head.seq, self.head.hash],
                "first_bad": self.first_bad,
                "reason": self.reason,
                "content_from": self.content_from,
                "completions": [[k, *v] for k, v in self.completions.items()],
                "deleted_cases": [[k, v] for k, v in self.deleted_cases.items()],
                "followup_from": self.followup_from,
                "followup_known": self.followup_known,
                "followup": {k: [[i, *w] for i, w in v.items()] for k, v in self.followup.items()},
            }
        )

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ChainResult:
        """From :meth:`to_json`'s JSON, loaded."""
        head = d["head"]
        return cls(
            bool(d["ok"]),
            int(d["rows"]),
            None if head is None else AuditHead(int(head[0]), str(head[1])),
            d["first_bad"],
            str(d["reason"]),
            d["content_from"],
            {int(s): (int(q), c) for s, q, c in d["completions"]},
            {int(c): int(q) for c, q in d["deleted_cases"]},
            d["followup_from"],
            d["followup_known"],
            {k: {int(i): (int(q), c, cid) for i, q, c, cid in v} for k, v in d["followup"].items()},
        )


_BATCH = 4096
_CHAIN_SQL = (
    "SELECT seq, at, user_id, action, case_id, screening_id, object_id, prev_hash, hash, "
    "{content} FROM audit{upto} ORDER BY seq"
)
_INT_OR_NONE = frozenset({int, type(None)})
_RETENTION = "case-deleted-retention"
#: The actions whose rows the content checks need.
_NOTED = frozenset({COMPLETED, _RETENTION, CREATED, CONTENT_ON, *ACTIONS})
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


def has_content_column(raw: Any) -> bool:
    """Whether the trail's rows have their content column (revision 0005 on)."""
    return any(r[1] == "content" for r in raw.execute("PRAGMA table_info(audit)").fetchall())


def check_rows(raw: Any, key: bytes | bytearray, upto: int | None = None) -> ChainResult:
    """Check every row's link and HMAC (up to row ``upto`` when given), and that
    the trail starts with the store's creation, on the driver's connection
    ``raw``; collect what the content checks need. Reads only; works on every
    schema revision (before 0005 the rows have no content column)."""
    has_content = has_content_column(raw)
    prev = GENESIS
    expected_seq = 1
    n = 0
    content_from: int | None = None
    completions: dict[int, tuple[int, str | None]] = {}
    deleted: dict[int, int] = {}
    followup_from: int | None = None
    known: dict[str, int] | None = None
    written: dict[str, dict[int, Written]] = {k: {} for k in KINDS}
    kinds = ACTIONS

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
    # Fetched in batches: the trail can be millions of rows.
    sql = _CHAIN_SQL.format(
        content="content" if has_content else "NULL",
        upto="" if upto is None else " WHERE seq <= ?",
    )
    cursor = raw.execute(sql, () if upto is None else (upto,))
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
            if action in _NOTED:  # (most rows are not: a view, an answer, a login)
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
                elif action == _RETENTION:
                    if case_id is not None:
                        deleted[int(case_id)] = seq
                elif content is not None:  # CREATED or CONTENT_ON
                    if content_from is None and (
                        content == CONTENT_MARKER or content.startswith(FOLLOWUP_MARKER)
                    ):
                        content_from = seq
                    if followup_from is None:
                        known = parse_marker(content)
                        if known is not None:
                            followup_from = seq
            prev = h
            expected_seq += 1
    if n == 0:
        return bad(1, "the trail is empty: every store's trail starts with its creation row")
    return result(True, None, "", AuditHead(expected_seq - 1, prev))


def main() -> int:
    """The checking process: reads one JSON line from standard input (the
    store's file, its database key and the chain's key in hex, the last row to
    check), writes the :class:`ChainResult` as JSON to standard output. The keys
    travel through the pipe only: never an argument, the environment or a file."""
    request = json.loads(sys.stdin.readline())
    db_key = bytearray.fromhex(request.pop("db_key"))
    mac_key = bytearray.fromhex(request.pop("mac_key"))
    try:
        conn = sqlcipher.connect(request["path"], timeout=5, isolation_level=None)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = \"x'{db_key.hex()}'\"")
            conn.execute("PRAGMA query_only = ON")
            conn.execute("BEGIN")
            found = check_rows(conn, mac_key, request["upto"])
        finally:
            conn.close()
    except Exception as e:  # reported to the parent, which checks in its own process
        out = json.dumps({"error": f"{type(e).__name__}: {e}"})
    else:
        out = found.to_json()
    finally:
        for buf in (db_key, mac_key):
            buf[:] = bytes(len(buf))
    sys.stdout.write(out)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
