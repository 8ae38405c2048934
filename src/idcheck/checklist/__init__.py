"""Checklists: the language (models), loading with located errors, the
condition and rule engine, and the catalogue of installed versions.

Data flow: YAML file -> :func:`load_checklist` -> :class:`Checklist` ->
:func:`assess` (with the answers) -> :class:`Assessment`.
"""

from idcheck.checklist.assessment import (
    Assessment,
    DangerHit,
    FiredRule,
    assess,
    danger_hit,
    normalise,
    validate_answer,
)
from idcheck.checklist.catalogue import (
    Entry,
    bundled_root,
    entries,
    find,
    load_bundled,
    load_entry,
    load_routes_ref,
)
from idcheck.checklist.conditions import holds, visible_item_ids
from idcheck.checklist.loader import (
    ChecklistError,
    Problem,
    load_any,
    load_checklist,
    load_checklist_bytes,
    load_directory,
    load_routes,
    load_routes_bytes,
)
from idcheck.checklist.model import (
    Action,
    Answer,
    AnswerValue,
    Checklist,
    Contact,
    ContactRole,
    DangerSpec,
    Deadline,
    Directory,
    Indicator,
    Outcome,
    Question,
    Routes,
    Rule,
    Section,
    parse_ref,
    text_for,
)

__all__ = [
    "Action",
    "Answer",
    "AnswerValue",
    "Assessment",
    "Checklist",
    "ChecklistError",
    "Contact",
    "ContactRole",
    "DangerHit",
    "DangerSpec",
    "Deadline",
    "Directory",
    "Entry",
    "FiredRule",
    "Indicator",
    "Outcome",
    "Problem",
    "Question",
    "Routes",
    "Rule",
    "Section",
    "assess",
    "bundled_root",
    "danger_hit",
    "entries",
    "find",
    "holds",
    "load_any",
    "load_bundled",
    "load_checklist",
    "load_checklist_bytes",
    "load_directory",
    "load_entry",
    "load_routes",
    "load_routes_bytes",
    "load_routes_ref",
    "normalise",
    "parse_ref",
    "text_for",
    "validate_answer",
    "visible_item_ids",
]
