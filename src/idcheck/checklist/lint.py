"""``idcheck checklist lint``: everything that can be wrong with a checklist.

Beyond what loading already refuses (syntax, structure, unknown and duplicate
ids, forward references), lint reports:

* texts missing for a declared language;
* items and sections whose ``show_if`` can never hold, and rules that can never
  fire;
* outcomes with no action, in the checklist or in the referral routes it names;
* worked examples whose outcome or fired rules differ from what the rules give;
* files whose ``id`` and ``version`` do not match their place ``<id>/<version>.yaml``.

"Can never hold" is decided by searching for a witness: answer sets built from
the condition itself (and from what makes the items it names visible) are tried
on the real engine. Only when no candidate works is a problem reported, so a
report is always worth reading; the search is bounded.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from idcheck.checklist.assessment import assess
from idcheck.checklist.catalogue import DIRECTORY_NAME, bundled_root, find, load_entry
from idcheck.checklist.conditions import count_matches, matching_items, visible_item_ids
from idcheck.checklist.guide_model import Guide
from idcheck.checklist.loader import ChecklistError, Document, Loc, Problem, load_any
from idcheck.checklist.model import (
    AllOf,
    Answer,
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
)

#: Fields that hold worker wording, which every scope-all language must have.
WORKER_TEXT_FIELDS = frozenset(
    {
        "title",
        "description",
        "intro",
        "text",
        "guidance",
        "trainer_notes",
        "label",
        "explain",
        "message",
        "seen",
        "narrative",
        "meaning",
        "legal_basis",
        "verification_note",
        "unit",
        "notes",
        # the offline guide's sections (idcheck.checklist.guide_model)
        "summary",
        "body",
        "keywords",
    }
)
#: Fields that hold the child's wording, which every declared language must have.
CHILD_TEXT_FIELDS = frozenset({"child_text", "child_label"})

MAX_WITNESSES = 96
SPECIALS = ("not-asked", "declined")

Assignment = dict[str, Answer]


def lint_paths(paths: Iterable[str | Path], root: Path | None = None) -> list[Problem]:
    """Lint files and folders; return every problem, errors and warnings.

    Routes named by a checklist are looked up among the files given, then in
    ``root`` (default: the installed checklists).
    """
    files = _collect(paths)
    problems: list[Problem] = []
    loaded: list[tuple[Document, Checklist | Routes | Directory | Guide]] = []
    for f in files:
        try:
            loaded.append(load_any(f))
        except ChecklistError as e:
            problems.extend(e.problems)
    routes: dict[str, Routes] = {}
    for _doc, obj in loaded:
        if isinstance(obj, Routes):
            routes.setdefault(obj.id, obj)
    wanted = {r for _d, obj in loaded if isinstance(obj, Checklist) for r in obj.routes}
    for route_id in sorted(wanted - set(routes)):
        try:
            found = load_entry(find(route_id, root or bundled_root()))
        except (KeyError, ChecklistError):
            continue  # reported as 'not installed' by the checklist that names it
        if isinstance(found, Routes):
            routes[route_id] = found
    for doc, obj in loaded:
        if isinstance(obj, Checklist):
            problems.extend(lint_checklist(doc, obj, routes))
        elif isinstance(obj, Routes | Guide):
            problems.extend(_placement(doc, obj.id, obj.version))
            problems.extend(_missing_texts(doc, obj, obj.languages))
    guides = [(doc, obj) for doc, obj in loaded if isinstance(obj, Guide)]
    if guides:
        from idcheck.checklist.guide_lint import link_problems

        given = {obj.id: obj for _d, obj in loaded if isinstance(obj, Checklist)}
        for doc, guide in guides:
            problems.extend(link_problems(doc, guide, given, root))
    return problems


def _collect(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*.yaml") if f.is_file()))
        else:
            out.append(p)
    return out


def lint_checklist(doc: Document, c: Checklist, routes: dict[str, Routes]) -> list[Problem]:
    """Every lint problem of one loaded checklist."""
    problems: list[Problem] = []
    problems += _placement(doc, c.id, c.version)
    problems += _missing_texts(doc, c, c.languages)
    problems += _unreachable(doc, c)
    problems += _outcomes_without_action(doc, c, routes)
    problems += _examples(doc, c)
    return problems


# ------------------------------------------------------------------------ placement


def _placement(doc: Document, ident: str, version: str) -> list[Problem]:
    path = Path(doc.path)
    if path.name == DIRECTORY_NAME:
        return []
    out = []
    if path.parent.name != ident:
        out.append(
            doc.problem(("id",), f"id '{ident}' does not match the folder '{path.parent.name}'")
        )
    if path.stem != version:
        out.append(
            doc.problem(
                ("version",), f"version '{version}' does not match the file name '{path.name}'"
            )
        )
    return out


# ---------------------------------------------------------------- missing languages


def _missing_texts(doc: Document, obj: BaseModel, languages: dict[str, Any]) -> list[Problem]:
    worker = [code for code, info in languages.items() if info.scope == "all"]
    every = list(languages)
    out: list[Problem] = []
    for loc, field, value in _walk_texts(obj, ()):
        if not isinstance(value, dict):
            continue  # one string serves every language
        wanted = every if field in CHILD_TEXT_FIELDS else worker
        missing = [lang for lang in wanted if lang not in value]
        if missing:
            out.append(
                doc.problem(
                    loc, f"'{field}' has no text for declared language(s) {', '.join(missing)}"
                )
            )
    return out


def _walk_texts(obj: Any, loc: Loc) -> Iterator[tuple[Loc, str, Any]]:
    if isinstance(obj, BaseModel):
        for name, info in type(obj).model_fields.items():
            value = getattr(obj, name)
            key = info.alias or name
            if value is None:
                continue
            is_text = name in WORKER_TEXT_FIELDS or name in CHILD_TEXT_FIELDS
            if is_text and isinstance(value, str | dict):
                yield (*loc, key), name, value
                continue
            if name in ("languages", "examples", "sources"):
                continue
            yield from _walk_texts(value, (*loc, key))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _walk_texts(v, (*loc, i))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _walk_texts(v, (*loc, k))


# ------------------------------------------------------------- witnesses for conditions


def _domain(item: Indicator | Question) -> list[Answer]:
    """A few answers that stand for every answer the item can take."""
    specials = [Answer(status=s) for s in SPECIALS]
    if isinstance(item, Indicator) or item.type in ("yes-no", "choice"):
        return [Answer(value=v) for v in item.option_ids()] + specials
    if item.type == "multi-choice":
        return [Answer(value=[v]) for v in item.option_ids()] + specials
    if item.type == "number":
        return [Answer(value=0), *specials]
    if item.type == "date":
        return [Answer(value="2000-01-01"), *specials]
    return [Answer(value="text"), *specials]


def _merge(a: Assignment, b: Assignment) -> Assignment | None:
    out = dict(a)
    for k, v in b.items():
        if k not in out or out[k] == v:
            out[k] = v
        elif (
            isinstance(out[k].value, list)
            and isinstance(v.value, list)
            and out[k].status == v.status == "answered"
        ):
            merged = sorted(set(out[k].value) | set(v.value))  # type: ignore[arg-type]
            out[k] = Answer(value=merged)
        else:
            return None
    return out


def _product(groups: Sequence[list[Assignment]]) -> list[Assignment]:
    result: list[Assignment] = [{}]
    for group in groups:
        nxt: list[Assignment] = []
        for base, extra in itertools.product(result, group):
            m = _merge(base, extra)
            if m is not None:
                nxt.append(m)
            if len(nxt) >= MAX_WITNESSES:
                break
        result = nxt
        if not result:
            break
    return result


def _witnesses(cond: Condition, c: Checklist, negate: bool = False) -> list[Assignment]:
    """Candidate answer sets under which ``cond`` (or its negation) may hold."""
    items = {it.id: it for _, it in c.items()}

    def answer_of(item_id: str, raw: Any) -> Answer:
        it = items.get(item_id)
        if isinstance(it, Question) and it.type == "multi-choice" and raw not in SPECIALS:
            return Answer(value=[str(raw)])
        return Answer.of(raw)

    match cond:
        case AnswerIs() | AnswerIn():
            wanted = [cond.is_] if isinstance(cond, AnswerIs) else list(cond.in_)
            if not negate:
                return [{cond.answer: answer_of(cond.answer, v)} for v in wanted]
            it = items.get(cond.answer)
            if it is None:
                return []
            return [
                {cond.answer: a}
                for a in _domain(it)
                if not (a.option_ids() & {str(w) for w in wanted})
                and (a.status != "answered" or a.value not in wanted)
            ]
        case AnswerCompare():
            lo = cond.at_least
            hi = cond.below
            inside = lo if lo is not None else (hi - 1 if hi is not None else 0)
            if not negate:
                return [{cond.answer: Answer(value=inside)}]
            out: list[Assignment] = [{cond.answer: Answer(status="not-asked")}]
            if lo is not None:
                out.append({cond.answer: Answer(value=lo - 1)})
            if hi is not None:
                out.append({cond.answer: Answer(value=hi)})
            return out
        case AnswerGiven():
            it = items.get(cond.answered)
            if it is None:
                return []
            if negate:
                return [{cond.answered: Answer(status="not-asked")}]
            return [{cond.answered: a} for a in _domain(it) if a.status == "answered"][:1]
        case AllOf():
            if negate:
                return _union(_witnesses(x, c, True) for x in cond.all)
            return _product([_witnesses(x, c) for x in cond.all])
        case AnyOf():
            if negate:
                return _product([_witnesses(x, c, True) for x in cond.any])
            return _union(_witnesses(x, c) for x in cond.any)
        case Not():
            return _witnesses(cond.not_, c, not negate)
        case Count():
            if negate:
                return [{}]
            # Answer every item the filter could count with the first wanted value.
            wanted_raw = cond.count.answer
            first = wanted_raw if isinstance(wanted_raw, str) else wanted_raw[0]
            probe = {it_id: answer_of(it_id, first) for it_id in items}
            hits = count_matches(cond, c, probe, None)
            return [{i: probe[i] for i in hits}] if hits else []
    return []  # pragma: no cover


def _union(groups: Iterable[list[Assignment]]) -> list[Assignment]:
    out: list[Assignment] = []
    for g in groups:
        out.extend(g)
        if len(out) >= MAX_WITNESSES:
            break
    return out[:MAX_WITNESSES]


def _make_visible(c: Checklist, w: Assignment, depth: int = 4) -> list[Assignment]:
    """Extend ``w`` with answers that make the items it names visible."""
    frontier = [w]
    for _ in range(depth):
        nxt: list[Assignment] = []
        done = True
        for cand in frontier:
            vis = visible_item_ids(c, cand)
            hidden = [i for i in cand if i not in vis]
            if not hidden:
                nxt.append(cand)
                continue
            done = False
            conds = _show_conditions(c, hidden[0])
            extensions = _product([_witnesses(x, c) for x in conds]) if conds else [{}]
            for ext in extensions:
                m = _merge(cand, ext)
                if m is not None:
                    nxt.append(m)
        frontier = nxt[:MAX_WITNESSES]
        if done:
            break
    return frontier


def _show_conditions(c: Checklist, item_id: str) -> list[Condition]:
    section = c.section_of(item_id)
    item = c.item(item_id)
    return [x for x in (section.show_if, item.show_if) if x is not None]


def can_hold(cond: Condition, c: Checklist) -> bool:
    """Whether some answer set makes ``cond`` hold over visible items."""
    for w in _witnesses(cond, c):
        for full in _make_visible(c, w):
            if matching_items(cond, c, full, visible_item_ids(c, full))[0]:
                return True
    return False


def can_be_visible(item_id: str, c: Checklist) -> bool:
    conds = _show_conditions(c, item_id)
    if not conds:
        return True
    for w in _product([_witnesses(x, c) for x in conds]):
        for full in _make_visible(c, w):
            if item_id in visible_item_ids(c, full):
                return True
    return False


def _unreachable(doc: Document, c: Checklist) -> list[Problem]:
    out: list[Problem] = []
    for si, section in enumerate(c.sections):
        for ii, item in enumerate(section.items):
            if (section.show_if or item.show_if) and not can_be_visible(item.id, c):
                where = (
                    ("sections", si, "show_if")
                    if ii == 0 and section.show_if
                    else ("sections", si, "items", ii, "show_if")
                )
                out.append(
                    doc.problem(
                        where, f"item '{item.id}' can never be shown: its show_if can never hold"
                    )
                )
    for ri, rule in enumerate(c.rules):
        if not can_hold(rule.when, c):
            out.append(doc.problem(("rules", ri, "when"), f"rule '{rule.id}' can never fire"))
    return out


# ---------------------------------------------------------------- outcomes, examples


def _outcomes_without_action(
    doc: Document, c: Checklist, routes: dict[str, Routes]
) -> list[Problem]:
    out: list[Problem] = []
    for ri, route_id in enumerate(c.routes):
        if route_id not in routes:
            out.append(
                doc.problem(("routes", ri), f"referral routes '{route_id}' are not installed")
            )
    for oi, outcome in enumerate(c.outcomes):
        if outcome.actions:
            continue
        lacking = [r for r in c.routes if r in routes and not routes[r].outcomes.get(outcome.id)]
        if not c.routes or lacking:
            what = f" (nor in routes {', '.join(lacking)})" if lacking else ""
            out.append(
                doc.problem(("outcomes", oi, "id"), f"outcome '{outcome.id}' has no action{what}")
            )
    return out


def _examples(doc: Document, c: Checklist) -> list[Problem]:
    out: list[Problem] = []
    for ei, ex in enumerate(c.examples):
        a = assess(c, ex.answers)
        if a.outcome.id != ex.outcome:
            out.append(
                doc.problem(
                    ("examples", ei, "outcome"),
                    f"example '{ex.name}': the rules suggest '{a.outcome.id}', "
                    f"the example expects '{ex.outcome}'",
                )
            )
        if set(a.fired_ids) != set(ex.fired):
            out.append(
                doc.problem(
                    ("examples", ei, "fired"),
                    f"example '{ex.name}': rules fired {sorted(a.fired_ids)}, "
                    f"the example expects {sorted(ex.fired)}",
                )
            )
    return out
