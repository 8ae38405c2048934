"""Every kind of broken checklist is refused with PATH:LINE:COL and what was expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from idcheck.checklist import ChecklistError, Problem, load_any, load_checklist
from idcheck.checklist.loader import MAX_BYTES

MINIMAL = (Path(__file__).parent / "data" / "minimal.yaml").read_text(encoding="utf-8")


def where(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based line and column of the nth occurrence of needle in text."""
    start = -1
    for _ in range(nth):
        start = text.index(needle, start + 1)
    line = text.count("\n", 0, start) + 1
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    return line, col


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(ChecklistError) as info:
        load_any(path)
    return info.value.problems


def only(path: Path) -> Problem:
    probs = problems_of(path)
    assert len(probs) == 1, probs
    return probs[0]


def test_minimal_checklist_loads(write_checklist):
    c = load_checklist(write_checklist())
    assert c.ref == "tiny@1.0.0"
    assert [it.id for _, it in c.items()] == ["alone", "moved"]


def test_message_names_path_line_and_column(write_checklist):
    text = MINIMAL.replace("strength: medium", "strength: huge")
    path = write_checklist(text)
    p = only(path)
    assert str(p) == f"{path}:{p.line}:{p.col}: {p.message}"
    assert (p.line, p.col) == where(text, "huge")
    assert p.message == "'strength': expected 'strong', 'medium' or 'weak'"


def test_yaml_syntax_error(write_checklist):
    text = MINIMAL.replace("title: {en: Tiny, nb: Liten}", "title: {en: Tiny, nb: Liten")
    p = only(write_checklist(text))
    # The parser notices the unclosed brace where the next key starts.
    line, col = where(text, "description:")
    assert (p.line, p.col) == (line, col + len("description"))
    assert p.message.startswith("not valid YAML: expected ',' or '}'")


def test_duplicate_key(write_checklist):
    text = MINIMAL.replace("licence: CC-BY-4.0\n", "licence: CC-BY-4.0\nlicence: MIT\n")
    p = only(write_checklist(text))
    assert (p.line, p.col) == where(text, "licence: MIT")
    assert p.message == "duplicate key 'licence'; each key may appear once"


def test_tags_are_refused_before_anything_is_built(write_checklist):
    text = MINIMAL.replace("licence: CC-BY-4.0", "licence: !!python/object/apply:os.system [echo]")
    p = only(write_checklist(text))
    assert (p.line, p.col) == where(text, "!!python")
    assert "YAML tags are not allowed" in p.message


def test_alias_bomb_is_refused(write_checklist):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    text = "\n".join(lines) + "\n"
    p = only(write_checklist(text))
    assert "too many aliases" in p.message or "once aliases are expanded" in p.message
    assert p.line > 1


def test_deep_nesting_is_refused(write_checklist):
    text = "id: " + "[" * 200 + "]" * 200 + "\n"
    p = only(write_checklist(text))
    assert "nesting deeper than" in p.message
    assert p.line == 1


def test_oversized_file_is_refused_without_reading_it(write_checklist):
    text = MINIMAL + "#" + "x" * (MAX_BYTES + 10) + "\n"
    p = only(write_checklist(text))
    assert (p.line, p.col) == (1, 1)
    assert "at most" in p.message and "bytes" in p.message


def test_not_utf8(write_checklist, tmp_path):
    path = write_checklist()
    path.write_bytes(MINIMAL.encode() + b"notes: caf\xe9\n")
    p = only(path)
    assert p.message == "not UTF-8 text"
    assert p.line == MINIMAL.count("\n") + 1


def test_top_level_must_be_a_mapping(write_checklist):
    p = only(write_checklist("- just\n- a list\n"))
    assert (p.line, p.col, p.message) == (1, 1, "expected a mapping at the top of the file")


def test_unknown_key(write_checklist):
    text = MINIMAL.replace(
        "        strength: medium\n", "        strength: medium\n        colour: red\n"
    )
    p = only(write_checklist(text))
    assert (p.line, p.col) == where(text, "red")
    assert p.message == "unknown key 'colour'"


def test_missing_key_points_at_the_mapping_that_lacks_it(write_checklist):
    text = MINIMAL.replace("        strength: medium\n", "")
    p = only(write_checklist(text))
    assert (p.line, p.col) == where(text, "id: moved")
    assert p.message == "missing required key 'strength'"


def test_wrong_type(write_checklist):
    text = MINIMAL.replace("authors: [tests]", "authors: tests")
    p = only(write_checklist(text))
    assert (p.line, p.col) == where(text, "tests\n")
    assert p.message == "'authors': expected a valid list"


