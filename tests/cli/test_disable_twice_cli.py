"""Disabling an account that is disabled already says so and changes nothing:
it printed "disabled ben" again, wrote a second ``user-disabled`` row and
replaced the database key once more for nothing."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_followup_cli import cli
from tests.conftest import open_store

from idcheck.store.slotfile import read_slots


def disabled_rows(data: Path) -> int:
    store = open_store(data)
    try:
        return len(store.audit_trail("user-disabled"))
    finally:
        store.lock()


def test_disabling_a_disabled_account_again_changes_nothing(data_dir, pw, capsys):
    assert cli(data_dir, pw, "user", "disable", "ben") == 0
    assert capsys.readouterr().out.startswith("disabled ben\n")
    generation = read_slots(data_dir).generation
    assert cli(data_dir, pw, "user", "disable", "ben") == 2
    assert capsys.readouterr().err == "idcheck: ben is disabled already; nothing changed\n"
    assert read_slots(data_dir).generation == generation
    assert disabled_rows(data_dir) == 1
