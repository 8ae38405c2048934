"""Lint of the offline guide: every link from a checklist item to a guide
section resolves.

A guide section names the items that link to it (``items: {CHECKLIST_ID:
[ITEM_ID, ...]}``). Each checklist is looked up among the files linted, then
among the installed ones; an unknown checklist or item is an error at the
link's own line and column in the guide file. (Texts missing for a declared
language and a file out of its ``<id>/<version>.yaml`` place are reported by
:mod:`idcheck.checklist.lint`, as for checklists.)
"""

from __future__ import annotations

from pathlib import Path

from idcheck.checklist.catalogue import bundled_root, find, load_entry
from idcheck.checklist.document import Document, Problem
from idcheck.checklist.guide_model import Guide
from idcheck.checklist.loader import ChecklistError
from idcheck.checklist.model import Checklist

__all__ = ["link_problems"]


def _checklist(
    checklist_id: str, given: dict[str, Checklist], root: Path | None
) -> Checklist | None:
    if checklist_id in given:
        return given[checklist_id]
    try:
        found = load_entry(find(checklist_id, root or bundled_root()))
    except (KeyError, ChecklistError):
        return None
    return found if isinstance(found, Checklist) else None


def link_problems(
    doc: Document, guide: Guide, given: dict[str, Checklist], root: Path | None = None
) -> list[Problem]:
    """Every dangling item link of ``guide``, located in ``doc``.

    ``given``: checklists linted with the guide, by id (their newest version);
    others are looked up among the installed checklists in ``root``.
    """
    out: list[Problem] = []
    for i, section in enumerate(guide.sections):
        for checklist_id, item_ids in section.items.items():
            checklist = _checklist(checklist_id, given, root)
            if checklist is None:
                out.append(
                    doc.problem(
                        ("sections", i, "items", checklist_id, "[key]"),
                        f"section '{section.id}' links to checklist '{checklist_id}', "
                        "which is not installed or linted with the guide; "
                        "expected the id of a checklist",
                    )
                )
                continue
            known = set(checklist.item_ids())
            for j, item_id in enumerate(item_ids):
                if item_id not in known:
                    out.append(
                        doc.problem(
                            ("sections", i, "items", checklist_id, j),
                            f"section '{section.id}' links to item '{item_id}', which is not "
                            f"in {checklist.ref}; expected one of its item ids",
                        )
                    )
    return out
