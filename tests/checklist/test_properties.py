"""Property tests for condition evaluation and rule firing on generated checklists."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from idcheck.checklist import Answer, Checklist, assess, holds, visible_item_ids
from idcheck.checklist.model import AllOf, AnswerIn, AnswerIs, AnyOf, Count, CountFilter, Not

DIMS = ["d1", "d2", "d3"]
STRENGTHS = ["strong", "medium", "weak"]
VALUES = ["yes", "no", "unsure", "not-asked", "declined"]
OUTCOMES = ["urgent", "refer", "monitor", "none"]


def make_checklist(
    specs: list[tuple[str, str]], rules: list[dict[str, Any]], gate: bool
) -> Checklist:
    """Indicators i0..iN (dimension, strength); with ``gate`` every item after the
    first is shown only when i0 is yes."""
    items = []
    for n, (dim, strength) in enumerate(specs):
        item: dict[str, Any] = {
            "id": f"i{n}",
            "kind": "indicator",
            "dimension": dim,
            "strength": strength,
            "verification": "unverified",
            "text": f"indicator {n}",
        }
        if gate and n > 0:
            item["show_if"] = {"answer": "i0", "is": "yes"}
        items.append(item)
    return Checklist.model_validate(
        {
            "id": "gen",
            "version": "1.0",
            "title": "generated",
            "description": "generated",
            "languages": {"en": {"name": "English", "status": "draft"}},
            "authors": ["tests"],
            "licence": "none",
            "published": dt.date(2026, 1, 1),
            "sources": [{"id": "s", "title": "s", "publisher": "s"}],
            "dimensions": [{"id": d, "label": d} for d in DIMS],
            "sections": [{"id": "main", "title": "main", "items": items}],
            "outcomes": [{"id": o, "label": o, "description": o} for o in OUTCOMES],
            "default_outcome": "none",
            "rules": rules,
        }
    )


specs_st = st.lists(
    st.tuples(st.sampled_from(DIMS), st.sampled_from(STRENGTHS)), min_size=1, max_size=8
)


@st.composite
def checklist_and_answers(
    draw: st.DrawFn, gate: bool | None = None
) -> tuple[Checklist, dict[str, Answer]]:
    specs = draw(specs_st)
    n = len(specs)
    item_ids = [f"i{k}" for k in range(n)]

    def cond(depth: int) -> dict[str, Any]:
        kind = draw(
            st.sampled_from(["is", "in", "count"] + (["all", "any", "not"] if depth < 2 else []))
        )
        if kind == "is":
            return {"answer": draw(st.sampled_from(item_ids)), "is": draw(st.sampled_from(VALUES))}
        if kind == "in":
            return {
                "answer": draw(st.sampled_from(item_ids)),
                "in": draw(st.lists(st.sampled_from(VALUES), min_size=1, max_size=3)),
            }
        if kind == "count":
            f: dict[str, Any] = {"answer": draw(st.sampled_from(["yes", "unsure"]))}
            if draw(st.booleans()):
                f["dimension"] = draw(st.sampled_from(DIMS))
            if draw(st.booleans()):
                f["strength"] = draw(st.sampled_from(STRENGTHS))
            return {"count": f, "at_least": draw(st.integers(1, 3))}
        if kind == "not":
            return {"not": cond(depth + 1)}
        return {kind: [cond(depth + 1) for _ in range(draw(st.integers(1, 3)))]}

    rules = [
        {"id": f"r{k}", "when": cond(0), "outcome": draw(st.sampled_from(OUTCOMES)), "explain": "x"}
        for k in range(draw(st.integers(0, 4)))
    ]
    c = make_checklist(specs, rules, draw(st.booleans()) if gate is None else gate)
    answers = {
        i: Answer.of(v)
        for i in item_ids
        if (v := draw(st.sampled_from([*VALUES, None]))) is not None
    }
    return c, answers


@settings(max_examples=150, deadline=None)
@given(checklist_and_answers())
def test_not_is_the_complement(data):
    c, answers = data
    for rule in c.rules:
        vis = visible_item_ids(c, answers)
        assert holds(Not.model_validate({"not": rule.when}), c, answers, vis) is not holds(
            rule.when, c, answers, vis
        )


@settings(max_examples=150, deadline=None)
@given(checklist_and_answers())
def test_all_and_any_agree_with_their_parts(data):
    c, answers = data
    parts = [r.when for r in c.rules]
    if not parts:
        return
    vis = visible_item_ids(c, answers)
    each = [holds(p, c, answers, vis) for p in parts]
    assert holds(AllOf(all=parts), c, answers, vis) is all(each)
    assert holds(AnyOf(any=parts), c, answers, vis) is any(each)


@settings(max_examples=150, deadline=None)
@given(checklist_and_answers(gate=False), st.data())
def test_count_is_monotone_in_yes_answers(data, more):
    c, answers = data
    count = Count(count=CountFilter(answer="yes"), at_least=more.draw(st.integers(1, 4)))
    before = holds(count, c, answers, visible_item_ids(c, answers))
    extra = more.draw(st.sampled_from(c.item_ids()))
    after_answers = {**answers, extra: Answer(value="yes")}
    after = holds(count, c, after_answers, visible_item_ids(c, after_answers))
    assert after or not before


@settings(max_examples=150, deadline=None)
@given(checklist_and_answers(gate=True), st.data())
def test_answers_to_hidden_items_never_change_the_assessment(data, more):
    c, answers = data
    answers = {**answers, "i0": Answer(value="no")}  # hides every other item
    a = assess(c, answers)
    assert a.visible == {"i0"}
    hidden_answers = {
        i: Answer.of(more.draw(st.sampled_from(VALUES))) for i in c.item_ids() if i != "i0"
    }
    b = assess(c, {**answers, **hidden_answers})
    assert (b.outcome.id, b.fired_ids, b.recorded_indicators) == (
        a.outcome.id,
        a.fired_ids,
        a.recorded_indicators,
    )


@settings(max_examples=150, deadline=None)
@given(checklist_and_answers())
def test_suggestion_is_the_most_urgent_fired_outcome_or_the_default(data):
    c, answers = data
    a = assess(c, answers)
    fired_outcomes = [f.rule.outcome for f in a.fired]
    if fired_outcomes:
        assert a.outcome.id == min(fired_outcomes, key=OUTCOMES.index)
    else:
        assert a.outcome.id == "none"
    # a rule fired exactly when its condition holds over the visible items
    vis = visible_item_ids(c, answers)
    assert set(a.fired_ids) == {r.id for r in c.rules if holds(r.when, c, answers, vis)}


@settings(max_examples=100, deadline=None)
@given(checklist_and_answers())
def test_assessment_does_not_depend_on_answer_order(data):
    c, answers = data
    a = assess(c, answers)
    b = assess(c, dict(reversed(list(answers.items()))))
    assert (a.outcome.id, a.fired_ids, a.unanswered, a.recorded_indicators) == (
        b.outcome.id,
        b.fired_ids,
        b.unanswered,
        b.recorded_indicators,
    )


OPTIONS = ["passport", "id-card", "birth-certificate", "other"]


def multi_choice_checklist() -> Checklist:
    """One multiple-choice question (``papers``, options OPTIONS) before the indicators."""
    c = make_checklist([("d1", "weak")], [], gate=False)
    data = c.model_dump(by_alias=True)
    papers = {
        "id": "papers",
        "kind": "question",
        "type": "multi-choice",
        "text": "Which papers does the child have?",
        "options": [{"id": o, "label": o} for o in OPTIONS],
    }
    data["sections"][0]["items"].insert(0, papers)
    return Checklist.model_validate(data)


def test_answer_in_for_multiple_choice_means_any_overlap():
    c = multi_choice_checklist()
    assert c.item("papers").type == "multi-choice"  # type: ignore[union-attr]
    wanted = AnswerIn.model_validate({"answer": "papers", "in": ["passport", "id-card"]})
    chosen = {"papers": Answer(value=["birth-certificate", "id-card"])}
    assert holds(wanted, c, chosen)  # one chosen option is among those wanted
    assert not holds(wanted, c, {"papers": Answer(value=["birth-certificate", "other"])})
    assert not holds(wanted, c, {"papers": Answer(status="declined")})
    assert not holds(wanted, c, {})
    # "is" on a multiple choice: the one value is among the chosen.
    assert holds(AnswerIs.model_validate({"answer": "papers", "is": "id-card"}), c, chosen)
    assert not holds(AnswerIs.model_validate({"answer": "papers", "is": "passport"}), c, chosen)


@given(
    chosen=st.sets(st.sampled_from(OPTIONS), min_size=1),
    wanted=st.sets(st.sampled_from(OPTIONS), min_size=1),
)
@settings(max_examples=60, deadline=None)
def test_answer_in_holds_exactly_when_the_chosen_and_wanted_options_overlap(chosen, wanted):
    c = multi_choice_checklist()
    cond = AnswerIn.model_validate({"answer": "papers", "in": sorted(wanted)})
    answers = {"papers": Answer(value=sorted(chosen))}
    assert holds(cond, c, answers) == bool(chosen & wanted)


def test_answer_in_and_is_for_a_single_answer():
    c = make_checklist([("d1", "weak")], [], gate=False)
    ans = {"i0": Answer(value="yes")}
    assert holds(AnswerIn.model_validate({"answer": "i0", "in": ["no", "yes"]}), c, ans)
    assert not holds(AnswerIn.model_validate({"answer": "i0", "in": ["no", "unsure"]}), c, ans)
    assert not holds(AnswerIs.model_validate({"answer": "i0", "is": "no"}), c, ans)
    assert holds(AnswerIs.model_validate({"answer": "i0", "is": "not-asked"}), c, {})
