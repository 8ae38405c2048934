"""The case list with its follow-up flags, measured side by side in one run.

    python benchmarks/bench_followup.py [--cases N] [--tasks-per-case K] [--runs R] [--keep DIR]

A store of N cases (default 100,000) with K tasks each (default 10: 1,000,000
tasks; a third open, due from two weeks ago to two weeks ahead, the rest done)
and an open missing episode in one case in a hundred. The first page of the
case list (200 cases, the README's goal 50 ms) and 5,000 in one read are
listed with the flags (overdue, due within 24 hours, next due time, missing)
and without them, taking turns so both see the same load; medians of R runs.
Then the case list in the real window (offscreen) on the same store, from a
key press until the table is painted: read anew, and its next page.
The rows are inserted in big transactions through the store's engine (one by
one through the API would take hours of fsyncs; the rows are the same).
``--keep DIR`` builds the store there once and reuses it, listed at the time it
was built for (kept beside it), so the flags are the same.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import ms, readme_row
from sqlalchemy import insert

from idcheck.store import Store
from idcheck.store.keys import MINIMUM_KDF
from idcheck.store.schema import cases, missing_episodes, tasks

PASSWORD = "benchmark password"
DAY = 86400.0


def build(path: Path, n_cases: int, per_case: int, now: float) -> float:
    store, _ = Store.create(path, "bench", PASSWORD, kdf=MINIMUM_KDF)
    rng = random.Random(13)
    t0 = time.perf_counter()
    with store.engine.begin() as conn:
        conn.execute(
            insert(cases),
            [
                {
                    "reference": f"B-{i:06d}",
                    "search_key": f"b-{i:06d}",
                    "age_disputed": False,
                    "status": "open",
                    "created_at": now - i * 60,
                    "updated_at": now - i * 60,
                    "first_contact_at": now - i * 60,
                    "created_by": 1,
                }
                for i in range(n_cases)
            ],
        )
        step = 50_000
        total = n_cases * per_case
        for start in range(0, total, step):
            rows = []
            for k in range(start, min(start + step, total)):
                open_ = rng.random() < 1 / 3
                rows.append(
                    {
                        "case_id": k // per_case + 1,
                        "what": "Follow up",
                        "note": "",
                        "reason": "",
                        "status": "open" if open_ else "done",
                        "due_at": now + rng.uniform(-14, 14) * DAY,
                        "done_by": None if open_ else 1,
                        "done_at": None if open_ else now,
                        "created_by": 1,
                        "created_at": now,
                        "source": "plan",
                        "clock": "safe-placement" if k % per_case == 0 else None,
                    }
                )
            conn.execute(insert(tasks), rows)
        conn.execute(
            insert(missing_episodes),
            [
                {
                    "case_id": i + 1,
                    "missing_at": now - DAY,
                    "last_seen_where": "",
                    "reported_by": "",
                    "police_reference": "",
                    "found_where": "",
                    "interview_by": "",
                    "note": "",
                    "recorded_by": 1,
                    "recorded_at": now,
                }
                for i in range(0, n_cases, 100)
            ],
        )
    built = time.perf_counter() - t0
    store.lock()
    return built


def window_times(path: Path, runs: int) -> tuple[float, float]:
    """The case list in the real window on this store (bench_scale.Window): Enter
    in the search box until the table is painted (its first page of 100 read
    with the flags, counted, laid out), and Ctrl+End for the next page."""
    from bench_scale import Window, median_of

    w = Window(path)
    try:
        w.search("")
        first = median_of(lambda: w.search(""), runs)

        def next_page() -> float:
            w.search("b-")  # another search first: the whole list starts at the top
            w.search("")
            return w.next_page()

        more = median_of(next_page, runs)
        rows = w.cases.model.rows
        assert any(r.overdue_tasks for r in rows) and any(r.missing for r in rows)
        return first, more
    finally:
        w.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--tasks-per-case", type=int, default=10)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="build the store here once and reuse it")
    args = parser.parse_args()
    now = time.time()
    with tempfile.TemporaryDirectory() as d:
        name = f"cases-{args.cases}-{args.tasks_per_case}"
        path = args.keep / name if args.keep else Path(d) / "store"
        at = path.with_name(f"{name}.now")
        if args.keep and (path / "idcheck.db").exists() and at.exists():
            now, built = float(at.read_text()), 0.0
        else:
            shutil.rmtree(path, ignore_errors=True)  # a build that did not finish
            path.parent.mkdir(parents=True, exist_ok=True)
            built = build(path, args.cases, args.tasks_per_case, now)
            at.write_text(repr(now))
        size = (path / "idcheck.db").stat().st_size / 1e6
        s = Store.open(path, "bench", PASSWORD, kdf=MINIMUM_KDF)
        try:
            times: dict[tuple[int, bool], list[float]] = {}
            for limit in (200, 5000):
                for flags in (True, False):  # warm both
                    s.list_cases(limit=limit, now=now, follow_up=flags)
                for _ in range(args.runs):
                    for flags in (True, False):
                        t0 = time.perf_counter()
                        rows = s.list_cases(limit=limit, now=now, follow_up=flags)
                        times.setdefault((limit, flags), []).append(time.perf_counter() - t0)
                        assert len(rows) == limit
                rows = s.list_cases(limit=limit, now=now)
                assert sum(r.missing for r in rows) == limit // 100
                assert any(r.overdue_tasks for r in rows) and any(r.due_soon_tasks for r in rows)
            t0 = time.perf_counter()
            stats = sum(1 for _ in s.iter_followup_stats(0, now + DAY))
            stats_time = time.perf_counter() - t0
        finally:
            s.lock()
        shown = window_times(path, args.runs)
    med = {k: statistics.median(v) for k, v in times.items()}
    load = os.getloadavg()[0]
    print(
        f"store: {args.cases:,} cases, {args.cases * args.tasks_per_case:,} tasks, "
        f"{size:.0f} MB, {f'built in {built:.1f} s' if built else 'reused'}; "
        f"load average {load:.1f}"
    )
    for limit in (200, 5000):
        print(
            f"first {limit:>5} cases: with flags {ms(med[(limit, True)])}, "
            f"without {ms(med[(limit, False)])} "
            f"(median of {args.runs}, taking turns)"
        )
    print(f"follow-up statistics rows over every case: {stats:,} in {stats_time * 1000:.0f} ms")
    print(f"the window: list read anew {ms(shown[0])}, next page {ms(shown[1])}")
    print()
    readme_row(
        "case list with follow-up flags (overdue, due within 24 h, next due, missing) over "
        f"{args.cases:,} cases and {args.cases * args.tasks_per_case:,} tasks: the first page "
        "of 200 (goal 50 ms) / 5,000 in one read, with flags vs without (taking turns, "
        f"median of {args.runs})",
        f"{ms(med[(200, True)])} vs {ms(med[(200, False)])} / "
        f"{ms(med[(5000, True)])} vs {ms(med[(5000, False)])}",
    )
    readme_row(
        f"the case list in the window over {args.cases:,} cases and "
        f"{args.cases * args.tasks_per_case:,} tasks, with the follow-up column: read anew "
        "(Enter in the search box until the table is painted; goal 50 ms) / the next page "
        f"(Ctrl+End until painted), median of {args.runs}",
        f"{ms(shown[0])} / {ms(shown[1])}",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
