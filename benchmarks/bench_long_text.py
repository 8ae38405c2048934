"""A support letter and a referral with the longest child's words the store keeps.

    python benchmarks/bench_long_text.py

The store keeps at most MAX_TEXT (20,000) characters of the child's words in an
answer. Referrals and letters lay each text out as one paragraph, re-wrapped on
every page, so their time grows with the square of its length (400,000
characters took 114 s for a letter here before the bound; 138 s when the issue
was filed). Median of 3, PDF in memory.
"""

from __future__ import annotations

import hashlib
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import ms, readme_row

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.report import build_summary, render_referral
from idcheck.report.letter import choose, letter_facts, letter_pdf
from idcheck.store import AnswerContext, CaseDetails, Store
from idcheck.store.records import MAX_TEXT


def main() -> int:
    text = find("intake-screen").path.read_bytes()
    words = ("He said I must pay back the trip first, and then I can go to school. " * 400)[
        :MAX_TEXT
    ]
    with tempfile.TemporaryDirectory() as d:
        s, _ = Store.create(Path(d) / "s", "bench", "benchmark password")
        cid = s.create_case(CaseDetails(reference="LONG-1"))
        sid = s.start_screening(
            cid, load_checklist_bytes(text), text, hashlib.sha256(text).hexdigest()
        )
        s.record_answer(
            sid, "debt", Answer(value="yes"), AnswerContext(source="child-said", child_words=words)
        )
        facts = letter_facts(s, sid, include_names=False)
        chosen = choose(facts, "all")
        letter, referral = [], []
        for _ in range(3):
            t0 = time.perf_counter()
            letter_pdf(facts, chosen)
            letter.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            render_referral(build_summary(s, sid, include_names=False), io.BytesIO())
            referral.append(time.perf_counter() - t0)
        s.lock()
    print(f"letter: {[ms(t) for t in letter]}; referral: {[ms(t) for t in referral]}")
    readme_row(
        "support letter / referral PDF with the longest child's words kept "
        f"({MAX_TEXT:,} characters; 400,000 took 114 s before the bound)",
        f"{ms(statistics.median(letter))} / {ms(statistics.median(referral))}",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
