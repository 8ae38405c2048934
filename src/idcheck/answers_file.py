"""Answers files: a whole screening as YAML (the case, the answers in order with
their context, the professional's decision), checked whole against its checklist
before anything is saved, then recorded one committed answer at a time.

``idcheck screen`` reads them, and training mode builds its synthetic cases from
them: a use case over the store and the checklists, beside both (never inside
the store). The format is described in the README; ``examples/`` has one per
bundled checklist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from idcheck.checklist import (
    Answer,
    Assessment,
    Checklist,
    ChecklistError,
    DangerSpec,
    Problem,
    assess,
    danger_hit,
    validate_answer,
)
from idcheck.checklist.loader import MAX_ANSWERS_NODES, Document, read_document
from idcheck.checklist.vocabulary import SOURCES
from idcheck.store import (
    IDENTIFIED_BY,
    Adult,
    AnswerContext,
    CaseDetails,
    Decision,
    InvalidInput,
    Store,
    StoreError,
    check_case,
    text_too_long,
)

__all__ = [
    "ANSWER_KEYS",
    "CASE_KEYS",
    "PlannedAnswer",
    "ScreenPlan",
    "plan_screening",
    "read_answers_file",
    "record_plan",
]

ANSWER_KEYS = (
    "answer",
    "source",
    "note",
    "child_words",
    "language",
    "interpreter",
    "interpreter_present",
    "read_back",
)
CASE_TEXT = ("given_name", "family_name", "nationality", "languages", "identified_by", "notes")
GENDERS = ("female", "male", "other", "unknown")
#: Every key of an answers file's ``case:``, in the order a message lists them.
CASE_KEYS = (
    "reference",
    "given_name",
    "family_name",
    "claimed_age",
    "claimed_dob",
    "assessed_age",
    "age_disputed",
    "gender",
    "nationality",
    "languages",
    "identified_by",
    "adults",
    "notes",
)


@dataclass(frozen=True)
class PlannedAnswer:
    item_id: str
    answer: Answer
    context: AnswerContext


@dataclass(frozen=True)
class ScreenPlan:
    """An answers file, checked whole against the checklist before anything is saved."""

    case: CaseDetails
    answers: tuple[PlannedAnswer, ...]
    decision_outcome: str | None
    reasons: str
    complete: bool


def _plain(value: Any) -> Any:
    """YAML dates as ISO text (answers and case fields store dates as text)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def read_answers_file(path: Path) -> Document:
    """An answers file read with its located positions, under the answers
    files' limit of YAML nodes (raises ChecklistError, OSError)."""
    return read_document(path, max_nodes=MAX_ANSWERS_NODES)


