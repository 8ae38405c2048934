"""The support letter: candidate facts of a screening, and a PDF (read back)
holding only the facts the worker confirmed, the child's words in their script."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader
from tests.conftest import new_store

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.report.letter import choose, letter_facts, render_letter
from idcheck.store import AnswerContext, CaseDetails, Decision

PASSWORD = "correct horse battery"
ARABIC = "أخذوا جواز سفري"
NORWEGIAN = "Jeg må betale tilbake reisen før jeg får gå"


@pytest.fixture
def screened(tmp_path):
    store, _ = new_store(tmp_path / "store")
    text = find("intake-screen").path.read_bytes()
    checklist = load_checklist_bytes(text)
    cid = store.create_case(
        CaseDetails(
            reference="2026-088",
            given_name="Amira",
            family_name="Haddad",
            claimed_age=15,
            assessed_age=17,
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
        sid, "work-or-money", Answer(value="unsure"), AnswerContext(source="observed")
    )
    store.record_decision(
        sid,
        Decision(
            "full-screening",
            ("signs-recorded",),
            "full-screening",
            "Seen with an adult who spoke for her.",
        ),
    )
    store.complete_screening(sid)
    yield store, sid
    store.lock()


def text_of(data: bytes) -> str:
    return unicodedata.normalize(
        "NFKC", "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    )


def test_candidate_facts_of_a_screening(screened):
    store, sid = screened
    facts = letter_facts(store, sid)
    ids = facts.ids()
    assert ids[:2] == ("age", "presumption")
    assert {
        "indicator:documents-held",
        "indicator:debt",
        "indicator:work-or-money",
        "words:documents-held",
        "words:debt",
        "suggested",
        "decision",
    } <= set(ids)
    by_id = {f.id: f for f in facts.facts}
    assert by_id["age"].text == "Age the child gives: 15. Assessed age: 17. Age disputed: yes."
    assert "treated as a child" in by_id["presumption"].text
    assert "the child said" in by_id["indicator:debt"].label
    assert by_id["words:documents-held"].quote == ARABIC
    assert "in Arabic; read back to the child" in by_id["words:documents-held"].quote_note
    assert "not read back" in by_id["words:debt"].quote_note
    assert "Seen with an adult" in by_id["decision"].text
    assert ARABIC not in " ".join(f.short for f in facts.facts)  # --list shows no words
    assert all("She looked at the door" not in f.label for f in facts.facts)  # notes never
    assert all("is a victim" not in f.label for f in facts.facts)


def test_letter_holds_only_the_confirmed_facts(screened):
    store, sid = screened
    facts = letter_facts(store, sid)
    buf = io.BytesIO()
    render_letter(
        facts,
        ["age", "indicator:documents-held", "words:documents-held", "decision"],
        buf,
        recipient="lawyer",
        prepared_by="anna",
    )
    text = text_of(buf.getvalue())
    flat = " ".join(text.split())
    assert "To the child's lawyer" in flat and "Support letter" in flat
    assert "Case 2026-088" in flat
    assert "Age the child gives: 15" in flat
    assert "Seen with an adult who spoke for her" in flat
    assert "treated as a child" not in flat  # the presumption was not confirmed
    assert NORWEGIAN not in flat and "debt" not in flat.lower()
    assert "suggest:" not in flat
    assert "She looked at the door" not in flat
    assert "Amira" not in flat and "Haddad" not in flat
    assert "is a victim" not in flat
    assert f"audit {facts.audit_head}" in flat and "Page 1 of" in flat
    squeezed = "".join(text.split())
    for word in ARABIC.split():
        assert word in squeezed or word[::-1] in squeezed, word


def test_names_only_when_chosen(screened):
    store, sid = screened
    facts = letter_facts(store, sid, include_names=True)
    buf = io.BytesIO()
    render_letter(facts, ["age"], buf)
    assert "Amira Haddad" in text_of(buf.getvalue())


def test_nothing_confirmed_or_an_unknown_fact_is_refused(screened, tmp_path):
    store, sid = screened
    facts = letter_facts(store, sid)
    out = tmp_path / "letter.pdf"
    with pytest.raises(ValueError, match="confirm at least one fact"):
        render_letter(facts, [], out)
    with pytest.raises(ValueError, match="no fact indicator:nothing"):
        render_letter(facts, ["indicator:nothing"], out)
    with pytest.raises(ValueError, match="recipient must be one of"):
        render_letter(facts, ["age"], out, recipient="press")
    assert not out.exists()
    assert choose(facts, "all") == facts.ids()
    assert choose(facts, "decision, age") == ("age", "decision")
    with pytest.raises(ValueError, match="no fact bogus in this screening"):
        choose(facts, "age,bogus")
    with pytest.raises(ValueError, match="at least one fact"):
        choose(facts, " , ")


def test_letter_fonts_embedded_and_written_atomically(screened, tmp_path):
    store, sid = screened
    facts = letter_facts(store, sid)
    out = tmp_path / "letter.pdf"
    render_letter(facts, facts.ids(), out)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.fail("pdffonts (poppler-utils) is needed; ./dev installs it")
    rows = subprocess.run(
        [pdffonts, str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert rows and all(r.split()[-5] == "yes" for r in rows), rows
    assert "Arabic" in " ".join(rows)
    flat = " ".join(text_of(out.read_bytes()).split())
    assert NORWEGIAN in flat and "treated as a child" in flat


def _letter(facts, ids, recipient="guardian") -> str:
    buf = io.BytesIO()
    render_letter(facts, ids, buf, recipient=recipient)
    return " ".join(text_of(buf.getvalue()).split())


def test_a_question_asked_ends_as_the_question_does(tmp_path):
    store, _ = new_store(tmp_path / "q")
    try:
        raw = find("intake-screen").path.read_bytes()
        checklist = load_checklist_bytes(raw)
        cid = store.create_case(CaseDetails(reference="Q-1", claimed_age=15))
        sid = store.start_screening(cid, checklist, raw, hashlib.sha256(raw).hexdigest())
        # A safety question (its text ends with "?") with the child's words.
        store.record_answer(
            sid,
            "danger-harm",
            Answer(value="yes"),
            AnswerContext(source="child-said", child_words="He will come back", language="en"),
        )
        facts = letter_facts(store, sid)
        words = [f for f in facts.facts if f.id == "words:danger-harm"]
        assert words and words[0].quote_note.endswith("?")
        assert "?." not in _letter(facts, facts.ids())
    finally:
        store.lock()


def test_a_draft_letter_does_not_speak_of_a_decision(tmp_path):
    store, _ = new_store(tmp_path / "d")
    try:
        raw = find("intake-screen").path.read_bytes()
        checklist = load_checklist_bytes(raw)
        cid = store.create_case(CaseDetails(reference="D-1", claimed_age=15))
        sid = store.start_screening(cid, checklist, raw, hashlib.sha256(raw).hexdigest())
        store.record_answer(sid, "debt", Answer(value="yes"), AnswerContext(source="observed"))
        facts = letter_facts(store, sid)
        text = _letter(facts, facts.ids())
        assert "what the professional decided" not in text
        assert "no professional's decision is recorded yet" in text
        assert "and the professional's decision" not in text
    finally:
        store.lock()


def test_each_reader_is_told_what_the_letter_is_for(screened):
    store, sid = screened
    facts = letter_facts(store, sid)
    texts = {r: _letter(facts, ["age"], r) for r in ("guardian", "lawyer", "asylum")}
    assert "To the child's lawyer" in texts["lawyer"]
    assert "proceedings" in texts["lawyer"] and "proceedings" not in texts["asylum"]
    assert "need for protection" in texts["asylum"]

    # Beyond the addressee and the date line, the letters differ.
    def body(t: str) -> str:
        return t.split("Support letter", 1)[1]

    assert len({body(t) for t in texts.values()}) == 3


@pytest.mark.parametrize(
    "lang, says",
    [("en", "Date of birth given: 2011-04-10."), ("nb", "Oppgitt fødselsdato: 2011-04-10.")],
)
def test_the_age_in_a_letter_holds_the_date_of_birth_the_child_gives(tmp_path, lang, says):
    """The referral prints it; a letter about the child's age left it out."""
    store, _ = new_store(tmp_path / "b")
    try:
        raw = find("intake-screen").path.read_bytes()
        checklist = load_checklist_bytes(raw)
        cid = store.create_case(
            CaseDetails(
                reference="B-1", claimed_age=15, claimed_dob="2011-04-10", age_disputed=True
            )
        )
        sid = store.start_screening(cid, checklist, raw, hashlib.sha256(raw).hexdigest())
        store.record_answer(sid, "debt", Answer(value="yes"), AnswerContext(source="observed"))
        facts = letter_facts(store, sid, lang=lang)
        assert says in _letter(facts, ("age",), recipient="lawyer")
    finally:
        store.lock()
