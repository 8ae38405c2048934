"""Any text a worker can type prints: line breaks of every kind, markup
characters, tabs and control characters in the child's words, notes, reasons,
names, adults and contacts never stop a referral or a letter, and a line break
prints as one (`idcheck report`, `idcheck letter`)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import new_store

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.store import Adult, AnswerContext, CaseDetails, Decision

PASSWORD = "correct horse battery"
# Every kind of line break, then what reportlab's markup and the template's
# style<TAB>markup lines would otherwise take as structure.
WORDS = (
    "He took my papers\nfirstbreak two\r\ncrlfbreak three\rcrbreak four"
    "\u2028lsbreak five </para> <b>bold & ]]> \ttab\x07\x1b\x00 end"
)
NOTE = "Note line\nnotebreak </font> &amp; <i>"
REASONS = "Reason one\r\nreasonbreak two <br/>"
NAME = "Amira\nnamebreak"
ADULT = "Tall man\nadultbreak grey coat"


@pytest.fixture
def data(tmp_path):
    store, _ = new_store(tmp_path / "store")
    text = find("intake-screen").path.read_bytes()
    checklist = load_checklist_bytes(text)
    store.save_contacts(
        [{"role": "child-welfare-service", "name": "Desk\ncontactbreak <x>", "phone": "02800\t1"}]
    )
    cid = store.create_case(
        CaseDetails(
            reference="2026-100",
            given_name=NAME,
            claimed_age=15,
            nationality="Eritrea\n<x>",
            adults=(Adult(ADULT, "uncle\n&"),),
        )
    )
    sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
    store.record_answer(
        sid,
        "documents-held",
        Answer(value="yes"),
        AnswerContext(
            source="child-said", child_words=WORDS, language="en", read_back=True, worker_note=NOTE
        ),
    )
    store.record_decision(sid, Decision("no-indicators-recorded", (), "full-screening", REASONS))
    store.complete_screening(sid)
    store.lock()
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD + "\n")
    return tmp_path / "store", ("--user", "anna", "--password-file", str(pw)), sid


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "idcheck", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def words(pdf: Path) -> list[tuple[str, float, float]]:
    """Every word printed with its page-space position (x, y of its top), in
    reading order across pages (pages stacked)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    import re

    found = []
    page = -1
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)".*>(.*)</word>', line)
        if m:
            found.append((m.group(3), float(m.group(1)), page * 10000 + float(m.group(2))))
    return found


def starts_a_line(found, word: str) -> None:
    """The word is printed at the start of a new line, below the line before."""
    import html

    i = next(n for n, (w, _, _) in enumerate(found) if html.unescape(w) == word)
    _, _x, y = found[i]
    prev_y = found[i - 1][2]
    assert y > prev_y + 5, f"{word!r} is not on a new line"


def text_of(pdf: Path) -> str:
    import html

    return " ".join(html.unescape(w) for w, _, _ in words(pdf))


def test_the_referral_prints_line_breaks_and_markup_characters(data, tmp_path):
    data_dir, auth, sid = data
    out = tmp_path / "referral.pdf"
    r = run(data_dir, "report", str(sid), "--out", str(out), "--names", *auth)
    assert r.returncode == 0, r.stderr
    found = words(out)
    for w in (
        "firstbreak",
        "crlfbreak",
        "crbreak",
        "lsbreak",
        "notebreak",
        "reasonbreak",
        "namebreak",
        "adultbreak",
        "contactbreak",
    ):
        starts_a_line(found, w)
    text = text_of(out)
    for literal in ("</para>", "<b>bold", "&", "]]>", "</font>", "&amp;", "<br/>", "<x>"):
        assert literal in text, literal
    assert "\x07" not in text and "\x1b" not in text


def test_the_letter_prints_line_breaks_and_markup_characters(data, tmp_path):
    data_dir, auth, sid = data
    out = tmp_path / "letter.pdf"
    r = run(data_dir, "letter", str(sid), "--facts", "all", "--out", str(out), "--names", *auth)
    assert r.returncode == 0, r.stderr
    found = words(out)
    for w in ("firstbreak", "crlfbreak", "crbreak", "lsbreak", "reasonbreak", "namebreak"):
        starts_a_line(found, w)
    text = text_of(out)
    for literal in ("</para>", "<b>bold", "]]>", "<br/>"):
        assert literal in text, literal


def test_a_long_quote_prints_every_word_in_order_across_pages(tmp_path):
    """400 KB of the child's words (a pasted transcript) print in order, on as
    many pages as they take, without reportlab breaking the rest of the text
    again at every page (that took minutes)."""
    import io

    from pypdf import PdfReader

    from idcheck.report.pdf import _styles, build_pdf, quoted
    from idcheck.report.rtl import BidiParagraph

    words = " ".join(f"w{i}" for i in range(60_000))  # about 400 KB
    assert len(words) > 400_000
    data = build_pdf(
        lambda: [BidiParagraph(str(quoted(words)), _styles()["quote"])],
        title="t",
        footer_left="",
        footer_right="",
    )
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) > 50
    import re

    found = [
        int(n) for n in re.findall(r"w(\d+)", " ".join(p.extract_text() for p in reader.pages))
    ]
    assert found == list(range(60_000))
