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

from idcheck.report.i18n import Translator
from idcheck.report.language_names import language_name
from idcheck.report.pdf import build_pdf, flow_of, write_atomic
from idcheck.report.summary import build_summary
from idcheck.store import Store


def N_(text: str) -> str:
    """Marks a text for the catalogue; translated where it is printed."""
    return text


RECIPIENTS: dict[str, str] = {
    "guardian": N_("To the child's guardian or representative"),
    "lawyer": N_("To the child's lawyer"),
    "asylum": N_("For the child's asylum case"),
}
#: What each reader is given the letter for: the letters differ beyond the address.
PURPOSES: dict[str, str] = {
    "guardian": N_(
        "It is given to you so that you can look after the child's interests and make "
        "sure that the child welfare service and the other authorities named in the "
        "referral act on it."
    ),
    "lawyer": N_(
        "It is given to you for your advice to the child and for any proceedings in "
        "which the child is a party or a witness. The full record and its audit trail "
        "can be requested from the service that produced it."
    ),
    "asylum": N_(
        "It is given for the child's asylum case, where signs of trafficking may bear on "
        "the child's need for protection. The age stated here is as recorded at the "
        "screening; the authority deciding the case sets the age in it."
    ),
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
    lang: str = "en"
    #: Whether a professional's decision is recorded (the letter says so only then).
    decided: bool = False
    site_phone: str = ""
    site_address: str = ""

    def ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.facts)


GROUPS = (
    ("age", N_("Age")),
    ("indicators", N_("Indicators recorded")),
    ("words", N_("The child's own words")),
    ("outcome", N_("What the checklist suggests, and the professional's decision")),
)


def letter_facts(
    store: Store, screening_id: int, *, include_names: bool = False, lang: str | None = None
) -> LetterFacts:
    """The candidate facts of a screening, in letter order (no audit row: the
    letter's export is audited). ``lang``: the print language (default: the site's)."""
    s = build_summary(store, screening_id, include_names=include_names, lang=lang)
    tr = Translator(s.lang)
    _ = tr.gettext
    facts: list[Fact] = []
    age = " ".join(line.rstrip(".") + "." for line in s.age_lines)
    facts.append(Fact("age", "age", age, _("the age"), age))
    facts.append(
        Fact("presumption", "age", s.presumption, _("the presumption of age"), s.presumption)
    )
    words: list[Fact] = []
    for dimension, lines in s.indicators.items():
        for i in lines:
            detail = _("Recorded as %(answer)s") % {"answer": i.answer}
            if i.source:
                detail += "; " + _("source: %(source)s") % {"source": i.source}
            detail += (
                "; "
                + _("checklist strength: %(strength)s") % {"strength": i.strength}
                + "; "
                + _("area: %(area)s") % {"area": dimension}
                + "."
            )
            facts.append(
                Fact(
                    f"indicator:{i.item_id}",
                    "indicators",
                    f"{i.text} ({detail.rstrip('.')})",
                    _("indicator %(id)s") % {"id": i.item_id},
                    i.text,
                    detail=detail,
                )
            )
            if i.child_words:
                words.append(
                    _words(i.item_id, i.text, i.child_words, i.child_language, i.read_back, tr)
                )
    for q in (*s.safety, *s.other_answers):
        if q.child_words:
            words.append(
                _words(q.item_id, q.question, q.child_words, q.child_language, q.read_back, tr)
            )
    facts.extend(words)
    because = tuple(explain.strip() for explain, _ in s.fired)
    suggested = _("The checklist's rules suggest: %(outcome)s.") % {"outcome": s.suggested}
    note = _("This is a suggestion drawn from the indicators recorded, not a finding.")
    facts.append(
        Fact(
            "suggested",
            "outcome",
            " ".join((suggested, *because)),
            _("the suggested outcome"),
            suggested,
            detail=note,
            points=because,
        )
    )
    if s.decision:
        decision = _("The professional's decision: %(decision)s.") % {"decision": s.decision}
        if s.reasons:
            decision += " " + _("Reasons: %(reasons)s") % {"reasons": s.reasons}
        facts.append(
            Fact("decision", "outcome", decision, _("the professional's decision"), decision)
        )
    return LetterFacts(
        case_id=s.case_id,
        screening_id=s.screening_id,
        case_reference=s.case_reference,
        names=s.names,
        site=s.site,
        screened_by=s.screened_by,
        screened_on=(s.completed or s.started)[:10],
        checklist_ref=s.checklist_ref,
        audit_head=s.audit_head,
        notes=tuple(n for n in s.notes if n == _("DRAFT: this screening is not completed.")),
        facts=tuple(facts),
        lang=s.lang,
        decided=s.decision is not None,
        site_phone=s.site_phone,
        site_address=s.site_address,
    )


def _words(
    item_id: str,
    asked: str,
    said: str,
    language: str | None,
    read_back: bool | None,
    tr: Translator,
) -> Fact:
    _ = tr.gettext
    note = _("The child's own words, as said")
    note += ", " + (
        _("in %(language)s") % {"language": language_name(language, tr.lang)}
        if language
        else _("language not recorded")
    )
    if read_back:
        note += "; " + _("read back to the child")
    elif read_back is not None:
        note += "; " + _("not read back to the child")
    asked = asked.strip()
    # "Asked about: Did anyone take your papers?" ends as the question does.
    end = "" if asked.endswith(("?", ".", "!")) else "."
    note += ". " + _("Asked about: %(question)s") % {"question": asked} + end
    return Fact(
        f"words:{item_id}",
        "words",
        f"\u201c{said}\u201d ({note})",
        _("the child's words about %(id)s") % {"id": item_id},
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


def letter_pdf(
    facts: LetterFacts,
    confirmed: Iterable[str],
    *,
    recipient: str = "guardian",
    prepared_by: str = "",
) -> bytes:
    """The letter's PDF bytes with only the ``confirmed`` facts. ValueError when
    nothing is confirmed or an id is unknown."""
    chosen = set(confirmed)
    if not chosen:
        raise ValueError("confirm at least one fact before the letter is produced")
    unknown = chosen - set(facts.ids())
    if unknown:
        raise ValueError(f"no fact {', '.join(sorted(unknown))} in this screening")
    if recipient not in RECIPIENTS:
        raise ValueError(f"recipient must be one of {', '.join(RECIPIENTS)}, not {recipient!r}")
    tr = Translator(facts.lang)
    titles = dict(GROUPS)
    if not facts.decided:
        titles["outcome"] = N_("What the checklist suggests")
    groups = [
        (tr.gettext(titles[g]), [f for f in facts.facts if f.group == g and f.id in chosen])
        for g, _title in GROUPS
    ]
    now = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    case = tr.gettext("case %(ref)s") % {"ref": facts.case_reference}
    return build_pdf(
        lambda: flow_of(
            "letter.txt.j2",
            facts.lang,
            f=facts,
            to=tr.gettext(RECIPIENTS[recipient]),
            purpose=tr.gettext(PURPOSES[recipient]),
            groups=[(t, fs) for t, fs in groups if fs],
            prepared_by=prepared_by or facts.screened_by,
            today=now[:10],
        ),
        title=tr.gettext("Support letter"),
        footer_left=f"{case} · {tr.gettext('audit %(head)s') % {'head': facts.audit_head}}"
        f" · {tr.gettext('CONFIDENTIAL')}",
        footer_right=f"idcheck · {now}",
        lang=facts.lang,
    )


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
    write_atomic(letter_pdf(facts, confirmed, recipient=recipient, prepared_by=prepared_by), target)
