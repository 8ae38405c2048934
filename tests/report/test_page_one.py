"""Page 1 of the referral holds what the receiving agency acts on: who the
child is, the urgency, the suggestion and the decision, one action plan with
dates, numbers and whom to call back. Read from the PDF's first page."""

from __future__ import annotations

import hashlib
import re
import time
import unicodedata

import pytest
from pypdf import PdfReader
from tests.conftest import new_store

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.report import make_referral
from idcheck.store import Adult, AnswerContext, CaseDetails, Decision, SiteProfile

PASSWORD = "correct horse battery"


def _screen(store, ref, checklist_id, details=None, answers=(), decision=None, complete=True):
    text = find(checklist_id).path.read_bytes()
    checklist = load_checklist_bytes(text)
    cid = store.create_case(details or CaseDetails(reference=ref, claimed_age=15))
    sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
    for item, value, ctx in answers:
        store.record_answer(sid, item, Answer(value=value), ctx or AnswerContext())
    if decision is not None:
        store.record_decision(sid, decision)
        if complete:
            store.complete_screening(sid)
    return cid, sid


@pytest.fixture
def store(tmp_path):
    s, _ = new_store(tmp_path / "store")
    s.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction="NO", phone="+47 22 00 00 01"))
    s.save_contacts(
        [
            {
                "role": "child-welfare-emergency",
                "name": "Barnevernvakten Oslo",
                "phone": "+47 21 80 21 80",
            },
            {"role": "supervisor", "name": "Kari (duty lead)", "phone": "+47 900 00 000"},
        ]
    )
    yield s
    if s.is_open:
        s.lock()


def page(data: bytes, n: int = 0) -> str:
    import io

    text = PdfReader(io.BytesIO(data)).pages[n].extract_text()
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def danger_case(store):
    details = CaseDetails(
        reference="2026-201",
        claimed_age=14,
        gender="male",
        nationality="Vietnam",
        languages="Vietnamese",
        identified_by="police",
        adults=(Adult("Man about 30, black jacket, drives a grey van", "cousin"),),
    )
    before = time.time()
    _, sid = _screen(
        store,
        "2026-201",
        "intake-screen",
        details,
        answers=[
            (
                "danger-harm",
                "yes",
                AnswerContext(
                    source="child-said",
                    child_words="He will come back tonight",
                    language="vi",
                    read_back=True,
                ),
            ),
            ("documents-held", "yes", None),
            ("debt", "yes", None),
        ],
        decision=Decision("immediate-protection", (), "immediate-protection"),
        complete=False,
    )
    # The window audits the acknowledgement of the danger stop like this.
    rec = store.get_screening(sid, audit=False)
    store.record_event("danger-acknowledged", case_id=rec.case_id, screening_id=sid)
    store.complete_screening(sid)
    return sid, before


