"""The building blocks every file of the checklist language shares: ids, texts
in several languages and :func:`text_for`, the languages a file carries, its
sources, and the actions (with their deadlines) that outcomes and referral
routes set in motion. Frozen pydantic models, as all of the language.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

__all__ = [
    "LANGUAGE_VERSION",
    "Action",
    "Deadline",
    "FrozenModel",
    "Id",
    "LangCode",
    "LanguageInfo",
    "Source",
    "SourceRef",
    "Text",
    "Verification",
    "Version",
    "parse_ref",
    "text_for",
]

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


class FrozenModel(BaseModel):
    """A frozen model that refuses unknown keys and reads aliases and names."""

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


class LanguageInfo(FrozenModel):
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


class Source(FrozenModel):
    """A public document the checklist's wording or rules rest on."""

    id: Id
    title: str
    publisher: str
    year: int | None = None
    url: str | None = None
    note: str | None = None


class SourceRef(FrozenModel):
    """Where one indicator comes from, with the place in the source if known."""

    ref: Id
    where: str | None = None


Verification = Literal["verified", "secondary", "unverified"]


class Deadline(FrozenModel):
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


class Action(FrozenModel):
    """Something an outcome sets in motion: who is notified, by whom, by when.

    ``notify`` and ``by`` name contact roles; the local directory
    (``checklists/directory.yaml`` or the store's contacts) fills in names and numbers.

    ``kind: task`` (the default) is done once, by a deadline (``within``), and
    becomes a task on the case when a screening is completed. ``kind: guidance``
    is a standing instruction that holds for as long as the concern does ("do
    not confront the accompanying adults"): it has no deadline and notifies no
    one, is printed with the plan as guidance and never becomes a task.
    """

    id: Id
    kind: Literal["task", "guidance"] = "task"
    text: Text
    notify: Id | None = None
    by: Id = "screening-worker"
    within: Deadline | None = None
    legal_basis: Text | None = None
    sources: list[SourceRef] = []

    @model_validator(mode="after")
    def _deadline_for_tasks_only(self) -> Action:
        if self.kind == "task" and self.within is None:
            raise ValueError(
                "a task needs 'within' (a deadline); standing guidance without one "
                "is 'kind: guidance'"
            )
        if self.kind == "guidance" and self.within is not None:
            raise ValueError(
                "guidance has no deadline: leave out 'within', or make it a task "
                "(leave out 'kind: guidance')"
            )
        if self.kind == "guidance" and self.notify is not None:
            raise ValueError(
                "guidance notifies no one: leave out 'notify', or make it a task with a deadline"
            )
        return self

    @property
    def is_task(self) -> bool:
        """Done once, by a deadline (not standing guidance)."""
        return self.kind == "task"

    @property
    def deadline(self) -> Deadline:
        """The deadline of a task (``within``); ValueError for guidance."""
        if self.within is None:
            raise ValueError(f"action {self.id!r} is guidance and has no deadline")
        return self.within


_REF = re.compile(r"^(?P<id>[a-z0-9][a-z0-9-]*)(@(?P<version>\d+\.\d+(\.\d+)?))?$")


def parse_ref(ref: str) -> tuple[str, str | None]:
    """Split ``ID[@VERSION]``; raises ValueError on anything else."""
    m = _REF.match(ref)
    if not m:
        raise ValueError(f"not a checklist reference (ID or ID@VERSION): {ref!r}")
    return m.group("id"), m.group("version")
