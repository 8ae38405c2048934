"""Store figures, measured side by side in one run.

    python benchmarks/bench_store.py [--answers N] [--screenings N] [--keep DIR]

* answer save: p50/p99 of ``Store.record_answer`` (one transaction: the answer,
  the next position and the audit row, through SQLAlchemy Core) against a bare
  SQLCipher INSERT+COMMIT with the same pragmas (WAL, synchronous=FULL, raw key),
  interleaved so both see the same machine load; the ratios of the medians and
  of the p99s are the figures (goal <= 1.5x), and the COMMITs the driver runs
  per answer are counted (goal: one);
* unlock: argon2id with the parameters new key slots get (t=3, 64 MiB, p=4),
  plus opening the database;
* open and list: a store with N draft screenings (default 100,000; four answers
  each, one in a hundred an immediate-danger answer) opened and its first page of
  cases listed (with the danger mark); ``--keep DIR`` builds it there once and
  reuses it.
"""

from __future__ import annotations

import argparse
import hashlib
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sqlcipher3.dbapi2 as sqlcipher
from _util import ms, pct, readme_row

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.store import AnswerContext, CaseDetails, Store

PASSWORD = "benchmark password"


def fine(x: float) -> str:
    """Seconds as milliseconds to the hundredth (an answer in memory takes 0.04 ms)."""
    return f"{x * 1000:.2f} ms"


def bare_connection(path: Path) -> sqlcipher.Connection:
    conn = sqlcipher.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(
        "CREATE TABLE answers (id INTEGER PRIMARY KEY, screening_id INTEGER, item_id TEXT,"
        " status TEXT, value TEXT, child_words TEXT, answered_at REAL)"
    )
    return conn


def answer_save(tmp: Path, n: int) -> tuple[list[float], list[float], float, float]:
    store, _ = Store.create(tmp / "store", "bench", PASSWORD)
    text = find("intake-screen").path.read_bytes()
    checklist = load_checklist_bytes(text)
    cid = store.create_case(CaseDetails(reference="BENCH"))
    sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
    bare = bare_connection(tmp / "bare.db")
    items = ["debt", "documents-held", "fear-threats", "adult-controls"]
    ours: list[float] = []
    base: list[float] = []
    ctx = AnswerContext(source="child-said", child_words="words as said")
    cpu_ours = cpu_base = 0.0
    for i in range(n):
        c0 = time.process_time()
        t0 = time.perf_counter()
        store.record_answer(
            sid, items[i % 4], Answer(value="yes"), ctx, position=items[(i + 1) % 4]
        )
        ours.append(time.perf_counter() - t0)
        cpu_ours += time.process_time() - c0
        c0 = time.process_time()
        t0 = time.perf_counter()
        bare.execute("BEGIN IMMEDIATE")
        bare.execute(
            "INSERT INTO answers (screening_id, item_id, status, value, child_words, "
            "answered_at) VALUES (?, ?, 'answered', '\"yes\"', ?, ?)",
            (sid, items[i % 4], "words as said", time.time()),
        )
        bare.execute("COMMIT")
        base.append(time.perf_counter() - t0)
        cpu_base += time.process_time() - c0
    store.lock()
    bare.close()
    print(
        f"  CPU per answer: record_answer {cpu_ours / n * 1e6:.0f} us, "
        f"bare INSERT+COMMIT {cpu_base / n * 1e6:.0f} us (the rest is waiting for the disk)"
    )
    return ours, base, cpu_ours / n, cpu_base / n


def commits_per_answer(tmp: Path, n: int = 20) -> float:
    """COMMIT statements the driver runs per ``record_answer`` (with the next
    position): one is the goal, the answer, the position and the audit row together."""
    store = Store.open(tmp / "store", "bench", PASSWORD)
    try:
        sid = store.list_screenings(store.list_cases()[0].id)[0].id
        seen: list[str] = []
        fairy = store.engine.raw_connection()
        fairy.driver_connection.set_trace_callback(seen.append)  # type: ignore[union-attr]
        try:
            for i in range(n):
                store.record_answer(sid, "debt", Answer(value="no"), position=f"x{i}")
        finally:
            fairy.driver_connection.set_trace_callback(None)  # type: ignore[union-attr]
            fairy.close()
    finally:
        store.lock()
    return sum(1 for q in seen if q.strip().upper().startswith("COMMIT")) / n


