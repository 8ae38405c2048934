"""Every subcommand has a way to be found: a line in ``idcheck --help`` (or its
group's help) and an example in the README, written ``idcheck GROUP ACTION``."""

from __future__ import annotations

import argparse
from pathlib import Path

from idcheck.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]


def subcommands(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], str | None]]:
    """Each subcommand's words after ``idcheck``, with its help line."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, sub in action.choices.items():
                found.append(((*prefix, name), helps.get(name)))
                found += subcommands(sub, (*prefix, name))
    return found


def test_every_subcommand_has_help_and_an_example_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = subcommands(build_parser())
    assert ("interface", "set") in [words for words, _ in found]
    assert len(found) > 50  # the walk sees the nested actions
    assert [" ".join(w) for w, said in found if not (said or "").strip()] == []
    missing = [" ".join(w) for w, _ in found if f"idcheck {' '.join(w)}" not in readme]
    assert missing == []
