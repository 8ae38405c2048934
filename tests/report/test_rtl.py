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


def referral_of(tmp_path: Path, reference: str, said: list[tuple[str, str, str]]) -> Path:
    """The referral PDF of a completed intake screening whose items ``said``
    (item, the child's words, their language) were answered yes."""
    store, _ = new_store(tmp_path / "store")
    try:
        text = find("intake-screen").path.read_bytes()
        checklist = load_checklist_bytes(text)
        cid = store.create_case(CaseDetails(reference=reference, claimed_age=15))
        sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
        for item, words, lang in said:
            store.record_answer(
                sid,
                item,
                Answer(value="yes"),
                AnswerContext(
                    source="child-said", child_words=words, language=lang, read_back=True
                ),
            )
        store.record_decision(sid, Decision("full-screening", (), "full-screening"))
        store.complete_screening(sid)
        out = tmp_path / "referral.pdf"
        render_referral(build_summary(store, sid), out)
        return out
    finally:
        store.lock()


@pytest.fixture
def pdf(tmp_path) -> Path:
    return referral_of(
        tmp_path,
        "RTL-1",
        [("documents-held", PURE, "ar"), ("debt", MIXED, "ar"), ("work-or-money", DARI, "prs")],
    )


def lines_of(pdf: Path) -> list[list[tuple[float, str]]]:
    """The printed lines, each as (x, word) from left to right."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    import unicodedata

    found: list[list] = []  # [page, xMin, xMax, middle, word]
    page = 0
    for row in out.splitlines():
        if "<page " in row:
            page += 1
        m = re.search(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', row
        )
        if m:
            middle = (float(m.group(2)) + float(m.group(4))) / 2
            word = read_as_printed(html.unescape(m.group(5)).strip(QUOTE_MARKS + "\u200a"))
            if word:
                found.append([page, float(m.group(1)), float(m.group(3)), middle, word])
    # A mark set over a letter (a shadda) is drawn as a glyph of its own, which
    # pdftotext gives as a word of its own: it is part of the word under it.
    marks = [f for f in found if all(unicodedata.category(c) == "Mn" for c in f[4])]
    for mark in marks:
        under = [
            f
            for f in found
            if f not in marks
            and f[0] == mark[0]
            and f[1] <= mark[1] <= f[2]
            and abs(f[3] - mark[3]) < 12
        ]
        if under:
            under[0][4] = unicodedata.normalize("NFC", under[0][4] + mark[4])
            found.remove(mark)
    lines: dict[tuple[int, int], list[tuple[float, str]]] = {}
    for pg, x, _x2, middle, word in found:
        lines.setdefault((pg, round(middle / 4)), []).append((x, word))
    return [sorted(ws) for _, ws in sorted(lines.items())]


def read_as_printed(drawn: str) -> str:
    """A word as a reader reads it: pdftotext gives a word's glyphs in the order
    they stand on the page, left to right; a word of right-to-left letters is
    read from the right, and each joined form (U+FExx) is its letter."""
    import unicodedata

    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in drawn):
        return unicodedata.normalize("NFKC", drawn[::-1])
    return drawn


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


#: The child's words as typed: a sentence with its full stop, a line break, and a
#: negation ('لا', lam + alef, which Arabic always writes as one joined letter).
SENTENCES = "قال إنه سيأخذني الليلة.\nلا أريد أن أذهب معه."


def drawn_words(pdf: Path) -> list[str]:
    """Each printed word as its glyphs are drawn, from left to right (pdftotext
    -bbox gives the glyphs of a word in the order they stand on the page)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        html.unescape(m.group(1)).strip(QUOTE_MARKS + "\u200a")
        for m in re.finditer(r">([^<]*)</word>", out)
    ]


def test_arabic_letters_are_joined_and_read_from_the_right_with_the_full_stop_at_the_left(
    tmp_path,
):
    """What a reader of the page sees: each Arabic word drawn in the joined forms
    of its letters, its first letter at the right (read from the right, the
    letters give the word as typed), the full stop at the left end of the word it
    follows (where an Arabic sentence ends), and 'لا' as its one joined letter,
    not the two letters 'ا' and 'ل' standing apart (which read 'ال', another word).
    Before, every word was drawn letter by letter from the left: unjoined, and
    read from the right, backwards."""
    import unicodedata

    store, _ = new_store(tmp_path / "store")
    try:
        text = find("intake-screen").path.read_bytes()
        checklist = load_checklist_bytes(text)
        cid = store.create_case(CaseDetails(reference="RTL-2", claimed_age=15))
        sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
        store.record_answer(
            sid,
            "documents-held",
            Answer(value="yes"),
            AnswerContext(
                source="child-said", child_words=SENTENCES, language="ar", read_back=True
            ),
        )
        out = tmp_path / "referral.pdf"
        render_referral(build_summary(store, sid), out)
    finally:
        store.lock()
    drawn = drawn_words(out)

    def as_read(word: str) -> str:
        # Read from the right, each joined form taken back to its letter.
        return unicodedata.normalize("NFKC", word[::-1])

    read = [as_read(w) for w in drawn]
    for word in ("قال", "إنه", "سيأخذني", "أريد", "أن", "أذهب"):
        assert word in read, f"{word} is not printed to be read from the right: {drawn}"
    shown = drawn[read.index("سيأخذني")]
    assert any(0xFE70 <= ord(c) <= 0xFEFF for c in shown), f"unjoined letters: {shown!r}"
    # The full stop ends each sentence at its left.
    assert "الليلة." in read and "معه." in read, drawn
    # 'لا' is one joined letter: neither drawn as its two letters apart, in either order.
    assert "لا" not in drawn and "ال" not in drawn and "لا" not in read and "ال" not in read


def test_latin_words_beside_arabic_ones_are_printed_letter_by_letter(tmp_path):
    """A line holding an Arabic name is shaped for the Arabic; the Norwegian and
    English words on it keep their letters as typed: no 'st' drawn as one
    discretionary ligature (U+FB06), which read 'barneverntjene\ufb06en'."""
    from reportlab.platypus import SimpleDocTemplate

    from idcheck.report.pdf import _styles, markup
    from idcheck.report.rtl import BidiParagraph

    out = tmp_path / "line.pdf"
    text = "Navn: مريم حداد · Identifisert av: barneverntjenesten, statistics first"
    SimpleDocTemplate(str(out)).build([BidiParagraph(str(markup(text)), _styles()["p"])])
    drawn = drawn_words(out)
    assert "barneverntjenesten," in drawn and "statistics" in drawn, drawn
    assert not any("\ufb06" in w or "\ufb05" in w for w in drawn)


def test_a_norwegian_line_under_an_arabic_one_reads_left_to_right(tmp_path):
    """The child's words as typed: a line in Arabic, then the interpreter's line
    in Norwegian. The whole quote took the Arabic line's direction, so the
    Norwegian line printed as '.”Mannen tok … tilbake' with its full stop at its
    start. Each line the worker ended has its own direction (UAX #9, P1-P3)."""
    norwegian = "Mannen tok passet mitt og gir det ikke tilbake."
    out = referral_of(tmp_path, "RTL-2", [("documents-held", f"{PURE}\n{norwegian}", "ar")])
    lines = lines_of(out)
    find_line(lines, "أخذوا", "جواز")  # the Arabic line still from the right
    words = norwegian.split()
    line = next(ln for ln in lines if "Mannen" in [w for _, w in ln])
    # Left to right, as written, and the full stop where it was typed: at the end.
    assert [w for _, w in line] == words
