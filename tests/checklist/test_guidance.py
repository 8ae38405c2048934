"""Standing guidance in the checklist language: an action with ``kind:
guidance`` has no deadline and notifies no one, and a task must have a
deadline; each refusal is located (file:line:col). The bundled checklists and
routes of version 1.1.0 mark their standing instructions as guidance; 1.0.0
stays as published, for the screenings made with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from idcheck.checklist import find, load_any
from idcheck.checklist.lint import lint_paths

MINIMAL = (Path(__file__).parent / "data" / "minimal.yaml").read_text(encoding="utf-8")
TASK = "      - id: call\n        text: {en: Call, nb: Ring}\n        within: {hours: 24}\n"


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_guidance_without_a_deadline_is_clean(write_checklist):
    text = MINIMAL.replace(
        TASK,
        TASK + "      - id: stay\n        kind: guidance\n"
        "        text: {en: Stay with the child, nb: Bli hos barnet}\n",
    )
    path = write_checklist(text)
    assert lint_paths([path]) == []
    _doc, checklist = load_any(path)
    [task, stay] = checklist.outcome("refer").actions
    assert (task.kind, task.is_task, stay.kind, stay.is_task) == ("task", True, "guidance", False)
    assert stay.within is None
    with pytest.raises(ValueError, match="guidance and has no deadline"):
        _ = stay.deadline


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (
            "      - id: stay\n        kind: guidance\n        text: {en: Stay, nb: Bli}\n"
            "        within: {immediately: true}\n",
            "guidance has no deadline: leave out 'within'",
        ),
        (
            "      - id: stay\n        kind: guidance\n        text: {en: Stay, nb: Bli}\n"
            "        notify: police\n",
            "guidance notifies no one: leave out 'notify'",
        ),
        (
            "      - id: stay\n        text: {en: Stay, nb: Bli}\n",
            "a task needs 'within' (a deadline)",
        ),
        (
            "      - id: stay\n        kind: advice\n        text: {en: Stay, nb: Bli}\n",
            "'task' or 'guidance'",
        ),
    ],
)
# The whole action is named, except a wrong kind, named at its own line.
def test_what_guidance_and_tasks_may_not_be_is_said_where_it_is(write_checklist, action, message):
    text = MINIMAL.replace(TASK, TASK + action)
    problems = lint_paths([write_checklist(text)])
    assert len(problems) == 1, problems
    [p] = problems
    assert message in p.message
    where = "        kind: advice" if "advice" in action else "      - id: stay"
    assert p.line == line_of(text, where)


GUIDANCE = {
    "intake-screen": {"stay-with-child", "do-not-confront"},
    "child-trafficking-full": {"stay-with-child", "do-not-confront", "stop-if-disclosure"},
    "routes-gb": {"presume-child"},
    "routes-no": set(),
}


def _actions(obj) -> list:
    if hasattr(obj, "outcomes") and isinstance(obj.outcomes, dict):
        return [a for acts in obj.outcomes.values() for a in acts]
    return [a for o in obj.outcomes for a in o.actions]


@pytest.mark.parametrize("ident", sorted(GUIDANCE))
def test_the_bundled_standing_instructions_are_guidance_from_1_1_0(ident):
    newest = find(ident)
    assert newest.version == "1.1.0"
    _doc, obj = load_any(newest.path)
    assert {a.id for a in _actions(obj) if not a.is_task} == GUIDANCE[ident]
    # 1.0.0 is kept as published (stored screenings reopen and reprint with it).
    _doc, old = load_any(find(f"{ident}@1.0.0").path)
    assert all(a.is_task for a in _actions(old))


def test_the_intake_full_screening_has_the_routes_id_from_1_1_0():
    """The checklist's "complete the full screening within 24 hours" and the
    routes' are one action (one id), so a completed intake screen makes one task."""
    _doc, intake = load_any(find("intake-screen").path)
    ids = {a.id for a in intake.outcome("full-screening").actions}
    assert "plan-full-screening" in ids and "complete-full-screening" not in ids
    for routes in ("routes-no", "routes-gb"):
        _doc, r = load_any(find(routes).path)
        assert "plan-full-screening" in {a.id for a in r.outcomes["full-screening"]}


def test_the_newest_version_of_each_id_is_what_a_new_screening_reads(tmp_path):
    from idcheck.checklist import entries
    from idcheck.checklist.catalogue import newest_entries

    refs = [e.ref for e in newest_entries()]
    assert refs == sorted(refs)
    assert len(refs) == len({e.id for e in entries()})
    assert {"intake-screen@1.1.0", "routes-no@1.1.0"} <= set(refs)
    assert "intake-screen@1.0.0" in {e.ref for e in entries()}  # still installed
    # Versions compare as numbers, not as text.
    for version in ("1.2.0", "1.10.0", "1.9"):
        (tmp_path / "x").mkdir(exist_ok=True)
        (tmp_path / "x" / f"{version}.yaml").write_text("{}\n")
    assert [e.ref for e in newest_entries(tmp_path)] == ["x@1.10.0"]
