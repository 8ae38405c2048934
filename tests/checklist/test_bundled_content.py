"""The bundled checklists, referral routes and example directory.

These tests hold the content to what workers and trainers rely on: every file
loads, every worked example gives its stated outcome and exactly its stated
rules, every indicator is sourced and says how well it is verified, every worker
text exists in English and Norwegian Bokmål, danger answers stop the walk, and
the rules reflect that a child needs no 'means' to be trafficked.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from idcheck.checklist import (
    Checklist,
    Directory,
    Indicator,
    Routes,
    assess,
    bundled_root,
    load_any,
)
from idcheck.checklist.guide_model import Guide
from idcheck.checklist.model import Contact, Example, LanguageInfo, Source

ILO_ELEMENTS = (
    "deceptive-recruitment",
    "coercive-recruitment",
    "vulnerability-recruitment",
    "exploitative-conditions",
    "coercion-at-destination",
    "vulnerability-at-destination",
)
MEANS_ELEMENTS = tuple(e for e in ILO_ELEMENTS if e != "exploitative-conditions")
FORMS = (
    "sexual",
    "labour",
    "domestic-servitude",
    "begging",
    "criminal-exploitation",
    "forced-marriage",
)
WORKER_LANGUAGES = ("en", "nb")
INTAKE_CHILD_LANGUAGES = ("ar", "prs", "ti", "vi")
#: Fields that hold a Text (language -> wording) in the checklist language.
TEXT_FIELDS = frozenset(
    {
        "title",
        "description",
        "label",
        "text",
        "child_text",
        "child_label",
        "guidance",
        "trainer_notes",
        "intro",
        "explain",
        "message",
        "seen",
        "narrative",
        "meaning",
        "verification_note",
        "legal_basis",
        "unit",
        "notes",
    }
)
CHILD_FIELDS = frozenset({"child_text", "child_label"})
#: Models whose string fields are plain strings, not texts.
PLAIN_MODELS = (Source, LanguageInfo, Contact)


def _bundled_files() -> list[Path]:
    root = bundled_root()
    return sorted(p for p in root.rglob("*.yaml"))


@cache
def _load(path: str) -> Checklist | Routes | Directory:
    return load_any(path)[1]


def _checklists() -> list[Checklist]:
    return [c for p in _bundled_files() if isinstance(c := _load(str(p)), Checklist)]


def _routes() -> dict[str, Routes]:
    return {r.id: r for p in _bundled_files() if isinstance(r := _load(str(p)), Routes)}


def _checklist(ident: str) -> Checklist:
    for c in _checklists():
        if c.id == ident:
            return c
    raise AssertionError(f"no bundled checklist {ident!r}")


def _examples() -> list[tuple[Checklist, Example]]:
    return [(c, ex) for c in _checklists() for ex in c.examples]


def _texts(
    obj: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every (path, value) of a Text field, walking the model."""
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if name in TEXT_FIELDS and not isinstance(obj, PLAIN_MODELS) and value is not None:
                yield (*path, name), value
            elif name != "answers":
                yield from _texts(value, (*path, name))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _texts(v, (*path, k))
    elif isinstance(obj, list | tuple):
        for i, v in enumerate(obj):
            yield from _texts(v, (*path, i))


# ------------------------------------------------------------------- loading


def test_the_expected_files_are_bundled() -> None:
    names = {p.relative_to(bundled_root()).as_posix() for p in _bundled_files()}
    assert {
        "child-trafficking-full/1.0.0.yaml",
        "intake-screen/1.0.0.yaml",
        "routes-no/1.0.0.yaml",
        "routes-gb/1.0.0.yaml",
        "directory.yaml",
    } <= names


def _file_id(path: Path) -> str:
    return path.relative_to(bundled_root()).as_posix()


@pytest.mark.parametrize("path", _bundled_files(), ids=_file_id)
def test_every_bundled_file_loads(path: Path) -> None:
    _doc, obj = load_any(path)
    assert isinstance(obj, Checklist | Routes | Directory | Guide)


# ---------------------------------------------------------- worked examples