def test_bad_id(write_checklist):
    text = MINIMAL.replace("- id: moved", "- id: Moved_X").replace(
        "{answer: moved", "{answer: Moved_X"
    )
    text = text.replace(", moved:", ", Moved_X:")
    probs = problems_of(write_checklist(text))
    occurrences = [where(text, "Moved_X", n) for n in range(1, text.count("Moved_X") + 1)]
    assert len(occurrences) == 4  # the item id, the rule, the example's answer key, twice
    assert [(p.line, p.col) for p in probs] == occurrences
    assert all("expected an id of lowercase letters" in p.message for p in probs)


def test_unknown_condition_form(write_checklist):
    text = MINIMAL.replace('show_if: {answer: alone, is: "yes"}', "show_if: {answr: alone}")
    p = only(write_checklist(text))
    assert (p.line, p.col) == where(text, "show_if")
    assert p.message.startswith("'show_if': expected a condition: {answer: ID, is: V}")


def test_unknown_item_in_condition(write_checklist):
    text = MINIMAL.replace(
        'show_if: {answer: alone, is: "yes"}', 'show_if: {answer: nobody, is: "yes"}'
    )
    p = only(write_checklist(text))
    assert (p.line, p.col) == where(text, "nobody")
    assert p.message == "unknown item 'nobody' in condition"


def test_show_if_may_not_look_forward(write_checklist):
    text = MINIMAL.replace(
        "        type: yes-no\n",
        '        type: yes-no\n        show_if: {answer: moved, is: "yes"}\n',
    )
    probs = problems_of(write_checklist(text))
    assert (probs[0].line, probs[0].col) == where(text, "moved, is")
    assert "may only name earlier items" in probs[0].message


def test_show_if_may_not_name_itself(write_checklist):
    text = MINIMAL.replace(
        'show_if: {answer: alone, is: "yes"}', 'show_if: {answer: moved, is: "yes"}'
    )
    p = only(write_checklist(text))
    assert "names itself" in p.message


def test_unknown_outcome_in_rule(write_checklist):
    text = MINIMAL.replace("    outcome: refer\n    explain", "    outcome: rescue\n    explain")
    p = only(write_checklist(text))
    assert (p.line, p.col) == where(text, "rescue")
    assert p.message == "unknown outcome 'rescue'; declared: refer, none"


def test_unknown_dimension(write_checklist):
    text = MINIMAL.replace(
        "dimension: movement\n        strength", "dimension: travel\n        strength"
    )
    p = only(write_checklist(text))
    assert (p.line, p.col) == where(text, "travel")
    assert p.message.startswith("unknown dimension 'travel'")


def test_duplicate_item_id(write_checklist):
    text = MINIMAL.replace("- id: moved\n", "- id: alone\n").replace(
        "{answer: moved", "{answer: alone"
    )
    text = text.replace(", moved:", ", other:")
    probs = problems_of(write_checklist(text))
    dup = [p for p in probs if p.message.startswith("duplicate item id")]
    assert len(dup) == 1
    assert (dup[0].line, dup[0].col) == where(text, "alone", 2)
    assert dup[0].message == f"duplicate item id 'alone' (first at line {where(text, 'alone')[0]})"


def test_bad_answer_value_in_condition(write_checklist):
    text = MINIMAL.replace(
        'show_if: {answer: alone, is: "yes"}', 'show_if: {answer: alone, is: "maybe"}'
    )
    p = only(write_checklist(text))
    assert (p.line, p.col) == where(text, '"maybe"')
    assert p.message.startswith(
        "'maybe' is not an answer of 'alone'; expected one of yes, no, unsure"
    )


def test_every_error_of_a_file_is_reported_at_once(write_checklist):
    text = (
        MINIMAL.replace("strength: medium", "strength: huge")
        .replace("authors: [tests]", "authors: tests")
        .replace("        type: yes-no\n", "        type: yes-no\n        colour: red\n")
    )
    probs = problems_of(write_checklist(text))
    assert [(p.line, p.col) for p in probs] == sorted(
        [where(text, "tests\n"), where(text, "red"), where(text, "huge")]
    )


def test_reference_errors_are_reported_together(write_checklist):
    text = MINIMAL.replace(
        "    outcome: refer\n    explain", "    outcome: rescue\n    explain"
    ).replace("dimension: movement\n        strength", "dimension: travel\n        strength")
    probs = problems_of(write_checklist(text))
    assert {p.message.split("'")[1] for p in probs} == {"travel", "rescue"}
