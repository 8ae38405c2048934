"""Statistics over a realistic store: the counts taken row by row in Python (the
way before) against the counts taken in SQL (now), side by side in one run.

    python benchmarks/bench_stats.py [--screenings N] [--answers N] [--runs N] [--keep DIR]

The store (default 100,000 completed screenings of 40 answers each) holds both
bundled checklists, answers with the child's words and the worker's notes, items
answered more than once (the latest answer counts), amended screenings (the
amendment stands for the original), drafts (never counted) and children of every
age, sex and agency. It is built in large transactions straight into the tables:
record by record would take hours of fsyncs, and the rows are the same.

Printed, medians of ``--runs``:

* ``collect`` (the counting and the suppression, in the process) the old way
  (``idcheck.report.stats.collect_rows``: every row read into Python) and the
  new (``idcheck.report.stats.collect``: counted in SQL), interleaved so both see
  the same machine load, and a check that both give the same counts, cell by cell;
* ``idcheck stats`` end to end as a process: start, unlock with the real
  argon2id parameters, count, write the CSV.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import median, ms, readme_row, time_stats_command

from idcheck.checklist import Indicator, find, load_checklist_bytes
from idcheck.report.stats import collect
from idcheck.report.stats_rows import collect_rows
from idcheck.store import Store
from idcheck.store.statistics import fill_screening_stats

PASSWORD = "benchmark password"
WORDS = (
    "He said I must pay back the trip before I can go to school.",
    "They keep my passport at the house.",
    "I sleep where we work, on the floor.",
    "أخذوا جواز سفري ولا أستطيع العودة",
    "Jeg må betale tilbake reisen før jeg får gå.",
)
NOTES = ("Looked at the man before answering.", "Hesitated; asked twice.", "")


def build(data: Path, n: int, per: int, seed: int = 15) -> float:
    """A store of ``n`` completed screenings of ``per`` answers each (a tenth of them
    amended, so ``n`` count), plus a draft for every twentieth case; seconds taken."""
    store, _ = Store.create(data, "bench", PASSWORD)
    rnd = random.Random(seed)
    lists = []
    for cid in ("child-trafficking-full", "intake-screen"):
        text = find(cid).path.read_bytes()
        checklist = load_checklist_bytes(text)
        items = [i for _s, i in checklist.items()]
        lists.append((checklist, hashlib.sha256(text).hexdigest(), text, items))
    start = dt.datetime(2025, 1, 1).timestamp()
    t0 = time.perf_counter()
    raw = store.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("BEGIN")
        for _checklist, sha, text, _items in lists:
            cur.execute("INSERT INTO checklist_texts (sha256, text) VALUES (?, ?)", (sha, text))
        cur.executemany(
            "INSERT INTO cases (id, reference, search_key, age_disputed, status, created_at,"
            " updated_at, created_by, gender, claimed_age, assessed_age, identified_by)"
            " VALUES (?, ?, ?, ?, 'open', ?, ?, 1, ?, ?, ?, ?)",
            [
                (
                    i + 1,
                    f"B-{i:06d}",
                    f"b-{i:06d}",
                    rnd.random() < 0.3,
                    start,
                    start,
                    rnd.choice(["female", "male", "other", "unknown", None, "x-typed"]),
                    rnd.choice([None, 6, 9, 12, 13, 14, 15, 16, 17, 18, 19, 25]),
                    rnd.choice([None, None, None, 11, 16, 17, 18]),
                    rnd.choice(
                        ["police", "immigration", "health", "child-welfare", "ngo", "other", None]
                    ),
                )
                for i in range(n)
            ],
        )
        sid = 0
        amended = max(1, n // 10)
        drafts = n // 20
        rows: list[tuple] = []
        finish: list[tuple] = []

        def screening(case: int, at: float, amends: int | None, status: str) -> int:
            nonlocal sid
            sid += 1
            checklist, sha, _text, items = lists[0] if rnd.random() < 0.7 else lists[1]
            outcomes = [o.id for o in checklist.outcomes]
            cur.execute(
                "INSERT INTO screenings (id, case_id, checklist_id, checklist_version,"
                " checklist_sha256, status, started_at, started_by, amends_id)"
                " VALUES (?, ?, ?, ?, ?, 'draft', ?, 1, ?)",
                (sid, case, checklist.id, checklist.version, sha, at - 3600, amends),
            )
            chosen = rnd.sample(items, min(per, len(items)))
            k = 0
            while k < per:
                item = chosen[k % len(chosen)]
                k += 1
                yes_share = 0.2 if isinstance(item, Indicator) else 0.05
                value = rnd.choices(
                    ['"yes"', '"no"', '"unsure"', None], [yes_share, 0.6, 0.1, 0.05]
                )[0]
                if rnd.random() < 0.08 and k < per:  # answered again: the latest counts
                    rows.append((sid, item.id, '"unsure"', at - 1800))
                    k += 1
                words = rnd.choice(WORDS) if rnd.random() < 0.25 else None
                rows.append((sid, item.id, value, at - 600, words, rnd.choice(NOTES) or None))
            if status == "completed":
                o = rnd.choice(outcomes)
                finish.append((at, rnd.choice(outcomes), o if rnd.random() < 0.8 else None, sid))
            return sid

        for i in range(n):
            at = start + (i / n) * 362 * 86400 + rnd.random() * 2 * 86400
            first = screening(i + 1, at, None, "completed")
            if i < amended:
                screening(i + 1, at + 86400 * rnd.random(), first, "completed")
            if i % 20 == 0 and drafts:
                screening(i + 1, at + 3600, None, "draft")
            if len(rows) > 50_000:
                _flush(cur, rows)
        _flush(cur, rows)
        cur.executemany(
            "UPDATE screenings SET status = 'completed', completed_at = ?,"
            " suggested_outcome = ?, decision_outcome = ? WHERE id = ?",
            finish,
        )
        cur.execute("COMMIT")
    finally:
        raw.close()
    # What completing each screening writes for the statistics, as the store's
    # completion does (one statement here instead of one per completion).
    with store.engine.begin() as conn:
        fill_screening_stats(conn)
    took = time.perf_counter() - t0
    store.lock()
    return took


def _flush(cur, rows: list[tuple]) -> None:
    full = [r if len(r) == 6 else (*r, None, None) for r in rows]
    cur.executemany(
        "INSERT INTO answers (screening_id, item_id, status, value, source, child_words,"
        " worker_note, language, answered_by, answered_at)"
        " VALUES (?, ?, 'answered', ?, 'child-said', ?, ?, 'en', 1, ?)",
        [(s, item, v, w, note, at) for s, item, v, at, w, note in full],
    )
    rows.clear()


def same(a, b) -> None:
    """Every cell, its suppression mark and every category alike, or AssertionError."""
    assert a.categories == b.categories, (a.categories, b.categories)
    assert a.periods == b.periods
    assert a.counts == b.counts, sorted(set(a.counts.items()) ^ set(b.counts.items()))[:10]
    assert a.suppressed == b.suppressed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--screenings", type=int, default=100_000)
    parser.add_argument("--answers", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the store here once and reuse it")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-stats-"))
    try:
        data = args.keep or tmp / "store"
        if not (data / "idcheck.db").exists():
            took = build(data, args.screenings, args.answers)
            print(
                f"store of {args.screenings:,} completed screenings x {args.answers} answers "
                f"built in {took:.0f} s ({(data / 'idcheck.db').stat().st_size / 1e6:.0f} MB)"
            )
        # The command first, before the row-by-row count loads the machine.
        cli_load = os.getloadavg()[0]
        cli = time_stats_command(data, tmp, PASSWORD, args.runs)
        store = Store.open(data, "bench", PASSWORD)
        since, until = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
        old, new = [], []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            a = collect_rows(store, since, until)
            old.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            b = collect(store, since, until)
            new.append(time.perf_counter() - t0)
            same(a, b)
        total = b.counts[("total", "total", "all")]
        store.lock()
        print(
            f"statistics over {total:,} counted screenings ({args.answers} answers each), "
            f"medians of {args.runs}, load average {os.getloadavg()[0]:.1f}:"
        )
        print(f"  row by row in Python (before)   {ms(median(old))}")
        print(
            f"  counted in SQL (now)            {ms(median(new))}   "
            f"({median(old) / median(new):.1f}x faster), the same counts in every cell"
        )
        print(
            f"  idcheck stats, whole process    {ms(median(cli))} "
            f"(each: {', '.join(ms(x) for x in cli)}; load average {cli_load:.1f} before)"
        )
        readme_row(
            f"anonymised statistics over {total:,} completed screenings of {args.answers} "
            "answers each (both checklists, amendments, drafts): counted in SQL vs row by row "
            "in Python as before, the same counts in every cell / `idcheck stats` end to end "
            "(start, unlock with the real argon2id, count, CSV; goal 2 s)",
            f"{ms(median(new))} vs {ms(median(old))} (**{median(old) / median(new):.1f}x**) / "
            f"{ms(median(cli))}",
        )
        print(
            json.dumps(
                {
                    "old_ms": median(old) * 1000,
                    "new_ms": median(new) * 1000,
                    "cli_ms": median(cli) * 1000,
                }
            )
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
