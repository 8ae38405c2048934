"""The walk-through's state without a window: show-if, the cursor, next /
previous / next unanswered, the danger hits, the contexts as typed, and what
completing and amending change."""

from __future__ import annotations

import pytest

from idcheck.checklist import Answer, load_bundled, load_checklist_bytes
from idcheck.store import AnswerContext
from idcheck.walk import OverviewRow, WalkState, contacts_for

CHECKLIST = b"""
id: walk-test
version: "1.0.0"
title: {en: Walk test}
description: {en: Items for the walk state's tests.}
languages:
  en: {name: English, status: draft}
  ar: {name: Arabic, status: draft, scope: child, direction: rtl}
  nb: {name: Norsk, status: draft, scope: child}
authors: [tests]
licence: CC-BY-4.0
published: 2026-01-01
sources:
  - {id: src, title: A source, publisher: Someone}
dimensions:
  - {id: movement, label: {en: Movement}}
sections:
  - id: safety
    title: {en: Safety}
    items:
      - id: harm
        kind: question
        type: yes-no
        text: {en: In danger now?}
        danger:
          answers: ["yes"]
          message: {en: Harm now.}
          action: {id: call-police, text: {en: Call the police.}, notify: police-emergency,
                   within: {immediately: true}}
      - id: missing
        kind: question
        type: yes-no
        text: {en: May go missing?}
        danger:
          answers: ["yes", "unsure"]
          message: {en: May go missing.}
          action: {id: call-welfare, text: {en: Call child welfare.},
                   notify: child-welfare-emergency, within: {immediately: true}}
  - id: travel
    title: {en: Travel}
    items:
      - id: alone
        kind: question
        type: yes-no
        text: {en: Alone?}
      - id: moved
        kind: indicator
        dimension: movement
        strength: medium
        verification: unverified
        text: {en: Moved often}
        sources: [{ref: src}]
        show_if: {answer: alone, is: "yes"}
      - id: papers
        kind: question
        type: multi-choice
        text: {en: Papers carried}
        options:
          - {id: passport, label: {en: Passport}}
          - {id: none, label: {en: None}}
      - id: age
        kind: question
        type: number
        text: {en: Age}
  - id: adult
    title: {en: The adult}
    items:
      - id: adult-relation
        kind: question
        type: text
        text: {en: Relation stated}
        show_if: {answer: alone, is: "no"}
outcomes:
  - id: refer
    label: {en: Refer}
    description: {en: Refer.}
    actions:
      - {id: call, text: {en: Call}, within: {hours: 24}}
  - id: none
    label: {en: None}
    description: {en: Nothing.}
    actions:
      - {id: note, text: {en: Note}, within: {immediately: true}}
default_outcome: none
rules:
  - id: moved-rule
    when: {answer: moved, is: "yes"}
    outcome: refer
    explain: {en: Moved.}
"""

YES, NO, UNSURE = Answer(value="yes"), Answer(value="no"), Answer(value="unsure")
ALWAYS = ["harm", "missing", "alone", "papers", "age"]


@pytest.fixture
def walk() -> WalkState:
    w = WalkState(load_checklist_bytes(CHECKLIST))
    w.current = w.start()
    return w


def answer(walk: WalkState, item_id: str, value: Answer, ctx: AnswerContext | None = None):
    return walk.record(item_id, value, ctx or AnswerContext())


# ----------------------------------------------------------------------- show-if


def test_items_with_a_show_if_are_hidden_until_an_answer_asks_for_them(walk):
    assert list(walk.visible_ids()) == ALWAYS
    answer(walk, "alone", YES)
    assert list(walk.visible_ids()) == ["harm", "missing", "alone", "moved", "papers", "age"]
    answer(walk, "alone", NO)
    assert "moved" not in walk.visible_ids() and walk.is_visible("adult-relation")


def test_an_answered_item_hidden_by_a_changed_answer_is_not_counted_or_listed(walk):
    answer(walk, "alone", YES)
    answer(walk, "moved", YES)
    assert walk.assessment().outcome.id == "refer"
    answer(walk, "alone", NO)  # the worker changes the earlier answer
    assert walk.answers.get("moved") == YES  # kept: it shows again if asked for again
    assert not walk.is_visible("moved")
    assert walk.progress().answered == 1  # alone only
    assert [r.item_id for r in walk.overview()] == [*ALWAYS[:4], "age", "adult-relation"]
    assert walk.assessment().outcome.id == "none"  # a hidden answer fires no rule
    assert walk.number("moved") == 0
    answer(walk, "alone", YES)
    assert walk.is_visible("moved") and walk.progress().answered == 2


