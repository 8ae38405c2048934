"""The offline guide's file as immutable pydantic models (``kind: guide``).

A guide file (``checklists/guides/<id>/<version>.yaml``) is read by the same
bounded, located loader as a checklist (:mod:`idcheck.checklist.loader`) and
validated here. It shares the checklist language's building blocks: texts in
several languages with a review status for each language, and sources cited by
id on every section.

A section's ``body`` is plain text: paragraphs separated by a blank line, a
line starting with ``- `` is a bullet, a line starting with ``## `` a sub-heading
(see :func:`idcheck.checklist.guide.blocks`). ``items`` maps a checklist id to
the ids of its items that link to the section; lint checks that every one
exists. ``jurisdictions`` (codes of :data:`idcheck.choices.JURISDICTIONS`)
limits a section to the sites of those places; empty means everywhere.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, field_validator

from idcheck.checklist.basics import (
    FrozenModel,
    Id,
    LangCode,
    LanguageInfo,
    Source,
    SourceRef,
    Text,
    Version,
    text_for,
)
from idcheck.checklist.document import Document, Loc, Problem
from idcheck.choices import JURISDICTIONS

__all__ = ["Guide", "GuideSection", "reference_problems"]


class GuideSection(FrozenModel):
    """One topic of the guide, with the sources it rests on (at least one)."""

    id: Id
    title: Text
    summary: Text | None = None
    body: Text
    sources: Annotated[list[SourceRef], Field(min_length=1)]
    jurisdictions: list[str] = []
    items: dict[Id, list[Id]] = {}
    keywords: Text | None = None

    @field_validator("jurisdictions")
    @classmethod
    def _known_places(cls, v: list[str]) -> list[str]:
        unknown = [j for j in v if j not in JURISDICTIONS]
        if unknown:
            raise ValueError(
                f"unknown jurisdiction {unknown[0]!r}; expected one of {', '.join(JURISDICTIONS)}"
            )
        return v

    def title_in(self, lang: str) -> str:
        return text_for(self.title, lang)

    def body_in(self, lang: str) -> str:
        return text_for(self.body, lang)

    def applies_to(self, jurisdiction: str | None) -> bool:
        """Whether the section is for a site in ``jurisdiction`` (None: any site)."""
        return not self.jurisdictions or jurisdiction is None or jurisdiction in self.jurisdictions


class Guide(FrozenModel):
    """One published version of the offline guide."""

    language_version: Literal[1] = 1
    kind: Literal["guide"]
    id: Id
    version: Version
    title: Text
    description: Text
    languages: dict[LangCode, LanguageInfo]
    authors: Annotated[list[str], Field(min_length=1)]
    licence: str
    published: dt.date
    sources: Annotated[list[Source], Field(min_length=1)]
    sections: Annotated[list[GuideSection], Field(min_length=1)]

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"


def reference_problems(doc: Document, guide: Guide) -> list[Problem]:
    """Duplicate section or source ids and citations of unknown sources, located."""
    out: list[Problem] = []
    for what, ids in (
        ("source", [(s.id, ("sources", i, "id")) for i, s in enumerate(guide.sources)]),
        ("section", [(s.id, ("sections", i, "id")) for i, s in enumerate(guide.sections)]),
    ):
        first: dict[str, Loc] = {}
        for ident, loc in ids:
            if ident in first:
                line, _ = doc.position(first[ident])
                out.append(
                    doc.problem(loc, f"duplicate {what} id '{ident}' (first at line {line})")
                )
            else:
                first[ident] = loc
    known = {s.id for s in guide.sources}
    for i, section in enumerate(guide.sections):
        for j, ref in enumerate(section.sources):
            if ref.ref not in known:
                out.append(
                    doc.problem(
                        ("sections", i, "sources", j, "ref"),
                        f"unknown source '{ref.ref}'; expected one of the file's sources",
                    )
                )
    return out
