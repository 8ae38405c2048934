"""``db verify`` on a large trail.

    python benchmarks/bench_verify.py [--screenings N] [--answers K]

Builds a store through the real API (every answer, decision and completion its
own transaction with its audit row; the building connection skips fsync, which
changes nothing in the rows): N completed screenings (default 5,000) of K
answers each (default 20), each with the child's words, so the trail holds about
N * (K + 4) rows. Then measures ``Store.verify()`` (integrity checks, triggers,
chain, and, from migration 0005, every completed screening's content against
its completion row), median of 3, on the open store.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import ms

from idcheck.checklist import Answer, Indicator, find, load_checklist_bytes
from idcheck.store import AnswerContext, CaseDetails, Decision, Store

PASSWORD = "benchmark password"


def build(path: Path, screenings: int, answers: int) -> Store:
    store, _ = Store.create(path, "bench", PASSWORD)
    store._dbapi.execute("PRAGMA synchronous = OFF")  # building only
    text = find("child-trafficking-full").path.read_bytes()
    checklist = load_checklist_bytes(text)
    sha = hashlib.sha256(text).hexdigest()
    items = [i.id for _, i in checklist.items() if isinstance(i, Indicator)][:answers]
    outcome = checklist.outcomes[0].id
    context = AnswerContext(
        source="child-said", child_words="I must pay back the trip first.", language="en"
    )
    for n in range(screenings):
        cid = store.create_case(CaseDetails(reference=f"V-{n:06d}"))
        sid = store.start_screening(cid, checklist, text, sha)
        for item in items:
            store.record_answer(sid, item, Answer(value="no"), context)
        store.record_decision(sid, Decision(outcome, (), outcome, ""))
        store.complete_screening(sid)
    return store


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--screenings", type=int, default=5000)
    parser.add_argument("--answers", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        t0 = time.perf_counter()
        store = build(Path(d) / "store", args.screenings, args.answers)
        built = time.perf_counter() - t0
        store.lock()
        store = Store.open(Path(d) / "store", "bench", PASSWORD)
        times = []
        result = None
        for _ in range(3):
            t0 = time.perf_counter()
            result = store.verify()
            times.append(time.perf_counter() - t0)
        store.lock()
        assert result is not None and result.ok, result
        rows = result.audit_rows
        print(f"built {args.screenings} completed screenings of {args.answers} answers "
              f"({rows:,} audit rows) in {built:.0f} s")
        for m in result.messages:
            print(f"  {m}")
        print(f"verify: median {ms(statistics.median(times))} of {[ms(t) for t in times]}")
        print()
        print(f"| `db verify` of a trail of {rows:,} rows ({args.screenings:,} completed "
              f"screenings of {args.answers} answers; integrity, triggers, chain, content) | "
              f"{ms(statistics.median(times))} | `python benchmarks/bench_verify.py` |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
