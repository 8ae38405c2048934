"""The content hash of a follow-up record, kept in the audit row of every write
of it (migration 0012), and ``db verify``'s check of it.

A record is a task (with the link to the referral or plan version it follows,
and its changes after saving, migration 0013); a referral with its state
history and its changes; a plan version with its
entries; a missing episode; a case note (a change of first contact is a note
too). Each write of one (added, edited, finished, reopened, assigned, re-timed,
a state moved, found, merged from a shared case's package) appends an audit row whose
``object_id`` is the record's id and whose ``content`` is the SHA-256 of the
record as that write left it, inside the row's HMAC. The newest such row of a
record therefore says what the record is now: a due time, a reason, a plan
entry or a note changed behind the store no longer matches it, a record
deleted behind the store is named by its row, and a record no row names was
added behind the store.

Written and checked through the same SQL (the columns spelled out, not read
from the schema: a column added later must not change the hash of a record
written before it), each part as ``repr`` of its tuple, as
:mod:`idcheck.store.content` hashes a completed screening.

Records written before this revision have audit rows with ids only. The row
that marks where follow-up hashing starts (the store's creation, or the marker
written when an older store is upgraded) holds the highest id of each kind at
that moment (:func:`marker`), so a record with no row at all is told apart:
within those ids it was written before content hashing (a shared case merged
before then wrote no row of its own), beyond them it was added behind the store.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection

from idcheck.trail_check import ACTIONS, FOLLOWUP_MARKER, KINDS, Written, parse_marker

__all__ = ["ACTIONS", "KINDS", "MARKER", "Written", "parse_marker"]

#: The hash as written (the same form as a completion's).
PREFIX = "sha256r:"
#: The content of the row from which follow-up records carry a hash (followed by
#: `` kind=highest id`` for each kind that had records then).
MARKER = FOLLOWUP_MARKER

#: How a verify line names each kind.
NAMES: dict[str, str] = {
    "task": "task",
    "referral": "referral",
    "plan": "plan version",
    "missing": "missing episode",
    "note": "case note",
}

#: The action of a record's row when a shared case's package wrote it.
IMPORTED: dict[str, str] = {kind: f"{kind}-imported" for kind in KINDS}

_TABLES: dict[str, str] = {
    "task": "tasks",
    "referral": "referral_records",
    "plan": "plans",
    "missing": "missing_episodes",
    "note": "case_notes",
}
_TOP: dict[str, str] = {
    "task": "SELECT max(id) FROM tasks",
    "referral": "SELECT max(id) FROM referral_records",
    "plan": "SELECT max(id) FROM plans",
    "missing": "SELECT max(id) FROM missing_episodes",
    "note": "SELECT max(id) FROM case_notes",
}
# Spelled out (see the module's note); the record's id first.
_SQL: dict[str, str] = {
    "task": (
        "SELECT id, case_id, screening_id, what, role, contact, assignee_id, due_at, note, "
        "clock, status, reason, done_by, done_at, created_by, created_at, source, uid FROM tasks"
    ),
    "referral": (
        "SELECT id, case_id, recipient, method, sent_at, follow_up_on, note, state, "
        "created_by, created_at, uid FROM referral_records"
    ),
    "plan": (
        "SELECT id, case_id, version, next_review_on, saved_by, saved_at, summary, uid FROM plans"
    ),
    "missing": (
        "SELECT id, case_id, missing_at, last_seen_where, reported_at, reported_by, "
        "police_reference, found_at, found_where, interview_at, interview_by, note, "
        "recorded_by, recorded_at, uid FROM missing_episodes"
    ),
    "note": 'SELECT id, case_id, kind, text, value, "by", at, uid FROM case_notes',
}
#: The rows a record holds besides its own, in hashing order: (part name, SQL
#: with the record's id first, the column naming the record, the table). A
#: record with no rows of a part hashes as it did before the part existed.
_PARTS: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "task": (
        (
            "link",
            "SELECT task_id, id, referral_id, plan_id FROM task_links",
            "task_id",
            "task_links",
        ),
        (
            "change",
            'SELECT task_id, id, field, old_text, new_text, old_at, new_at, reason, "by", at '
            "FROM followup_changes",
            "task_id",
            "followup_changes",
        ),
    ),
    "referral": (
        (
            "state",
            'SELECT referral_id, id, state, at, "by", reason, uid FROM referral_states',
            "referral_id",
            "referral_states",
        ),
        (
            "change",
            'SELECT referral_id, id, field, old_text, new_text, old_at, new_at, reason, "by", at '
            "FROM followup_changes",
            "referral_id",
            "followup_changes",
        ),
    ),
    "plan": (
        (
            "entry",
            "SELECT plan_id, id, position, need, goal, measures, responsible, review_on "
            "FROM plan_entries",
            "plan_id",
            "plan_entries",
        ),
    ),
}


def _part(kind: str, values: Iterable[Any]) -> bytes:
    # As content._part: repr of a tuple of str, int, float and None.
    return repr((kind, *values)).encode("utf-8", "surrogatepass") + b"\n"


def record_hash(conn: Connection, kind: str, record_id: int) -> str:
    """The content hash of one record as it stands (inside the caller's
    transaction, after its write)."""
    h = hashlib.sha256()
    row = conn.exec_driver_sql(_SQL[kind] + " WHERE id = ?", (record_id,)).first()
    if row is None:
        raise KeyError((kind, record_id))
    h.update(_part(kind, row))
    for name, sql, parent, _table in _PARTS.get(kind, ()):
        for r in conn.exec_driver_sql(f"{sql} WHERE {parent} = ? ORDER BY id", (record_id,)):
            h.update(_part(name, r))
    return PREFIX + h.hexdigest()


def marker(conn: Connection) -> str:
    """The marker's content: :data:`MARKER` with the highest id of each kind now."""
    parts = [MARKER]
    for kind in KINDS:
        top = conn.exec_driver_sql(_TOP[kind]).scalar()
        if top:
            parts.append(f"{kind}={int(top)}")
    return " ".join(parts)


