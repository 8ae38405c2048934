"""``db verify`` on a large trail.

    python benchmarks/bench_verify.py [--screenings N] [--answers K]

A realistic store (benchmarks/_stores.py): N cases (default 10,000), each with
one completed screening of K answers (default 40) with the child's words, a
decision and the pinned documents, and the audit rows the store writes for them
(about N * (K + 4) rows: 440,000 by default). Then measures ``Store.verify()``
(SQLite's and SQLCipher's checks, triggers, every audit row's link and HMAC,
every completed screening's content against its completion row), median of 3,
on the open store, with the processor time it took in this process and in the
process that checks the chain beside it. ``--keep DIR`` builds the store in DIR
once and reuses it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _stores
from _util import ms

from idcheck.store import Store


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--screenings", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=40)
    parser.add_argument("--keep", type=Path, help="build the store here once, and reuse it")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        d = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        t0 = time.perf_counter()
        if not (d / "store").exists():
            _stores.build(d / "store", args.screenings, args.answers)
        built = time.perf_counter() - t0
        store = Store.open(d / "store", "bench", _stores.PASSWORD)
        times = []
        cpu = []
        result = None
        for _ in range(3):
            t0 = time.perf_counter()
            c0 = os.times()
            result = store.verify()
            times.append(time.perf_counter() - t0)
            c1 = os.times()
            cpu.append(
                (
                    c1.user + c1.system - c0.user - c0.system,
                    c1.children_user + c1.children_system - c0.children_user - c0.children_system,
                )
            )
        store.lock()
        assert result is not None and result.ok, result
        rows = result.audit_rows
        print(
            f"built {args.screenings} completed screenings of {args.answers} answers "
            f"({rows:,} audit rows) in {built:.0f} s"
        )
        for m in result.messages:
            print(f"  {m}")
        print(f"verify: median {ms(statistics.median(times))} of {[ms(t) for t in times]}")
        print(
            "processor time (this process + the chain's): "
            + ", ".join(f"{a:.2f} s + {b:.2f} s" for a, b in cpu)
            + f"; load average {os.getloadavg()[0]:.1f}"
        )
        print()
        print(
            f"| `db verify` of a trail of {rows:,} rows ({args.screenings:,} completed "
            f"screenings of {args.answers} answers; integrity, triggers, chain, content) | "
            f"{ms(statistics.median(times))} | `python benchmarks/bench_verify.py` |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
