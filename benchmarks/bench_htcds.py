"""HTCDS export figures, measured side by side in one run.

    python benchmarks/bench_htcds.py [--runs N] [--cases N]

A store of N cases (default 1,000), each with a completed intake screening (three
indicators answered yes, a decision) and every other one a referral with two
states. Timed, interleaved so each sees the same machine load: the HTCDS export's
reading and mapping (``htcds.collect`` + ``htcds.build``: every case, its standing
screenings and referrals read by ``Store.cases_for_export`` in a few queries), the whole export written as JSON,
the anonymised export written as CSV, and the statistics' core aggregation over the
same store (``stats.collect``), which reads one anonymous row per screening.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import median, ms, readme_row

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.report import htcds, htcds_out
from idcheck.report.stats import collect
from idcheck.store import AnswerContext, CaseDetails, Decision, ReferralDraft, Store
from idcheck.store.keys import MINIMUM_KDF

PASSWORD = "benchmark password"
NATIONS = ("Eritrea", "Afghanistan", "Syria", "Somalia", "Viet Nam", "Albania")
LANGS = ("Tigrinya, Arabic", "Dari", "Arabic", "Somali, English", "Vietnamese", "Albanian")


def build_store(folder: Path, cases: int) -> Store:
    store, _ = Store.create(folder, "anna", PASSWORD, kdf=MINIMUM_KDF)
    text = find("intake-screen").path.read_bytes()
    checklist = load_checklist_bytes(text)
    sha = hashlib.sha256(text).hexdigest()
    for i in range(cases):
        cid = store.create_case(
            CaseDetails(
                reference=f"B-{i:06d}",
                claimed_age=10 + i % 9,
                gender=("female", "male")[i % 2],
                nationality=NATIONS[i % len(NATIONS)],
                languages=LANGS[i % len(LANGS)],
                identified_by=("police", "child-welfare", "ngo")[i % 3],
            )
        )
        sid = store.start_screening(cid, checklist, text, sha)
        for item in ("debt", "fear-threats", "work-or-money"):
            store.record_answer(sid, item, Answer(value="yes"), AnswerContext(source="child-said"))
        store.record_decision(sid, Decision("full-screening", (), "full-screening"))
        store.complete_screening(sid)
        if i % 2 == 0:
            rid = store.add_referral(cid, ReferralDraft("Barnevernet", "phone", time.time()))
            store.set_referral_state(rid, "accepted")
    return store


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cases", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        t0 = time.perf_counter()
        store = build_store(tmp / "store", args.cases)
        print(f"store with {args.cases} screened cases built in {time.perf_counter() - t0:.1f} s")
        today = dt.date.today()
        since = today - dt.timedelta(days=1)
        reading, full, anon, stats = [], [], [], []
        try:
            for _ in range(args.runs + 1):  # the first round warms up, untimed
                t = time.perf_counter()
                export = htcds.build(htcds.collect(store), store.site_profile())
                t1 = time.perf_counter()
                htcds_out.write(export, tmp / "cases.json", "json")
                t2 = time.perf_counter()
                htcds_out.write(htcds_out.anonymise(export), tmp / "national.csv", "csv")
                t3 = time.perf_counter()
                collect(store, since, today)
                t4 = time.perf_counter()
                reading.append(t1 - t)
                full.append(t2 - t)
                anon.append(t3 - t2 + (t1 - t))
                stats.append(t4 - t3)
            size = (tmp / "cases.json").stat().st_size
        finally:
            store.lock()
    reading, full, anon, stats = reading[1:], full[1:], anon[1:], stats[1:]
    print(f"  read and map every case           {ms(median(reading))}")
    print(f"  full export, JSON written         {ms(median(full))} ({size} bytes)")
    print(f"  anonymised export, CSV written    {ms(median(anon))}")
    print(f"  statistics, core aggregation      {ms(median(stats))}")
    ratio = median(full) / median(stats)
    readme_row(
        f"HTCDS export of {args.cases:,} screened cases (half with a referral): read and map / "
        "JSON written / anonymised CSV written, vs the statistics over the same store",
        f"{ms(median(reading))} / {ms(median(full))} / {ms(median(anon))} vs "
        f"{ms(median(stats))} (**{ratio:.1f}x**)",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