@pytest.mark.parametrize(
    ("checklist", "example"), _examples(), ids=[f"{c.id}: {ex.name}" for c, ex in _examples()]
)
def test_worked_example_gives_its_outcome_and_exactly_its_rules(
    checklist: Checklist, example: Example
) -> None:
    result = assess(checklist, example.answers)
    assert result.outcome.id == example.outcome
    assert sorted(result.fired_ids) == sorted(example.fired)


@pytest.mark.parametrize("checklist", _checklists(), ids=lambda c: c.id)
def test_every_rule_fires_in_some_worked_example(checklist: Checklist) -> None:
    shown = {r for ex in checklist.examples for r in ex.fired}
    assert [r.id for r in checklist.rules if r.id not in shown] == []


@pytest.mark.parametrize("checklist", _checklists(), ids=lambda c: c.id)
def test_every_outcome_is_reached_by_some_worked_example(checklist: Checklist) -> None:
    reached = {ex.outcome for ex in checklist.examples}
    assert [o.id for o in checklist.outcomes if o.id not in reached] == []


# --------------------------------------------------------------- indicators


@pytest.mark.parametrize("checklist", _checklists(), ids=lambda c: c.id)
def test_every_indicator_is_sourced_and_says_how_well_it_is_verified(checklist: Checklist) -> None:
    problems = []
    for _, item in checklist.items():
        if not isinstance(item, Indicator):
            continue
        if not item.sources:
            problems.append(f"{item.id}: no source")
        if item.verification != "verified" and item.verification_note is None:
            problems.append(f"{item.id}: {item.verification} without a verification note")
        for field in ("child_text", "guidance", "trainer_notes"):
            if getattr(item, field) is None:
                problems.append(f"{item.id}: no {field}")
    assert problems == []


@pytest.mark.parametrize("checklist", _checklists(), ids=lambda c: c.id)
def test_rules_and_outcomes_suggest_and_never_conclude(checklist: Checklist) -> None:
    wording = [r.explain for r in checklist.rules]
    wording += [o.description for o in checklist.outcomes] + [o.label for o in checklist.outcomes]
    for text in wording:
        assert isinstance(text, dict)
        for lang, words in text.items():
            lowered = words.lower()
            assert "is a victim" not in lowered, (lang, words)
            assert "er et offer" not in lowered, (lang, words)


# ---------------------------------------------------------------- languages


@pytest.mark.parametrize("path", _bundled_files(), ids=_file_id)
def test_every_worker_text_is_in_english_and_bokmal(path: Path) -> None:
    obj = _load(str(path))
    missing = []
    for where, value in _texts(obj):
        if not isinstance(value, dict):
            missing.append(f"{'/'.join(map(str, where))}: a plain string, not a text per language")
            continue
        missing += [
            f"{'/'.join(map(str, where))}: no {lang}"
            for lang in WORKER_LANGUAGES
            if lang not in value
        ]
    assert missing == []


@pytest.mark.parametrize("checklist", _checklists(), ids=lambda c: c.id)
def test_no_language_claims_a_review_it_has_not_had(checklist: Checklist) -> None:
    for code, info in checklist.languages.items():
        assert info.status == "draft", code
        assert info.note, code
    assert {c for c, i in checklist.languages.items() if i.scope == "all"} == set(WORKER_LANGUAGES)


def test_intake_child_wording_in_four_more_languages_marked_draft() -> None:
    intake = _checklist("intake-screen")
    for code in INTAKE_CHILD_LANGUAGES:
        info = intake.languages[code]
        assert (info.status, info.scope) == ("draft", "child"), code
        assert info.note is not None and "translator" in info.note
    assert intake.languages["ar"].direction == "rtl"
    assert intake.languages["prs"].direction == "rtl"
    missing = [
        f"{'/'.join(map(str, where))}: no {lang}"
        for where, value in _texts(intake)
        if where[-1] in CHILD_FIELDS
        for lang in (*WORKER_LANGUAGES, *INTAKE_CHILD_LANGUAGES)
        if lang not in value
    ]
    assert missing == []
    # every item speaks to the child
    assert all(item.child_text is not None for _, item in intake.items())


# ------------------------------------------------------------------- danger


