"""The checklist language as immutable pydantic models.

A checklist file (``checklists/<id>/<version>.yaml``) is parsed by the loader
into a :class:`Checklist`. Everything here is frozen: a loaded checklist is a
value, safe to share between threads and to hash. Conditions and rules are plain
data evaluated by :mod:`idcheck.checklist.conditions`; there is no ``eval``.

The language is documented for checklist authors in ``docs/checklist-language.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    field_validator,
    model_validator,
)

#: Version of the checklist language this code reads.
LANGUAGE_VERSION = 1

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$"),
]
LangCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
Version = Annotated[str, StringConstraints(pattern=r"^\d+\.\d+(\.\d+)?$")]

#: A text is either one string (used for every language) or a map language -> string.
Text = str | dict[LangCode, Annotated[str, StringConstraints(min_length=1)]]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def text_for(text: Text | None, lang: str, fallback: str = "en") -> str:
    """The wording of ``text`` in ``lang``, falling back to ``fallback`` then any.

    >>> text_for({"en": "Hello", "nb": "Hei"}, "nb")
    'Hei'
    """
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if lang in text:
        return text[lang]
    base = lang.split("-")[0]
    if base in text:
        return text[base]
    if fallback in text:
        return text[fallback]
    return next(iter(text.values()), "")


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


class Answer(_Frozen):
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


class AnswerIs(_Frozen):
    """``{answer: ITEM, is: VALUE}``: the item's answer is VALUE.

    For a multiple-choice item, true when VALUE is among the chosen options.
    VALUE may be ``not-asked`` or ``declined``.
    """

    answer: Id
    is_: str | int | float = Field(alias="is")


class AnswerIn(_Frozen):
    """``{answer: ITEM, in: [V1, V2]}``: the answer is one of the values (any overlap
    for multiple choice)."""

    answer: Id
    in_: Annotated[list[str], Field(min_length=1)] = Field(alias="in")


class AnswerCompare(_Frozen):
    """``{answer: ITEM, at_least: N}`` / ``{answer: ITEM, below: N}`` for numbers."""

    answer: Id
    at_least: float | None = None
    below: float | None = None

    @model_validator(mode="after")
    def _one_bound(self) -> AnswerCompare:
        if self.at_least is None and self.below is None:
            raise ValueError("give 'at_least' or 'below' (or both)")
        return self


class AnswerGiven(_Frozen):
    """``{answered: ITEM}``: the item has an answered value (not skipped, not declined)."""

    answered: Id


class AllOf(_Frozen):
    """``{all: [C1, C2, ...]}``: every condition holds."""

    all: Annotated[list[Condition], Field(min_length=1)]


class AnyOf(_Frozen):
    """``{any: [C1, C2, ...]}``: at least one condition holds."""

    any: Annotated[list[Condition], Field(min_length=1)]


class Not(_Frozen):
    """``{not: C}``: the condition does not hold."""

    not_: Condition = Field(alias="not")


class CountFilter(_Frozen):
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


class Count(_Frozen):
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


# ------------------------------------------------------------------- metadata pieces


class LanguageInfo(_Frozen):
    """A language the checklist carries, and how far its wording can be trusted.

    ``scope: all`` means every worker text exists in the language; ``scope: child``
    means only the child-friendly wording does (the worker reads another language).
    """

    name: str
    status: Literal["reviewed", "draft"]
    scope: Literal["all", "child"] = "all"
    reviewed_by: str | None = None
    note: str | None = None
    direction: Literal["ltr", "rtl"] = "ltr"


class Source(_Frozen):
    """A public document the checklist's wording or rules rest on."""

    id: Id
    title: str
    publisher: str
    year: int | None = None
    url: str | None = None
    note: str | None = None


class SourceRef(_Frozen):
    """Where one indicator comes from, with the place in the source if known."""

    ref: Id
    where: str | None = None


Verification = Literal["verified", "secondary", "unverified"]


class Dimension(_Frozen):
    """A grouping of indicators, e.g. one of the six ILO/EC elements."""

    id: Id
    label: Text
    description: Text | None = None


class ExploitationForm(_Frozen):
    id: Id
    label: Text


class Deadline(_Frozen):
    """By when an action is due: at once, or within hours / working days."""

    immediately: bool = False
    hours: Annotated[int, Field(ge=1)] | None = None
    working_days: Annotated[int, Field(ge=1)] | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Deadline:
        given = [self.immediately, self.hours is not None, self.working_days is not None]
        if sum(given) != 1:
            raise ValueError(
                "give exactly one of 'immediately: true', 'hours: N', 'working_days: N'"
            )
        return self

    def sort_key(self) -> float:
        if self.immediately:
            return 0.0
        if self.hours is not None:
            return float(self.hours)
        return float(self.working_days or 0) * 24.0


