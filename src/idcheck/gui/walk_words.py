"""The walk-through's fixed words: the answers every indicator shares with their
single keys, the typed answer's hints, and an answer and its context in one line.
Where an answer comes from and an answer as text are the shared vocabulary's
(:mod:`idcheck.checklist.vocabulary`, context ``Answer``), translated here.

Marked with ``QT_TRANSLATE_NOOP`` in the ``ItemPanel`` context and translated
when shown, so a language switched at run time applies to the next screen.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from idcheck.checklist import Answer, Checklist, Indicator, Question, text_for, vocabulary
from idcheck.report.language_names import language_name
from idcheck.store import AnswerContext

__all__ = [
    "KEYS",
    "SPECIAL_LABELS",
    "YES_NO_LABELS",
    "answer_text",
    "date_problem",
    "placeholder",
    "reading_text",
    "source_choice",
    "summary_text",
    "tr",
    "whom_to_call",
    "words",
]

#: The answers of an indicator or a yes-no question, with their single keys.
YES_NO_LABELS = {
    "yes": QT_TRANSLATE_NOOP("ItemPanel", "&Yes"),
    "no": QT_TRANSLATE_NOOP("ItemPanel", "&No"),
    "unsure": QT_TRANSLATE_NOOP("ItemPanel", "&Unsure"),
}
SPECIAL_LABELS = {
    "declined": QT_TRANSLATE_NOOP("ItemPanel", "&Declined"),
    "not-asked": QT_TRANSLATE_NOOP("ItemPanel", "Not a&sked"),
}
KEYS = {"y": "yes", "n": "no", "u": "unsure"}


def tr(text: object) -> str:
    """A string of the tables above in the interface language."""
    return QCoreApplication.translate("ItemPanel", str(text))


def words(text: str) -> str:
    """A word of :mod:`idcheck.checklist.vocabulary` in the interface language."""
    return QCoreApplication.translate(vocabulary.CONTEXT, text)


def answer_text(item: Indicator | Question, answer: Answer, lang: str) -> str:
    """An answer as the worker reads it (the overview, the panel's summary): the
    one renderer every layer shares, with the window's translation."""
    return vocabulary.answer_text(item, answer, lang, words)


def source_choice(source: str) -> str:
    """A source as the worker chooses it ("I observed it"), translated."""
    return vocabulary.source_text(source, words, chosen=True) or source


def placeholder(item: Indicator | Question, lang: str) -> str:
    """What the answer field of a typed answer says while empty."""
    if isinstance(item, Question) and item.type == "date":
        return QCoreApplication.translate("ItemPanel", "YYYY-MM-DD, then Enter")
    if isinstance(item, Question) and item.type == "number":
        unit = text_for(item.unit, lang)
        if unit:
            return QCoreApplication.translate("ItemPanel", "A number ({0}), then Enter").format(
                unit
            )
        return QCoreApplication.translate("ItemPanel", "A number, then Enter")
    return QCoreApplication.translate("ItemPanel", "Type the answer, then Enter")


def reading_text(item: Indicator | Question, lang: str) -> str:
    """An indicator's trauma-informed reading; empty for none."""
    if not isinstance(item, Indicator) or item.reading is None:
        return ""
    r = item.reading
    return QCoreApplication.translate(
        "ItemPanel", "What we see: {0}\nA common reading: {1}\nWhat it may mean: {2}"
    ).format(text_for(r.seen, lang), text_for(r.narrative, lang), text_for(r.meaning, lang))


def summary_text(
    item: Indicator | Question,
    answer: Answer | None,
    ctx: AnswerContext | None,
    lang: str,
    saved: str = "",
) -> str:
    """The answer and what its context holds, in one line (rich text, escaped)."""
    parts = []
    if answer is not None:
        shown = html.escape(answer_text(item, answer, lang))
        parts.append(QCoreApplication.translate("ItemPanel", "Answer: {0}").format(shown))
    if ctx is not None:
        if ctx.source:
            parts.append(html.escape(source_choice(ctx.source)))
        if ctx.child_words:
            parts.append(QCoreApplication.translate("ItemPanel", "own words recorded"))
        if ctx.language:
            # A code typed ("prs") is named as the documents name it: "Dari (prs)".
            typed = ctx.language.strip()
            name = language_name(typed, lang)
            language = html.escape(name if name == typed else f"{name} ({typed})")
            parts.append(QCoreApplication.translate("ItemPanel", "language {0}").format(language))
        if ctx.interpreter_present or ctx.interpreter:
            who = html.escape(ctx.interpreter or "")
            parts.append(QCoreApplication.translate("ItemPanel", "interpreter {0}").format(who))
        if ctx.read_back:
            parts.append(QCoreApplication.translate("ItemPanel", "read back"))
        if ctx.worker_note:
            parts.append(QCoreApplication.translate("ItemPanel", "note"))
    if saved:
        parts.append(f"<b>{html.escape(saved)}</b>")
    return " · ".join(parts)


def date_problem(raw: str) -> str:
    """Why a typed date is not saved ("" when it is a date): not written as
    YYYY-MM-DD, a day the calendar lacks (2011-02-30), or a day ahead of today
    (the dates the checklists ask for, a birth or an arrival, have happened: the
    new-case form refuses them too; :func:`idcheck.store.date_fault`)."""
    from idcheck.store import date_fault

    translate = QCoreApplication.translate
    fault = date_fault(raw)
    if fault == "no-such-day":
        return translate(
            "ItemPanel", "Not saved: the date {0} does not exist: check the month and the day."
        ).format(raw)
    if fault == "form":
        return translate("ItemPanel", "Not saved: expected a date as YYYY-MM-DD.")
    if fault == "future":
        return translate(
            "ItemPanel",
            "Not saved: the date {0} is in the future; the dates asked here are of what has "
            "happened.",
        ).format(raw)
    return ""


# Whom a worker is told to call when no number is known for the role the
# danger names: the police emergency number of the site's routes.
POLICE_EMERGENCY = "police-emergency"


def whom_to_call(
    checklist: Checklist,
    role: str | None,
    contacts: Sequence[Mapping[str, Any]],
    lang: str,
    route_ids: Sequence[str] | None = None,
) -> tuple[str, list[str]]:
    """What to say first ("" mostly) and the lines naming whom to call for
    ``role``: the site's contacts and the national numbers
    (:func:`idcheck.walk.contacts_for`). When neither has a number for it (a new
    computer whose local contacts are not set up, and a role with no national
    number, such as the child welfare emergency service), it says so and where
    an administrator adds one, and the lines are the police emergency number: a
    worker in front of a child in danger is never left with no number."""
    from idcheck.walk import contacts_for, role_label

    lines = contacts_for(checklist, role, contacts, lang, route_ids)
    if lines or role is None:
        return "", lines
    police = (
        []
        if role == POLICE_EMERGENCY
        else contacts_for(checklist, POLICE_EMERGENCY, contacts, lang, route_ids)
    )
    said = QCoreApplication.translate(
        "ItemPanel",
        "No number for {0} is set up on this computer (an administrator adds it under "
        "Administration → Local contacts).",
    ).format(role_label(checklist, role, lang, route_ids))
    if police:
        said += " " + QCoreApplication.translate(
            "ItemPanel", "If the child is in danger now, call the police."
        )
    return said, police
