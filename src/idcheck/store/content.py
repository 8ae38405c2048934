"""The content hash of a completed screening, kept in the audit row that records
its completion (migration 0005).

The hash covers everything a completed screening is: its row (checklist and
its SHA-256, who started it and when, the amendment link, the suggestion, the
fired rules, the professional's decision, reasons, who decided and when, when
it was completed), every answer ever given in it in order with all its context
(status, value, source, the worker's note, the child's own words, language,
interpreter, read back, who answered and when), and the documents pinned with
it (routes, contacts, site profile).

Written and checked through the same SQL, so the values hash the same: an
answer edited after the protecting triggers were dropped no longer matches the
hash inside its completion row's HMAC.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection

from idcheck.store import pinned as pinned_mod

#: The hash as written now: SHA-256 over each part's repr, the pinned routes
#: text in it by the SHA-256 of its UTF-8 bytes. (The text is the same for
#: thousands of screenings: a verify hashes it once, not once a screening; a
#: changed text still changes the hash of every screening that pinned it.)
PREFIX = "sha256t:"
#: The second form: each part's repr, the pinned routes text in full. Still checked.
PREFIX_REPR = "sha256r:"
#: The first form (each part as JSON), written by the first release of content
#: hashes; still checked.
PREFIX_JSON = "sha256:"
#: The form a completion is hashed in now (the older ones only to make stores as
#: earlier releases did, for the tests that check such stores still verify).
WRITTEN = PREFIX

# Spelled out, not built from the schema: a column added later must not change
# the hash of a screening completed before it.
_SCREENING_SQL = (
    "SELECT id, case_id, checklist_id, checklist_version, checklist_sha256, status, "
    "started_at, started_by, completed_at, amends_id, suggested_outcome, fired_rules, "
    "decision_outcome, decision_reasons, decided_by, decided_at FROM screenings"
)
_ANSWERS_SQL = (
    "SELECT id, screening_id, item_id, status, value, source, worker_note, child_words, "
    "language, interpreter_present, interpreter, read_back, answered_by, answered_at "
    "FROM answers"
)


#: The answers as hash_all reads them: each row as its part's tuple.
_ANSWERS_PARTS_SQL = "SELECT 'answer', " + _ANSWERS_SQL.removeprefix("SELECT ") + " ORDER BY id"
_SCREENING_OF = itemgetter(2)

_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _part_json(kind: str, values: Iterable[Any]) -> bytes:
    return _JSON.encode([kind, *values]).encode("utf-8") + b"\n"


def _part(kind: str, values: Iterable[Any]) -> bytes:
    # repr of a tuple of str, int, float and None: unambiguous and stable (floats
    # print their shortest round-trip form), and several times cheaper than JSON
    # over the hundreds of thousands of answers a verify reads.
    return repr((kind, *values)).encode("utf-8") + b"\n"


def _text_sha(text: str) -> str:
    """How the current form spells a pinned routes text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def screening_hash(conn: Connection, screening_id: int, form: str | None = None) -> str:
    """The content hash of one screening as it stands (inside the caller's
    transaction, after its completion is written), in ``form`` (a prefix; the
    form written now by default)."""
    form = WRITTEN if form is None else form
    part = _part_json if form == PREFIX_JSON else _part
    h = hashlib.sha256()
    row = conn.exec_driver_sql(_SCREENING_SQL + " WHERE id = ?", (screening_id,)).first()
    if row is None:
        raise KeyError(screening_id)
    h.update(part("screening", row))
    for a in conn.exec_driver_sql(
        _ANSWERS_SQL + " WHERE screening_id = ? ORDER BY id", (screening_id,)
    ):
        h.update(part("answer", a))
    pin = conn.exec_driver_sql(
        pinned_mod.PINNED_SQL + " WHERE p.screening_id = ?", (screening_id,)
    ).first()
    if pin is not None:
        values = tuple(pin)[1:]
        if form == PREFIX:
            values = (_text_sha(str(values[0])), *values[1:])
        h.update(part("pinned", values))
    return form + h.hexdigest()


@dataclass(frozen=True, slots=True)
class ContentProblem:
    screening_id: int
    seq: int
    reason: str

    def __str__(self) -> str:
        return f"screening {self.screening_id} (completed at row {self.seq}): {self.reason}"