def test_sections_with_nothing_shown_are_left_out(walk):
    assert [s.id for s in walk.visible_sections()] == ["safety", "travel"]
    answer(walk, "alone", NO)
    assert [s.id for s in walk.visible_sections()] == ["safety", "travel", "adult"]


def test_numbers_and_progress_follow_the_visible_items(walk):
    walk.current = "papers"
    assert walk.progress() == walk.progress().__class__(4, 5, 0, 2, 2)
    answer(walk, "alone", YES)
    p = walk.progress()
    assert (p.number, p.total, p.answered, p.section_number, p.sections) == (5, 6, 1, 2, 2)
    assert walk.first_of_section("papers") == "alone"


# ------------------------------------------------------------------------ cursor


def test_start_resumes_at_the_position_then_the_first_unanswered(walk):
    checklist = walk.checklist
    assert WalkState(checklist, position="age").start() == "age"
    answered = {"harm": NO, "missing": NO}
    assert WalkState(checklist, answered).start() == "alone"
    # where it was left is hidden now: the first unanswered
    assert WalkState(checklist, answered, position="moved").start() == "alone"
    every = {i: NO for i in ALWAYS} | {"adult-relation": Answer(value="aunt")}
    assert WalkState(checklist, every).start() == "harm"


def test_next_and_previous_stop_at_the_ends_and_skip_hidden_items(walk):
    assert walk.step_item(-1) == "harm"
    walk.current = "alone"
    assert walk.step_item(1) == "papers"  # moved is hidden
    answer(walk, "alone", YES)
    assert walk.step_item(1) == "moved"
    walk.current = "age"
    assert walk.step_item(1) == "age"
    assert walk.step_item(-2) == "moved"


def test_moving_from_an_item_that_became_hidden_goes_on_from_its_place(walk):
    answer(walk, "alone", YES)
    walk.current = "moved"
    answer(walk, "alone", NO)  # e.g. changed in another panel of the section
    assert walk.step_item(1) == "papers"
    assert walk.step_item(-1) == "alone"


def test_sections_step_to_their_first_unanswered_item(walk):
    assert walk.step_section(-1) is None
    assert walk.step_section(1) == "alone"
    answer(walk, "alone", NO)
    walk.current = "harm"
    assert walk.step_section(1) == "papers"
    walk.current = "papers"
    assert walk.step_section(1) == "adult-relation"
    walk.current = "adult-relation"
    assert walk.step_section(1) is None
    for i in ("papers", "age"):
        answer(walk, i, Answer(value=["none"]) if i == "papers" else Answer(value=15))
    walk.current = "harm"
    assert walk.step_section(1) == "alone"  # every item answered: the first


def test_next_unanswered_wraps_round_and_says_when_there_is_none(walk):
    answer(walk, "harm", NO)
    walk.current = "papers"
    assert walk.next_unanswered() == "age"
    answer(walk, "age", Answer(value=14))
    walk.current = "age"
    assert walk.next_unanswered() == "missing"  # wrapped round to the start
    for i in ("missing", "alone", "papers"):
        answer(walk, i, Answer(value=["passport"]) if i == "papers" else YES)
    assert walk.next_unanswered() == "moved"  # shown by alone = yes
    answer(walk, "moved", NO)
    assert walk.next_unanswered() is None
    assert walk.unanswered() == ()


def test_next_unanswered_from_the_only_unanswered_item_stays_there(walk):
    answer(walk, "alone", YES)
    for i in ("harm", "missing", "moved", "papers"):
        answer(walk, i, Answer(value=["none"]) if i == "papers" else NO)
    walk.current = "age"
    assert walk.next_unanswered() == "age"


def test_where_the_walk_goes_after_an_answer_is_known_before_it_is_saved(walk):
    # show-if applied to the answer not yet recorded
    assert walk.after_answer("alone", YES) == "moved"
    assert walk.after_answer("alone", NO) == "papers"
    assert walk.answers.get("alone") is None  # nothing recorded by asking
    # multiple choice does not move on; the last item stays
    assert walk.after_answer("papers", Answer(value=["passport"]), advance=False) == "papers"
    answer(walk, "alone", YES)
    assert walk.after_answer("age", Answer(value=15)) == "age"
    # an immediate danger stops the walk where it is
    assert walk.after_answer("harm", YES) == "harm"
    assert walk.after_answer("harm", NO) == "missing"


