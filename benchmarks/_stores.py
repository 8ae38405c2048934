"""Realistic stores for the benchmarks, built in bulk.

Every case has one completed screening of the full checklist with ``answers``
answers (default 40), each with the child's words, a decision and the pinned
documents (the routes text once, as the store keeps it), and the audit rows the store writes for them (case created,
screening started, one per answer, decision, completion with its content hash):
about 44 audit rows a case. Built in large transactions with the store's own row
functions (``audit._next_row`` for the chain, ``content.screening_hash`` for the
completion's hash, ``answer_values`` for the answers), so the rows are those the
window writes one by one; ``Store.verify()`` passes on the result (the builder
checks this on small stores, the benchmarks on every store they time).

Names include Norwegian and accented letters (Øystein, Åse, Ærlig, José), so a
folded search has something to find.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from pathlib import Path
from typing import Any

from idcheck.checklist import Answer, Indicator, find, load_checklist_bytes, validate_answer
from idcheck.store import AnswerContext, Store
from idcheck.store import audit as audit_mod
from idcheck.store import content as content_mod
from idcheck.store.cases import fold
from idcheck.store.screenings import answer_values
from idcheck.store.sort_keys import name_key
from idcheck.store.statistics import fill_screening_stats

PASSWORD = "benchmark password"
GIVEN = [
    "Øystein",
    "Åse",
    "Amina",
    "José",
    "Mohammed",
    "Fatima",
    "Ivan",
    "Chloé",
    "Ali",
    "Nora",
    "Søren",
    "Zoë",
    "Kofi",
    "Mariam",
    "Björn",
    "Aisha",
    "Tomás",
    "Leïla",
    "Yusuf",
    "Ærlig",
]
FAMILY = [
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Haddad",
    "Nguyen",
    "Kowalski",
    "Sørensen",
    "Dahl",
    "Ahmadi",
    "Mensah",
    "Petrov",
    "García",
    "Ødegård",
    "Berg",
    "Lindqvist",
]
WORDS = [
    "I must pay back the trip first.",
    "He keeps my passport.",
    "I sleep at the place.",
    "They said my family would be hurt.",
    "I don't know the address.",
]
CHUNK = 2000


def build(path: Path, cases: int, answers: int = 40, *, seed: int = 1) -> None:
    """A store at ``path`` (user ``bench``, :data:`PASSWORD`) with ``cases`` cases,
    each with one completed screening of ``answers`` answers."""
    rng = random.Random(seed)
    store, _ = Store.create(path, "bench", PASSWORD)
    try:
        _fill(store, cases, answers, rng)
    finally:
        store.lock()


def _fill(store: Store, n_cases: int, n_answers: int, rng: random.Random) -> None:
    text = find("child-trafficking-full").path.read_bytes()
    checklist = load_checklist_bytes(text)
    sha = hashlib.sha256(text).hexdigest()
    items = [i for _, i in checklist.items() if isinstance(i, Indicator)]
    items = [i for i in items if not validate_answer(i, Answer(value="no"))][:n_answers]
    if len(items) < n_answers:
        raise ValueError(f"the checklist has {len(items)} yes/no indicators, not {n_answers}")
    outcomes = [o.id for o in checklist.outcomes]
    uid = store.user.id
    key = store._audit_key
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO checklist_texts (sha256, text) VALUES (?, ?)", (sha, text)
        )
        pinned = store._documents_in_use(conn, sha)
    raw = store.engine.raw_connection()
    db: Any = raw.driver_connection
    try:
        db.execute("PRAGMA synchronous = OFF")  # building only: the rows are the same
        head = _head(db)
        now = time.time() - n_cases * 60.0
        for start in range(0, n_cases, CHUNK):
            db.execute("BEGIN")
            for n in range(start, min(start + CHUNK, n_cases)):
                at = now + n * 60.0
                head = _one_case(
                    db, key, head, n, at, uid, sha, checklist, items, outcomes, pinned, rng
                )
            db.execute("COMMIT")
    finally:
        raw.close()
    # What the statistics count of each completed screening, as completing one in
    # the program writes it (without these rows every count is worked out again
    # from the answers, which no store the program keeps needs).
    with store.engine.begin() as conn:
        fill_screening_stats(conn)


def _head(db: Any) -> audit_mod.AuditHead:
    seq, h = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return audit_mod.AuditHead(seq, h)


_AUDIT = (
    "INSERT INTO audit (seq, at, user_id, action, case_id, screening_id, object_id, "
    "content, prev_hash, hash) VALUES (:seq, :at, :user_id, :action, :case_id, "
    ":screening_id, :object_id, :content, :prev_hash, :hash)"
)
_ANSWER = (
    "INSERT INTO answers (screening_id, item_id, status, value, source, worker_note, "
    "child_words, language, interpreter_present, interpreter, read_back, answered_by, "
    "answered_at) VALUES (:screening_id, :item_id, :status, :value, :source, "
    ":worker_note, :child_words, :language, :interpreter_present, :interpreter, "
    ":read_back, :answered_by, :answered_at)"
)


def _one_case(
    db: Any,
    key: bytearray,
    head: audit_mod.AuditHead,
    n: int,
    at: float,
    uid: int,
    sha: str,
    checklist: Any,
    items: list[Any],
    outcomes: list[str],
    pinned: dict[str, str],
    rng: random.Random,
) -> audit_mod.AuditHead:
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    ref = f"R-{n:06d}"
    cid = db.execute(
        "INSERT INTO cases (reference, given_name, family_name, search_key, name_key, "
        "age_disputed, nationality, languages, status, created_at, updated_at, created_by) "
        "VALUES (?, ?, ?, ?, ?, 0, 'unknown', 'en', 'open', ?, ?, ?)",
        (
            ref,
            given,
            family,
            fold(f"{ref} {given} {family}"),
            name_key(given, family),
            at,
            at + 50,
            uid,
        ),
    ).lastrowid
    rows: list[dict[str, Any]] = []

    def audit(
        action: str,
        t: float,
        sid: int | None = None,
        obj: int | None = None,
        content: str | None = None,
    ) -> None:
        nonlocal head
        row, head = audit_mod._next_row(key, head, action, uid, cid, sid, obj, t, content)
        rows.append(row)

    audit("case-created", at)
    sid = db.execute(
        "INSERT INTO screenings (case_id, checklist_id, checklist_version, checklist_sha256, "
        "status, started_at, started_by) VALUES (?, ?, ?, ?, 'draft', ?, ?)",
        (cid, checklist.id, checklist.version, sha, at + 1, uid),
    ).lastrowid
    audit("screening-started", at + 1, sid)
    yes = set(rng.sample(range(len(items)), rng.randint(0, 4)))
    for k, item in enumerate(items):
        t = at + 2 + k
        ctx = AnswerContext(source="child-said", child_words=rng.choice(WORDS), language="en")
        vals = answer_values(item.id, Answer(value="yes" if k in yes else "no"), ctx, uid, t)
        aid = db.execute(_ANSWER, {"screening_id": sid, **vals}).lastrowid
        audit("answer", t, sid, aid)
    outcome = outcomes[1] if yes else outcomes[-1]
    db.execute(
        "UPDATE screenings SET suggested_outcome = ?, fired_rules = ?, decision_outcome = ?, "
        "decision_reasons = '', decided_by = ?, decided_at = ? WHERE id = ?",
        (outcome, json.dumps([]), outcome, uid, at + 45, sid),
    )
    audit("decision", at + 45, sid)
    # As pinned.pin() writes it: the routes text once, by its SHA-256.
    routes_sha = hashlib.sha256(pinned["routes"].encode("utf-8")).hexdigest()
    db.execute(
        "INSERT OR IGNORE INTO pinned_texts (sha256, text) VALUES (?, ?)",
        (routes_sha, pinned["routes"]),
    )
    db.execute(
        "INSERT INTO pinned_documents (screening_id, case_id, routes, routes_sha256, contacts, "
        "site, pinned_at) VALUES (?, ?, '', ?, ?, ?, ?)",
        (sid, cid, routes_sha, pinned["contacts"], pinned["site"], at + 46),
    )
    db.execute(
        "UPDATE screenings SET status = 'completed', completed_at = ? WHERE id = ?", (at + 46, sid)
    )
    audit(audit_mod.COMPLETED, at + 46, sid, None, _content_hash(db, sid))
    db.executemany(_AUDIT, rows)
    return head


class _Conn:
    """The little of a SQLAlchemy connection ``content.screening_hash`` uses."""

    def __init__(self, db: Any) -> None:
        self.db = db

    def exec_driver_sql(self, sql: str, params: tuple[Any, ...]) -> Any:
        return _Result(self.db.execute(sql, params))


class _Result:
    def __init__(self, cursor: Any) -> None:
        self.cursor = cursor

    def first(self) -> Any:
        return self.cursor.fetchone()

    def __iter__(self) -> Any:
        return iter(self.cursor)


def _content_hash(db: Any, sid: int) -> str:
    return content_mod.screening_hash(_Conn(db), sid)  # type: ignore[arg-type]


if __name__ == "__main__":
    import sys
    import tempfile

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as d:
        t0 = time.perf_counter()
        build(Path(d) / "s", n)
        print(f"built {n} cases in {time.perf_counter() - t0:.1f} s")
        s = Store.open(Path(d) / "s", "bench", PASSWORD)
        t0 = time.perf_counter()
        r = s.verify()
        print(f"verify {time.perf_counter() - t0:.2f} s", r.ok, r.audit_rows)
        for m in r.messages:
            print(" ", m)
        s.lock()