def check_all(
    conn: Connection,
    wanted: dict[int, tuple[int, str]],
    deleted_cases: dict[int, int],
) -> list[ContentProblem]:
    """Recompute the hash of every screening in ``wanted`` (screening id -> the
    completion row and the hash it holds) in one pass over each table, and name
    every screening that differs. A screening that is gone is a problem unless
    retention deleted its case after it was completed."""
    return compare(conn, wanted, hash_all(conn), deleted_cases)


def form_of(held: str) -> str:
    """The form a held hash is written in (an unknown prefix is checked as the
    repr form: it cannot match)."""
    return next((f for f in (PREFIX, PREFIX_REPR, PREFIX_JSON) if held.startswith(f)), PREFIX_REPR)


class Hashed:
    """A screening's content hash as the store holds it: in the form of the pass
    that hashed it, and in the repr form on demand (the pass keeps the hash up
    to the pinned part, and the pinned values: the two forms differ only there,
    and a pass in both would hash a shared routes text once a screening)."""

    __slots__ = ("_before_pin", "_pin", "_spelled", "digest", "form")

    def __init__(self, form: str, h: Any, spelled: dict[Any, bytes]) -> None:
        self.form = form
        self.digest = ""
        self._before_pin = h.copy() if form == PREFIX else None
        self._pin: tuple[Any, ...] | None = None
        self._spelled = spelled

    def keep_pin(self, key: str | None, text: Any, contacts: Any, site: Any, at: Any) -> None:
        """The pinned part's values (``key``: the shared text's, None for a text
        of its own), for the repr form."""
        self._pin = (key, text, contacts, site, at)

    def in_form(self, form: str) -> str | None:
        """The hash in ``form``, or None when this pass cannot give it."""
        if form == self.form:
            return self.digest
        if form != PREFIX_REPR or self._before_pin is None:
            return None
        h = self._before_pin.copy()
        if self._pin is not None:
            key, text, contacts, site, at = self._pin
            known = self._spelled.get(key) if key is not None else None
            if known is None:
                known = repr(text).encode("utf-8")
                if key is not None:
                    self._spelled[key] = known
            # repr of the part's tuple, in three pieces: the same bytes as _part().
            h.update(b"('pinned', ")
            h.update(known)
            h.update(f", {contacts!r}, {site!r}, {at!r})\n".encode())
        return PREFIX_REPR + str(h.hexdigest())


def hash_all(conn: Connection, json_form: set[int] | None = None) -> dict[int, Hashed]:
    """Screening id -> its content hash as the store holds it, in one pass over
    each table: for every screening whose row says it is completed, in the
    current form (and the repr form on demand); for ``json_form`` instead,
    those screenings in the first form. (The forms written by completion rows
    are not known before the chain has checked them, and most stores hold the
    two newer ones.)"""
    # screening id -> its hash so far, and the form it is written in.
    hashers: dict[int, tuple[Any, str]] = {}
    for row in conn.exec_driver_sql(_SCREENING_SQL):
        sid = int(row[0])
        if json_form is None:
            if row[5] != "completed":
                continue  # (a completed one marked otherwise is hashed on its own)
            form = PREFIX
        elif sid in json_form:
            form = PREFIX_JSON
        else:
            continue
        h = hashlib.sha256()
        h.update(_PARTS[form]("screening", row))
        hashers[sid] = (h, form)
    # Answers in id order, each fed to its screening's hash: one sequential scan,
    # fetched in batches. Each row comes with the part's name first, so that in
    # the repr forms its repr is the part: a screening's consecutive answers are
    # spelled and hashed together, in C.
    raw = conn.connection.driver_connection
    cursor = raw.execute(_ANSWERS_PARTS_SQL)  # type: ignore[union-attr]
    get = hashers.get
    while batch := cursor.fetchmany(4096):
        for sid, rows in groupby(batch, _SCREENING_OF):
            # (A screening id that is not a whole number finds no hash: that answer
            # is then missing from its screening's hash, which no longer matches.)
            found = get(sid)
            if found is None:
                continue
            if found[1] != PREFIX_JSON:
                found[0].update(("\n".join(map(repr, rows)) + "\n").encode("utf-8"))
            else:
                for a in rows:
                    found[0].update(_part_json("answer", a[1:]))
    spelled: dict[Any, bytes] = {}
    out = {sid: Hashed(form, h, spelled) for sid, (h, form) in hashers.items()}
    has_pinned = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pinned_documents'"
    ).first()
    if has_pinned is not None:
        _feed_pinned(conn, hashers, out)
    for sid, (h, form) in hashers.items():
        out[sid].digest = form + h.hexdigest()
    return out


