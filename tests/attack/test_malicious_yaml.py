"""Malicious YAML in checklists, answers files and site directories: an alias bomb
under the alias limit, 190,000 keys, deep any/all conditions, dates that are not
dates. Each is refused with one located line (PATH:LINE:COL: message), never a
ValueError, never a hang (the subprocess timeouts below are hang guards only; the
times are measured by benchmarks/bench_hostile.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idcheck.checklist import ChecklistError
from idcheck.checklist.loader import parse_yaml, read_document

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = (ROOT / "tests" / "checklist" / "data" / "minimal.yaml").read_text()
LOCATED = re.compile(r"^[^\n]+:\d+:\d+: [^\n]+$")


def alias_bomb() -> str:
    """Under 800 bytes (the issue's was 716), 63 aliases (under the limit of 64), 9**7 nodes
    once expanded."""
    lines = ["kind: checklist", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 8):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


def many_keys(n: int = 190_000) -> str:
    return "kind: checklist\nid: x\nextra:\n" + "".join(f" {i:x}: 1\n" for i in range(n))


def deep_conditions(depth: int = 21) -> str:
    """any/all nested as deep as the nesting limit allows, each with a negated twin."""
    leaf = '{answer: alone, is: "yes"}'

    def cond(d: int) -> str:
        if d == 0:
            return '{answer: moved, is: "yes"}'
        kind = "any" if d % 2 else "all"
        twin = cond(d - 1) if d < 4 else leaf
        return "{" + kind + ": [" + cond(d - 1) + ", {not: " + twin + "}]}"

    return MINIMAL.replace('    when: {answer: moved, is: "yes"}', "    when: " + cond(depth))


def _one_located_line(e: ChecklistError) -> str:
    assert len(e.problems) >= 1
    for p in e.problems:
        assert LOCATED.match(str(p)), str(p)
    return str(e.problems[0])


def test_alias_bomb_under_the_alias_limit(tmp_path):
    text = alias_bomb()
    assert len(text.encode()) < 800 and text.count("*a") < 64
    p = tmp_path / "bomb.yaml"
    p.write_text(text)
    with pytest.raises(ChecklistError) as info:
        read_document(p)
    assert "once aliases are expanded" in _one_located_line(info.value)


def test_190000_keys(tmp_path):
    p = tmp_path / "keys.yaml"
    p.write_text(many_keys())
    assert p.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(ChecklistError) as info:
        read_document(p)
    assert "too many YAML nodes" in _one_located_line(info.value)


def test_deep_any_all_conditions_lint(tmp_path, cli, data_dir):
    p = tmp_path / "deep.yaml"
    p.write_text(deep_conditions())
    r = cli("checklist", "lint", str(p), data_dir=data_dir, timeout=60)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr + r.stdout


@pytest.mark.parametrize("where", ["published", "answers", "case"])
def test_a_date_that_is_not_a_date(tmp_path, cli, data_dir, pwfile, where):
    if where == "published":
        p = tmp_path / "bad-date.yaml"
        p.write_text(MINIMAL.replace("published: 2026-01-01", "published: 2011-13-05"))
        r = cli("checklist", "lint", str(p), data_dir=data_dir)
        assert r.returncode == 1
        out = r.stdout + r.stderr
        assert re.search(r"bad-date\.yaml:\d+:\d+: 'published': .*month", out), out
    else:
        example = (ROOT / "examples" / "child-trafficking-full.yaml").read_text()
        if where == "case":
            text = example.replace("case:\n", "case:\n  claimed_dob: 2011-13-05\n", 1)
        else:
            text = example.replace("answers:\n", "answers:\n  arrival-date: 2011-13-05\n", 1)
        assert text != example
        p = tmp_path / "answers.yaml"
        p.write_text(text)
        r = cli(
            "screen",
            "--checklist",
            "child-trafficking-full",
            "--answers",
            str(p),
            "--user",
            "anna",
            "--password-file",
            str(pwfile),
            data_dir=data_dir,
        )
        assert r.returncode == 2, r.stderr
        assert "Traceback" not in r.stderr and "ValueError" not in r.stderr
        assert all(LOCATED.match(line[len("idcheck: ") :]) for line in r.stderr.splitlines())


def test_no_second_line_without_a_position():
    """Library messages that carried a second line ('in "<file>", position N')."""
    cases = [
        b"a: \x00\n",
        b'a: "x\n',
        b"a: [1, 2\n",
        b"a:\n\t- b\n",
        b'a: "\\q"\n',
        b"a: {b: 1\n",
        b"a: |\n  x\n b\n",
        b"%YAML 9.9\n---\na: 1\n",
    ]
    for raw in cases:
        with pytest.raises(ChecklistError) as info:
            parse_yaml(raw, "f.yaml")
        _one_located_line(info.value)


def test_a_100000_answer_file_reports_fast(tmp_path, cli, data_dir, pwfile):
    p = tmp_path / "answers.yaml"
    p.write_text("answers:\n" + "".join(f"  item-{i}: 'yes'\n" for i in range(100_000)))
    r = cli(
        "screen",
        "--checklist",
        "intake-screen",
        "--answers",
        str(p),
        "--user",
        "anna",
        "--password-file",
        str(pwfile),
        data_dir=data_dir,
        timeout=60,
    )
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "too many YAML nodes" in r.stderr


def test_the_window_refuses_a_hostile_site_directory(qtbot, data_dir, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    from idcheck.gui.admin import ContactsTab
    from idcheck.gui.session import Messages, Session
    from idcheck.store import Store

    class Answering(Messages):
        def __init__(self, path: Path) -> None:
            self.path = path
            self.errors: list[str] = []

        def open_path(self, parent, title, filter_):
            return self.path

        def error(self, parent, title, text):
            self.errors.append(text)

    bomb = tmp_path / "directory.yaml"
    bomb.write_text(alias_bomb().replace("kind: checklist", "kind: directory"))
    store = Store.open(data_dir, "anna", "correct horse battery")
    try:
        parent = QWidget()
        qtbot.addWidget(parent)
        messages = Answering(bomb)
        tab = ContactsTab(Session(store, messages, parent))
        qtbot.addWidget(tab)
        qtbot.mouseClick(tab.load_button, Qt.MouseButton.LeftButton)
        assert len(messages.errors) == 1
        assert "once aliases are expanded" in messages.errors[0]
        # the window says what happened on its first line, then where: file:line:column
        said, where = messages.errors[0].split("\n", 1)
        assert "nothing was changed" in said
        assert LOCATED.match(where)
    finally:
        store.lock()


def test_an_answers_file_under_its_limit_reports_every_error_located(tmp_path):
    from idcheck.answers_file import plan_screening
    from idcheck.checklist import find, load_checklist_bytes
    from idcheck.checklist.loader import MAX_ANSWERS_NODES

    p = tmp_path / "answers.yaml"
    p.write_text("answers:\n" + "".join(f"  item-{i}: 'yes'\n" for i in range(4_900)))
    checklist = load_checklist_bytes(find("intake-screen").path.read_bytes())
    with pytest.raises(ChecklistError) as info:
        plan_screening(read_document(p, max_nodes=MAX_ANSWERS_NODES), checklist, "X")
    assert len(info.value.problems) == 4_900
    assert [p.line for p in info.value.problems] == list(range(2, 4_902))
