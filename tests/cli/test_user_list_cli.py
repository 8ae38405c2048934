"""``idcheck user list``: the accounts as Administration → Users shows them (name,
role, active or disabled), so an administrator on the command line can see whom
to reset or disable; a disabled account stays listed as disabled."""

from __future__ import annotations

from tests.cli.test_followup_cli import cli


def test_user_list_names_every_account_its_role_and_state(data_dir, pw, capsys):
    assert cli(data_dir, pw, "user", "list") == 0
    assert capsys.readouterr().out == "anna\tadministrator\tactive\nben\tworker\tactive\n"
    assert cli(data_dir, pw, "user", "disable", "ben") == 0
    capsys.readouterr()
    assert cli(data_dir, pw, "user", "list") == 0
    assert capsys.readouterr().out == "anna\tadministrator\tactive\nben\tworker\tdisabled\n"
