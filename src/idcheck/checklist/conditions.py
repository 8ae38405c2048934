"""Pure evaluation of show-if conditions and rule conditions.

Nothing here has side effects or looks outside its arguments: a condition, the
checklist and the answers go in, a boolean (or the items that made it true) comes
out. Hidden items count as not asked, so an answer left behind when the worker
changes an earlier answer never fires a rule.
"""

from __future__ import annotations

from collections.abc import Mapping

from idcheck.checklist.model import (
    AllOf,
    Answer,
    AnswerCompare,
    AnswerGiven,
    AnswerIn,
    AnswerIs,
    AnyOf,
    Checklist,
    Condition,
    Count,
    Indicator,
    Not,
)

Answers = Mapping[str, Answer]


def _answer(answers: Answers, item_id: str) -> Answer | None:
    return answers.get(item_id)


def _value_matches(ans: Answer | None, wanted: str | int | float) -> bool:
    if ans is None:
        return wanted == "not-asked"
    if ans.status != "answered":
        return wanted == ans.status
    if isinstance(ans.value, list):
        return wanted in ans.value
    if isinstance(wanted, int | float) and isinstance(ans.value, int | float):
        return float(ans.value) == float(wanted)
    return ans.value == wanted


def matching_items(
    cond: Condition,
    checklist: Checklist,
    answers: Answers,
    visible: frozenset[str] | None = None,
) -> tuple[bool, frozenset[str]]:
    """Evaluate ``cond``; return whether it holds and the item ids that made it hold.

    ``visible`` is the set of items currently shown; answers to other items are
    treated as not asked. When None, every answer counts (used while computing
    visibility itself, where a condition may only name earlier items).
    """

    def ans(item_id: str) -> Answer | None:
        if visible is not None and item_id not in visible:
            return None
        return _answer(answers, item_id)

    match cond:
        case AnswerIs():
            ok = _value_matches(ans(cond.answer), cond.is_)
            return ok, frozenset({cond.answer}) if ok else frozenset()
        case AnswerIn():
            a = ans(cond.answer)
            ok = any(_value_matches(a, v) for v in cond.in_)
            return ok, frozenset({cond.answer}) if ok else frozenset()
        case AnswerCompare():
            a = ans(cond.answer)
            if a is None or a.status != "answered" or not isinstance(a.value, int | float):
                return False, frozenset()
            v = float(a.value)
            ok = (cond.at_least is None or v >= cond.at_least) and (
                cond.below is None or v < cond.below
            )
            return ok, frozenset({cond.answer}) if ok else frozenset()
        case AnswerGiven():
            a = ans(cond.answered)
            ok = a is not None and a.status == "answered"
            return ok, frozenset({cond.answered}) if ok else frozenset()
        case AllOf():
            items: set[str] = set()
            for c in cond.all:
                ok, why = matching_items(c, checklist, answers, visible)
                if not ok:
                    return False, frozenset()
                items |= why
            return True, frozenset(items)
        case AnyOf():
            items = set()
            any_ok = False
            for c in cond.any:
                ok, why = matching_items(c, checklist, answers, visible)
                if ok:
                    any_ok = True
                    items |= why
            return any_ok, frozenset(items) if any_ok else frozenset()
        case Not():
            ok, _ = matching_items(cond.not_, checklist, answers, visible)
            return (not ok), frozenset()
        case Count():
            hits = count_matches(cond, checklist, answers, visible)
            if cond.distinct == "dimension":
                n = len({checklist.item(i).dimension for i in hits})  # type: ignore[union-attr]
            elif cond.distinct == "form":
                n = len({f for i in hits for f in getattr(checklist.item(i), "forms", [])})
            else:
                n = len(hits)
            ok = n >= cond.at_least
            return ok, hits if ok else frozenset()
    raise TypeError(f"unknown condition {cond!r}")  # pragma: no cover


def count_matches(
    cond: Count, checklist: Checklist, answers: Answers, visible: frozenset[str] | None
) -> frozenset[str]:
    """The ids of the items a ``count`` condition counts."""
    f = cond.count.as_sets()
    hits: set[str] = set()
    for section, item in checklist.items():
        if visible is not None and item.id not in visible:
            continue
        if cond.count.kind != "any" and item.kind != cond.count.kind:
            continue
        if f["items"] is not None and item.id not in f["items"]:
            continue
        if f["section"] is not None and section.id not in f["section"]:
            continue
        if isinstance(item, Indicator):
            if f["dimension"] is not None and item.dimension not in f["dimension"]:
                continue
            if f["strength"] is not None and item.strength not in f["strength"]:
                continue
            if f["form"] is not None and not (set(item.forms) & f["form"]):
                continue
        elif f["dimension"] is not None or f["strength"] is not None or f["form"] is not None:
            continue
        a = answers.get(item.id)
        wanted = f["answer"] or frozenset({"yes"})
        if any(_value_matches(a, w) for w in wanted):
            hits.add(item.id)
    return frozenset(hits)


def holds(
    cond: Condition,
    checklist: Checklist,
    answers: Answers,
    visible: frozenset[str] | None = None,
) -> bool:
    """Whether ``cond`` holds for these answers."""
    return matching_items(cond, checklist, answers, visible)[0]


def visible_item_ids(checklist: Checklist, answers: Answers) -> frozenset[str]:
    """The items shown for these answers, in one pass in walk order.

    An item is visible when its section's and its own ``show_if`` hold, evaluated
    only over items that are themselves visible and come earlier (lint refuses
    conditions on later items and cycles), so hiding an item hides what depends
    on it.
    """
    shown: set[str] = set()
    for section in checklist.sections:
        frozen = frozenset(shown)
        if section.show_if is not None and not holds(section.show_if, checklist, answers, frozen):
            continue
        for item in section.items:
            frozen = frozenset(shown)
            if item.show_if is None or holds(item.show_if, checklist, answers, frozen):
                shown.add(item.id)
    return frozenset(shown)
