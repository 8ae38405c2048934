"""The words of an answer that every layer shares: where an answer comes from
(its source) and an answer as text.

The store keeps a source by its id, the answers file and the window take one,
the printed documents state it: all read the ids and labels here, and every
answer shown or printed as text goes through :func:`answer_text`.

No Qt and no translation machinery: each label is its English text marked once
with :func:`QT_TRANSLATE_NOOP` (context ``"Answer"``), a marker that returns its
text. The window translates a label with its own mechanism
(``QCoreApplication.translate("Answer", label)``; Qt's ``lupdate`` reads the
marks of this module), the printed documents with theirs (the report's
catalogue, whose test reads the marks too). :func:`answer_text` takes the
translating function, so each caller passes its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final, Literal, get_args

from idcheck.checklist.model import Answer, Indicator, Question, text_for

__all__ = [
    "ANSWER_WORDS",
    "CONTEXT",
    "QT_TRANSLATE_NOOP",
    "SOURCES",
    "SOURCE_CHOICES",
    "SOURCE_WORDS",
    "Source",
    "answer_text",
    "source_text",
]

# The translation context of every label here (the window's .ts files).
CONTEXT: Final = "Answer"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context`` and returns it unchanged.

    Qt's ``lupdate`` and the report's catalogue test read these calls; nothing
    is translated here.
    """
    return text


#: Where an answer comes from: the worker saw it, the child said it, another
#: person said it, or a document shows it.
Source = Literal["observed", "child-said", "other-said", "document"]
SOURCES: Final[tuple[Source, ...]] = get_args(Source)

#: A source as the worker chooses it while answering (first person).
SOURCE_CHOICES: Final[Mapping[Source, str]] = {
    "observed": QT_TRANSLATE_NOOP("Answer", "I observed it"),
    "child-said": QT_TRANSLATE_NOOP("Answer", "The child said it"),
    "other-said": QT_TRANSLATE_NOOP("Answer", "Another person said it"),
    "document": QT_TRANSLATE_NOOP("Answer", "A document shows it"),
}
#: A source as a document states it to its reader (third person).
SOURCE_WORDS: Final[Mapping[Source, str]] = {
    "observed": QT_TRANSLATE_NOOP("Answer", "observed by the worker"),
    "child-said": QT_TRANSLATE_NOOP("Answer", "the child said"),
    "other-said": QT_TRANSLATE_NOOP("Answer", "another person said"),
    "document": QT_TRANSLATE_NOOP("Answer", "a document shows"),
}
#: The answers every indicator and yes-no question shares, and the specials.
ANSWER_WORDS: Final[Mapping[str, str]] = {
    "yes": QT_TRANSLATE_NOOP("Answer", "yes"),
    "no": QT_TRANSLATE_NOOP("Answer", "no"),
    "unsure": QT_TRANSLATE_NOOP("Answer", "unsure"),
    "not-asked": QT_TRANSLATE_NOOP("Answer", "not asked"),
    "declined": QT_TRANSLATE_NOOP("Answer", "declined"),
}


def _same(text: str) -> str:
    return text


def source_text(
    source: str | None, translate: Callable[[str], str] = _same, *, chosen: bool = False
) -> str | None:
    """A source in words (as a document states it; ``chosen``: as the worker
    chose it), translated by ``translate``; None for no source or an unknown one."""
    table = SOURCE_CHOICES if chosen else SOURCE_WORDS
    if source not in table:
        return None
    return translate(table[source])  # type: ignore[index]


def answer_text(
    item: Indicator | Question,
    answer: Answer,
    lang: str,
    translate: Callable[[str], str] = _same,
) -> str:
    """An answer as a person reads it: a choice by its label in ``lang``, several
    joined by commas, yes / no / unsure and the specials in words translated by
    ``translate``, any other value (text, a date, a number) as it is: a child's
    text answer "no" stays "no" in every language."""
    if answer.status != "answered":
        return translate(ANSWER_WORDS[answer.status])
    value = answer.value
    if isinstance(item, Indicator) or item.type == "yes-no":
        key = str(value)
        return translate(ANSWER_WORDS[key]) if key in ANSWER_WORDS else key
    labels = {o.id: text_for(o.label, lang) for o in item.options}
    chosen = value if isinstance(value, list) else [value]
    return ", ".join(labels.get(str(v), str(v)) for v in chosen)
