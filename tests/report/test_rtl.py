"""Right-to-left words print in reading order: the words of an Arabic or Dari
sentence are placed from right to left on the page, Latin words and digits
inside them keep their own left-to-right order, and a quote wrapped over
several lines keeps its lines in order. Read from the word positions of the
PDF (pdftotext -bbox), not from extracted text."""

from __future__ import annotations

import hashlib
import html
import re
import subprocess
from pathlib import Path

import pytest
from tests.conftest import new_store

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.report import build_summary, render_referral
from idcheck.store import AnswerContext, CaseDetails, Decision

PASSWORD = "correct horse battery"
PURE = "أخذوا جواز سفري"
MIXED = "قال الرجل إن عليّ أن أدفع 3000 يورو لشركة Oslo Taxi قبل أن أذهب"
# Dari (Persian script), long enough to wrap over several lines.
DARI = " ".join(f"من {n} روز در خانه کار کردم و پول ندادند" for n in range(1, 9))
QUOTE_MARKS = "\u201c\u201d"


@pytest.fixture
def pdf(tmp_path) -> Path:
    store, _ = new_store(tmp_path / "store")
    try:
        text = find("intake-screen").path.read_bytes()
        checklist = load_checklist_bytes(text)
        cid = store.create_case(CaseDetails(reference="RTL-1", claimed_age=15))
        sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
        for item, said, lang in (
            ("documents-held", PURE, "ar"),
            ("debt", MIXED, "ar"),
            ("work-or-money", DARI, "prs"),
        ):
            store.record_answer(
                sid,
                item,
                Answer(value="yes"),
                AnswerContext(source="child-said", child_words=said, language=lang, read_back=True),
            )
        store.record_decision(sid, Decision("full-screening", (), "full-screening"))
        store.complete_screening(sid)
        out = tmp_path / "referral.pdf"
        render_referral(build_summary(store, sid), out)
        return out
    finally:
        store.lock()


def lines_of(pdf: Path) -> list[list[tuple[float, str]]]:
    """The printed lines, each as (x, word) from left to right."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines: dict[tuple[int, int], list[tuple[float, str]]] = {}
    page = 0
    for row in out.splitlines():
        if "<page " in row:
            page += 1
        m = re.search(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*)</word>', row
        )
        if m:
            middle = (float(m.group(2)) + float(m.group(3))) / 2
            word = html.unescape(m.group(4)).strip(QUOTE_MARKS + "\u200a")
            if word:
                lines.setdefault((page, round(middle / 4)), []).append((float(m.group(1)), word))
    return [sorted(ws) for _, ws in sorted(lines.items())]


def right_to_left(line: list[tuple[float, str]]) -> list[str]:
    return [w for _, w in sorted(line, reverse=True)]


def find_line(lines, first_word: str, second_word: str):
    """The line whose right-most words are first_word, second_word (an RTL
    line starts at the right)."""
    for n, line in enumerate(lines):
        rtl = right_to_left(line)
        if rtl[:2] == [first_word, second_word]:
            return n, line
    raise AssertionError(f"no line starts (from the right) with {first_word} {second_word}")


def test_arabic_words_run_from_right_to_left(pdf):
    _, line = find_line(lines_of(pdf), "أخذوا", "جواز")
    assert right_to_left(line) == PURE.split()
    # Set against the right edge of the quote box, as an Arabic paragraph is.
    assert max(x for x, _ in line) > 400


def test_latin_words_and_digits_inside_arabic_keep_their_own_order(pdf):
    _, line = find_line(lines_of(pdf), "قال", "الرجل")
    shown = right_to_left(line)
    # Reading from the right: the Arabic words in order; "Oslo Taxi" reads left
    # to right inside it, so from the right "Taxi" comes before "Oslo".
    expected = MIXED.split()
    i = expected.index("Oslo")
    expected[i], expected[i + 1] = expected[i + 1], expected[i]
    assert shown == expected
    x = dict((w, x) for x, w in line)
    assert x["Oslo"] < x["Taxi"]  # left to right within the Latin run
    assert x["3000"] > x["يورو"]  # the amount before (to the right of) the word after it


def test_a_wrapped_dari_quote_keeps_its_lines_in_reading_order(pdf):
    lines = lines_of(pdf)
    n, _ = find_line(lines, "من", "1")
    got: list[str] = []
    rows = 0
    while len(got) < len(DARI.split()):
        got += right_to_left(lines[n + rows])
        rows += 1
    assert rows >= 2, "the quote should wrap"
    assert got == DARI.split()