def plan_screening(doc: Document, checklist: Checklist, case_ref: str | None) -> ScreenPlan:
    """Check an answers file (see the README) against ``checklist``; raise
    ChecklistError naming PATH:LINE:COL of every problem. Nothing is written."""
    problems: list[Problem] = []

    def bad(loc: tuple[str | int, ...], message: str) -> None:
        problems.append(doc.problem(loc, message))

    data = doc.data
    # ``teaching``: what a training case teaches (read by idcheck.training.exercises).
    keys = {"checklist", "case", "answers", "decision", "complete", "teaching"}
    for key in sorted(set(data) - keys, key=str):
        bad((key,), f"unknown key {key!r} (expected checklist, case, answers, decision, complete)")
    named = data.get("checklist")
    if named is not None and str(named) not in (checklist.id, checklist.ref):
        bad(("checklist",), f"this answers file is for {named}, not {checklist.ref}")

    case = data.get("case") or {}
    if not isinstance(case, dict):
        bad(("case",), "expected a mapping of case details")
        case = {}
    details = _plan_case(case, case_ref, bad)

    answers = data.get("answers")
    planned: list[PlannedAnswer] = []
    if not isinstance(answers, dict):
        bad(
            ("answers",) if "answers" in data else (),
            "expected a mapping 'answers: {ITEM: ANSWER}'",
        )
        answers = {}
    for item_id, raw in answers.items():
        entry = _plan_answer(
            checklist, str(item_id), raw, lambda loc, m, k=item_id: bad(("answers", k, *loc), m)
        )
        if entry is not None:
            planned.append(entry)

    decision = data.get("decision")
    outcome: str | None = None
    reasons = ""
    if decision is not None:
        if not isinstance(decision, dict):
            bad(("decision",), "expected a mapping {outcome: ID, reasons: TEXT}")
        else:
            for key in sorted(set(decision) - {"outcome", "reasons"}, key=str):
                bad(("decision", key), f"unknown key {key!r} (expected outcome, reasons)")
            known = [o.id for o in checklist.outcomes]
            if "outcome" in decision:
                outcome = str(decision["outcome"])
                if outcome not in known:
                    bad(("decision", "outcome"), f"outcome must be one of {', '.join(known)}")
            reasons = str(decision.get("reasons") or "")
            why = text_too_long("the reasons", reasons)
            if why:
                bad(("decision", "reasons"), why)
            elif outcome in known and not reasons.strip() and not problems:
                # Said before anything is written: refused at the store, it left
                # a draft holding the answers, and running the file again once
                # corrected made a second screening beside it.
                given = {p.item_id: p.answer for p in planned}
                suggested = assess(checklist, given).outcome.id
                if outcome != suggested:
                    bad(
                        ("decision",),
                        f"the decision {outcome} differs from what the rules suggest "
                        f"({suggested}): give your reasons (reasons: TEXT)",
                    )
    complete = data.get("complete", False)
    if not isinstance(complete, bool):
        bad(("complete",), "expected true or false")
    elif complete and decision is None:
        bad(
            ("complete",),
            "a screening is completed with the professional's decision: "
            "add decision: {outcome: ID, reasons: TEXT}",
        )
    if details is None:
        bad(
            ("case",) if "case" in data else (),
            "give --case REF or case: {reference: ...} in the answers file",
        )
    if problems:
        raise ChecklistError(problems)
    assert details is not None
    return ScreenPlan(details, tuple(planned), outcome, reasons, bool(complete))


def _plan_case(case: dict[Any, Any], case_ref: str | None, bad: Any) -> CaseDetails | None:
    fields: dict[str, Any] = {}
    for key, value in case.items():
        value = _plain(value)
        if key == "reference":
            continue
        if key in CASE_TEXT or key == "claimed_dob":
            if value is not None and not isinstance(value, str):
                bad(("case", key), "expected text")
                continue
            if key == "identified_by" and value is not None and value not in IDENTIFIED_BY:
                bad(("case", key), f"expected one of {', '.join(IDENTIFIED_BY)}")
                continue
            if key == "claimed_dob" and value is not None:
                try:
                    check_case(CaseDetails(reference="-", claimed_dob=value))
                except InvalidInput as e:
                    bad(("case", key), str(e))
                    continue
        elif key in ("claimed_age", "assessed_age"):
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 120
            ):
                bad(("case", key), "expected a whole number of years")
                continue
        elif key == "age_disputed":
            if not isinstance(value, bool):
                bad(("case", key), "expected true or false")
                continue
        elif key == "gender":
            if value is not None and value not in GENDERS:
                bad(("case", key), f"expected one of {', '.join(GENDERS)}")
                continue
        elif key == "adults":
            adults = _plan_adults(value, bad)
            if adults is None:
                continue
            value = adults
        else:
            bad(("case", key), f"unknown case detail {key!r} (expected {', '.join(CASE_KEYS)})")
            continue
        fields[str(key)] = value
    ref = case_ref or case.get("reference")
    if ref is None or not str(ref).strip():
        return None
    return CaseDetails(reference=str(ref).strip(), **fields)


def _plan_adults(value: Any, bad: Any) -> tuple[Adult, ...] | None:
    if not isinstance(value, list):
        bad(("case", "adults"), "expected a list of {description: ..., stated_relation: ...}")
        return None
    out: list[Adult] = []
    for i, a in enumerate(value):
        if not isinstance(a, dict) or not isinstance(a.get("description"), str):
            bad(("case", "adults", i), "expected {description: TEXT, stated_relation: TEXT}")
            continue
        extra = set(a) - {"description", "stated_relation"}
        if extra:
            bad(("case", "adults", i), f"unknown key(s) {', '.join(sorted(map(str, extra)))}")
            continue
        rel = a.get("stated_relation")
        out.append(Adult(a["description"], None if rel is None else str(rel)))
    return tuple(out)


