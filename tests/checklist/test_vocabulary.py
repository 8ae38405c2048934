"""The words of an answer every layer shares: the sources a worker can give and
an answer as text, in the language asked for, through the caller's translation."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from idcheck.checklist import Answer, Indicator, Question, load_bundled
from idcheck.checklist import vocabulary as vocab
from idcheck.checklist.vocabulary import (
    ANSWER_WORDS,
    SOURCE_CHOICES,
    SOURCE_WORDS,
    SOURCES,
    answer_text,
    source_text,
)
from idcheck.report.i18n import Translator

NB = Translator("nb").gettext


@pytest.fixture(scope="module")
def full():
    return load_bundled("child-trafficking-full")


def test_every_source_has_a_choice_and_a_statement():
    assert SOURCES == ("observed", "child-said", "other-said", "document")
    assert set(SOURCE_CHOICES) == set(SOURCES) == set(SOURCE_WORDS)


def test_source_text_states_a_source_in_the_callers_language():
    assert source_text("child-said") == "the child said"
    assert source_text("child-said", NB) == "barnet sa"
    assert source_text("observed", chosen=True) == "I observed it"
    assert source_text("observed", NB, chosen=True) == "Jeg har sett det selv"
    assert source_text(None) is None
    assert source_text("rumour") is None


def test_multiple_choice_is_its_option_labels_in_the_language_asked(full):
    item = full.item("documents-carried")
    assert isinstance(item, Question) and item.type == "multi-choice"
    chosen = Answer(value=["passport", "birth-certificate"])
    assert answer_text(item, chosen, "en") == "Passport, Birth certificate"
    assert answer_text(item, chosen, "nb", NB) == "Pass, Fødselsattest"


def test_an_indicator_answer_is_translated_by_the_caller(full):
    item = next(i for _s, i in full.items() if isinstance(i, Indicator))
    assert answer_text(item, Answer(value="yes"), "en") == "yes"
    assert answer_text(item, Answer(value="unsure"), "nb", NB) == "usikker"
    assert answer_text(item, Answer(status="declined"), "nb", NB) == "avslått"
    assert answer_text(item, Answer(status="not-asked"), "en") == "not asked"


def test_a_text_answer_is_never_translated(full):
    item = next(i for _s, i in full.items() if isinstance(i, Question) and i.type == "text")
    # A child's own "no" typed as text is what they said, not the answer "nei".
    assert answer_text(item, Answer(value="no"), "nb", NB) == "no"
    assert answer_text(item, Answer(value="Kom med buss"), "nb", NB) == "Kom med buss"


def test_every_label_is_marked_once_in_the_answer_context():
    """Qt's lupdate and the report's catalogue test read these marks: a label
    written without one would show in English in the window."""
    tree = ast.parse(Path(vocab.__file__).read_text(encoding="utf-8"))
    marked = [
        n.args[1].value
        for n in ast.walk(tree)
        if isinstance(n, ast.Call)
        and isinstance(n.func, ast.Name)
        and n.func.id == "QT_TRANSLATE_NOOP"
        and isinstance(n.args[0], ast.Constant)
        and n.args[0].value == vocab.CONTEXT
    ]
    labels = [*SOURCE_CHOICES.values(), *SOURCE_WORDS.values(), *ANSWER_WORDS.values()]
    assert sorted(marked) == sorted(labels)
    assert len(set(labels)) == len(labels)
