"""Referral routes (who is notified for each outcome, in one jurisdiction) and a
site's local directory of contacts, as models of the checklist language.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from idcheck.checklist.basics import (
    Action,
    FrozenModel,
    Id,
    LangCode,
    LanguageInfo,
    Source,
    SourceRef,
    Text,
    Version,
)

__all__ = ["Contact", "ContactRole", "Directory", "Duty", "Routes"]


class ContactRole(FrozenModel):
    """A role an action notifies or is done by; the local directory fills it."""

    id: Id
    label: Text
    description: Text | None = None
    #: A national number that is the same everywhere (e.g. 112); local ones live
    #: in the directory.
    national_number: str | None = None


class Duty(FrozenModel):
    """A statutory duty or principle the worker must know (shown in the plan)."""

    id: Id
    text: Text
    legal_basis: Text
    sources: list[SourceRef] = []


class Routes(FrozenModel):
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


class Contact(FrozenModel):
    """One entry of a site's local directory."""

    role: Id
    name: str
    phone: str | None = None
    hours: str | None = None
    note: str | None = None


class Directory(FrozenModel):
    """A site's local partners and numbers (``kind: directory``), editable per site."""

    language_version: Literal[1] = 1
    kind: Literal["directory"]
    site: str
    updated: dt.date
    contacts: list[Contact]

    def for_role(self, role_id: str) -> list[Contact]:
        return [c for c in self.contacts if c.role == role_id]
