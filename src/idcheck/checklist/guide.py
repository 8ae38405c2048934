"""The offline guide: where it is installed, loading it, and reading it (Qt-free).

The window (Help, Guide), ``idcheck guide`` and the printed handout read the
guide through this module only::

    from idcheck.checklist import guide
    g = guide.bundled_guide()                 # ChecklistError (PATH:LINE:COL) if broken
    for s in g.sections:                      # in the guide's order
        s.title_in("nb"), guide.blocks(s.body_in("nb"))
    guide.for_site(g, "GB-SCT")               # the sections for a site's jurisdiction
    guide.sections_for_item(g, "intake-screen", "debt")   # an item's "read more"
    guide.search(g, "tolk", "nb")             # sections matching every word typed
    guide.citations(g, s)                     # (Source, where) of each cited source
    guide.review_note(g, "nb")                # the language's review status, in words

The file is ``<checklists>/guides/<id>/<version>.yaml`` (newest version wins), in
a folder of its own so the checklist catalogue never lists it; ``idcheck
checklist lint`` checks it with every other file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from idcheck.checklist.basics import LanguageInfo, Source, text_for
from idcheck.checklist.catalogue import bundled_root
from idcheck.checklist.guide_model import Guide, GuideSection
from idcheck.checklist.loader import ChecklistError, Problem, load_any

__all__ = [
    "GUIDES_FOLDER",
    "Block",
    "Guide",
    "GuideSection",
    "blocks",
    "bundled_guide",
    "bundled_guide_path",
    "citations",
    "for_site",
    "load_guide",
    "review_note",
    "search",
    "sections_for_item",
]

#: The guides' folder under the checklists root.
GUIDES_FOLDER = "guides"


def _version_key(path: Path) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in path.stem.split("."))
    except ValueError:
        return (-1,)


def bundled_guide_path(root: Path | None = None, guide_id: str = "idcheck-guide") -> Path:
    """The newest installed version of the guide ``guide_id``."""
    folder = (root or bundled_root()) / GUIDES_FOLDER / guide_id
    found = sorted((p for p in folder.glob("*.yaml") if _version_key(p) != (-1,)), key=_version_key)
    if not found:
        raise FileNotFoundError(f"no guide installed in {folder}")
    return found[-1]


def load_guide(path: str | Path) -> Guide:
    """Load and check one guide file; ChecklistError with located problems."""
    _doc, obj = load_any(path)
    if not isinstance(obj, Guide):
        raise ChecklistError([Problem(str(path), 1, 1, "expected 'kind: guide'")])
    return obj


def bundled_guide(root: Path | None = None) -> Guide:
    """The installed guide (read and checked once per process, by content)."""
    return load_guide(bundled_guide_path(root))


# ------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a section's body: a paragraph, a bullet or a sub-heading.
    A paragraph keeps its own line breaks (``\\n``)."""

    kind: Literal["paragraph", "bullet", "heading"]
    text: str


def blocks(body: str) -> list[Block]:
    """A body's blocks: a blank line ends a paragraph; ``- `` starts a bullet
    (its following indented lines continue it); ``## `` a sub-heading; other
    lines inside a paragraph are kept as line breaks."""
    out: list[Block] = []
    para: list[str] = []
    bullet: list[str] | None = None

    def flush() -> None:
        nonlocal bullet
        if para:
            out.append(Block("paragraph", "\n".join(para)))
            para.clear()
        if bullet is not None:
            out.append(Block("bullet", " ".join(bullet)))
            bullet = None

    for raw in body.replace("\r\n", "\n").split("\n"):
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            flush()
        elif stripped.startswith("## "):
            flush()
            out.append(Block("heading", stripped[3:].strip()))
        elif stripped.startswith("- "):
            flush()
            bullet = [stripped[2:].strip()]
        elif bullet is not None and line[:1].isspace():
            bullet.append(stripped)
        else:
            if bullet is not None:
                flush()
            para.append(stripped)
    flush()
    return out


def for_site(guide: Guide, jurisdiction: str | None) -> list[GuideSection]:
    """The sections for a site in ``jurisdiction``: the general ones and that
    place's own (every section when it is None: a site not set up yet)."""
    return [s for s in guide.sections if s.applies_to(jurisdiction)]


def sections_for_item(guide: Guide, checklist_id: str, item_id: str) -> list[GuideSection]:
    """The sections an item links to (lint checks each link resolves)."""
    return [s for s in guide.sections if item_id in s.items.get(checklist_id, [])]


def citations(guide: Guide, section: GuideSection) -> list[tuple[Source, str | None]]:
    """Each source the section cites, with the place in it when given."""
    by_id = {s.id: s for s in guide.sources}
    return [(by_id[r.ref], r.where) for r in section.sources if r.ref in by_id]


def _fold(text: str) -> str:
    """Lower case without accents; æ, ø and å folded too (ae, o, a). Invisible
    format characters (direction marks and overrides, zero-width joiners, a soft
    hyphen) are dropped, so text pasted from a right-to-left document still finds
    its words."""
    text = text.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(
        c for c in decomposed if not unicodedata.combining(c) and unicodedata.category(c) != "Cf"
    )


def search(guide: Guide, query: str, lang: str) -> list[GuideSection]:
    """The sections whose title, summary, keywords or body (in ``lang``) hold
    every word of ``query``; title matches first. An empty query: every section."""
    words = [w for w in re.split(r"\s+", _fold(query)) if w]
    if not words:
        return list(guide.sections)
    scored = []
    for n, s in enumerate(guide.sections):
        title = _fold(s.title_in(lang))
        text = " ".join(
            (title, _fold(text_for(s.summary, lang)), _fold(text_for(s.keywords, lang)))
        )
        text += " " + _fold(s.body_in(lang))
        if all(w in text for w in words):
            scored.append((0 if all(w in title for w in words) else 1, n, s))
    return [s for _r, _n, s in sorted(scored, key=lambda t: (t[0], t[1]))]


def review_note(guide: Guide, lang: str) -> str:
    """How far the guide's wording in ``lang`` can be trusted, in one line."""
    info: LanguageInfo | None = guide.languages.get(lang) or guide.languages.get(lang.split("-")[0])
    if info is None:
        return f"{lang}: not a language of this guide"
    state = f"reviewed by {info.reviewed_by}" if info.status == "reviewed" else "draft"
    if info.status == "reviewed" and not info.reviewed_by:
        state = "reviewed"
    return f"{info.name}: {state}" + (f". {info.note}" if info.note else "")