def _plan_answer(checklist: Checklist, item_id: str, raw: Any, bad: Any) -> PlannedAnswer | None:
    try:
        item = checklist.item(item_id)
    except KeyError:
        bad((), f"{checklist.ref} has no item {item_id!r}")
        return None
    context = AnswerContext()
    where: tuple[str, ...] = ()
    if isinstance(raw, dict):
        extra = set(raw) - set(ANSWER_KEYS)
        if extra:
            bad((), f"answer to {item_id}: unknown key(s) {', '.join(sorted(map(str, extra)))}")
            return None
        if "answer" not in raw:
            bad((), f"answer to {item_id}: missing 'answer'")
            return None
        source = raw.get("source")
        if source is not None and source not in SOURCES:
            bad(("source",), f"answer to {item_id}: source must be one of {', '.join(SOURCES)}")
            return None
        for key in ("note", "child_words", "language", "interpreter"):
            if raw.get(key) is not None and not isinstance(raw[key], str):
                bad((key,), f"answer to {item_id}: {key} must be text")
                return None
        for key in ("interpreter_present", "read_back"):
            if raw.get(key) is not None and not isinstance(raw[key], bool):
                bad((key,), f"answer to {item_id}: {key} must be true or false")
                return None
        for key, what in (("child_words", "the child's words"), ("note", "the note")):
            why = text_too_long(f"{what} for {item_id}", raw.get(key))
            if why:
                bad((key,), why)
                return None
        interpreter = raw.get("interpreter")
        context = AnswerContext(
            source=source,
            worker_note=raw.get("note"),
            child_words=raw.get("child_words"),
            language=raw.get("language"),
            interpreter_present=raw.get("interpreter_present", True if interpreter else None),
            interpreter=interpreter,
            read_back=raw.get("read_back"),
        )
        raw, where = raw["answer"], ("answer",)
    try:
        answer = Answer.of(_plain(raw))
    except ValidationError:
        bad(where, f"{item_id}: not an answer (a value, a list, not-asked or declined)")
        return None
    why = validate_answer(item, answer)
    if why:
        bad(where, f"{item_id}: {why}")
        return None
    return PlannedAnswer(item_id, answer, context)


def record_plan(
    store: Store,
    plan: ScreenPlan,
    checklist: Checklist,
    text: bytes,
    sha256: str,
    on_danger: Callable[[str, DangerSpec], None] = lambda _i, _d: None,
) -> tuple[int, Assessment]:
    """Record a checked plan: the case (created when its reference is new), a
    screening, each answer committed as it is recorded, the decision, completion.
    ``on_danger(item_id, spec)`` is called for every immediate-danger answer. A
    store failure part-way keeps the answers saved before it, and says so."""
    ref = plan.case.reference
    existing = [c for c in store.list_cases(search=ref) if c.reference == ref]
    case_id = existing[0].id if existing else store.create_case(plan.case)
    sid = store.start_screening(case_id, checklist, text, sha256)
    try:
        for p in plan.answers:
            store.record_answer(sid, p.item_id, p.answer, p.context)
            spec = danger_hit(checklist.item(p.item_id), p.answer)
            if spec is not None:
                on_danger(p.item_id, spec)
        result = assess(checklist, store.get_screening(sid, audit=False).plain_answers())
        if plan.decision_outcome is not None or plan.complete:
            store.record_decision(
                sid,
                Decision(
                    result.outcome.id,
                    result.fired_ids,
                    plan.decision_outcome or result.outcome.id,
                    plan.reasons,
                ),
            )
        if plan.complete:
            store.complete_screening(sid)
    except StoreError as e:
        raise type(e)(f"{e} (screening {sid} keeps the answers saved before this)") from None
    return sid, result
