"""Exercises from the synthetic cases and the checklists' worked examples."""

from __future__ import annotations

import shutil

import pytest

from idcheck.checklist import Answer, ChecklistError, load_bundled
from idcheck.training import CASES, CaseFile, synthetic_cases
from idcheck.training.exercises import (
    RoomRecord,
    case_exercise,
    example_exercise,
    reveal,
)


def _case(reference: str):
    return next(e for e in map(case_exercise, synthetic_cases()) if e.title == reference)


def test_every_synthetic_case_says_what_it_teaches_in_english_and_norwegian():
    for case in synthetic_cases():
        teaching = case_exercise(case).teaching
        assert isinstance(teaching, dict), case.path.name
        assert set(teaching) == {"en", "nb"}, case.path.name
        assert all(len(t.split()) >= 12 for t in teaching.values()), case.path.name


def test_the_room_answers_the_indicators_and_is_given_the_questions_as_facts():
    exercise = _case("TRAIN-03")
    asked = {s.item_id for s in exercise.room_steps()}
    given = {s.item_id for s in exercise.steps} - asked
    assert "confined" in asked and "debt-for-journey" in asked
    assert "danger-harm-now" in asked  # where the walk would stop: the room weighs it
    assert given == {"claimed-age", "accompanied-by", "staying-where", "daily-activities"}
    # the steps follow the walk order of the checklist, not the file's
    order = exercise.checklist.item_ids()
    positions = [order.index(s.item_id) for s in exercise.steps]
    assert positions == sorted(positions)
    # what the child said comes with the step, verbatim
    confined = next(s for s in exercise.steps if s.item_id == "confined")
    assert confined.context.child_words == "The door was locked. They brought food."


def test_the_rules_suggest_and_the_professional_decides():
    shown = reveal(_case("TRAIN-05"), RoomRecord(decision="full-screening"))
    assert shown.suggestion.outcome.id == "no-indicators-recorded"
    assert shown.decision == "full-screening"
    assert "word for word" in shown.reasons
    assert shown.room_suggestion is None and shown.differences == ()


def test_the_rooms_answers_are_weighed_by_the_same_rules_and_set_beside_the_workers():
    exercise = _case("TRAIN-06")
    room = RoomRecord()
    room.answers["adult-controls"] = Answer(value="yes")
    room.answers["debt"] = Answer(value="no")  # as the worker answered
    room.decision = "full-screening"
    shown = reveal(exercise, room)
    assert shown.suggestion.outcome.id == "no-indicators-recorded"
    assert shown.room_suggestion is not None
    assert shown.room_suggestion.outcome.id == "full-screening"
    assert "adult-controls" in shown.room_suggestion.recorded_indicators
    assert shown.differences == (("adult-controls", Answer(value="yes"), Answer(value="no")),)
    assert shown.room_decision == "full-screening"


def test_an_answer_to_an_item_outside_the_case_is_not_weighed():
    exercise = _case("TRAIN-02")
    shown = reveal(exercise, RoomRecord(answers={"no-such-item": Answer(value="yes")}))
    assert shown.room_suggestion is None


@pytest.mark.parametrize("checklist_id", ["intake-screen", "child-trafficking-full"])
def test_every_worked_example_reveals_the_outcome_and_the_rules_it_names(checklist_id):
    checklist = load_bundled(checklist_id)
    assert checklist.examples
    for example in checklist.examples:
        exercise = example_exercise(checklist, example)
        assert not exercise.room_steps()  # an example's answers are given
        shown = reveal(exercise, RoomRecord())
        assert shown.suggestion.outcome.id == example.outcome, example.name
        assert set(shown.suggestion.fired_ids) == set(example.fired), example.name
        assert all(f.rule.explain for f in shown.suggestion.fired)


def test_a_teaching_point_that_is_not_text_is_refused_at_its_place(tmp_path):
    source = CASES / "train-06-intake-nothing-recorded.yaml"
    text = source.read_text(encoding="utf-8")
    start = text.index("teaching:")
    end = text.index("case:")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text[:start] + "teaching: [1, 2]\n" + text[end:], encoding="utf-8")
    with pytest.raises(ChecklistError) as e:
        case_exercise(CaseFile(bad, "intake-screen@1.1.0"))
    assert f"{bad}:3:" in str(e.value)
    assert "expected a text" in str(e.value)


def test_a_case_without_a_teaching_point_still_runs(tmp_path):
    source = CASES / "train-06-intake-nothing-recorded.yaml"
    plain = tmp_path / "plain.yaml"
    shutil.copy(source, plain)
    text = plain.read_text(encoding="utf-8")
    plain.write_text(
        text[: text.index("teaching:")] + text[text.index("case:") :], encoding="utf-8"
    )
    exercise = case_exercise(CaseFile(plain, "intake-screen@1.1.0"))
    assert exercise.teaching is None
    assert reveal(exercise, RoomRecord()).suggestion.outcome.id == "no-indicators-recorded"