def compare(
    conn: Connection,
    wanted: dict[int, tuple[int, str]],
    found: dict[int, Hashed],
    deleted_cases: dict[int, int],
) -> list[ContentProblem]:
    """Every screening in ``wanted`` (screening id -> the completion row and the
    hash it holds) whose hash as it stands (``found``, from :func:`hash_all`;
    hashed again here in the held form when it is not there) differs."""
    first_form = {sid for sid, (_, held) in wanted.items() if form_of(held) == PREFIX_JSON}
    if len(first_form) > _ONE_BY_ONE:  # one pass for many, rather than one query each
        found = {**found, **hash_all(conn, first_form)}
    problems: list[ContentProblem] = []
    for sid, (seq, expected) in sorted(wanted.items(), key=lambda kv: kv[1][0]):
        form = form_of(expected)
        hashed = found.get(sid)
        got = None if hashed is None else hashed.in_form(form)
        if got is None:
            try:
                got = screening_hash(conn, sid, form)
            except KeyError:
                got = None
        if got is None:
            if not _deleted_after(seq, deleted_cases, conn):
                problems.append(ContentProblem(sid, seq, "it is missing from the store"))
            continue
        if got != expected:
            problems.append(
                ContentProblem(
                    sid,
                    seq,
                    "its answers or decision were changed after it was completed",
                )
            )
    return problems


#: Up to this many screenings hashed in a form the pass did not hash are hashed
#: one by one.
_ONE_BY_ONE = 50
_PARTS = {PREFIX: _part, PREFIX_REPR: _part, PREFIX_JSON: _part_json}


def _feed_pinned(
    conn: Connection, hashers: dict[int, tuple[Any, str]], out: dict[int, Hashed]
) -> None:
    """Each screening's pinned part fed to its hash (and kept in ``out`` for
    its repr form). A routes text shared by many screenings is read, and
    hashed, once (as the current form writes it inside the part), not once a
    screening."""
    if not pinned_mod.has_texts(conn):
        pins: Iterable[Any] = (
            (pin[0], None, *tuple(pin)[1:])
            for pin in conn.exec_driver_sql(pinned_mod.PINNED_SQL_BEFORE_TEXTS)
        )
        texts: dict[str, str] = {}
    else:
        texts = {
            str(sha): str(text)
            for sha, text in conn.exec_driver_sql("SELECT sha256, text FROM pinned_texts")
        }
        pins = conn.exec_driver_sql(
            "SELECT screening_id, routes_sha256, routes, contacts, site, pinned_at "
            "FROM pinned_documents"
        )
    spelled: dict[str, bytes] = {}
    for sid, sha, routes, contacts, site, at in pins:
        found = hashers.get(sid)
        if found is None:
            continue
        h, form = found
        # (as PINNED_SQL reads it: the shared text where there is one)
        text = texts.get(sha) if sha is not None else None
        if form == PREFIX_JSON:
            h.update(
                _part_json("pinned", (text if text is not None else routes, contacts, site, at))
            )
            continue
        out[sid].keep_pin(
            sha if text is not None else None,
            text if text is not None else routes,
            contacts,
            site,
            at,
        )
        if text is None:
            h.update(_part("pinned", (_text_sha(str(routes)), contacts, site, at)))
            continue
        known = spelled.get(sha)
        if known is None:
            known = spelled[sha] = repr(_text_sha(text)).encode("utf-8")
        # repr of the part's tuple, in three pieces: the same bytes as _part().
        h.update(b"('pinned', ")
        h.update(known)
        h.update(f", {contacts!r}, {site!r}, {at!r})\n".encode())


def _deleted_after(seq: int, deleted_cases: dict[int, int], conn: Connection) -> bool:
    # The completion row names the case; retention's row must come after it.
    row = conn.exec_driver_sql("SELECT case_id FROM audit WHERE seq = ?", (seq,)).first()
    if row is None or row[0] is None:
        return False
    at = deleted_cases.get(int(row[0]))
    return at is not None and at > seq
