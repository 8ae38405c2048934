"""What the checklist's rules make of a set of answers, and why.

:func:`assess` is the one function the window, the command line and the
referral summary use. It never decides: it returns the suggested outcome, every
rule that fired with the items that made it fire, and any immediate-danger
answers, so the worker can be shown the reasons and record their own decision.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from idcheck.checklist.conditions import matching_items, visible_item_ids
from idcheck.checklist.model import (
    Answer,
    AnswerValue,
    Checklist,
    DangerSpec,
    Indicator,
    Outcome,
    Question,
    Rule,
)


@dataclass(frozen=True, slots=True)
class FiredRule:
    rule: Rule
    #: Item ids whose answers made the rule's condition hold.
    because_of: frozenset[str]


@dataclass(frozen=True, slots=True)
class DangerHit:
    item_id: str
    answer: Answer
    danger: DangerSpec


@dataclass(frozen=True, slots=True)
class Assessment:
    """The checklist's suggestion for a set of answers (never a decision)."""

    outcome: Outcome
    fired: tuple[FiredRule, ...]
    dangers: tuple[DangerHit, ...]
    visible: frozenset[str]
    #: Visible items with no answer yet, in walk order.
    unanswered: tuple[str, ...]
    #: Visible indicators answered yes or unsure, in walk order.
    recorded_indicators: tuple[str, ...]

    @property
    def fired_ids(self) -> tuple[str, ...]:
        return tuple(f.rule.id for f in self.fired)

    @property
    def complete(self) -> bool:
        return not self.unanswered


def normalise(answers: Mapping[str, AnswerValue | Answer]) -> dict[str, Answer]:
    """Plain values (as in an answers file or a worked example) to :class:`Answer`."""
    return {k: Answer.of(v) for k, v in answers.items()}


def forms_pointed_to(checklist: Checklist, item_ids: Iterable[str]) -> tuple[str, ...]:
    """The forms of exploitation (checklist form ids) the indicators among
    ``item_ids`` point to, sorted; ids that are not indicators are skipped. The
    statistics count these for every indicator answered yes; the referral names
    them beside each indicator recorded."""
    forms: set[str] = set()
    for item_id in item_ids:
        try:
            item = checklist.item(item_id)
        except KeyError:
            continue
        if isinstance(item, Indicator):
            forms.update(item.forms)
    return tuple(sorted(forms))


def danger_hit(item: Indicator | Question, answer: Answer | None) -> DangerSpec | None:
    """The danger spec this answer triggers on this item, if any.

    The walk-through calls this after every answer: a hit stops the walk at once.
    """
    if item.danger is None or answer is None:
        return None
    if answer.option_ids() & set(item.danger.answers):
        return item.danger
    return None


def assess(checklist: Checklist, answers: Mapping[str, AnswerValue | Answer]) -> Assessment:
    """Evaluate visibility, every rule and every danger item.

    The suggested outcome is the most urgent outcome of the rules that fired
    (outcomes are listed most urgent first); with none fired it is the
    checklist's ``default_outcome``.

    >>> from idcheck.checklist import load_bundled
    >>> a = assess(load_bundled("intake-screen"), {})
    >>> a.outcome.id
    'no-indicators-recorded'
    """
    norm = normalise(answers)
    visible = visible_item_ids(checklist, norm)
    fired: list[FiredRule] = []
    for rule in checklist.rules:
        ok, why = matching_items(rule.when, checklist, norm, visible)
        if ok:
            fired.append(FiredRule(rule, why))
    if fired:
        best = min(fired, key=lambda f: checklist.outcome_rank(f.rule.outcome))
        outcome = checklist.outcome(best.rule.outcome)
    else:
        outcome = checklist.outcome(checklist.default_outcome)
    dangers: list[DangerHit] = []
    unanswered: list[str] = []
    recorded: list[str] = []
    for _, item in checklist.items():
        if item.id not in visible:
            continue
        a = norm.get(item.id)
        if a is None:
            unanswered.append(item.id)
            continue
        spec = danger_hit(item, a)
        if spec is not None:
            dangers.append(DangerHit(item.id, a, spec))
        if isinstance(item, Indicator) and a.option_ids() & {"yes", "unsure"}:
            recorded.append(item.id)
    return Assessment(
        outcome=outcome,
        fired=tuple(fired),
        dangers=tuple(dangers),
        visible=visible,
        unanswered=tuple(unanswered),
        recorded_indicators=tuple(recorded),
    )


def validate_answer(item: Indicator | Question, answer: Answer) -> str | None:
    """Why ``answer`` does not fit ``item`` (None when it fits)."""
    if answer.status != "answered":
        return None
    v = answer.value
    if isinstance(item, Indicator) or item.type in ("yes-no", "choice"):
        allowed = item.option_ids()
        if not isinstance(v, str) or v not in allowed:
            return f"expected one of {', '.join(allowed)}, not-asked or declined"
        return None
    if item.type == "multi-choice":
        allowed = item.option_ids()
        if not isinstance(v, list) or not v or any(x not in allowed for x in v):
            return f"expected a non-empty list of {', '.join(allowed)}"
        return None
    if item.type == "number":
        if isinstance(v, bool) or not isinstance(v, int | float):
            return "expected a number"
        return None
    if item.type == "date":
        import datetime as dt

        try:
            dt.date.fromisoformat(str(v))
        except ValueError:
            return "expected a date as YYYY-MM-DD"
        return None
    if not isinstance(v, str) or not v.strip():
        return "expected text"
    return None
