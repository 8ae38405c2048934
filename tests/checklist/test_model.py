"""The models of the checklist language: what an author may write, what is refused
with a message, and the look-ups the engine and the window rely on."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from idcheck.checklist import Answer, Deadline, load_bundled, load_routes_ref, parse_ref, text_for
from idcheck.checklist.model import Action, Checklist, Question


def test_text_for_falls_back_from_the_region_to_the_language_to_english_to_any():
    text = {"en": "Alone?", "nb": "Alene?", "pt-BR": "Sozinho?"}
    assert text_for(text, "nb") == "Alene?"
    assert text_for(text, "pt-BR") == "Sozinho?"
    assert text_for({"en": "Alone?", "nb": "Alene?"}, "nb-NO") == "Alene?"
    assert text_for(text, "ar") == "Alone?"
    assert text_for({"ti": "ብሕቲ"}, "ar") == "ብሕቲ"
    assert text_for("One for all", "nb") == "One for all"
    assert text_for(None, "en") == ""


@pytest.mark.parametrize(
    ("raw", "status", "value"),
    [
        ("yes", "answered", "yes"),
        (["passport", "other"], "answered", ["passport", "other"]),
        (15, "answered", 15),
        ("not-asked", "not-asked", None),
        ("declined", "declined", None),
    ],
)
def test_an_answer_from_a_plain_value(raw, status, value):
    answer = Answer.of(raw)
    assert (answer.status, answer.value) == (status, value)


def test_an_answer_and_its_status_must_agree():
    with pytest.raises(ValidationError, match="needs a value"):
        Answer(status="answered")
    with pytest.raises(ValidationError, match="carries no value"):
        Answer(status="declined", value="yes")


def test_the_option_ids_an_answer_holds():
    assert Answer(value=["a", "b"]).option_ids() == {"a", "b"}
    assert Answer(value="yes").option_ids() == {"yes"}
    assert Answer(value=3).option_ids() == frozenset()
    assert Answer(status="declined").option_ids() == {"declined"}


@pytest.mark.parametrize(
    "within",
    [{}, {"immediately": True, "hours": 2}, {"hours": 24, "working_days": 1}],
)
def test_a_deadline_is_exactly_one_of_immediately_hours_working_days(within):
    with pytest.raises(ValidationError, match="exactly one"):
        Deadline.model_validate(within)


def test_deadlines_sort_soonest_first():
    deadlines = [
        Deadline(working_days=1),
        Deadline(hours=2),
        Deadline(immediately=True),
        Deadline(hours=48),
    ]
    ordered = sorted(deadlines, key=Deadline.sort_key)
    assert ordered == [deadlines[2], deadlines[1], deadlines[0], deadlines[3]]


def test_a_choice_question_needs_two_distinct_options_and_only_it_takes_options():
    base = {"id": "q", "kind": "question", "text": "Which?"}
    with pytest.raises(ValidationError, match="at least two options"):
        Question.model_validate({**base, "type": "choice", "options": [{"id": "a", "label": "A"}]})
    two_a = [{"id": "a", "label": "A"}, {"id": "a", "label": "B"}]
    with pytest.raises(ValidationError, match="duplicate option ids: a"):
        Question.model_validate({**base, "type": "multi-choice", "options": two_a})
    with pytest.raises(ValidationError, match="takes no options"):
        Question.model_validate({**base, "type": "text", "options": [{"id": "a", "label": "A"}]})
    yes_no = Question.model_validate({**base, "type": "yes-no"})
    assert yes_no.option_ids() == ("yes", "no", "unsure")


def test_models_are_frozen_and_refuse_unknown_keys():
    action = Action.model_validate({"id": "call", "text": "Call", "within": {"hours": 1}})
    with pytest.raises(ValidationError):
        action.id = "other"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="Extra inputs"):
        Action.model_validate({"id": "call", "text": "Call", "within": {"hours": 1}, "whom": "x"})


@pytest.mark.parametrize(
    ("ref", "parsed"),
    [
        ("intake-screen", ("intake-screen", None)),
        ("intake-screen@1.0.0", ("intake-screen", "1.0.0")),
        ("routes-no@2.1", ("routes-no", "2.1")),
    ],
)
def test_parse_ref(ref, parsed):
    assert parse_ref(ref) == parsed


@pytest.mark.parametrize("ref", ["", "Intake", "intake@", "intake@1", "../etc@1.0", "a b"])
def test_parse_ref_refuses_anything_else(ref):
    with pytest.raises(ValueError, match="not a checklist reference"):
        parse_ref(ref)


def test_checklist_look_ups_follow_walk_order():
    c = load_bundled("intake-screen")
    assert isinstance(c, Checklist)
    ids = c.item_ids()
    assert ids == [item.id for _section, item in c.items()]
    assert len(ids) == len(set(ids)) == 14
    assert c.section_of(ids[-1]).items[-1].id == ids[-1]
    # Outcomes are listed most urgent first, and ranked so.
    assert [c.outcome_rank(o.id) for o in c.outcomes] == list(range(len(c.outcomes)))
    assert c.ref == f"{c.id}@{c.version}"
    for missing in (c.item, c.section_of, c.outcome, c.dimension):
        with pytest.raises(KeyError):
            missing("no-such-id")


def test_routes_name_their_roles():
    routes = load_routes_ref("routes-no")
    first = routes.roles[0]
    assert routes.role(first.id) is first
    with pytest.raises(KeyError):
        routes.role("no-such-role")
