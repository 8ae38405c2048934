"""The case list's page below a row, deep among many equal values (a status
most cases share, a common name): the pair keyset alone (``(value, id) > (?, ?)``,
which SQLite seeks by its first term only, then reads every row of that value
before the page) against the two ranges the store reads now
(``idcheck.store.case_list.page_of``: the rest of the row's value, then the
values after it, each sought in the index), side by side in one run.

    python benchmarks/bench_list_orders.py [--cases N] [--runs N]

The store (default 100,000 cases; an encrypted file made by the migrations) is
written straight into the table: every case open, names from a short list (so
each name is shared by thousands), no screenings (the page's ids are measured,
not its counts). Medians of ``--runs``, the two ways taking turns; both give the
same ids.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import median, ms, readme_row
from sqlalchemy import insert, select

from idcheck.store.case_list import ordered, page_of
from idcheck.store.schema import cases, users
from idcheck.store.sort_keys import name_key

NAMES = ["Ola Nordmann", "Kari Hansen", "Øystein Berg", "Fatima Ali", "Émile Dubois"]


def build(folder: Path, n: int) -> Any:
    from alembic import command

    from idcheck.store.database import alembic_config, make_engine

    engine = make_engine(folder / "idcheck.db", bytearray(secrets.token_bytes(32)), create=True)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.execute(
            insert(users).values(id=1, username="bench", role="admin", disabled=False, created_at=0)
        )
        conn.execute(
            insert(cases),
            [
                {
                    "reference": f"R-{i:06d}",
                    "given_name": NAMES[i % len(NAMES)],
                    "search_key": f"r-{i:06d}",
                    "name_key": name_key(NAMES[i % len(NAMES)], None),
                    "status": "open",
                    "age_disputed": False,
                    "created_at": i,
                    "updated_at": i,
                    "first_contact_at": i,
                    "created_by": 1,
                }
                for i in range(n)
            ],
        )
    return engine


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    n = args.cases
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        engine = build(Path(tmp), n)
        print(f"built {n:,} cases in {time.perf_counter() - t0:.1f} s")
        deep_id = n // 10 + 1  # ascending, newest first among equals: 90% down its value
        with engine.connect() as conn:
            cases_of = {
                "status": ("open", deep_id),
                "name": (name_key(NAMES[(deep_id - 1) % len(NAMES)], None), deep_id),
            }
            for by, after in cases_of.items():
                ways = {
                    "pair": ordered(select(cases.c.id), by, True, after).limit(100),
                    "ranges": page_of(select(cases.c.id), by, True, after, 100),
                }
                got = {k: conn.execute(q).scalars().all() for k, q in ways.items()}
                assert got["pair"] == got["ranges"] and len(got["pair"]) == 100, by
                times: dict[str, list[float]] = {k: [] for k in ways}
                for _ in range(args.runs):
                    for k, q in ways.items():
                        t = time.perf_counter()
                        conn.execute(q).scalars().all()
                        times[k].append(time.perf_counter() - t)
                pair, ranges = median(times["pair"]), median(times["ranges"])
                share = n if by == "status" else n // len(NAMES)
                print(f"  {by:7} pair {ms(pair)}, two ranges {ms(ranges)}")
                readme_row(
                    f"the case list sorted by {by}, the 100 ids below a row {share:,} cases "
                    f"share the {by} of, 90% down them ({n:,} cases): the pair keyset alone "
                    "/ two ranges sought (now)",
                    f"{ms(pair)} / {ms(ranges)} ({pair / ranges:.0f}×)",
                )
        engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
