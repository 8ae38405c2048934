"""Report figures, measured side by side in one run.

    python benchmarks/bench_report.py [--runs N] [--screenings N]

* referral: median time to build the referral of a 60-answer screening of the
  full checklist (``make_referral``: the summary read once from the store,
  writing no audit row, and the PDF with "page x of y" in its footer, its
  right-to-left quotes laid out by the bidirectional algorithm), against a bare reportlab document holding the
  same paragraphs in the same fonts (no store, no footer), the two
  interleaved so both see the same machine load; the ratio of medians is the
  figure;
* with ``--screenings N``, statistics over N completed screenings (the README's
  figure is ``bench_stats.py``'s, on a realistic store): the core
  aggregation (``idcheck.report.stats.collect``: the store's anonymous rows,
  counting and suppression) and ``idcheck stats`` end to end as a process
  (start, unlock with the real argon2id parameters, count, write the CSV).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import median, ms, readme_row, time_stats_command
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate

from idcheck.checklist import Answer, Indicator, find, load_checklist_bytes, validate_answer
from idcheck.report import build_summary, make_referral, render_referral
from idcheck.report.pdf import story
from idcheck.report.stats import collect
from idcheck.store import AnswerContext, CaseDetails, Decision, Store
from idcheck.store.keys import MINIMUM_KDF
from idcheck.store.statistics import fill_screening_stats

PASSWORD = "benchmark password"
WORDS = (
    ("en", "He said I must pay back the trip before I can go to school."),
    ("ar", "أخذوا جواز سفري ولا أستطيع العودة"),
    ("ti", "ኣብ ቤት ይሰርሕ ነይረ"),
    ("nb", "Jeg må betale tilbake reisen før jeg får gå"),
)


def sample_value(item) -> Answer | None:
    if isinstance(item, Indicator):
        return None
    candidates = {
        "yes-no": ["yes"],
        "choice": [o.id for o in item.options[:1]],
        "multi-choice": [[o.id for o in item.options[:2]]],
        "number": [15],
        "date": ["2026-03-01"],
        "text": ["Arrived with a group by bus"],
    }[item.type]
    for v in candidates:
        a = Answer(value=v)
        if not validate_answer(item, a):
            return a
    return None


def screening_of_60(tmp: Path) -> tuple[Store, int]:
    store, _ = Store.create(
        tmp / "referral", "bench", PASSWORD, kdf=MINIMUM_KDF
    )  # unlock not timed
    text = find("child-trafficking-full").path.read_bytes()
    checklist = load_checklist_bytes(text)
    cid = store.create_case(CaseDetails(reference="BENCH-060", claimed_age=15, age_disputed=True))
    sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
    n = 0
    for i, (_section, item) in enumerate(checklist.items()):
        if n == 60:
            break
        if isinstance(item, Indicator):
            answer = Answer(value=("yes", "unsure", "no")[i % 3])
            lang, words = WORDS[i % len(WORDS)]
            ctx = AnswerContext(
                source="child-said",
                child_words=words,
                language=lang,
                read_back=bool(i % 2),
                worker_note="Calm, looked at the door.",
            )
        else:
            answer = sample_value(item)
            if answer is None:
                continue
            ctx = AnswerContext(source="observed")
        store.record_answer(sid, item.id, answer, ctx)
        n += 1
    assert n == 60, n
    rec = store.get_screening(sid, audit=False)
    from idcheck.checklist import assess

    a = assess(checklist, rec.plain_answers())
    store.record_decision(sid, Decision(a.outcome.id, a.fired_ids, a.outcome.id))
    store.complete_screening(sid)
    return store, sid


def referral(store: Store, sid: int) -> bytes:
    doc, _summary = make_referral(store, sid)
    return doc.data


def bare(paragraphs: list[tuple[str, ParagraphStyle]]) -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
    )
    doc.build([Paragraph(text, style) for text, style in paragraphs])
    return buf.getvalue()


def _paragraphs(flowables: list) -> list[Paragraph]:
    out: list[Paragraph] = []
    for f in flowables:
        if isinstance(f, Paragraph):
            out.append(f)
        elif isinstance(f, KeepTogether):
            out += _paragraphs(f._content)
    return out


def referral_figures(tmp: Path, runs: int) -> tuple[list[float], list[float], list[float], int]:
    store, sid = screening_of_60(tmp)
    summary = build_summary(store, sid)
    # The same paragraphs (markup, fonts, shaping) as the referral, for the bare document.
    # Every paragraph, those kept together with the next included (KeepTogether
    # holds them in its content): the bare document is given all the referral's text.
    paragraphs = [(p.text, p.style) for p in _paragraphs(story(summary))]
    referral(store, sid)
    bare(paragraphs)  # fonts registered and warm for both
    ours, base, render = [], [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        referral(store, sid)
        ours.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        render_referral(summary, io.BytesIO())
        render.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        bare(paragraphs)
        base.append(time.perf_counter() - t0)
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(referral(store, sid))).pages)
    bare_pages = len(PdfReader(io.BytesIO(bare(paragraphs))).pages)
    print(f"  the bare document: all {len(paragraphs)} paragraphs, {bare_pages} pages")
    store.lock()
    return ours, base, render, pages


def large_completed_store(tmp: Path, n: int) -> tuple[Path, float]:
    """n completed screenings over 2025, built in big transactions (record by
    record would take hours of fsyncs; the rows are the same)."""
    from sqlalchemy import bindparam, insert, update

    from idcheck.store.schema import answers, cases, checklist_texts
    from idcheck.store.schema import screenings as scr

    data = tmp / "large"
    store, _ = Store.create(
        data, "bench", PASSWORD
    )  # real slot parameters: the CLI unlock is measured
    text = find("intake-screen").path.read_bytes()
    checklist = load_checklist_bytes(text)
    sha = hashlib.sha256(text).hexdigest()
    indicators = [i for _s, i in checklist.items() if isinstance(i, Indicator) and i.forms]
    outcomes = [o.id for o in checklist.outcomes]
    rnd = random.Random(6)
    start = dt.datetime(2025, 1, 1).timestamp()
    t0 = time.perf_counter()
    with store.engine.begin() as conn:
        conn.execute(insert(checklist_texts).values(sha256=sha, text=text))
        conn.execute(
            insert(cases),
            [
                {
                    "reference": f"B-{i:06d}",
                    "search_key": f"b-{i:06d}",
                    "age_disputed": False,
                    "status": "open",
                    "created_at": start,
                    "updated_at": start,
                    "created_by": 1,
                    "gender": rnd.choice(["female", "male", "other", "unknown", None]),
                    "claimed_age": rnd.choice([None, 9, 13, 14, 15, 16, 17, 19]),
                    "assessed_age": rnd.choice([None, None, None, 16, 18]),
                    "identified_by": rnd.choice(
                        ["police", "immigration", "health", "child-welfare", "ngo", "other", None]
                    ),
                }
                for i in range(n)
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
                    "started_at": start,
                    "started_by": 1,
                }
                for i in range(n)
            ],
        )
        conn.execute(
            insert(answers),
            [
                {
                    "screening_id": i + 1,
                    "item_id": item.id,
                    "status": "answered",
                    "value": '"yes"',
                    "answered_by": 1,
                    "answered_at": start,
                }
                for i in range(n)
                for item in rnd.sample(indicators, rnd.randint(0, min(3, len(indicators))))
            ],
        )
        done = []
        for i in range(n):
            o = rnd.choice(outcomes)
            # Screenings are completed roughly in the order they were started: a day or
            # two of jitter, not a random order over the year.
            at = start + (i / n) * 362 * 86400 + rnd.random() * 2 * 86400
            done.append({"sid": i + 1, "at": at, "o": o})
        conn.execute(
            update(scr)
            .where(scr.c.id == bindparam("sid"))
            .values(
                status="completed",
                completed_at=bindparam("at"),
                suggested_outcome=bindparam("o"),
                decision_outcome=bindparam("o"),
            ),
            done,
        )
        # What each completion writes for the statistics (one statement here).
        fill_screening_stats(conn)
    build = time.perf_counter() - t0
    store.lock()
    return data, build


def stats_figures(tmp: Path, n: int, runs: int) -> tuple[float, list[float], list[float]]:
    data, build = large_completed_store(tmp, n)
    store = Store.open(data, "bench", PASSWORD)
    core = []
    since, until = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    for _ in range(runs):
        t0 = time.perf_counter()
        s = collect(store, since, until)
        core.append(time.perf_counter() - t0)
    assert s.counts[("total", "total", "all")] == n, s.counts[("total", "total", "all")]
    store.lock()
    cli = time_stats_command(data, tmp, PASSWORD, runs)
    return build, core, cli


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15, help="referral runs (stats: a third)")
    # The statistics' figure is bench_stats.py's (a realistic store, old and new side
    # by side); here only on request.
    parser.add_argument("--screenings", type=int, default=0, help="0: referral only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        ours, base, render, pages = referral_figures(tmp, args.runs)
        ratio = median(ours) / median(base)
        print(f"referral of a 60-answer screening ({pages} pages), {args.runs} runs interleaved:")
        print(f"  make_referral (summary + PDF)    {ms(median(ours))}")
        print(f"  of which render_referral alone   {ms(median(render))}")
        print(f"  bare reportlab, same paragraphs  {ms(median(base))}")
        print(f"  ratio of medians                 {ratio:.2f}x")
        readme_row(
            f"referral PDF of a 60-answer screening ({pages} pages), summary from the store + "
            "PDF vs a bare reportlab document with every one of its paragraphs",
            f"{ms(median(ours))} (PDF alone {ms(median(render))}) vs {ms(median(base))}: "
            f"**{ratio:.2f}x**",
        )
        if args.screenings <= 0:
            return 0
        stat_runs = max(3, args.runs // 3)
        build, core, cli = stats_figures(tmp, args.screenings, stat_runs)
        print(f"store with {args.screenings} completed screenings built in {build:.1f} s")
        print(f"  statistics, core aggregation     {ms(median(core))}")
        print(f"  idcheck stats, whole process     {ms(median(cli))}")
        readme_row(
            f"anonymised statistics over {args.screenings:,} completed screenings: core "
            "aggregation / `idcheck stats` end to end (start, unlock, count, CSV)",
            f"{ms(median(core))} / {ms(median(cli))}",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
