"""The statistics counted in SQL give the same figures as the statistics taken
row by row, to the unit, in every cell and every suppression mark, on a store
written through the store's own calls: both bundled checklists, items answered
again (the latest answer counts), declined and not-asked answers, amendments (the
amendment stands for the original), drafts (never counted), decisions that differ
from the suggestion, children of every age, sex and agency, and screenings
completed either side of midnight at the turn of a month in a zone with summer
time."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import random
import time

import pytest
from tests.conftest import new_store

from idcheck.checklist import Answer, Indicator, find, load_checklist_bytes
from idcheck.report.stats import collect, count_margins, period_bounds
from idcheck.report.stats_rows import collect_rows
from idcheck.store import AnswerContext, CaseDetails, Decision, InvalidInput
from idcheck.store.statistics import fill_screening_stats

ZONE = "Europe/Oslo"
RANGES = [
    (dt.date(2025, 1, 1), dt.date(2025, 12, 31), "month"),
    (dt.date(2025, 3, 1), dt.date(2025, 3, 31), "month"),  # the turn to summer time
    (dt.date(2025, 2, 15), dt.date(2025, 11, 3), "month"),  # months cut at both ends
    (dt.date(2024, 1, 1), dt.date(2026, 12, 31), "year"),
    (dt.date(2025, 10, 26), dt.date(2025, 10, 26), "month"),  # the day summer time ends
]


@pytest.fixture
def oslo():
    """Local time is Oslo's (summer time included) while the test runs."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = ZONE
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def local(*args: int) -> float:
    return dt.datetime(*args).timestamp()


def _times(rnd: random.Random, n: int) -> list[float]:
    """Completion times over 2025, many of them a second either side of a local
    midnight that starts a month or the day summer time begins or ends."""
    edges = [local(2025, m, 1) for m in range(1, 13)] + [
        local(2025, 3, 30, 3),
        local(2025, 10, 26),
        local(2026, 1, 1),
    ]
    out = []
    for i in range(n):
        if i % 3 == 0:
            out.append(rnd.choice(edges) + rnd.choice((-1.0, 0.0, 1.0)))
        else:
            out.append(local(2025, 1, 1) + rnd.random() * 364 * 86400)
    return out


@pytest.fixture
def realistic(tmp_path, oslo):
    store, _ = new_store(tmp_path / "store")
    rnd = random.Random(13)
    lists = []
    for cid in ("child-trafficking-full", "intake-screen"):
        text = find(cid).path.read_bytes()
        checklist = load_checklist_bytes(text)
        lists.append((checklist, text, hashlib.sha256(text).hexdigest()))
    times = _times(rnd, 90)
    for i, at in enumerate(times):
        cid = store.create_case(
            CaseDetails(
                reference=f"S-{i:03d}",
                claimed_age=rnd.choice([None, 8, 12, 14, 15, 17, 18, 30]),
                assessed_age=rnd.choice([None, None, 11, 16, 19]),
                gender=rnd.choice(["female", "male", "other", "unknown", None]),
                identified_by=rnd.choice(["police", "ngo", "health", "child-welfare", None]),
            )
        )
        checklist, text, sha = lists[0] if rnd.random() < 0.6 else lists[1]
        indicators = [it for _s, it in checklist.items() if isinstance(it, Indicator)]
        others = [it for _s, it in checklist.items() if not isinstance(it, Indicator)]
        outcomes = [o.id for o in checklist.outcomes]

        def answer_some(sid: int) -> None:
            for item in rnd.sample(indicators, min(len(indicators), rnd.randint(0, 7))):
                value = rnd.choice(["yes", "yes", "no", "unsure", "declined", "not-asked"])
                store.record_answer(sid, item.id, Answer.of(value), AnswerContext())
                if rnd.random() < 0.25:  # answered again: only the latest counts
                    store.record_answer(
                        sid, item.id, Answer.of(rnd.choice(["yes", "no"])), AnswerContext()
                    )
            for item in rnd.sample(others, min(len(others), 2)):
                with contextlib.suppress(InvalidInput):  # a question's "yes": no form
                    store.record_answer(sid, item.id, Answer.of("yes"), AnswerContext())

        def finish(sid: int, when: float) -> None:
            suggested = rnd.choice(outcomes)
            decided = suggested if rnd.random() < 0.7 else rnd.choice(outcomes)
            store.record_decision(sid, Decision(suggested, (), decided, "reasons"))
            store.complete_screening(sid, now=when)

        sid = store.start_screening(cid, checklist, text, sha)
        answer_some(sid)
        finish(sid, at)
        newest = sid
        if i % 7 == 0:  # amended: the amendment stands for it, in its own month
            newest = store.amend_screening(sid)
            answer_some(newest)
            finish(newest, at + rnd.choice([3600.0, 40 * 86400.0]))
        if i % 11 == 0:  # amended, the amendment still a draft: the newest completed counts
            answer_some(store.amend_screening(newest))
        if i % 5 == 0:  # a draft is never counted
            answer_some(store.start_screening(cid, checklist, text, sha))
    yield store
    store.lock()


