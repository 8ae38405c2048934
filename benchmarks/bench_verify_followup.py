"""``db verify`` on a store of 100,000 tasks, with and without the follow-up
content check, side by side.

    python benchmarks/bench_verify_followup.py [--cases N] [--tasks-per-case K] [--runs R]

A store of N cases (default 10,000) with K tasks each (default 10: 100,000
tasks, with the child's errand in words and a note), two thirds of them done,
and a case note on each case; every record written with the audit rows the
store writes (``task-added`` for each task and ``task-done`` for each one done,
``note-added`` for each note, each with the hash of the record as written, by
``followup_content.record_hash`` itself); about 177,000 audit rows. Then
``Store.verify()`` (SQLite's and SQLCipher's checks, triggers, every audit
row's link and HMAC, every record's content) R times (default 5) each way,
taking turns: as it is, and with the follow-up content check left out
(``followup_content.check_all`` replaced by one that checks nothing; the chain
still reads every row). Prints the medians, their difference and ratio, and the
check alone.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import ms

from idcheck.store import Store
from idcheck.store import audit as audit_mod
from idcheck.store import followup_content as fc
from idcheck.store.keys import MINIMUM_KDF

PASSWORD = "benchmark password"
DAY = 86400.0
WHAT = [
    "Book an interpreter (Tigrinya)",
    "Ring the school",
    "Safe placement tonight",
    "Tell the guardian representative",
    "Multi-agency meeting",
    "Find the aunt's number",
]
_AUDIT = (
    "INSERT INTO audit (seq, at, user_id, action, case_id, screening_id, object_id, "
    "content, prev_hash, hash) VALUES (:seq, :at, :user_id, :action, :case_id, "
    ":screening_id, :object_id, :content, :prev_hash, :hash)"
)


def build(path: Path, n_cases: int, per_case: int) -> float:
    store, _ = Store.create(path, "bench", PASSWORD, kdf=MINIMUM_KDF)
    rng = random.Random(17)
    key, uid = store._audit_key, store.user.id
    now = time.time() - 30 * DAY
    t0 = time.perf_counter()
    rows: list[dict[str, Any]] = []
    last: audit_mod.AuditHead | None = None

    def audit(
        action: str, at: float, cid: int, oid: int | None = None, content: str | None = None
    ) -> None:
        nonlocal last
        row, last = audit_mod._next_row(key, last, action, uid, cid, None, oid, at, content)
        rows.append(row)

    with store.engine.begin() as conn:
        last = audit_mod.head(conn)
        for c in range(n_cases):
            at = now + c
            cid = conn.exec_driver_sql(
                "INSERT INTO cases (reference, search_key, age_disputed, status, created_at, "
                "updated_at, first_contact_at, created_by) VALUES (?, ?, 0, 'open', ?, ?, ?, ?)",
                (f"B-{c:06d}", f"b-{c:06d}", at, at, at, uid),
            ).lastrowid
            audit("case-created", at, cid)
            for k in range(per_case):
                tid = conn.exec_driver_sql(
                    "INSERT INTO tasks (case_id, what, note, status, reason, due_at, clock, "
                    "created_by, created_at, source) VALUES (?, ?, ?, 'open', '', ?, ?, ?, ?, ?)",
                    (
                        cid,
                        rng.choice(WHAT),
                        "Ring before nine; the number is on the referral.",
                        at + rng.uniform(0, 14) * DAY,
                        "safe-placement" if k == 0 else None,
                        uid,
                        at,
                        "plan" if k < 4 else "manual",
                    ),
                ).lastrowid
                audit("task-added", at, cid, tid, fc.record_hash(conn, "task", tid))
                if rng.random() < 2 / 3:
                    conn.exec_driver_sql(
                        "UPDATE tasks SET status = 'done', done_by = ?, done_at = ? WHERE id = ?",
                        (uid, at + DAY, tid),
                    )
                    audit("task-done", at + DAY, cid, tid, fc.record_hash(conn, "task", tid))
            nid = conn.exec_driver_sql(
                'INSERT INTO case_notes (case_id, kind, text, value, "by", at) '
                "VALUES (?, 'note', 'Spoke with the school about her first week.', NULL, ?, ?)",
                (cid, uid, at),
            ).lastrowid
            audit("note-added", at, cid, nid, fc.record_hash(conn, "note", nid))
            conn.exec_driver_sql(_AUDIT, rows)  # type: ignore[arg-type]
            rows.clear()
    built = time.perf_counter() - t0
    store.lock()
    return built


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--tasks-per-case", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    real = fc.check_all

    def without(*_: object) -> fc.Coverage:
        return fc.Coverage()

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "store"
        built = build(path, args.cases, args.tasks_per_case)
        store = Store.open(path, "bench", PASSWORD, kdf=MINIMUM_KDF)
        try:
            result = store.verify()  # once untimed (warm cache), and it must pass
            assert result.ok, result.messages
            times: dict[str, list[float]] = {"with": [], "without": []}
            for _ in range(args.runs):
                for way in ("with", "without"):
                    fc.check_all = real if way == "with" else without  # type: ignore[assignment]
                    t0 = time.perf_counter()
                    r = store.verify()
                    times[way].append(time.perf_counter() - t0)
                    assert r.ok
            fc.check_all = real  # type: ignore[assignment]
            alone = []
            with store.engine.connect() as conn:
                chain = audit_mod.verify_chain(conn, store._audit_key)
                for _ in range(args.runs):
                    t0 = time.perf_counter()
                    cov = real(conn, chain.followup, chain.followup_known, chain.deleted_cases)
                    alone.append(time.perf_counter() - t0)
        finally:
            fc.check_all = real  # type: ignore[assignment]
            store.lock()
    tasks = args.cases * args.tasks_per_case
    med = {k: statistics.median(v) for k, v in times.items()}
    print(
        f"built {args.cases:,} cases, {tasks:,} tasks, {args.cases:,} notes "
        f"({result.audit_rows:,} audit rows) in {built:.0f} s"
    )
    for m in result.messages:
        print(f"  {m}")
    print(
        f"verify with the follow-up content check:    median {ms(med['with'])} "
        f"of {[ms(t) for t in times['with']]}"
    )
    print(
        f"verify without the follow-up content check: median {ms(med['without'])} "
        f"of {[ms(t) for t in times['without']]}"
    )
    print(
        f"the check costs {ms(med['with'] - med['without'])} "
        f"({med['with'] / med['without']:.2f}x); the check alone: median "
        f"{ms(statistics.median(alone))} for {cov.checked:,} records"
    )
    print()
    print(
        f"| `db verify` of {tasks:,} tasks and {args.cases:,} notes "
        f"({result.audit_rows:,} audit rows), with / without the follow-up content check | "
        f"{ms(med['with'])} / {ms(med['without'])} | "
        "`python benchmarks/bench_verify_followup.py` |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
