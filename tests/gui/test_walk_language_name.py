"""The walk-through's line under an item names the language of the child's
words as the documents do ("Dari (prs)"), keeping the code the worker typed; a
language typed out by name, in any script, is shown as typed."""

from __future__ import annotations

import pytest

from idcheck.checklist import Answer, load_bundled
from idcheck.gui.walk_words import summary_text
from idcheck.store import AnswerContext


@pytest.mark.parametrize(
    ("typed", "lang", "shown"),
    [
        ("prs", "en", "language Dari (prs)"),
        ("ar", "en", "language Arabic (ar)"),
        ("ti", "nb", "tigrinja (ti)"),
        ("Sorani", "en", "language Sorani"),
        ("عربي", "en", "language عربي"),
    ],
)
def test_the_line_under_an_item_names_the_language(qtbot, typed, lang, shown):
    checklist = load_bundled("intake-screen")
    item = checklist.item("debt")
    line = summary_text(
        item, Answer(value="yes"), AnswerContext(source="child-said", language=typed), lang
    )
    assert shown in line
