"""Statistics of the follow-up (issue 13): time from first contact to a safe
placement and to each referral, referrals by state, children who went missing and
were found; counted per case by the month of first contact, suppressed as the
screening statistics are, recipients never named, in the CSV, the JSON and the
PDF page."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from pypdf import PdfReader
from tests.conftest import WORKER_PASSWORD, new_store, open_store

from idcheck.report.followup_stats import count_followup
from idcheck.report.stats import collect, period_bounds, to_csv, to_json
from idcheck.report.stats_pdf import render_stats_pdf
from idcheck.store import (
    CaseDetails,
    FollowupStatRow,
    MissingDraft,
    NotAllowed,
    ReferralDraft,
    TaskDraft,
)

H = 3600.0
CANARY = "Zqx Canary Agency"
JAN = dt.date(2026, 1, 1), dt.date(2026, 1, 31)


def at(day: int, hour: int = 9) -> float:
    return dt.datetime(2026, 1, day, hour).timestamp()


def row(first: float, placed: float | None = None, referrals=(), states=(), missing=(0, 0)):
    return FollowupStatRow(
        created_at=first,
        first_contact_at=first,
        safe_placement_done_at=placed,
        first_referrals=tuple(referrals),
        referral_states=tuple(states),
        missing_episodes=missing[0],
        missing_found=missing[1],
    )


def test_bands_totals_medians_and_suppression():
    rows = [row(at(d), at(d) + 20 * H, [("a", at(d) + 2 * H)], ["accepted"]) for d in range(1, 9)]
    rows += [row(at(10), at(10) + 50 * H, [("a", at(11)), ("b", at(20))], ["sent", "declined"])]
    rows += [row(at(12), None, [], [], (2, 1)), row(at(13), None, [], [], (1, 1))]
    rows += [row(dt.datetime(2026, 2, 1).timestamp())]  # outside January: not counted
    f = count_followup(rows, period_bounds(*JAN))
    c = f.counts
    assert c[("cases", "cases", "all")] == 11
    assert c[("placement", "within-24h", "all")] == 8
    assert c[("placement", "1-3-days", "all")] == 1
    assert c[("placement", "not-recorded", "all")] == 2
    assert c[("referred", "referred", "all")] == 10
    assert c[("referral-time", "within-24h", "all")] == 9  # 24 hours to the second: within
    assert c[("referral-time", "over-7-days", "all")] == 1
    assert c[("referral-state", "accepted", "all")] == 8
    assert c[("missing", "children-missing", "all")] == 2
    assert c[("missing", "children-found", "all")] == 1
    assert c[("missing", "episodes", "all")] == 3
    assert c[("missing", "episodes-found", "all")] == 2
    # 1 to 4 shown as <5; where a total would give one away, the next one as x.
    assert f.shown(("placement", "1-3-days", "all")) == "<5"
    assert f.shown(("placement", "not-recorded", "all")) == "<5"
    assert f.shown(("placement", "within-24h", "all")) == 8  # two hidden: the sum gives none away
    assert f.shown(("referral-state", "sent", "all")) == "<5"
    assert f.shown(("referral-state", "declined", "all")) == "<5"
    assert f.shown(("cases", "cases", "all")) == 11
    assert f.shown(("referral-time", "over-7-days", "all")) == "<5"
    hidden = [k for k in f.suppressed if k[0] == "referral-time"]
    assert len(hidden) >= 2  # no line of the table has a single hidden count
    # Medians only over five or more.
    assert f.median("placement") == "20.0"
    assert f.median("referral") == "2.0"
    few = count_followup(rows[:3], period_bounds(*JAN))
    assert few.median("placement") == "<5"


def test_no_line_gives_a_hidden_count_away():
    rows = [
        row(
            at(1 + i % 28),
            at(1 + i % 28) + (i % 5) * 20 * H,
            [("r", at(1 + i % 28) + (i % 9) * 24 * H)] * (i % 2),
            ["sent", "received", "accepted", "declined", "closed"][: i % 4],
            (i % 3, i % 2),
        )
        for i in range(37)
    ]
    f = count_followup(rows, period_bounds(dt.date(2026, 1, 1), dt.date(2026, 3, 31)))
    from idcheck.report.followup_stats import _lines

    for entries, total in _lines(f.periods):
        members = [*entries, total]
        assert sum(1 for k in members if k in f.suppressed) != 1, members


@pytest.fixture
def followed(tmp_path):
    store, _ = new_store(tmp_path / "store")
    store.add_user("ben", WORKER_PASSWORD, "worker")
    now = at(28)
    for i in range(7):
        cid = store.create_case(CaseDetails(reference=f"F-{i}", given_name="Zqxname"))
        store.set_first_contact(cid, at(1 + i), "came to the reception", now=now)
        tid = store.add_task(cid, TaskDraft("Safe place tonight", clock="safe-placement"), now=now)
        store.finish_task(tid, "done", now=at(1 + i) + (10 + i) * H)
        rid = store.add_referral(cid, ReferralDraft(CANARY, "phone", at(1 + i) + 3 * H), now=now)
        if i < 5:
            store.set_referral_state(rid, "accepted", at=at(2 + i))
        elif i == 5:
            store.set_referral_state(rid, "declined", reason="no place free", at=at(2 + i))
        if i == 0:
            eid = store.add_missing(cid, MissingDraft(missing_at=at(5)), now=now)
            store.update_missing(eid, MissingDraft(missing_at=at(5), found_at=at(6)), now=now)
    yield store
    store.lock()


def test_the_followup_in_every_output_without_recipients_or_names(followed, tmp_path):
    s = collect(followed, *JAN)
    f = s.followup
    assert f is not None
    assert f.shown(("cases", "cases", "all")) == 7
    assert f.shown(("placement", "within-24h", "all")) == 7
    assert f.shown(("referral-time", "within-24h", "all")) == 7
    assert f.shown(("referral-state", "accepted", "all")) == 5
    assert f.shown(("referral-state", "sent", "all")) == "<5"  # one still only sent
    assert f.shown(("referral-state", "declined", "all")) == "<5"
    assert f.shown(("missing", "children-missing", "all")) == "<5"
    assert f.median("placement") == "13.0"
    csv_text = to_csv(s)
    assert "followup-placement,placed safely within 24 hours of first contact," in csv_text
    assert "followup-median-hours,first contact to safe placement" in csv_text
    doc = json.loads(to_json(s))
    assert doc["followup"]["tables"]["referral-state"]["counts"]["accepted"]["all"] == 5
    out = tmp_path / "stats.pdf"
    render_stats_pdf(s, out)
    pdf = out.read_bytes()
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Follow-up" in text
    assert "placed safely within 24 hours of first contact 7" in text
    assert "Median hours from first contact to a safe placement: 13.0" in text
    for output in (csv_text, to_json(s), text):
        assert CANARY not in output and "Zqxname" not in output and "F-1" not in output
    assert CANARY.encode() not in pdf


def test_followup_statistics_are_for_administrators(followed):
    data = followed.data_dir
    followed.lock()
    ben = open_store(data, "ben", WORKER_PASSWORD)
    try:
        with pytest.raises(NotAllowed):
            list(ben.iter_followup_stats(0, at(28)))
    finally:
        ben.lock()
