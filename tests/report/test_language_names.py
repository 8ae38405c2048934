"""The language of the child's words is printed by its name in the print
language ("as said, in Arabic", "som sagt, på arabisk"), not as the code the
worker typed; a language typed out by name, in any script, is printed as typed,
a right-to-left one in its own order. Read from the word positions of the PDF
(pdftotext -bbox), as a reader sees the page."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from tests.conftest import new_store
from tests.report.test_rtl import lines_of

from idcheck import report
from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.checklist.loader import load_any
from idcheck.report import build_summary, render_referral
from idcheck.report.language_names import language_name, language_names
from idcheck.store import AnswerContext, CaseDetails, Decision

TYPED_RTL = "عربي"


@pytest.mark.parametrize(
    ("typed", "en", "nb"),
    [
        ("ar", "Arabic", "arabisk"),
        ("AR", "Arabic", "arabisk"),
        ("ara", "Arabic", "arabisk"),  # ISO 639-2
        ("ar-SY", "Arabic", "arabisk"),  # a region CLDR has no name for: the language's
        ("prs", "Dari", "dari"),  # ISO 639-3, as the checklists write it
        ("fa-AF", "Dari", "dari"),  # CLDR's own code for Dari
        ("fa", "Persian", "persisk"),
        ("ti", "Tigrinya", "tigrinja"),
        ("so", "Somali", "somali"),
        ("ps", "Pashto", "pashto"),
        ("ckb", "Central Kurdish", "sentralkurdisk"),
        ("uk", "Ukrainian", "ukrainsk"),
        ("vi", "Vietnamese", "vietnamesisk"),
        ("nb", "Norwegian Bokmål", "norsk bokmål"),
        # Not a code: as typed, whatever its script.
        ("Sorani Kurdish", "Sorani Kurdish", "Sorani Kurdish"),
        (TYPED_RTL, TYPED_RTL, TYPED_RTL),
        (" ti ", "Tigrinya", "tigrinja"),
        ("xx-YY-ZZ", "xx-YY-ZZ", "xx-YY-ZZ"),
    ],
)
def test_a_code_is_named_in_the_print_language(typed, en, nb):
    assert language_name(typed, "en") == en
    assert language_name(typed, "nb") == nb


def test_several_languages_each_once_by_name():
    assert language_names({"ar", "ara", "ti", " "}, "en") == "Arabic, Tigrinya"
    assert language_names({"prs", "ar"}, "nb") == "arabisk, dari"


def test_every_language_of_the_bundled_checklists_has_a_name_in_every_print_language():
    table = json.loads(
        (Path(report.__file__).parent / "codes" / "language_names.json").read_text(encoding="utf-8")
    )["names"]
    declared: set[str] = set()
    for path in sorted(find("intake-screen").path.parents[1].glob("*/*.yaml")):
        _doc, obj = load_any(path)
        declared |= set(getattr(obj, "languages", {}))
    assert {"en", "nb", "ar", "prs", "ti", "vi"} <= declared
    for code in declared:
        assert set(table[code]) == {"en", "nb"}, code


@pytest.fixture(scope="module")
def referrals(tmp_path_factory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("language-names")
    store, _ = new_store(tmp / "store")
    try:
        text = find("intake-screen").path.read_bytes()
        checklist = load_checklist_bytes(text)
        cid = store.create_case(CaseDetails(reference="LANG-1", claimed_age=15))
        sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
        for item, said, lang in (
            ("documents-held", "They took my passport", "ar"),
            ("debt", "I owe them money", "prs"),
            ("work-or-money", "I worked every day", TYPED_RTL),
        ):
            store.record_answer(
                sid,
                item,
                Answer(value="yes"),
                AnswerContext(source="child-said", child_words=said, language=lang, read_back=True),
            )
        store.record_decision(sid, Decision("full-screening", (), "full-screening"))
        store.complete_screening(sid)
        out = {}
        for lang in ("en", "nb"):
            out[lang] = tmp / f"referral-{lang}.pdf"
            render_referral(build_summary(store, sid, lang=lang), out[lang])
        return out
    finally:
        store.lock()


def _line_after(lines, words: list[str]) -> list[str]:
    """The words of the printed line that holds ``words`` one after another, left to right."""
    for line in lines:
        shown = [w for _, w in line]
        for i in range(len(shown) - len(words) + 1):
            if shown[i : i + len(words)] == words:
                return shown
    raise AssertionError(f"no printed line holds {' '.join(words)}")


@pytest.mark.parametrize(
    ("lang", "said", "arabic", "dari"),
    [
        ("en", ["as", "said,", "in"], "Arabic;", "Dari;"),
        ("nb", ["slik", "de", "ble", "sagt,", "på"], "arabisk;", "dari;"),
    ],
)
def test_the_referral_names_the_language_in_its_print_language(referrals, lang, said, arabic, dari):
    lines = lines_of(referrals[lang])
    words = [w for line in lines for _, w in line]
    assert "ar;" not in words and "prs;" not in words  # no code where a name belongs
    shown = _line_after(lines, [*said, arabic])
    assert shown[shown.index(arabic) - 1] == said[-1]
    _line_after(lines, [*said, dari])
    # The child's row names the languages answered in (none recorded on the case).
    child = _line_after(lines, ["Languages:" if lang == "en" else "Språk:"])
    assert (arabic[:-1] + ",") in child and dari[:-1] + "," in child


def test_a_language_typed_in_arabic_script_prints_in_its_place_on_the_line(referrals):
    """The worker typed the language's name in Arabic: the line stays a
    left-to-right English line, the Arabic word printed whole between "in" and
    "; read back"."""
    lines = lines_of(referrals["en"])
    for line in lines:
        words = [w for _, w in line]
        if any(w.startswith(TYPED_RTL) for w in words) and "in" in words:
            x = {w.rstrip(";"): x for x, w in line}
            assert x["said,"] < x["in"] < x[TYPED_RTL] < x["read"], line
            return
    raise AssertionError(f"no line names the language {TYPED_RTL}")