# ----------------------------------------------------------------------- dangers


def test_a_danger_answer_is_a_hit_at_once_and_only_for_its_answers(walk):
    hit = answer(walk, "missing", UNSURE)
    assert hit is not None and hit.item_id == "missing" and hit.danger.message["en"]
    assert answer(walk, "harm", NO) is None
    assert answer(walk, "alone", YES) is None
    assert answer(walk, "harm", Answer(status="declined")) is None


def test_dangers_are_listed_in_walk_order_not_the_order_answered(walk):
    answer(walk, "missing", YES)
    answer(walk, "harm", YES)
    assert [h.item_id for h in walk.dangers()] == ["harm", "missing"]
    answer(walk, "harm", NO)  # changed: no longer a danger
    assert [h.item_id for h in walk.dangers()] == ["missing"]


def test_a_resumed_walk_holds_the_dangers_recorded_before(walk):
    resumed = WalkState(walk.checklist, {"missing": YES, "harm": NO})
    assert [h.item_id for h in resumed.dangers()] == ["missing"]


# ---------------------------------------------------------------------- contexts


def test_contexts_keep_the_childs_words_as_typed(walk):
    words = "أخذوا جواز سفري\nand then\r\nhe said ‏«لا»\u2028end  "
    ctx = AnswerContext(source="child-said", child_words=words, language="ar", read_back=True)
    answer(walk, "papers", Answer(value=["passport"]), ctx)
    assert walk.context("papers").child_words == words  # line breaks, spaces, marks
    assert walk.context("papers") == ctx
    assert walk.context("age") is None


def test_the_conversation_and_the_childs_language_go_on_from_the_last_answer(walk):
    assert walk.conversation() == AnswerContext()
    assert walk.child_language("en") == "en"
    assert walk.child_language("prs") is None  # not one of this checklist's languages
    answer(walk, "harm", NO, AnswerContext(language="ar", interpreter="Phone 4411"))
    answer(walk, "missing", NO, AnswerContext(language="ti", interpreter_present=True))
    assert walk.conversation().language == "ti"
    assert walk.child_language("en") == "ar"  # ti is not in the checklist: the one before


def test_a_record_is_applied_only_to_an_item_of_the_checklist(walk):
    with pytest.raises(KeyError):
        answer(walk, "no-such-item", YES)
    assert walk.answers == {}


# ----------------------------------------------------------- overview, amending


def test_the_overview_only_unanswered_keeps_the_current_item(walk):
    answer(walk, "harm", NO)
    answer(walk, "missing", NO)
    walk.current = "missing"
    rows = walk.overview(only_unanswered=True)
    assert [r.item_id for r in rows] == ["missing", "alone", "papers", "age"]
    assert rows[0] == OverviewRow(2, "missing", NO)


def test_a_completed_walk_is_read_only_and_amending_says_what_it_opens(walk):
    assert walk.amendment() == "none"
    walk.complete(1_700_000_000.0)
    assert walk.read_only and walk.amendment() == "new"
    with pytest.raises(ValueError, match="amend"):
        answer(walk, "harm", NO)
    assert walk.answers == {}
    walk.amended_by = 7
    assert walk.amendment() == "open-existing"


# ------------------------------------------------------------- whom to call


def test_whom_to_call_names_the_sites_contacts_then_the_sites_own_country():
    intake = load_bundled("intake-screen")
    contacts = [
        {"role": "police-emergency", "name": "Duty desk", "phone": "+47 02800"},
        {"role": "child-welfare-emergency", "name": "Barnevernvakt", "phone": None},
    ]
    assert contacts_for(intake, "police-emergency", contacts, "en") == [
        "Duty desk: +47 02800",
        "Police (emergency): 112 (NO)",
        "Police (emergency): 999 (GB)",
    ]
    assert contacts_for(intake, "police-emergency", contacts, "en", ["routes-gb"]) == [
        "Duty desk: +47 02800",
        "Police (emergency): 999 (GB)",
    ]
    assert contacts_for(intake, None, contacts, "en") == []


def test_a_role_is_named_as_the_sites_routes_name_it():
    from idcheck.checklist import load_bundled
    from idcheck.walk import role_label

    full = load_bundled("child-trafficking-full")
    assert role_label(full, "police-emergency", "en", ["routes-no"]) == "Police (emergency)"
    assert role_label(full, "police-emergency", "nb", ["routes-no"]) == "Politiet (nødnummer)"
    assert role_label(full, "no-such-role", "en", ["routes-no"]) == "no-such-role"
