"""The referral PDF read back: the content a worker relies on, in every script."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import subprocess
import time
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.conftest import new_store, open_store

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.report import build_summary, render_referral
from idcheck.store import AnswerContext, CaseDetails, Decision, SiteProfile

PASSWORD = "correct horse battery"
ARABIC = "أخذوا جواز سفري"
TIGRINYA = "ኣብ ቤት ይሰርሕ ነይረ"
NORWEGIAN = "Jeg må betale tilbake reisen før jeg får gå"


@pytest.fixture
def screened(tmp_path):
    store, _ = new_store(tmp_path / "store")
    text = find("intake-screen").path.read_bytes()
    checklist = load_checklist_bytes(text)
    cid = store.create_case(
        CaseDetails(
            reference="2026-077",
            given_name="Amira",
            family_name="Haddad",
            claimed_age=15,
            age_disputed=True,
        )
    )
    sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
    store.record_answer(
        sid,
        "documents-held",
        Answer(value="yes"),
        AnswerContext(
            source="child-said",
            child_words=ARABIC,
            language="ar",
            interpreter_present=True,
            interpreter="Phone 4411",
            read_back=True,
            worker_note="She looked at the door.",
        ),
    )
    store.record_answer(
        sid,
        "debt",
        Answer(value="yes"),
        AnswerContext(source="child-said", child_words=NORWEGIAN, language="nb", read_back=False),
    )
    store.record_answer(
        sid,
        "work-or-money",
        Answer(value="unsure"),
        AnswerContext(source="child-said", child_words=TIGRINYA, language="ti"),
    )
    store.record_decision(sid, Decision("full-screening", ("signs-recorded",), "full-screening"))
    store.complete_screening(sid)
    yield store, sid
    store.lock()


def text_of(pdf: Path) -> str:
    return unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in PdfReader(pdf).pages))


def test_referral_content(screened, tmp_path):
    store, sid = screened
    summary = build_summary(store, sid)
    out = tmp_path / "referral.pdf"
    render_referral(summary, out)
    text = text_of(out)
    flat = " ".join(text.split())
    assert "CONFIDENTIAL" in text
    assert "Case 2026-077" in flat
    assert "Amira" not in text and "Haddad" not in text  # names only when chosen
    # Stated 15, disputed, never assessed: treated as a child until it is.
    assert "The age has not been assessed: the child is treated as a child until it is." in flat
    assert NORWEGIAN in flat
    assert "She looked at the door." in flat
    assert "read back to the child" in flat and "not read back" in flat
    assert "The checklist's rules suggest:" in flat
    assert "is a victim" not in flat
    assert f"Page 1 of {len(PdfReader(out).pages)}" in flat
    assert f"audit {summary.audit_head}" in flat
    for line in summary.actions:
        assert line.text.split()[0] in flat


def test_child_words_in_arabic_and_tigrinya_keep_every_letter(screened, tmp_path):
    store, sid = screened
    out = tmp_path / "referral.pdf"
    render_referral(build_summary(store, sid), out)
    text = text_of(out)
    squeezed = "".join(text.split())
    for phrase in (ARABIC, TIGRINYA):
        for word in phrase.split():
            # Right-to-left words may be extracted in visual order.
            assert word in squeezed or word[::-1] in squeezed, word


def test_names_printed_only_when_chosen(screened, tmp_path):
    store, sid = screened
    out = tmp_path / "named.pdf"
    render_referral(build_summary(store, sid, include_names=True), out)
    assert "Amira Haddad" in text_of(out)


def test_every_font_is_embedded(screened, tmp_path):
    store, sid = screened
    out = tmp_path / "referral.pdf"
    render_referral(build_summary(store, sid), out)
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.fail("pdffonts (poppler-utils) is needed; ./dev installs it")
    rows = subprocess.run(
        [pdffonts, str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert rows
    assert all(r.split()[-5] == "yes" for r in rows), rows  # the 'emb' column
    names = " ".join(rows)
    assert "Arabic" in names and "Ethiopic" in names


def test_a_reprint_a_month_later_from_the_store_opened_again_has_the_same_content(
    tmp_path, monkeypatch
):
    """Completed and printed a month ago; reprinted today from the store opened
    again, after the contacts, the site and its print language changed: the same
    content (only the print time and the audit head differ), every deadline still
    counted from the completion, not from the day of the reprint."""
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() - 30 * 86400)
    store, _ = new_store(tmp_path / "store")
    store.set_site_profile(
        SiteProfile(name="Mottak Nord", jurisdiction="NO", phone="+47 22 00 00 01")
    )
    store.save_contacts(
        [
            {
                "role": "child-welfare-emergency",
                "name": "Barnevernvakten Oslo",
                "phone": "+47 21 80 21 80",
            }
        ]
    )
    text = find("intake-screen").path.read_bytes()
    checklist = load_checklist_bytes(text)
    cid = store.create_case(CaseDetails(reference="2026-078", claimed_age=15))
    sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
    store.record_answer(
        sid, "danger-missing", Answer(value="yes"), AnswerContext(source="observed")
    )
    store.record_event("danger-acknowledged", case_id=cid, screening_id=sid)
    store.record_answer(
        sid, "debt", Answer(value="yes"), AnswerContext(source="child-said", child_words=NORWEGIAN)
    )
    store.record_decision(sid, Decision("immediate-protection", (), "immediate-protection"))
    store.complete_screening(sid)
    first = build_summary(store, sid)
    store.lock()

    monkeypatch.setattr(time, "time", real_time)
    store = open_store(tmp_path / "store")
    try:
        store.save_contacts(
            [{"role": "child-welfare-emergency", "name": "Nytt nummer", "phone": "+47 99 99 99 99"}]
        )
        store.set_site_profile(
            SiteProfile(name="Elsewhere", jurisdiction="GB-SCT", print_language="nb")
        )
        again = build_summary(store, sid, lang="en")
    finally:
        store.lock()

    fields = [f for f in first.__dataclass_fields__ if f not in ("audit_head", "generated")]
    assert [getattr(again, f) for f in fields] == [getattr(first, f) for f in fields]
    contacts = [line for action in again.actions for line in action.contacts]
    assert any("Barnevernvakten Oslo" in line for line in contacts)
    assert again.site == "Mottak Nord" and again.danger
    today = dt.date.today().isoformat()
    dated = [a.due for a in again.actions if a.due[:4].isdigit()]
    assert dated and all(due[:10] < today for due in dated)  # at most 14 days after completion


def test_pdf_is_written_atomically(screened, tmp_path):
    store, sid = screened
    out = tmp_path / "r.pdf"
    render_referral(build_summary(store, sid), out)
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_items_left_without_an_answer_are_not_said_to_be_not_asked(screened, tmp_path):
    """Three items answered, the rest never reached: the referral said they 'were not
    asked or were declined', which says the worker chose not to ask them."""
    store, sid = screened
    summary = build_summary(store, sid)
    assert summary.not_asked == 0
    visible = summary.unanswered + 3
    assert summary.unanswered > 0
    out = tmp_path / "referral.pdf"
    render_referral(summary, out)
    flat = " ".join(text_of(out).split())
    assert (
        f"{visible - 3} items of the checklist have no answer: the screening was completed "
        "without them." in flat
    )
    assert "not asked or were declined" not in flat
    render_referral(build_summary(store, sid, lang="nb"), out)
    flat = " ".join(text_of(out).split())
    assert f"{visible - 3} punkter i sjekklisten har ikke noe svar" in flat