def test_page_one_holds_the_child_the_urgency_the_decision_and_the_plan(store, danger_case):
    sid, _ = danger_case
    doc, summary = make_referral(store, sid)
    one = page(doc.data)
    for expected in (
        "Reference: 2026-201",
        "Gender: male · Nationality: Vietnam · Languages: Vietnamese",
        "Identified by: police",
        "Man about 30, black jacket, drives a grey van; stated relation: cousin",
        "The age has not been assessed: the child is treated as a child until it is.",
        "The immediate-danger stop fired at",
        "Acknowledged by anna at",
        "The checklist's rules suggest:",
        "The professional's decision:",
        "Action plan",
        "Barnevernvakten Oslo +47 21 80 21 80",
        "112",
        "Questions about this referral: anna (administrator), Mottak Nord, +47 22 00 00 01",
    ):
        assert expected in one, expected
    # Items joined in "Because of:" read as one list: no ".;".
    assert ".;" not in one
    # Every action once, with its date and time.
    texts = [a.text for a in summary.actions]
    assert len(texts) == len(set(texts))
    told = [a.notify for a in summary.actions if a.notify]
    assert len(told) == len(set(told)), told  # nobody is told twice
    assert all(
        a.due == "now" or re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d \(within", a.due)
        for a in summary.actions
    )
    # Norway's route only: no British number or law on the page.
    whole = " ".join(
        page(doc.data, n) for n in range(len(PdfReader(__import__("io").BytesIO(doc.data)).pages))
    )
    assert "999" not in whole and "Modern Slavery" not in whole and "United Kingdom" not in whole


def test_the_danger_stop_says_when_it_fired_and_who_acknowledged_it(store, danger_case):
    sid, before = danger_case
    acks = store.danger_acknowledgements(sid)
    assert [uid for _, uid in acks] == [store.user.id] and acks[0][0] >= before
    _, summary = make_referral(store, sid)
    assert summary.danger
    assert summary.urgency[0].startswith("The immediate-danger stop fired at")
    assert any(line.startswith("Acknowledged by anna at") for line in summary.urgency)


def test_building_the_summary_writes_no_audit_row(store, danger_case):
    sid, _ = danger_case
    head = store.audit_head()
    make_referral(store, sid)
    store.danger_acknowledgements(sid)
    assert store.audit_head() == head


@pytest.mark.parametrize(
    ("claimed", "assessed", "disputed", "says"),
    [
        (
            15,
            None,
            False,
            "The age has not been assessed: the child is treated as a child until it is.",
        ),
        (19, 16, True, "The age has been assessed and the assessment is disputed"),
        (17, 16, False, "The age has been assessed as under 18 and is accepted: a child."),
        (17, 19, False, "The age has been assessed as 18 or over and is accepted"),
    ],
)
def test_the_presumption_fits_the_age_as_assessed(store, claimed, assessed, disputed, says):
    _, sid = _screen(
        store,
        "AGE",
        "intake-screen",
        CaseDetails(
            reference="AGE", claimed_age=claimed, assessed_age=assessed, age_disputed=disputed
        ),
        decision=Decision("no-indicators-recorded", (), "no-indicators-recorded"),
    )
    doc, _ = make_referral(store, sid)
    one = page(doc.data)
    assert says in one
    if assessed is not None:
        assert "until it is" not in one and "until their age is assessed" not in one


def test_one_working_day_is_singular_with_a_date_and_time(store):
    _, sid = _screen(store, "WD", "child-trafficking-full", decision=Decision("refer", (), "refer"))
    _, summary = make_referral(store, sid)
    dues = [a.due for a in summary.actions]
    assert any(
        re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d \(within 1 working day\)", d) for d in dues
    ), dues
    assert not any("1 working days" in d for d in dues)


def test_the_pdf_title_names_no_case(store, danger_case):
    sid, _ = danger_case
    doc, _ = make_referral(store, sid)
    import io

    meta = PdfReader(io.BytesIO(doc.data)).metadata
    assert meta.title == "Referral summary"
    assert "2026-201" not in str(dict(meta))


def test_a_site_not_set_up_prints_every_route_and_says_so_in_one_line(tmp_path):
    store, _ = new_store(tmp_path / "bare")
    try:
        _, sid = _screen(
            store,
            "BARE",
            "intake-screen",
            decision=Decision(
                "immediate-protection",
                (),
                "immediate-protection",
                "the child said a man is coming tonight",
            ),
        )
        doc, summary = make_referral(store, sid)
        assert [n for n in summary.notes if "not set up" in n] == [
            "The site's country is not set up, so the routes of every country are printed: "
            "an administrator sets it (Administration, or idcheck site set)."
        ]
        whole = page(doc.data) + page(doc.data, 1)
        assert "112" in whole and "999" in whole
    finally:
        store.lock()


def test_a_scottish_site_prints_the_british_route_only(store):
    store.set_site_profile(SiteProfile(name="Glasgow hub", jurisdiction="GB-SCT"))
    _, sid = _screen(
        store,
        "GB",
        "intake-screen",
        decision=Decision("immediate-protection", (), "immediate-protection", "danger"),
    )
    doc, summary = make_referral(store, sid)
    whole = page(doc.data) + page(doc.data, 1)
    # (the site's own directory still gives its own contacts' numbers)
    assert "999" in whole and "112" not in whole and "113" not in whole
    assert not [n for n in summary.notes if "not set up" in n]


@pytest.mark.parametrize(
    "lang, says",
    [("en", "Address: Storgata 1, 0155 Oslo."), ("nb", "Adresse: Storgata 1, 0155 Oslo.")],
)
def test_the_sites_address_is_printed_on_the_referral_and_the_letter(
    store, danger_case, lang, says
):
    """First run and the Site tab ask for the address and say referrals and letters
    print it; neither did. Typed on two lines, it prints on one."""
    from idcheck.report import make_letter
    from idcheck.report.letter import letter_facts

    sid, _ = danger_case
    site = store.site_profile()
    store.set_site_profile(
        SiteProfile(
            name=site.name,
            jurisdiction=site.jurisdiction,
            phone=site.phone,
            address="Storgata 1\n0155 Oslo",
        )
    )
    # A completed screening prints the site it was completed under: screen another.
    _, sid = _screen(
        store,
        "2026-202",
        "intake-screen",
        answers=[("debt", "yes", None)],
        decision=Decision("full-screening", (), "full-screening"),
    )
    doc, _summary = make_referral(store, sid, lang=lang)
    assert f"+47 22 00 00 01, {says.split(': ')[1].rstrip('.')}" in page(doc.data)
    facts = letter_facts(store, sid, lang=lang)
    letter = make_letter(facts, ("age",), recipient="lawyer")
    assert says in page(letter.data)