@dataclass(frozen=True, slots=True)
class RecordProblem:
    kind: str
    record_id: int
    seq: int | None
    reason: str

    @property
    def name(self) -> str:
        return f"{NAMES[self.kind]} {self.record_id}"

    def __str__(self) -> str:
        where = f" (written at row {self.seq})" if self.seq is not None else ""
        return f"{self.name}{where}: {self.reason}"


CHANGED = (
    "changed after it was written: its text, times or state differ from the hash in its audit row"
)
GONE = "it is missing from the store (deleted behind it)"
ADDED = "no audit row wrote it: it was added behind the store"


@dataclass
class Coverage:
    """What the follow-up check found."""

    problems: list[RecordProblem] = field(default_factory=list)
    #: Records checked against the hash in their newest audit row.
    checked: int = 0
    #: Records written before content hashing (by kind): covered by ids only.
    older: dict[str, list[int]] = field(default_factory=dict)


def check_all(
    conn: Connection,
    written: Mapping[str, Mapping[int, Written]],
    known: Mapping[str, int] | None,
    deleted_cases: Mapping[int, int],
) -> Coverage:
    """Recompute every follow-up record's hash (one pass over each table) and
    name each record that differs from the newest audit row that wrote it, each
    one a row wrote that is gone (unless retention deleted its case after it),
    and each one no row wrote beyond the ids ``known`` at the marker (``known``
    None: a store whose follow-up is not hashed yet, every record by ids only)."""
    out = Coverage()
    tables = {
        str(r[0])
        for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    raw = conn.connection.driver_connection
    for kind in KINDS:
        if _TABLES[kind] not in tables:
            continue  # a store from before the follow-up (verified before its upgrade)
        rows = written.get(kind, {})
        digests = _read_digests(raw, kind, tables)
        older: list[int] = []
        for rid, (seq, content, case_id) in rows.items():
            digest = digests.get(rid)
            if digest is None:
                gone_at = deleted_cases.get(case_id) if case_id is not None else None
                if gone_at is None or gone_at < seq:
                    out.problems.append(RecordProblem(kind, rid, seq, GONE))
            elif content is None:
                older.append(rid)
            else:
                out.checked += 1
                if digest != content:
                    out.problems.append(RecordProblem(kind, rid, seq, CHANGED))
        top = None if known is None else known.get(kind, 0)
        for rid in digests.keys() - rows.keys():
            if top is not None and rid > top:
                out.problems.append(RecordProblem(kind, rid, None, ADDED))
            else:
                older.append(rid)
        if older:
            out.older[kind] = sorted(older)
    out.problems.sort(key=lambda p: (KINDS.index(p.kind), p.record_id))
    return out


def _read_digests(raw: Any, kind: str, tables: set[str]) -> dict[int, str]:
    """:func:`_digests`; text that is not UTF-8 (written behind the store: the
    store writes only text) is read again with its bad bytes kept as lone
    surrogates, so the record is named as changed rather than the check failing."""
    try:
        return _digests(raw, kind, tables)
    except sqlcipher.OperationalError as e:
        if "decode" not in str(e):
            raise
    before = raw.text_factory
    raw.text_factory = _lenient
    try:
        return _digests(raw, kind, tables)
    finally:
        raw.text_factory = before


def _lenient(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


def _digests(raw: Any, kind: str, tables: set[str]) -> dict[int, str]:
    """Record id -> its content hash, for every record of ``kind`` (a part whose
    table the store has not yet, before its upgrade, has no rows)."""
    sha256 = hashlib.sha256
    # A record's own rows, each part's rows in turn (by id): read first, as most
    # records (a task without changes or a link) have none and hash at once.
    extra: dict[int, list[bytes]] = {}
    for name, sql, parent, table in _PARTS.get(kind, ()):
        if table not in tables:
            continue
        children = raw.execute(f"{sql} WHERE {parent} IS NOT NULL ORDER BY {parent}, id")
        while batch := children.fetchmany(4096):
            for row in batch:
                extra.setdefault(row[0], []).append(_part(name, row))
    cursor = raw.execute(_SQL[kind])
    batches = iter(lambda: cursor.fetchmany(4096), [])

    def with_parts(row: Any) -> str:
        h = sha256(_part(kind, row))
        for more in extra[row[0]]:
            h.update(more)
        return PREFIX + h.hexdigest()

    # _part() spelled inline: one line a record, hashed at once. (A part of no
    # record: the foreign key check names it.)
    return {
        row[0]: with_parts(row)
        if row[0] in extra
        else PREFIX
        + sha256(repr((kind, *row)).encode("utf-8", "surrogatepass") + b"\n").hexdigest()
        for batch in batches
        for row in batch
    }
