"""A heading is never the last line of a page: it goes over with what it heads.
Read from the word positions of the PDF (pdftotext -bbox) for referrals whose
page 1 grows one line at a time, so each heading in turn comes near a page's foot."""

from __future__ import annotations

import hashlib
import html
import re
import subprocess

import pytest
from tests.conftest import new_store

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.report import make_referral
from idcheck.report.i18n import Translator
from idcheck.store import Adult, AnswerContext, CaseDetails, Decision, SiteProfile

PASSWORD = "correct horse battery"
HEADINGS = (
    "The child",
    "Urgency",
    "Suggestion and decision",
    "Action plan",
    "Indicators recorded",
    "Safety questions",
    "Other answers",
    "Duties to keep in mind",
)


@pytest.fixture
def store(tmp_path):
    s, _ = new_store(tmp_path / "store")
    s.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction="NO", phone="+47 22 00 00 01"))
    yield s
    s.lock()


def _referral(store, n, adults):
    text = find("intake-screen").path.read_bytes()
    checklist = load_checklist_bytes(text)
    cid = store.create_case(
        CaseDetails(
            reference=f"2026-{n:03d}",
            claimed_age=14,
            gender="male",
            nationality="Syria",
            identified_by="police",
            adults=tuple(Adult(f"Man number {k}, grey jacket", "uncle") for k in range(adults)),
        )
    )
    sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
    words = AnswerContext(
        source="child-said",
        child_words="He keeps my passport.\nI owe him.",
        language="en",
        read_back=True,
        worker_note="First line.\nSecond line.",
    )
    for item, value, ctx in [
        ("danger-harm", "yes", words),
        ("danger-missing", "no", None),
        ("claimed-age", 14, None),
        ("debt", "yes", words),
        ("documents-held", "yes", None),
        ("adult-controls", "unsure", None),
    ]:
        store.record_answer(sid, item, Answer(value=value), ctx or AnswerContext())
    store.record_decision(sid, Decision("immediate-protection", (), "immediate-protection"))
    store.complete_screening(sid)
    return sid


def last_lines(data: bytes, tmp_path) -> list[str]:
    """The last line of text above the footer on every page but the last."""
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages: list[dict[int, list[tuple[float, str]]]] = []
    height = 0.0
    for row in out.splitlines():
        m = re.search(r'<page width="[\d.]+" height="([\d.]+)"', row)
        if m:
            height = float(m.group(1))
            pages.append({})
            continue
        m = re.search(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*)</word>', row
        )
        if m and float(m.group(3)) < height - 40:  # the footer sits 10 mm from the foot
            middle = (float(m.group(2)) + float(m.group(3))) / 2
            pages[-1].setdefault(round(middle / 4), []).append(
                (float(m.group(1)), html.unescape(m.group(4)))
            )
    return [" ".join(w for _, w in sorted(p[max(p)])) for p in pages[:-1]]


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_no_page_ends_with_a_heading(store, tmp_path, lang):
    tr = Translator(lang)
    seen_pages = 0
    for n in range(14):
        sid = _referral(store, n + 100 * (lang == "nb"), adults=n)
        doc, summary = make_referral(store, sid, lang=lang)
        headings = {tr.gettext(h) for h in HEADINGS} | set(summary.indicators)
        ends = last_lines(doc.data, tmp_path)
        seen_pages += len(ends)
        for page, line in enumerate(ends, 1):
            assert line not in headings, f"{n} adults: page {page} ends with the heading {line!r}"
    assert seen_pages >= 14  # every referral ran over a page
