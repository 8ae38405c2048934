"""Standing guidance is printed where a worker reads the plan, as standing
instructions with no due time: in the referral's action plan under its own
heading, before the dated actions and never among them, and in the individual
plan's PDF; in English and Norwegian. Read from the word positions of the PDF
(pdftotext -bbox), line by line as a reader sees the page."""

from __future__ import annotations

import hashlib

import pytest
from tests.conftest import new_store
from tests.report.test_rtl import lines_of

from idcheck.checklist import find, load_checklist_bytes
from idcheck.report import build_summary, render_referral
from idcheck.report.plan_pdf import build_plan_pdf
from idcheck.store import CaseDetails, Decision, PlanEntry, SiteProfile

HEADING = {
    "en": "Throughout, with no due time (standing guidance):",
    "nb": "Gjelder hele tiden, uten frist (faste retningslinjer):",
}
CONFRONT = {
    "en": "• Do not confront the accompanying adults or tell them about your concern.",
    "nb": "• Ikke konfronter de voksne som følger barnet, og ikke fortell dem om bekymringen.",
}
PRESUME = {"en": "• If the age is in doubt", "nb": "• Hvis alderen er usikker"}
NOW = {"en": "now", "nb": "nå"}


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """An intake screen completed with immediate protection at a site in England
    and Wales (whose routes add presume-child as guidance), with a plan saved:
    its referral and plan PDFs in both print languages, as lines of text."""
    tmp = tmp_path_factory.mktemp("guidance")
    store, _ = new_store(tmp / "store")
    try:
        store.set_site_profile(SiteProfile(name="Reception North", jurisdiction="GB-EAW"))
        text = find("intake-screen@1.1.0").path.read_bytes()
        cid = store.create_case(CaseDetails(reference="G-1", claimed_age=15))
        sid = store.start_screening(
            cid, load_checklist_bytes(text), text, hashlib.sha256(text).hexdigest()
        )
        store.record_decision(sid, Decision("immediate-protection", (), "immediate-protection"))
        store.complete_screening(sid)
        store.save_plan(
            cid,
            [PlanEntry("A safe place", "Placed", "Emergency placement", "Social care", None)],
            next_review_on=None,
        )
        out = {}
        for lang in ("en", "nb"):
            ref = tmp / f"referral-{lang}.pdf"
            render_referral(build_summary(store, sid, lang=lang), ref)
            plan = tmp / f"plan-{lang}.pdf"
            plan.write_bytes(build_plan_pdf(store, cid, lang))
            out[lang] = (_text_lines(ref), _text_lines(plan))
        return out
    finally:
        store.lock()


def _text_lines(pdf) -> list[str]:
    return [" ".join(w for _, w in line) for line in lines_of(pdf)]


def _starting(lines: list[str], start: str) -> int:
    found = [i for i, line in enumerate(lines) if line.startswith(start)]
    assert len(found) == 1, (start, found)
    return found[0]


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_referral_prints_guidance_apart_with_no_due_time(printed, lang):
    lines, _plan = printed[lang]
    heading = _starting(lines, HEADING[lang])
    confront = _starting(lines, CONFRONT[lang])
    presume = _starting(lines, PRESUME[lang])  # the routes' guidance comes first
    assert heading < presume < confront
    # The dated actions follow the guidance; the first is due at once.
    first_dated = next(i for i, line in enumerate(lines) if line.startswith(NOW[lang] + " ·"))
    assert confront < first_dated
    # No guidance is a dated action: no line with a due time says it.
    text = " ".join(lines)
    assert text.count("konfronter" if lang == "nb" else "confront") == 1
    assert not any(line.startswith(NOW[lang]) and "Stay with" in line for line in lines)


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_individual_plan_repeats_the_standing_guidance(printed, lang):
    _referral, lines = printed[lang]
    title = "Standing guidance from the screening" if lang == "en" else "Faste retningslinjer"
    heading = _starting(lines, title)
    needs = _starting(lines, "Needs, goals and measures" if lang == "en" else "Behov, mål")
    confront = _starting(lines, CONFRONT[lang])
    assert heading < confront < needs


def test_the_one_full_screening_action_cites_the_sources_of_both(tmp_path):
    """The intake's full screening within 24 hours and the Norwegian routes' are
    one action in the plan, and the referral cites both documents for it."""
    store, _ = new_store(tmp_path / "store")
    try:
        store.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction="NO"))
        text = find("intake-screen@1.1.0").path.read_bytes()
        cid = store.create_case(CaseDetails(reference="G-2", claimed_age=15))
        sid = store.start_screening(
            cid, load_checklist_bytes(text), text, hashlib.sha256(text).hexdigest()
        )
        store.record_decision(sid, Decision("full-screening", (), "full-screening"))
        store.complete_screening(sid)
        out = tmp_path / "referral.pdf"
        render_referral(build_summary(store, sid, lang="en"), out)
    finally:
        store.lock()
    lines = _text_lines(out)
    heading = _starting(lines, "Sources of the action plan")
    text = " ".join(lines[heading:])
    cited = text.split("• Complete the full screening")[1].split("•")[0]
    assert "Sources: Responses to child trafficking at local level in Norway" in cited
    assert (
        "Trafficking Victim Identification Tool (TVIT) (Vera Institute of Justice, 2014)" in cited
    )
    # One full-screening action in the dated plan, not two.
    plan = " ".join(
        lines[_starting(lines, "Action plan") : _starting(lines, "Indicators recorded")]
    )
    assert plan.count("Complete the full screening") == 1
