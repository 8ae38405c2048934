"""Reference checks that need the whole document: duplicate ids, unknown ids in
conditions, rules, examples and sources, and conditions that look forward.

Each problem is located at the YAML node it concerns. These are errors at load
time; :mod:`idcheck.checklist.lint` adds the deeper analysis.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from idcheck.checklist.loader import Document, Loc, Problem
from idcheck.checklist.model import (
    AllOf,
    AnswerCompare,
    AnswerGiven,
    AnswerIn,
    AnswerIs,
    AnyOf,
    Checklist,
    Condition,
    Count,
    Directory,
    Indicator,
    Not,
    Question,
    Routes,
    SourceRef,
)

SPECIALS = ("not-asked", "declined")


def reference_problems(doc: Document, obj: Checklist | Routes | Directory) -> list[Problem]:
    if isinstance(obj, Checklist):
        return list(_checklist_problems(doc, obj))
    if isinstance(obj, Routes):
        return list(_routes_problems(doc, obj))
    return []


def _dupes(doc: Document, entries: Sequence[tuple[str, Loc]], what: str) -> Iterator[Problem]:
    first: dict[str, Loc] = {}
    for ident, loc in entries:
        if ident in first:
            line, _ = doc.position(first[ident])
            yield doc.problem(loc, f"duplicate {what} id '{ident}' (first at line {line})")
        else:
            first[ident] = loc


def _source_refs(
    doc: Document, refs: list[SourceRef], known: set[str], loc: Loc
) -> Iterator[Problem]:
    for i, r in enumerate(refs):
        if r.ref not in known:
            yield doc.problem(
                (*loc, i, "ref"), f"unknown source '{r.ref}'; expected one of the file's sources"
            )


def _checklist_problems(doc: Document, c: Checklist) -> Iterator[Problem]:
    sources = {s.id for s in c.sources}
    dims = {d.id for d in c.dimensions}
    forms = {f.id for f in c.forms}
    outcomes = {o.id for o in c.outcomes}
    section_ids = {s.id for s in c.sections}

    yield from _dupes(
        doc, [(s.id, ("sources", i, "id")) for i, s in enumerate(c.sources)], "source"
    )
    yield from _dupes(
        doc, [(d.id, ("dimensions", i, "id")) for i, d in enumerate(c.dimensions)], "dimension"
    )
    yield from _dupes(doc, [(f.id, ("forms", i, "id")) for i, f in enumerate(c.forms)], "form")
    yield from _dupes(
        doc, [(o.id, ("outcomes", i, "id")) for i, o in enumerate(c.outcomes)], "outcome"
    )
    yield from _dupes(doc, [(r.id, ("rules", i, "id")) for i, r in enumerate(c.rules)], "rule")
    yield from _dupes(
        doc, [(s.id, ("sections", i, "id")) for i, s in enumerate(c.sections)], "section"
    )
    item_entries = [
        (it.id, ("sections", si, "items", ii, "id"))
        for si, s in enumerate(c.sections)
        for ii, it in enumerate(s.items)
    ]
    yield from _dupes(doc, item_entries, "item")
    all_ids = set(section_ids) | {i for i, _ in item_entries}
    overlap = section_ids & {i for i, _ in item_entries}
    for si, s in enumerate(c.sections):
        if s.id in overlap:
            yield doc.problem(("sections", si, "id"), f"'{s.id}' is both a section and an item id")
    del all_ids

    if c.default_outcome not in outcomes:
        yield doc.problem(("default_outcome",), f"unknown outcome '{c.default_outcome}'")
    for oi, o in enumerate(c.outcomes):
        yield from _dupes(
            doc,
            [(a.id, ("outcomes", oi, "actions", ai, "id")) for ai, a in enumerate(o.actions)],
            "action",
        )
        for ai, a in enumerate(o.actions):
            yield from _source_refs(
                doc, a.sources, sources, ("outcomes", oi, "actions", ai, "sources")
            )

    earlier: set[str] = set()
    items = {it.id: it for _, it in c.items()}
    for si, section in enumerate(c.sections):
        if section.show_if is not None:
            yield from _condition(
                doc,
                c,
                section.show_if,
                ("sections", si, "show_if"),
                items,
                dims,
                forms,
                section_ids,
                before=set(earlier),
                owner=section.id,
            )
        for ii, item in enumerate(section.items):
            loc: Loc = ("sections", si, "items", ii)
            yield from _source_refs(doc, item.sources, sources, (*loc, "sources"))
            if isinstance(item, Indicator):
                if item.dimension not in dims:
                    yield doc.problem(
                        (*loc, "dimension"),
                        f"unknown dimension '{item.dimension}'; "
                        f"declared: {', '.join(sorted(dims))}",
                    )
                for fi, f in enumerate(item.forms):
                    if f not in forms:
                        yield doc.problem((*loc, "forms", fi), f"unknown form '{f}'")
            if item.show_if is not None:
                yield from _condition(
                    doc,
                    c,
                    item.show_if,
                    (*loc, "show_if"),
                    items,
                    dims,
                    forms,
                    section_ids,
                    before=set(earlier),
                    owner=item.id,
                )
            if item.danger is not None:
                allowed = set(item.option_ids()) | set(SPECIALS)
                for di, v in enumerate(item.danger.answers):
                    if v not in allowed:
                        yield doc.problem(
                            (*loc, "danger", "answers", di),
                            f"'{v}' is not an answer of '{item.id}'; expected one of "
                            f"{', '.join(item.option_ids())}",
                        )
                yield from _source_refs(
                    doc, item.danger.action.sources, sources, (*loc, "danger", "action", "sources")
                )
            earlier.add(item.id)

    for ri, rule in enumerate(c.rules):
        if rule.outcome not in outcomes:
            yield doc.problem(
                ("rules", ri, "outcome"),
                f"unknown outcome '{rule.outcome}'; "
                f"declared: {', '.join(o.id for o in c.outcomes)}",
            )
        yield from _condition(
            doc,
            c,
            rule.when,
            ("rules", ri, "when"),
            items,
            dims,
            forms,
            section_ids,
            before=None,
            owner=None,
        )

    rule_ids = {r.id for r in c.rules}
    for ei, ex in enumerate(c.examples):
        for item_id in ex.answers:
            if item_id not in items:
                yield doc.problem(("examples", ei, "answers", item_id), f"unknown item '{item_id}'")
        if ex.outcome not in outcomes:
            yield doc.problem(("examples", ei, "outcome"), f"unknown outcome '{ex.outcome}'")
        for fi, r in enumerate(ex.fired):
            if r not in rule_ids:
                yield doc.problem(("examples", ei, "fired", fi), f"unknown rule '{r}'")


def _condition(
    doc: Document,
    c: Checklist,
    cond: Condition,
    loc: Loc,
    items: dict[str, Indicator | Question],
    dims: set[str],
    forms: set[str],
    sections: set[str],
    *,
    before: set[str] | None,
    owner: str | None,
) -> Iterator[Problem]:
    """Unknown or forward references in one condition (recursively)."""

    def item_ref(item_id: str, at: Loc) -> Iterator[Problem]:
        if item_id not in items:
            yield doc.problem(at, f"unknown item '{item_id}' in condition")
        elif before is not None and item_id not in before:
            what = "itself" if item_id == owner else f"'{item_id}', which comes later"
            yield doc.problem(at, f"a show_if may only name earlier items; this one names {what}")

    def values(item_id: str, vals: list[Any], at: Loc) -> Iterator[Problem]:
        it = items.get(item_id)
        if it is None:
            return
        if isinstance(it, Question) and it.type in ("text", "date", "number"):
            return
        allowed = set(it.option_ids()) | set(SPECIALS)
        for v in vals:
            if str(v) not in allowed:
                yield doc.problem(
                    at,
                    f"'{v}' is not an answer of '{item_id}'; expected one of "
                    f"{', '.join([*it.option_ids(), *SPECIALS])}",
                )

    match cond:
        case AnswerIs():
            yield from item_ref(cond.answer, (*loc, "answer"))
            yield from values(cond.answer, [cond.is_], (*loc, "is"))
        case AnswerIn():
            yield from item_ref(cond.answer, (*loc, "answer"))
            yield from values(cond.answer, list(cond.in_), (*loc, "in"))
        case AnswerCompare():
            yield from item_ref(cond.answer, (*loc, "answer"))
            it = items.get(cond.answer)
            if it is not None and not (isinstance(it, Question) and it.type == "number"):
                yield doc.problem((*loc, "answer"), f"'{cond.answer}' is not a number question")
        case AnswerGiven():
            yield from item_ref(cond.answered, (*loc, "answered"))
        case AllOf() | AnyOf() | Not():
            if isinstance(cond, Not):
                parts: list[tuple[Loc, Condition]] = [((*loc, "not"), cond.not_)]
            else:
                key, subs = ("all", cond.all) if isinstance(cond, AllOf) else ("any", cond.any)
                parts = [((*loc, key, i), sub) for i, sub in enumerate(subs)]
            for at, sub in parts:
                yield from _condition(
                    doc, c, sub, at, items, dims, forms, sections, before=before, owner=owner
                )
        case Count():
            f = cond.count
            at = (*loc, "count")
            for key, known in (("dimension", dims), ("form", forms), ("section", sections)):
                val = getattr(f, key)
                for v in [val] if isinstance(val, str) else (val or []):
                    if v not in known:
                        yield doc.problem((*at, key), f"unknown {key} '{v}' in count")
            for i, item_id in enumerate(f.items or []):
                yield from item_ref(item_id, (*at, "items", i))
            if before is not None and f.items is None:
                yield doc.problem(
                    at, "a count in a show_if must list its 'items' (all earlier ones)"
                )


def _routes_problems(doc: Document, r: Routes) -> Iterator[Problem]:
    sources = {s.id for s in r.sources}
    roles = {x.id for x in r.roles}
    yield from _dupes(doc, [(x.id, ("roles", i, "id")) for i, x in enumerate(r.roles)], "role")
    yield from _dupes(doc, [(d.id, ("duties", i, "id")) for i, d in enumerate(r.duties)], "duty")
    for di, d in enumerate(r.duties):
        yield from _source_refs(doc, d.sources, sources, ("duties", di, "sources"))
    for outcome, actions in r.outcomes.items():
        yield from _dupes(
            doc, [(a.id, ("outcomes", outcome, ai, "id")) for ai, a in enumerate(actions)], "action"
        )
        for ai, a in enumerate(actions):
            at: Loc = ("outcomes", outcome, ai)
            for key in ("notify", "by"):
                v = getattr(a, key)
                if v is not None and v not in roles and v != "screening-worker":
                    yield doc.problem((*at, key), f"unknown role '{v}'; declare it under 'roles'")
            yield from _source_refs(doc, a.sources, sources, (*at, "sources"))
