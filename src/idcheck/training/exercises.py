"""Exercises for a room: a synthetic case, or a checklist's worked example, stepped
through item by item; the trainer records what the room answers and decides, then
reveals what the checklist's rules suggest and why, and what the case teaches.

Nothing here touches any store: an exercise is read from the case's answers file
(or the checklist's example) and the room's answers live in a :class:`RoomRecord`
in memory, gone when the exercise is closed.

Typical use::

    exercise = case_exercise(synthetic_cases()[0])
    room = RoomRecord()
    room.answers["debt"] = Answer(value="yes")   # what the room said
    room.decision = "full-screening"
    shown = reveal(exercise, room)
    shown.suggestion.outcome.id                   # what the rules suggest, and why:
    [f.rule.explain for f in shown.suggestion.fired]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from idcheck.answers_file import plan_screening, read_answers_file
from idcheck.checklist import (
    Answer,
    Assessment,
    Checklist,
    ChecklistError,
    Indicator,
    Problem,
    assess,
    find,
    load_checklist_bytes,
)
from idcheck.checklist.loader import Document
from idcheck.checklist.model import Example, Text
from idcheck.store import AnswerContext, CaseDetails
from idcheck.training import CaseFile

__all__ = [
    "Exercise",
    "ExerciseStep",
    "Reveal",
    "RoomRecord",
    "case_exercise",
    "example_exercise",
    "reveal",
    "teaching_point",
]


@dataclass(frozen=True)
class ExerciseStep:
    """One item of an exercise, as the room is shown it.

    ``key`` is what the case (or example) records; for an indicator of a case it
    is the room's to find, and is shown only at the reveal. ``context`` holds what
    the worker recorded with it (the source, the child's own words, a note).
    """

    item_id: str
    key: Answer
    context: AnswerContext = field(default_factory=AnswerContext)
    #: Whether the room answers this step itself (an indicator of a case), or is
    #: given the answer as a fact (a question, or any item of a worked example).
    asks_room: bool = False


@dataclass(frozen=True)
class Exercise:
    """A case or a worked example, ready to be stepped through."""

    kind: Literal["case", "example"]
    #: The case's reference, or the example's name.
    title: str
    checklist: Checklist
    steps: tuple[ExerciseStep, ...]
    case: CaseDetails | None = None
    #: The worker's recorded decision and reasons (a case), or the outcome the
    #: example says the rules reach.
    decision: str | None = None
    reasons: str = ""
    teaching: Text | None = None

    @property
    def key_answers(self) -> dict[str, Answer]:
        return {s.item_id: s.key for s in self.steps}

    def room_steps(self) -> list[ExerciseStep]:
        """The steps the room answers itself."""
        return [s for s in self.steps if s.asks_room]


@dataclass
class RoomRecord:
    """What the room answered and decided (in memory only)."""

    answers: dict[str, Answer] = field(default_factory=dict)
    decision: str | None = None
    reasons: str = ""


@dataclass(frozen=True)
class Reveal:
    """What the rules make of the case, what the room said, and the teaching point."""

    #: The rules on the case's (or example's) recorded answers.
    suggestion: Assessment
    #: The rules on the room's answers (the recorded ones where the room gave
    #: none); None when the room answered nothing.
    room_suggestion: Assessment | None
    #: Items the room answered otherwise than the worker: (item, room's, worker's).
    differences: tuple[tuple[str, Answer, Answer], ...]
    room_decision: str | None
    decision: str | None
    reasons: str
    teaching: Text | None


def teaching_point(doc: Document) -> Text | None:
    """The ``teaching:`` of a training case's answers file: one text, or a map
    language -> text (``{en: ..., nb: ...}``); None when the file has none.
    Raises ChecklistError at its place when it is neither."""
    data: Any = doc.data
    value = data.get("teaching") if isinstance(data, dict) else None
    if value is None:
        return None
    if isinstance(value, str) and value.strip():
        return value.strip()
    if (
        isinstance(value, dict)
        and value
        and all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items())
    ):
        return {k: v.strip() for k, v in value.items()}
    raise ChecklistError(
        [doc.problem(("teaching",), "expected a text, or a map of language: text")]
    )


def _walk_order(checklist: Checklist, item_ids: list[str]) -> list[str]:
    order = {item_id: n for n, item_id in enumerate(checklist.item_ids())}
    return sorted(item_ids, key=lambda i: order.get(i, len(order)))


def case_exercise(case: CaseFile) -> Exercise:
    """The exercise of a synthetic case: its indicators for the room to answer,
    its questions (age, who travels with the child …) given as facts. Raises
    ChecklistError (``PATH:LINE:COL``) for a case file that does not fit."""
    entry = find(case.checklist_ref)
    checklist = load_checklist_bytes(entry.path.read_bytes(), str(entry.path))
    doc = read_answers_file(case.path)
    plan = plan_screening(doc, checklist, None)
    by_id = {p.item_id: p for p in plan.answers}
    steps = []
    for item_id in _walk_order(checklist, list(by_id)):
        planned = by_id[item_id]
        item = checklist.item(item_id)
        # A danger question is the room's to weigh too: it is where the walk stops.
        asks = isinstance(item, Indicator) or item.danger is not None
        steps.append(ExerciseStep(item_id, planned.answer, planned.context, asks))
    return Exercise(
        kind="case",
        title=plan.case.reference,
        checklist=checklist,
        steps=tuple(steps),
        case=plan.case,
        decision=plan.decision_outcome,
        reasons=plan.reasons,
        teaching=teaching_point(doc),
    )


def example_exercise(checklist: Checklist, example: Example) -> Exercise:
    """A worked example of the checklist's rules: its answers given, the room says
    what the rules suggest. Raises ChecklistError if an answer names no item."""
    unknown = [i for i in example.answers if i not in checklist.item_ids()]
    if unknown:
        raise ChecklistError(
            [
                Problem(
                    checklist.ref, 0, 0, f"example {example.name!r}: no item {', '.join(unknown)}"
                )
            ]
        )
    steps = tuple(
        ExerciseStep(item_id, Answer.of(example.answers[item_id]))
        for item_id in _walk_order(checklist, list(example.answers))
    )
    return Exercise(
        kind="example",
        title=example.name,
        checklist=checklist,
        steps=steps,
        decision=example.outcome,
    )


def reveal(exercise: Exercise, room: RoomRecord) -> Reveal:
    """What the rules suggest and why, beside what the room answered and decided."""
    key = exercise.key_answers
    suggestion = assess(exercise.checklist, key)
    given = {k: v for k, v in room.answers.items() if k in key}
    room_suggestion = assess(exercise.checklist, {**key, **given}) if given else None
    differences = tuple(
        (item_id, given[item_id], key[item_id])
        for item_id in _walk_order(exercise.checklist, list(given))
        if given[item_id] != key[item_id]
    )
    return Reveal(
        suggestion=suggestion,
        room_suggestion=room_suggestion,
        differences=differences,
        room_decision=room.decision,
        decision=exercise.decision,
        reasons=exercise.reasons,
        teaching=exercise.teaching,
    )