class Action(_Frozen):
    """Something an outcome sets in motion: who is notified, by whom, by when.

    ``notify`` and ``by`` name contact roles; the local directory
    (``checklists/directory.yaml`` or the store's contacts) fills in names and numbers.
    """

    id: Id
    text: Text
    notify: Id | None = None
    by: Id = "screening-worker"
    within: Deadline
    legal_basis: Text | None = None
    sources: list[SourceRef] = []


class Outcome(_Frozen):
    """A suggestion the rules can make. Outcomes are listed most urgent first."""

    id: Id
    label: Text
    description: Text
    actions: list[Action] = []


class DangerSpec(_Frozen):
    """An immediate-danger item: these answers stop the walk-through at once."""

    answers: Annotated[list[str], Field(min_length=1)]
    message: Text
    action: Action


class Reading(_Frozen):
    """A trauma-informed reading of a behaviour: what we see, the common
    narrative about it, and what it may mean."""

    seen: Text
    narrative: Text
    meaning: Text


class Option(_Frozen):
    id: Id
    label: Text
    child_label: Text | None = None


# --------------------------------------------------------------------------- items

QuestionType = Literal["yes-no", "choice", "multi-choice", "text", "date", "number"]
YES_NO_OPTIONS: tuple[str, ...] = ("yes", "no", "unsure")


class _ItemBase(_Frozen):
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


class Section(_Frozen):
    id: Id
    title: Text
    intro: Text | None = None
    show_if: Condition | None = None
    items: Annotated[list[Item], Field(min_length=1)]


class Rule(_Frozen):
    """When ``when`` holds, the rule fires and suggests ``outcome``.

    ``explain`` is shown to the worker as the reason for the suggestion.
    """

    id: Id
    when: Condition
    outcome: Id
    explain: Text


class Example(_Frozen):
    """A worked example: an answer set and what the rules must make of it.

    Runs as a test; also shown to trainers.
    """

    name: str
    answers: dict[Id, AnswerValue]
    outcome: Id
    fired: list[Id]


# ------------------------------------------------------------------------ checklist


class Checklist(_Frozen):
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


# ---------------------------------------------------------------- referral routes


class ContactRole(_Frozen):
    """A role an action notifies or is done by; the local directory fills it."""

    id: Id
    label: Text
    description: Text | None = None
    #: A national number that is the same everywhere (e.g. 112); local ones live
    #: in the directory.
    national_number: str | None = None


class Duty(_Frozen):
    """A statutory duty or principle the worker must know (shown in the plan)."""

    id: Id
    text: Text
    legal_basis: Text
    sources: list[SourceRef] = []


class Routes(_Frozen):
    """Referral routes of one jurisdiction: who is notified for each outcome."""

    language_version: Literal[1] = 1
    kind: Literal["routes"]
    id: Id
    version: Version
    title: Text
    jurisdiction: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    languages: dict[LangCode, LanguageInfo]
    authors: Annotated[list[str], Field(min_length=1)]
    licence: str
    published: dt.date
    sources: Annotated[list[Source], Field(min_length=1)]
    roles: Annotated[list[ContactRole], Field(min_length=1)]
    duties: list[Duty] = []
    #: outcome id -> actions, for every outcome id used by the checklists that name
    #: these routes.
    outcomes: dict[Id, list[Action]]

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"

    def role(self, role_id: str) -> ContactRole:
        for r in self.roles:
            if r.id == role_id:
                return r
        raise KeyError(role_id)


class Contact(_Frozen):
    """One entry of a site's local directory."""

    role: Id
    name: str
    phone: str | None = None
    hours: str | None = None
    note: str | None = None


class Directory(_Frozen):
    """A site's local partners and numbers (``kind: directory``), editable per site."""

    language_version: Literal[1] = 1
    kind: Literal["directory"]
    site: str
    updated: dt.date
    contacts: list[Contact]

    def for_role(self, role_id: str) -> list[Contact]:
        return [c for c in self.contacts if c.role == role_id]


_REF = re.compile(r"^(?P<id>[a-z0-9][a-z0-9-]*)(@(?P<version>\d+\.\d+(\.\d+)?))?$")


def parse_ref(ref: str) -> tuple[str, str | None]:
    """Split ``ID[@VERSION]``; raises ValueError on anything else."""
    m = _REF.match(ref)
    if not m:
        raise ValueError(f"not a checklist reference (ID or ID@VERSION): {ref!r}")
    return m.group("id"), m.group("version")