@pytest.mark.parametrize("checklist", _checklists(), ids=lambda c: c.id)
def test_danger_answers_stop_the_walk_and_suggest_immediate_protection(
    checklist: Checklist,
) -> None:
    dangerous = [item for _, item in checklist.items() if item.danger is not None]
    assert dangerous, "a checklist for first contact and screening needs immediate-danger items"
    for item in dangerous:
        assert item.danger is not None
        assert item.danger.action.notify is not None
        assert item.danger.action.within.immediately
        for answer in item.danger.answers:
            result = assess(checklist, {item.id: answer})
            assert [d.item_id for d in result.dangers] == [item.id]
            assert result.outcome.id == checklist.outcomes[0].id == "immediate-protection"


@pytest.mark.parametrize("checklist", _checklists(), ids=lambda c: c.id)
def test_a_danger_answer_of_no_or_unsure_does_not_stop_the_walk(checklist: Checklist) -> None:
    for _, item in checklist.items():
        if item.danger is None:
            continue
        for answer in ("no", "unsure", "declined"):
            assert assess(checklist, {item.id: answer}).dangers == ()


def test_intake_asks_about_going_missing_in_the_first_days_as_a_danger() -> None:
    intake = _checklist("intake-screen")
    missing = intake.item("danger-missing")
    assert missing.danger is not None
    assert missing.danger.action.notify == "child-welfare-emergency"
    assert "missing" in missing.text["en"]  # type: ignore[index]


# ------------------------------------------------------------- intake screen


def test_intake_is_short_and_recommends_the_full_screening() -> None:
    intake = _checklist("intake-screen")
    assert 10 <= len(list(intake.items())) <= 15
    assert intake.default_outcome == "no-indicators-recorded"
    to_full = [r for r in intake.rules if r.outcome == "full-screening"]
    assert to_full
    for rule in to_full:
        assert "complete the full screening" in rule.explain["en"].lower()  # type: ignore[index]
    outcome = intake.outcome("full-screening")
    assert any("full" in a.text["en"] and "screening" in a.text["en"] for a in outcome.actions)  # type: ignore[index]
    # one unsure sign is enough to go on to the full screening
    some_sign = next(it.id for _, it in intake.items() if isinstance(it, Indicator))
    assert assess(intake, {some_sign: "unsure"}).outcome.id == "full-screening"


# ------------------------------------------------------------ full screening


def test_full_screening_covers_the_six_elements_and_the_forms() -> None:
    full = _checklist("child-trafficking-full")
    indicators = [it for _, it in full.items() if isinstance(it, Indicator)]
    assert len(indicators) >= 40
    assert set(ILO_ELEMENTS) <= {i.dimension for i in indicators}
    assert set(FORMS) <= {f for i in indicators for f in i.forms}
    assert {"identity-age-status", "accompanying-adults", "missing-risk", "movement"} <= {
        i.dimension for i in indicators
    }
    types = {getattr(it, "type", None) for _, it in full.items()}
    assert {"yes-no", "choice", "multi-choice", "text", "date", "number"} <= types
    assert any(i.reading is not None for i in indicators)
    assert [o.id for o in full.outcomes] == [
        "immediate-protection",
        "refer",
        "monitor",
        "no-indicators-recorded",
    ]
    assert full.default_outcome == "no-indicators-recorded"
    assert full.routes == ["routes-no", "routes-gb"]


def test_questions_about_the_accompanying_adult_show_only_when_a_child_is_accompanied() -> None:
    full = _checklist("child-trafficking-full")
    alone = assess(full, {"accompanied-by": "alone"})
    with_adult = assess(full, {"accompanied-by": "unrelated-adult"})
    assert "adult-speaks-for-child" not in alone.visible
    assert "adult-speaks-for-child" in with_adult.visible
    assert "adult-stated-relation" in with_adult.visible


def _yes(checklist: Checklist, answers: dict[str, Any]) -> list[Indicator]:
    return [
        it
        for _, it in checklist.items()
        if isinstance(it, Indicator) and answers.get(it.id) == "yes"
    ]