def unlock(tmp: Path, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        Store.open(tmp / "store", "bench", PASSWORD).lock()
        out.append(time.perf_counter() - t0)
    return out


def rekey(folder: Path, runs: int) -> list[float]:
    """Seconds for ``disable_user`` (key change included), ``runs`` times."""
    s = Store.open(folder, "bench", PASSWORD)
    out = []
    try:
        for _ in range(runs):
            leaver = s.add_user(f"leaver-{secrets.token_hex(4)}", "a leaver's long password")
            t0 = time.perf_counter()
            s.disable_user(leaver.id)
            out.append(time.perf_counter() - t0)
    finally:
        s.lock()
    return out


def large_store(folder: Path, screenings: int) -> tuple[float, float, float, float]:
    if (folder / "idcheck.db").exists():
        return (0.0, *list_large(folder))
    store, _ = Store.create(folder, "bench", PASSWORD)
    text = find("intake-screen").path.read_bytes()
    checklist = load_checklist_bytes(text)
    sha = hashlib.sha256(text).hexdigest()
    t0 = time.perf_counter()
    # Build through the real API in big transactions (record by record would take
    # an hour of fsyncs; the rows are the same).
    from sqlalchemy import insert

    from idcheck.store.schema import cases, checklist_texts
    from idcheck.store.schema import screenings as scr

    with store.engine.begin() as conn:
        conn.execute(insert(checklist_texts).values(sha256=sha, text=text))
        now = time.time()
        conn.execute(
            insert(cases),
            [
                {
                    "reference": f"B-{i:06d}",
                    "search_key": f"b-{i:06d}",
                    "age_disputed": False,
                    "status": "open",
                    "created_at": now - i,
                    "updated_at": now - i,
                    "created_by": 1,
                }
                for i in range(screenings)
            ],
        )
        conn.execute(
            insert(scr),
            [
                {
                    "case_id": i + 1,
                    "checklist_id": checklist.id,
                    "checklist_version": checklist.version,
                    "checklist_sha256": sha,
                    "status": "draft",
                    "started_at": now,
                    "started_by": 1,
                }
                for i in range(screenings)
            ],
        )
        # Four answers per draft, as a started screening has; the danger item's is
        # "yes" in one draft in a hundred (the list marks those).
        from idcheck.store.schema import answers as ans

        for start in range(0, screenings, 20_000):
            conn.execute(
                insert(ans),
                [
                    {
                        "screening_id": i + 1,
                        "item_id": item,
                        "status": "answered",
                        "value": '"yes"' if item != "danger-harm" or i % 100 == 0 else '"no"',
                        "answered_by": 1,
                        "answered_at": now,
                    }
                    for i in range(start, min(start + 20_000, screenings))
                    for item in ("danger-harm", "debt", "documents-held", "fear-threats")
                ],
            )
    build = time.perf_counter() - t0
    store.lock()
    return (build, *list_large(folder))


def list_large(folder: Path) -> tuple[float, float, float]:
    """Seconds to open the large store, list its first 200 cases, and 5,000."""
    t0 = time.perf_counter()
    s = Store.open(folder, "bench", PASSWORD)
    opened = time.perf_counter() - t0
    t0 = time.perf_counter()
    rows = s.list_cases(limit=200)
    listed = time.perf_counter() - t0
    assert len(rows) == 200 and sum(r.danger for r in rows) == 2
    t0 = time.perf_counter()
    rows = s.list_cases(limit=5000)  # as many as the window lists
    window = time.perf_counter() - t0
    assert len(rows) == 5000 and sum(r.danger for r in rows) == 50
    s.list_cases(search="b-0999", limit=200)
    s.lock()
    return opened, listed, window


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=300)
    parser.add_argument("--screenings", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build the large store here once, reuse it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        large = args.keep / f"drafts-{args.screenings}" if args.keep else tmp / "large"
        large.parent.mkdir(parents=True, exist_ok=True)
        ours, base, cpu_ours, cpu_base = answer_save(tmp, args.answers)
        # The same in memory (tmpfs): no wait for the disk, so what is left is the
        # work each does; a fast laptop disk lies between the two.
        shm = Path("/dev/shm")
        mem = Path(tempfile.mkdtemp(dir=shm, prefix="bench-store-")) if shm.is_dir() else None
        try:
            in_mem = answer_save(mem, args.answers) if mem else None
        finally:
            if mem:
                shutil.rmtree(mem, ignore_errors=True)
        ratio = statistics.median(ours) / statistics.median(base)
        ratio99 = pct(ours, 99) / pct(base, 99)
        print(f"answer save, {args.answers} each, interleaved (p50 / p99):")
        print(f"  record_answer      {ms(statistics.median(ours))} / {ms(pct(ours, 99))}")
        print(f"  bare INSERT+COMMIT {ms(statistics.median(base))} / {ms(pct(base, 99))}")
        print(f"  ratio of medians   {ratio:.2f}x; of p99s {ratio99:.2f}x (goal 1.5x)")
        mem_figure = ""
        if in_mem:
            m_ours, m_base = in_mem[0], in_mem[1]
            m_ratio = statistics.median(m_ours) / statistics.median(m_base)
            m_ratio99 = pct(m_ours, 99) / pct(m_base, 99)
            mem_figure = (
                f"; in memory {fine(statistics.median(m_ours))} / {fine(pct(m_ours, 99))} vs "
                f"{fine(statistics.median(m_base))} / {fine(pct(m_base, 99))}: "
                f"**{m_ratio:.2f}x** (p99 {m_ratio99:.2f}x; CPU {fine(in_mem[2])} vs "
                f"{fine(in_mem[3])})"
            )
            print(f"  in memory (tmpfs): {mem_figure[len('; in memory ') :]}")
        print(f"  commits per answer {commits_per_answer(tmp):.2f}")
        u = unlock(tmp, 5)
        print(f"unlock (argon2id t=3, 64 MiB, p=4, + open): median {ms(statistics.median(u))}")
        small_rekey = rekey(tmp / "store", 5)
        small_mb = (tmp / "store" / "idcheck.db").stat().st_size / 1e6
        print(
            f"key change (disable a user, {small_mb:.1f} MB store): median "
            f"{ms(statistics.median(small_rekey))}"
        )
        build, opened, listed, window = large_store(large, args.screenings)
        print(
            f"store with {args.screenings} screenings: "
            f"{f'built in {build:.1f} s' if build else f'reused from {large}'}, "
            f"unlock+open {ms(opened)}, first 200 cases listed in {ms(listed)}, "
            f"first 5,000 in {ms(window)}"
        )
        large_rekey = rekey(large, 3)
        large_mb = (large / "idcheck.db").stat().st_size / 1e6
        print(
            f"key change (disable a user, {large_mb:.1f} MB store): median "
            f"{ms(statistics.median(large_rekey))}"
        )
        readme_row(
            "answer save, `record_answer` (the answer, the next position and the audit row, "
            "one commit) vs a bare SQLCipher INSERT+COMMIT, same pragmas, taking turns "
            f"({args.answers} each; p50 / p99; goal 1.5x), on the temp folder's disk (the "
            "CPU time of each) and in memory (tmpfs, no wait for the disk)",
            f"{ms(statistics.median(ours))} / {ms(pct(ours, 99))} vs "
            f"{ms(statistics.median(base))} / {ms(pct(base, 99))}: **{ratio:.2f}x** "
            f"(p99 {ratio99:.2f}x; CPU {ms(cpu_ours)} vs {ms(cpu_base)}){mem_figure}",
        )
        readme_row(
            "unlock (argon2id t=3, 64 MiB, p=4, unseal the key, then open), median of 5",
            ms(statistics.median(u)),
        )
        readme_row(
            "key change when a user is disabled or a password reset (re-key the database, "
            f"seal the new key to every slot): {small_mb:.1f} MB store / {large_mb:.0f} MB "
            f"store ({args.screenings:,} draft screenings)",
            f"{ms(statistics.median(small_rekey))} / {ms(statistics.median(large_rekey))}",
        )
        readme_row(
            f"open a store with {args.screenings:,} draft screenings (4 answers each), list "
            "the first 200 cases / the window's 5,000, each marked when a draft's danger stop "
            "fired",
            f"{ms(opened)} + {ms(listed)} / {ms(window)}",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
