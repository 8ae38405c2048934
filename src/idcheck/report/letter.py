"""A support letter (for a guardian, a lawyer or the asylum case) from the facts
recorded in a screening, containing only the facts the worker confirmed.

:func:`letter_facts` lists the candidate facts of a screening: the age (as the
child gives it, as assessed, whether disputed) and the presumption that
applies; each indicator recorded with its source; the child's own words, quoted
as said with their language and whether they were read back; what the rules
suggest; and the professional's decision. Each has a stable id (``age``,
``presumption``, ``indicator:ITEM``, ``words:ITEM``, ``suggested``,
``decision``). :func:`render_letter` prints a letter with the confirmed ones
only. The worker's own notes are interpretation, not recorded fact, and are
never put in a letter.

The letter describes what was recorded. It never says a child "is a victim":
that is for the competent authorities to decide.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from idcheck.report.pdf import build_pdf, flow_of, write_atomic
from idcheck.report.summary import build_summary
from idcheck.store import Store

RECIPIENTS: dict[str, str] = {
    "guardian": "To the child's guardian or representative",
    "lawyer": "To the child's lawyer",
    "asylum": "For the child's asylum case",
}


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact the worker may confirm. ``label`` is what the check step shows
    (the whole fact, quote included); ``short`` names it without the child's words."""

    id: str
    group: str  # age, indicators, words, outcome
    label: str
    short: str
    text: str
    quote: str | None = None
    quote_note: str | None = None
    detail: str | None = None
    points: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LetterFacts:
    case_id: int
    screening_id: int
    case_reference: str
    names: str | None
    site: str
    screened_by: str
    screened_on: str
    checklist_ref: str
    audit_head: str
    notes: tuple[str, ...]
    facts: tuple[Fact, ...]

    def ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.facts)


GROUPS = (
    ("age", "Age"),
    ("indicators", "Indicators recorded"),
    ("words", "The child's own words"),
    ("outcome", "What the checklist suggests, and the professional's decision"),
)


def letter_facts(
    store: Store, screening_id: int, *, include_names: bool = False, lang: str = "en"
) -> LetterFacts:
    """The candidate facts of a screening, in letter order (audited as a view)."""
    s = build_summary(store, screening_id, include_names=include_names, lang=lang)
    rec = store.get_screening(screening_id, audit=False)
    facts: list[Fact] = []
    age = " ".join(line.rstrip(".") + "." for line in s.age_lines)
    facts.append(Fact("age", "age", age, "the age", age))
    facts.append(Fact("presumption", "age", s.presumption, "the presumption of age", s.presumption))
    words: list[Fact] = []
    for dimension, lines in s.indicators.items():
        for i in lines:
            source = f"; source: {i.source}" if i.source else ""
            detail = (
                f"Recorded as {i.answer}{source}; checklist strength: {i.strength}; "
                f"area: {dimension}."
            )
            facts.append(
                Fact(
                    f"indicator:{i.item_id}",
                    "indicators",
                    f"{i.text} ({detail.rstrip('.')})",
                    f"indicator {i.item_id}",
                    i.text,
                    detail=detail,
                )
            )
            if i.child_words:
                words.append(
                    _words(i.item_id, i.text, i.child_words, i.child_language, i.read_back)
                )
    for q in s.other_answers:
        if q.child_words:
            words.append(
                _words(q.item_id, q.question, q.child_words, q.child_language, q.read_back)
            )
    facts.extend(words)
    because = tuple(explain.strip() for explain, _ in s.fired)
    suggested = f"The checklist's rules suggest: {s.suggested}."
    note = "This is a suggestion drawn from the indicators recorded, not a finding."
    facts.append(
        Fact(
            "suggested",
            "outcome",
            " ".join((suggested, *because)),
            "the suggested outcome",
            suggested,
            detail=note,
            points=because,
        )
    )
    if s.decision:
        decision = f"The professional's decision: {s.decision}." + (
            f" Reasons: {s.reasons}" if s.reasons else ""
        )
        facts.append(Fact("decision", "outcome", decision, "the professional's decision", decision))
    return LetterFacts(
        case_id=rec.case_id,
        screening_id=rec.id,
        case_reference=s.case_reference,
        names=s.names,
        site=s.site,
        screened_by=s.screened_by,
        screened_on=(s.completed or s.started)[:10],
        checklist_ref=s.checklist_ref,
        audit_head=s.audit_head,
        notes=tuple(n for n in s.notes if n.startswith("DRAFT")),
        facts=tuple(facts),
    )


def _words(
    item_id: str, asked: str, said: str, language: str | None, read_back: bool | None
) -> Fact:
    note = "The child's own words, as said"
    note += f", in {language}" if language else ", language not recorded"
    if read_back:
        note += "; read back to the child"
    elif read_back is not None:
        note += "; not read back to the child"
    note += f". Asked about: {asked.rstrip('.')}."
    return Fact(
        f"words:{item_id}",
        "words",
        f"\u201c{said}\u201d ({note})",
        f"the child's words about {item_id}",
        note,
        quote=said,
        quote_note=note,
    )


def choose(facts: LetterFacts, spec: str) -> tuple[str, ...]:
    """Fact ids from ``all`` or ``ID,ID,...``; ValueError names any unknown id."""
    spec = spec.strip()
    if spec == "all":
        return facts.ids()
    wanted = [x.strip() for x in spec.split(",") if x.strip()]
    if not wanted:
        raise ValueError("--facts: name at least one fact (or 'all')")
    unknown = [x for x in wanted if x not in facts.ids()]
    if unknown:
        raise ValueError(
            f"--facts: no fact {', '.join(unknown)} in this screening "
            f"(see: idcheck letter {facts.screening_id} --list)"
        )
    return tuple(x for x in facts.ids() if x in wanted)


def render_letter(
    facts: LetterFacts,
    confirmed: Iterable[str],
    target: Path | io.BytesIO,
    *,
    recipient: str = "guardian",
    prepared_by: str = "",
) -> None:
    """The letter with only the ``confirmed`` facts, written atomically (or into a
    buffer). ValueError when nothing is confirmed or an id is unknown."""
    chosen = set(confirmed)
    if not chosen:
        raise ValueError("confirm at least one fact before the letter is produced")
    unknown = chosen - set(facts.ids())
    if unknown:
        raise ValueError(f"no fact {', '.join(sorted(unknown))} in this screening")
    if recipient not in RECIPIENTS:
        raise ValueError(f"recipient must be one of {', '.join(RECIPIENTS)}, not {recipient!r}")
    groups = [
        (title, [f for f in facts.facts if f.group == g and f.id in chosen]) for g, title in GROUPS
    ]
    now = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    data = build_pdf(
        lambda: flow_of(
            "letter.txt.j2",
            f=facts,
            to=RECIPIENTS[recipient],
            groups=[(t, fs) for t, fs in groups if fs],
            prepared_by=prepared_by or facts.screened_by,
            today=now[:10],
        ),
        title=f"Support letter {facts.case_reference}",
        footer_left=f"case {facts.case_reference} · audit {facts.audit_head} · CONFIDENTIAL",
        footer_right=f"idcheck · {now}",
    )
    write_atomic(data, target)
