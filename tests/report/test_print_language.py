"""Every word of the printed frame is in the print language: the catalogue has
a Norwegian translation for every text the templates and the report code mark,
and `idcheck report --lang nb` / `idcheck letter --lang nb` print no English
frame words. The site's print language is the default."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader
from tests.conftest import new_store

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.report.i18n import catalogue, frame_texts
from idcheck.store import (
    PRINT_LANGUAGES,
    Adult,
    AnswerContext,
    CaseDetails,
    Decision,
    SiteProfile,
    Store,
)

PASSWORD = "correct horse battery"


@pytest.mark.parametrize("lang", [x for x in PRINT_LANGUAGES if x != "en"])
def test_every_frame_text_has_a_translation_in_every_print_language(lang):
    texts = frame_texts()
    assert len(texts) > 100  # the collector finds the templates' and the code's texts
    nb = catalogue(lang)
    missing = [t for t in texts if not nb.get(t)]
    assert missing == []
    for text, plural in texts.items():
        found = nb[text]
        if plural is None:
            assert isinstance(found, str)
            assert set(re.findall(r"%\(\w+\)[sd]", found)) == set(re.findall(r"%\(\w+\)[sd]", text))
        else:
            assert isinstance(found, list) and len(found) == 2, text
    assert sorted(set(nb) - set(texts)) == []  # nothing stale


@pytest.fixture
def data(tmp_path):
    store, _ = new_store(tmp_path / "store")
    raw = find("intake-screen").path.read_bytes()
    checklist = load_checklist_bytes(raw)
    cid = store.create_case(
        CaseDetails(
            reference="NB-1",
            claimed_age=15,
            gender="female",
            adults=(Adult("Kvinne, 40 år", "tante"),),
        )
    )
    sid = store.start_screening(cid, checklist, raw, hashlib.sha256(raw).hexdigest())
    store.record_answer(
        sid,
        "danger-harm",
        Answer(value="yes"),
        AnswerContext(
            source="child-said",
            child_words="Han kommer i kveld",
            language="nb",
            read_back=True,
            worker_note="Redd",
        ),
    )
    store.record_answer(sid, "debt", Answer(value="yes"), AnswerContext(source="child-said"))
    store.record_decision(sid, Decision("immediate-protection", (), "immediate-protection"))
    store.complete_screening(sid)
    store.lock()
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD + "\n")
    return tmp_path / "store", ("--user", "anna", "--password-file", str(pw)), sid


def run(data_dir, *args):
    return subprocess.run(
        [sys.executable, "-m", "idcheck", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


ENGLISH = (
    "Referral summary",
    "The child",
    "Urgency",
    "Action plan",
    "Indicators recorded",
    "within",
    "working day",
    "hours",
    "Page 1 of",
    "CONFIDENTIAL",
    "Reference",
    "Gender",
    "Screened by",
    "started",
    "completed",
    "tell:",
    "by:",
    "Because of",
    "The professional",
    "stated relation",
    "Questions about",
    "Duties",
    "audit ",
    "Support letter",
    "Prepared by",
    "Signature",
    "Asked about",
    "read back",
    " case ",
)


def frame_words(pdf) -> str:
    return " ".join(p.extract_text() for p in PdfReader(pdf).pages)


def test_report_and_letter_in_norwegian_have_no_english_frame_words(data, tmp_path):
    data_dir, auth, sid = data
    ref, letter = tmp_path / "ref.pdf", tmp_path / "letter.pdf"
    assert (
        run(data_dir, "report", str(sid), "--out", str(ref), "--lang", "nb", *auth).returncode == 0
    )
    r = run(
        data_dir, "letter", str(sid), "--facts", "all", "--out", str(letter), "--lang", "nb", *auth
    )
    assert r.returncode == 0, r.stderr
    for pdf in (ref, letter):
        text = " ".join(frame_words(pdf).split())
        english = [w for w in ENGLISH if w in text]
        assert english == [], (pdf.name, english)
    assert "Henvisningssammendrag" in frame_words(ref) and "Støttebrev" in frame_words(letter)
    assert PdfReader(ref).metadata.title == "Henvisningssammendrag"


def test_the_site_print_language_is_the_default_and_lang_overrides_it(data, tmp_path):
    data_dir, auth, sid = data
    store = Store.open(data_dir, "anna", PASSWORD)
    try:
        store.set_site_profile(SiteProfile(name="Mottak", jurisdiction="NO", print_language="nb"))
    finally:
        store.lock()
    out = tmp_path / "default.pdf"
    assert run(data_dir, "report", str(sid), "--out", str(out), *auth).returncode == 0
    assert "Henvisningssammendrag" in frame_words(out)
    assert (
        run(data_dir, "report", str(sid), "--out", str(out), "--lang", "en", *auth).returncode == 0
    )
    assert "Referral summary" in frame_words(out)
    bad = run(data_dir, "report", str(sid), "--out", str(out), "--lang", "xx", *auth)
    assert bad.returncode == 2 and "--lang" in bad.stderr
