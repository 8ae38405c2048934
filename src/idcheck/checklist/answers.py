"""An answer and the conditions over answers, as the checklist language writes
them (``show_if``, rules' ``when``): plain data, evaluated by
:mod:`idcheck.checklist.conditions`; there is no ``eval``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Discriminator, Field, Tag, model_validator

from idcheck.checklist.basics import FrozenModel, Id

__all__ = [
    "AllOf",
    "Answer",
    "AnswerCompare",
    "AnswerGiven",
    "AnswerIn",
    "AnswerIs",
    "AnswerValue",
    "AnyOf",
    "Condition",
    "Count",
    "CountFilter",
    "Not",
    "Special",
    "YesNo",
    "condition_item_refs",
]

# --------------------------------------------------------------------------- answers


class Special(StrEnum):
    """Answers every item accepts besides its own values."""

    NOT_ASKED = "not-asked"
    DECLINED = "declined"


class YesNo(StrEnum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


#: The value of one answer: an option id (yes/no/unsure or a choice), a list of
#: option ids (multiple choice), free text, an ISO date string, or a number.
AnswerValue = str | int | float | list[str]


class Answer(FrozenModel):
    """One answer as the engine sees it (the store adds who, when and context).

    ``status`` is ``answered`` with a ``value``, or one of the specials with no value.
    """

    status: Literal["answered", "not-asked", "declined"] = "answered"
    value: AnswerValue | None = None

    @model_validator(mode="after")
    def _value_matches_status(self) -> Answer:
        if self.status == "answered" and self.value is None:
            raise ValueError("an answered item needs a value")
        if self.status != "answered" and self.value is not None:
            raise ValueError(f"a '{self.status}' answer carries no value")
        return self

    @classmethod
    def of(cls, raw: AnswerValue | Answer) -> Answer:
        """Build from a plain value; the strings 'not-asked'/'declined' become specials."""
        if isinstance(raw, Answer):
            return raw
        if isinstance(raw, str) and raw in (Special.NOT_ASKED, Special.DECLINED):
            return cls(status=raw)
        return cls(value=raw)

    def option_ids(self) -> frozenset[str]:
        """The option ids this answer holds (empty for text/number/specials)."""
        if self.status != "answered":
            return frozenset({self.status})
        if isinstance(self.value, list):
            return frozenset(self.value)
        if isinstance(self.value, str):
            return frozenset({self.value})
        return frozenset()


# ------------------------------------------------------------------------ conditions


class AnswerIs(FrozenModel):
    """``{answer: ITEM, is: VALUE}``: the item's answer is VALUE.

    For a multiple-choice item, true when VALUE is among the chosen options.
    VALUE may be ``not-asked`` or ``declined``.
    """

    answer: Id
    is_: str | int | float = Field(alias="is")


class AnswerIn(FrozenModel):
    """``{answer: ITEM, in: [V1, V2]}``: the answer is one of the values (any overlap
    for multiple choice)."""

    answer: Id
    in_: Annotated[list[str], Field(min_length=1)] = Field(alias="in")


class AnswerCompare(FrozenModel):
    """``{answer: ITEM, at_least: N}`` / ``{answer: ITEM, below: N}`` for numbers."""

    answer: Id
    at_least: float | None = None
    below: float | None = None

    @model_validator(mode="after")
    def _one_bound(self) -> AnswerCompare:
        if self.at_least is None and self.below is None:
            raise ValueError("give 'at_least' or 'below' (or both)")
        return self


class AnswerGiven(FrozenModel):
    """``{answered: ITEM}``: the item has an answered value (not skipped, not declined)."""

    answered: Id


class AllOf(FrozenModel):
    """``{all: [C1, C2, ...]}``: every condition holds."""

    all: Annotated[list[Condition], Field(min_length=1)]


class AnyOf(FrozenModel):
    """``{any: [C1, C2, ...]}``: at least one condition holds."""

    any: Annotated[list[Condition], Field(min_length=1)]


class Not(FrozenModel):
    """``{not: C}``: the condition does not hold."""

    not_: Condition = Field(alias="not")


class CountFilter(FrozenModel):
    """Which items a ``count`` counts. Every given field must match; a list means any of."""

    kind: Literal["indicator", "question", "any"] = "indicator"
    answer: list[str] | str = "yes"
    dimension: list[Id] | Id | None = None
    strength: (
        list[Literal["strong", "medium", "weak"]] | Literal["strong", "medium", "weak"] | None
    ) = None
    form: list[Id] | Id | None = None
    section: list[Id] | Id | None = None
    items: list[Id] | None = None

    def as_sets(self) -> dict[str, frozenset[str] | None]:
        def s(v: Sequence[str] | str | None) -> frozenset[str] | None:
            if v is None:
                return None
            return frozenset([v] if isinstance(v, str) else v)

        return {
            "answer": s(self.answer),
            "dimension": s(self.dimension),
            "strength": s(self.strength),
            "form": s(self.form),
            "section": s(self.section),
            "items": s(self.items),
        }


class Count(FrozenModel):
    """``{count: {FILTER}, at_least: N}``: at least N visible items match the filter.

    ``distinct: dimension`` counts distinct dimensions among the matching items
    instead of items (e.g. indicators in at least two of the six elements).
    """

    count: CountFilter
    at_least: Annotated[int, Field(ge=1)]
    distinct: Literal["dimension", "form"] | None = None


def _condition_tag(value: Any) -> str | None:
    """Choose the condition kind from the keys present (gives clear errors)."""
    if isinstance(value, BaseModel):
        return type(value).__name__
    if not isinstance(value, dict):
        return None
    keys = set(value)
    if "all" in keys:
        return "AllOf"
    if "any" in keys:
        return "AnyOf"
    if "not" in keys:
        return "Not"
    if "count" in keys:
        return "Count"
    if "answered" in keys:
        return "AnswerGiven"
    if "answer" in keys:
        if "in" in keys:
            return "AnswerIn"
        if "at_least" in keys or "below" in keys:
            return "AnswerCompare"
        return "AnswerIs"
    return None


Condition = Annotated[
    Annotated[AnswerIs, Tag("AnswerIs")]
    | Annotated[AnswerIn, Tag("AnswerIn")]
    | Annotated[AnswerCompare, Tag("AnswerCompare")]
    | Annotated[AnswerGiven, Tag("AnswerGiven")]
    | Annotated[AllOf, Tag("AllOf")]
    | Annotated[AnyOf, Tag("AnyOf")]
    | Annotated[Not, Tag("Not")]
    | Annotated[Count, Tag("Count")],
    Discriminator(
        _condition_tag,
        custom_error_type="condition",
        custom_error_message=(
            "expected a condition: {answer: ID, is: V}, {answer: ID, in: [..]}, "
            "{answer: ID, at_least/below: N}, {answered: ID}, {all: [..]}, {any: [..]}, "
            "{not: C} or {count: {..}, at_least: N}"
        ),
    ),
]

AllOf.model_rebuild()
AnyOf.model_rebuild()
Not.model_rebuild()


def condition_item_refs(cond: Condition) -> Iterator[str]:
    """Every item id a condition names (for lint and dependency graphs)."""
    match cond:
        case AnswerIs() | AnswerIn() | AnswerCompare():
            yield cond.answer
        case AnswerGiven():
            yield cond.answered
        case AllOf():
            for c in cond.all:
                yield from condition_item_refs(c)
        case AnyOf():
            for c in cond.any:
                yield from condition_item_refs(c)
        case Not():
            yield from condition_item_refs(cond.not_)
        case Count():
            yield from cond.count.items or ()
