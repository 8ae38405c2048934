"""Answers files: checked whole against the checklist before anything is saved
(every problem at PATH:LINE:COL), then recorded one committed answer at a time,
into the case named or a new one."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from tests.conftest import new_store

from idcheck.answers_file import plan_screening, read_answers_file, record_plan
from idcheck.checklist import ChecklistError, find, load_checklist_bytes
from idcheck.store import CaseDetails

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "intake-screen.yaml"
PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def intake():
    raw = find("intake-screen").path.read_bytes()
    return load_checklist_bytes(raw), raw


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "answers.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_the_example_plans_whole(intake):
    checklist, _raw = intake
    plan = plan_screening(read_answers_file(EXAMPLE), checklist, None)
    assert plan.case.reference == "EXAMPLE-INTAKE-001"
    assert plan.case.adults[0].stated_relation == "cousin"
    assert [p.item_id for p in plan.answers][:3] == ["danger-harm", "danger-missing", "claimed-age"]
    debt = next(p for p in plan.answers if p.item_id == "debt")
    # An interpreter named means one was present, unless the file says otherwise.
    assert debt.context.interpreter_present is True and debt.context.source == "child-said"
    assert (plan.decision_outcome, plan.complete) == ("full-screening", True)


def test_every_problem_is_reported_at_its_place_and_nothing_is_planned(tmp_path, intake):
    checklist, _raw = intake
    path = write(
        tmp_path,
        "case:\n"
        "  reference: A-1\n"
        "  gender: robot\n"
        "answers:\n"
        "  no-such-item: 'yes'\n"
        "  debt: {answer: 'yes', source: rumour}\n"
        "  danger-harm: maybe\n"
        "complete: true\n",
    )
    with pytest.raises(ChecklistError) as e:
        plan_screening(read_answers_file(path), checklist, None)
    lines = [str(p) for p in e.value.problems]
    assert f"{path}:3:11: expected one of female, male, other, unknown" in lines
    assert any(line.startswith(f"{path}:5:") and "no item 'no-such-item'" in line for line in lines)
    assert any(
        line.startswith(f"{path}:6:") and "source must be one of observed" in line for line in lines
    )
    assert any(line.startswith(f"{path}:7:") and "danger-harm" in line for line in lines)
    assert any("completed with the professional's decision" in line for line in lines)
    assert len(lines) == 5


def test_the_case_given_on_the_command_line_wins(tmp_path, intake):
    checklist, _raw = intake
    path = write(tmp_path, "case: {reference: FROM-FILE}\nanswers: {debt: 'no'}\n")
    assert plan_screening(read_answers_file(path), checklist, "GIVEN").case.reference == "GIVEN"
    no_case = write(tmp_path, "answers: {debt: 'no'}\n")
    with pytest.raises(ChecklistError, match="give --case REF"):
        plan_screening(read_answers_file(no_case), checklist, None)


def test_recording_reuses_the_case_and_calls_out_each_danger(tmp_path, intake):
    checklist, raw = intake
    store, _ = new_store(tmp_path / "store")
    try:
        existing = store.create_case(CaseDetails(reference="A-7"))
        path = write(
            tmp_path,
            "case: {reference: A-7}\n"
            "answers:\n"
            "  danger-harm: 'yes'\n"
            "  debt: {answer: 'yes', source: child-said, child_words: I owe them}\n",
        )
        plan = plan_screening(read_answers_file(path), checklist, None)
        dangers: list[str] = []
        sid, result = record_plan(
            store,
            plan,
            checklist,
            raw,
            hashlib.sha256(raw).hexdigest(),
            lambda item_id, _spec: dangers.append(item_id),
        )
        rec = store.get_screening(sid, audit=False)
        assert rec.case_id == existing
        assert [c.reference for c in store.list_cases()] == ["A-7"]  # no second case
        assert dangers == ["danger-harm"]
        assert rec.answers["debt"].context.child_words == "I owe them"
        assert not rec.completed and rec.decision is None  # no decision in the file
        assert result.outcome.id == "immediate-protection"
    finally:
        store.lock()


def test_a_decision_that_differs_without_reasons_is_refused_before_anything_is_written(
    tmp_path, data_dir, capsys
):
    """`idcheck screen` with a decision that differs from what the rules suggest and
    no reasons: one located line (exit 2) and nothing written, so the corrected file
    run again makes the one screening. (It was refused at the store after the
    answers were saved: a draft with the danger answer stayed behind, and the
    corrected run made a second screening beside it.)"""
    from tests.conftest import PASSWORD, open_store

    from idcheck.cli import main

    pw = tmp_path / "pw"
    pw.write_text(PASSWORD + "\n", encoding="utf-8")
    answers = write(
        tmp_path,
        "case:\n  reference: D-1\n"
        "answers:\n  danger-harm: 'yes'\n  danger-missing: 'no'\n"
        "decision:\n  outcome: full-screening\ncomplete: true\n",
    )
    args = ["--data-dir", str(data_dir), "screen", "--checklist", "intake-screen"]
    args += ["--answers", str(answers), "--user", "anna", "--password-file", str(pw)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"idcheck: {answers}:") and len(err.strip().splitlines()) == 1
    assert "differs from what the rules suggest (immediate-protection)" in err
    assert "give your reasons" in err
    store = open_store(data_dir)
    try:
        assert [c.reference for c in store.list_cases() if c.reference == "D-1"] == []
    finally:
        store.lock()
    # Corrected, it records the one screening.
    answers.write_text(
        answers.read_text(encoding="utf-8").replace(
            "outcome: full-screening\n", "outcome: full-screening\n  reasons: police on site\n"
        ),
        encoding="utf-8",
    )
    assert main(args) == 0
    store = open_store(data_dir)
    try:
        (case,) = [c for c in store.list_cases() if c.reference == "D-1"]
        assert len(store.list_screenings(case.id)) == 1
    finally:
        store.lock()
