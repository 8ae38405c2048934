"""``idcheck export`` given both a case's REF and --all-changed-since-last-transfer
says to give one of them, not both (it said "give a case's REF, or
--all-changed-since-last-transfer", which the user had just done); exit 2,
nothing written."""

from __future__ import annotations

import pytest
from tests.cli.test_followup_cli import cli


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("F-1", "--all-changed-since-last-transfer"),
            "give a case's REF, or --all-changed-since-last-transfer, not both",
        ),
        ((), "give a case's REF, or --all-changed-since-last-transfer\n"),
    ],
)
def test_ref_and_all_changed_are_one_or_the_other(data_dir, pw, tmp_path, capsys, args, said):
    out = tmp_path / "x.idcheck"
    code = cli(data_dir, pw, "export", *args, "--to", "age1" + "q" * 58, "--out", str(out))
    assert code == 2
    assert said in capsys.readouterr().err
    assert not out.exists()
