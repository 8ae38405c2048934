"""Anonymised statistics: categories, suppression of small counts (and of what
would give them away), no personal data in any output, the PDF read back."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader
from tests.conftest import new_store

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.report.stats import (
    SECONDARY,
    SUPPRESSED,
    collect,
    lines_of,
    parse_date,
    to_csv,
    to_json,
)
from idcheck.report.stats_pdf import render_stats_pdf
from idcheck.report.stats_rows import build_stats, classify
from idcheck.store import AnswerContext, CaseDetails, Decision, NotAllowed, StatRow, Store

PASSWORD = "correct horse battery"
CANARY_REF = "CANARY-REF-7731"
CANARY_NAME = "Zqxvbnamecanary"
CANARY_TEXT = "Officer Canarytext"


def row(day: dt.date, **kw) -> StatRow:
    at = dt.datetime.combine(day, dt.time(12)).timestamp()
    base = dict(
        gender="female",
        claimed_age=15,
        assessed_age=None,
        age_disputed=False,
        nationality=None,
        identified_by="police",
        checklist_id="c",
        outcome="refer",
        forms=("labour",),
    )
    base.update(kw)
    return StatRow(at, **base)


def test_minors_by_assessed_age_else_claimed_age_and_unknown_stated():
    d = dt.date(2026, 3, 1)
    assert classify(row(d, claimed_age=15, assessed_age=19))["minor"] == ["18-over"]
    assert classify(row(d, claimed_age=19, assessed_age=16))["minor"] == ["under-18"]
    assert classify(row(d, claimed_age=17))["age-band"] == ["15-17"]
    assert classify(row(d, claimed_age=None))["minor"] == ["unknown"]
    assert classify(row(d, claimed_age=None))["age-band"] == ["unknown"]
    assert classify(row(d, claimed_age=11))["age-band"] == ["under-12"]
    assert classify(row(d, forms=()))["form"] == ["none"]
    # Anything but the known words is "other": no free text passes.
    odd = classify(row(d, identified_by=CANARY_TEXT, gender="x", outcome="Not An Id!"))
    assert odd["identified-by"] == ["other"] and odd["sex"] == ["other"]
    assert odd["outcome"] == ["other"]
    assert classify(row(d, identified_by=None, gender=None))["sex"] == ["not-recorded"]


def test_small_counts_are_shown_as_under_five_and_totals_give_none_away():
    day = dt.date(2026, 1, 10)
    rows = [row(day) for _ in range(20)] + [row(day, gender="male") for _ in range(3)]
    rows += [row(dt.date(2026, 2, 3), gender="male") for _ in range(7)]
    s = build_stats(rows, dt.date(2026, 1, 1), dt.date(2026, 2, 28))
    assert s.shown(("sex", "male", "2026-01")) == SUPPRESSED
    assert s.shown(("sex", "female", "2026-01")) == SECONDARY  # 23 - 20 would give 3
    # male across periods: 3 hidden, the 7 of February and the total would give it
    assert s.shown(("sex", "male", "2026-02")) == SECONDARY
    assert s.total() == 30
    for entries, total in lines_of(s.periods, s.categories):
        hidden = [k for k in (*entries, total) if k in s.suppressed]
        assert len(hidden) != 1, (entries, total)
    assert all(s.counts.get(k, 0) > 0 for k in s.suppressed)  # 0 is never hidden


def test_suppression_holds_for_many_random_tables():
    import random

    rnd = random.Random(7)
    for _ in range(30):
        rows = [
            row(
                dt.date(2026, rnd.randint(1, 6), rnd.randint(1, 28)),
                gender=rnd.choice(["female", "male", "other", None]),
                claimed_age=rnd.choice([None, 8, 13, 16, 17, 20]),
                identified_by=rnd.choice(["police", "ngo", "health", None]),
                outcome=rnd.choice(["refer", "watch"]),
                forms=tuple(rnd.sample(["labour", "sexual", "begging"], rnd.randint(0, 2))),
            )
            for _ in range(rnd.randint(1, 60))
        ]
        s = build_stats(rows, dt.date(2026, 1, 1), dt.date(2026, 6, 30))
        for k, n in s.counts.items():
            if 0 < n < 5:
                assert s.shown(k) == SUPPRESSED
        for entries, total in lines_of(s.periods, s.categories):
            assert len([k for k in (*entries, total) if k in s.suppressed]) != 1


def test_periods_by_year_and_bad_dates():
    rows = [row(dt.date(2025, 5, 1)), row(dt.date(2026, 5, 1))]
    s = build_stats(rows, dt.date(2025, 1, 1), dt.date(2026, 12, 31), "year")
    assert s.periods == ("2025", "2026")
    with pytest.raises(ValueError, match="--from: '2026-02-30' is not a date"):
        parse_date("2026-02-30", "--from")
    with pytest.raises(ValueError, match="is before --from"):
        build_stats([], dt.date(2026, 2, 1), dt.date(2026, 1, 1))
    with pytest.raises(ValueError, match="not month or year"):
        build_stats([], dt.date(2026, 1, 1), dt.date(2026, 1, 2), "week")


def test_a_row_outside_the_days_asked_is_not_counted():
    s = build_stats(
        [row(dt.date(2026, 1, 31)), row(dt.date(2026, 2, 1))],
        dt.date(2026, 2, 1),
        dt.date(2026, 2, 28),
    )
    assert s.counts[("total", "total", "all")] == 1


@pytest.fixture
def store_with_canary(tmp_path):
    store, _ = new_store(tmp_path / "store")
    text = find("intake-screen").path.read_bytes()
    checklist = load_checklist_bytes(text)
    sha = hashlib.sha256(text).hexdigest()
    for i in range(9):
        cid = store.create_case(
            CaseDetails(
                reference=f"{CANARY_REF}-{i}",
                given_name=CANARY_NAME,
                family_name=CANARY_NAME,
                claimed_age=15 if i < 7 else None,
                gender="female" if i < 6 else "male",
                identified_by="police",
                notes=CANARY_TEXT,
                nationality="ER",
            )
        )
        if i == 8:
            # Free text where an agency belongs, as answers files once allowed (the
            # store now refuses it): still never in any output.
            with store.engine.begin() as conn:
                conn.exec_driver_sql(
                    "UPDATE cases SET identified_by = ? WHERE id = ?", (CANARY_TEXT, cid)
                )
        sid = store.start_screening(cid, checklist, text, sha)
        store.record_answer(
            sid,
            "debt",
            Answer(value="yes" if i < 5 else "no"),
            AnswerContext(
                source="child-said",
                child_words=CANARY_TEXT,
                worker_note=CANARY_NAME,
                interpreter=CANARY_NAME,
            ),
        )
        store.record_answer(sid, "work-or-money", Answer(value="yes" if i < 5 else "no"))
        store.record_decision(sid, Decision("full-screening", (), "full-screening", CANARY_TEXT))
        store.complete_screening(sid)
    yield store
    store.lock()


def pdf_text(data: bytes) -> str:
    return unicodedata.normalize(
        "NFKC", "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    )


def test_no_name_reference_or_text_in_any_output(store_with_canary, tmp_path):
    today = dt.date.today()
    s = collect(store_with_canary, today.replace(day=1), today)
    out = tmp_path / "stats.pdf"
    render_stats_pdf(s, out)
    pdf = out.read_bytes()
    outputs = {"csv": to_csv(s), "json": to_json(s), "pdf": pdf_text(pdf)}
    for name, text in outputs.items():
        for canary in (CANARY_REF, "CANARY", CANARY_NAME, CANARY_TEXT, "Canarytext", "ER"):
            assert canary not in text, (name, canary)
        assert "victim" not in text.lower(), name
    assert CANARY_REF.encode() not in pdf and CANARY_NAME.encode() not in pdf
    doc = json.loads(outputs["json"])
    assert doc["total"]["all"] == 9
    assert doc["tables"]["sex"]["counts"]["female"]["all"] == SECONDARY  # 9 - 6 gives 3
    assert doc["tables"]["sex"]["counts"]["male"]["all"] == SUPPRESSED
    assert doc["tables"]["identified-by"]["counts"]["other"]["all"] == SUPPRESSED
    assert doc["tables"]["identified-by"]["counts"]["police"]["all"] == SECONDARY


def test_pdf_page_reads_back_with_suppression_and_embedded_fonts(store_with_canary, tmp_path):
    today = dt.date.today()
    s = collect(store_with_canary, today.replace(day=1), today)
    out = tmp_path / "stats.pdf"
    render_stats_pdf(s, out)
    reader = PdfReader(out)
    # Page 1 the screenings, page 2 the follow-up (issue 13) of the same children.
    assert len(reader.pages) == 2
    assert "Follow-up" in reader.pages[1].extract_text()
    text = unicodedata.normalize("NFKC", reader.pages[0].extract_text())
    flat = " ".join(text.split())
    assert "Anonymised statistics" in flat
    assert "In all: 9 completed screenings" in flat
    assert "male <5" in flat and "female x" in flat
    assert "labour exploitation 5" in flat and "no form recorded <5" in flat
    assert "Counts of 1 to 4 are shown as <5" in flat
    assert "Page 1 of 2" in flat
    assert f"audit {store_with_canary.audit_head()}" in flat
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.fail("pdffonts (poppler-utils) is needed; ./dev installs it")
    rows = subprocess.run(
        [pdffonts, str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert rows and all(r.split()[-5] == "yes" for r in rows), rows


def test_statistics_are_for_administrators(store_with_canary, tmp_path):
    store_with_canary.add_user("ben", "worker password 1", "worker")
    data = store_with_canary.data_dir
    store_with_canary.lock()
    ben = Store.open(data, "ben", "worker password 1")
    try:
        with pytest.raises(NotAllowed):
            collect(ben, dt.date(2026, 1, 1), dt.date.today())
    finally:
        ben.lock()