def assert_same(a, b) -> None:
    assert a.periods == b.periods
    assert a.categories == b.categories
    assert a.counts == b.counts
    assert a.suppressed == b.suppressed
    for table, cats in a.categories.items():  # what every output prints
        for c in cats:
            for p in (*a.periods, "all"):
                assert a.shown((table, c, p)) == b.shown((table, c, p)), (table, c, p)


def test_sql_counts_are_the_row_by_row_counts_in_every_cell(realistic):
    seen = 0
    for since, until, by in RANGES:
        for checklist in (None, "intake-screen", "child-trafficking-full"):
            rows = collect_rows(realistic, since, until, by, checklist)
            sql = collect(realistic, since, until, by, checklist)
            assert_same(sql, rows)
            seen += rows.counts.get(("total", "total", "all"), 0)
    whole = collect(realistic, *RANGES[0])
    # The store is what it claims: each child's newest completed screening counted
    # once (some fall on 2026's first second or were amended into 2026), forms found,
    # small counts suppressed.
    assert 80 <= whole.counts[("total", "total", "all")] < 90
    assert any(v > 0 for (t, c, _p), v in whole.counts.items() if t == "form" and c != "none")
    assert set(whole.suppressed.values()) == {"<5", "x"}
    assert seen > 90


def test_a_screening_without_its_kept_row_is_worked_out_from_its_answers(realistic):
    """A completed screening that reached the store without its statistics row (as
    one written before the row existed, or copied in by another tool) is still
    counted, from its answers: the same figures."""
    before = collect(realistic, *RANGES[0])
    with realistic.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM screening_stats WHERE screening_id % 3 = 0")
    assert_same(collect(realistic, *RANGES[0]), before)
    assert_same(collect(realistic, *RANGES[2]), collect_rows(realistic, *RANGES[2]))
    # The migration fills every missing row the same way, amendments included.
    with realistic.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM screening_stats")
        fill_screening_stats(conn)
        assert conn.exec_driver_sql("SELECT count(*) FROM screening_stats").scalar() > 90
    assert_same(collect(realistic, *RANGES[0]), before)


def test_each_month_starts_at_local_midnight(oslo):
    bounds = period_bounds(dt.date(2025, 3, 15), dt.date(2025, 4, 30))
    assert [b[0] for b in bounds] == ["2025-03", "2025-04"]
    assert bounds[0][1] == local(2025, 3, 15)
    assert bounds[0][2] == bounds[1][1] == local(2025, 4, 1)
    # March has an hour less in Oslo: summer time starts on its last Sunday.
    assert bounds[1][1] - local(2025, 3, 1) == 31 * 86400 - 3600
    assert bounds[1][2] == local(2025, 5, 1)


def test_margins_count_like_rows():
    m = {
        ("sex", "2025-01", "female"): 3,
        ("sex", "2025-01", "Dr. Who"): 2,
        ("age", "2025-01", 15): 4,
        ("age", "2025-01", None): 1,
        ("identified-by", "2025-01", None): 5,
        ("outcome", "2025-01", "refer"): 5,
        ("form", "2025-01", ("labour", "made-up")): 2,
        ("form", "2025-01", ()): 3,
    }
    s = count_margins(m, dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    assert s.counts[("total", "total", "2025-01")] == 5
    assert s.counts[("sex", "other", "all")] == 2
    assert s.counts[("minor", "under-18", "2025-01")] == 4
    assert s.counts[("age-band", "unknown", "2025-01")] == 1
    assert s.counts[("identified-by", "not-recorded", "all")] == 5
    assert s.counts[("form", "other", "all")] == 2 == s.counts[("form", "labour", "all")]
    assert s.counts[("form", "none", "all")] == 3


def test_a_store_of_the_release_before_gets_its_rows_with_the_same_counts(tmp_path):
    """The migration fills the statistics' rows of a store written by the release
    before the follow-up (tests/store/data/store-0005, made by that release's code):
    one per completed screening, and the same counts as row by row."""
    import shutil
    from pathlib import Path

    from tests.conftest import open_store

    data = Path(__file__).resolve().parents[1] / "store" / "data" / "store-0005"
    path = tmp_path / "store"
    shutil.copytree(data, path, ignore=shutil.ignore_patterns("PASSWORD", "MANIFEST.json"))
    password = (data / "PASSWORD").read_text(encoding="utf-8").splitlines()[0]
    store = open_store(path, "anna", password)
    try:
        with store.engine.connect() as conn:
            completed = conn.exec_driver_sql(
                "SELECT count(*) FROM screenings WHERE status = 'completed'"
            ).scalar_one()
            kept = conn.exec_driver_sql("SELECT count(*) FROM screening_stats").scalar_one()
        assert completed >= 2 and kept == completed
        span = (dt.date(2000, 1, 1), dt.date(2100, 12, 31), "year")
        assert_same(collect(store, *span), collect_rows(store, *span))
        assert collect(store, *span).counts[("total", "total", "all")] >= 2
    finally:
        store.lock()
