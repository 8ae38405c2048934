"""The checklist language as immutable pydantic models.

A checklist file (``checklists/<id>/<version>.yaml``) is parsed by the loader
into a :class:`Checklist`. Everything here is frozen: a loaded checklist is a
value, safe to share between threads and to hash. Conditions and rules are plain
data evaluated by :mod:`idcheck.checklist.conditions`; there is no ``eval``.

This module holds the checklist itself (its items, sections, rules, outcomes)
and is where every model of the language is imported from: the shared building
blocks are in :mod:`idcheck.checklist.basics`, answers and conditions in
:mod:`idcheck.checklist.answers`, referral routes and the site directory in
:mod:`idcheck.checklist.routes`.

The language is documented for checklist authors in ``docs/checklist-language.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from idcheck.checklist.answers import (
    AllOf,
    Answer,
    AnswerCompare,
    AnswerGiven,
    AnswerIn,
    AnswerIs,
    AnswerValue,
    AnyOf,
    Condition,
    Count,
    CountFilter,
    Not,
    Special,
    YesNo,
    condition_item_refs,
)
from idcheck.checklist.basics import (
    LANGUAGE_VERSION,
    Action,
    Deadline,
    FrozenModel,
    Id,
    LangCode,
    LanguageInfo,
    Source,
    SourceRef,
    Text,
    Verification,
    Version,
    parse_ref,
    text_for,
)
from idcheck.checklist.routes import Contact, ContactRole, Directory, Duty, Routes

__all__ = [
    "LANGUAGE_VERSION",
    "YES_NO_OPTIONS",
    "Action",
    "AllOf",
    "Answer",
    "AnswerCompare",
    "AnswerGiven",
    "AnswerIn",
    "AnswerIs",
    "AnswerValue",
    "AnyOf",
    "Checklist",
    "Condition",
    "Contact",
    "ContactRole",
    "Count",
    "CountFilter",
    "DangerSpec",
    "Deadline",
    "Dimension",
    "Directory",
    "Duty",
    "Example",
    "ExploitationForm",
    "FrozenModel",
    "Id",
    "Indicator",
    "Item",
    "LangCode",
    "LanguageInfo",
    "Not",
    "Option",
    "Outcome",
    "Question",
    "QuestionType",
    "Reading",
    "Routes",
    "Rule",
    "Section",
    "Source",
    "SourceRef",
    "Special",
    "Text",
    "Verification",
    "Version",
    "YesNo",
    "condition_item_refs",
    "parse_ref",
    "text_for",
]

# ------------------------------------------------------------------- metadata pieces


class Dimension(FrozenModel):
    """A grouping of indicators, e.g. one of the six ILO/EC elements."""

    id: Id
    label: Text
    description: Text | None = None


class ExploitationForm(FrozenModel):
    id: Id
    label: Text


class Outcome(FrozenModel):
    """A suggestion the rules can make. Outcomes are listed most urgent first."""

    id: Id
    label: Text
    description: Text
    actions: list[Action] = []


class DangerSpec(FrozenModel):
    """An immediate-danger item: these answers stop the walk-through at once."""

    answers: Annotated[list[str], Field(min_length=1)]
    message: Text
    action: Action


class Reading(FrozenModel):
    """A trauma-informed reading of a behaviour: what we see, the common
    narrative about it, and what it may mean."""

    seen: Text
    narrative: Text
    meaning: Text


class Option(FrozenModel):
    id: Id
    label: Text
    child_label: Text | None = None


# --------------------------------------------------------------------------- items

QuestionType = Literal["yes-no", "choice", "multi-choice", "text", "date", "number"]
YES_NO_OPTIONS: tuple[str, ...] = ("yes", "no", "unsure")


class _ItemBase(FrozenModel):
    id: Id
    text: Text
    child_text: Text | None = None
    guidance: Text | None = None
    trainer_notes: Text | None = None
    show_if: Condition | None = None
    danger: DangerSpec | None = None
    sources: list[SourceRef] = []

    def option_ids(self) -> tuple[str, ...]:
        return YES_NO_OPTIONS


class Indicator(_ItemBase):
    """A sign that may point to trafficking, answered yes / no / unsure.

    ``verification`` says how well the dimension and strength are supported:
    ``verified`` (read in the primary source), ``secondary`` (only in a secondary
    compilation) or ``unverified`` (the authors' judgement); ``verification_note``
    says what is known.
    """

    kind: Literal["indicator"]
    dimension: Id
    strength: Literal["strong", "medium", "weak"]
    forms: list[Id] = []
    reading: Reading | None = None
    verification: Verification
    verification_note: Text | None = None


class Question(_ItemBase):
    """A plain question: yes/no, choice, text, date or number."""

    kind: Literal["question"]
    type: QuestionType
    options: list[Option] = []
    unit: Text | None = None

    @model_validator(mode="after")
    def _options_fit_type(self) -> Question:
        if self.type in ("choice", "multi-choice"):
            if len(self.options) < 2:
                raise ValueError(f"a '{self.type}' question needs at least two options")
            ids = [o.id for o in self.options]
            dup = {i for i in ids if ids.count(i) > 1}
            if dup:
                raise ValueError(f"duplicate option ids: {', '.join(sorted(dup))}")
        elif self.options:
            raise ValueError(f"a '{self.type}' question takes no options")
        return self

    def option_ids(self) -> tuple[str, ...]:
        if self.type == "yes-no":
            return YES_NO_OPTIONS
        return tuple(o.id for o in self.options)


Item = Annotated[Indicator | Question, Field(discriminator="kind")]


class Section(FrozenModel):
    id: Id
    title: Text
    intro: Text | None = None
    show_if: Condition | None = None
    items: Annotated[list[Item], Field(min_length=1)]


class Rule(FrozenModel):
    """When ``when`` holds, the rule fires and suggests ``outcome``.

    ``explain`` is shown to the worker as the reason for the suggestion.
    """

    id: Id
    when: Condition
    outcome: Id
    explain: Text


class Example(FrozenModel):
    """A worked example: an answer set and what the rules must make of it.

    Runs as a test; also shown to trainers.
    """

    name: str
    answers: dict[Id, AnswerValue]
    outcome: Id
    fired: list[Id]


# ------------------------------------------------------------------------ checklist


class Checklist(FrozenModel):
    """One published version of a checklist."""

    language_version: Literal[1] = 1
    kind: Literal["checklist"] = "checklist"
    id: Id
    version: Version
    title: Text
    description: Text
    jurisdiction: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = None
    languages: dict[LangCode, LanguageInfo]
    authors: Annotated[list[str], Field(min_length=1)]
    licence: str
    published: dt.date
    sources: Annotated[list[Source], Field(min_length=1)]
    dimensions: list[Dimension] = []
    forms: list[ExploitationForm] = []
    sections: Annotated[list[Section], Field(min_length=1)]
    outcomes: Annotated[list[Outcome], Field(min_length=1)]
    default_outcome: Id
    rules: list[Rule] = []
    examples: list[Example] = []
    routes: list[Id] = []
    notes: Text | None = None

    @field_validator("languages")
    @classmethod
    def _english_or_some(cls, v: dict[str, LanguageInfo]) -> dict[str, LanguageInfo]:
        if not any(info.scope == "all" for info in v.values()):
            raise ValueError("at least one language must carry every text (scope: all)")
        return v

    # -- lookups -----------------------------------------------------------------

    def items(self) -> Iterator[tuple[Section, Indicator | Question]]:
        """Every item with its section, in walk order."""
        for section in self.sections:
            for item in section.items:
                yield section, item

    def item(self, item_id: str) -> Indicator | Question:
        for _, it in self.items():
            if it.id == item_id:
                return it
        raise KeyError(item_id)

    def item_ids(self) -> list[str]:
        return [it.id for _, it in self.items()]

    def section_of(self, item_id: str) -> Section:
        for section, it in self.items():
            if it.id == item_id:
                return section
        raise KeyError(item_id)

    def outcome(self, outcome_id: str) -> Outcome:
        for o in self.outcomes:
            if o.id == outcome_id:
                return o
        raise KeyError(outcome_id)

    def outcome_rank(self, outcome_id: str) -> int:
        """0 for the most urgent outcome."""
        return [o.id for o in self.outcomes].index(outcome_id)

    def dimension(self, dim_id: str) -> Dimension:
        for d in self.dimensions:
            if d.id == dim_id:
                return d
        raise KeyError(dim_id)

    def worker_languages(self) -> list[str]:
        return [code for code, info in self.languages.items() if info.scope == "all"]

    @property
    def ref(self) -> str:
        """``id@version``, as used on the command line and in the store."""
        return f"{self.id}@{self.version}"
