"""`idcheck checklist lint` finds what loading alone lets through."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from idcheck.checklist import bundled_root
from idcheck.checklist.lint import lint_paths
from idcheck.cli import main

MINIMAL = (Path(__file__).parent / "data" / "minimal.yaml").read_text(encoding="utf-8")


def messages(path: Path) -> list[str]:
    return [p.message for p in lint_paths([path])]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_minimal_is_clean(write_checklist):
    assert lint_paths([write_checklist()]) == []


def test_bundled_checklists_are_clean():
    problems = lint_paths([bundled_root()])
    assert problems == [], "\n".join(map(str, problems))


def test_missing_translation(write_checklist):
    text = MINIMAL.replace("text: {en: Moved often, nb: Flyttet ofte}", "text: {en: Moved often}")
    [p] = lint_paths([write_checklist(text)])
    assert p.line == line_of(text, "text: {en: Moved often}")
    assert p.message == "'text' has no text for declared language(s) nb"


def test_child_wording_must_exist_in_child_languages(write_checklist):
    text = MINIMAL.replace(
        "  nb: {name: Norsk bokmål, status: draft}\n",
        "  nb: {name: Norsk bokmål, status: draft}\n"
        "  ar: {name: Arabic, status: draft, scope: child, direction: rtl}\n",
    ).replace(
        "        text: {en: Alone?, nb: Alene?}\n",
        "        text: {en: Alone?, nb: Alene?}\n        child_text: {en: Are you alone?, nb: Er du alene?}\n",
    )
    [p] = lint_paths([write_checklist(text)])
    assert p.message == "'child_text' has no text for declared language(s) ar"
    assert p.line == line_of(text, "child_text")


def test_show_if_that_can_never_hold(write_checklist):
    cond = '{all: [{answer: alone, is: "yes"}, {answer: alone, is: "no"}]}'
    text = MINIMAL.replace('show_if: {answer: alone, is: "yes"}', f"show_if: {cond}")
    text = text.replace('answers: {alone: "yes", moved: "yes"}', 'answers: {alone: "yes"}')
    text = text.replace(
        "    outcome: refer\n    fired: [moved-rule]", "    outcome: none\n    fired: []"
    )
    msgs = messages(write_checklist(text))
    assert "item 'moved' can never be shown: its show_if can never hold" in msgs
    # and so the rule on it can never fire either
    assert "rule 'moved-rule' can never fire" in msgs


def test_rule_that_can_never_fire(write_checklist):
    text = MINIMAL.replace(
        'when: {answer: moved, is: "yes"}',
        'when: {all: [{answer: moved, is: "yes"}, {not: {answer: moved, in: ["yes", "no"]}}]}',
    )
    text = text.replace(
        "    outcome: refer\n    fired: [moved-rule]", "    outcome: none\n    fired: []"
    )
    [p] = lint_paths([write_checklist(text)])
    assert p.message == "rule 'moved-rule' can never fire"
    assert p.line == line_of(text, "when:")


def test_count_beyond_the_items_there_are_never_fires(write_checklist):
    text = MINIMAL.replace(
        'when: {answer: moved, is: "yes"}', "when: {count: {dimension: movement}, at_least: 2}"
    )
    text = text.replace(
        "    outcome: refer\n    fired: [moved-rule]", "    outcome: none\n    fired: []"
    )
    assert messages(write_checklist(text)) == ["rule 'moved-rule' can never fire"]


def test_rule_needing_a_hidden_item_made_visible_can_fire(write_checklist):
    # 'moved' is only shown when 'alone' is yes: the witness search must find that.
    assert lint_paths([write_checklist()]) == []


def test_outcome_without_action(write_checklist):
    text = MINIMAL.replace(
        "    actions:\n      - id: note\n        text: {en: Note, nb: Noter}\n"
        "        within: {immediately: true}\n",
        "",
    )
    [p] = lint_paths([write_checklist(text)])
    assert p.message == "outcome 'none' has no action"


def test_routes_that_are_not_installed(write_checklist):
    text = MINIMAL.replace(
        "default_outcome: none\n", "default_outcome: none\nroutes: [routes-xx]\n"
    )
    [p] = lint_paths([write_checklist(text)])
    assert p.message == "referral routes 'routes-xx' are not installed"


def test_example_that_does_not_match_the_rules(write_checklist):
    text = MINIMAL.replace(
        "    outcome: refer\n    fired: [moved-rule]", "    outcome: none\n    fired: []"
    )
    msgs = messages(write_checklist(text))
    assert msgs == [
        "example 'moved': the rules suggest 'refer', the example expects 'none'",
        "example 'moved': rules fired ['moved-rule'], the example expects []",
    ]


def test_id_and_version_must_match_the_path(write_checklist):
    msgs = messages(write_checklist(ident="other", version="2.0.0"))
    assert msgs == [
        "id 'tiny' does not match the folder 'other'",
        "version '1.0.0' does not match the file name '2.0.0.yaml'",
    ]


def test_cli_lint_exit_codes_and_format(write_checklist, capsys):
    good = write_checklist()
    assert main(["checklist", "lint", str(good)]) == 0
    bad_text = MINIMAL.replace("strength: medium", "strength: huge")
    bad = write_checklist(bad_text, ident="bad")
    assert main(["checklist", "lint", str(bad)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out == [
        f"{bad}:{line_of(bad_text, 'huge')}:19: 'strength': expected 'strong', 'medium' or 'weak'"
    ]
    assert main(["checklist", "lint", str(bad.parent / "nope.yaml")]) == 2


def test_lint_runs_as_a_module_without_qt(tmp_path):
    import subprocess

    r = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from idcheck.cli import main; rc = main(['checklist', 'lint', "
            f"{str(bundled_root())!r}]); assert 'PySide6' not in sys.modules; sys.exit(rc)",
        ],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("ref", ["intake-screen", "child-trafficking-full"])
def test_cli_diff_of_a_version_with_itself(ref, capsys):
    assert main(["checklist", "diff", ref, "1.0.0", "1.0.0"]) == 0
    assert "no differences" in capsys.readouterr().out
