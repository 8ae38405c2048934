"""The individual plan as its own PDF, read back as a reader sees it (word
positions from pdftotext -bbox): the frame (page x of y, the case, the audit
head), the site's language, Arabic set right to left, a line break a worker
typed kept, the TRAINING watermark in training only; `idcheck plan print`
writes it and audits the export. And the referral counts its due times from the
case's first contact, not from when the form was completed."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.conftest import PASSWORD, new_store
from tests.report.test_rtl import read_as_printed

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.cli import main as cli_main
from idcheck.report import build_summary, record_print, render_referral, save_document
from idcheck.report.plan_pdf import build_plan_pdf, build_plan_sheet, make_plan
from idcheck.store import CaseDetails, Decision, PlanEntry, SiteProfile
from idcheck.watermark import training_prints

ARABIC = "أحتاج إلى مكان آمن للنوم"
GOAL = "A safe place to sleep tonight.\nSchool within two weeks."
FIRST_CONTACT = dt.datetime(2026, 3, 2, 9, 15).timestamp()
REVIEW = dt.datetime(2026, 4, 1, 12).timestamp()


@pytest.fixture
def planned(tmp_path):
    store, _ = new_store(tmp_path / "store")
    cid = store.create_case(
        CaseDetails(reference="PLAN-7", given_name="Amira", family_name="Haddad", claimed_age=15)
    )
    store.set_first_contact(cid, FIRST_CONTACT, "came to the reception at 09:15")
    store.save_plan(
        cid,
        [
            PlanEntry(
                ARABIC, GOAL, "Child welfare finds a foster home.", "Kari (child welfare)", REVIEW
            ),
            *[
                PlanEntry(f"Need number {n}", f"Goal {n}", f"Measures for need {n}", "Ola", None)
                for n in range(2, 16)
            ],
        ],
        next_review_on=REVIEW,
        summary="Agreed at the meeting of 3 March.",
    )
    yield store, cid
    store.lock()


def words(data: bytes, tmp: Path) -> list[list[tuple[float, float, str]]]:
    """Each page's words as (x, y, word), in the order pdftotext gives them."""
    pdf = tmp / "read.pdf"
    pdf.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages: list[list[tuple[float, float, str]]] = []
    for row in out.splitlines():
        if "<page " in row:
            pages.append([])
        m = re.search(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*)</word>', row
        )
        if m:
            y = (float(m.group(2)) + float(m.group(3))) / 2
            pages[-1].append((float(m.group(1)), y, read_as_printed(html.unescape(m.group(4)))))
    return pages


def lines(page: list[tuple[float, float, str]]) -> list[list[tuple[float, str]]]:
    """The page's printed lines, top to bottom, each (x, word) left to right."""
    rows: dict[int, list[tuple[float, str]]] = {}
    for x, y, w in page:
        rows.setdefault(round(y / 4), []).append((x, w))
    return [sorted(ws) for _, ws in sorted(rows.items())]


def line_with(page, text: str) -> tuple[int, list[tuple[float, str]]]:
    got = lines(page)
    for n, line in enumerate(got):
        if " ".join(w for _, w in line).find(text) >= 0:
            return n, line
    raise AssertionError(f"no line holds {text!r}")


def test_the_plan_prints_with_its_frame_on_every_page(planned, tmp_path):
    store, cid = planned
    doc = make_plan(store, cid, "en")
    pages = words(doc.data, tmp_path)
    assert len(pages) >= 2  # fifteen needs run over a page
    head = str(store.audit_head().seq)
    for n, page in enumerate(pages, start=1):
        _, foot = line_with(page, f"Page {n} of {len(pages)}")
        footer = " ".join(w for _, w in foot)
        assert "case PLAN-7" in footer and f"audit {head}:" in footer
        assert "CONFIDENTIAL" in footer
    first = pages[0]
    _, title = line_with(first, "Individual plan")
    assert title[0][0] < 60  # at the left margin
    assert line_with(first, "version 1, saved")[0] < line_with(first, "Next review: 2026-04-01")[0]
    assert line_with(first, "First contact: 2026-03-02 09:15")
    names = " ".join(w for _x, _y, w in first)
    assert "Amira" not in names and "Haddad" not in names  # names only when asked for
    _, responsible = line_with(first, "Responsible: Kari (child welfare)")
    assert "2026-04-01" in [w for _, w in responsible]
    assert line_with(pages[-1], "Need 15")
    # No case named in the PDF's title: a file list shows it.
    assert PdfReader(io.BytesIO(doc.data)).metadata.title == "Individual plan"


def test_arabic_runs_right_to_left_and_a_typed_line_break_is_kept(planned, tmp_path):
    store, cid = planned
    first = words(build_plan_pdf(store, cid, "en"), tmp_path)[0]
    n_need, _ = line_with(first, "Need 1")
    got = lines(first)
    arabic = got[n_need + 1]
    # Read from the right, the words come in the order they were written, and the
    # line is set against the right margin.
    assert [w for _, w in sorted(arabic, reverse=True)] == ARABIC.split()
    assert max(x for x, _ in arabic) > 400
    # The goal's two lines stay two lines, one under the other, both at the margin.
    n1, l1 = line_with(first, "A safe place to sleep tonight.")
    n2, l2 = line_with(first, "School within two weeks.")
    assert n2 == n1 + 1
    assert " ".join(w for _, w in l1) == "A safe place to sleep tonight."
    assert abs(l1[0][0] - l2[0][0]) < 1