def test_a_child_needs_no_means_movement_and_exploitation_suggest_referral() -> None:
    full = _checklist("child-trafficking-full")
    proofs = []
    for ex in full.examples:
        yes = _yes(full, ex.answers)
        moved = [i for i in yes if i.dimension == "movement"]
        exploited = [i for i in yes if i.dimension == "exploitative-conditions" or i.forms]
        means = [i for i in yes if i.dimension in MEANS_ELEMENTS]
        if ex.outcome == "refer" and moved and exploited and not means:
            proofs.append((ex, moved))
    assert proofs, "a worked example must show referral from movement and exploitation alone"
    for ex, moved in proofs:
        result = assess(full, ex.answers)
        assert result.outcome.id == "refer"
        assert "no-means-needed" in result.fired_ids
        # Without the movement the same exploitation signs do not reach referral:
        # it is the act, not any means, that the rule rests on.
        without = {k: v for k, v in ex.answers.items() if k not in {i.id for i in moved}}
        assert assess(full, without).outcome.id != "refer"


# ------------------------------------------------------------------- routes


def test_routes_cover_every_outcome_of_the_checklists_that_name_them() -> None:
    routes = _routes()
    assert {"routes-no", "routes-gb"} <= set(routes)
    for checklist in _checklists():
        for ref in checklist.routes:
            r = routes[ref]
            missing = [o.id for o in checklist.outcomes if not r.outcomes.get(o.id)]
            assert missing == [], (checklist.id, ref)


def test_roles_named_by_checklist_actions_exist_in_every_route() -> None:
    routes = _routes()
    for checklist in _checklists():
        actions = [a for o in checklist.outcomes for a in o.actions]
        actions += [it.danger.action for _, it in checklist.items() if it.danger is not None]
        roles = {a.notify for a in actions if a.notify} | {a.by for a in actions}
        roles.discard("screening-worker")
        for ref in checklist.routes:
            declared = {x.id for x in routes[ref].roles}
            assert roles - declared == set(), (checklist.id, ref)


def test_uk_route_carries_the_statutory_duties_and_time_limits() -> None:
    gb = _routes()["routes-gb"]
    duties = " ".join(d.legal_basis["en"] for d in gb.duties)  # type: ignore[index]
    for section in ("s.47", "s.48", "s.51", "s.52"):
        assert section in duties
    assert gb.role("police-emergency").national_number == "999"
    nrm = [a for a in gb.outcomes["refer"] if a.id == "nrm-referral"]
    assert nrm and "consent" in nrm[0].text["en"]  # type: ignore[index]
    rg = [a for a in gb.outcomes["immediate-protection"] if a.id == "reasonable-grounds-decision"]
    assert rg and rg[0].within.working_days == 5
    safeguard_first = gb.outcomes["immediate-protection"]
    assert safeguard_first[0].notify == "police-emergency"


def test_norwegian_route_places_the_child_safely_within_24_hours() -> None:
    no = _routes()["routes-no"]
    urgent = no.outcomes["immediate-protection"]
    assert [a.notify for a in urgent[:2]] == ["police-emergency", "child-welfare-emergency"]
    placement = next(a for a in urgent if a.id == "safe-placement")
    assert placement.by == "child-welfare-service" and placement.within.hours == 24
    assert any(a.id == "multi-agency-meeting" for a in urgent)
    assert any(a.id == "individual-plan" for a in urgent)
    assert no.role("police-emergency").national_number == "112"
    assert no.role("children-helpline").national_number == "116 111"
    assert {"kom", "immigration-authority"} <= {r.id for r in no.roles}


# ---------------------------------------------------------------- directory


def test_directory_fills_every_role_and_leaves_example_entries_undiallable() -> None:
    directory = _load(str(bundled_root() / "directory.yaml"))
    assert isinstance(directory, Directory)
    roles = {x.id for r in _routes().values() for x in r.roles}
    assert [r for r in sorted(roles) if not directory.for_role(r)] == []
    examples = [c for c in directory.contacts if c.name.startswith("EXAMPLE")]
    assert examples, "local entries must be marked as examples for the administrator"
    assert all(c.phone is None for c in examples)
    assert "EXAMPLE" in directory.site
