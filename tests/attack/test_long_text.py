"""Free text is bounded where it is written, with a clear message.

Before: 400,000 characters of the child's words were kept, and a support letter
of them took 138 s (a referral likewise): the PDF lays each text out as one
paragraph and re-wraps what is left of it on every page, so the time grows with
the square of its length. The store now keeps at most MAX_TEXT (20,000)
characters in the child's words and the worker's note of an answer, a decision's
reasons and a case's notes; more is refused with a one-line message naming the
field, and nothing is written. (The window keeps what was typed: see
tests/gui/test_walk_modes.py.)
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import new_store

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.report.letter import choose, letter_facts, letter_pdf
from idcheck.store import AnswerContext, CaseDetails, Decision, InvalidInput, Store
from idcheck.store.records import MAX_TEXT

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"
LONG = ("I must pay back the trip first, he said, and then you can go to school. " * 6000)[:400_000]


@pytest.fixture
def screening(tmp_path: Path):
    text = find("intake-screen").path.read_bytes()
    s, _ = new_store(tmp_path / "store")
    cid = s.create_case(CaseDetails(reference="LONG-1"))
    sid = s.start_screening(cid, load_checklist_bytes(text), text, hashlib.sha256(text).hexdigest())
    yield s, cid, sid
    s.lock()


def counts(s: Store) -> tuple[int, int]:
    with s.engine.connect() as conn:
        return (
            conn.exec_driver_sql("SELECT count(*) FROM answers").scalar(),
            conn.exec_driver_sql("SELECT count(*) FROM audit").scalar(),
        )


@pytest.mark.parametrize("field", ["child_words", "worker_note"])
def test_an_answer_with_too_long_a_text_is_refused_and_nothing_written(screening, field):
    s, _, sid = screening
    before = counts(s)
    with pytest.raises(InvalidInput) as e:
        s.record_answer(sid, "debt", Answer(value="yes"), AnswerContext(**{field: LONG}))
    message = str(e.value)
    assert "\n" not in message and "400,000 characters" in message and "20,000" in message
    assert ("child's words for debt" if field == "child_words" else "note for debt") in message
    assert counts(s) == before
    # At the limit it is kept, whole.
    s.record_answer(sid, "debt", Answer(value="yes"), AnswerContext(**{field: LONG[:MAX_TEXT]}))
    kept = s.get_screening(sid, audit=False).answers["debt"].context
    assert getattr(kept, field) == LONG[:MAX_TEXT]


def test_long_reasons_and_case_notes_are_refused(screening):
    s, cid, sid = screening
    with pytest.raises(InvalidInput, match="reasons for the decision: 400,000 characters"):
        s.record_decision(sid, Decision("full-screening", (), "no-indicators", LONG))
    with pytest.raises(InvalidInput, match="case's notes: 400,000 characters"):
        s.update_case(cid, CaseDetails(reference="LONG-1", notes=LONG))
    with pytest.raises(InvalidInput, match="case's notes"):
        s.create_case(CaseDetails(reference="LONG-2", notes=LONG))
    assert [c.reference for c in s.list_cases()] == ["LONG-1"]


def test_a_letter_of_the_longest_words_kept_is_made(screening):
    s, _, sid = screening
    s.record_answer(
        sid,
        "debt",
        Answer(value="yes"),
        AnswerContext(source="child-said", child_words=LONG[:MAX_TEXT]),
    )
    facts = letter_facts(s, sid, include_names=False)
    data = letter_pdf(facts, choose(facts, "all"))
    assert data.startswith(b"%PDF")


def test_an_answers_file_with_too_long_words_records_nothing(tmp_path):
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD + "\n")
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "case: {reference: LONG-9}\n"
        "answers:\n"
        "  danger-harm: 'no'\n"
        "  debt:\n"
        "    answer: 'yes'\n"
        f'    child_words: "{LONG}"\n'
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    base = [sys.executable, "-m", "idcheck", "--data-dir", str(tmp_path / "d")]
    auth = ["--user", "anna", "--password-file", str(pw)]
    assert (
        subprocess.run(
            [*base, "init", *auth[:2], *auth[2:]], env=env, capture_output=True
        ).returncode
        == 0
    )
    r = subprocess.run(
        [*base, "screen", "--checklist", "intake-screen", "--answers", str(answers), *auth],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 2, r.stdout + r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"idcheck: {answers}:6:"), r.stderr
    assert "the child's words for debt: 400,000 characters" in lines[0]
    s = Store.open(tmp_path / "d", "anna", PASSWORD)
    try:
        assert s.list_cases() == []
    finally:
        s.lock()