def test_the_sites_language_and_the_names_when_asked(planned, tmp_path):
    store, cid = planned
    store.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction="NO", print_language="nb"))
    sheet = build_plan_sheet(store, cid, include_names=True)
    assert sheet.lang == "nb" and sheet.names == "Amira Haddad"
    first = words(make_plan(store, cid, include_names=True).data, tmp_path)[0]
    for text in (
        "Individuell plan",
        "Behov 1",
        "Neste gjennomgang: 2026-04-01",
        "Mottak Nord",
        "Amira Haddad",
        "Ansvarlig: Kari",
    ):
        assert line_with(first, text)
    assert line_with(first, "Side 1 av")
    english = words(make_plan(store, cid, "en").data, tmp_path)[0]
    assert line_with(english, "Individual plan")


def test_the_training_watermark_on_every_page_in_training_only(planned):
    store, cid = planned
    with training_prints():
        marked = PdfReader(io.BytesIO(build_plan_pdf(store, cid, "en"))).pages
    plain = PdfReader(io.BytesIO(build_plan_pdf(store, cid, "en"))).pages
    assert len(marked) >= 2
    assert all("TRAINING" in p.extract_text() for p in marked)
    assert not any("TRAINING" in p.extract_text() for p in plain)


def test_building_writes_no_audit_row_saving_and_printing_write_one(planned, tmp_path):
    store, cid = planned
    before = store.audit_head().seq
    doc = make_plan(store, cid, "en")
    assert store.audit_head().seq == before
    save_document(store, doc, tmp_path / "plan.pdf")
    record_print(store, doc)
    actions = [r.action for r in store.audit_trail()][-2:]
    assert actions == ["plan-exported", "plan-printed"]
    assert (tmp_path / "plan.pdf").read_bytes() == doc.data


def test_a_case_without_a_plan_is_said(tmp_path):
    store, _ = new_store(tmp_path / "store")
    try:
        cid = store.create_case(CaseDetails(reference="NOPLAN"))
        with pytest.raises(ValueError, match="no individual plan"):
            make_plan(store, cid)
    finally:
        store.lock()


def test_plan_print_on_the_command_line(planned, tmp_path, capsys):
    store, _cid = planned
    data = store.data_dir
    store.create_case(CaseDetails(reference="NOPLAN"))
    store.lock()
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD + "\n")
    auth = ["--user", "anna", "--password-file", str(pw)]
    out = tmp_path / "plan.pdf"
    base = ["--data-dir", str(data), "plan", "print"]
    assert cli_main([*base, "PLAN-7", "--out", str(out), "--lang", "nb", *auth]) == 0
    said = capsys.readouterr().out
    assert "individual plan written to" in said
    first = words(out.read_bytes(), tmp_path)[0]
    assert line_with(first, "Individuell plan")
    assert cli_main([*base, "NOPLAN", "--out", str(tmp_path / "x.pdf"), *auth]) == 2
    assert "no individual plan" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    assert cli_main([*base, "NOSUCH", "--out", str(tmp_path / "x.pdf"), *auth]) == 2


def test_the_referral_counts_due_times_from_first_contact(tmp_path):
    """Completed two days after the child came to notice: a 24-hour action was due
    one day after first contact, and the referral prints that, not a day after
    completion."""
    store, _ = new_store(tmp_path / "store")
    try:
        store.set_site_profile(SiteProfile(name="Mottak", jurisdiction="NO", print_language="en"))
        text = find("intake-screen").path.read_bytes()
        checklist = load_checklist_bytes(text)
        cid = store.create_case(CaseDetails(reference="CLOCK-1", claimed_age=15))
        first = dt.datetime.now().replace(second=0, microsecond=0) - dt.timedelta(days=2)
        store.set_first_contact(cid, first.timestamp(), "found at the station two days ago")
        sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
        store.record_answer(sid, "debt", Answer(value="yes"))
        store.record_decision(sid, Decision("full-screening", (), "full-screening"))
        store.complete_screening(sid)
        summary = build_summary(store, sid)
        out = tmp_path / "referral.pdf"
        render_referral(summary, out)
    finally:
        store.lock()
    page = words(out.read_bytes(), tmp_path)[0]
    start = first.strftime("%Y-%m-%d %H:%M")
    assert line_with(page, f"Due times count from first contact: {start}")
    dues = [a.due for a in summary.actions if "(within" in a.due]
    assert dues, summary.actions
    for due in dues:
        when = dt.datetime.strptime(due[:16], "%Y-%m-%d %H:%M")
        assert first < when < first + dt.timedelta(days=40)
        assert line_with(page, due.split(" (")[0])
    day = (first + dt.timedelta(hours=24)).strftime("%Y-%m-%d %H:%M")
    if any("(within 24 hours)" in d for d in dues):
        assert f"{day} (within 24 hours)" in dues


def test_a_need_with_nothing_but_its_need_says_what_is_not_set(tmp_path):
    """A row saved with only its need (the window allows it): the reader sees
    'not set' under Goal and Measures and after Responsible, as after Review,
    not an empty heading and 'Responsible: ·'."""
    store, _ = new_store(tmp_path / "store")
    try:
        cid = store.create_case(CaseDetails(reference="PLAN-8"))
        store.save_plan(
            cid, [PlanEntry("A safe place to live", "", "", "", None)], next_review_on=None
        )
        page = words(build_plan_pdf(store, cid, "en"), tmp_path)[0]
        got = [" ".join(w for _, w in line) for line in lines(page)]
        n = got.index("A safe place to live")
        assert got[n + 1 : n + 6] == [
            "Goal",
            "not set",
            "Measures",
            "not set",
            "Responsible: not set · Review: not set",
        ]
    finally:
        store.lock()
