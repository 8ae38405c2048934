"""``idcheck db restore`` of a backup that is not there, or is a folder, says so
in one plain line and exits 2 (bad input): the store is fine, and was not "could
not be opened" (exit 3) with Python's "[Errno 2]" in the message."""

from __future__ import annotations

import pytest
from tests.cli.test_followup_cli import cli


@pytest.mark.parametrize(("name", "said"), [("typo.idcheck", "no such file"), (".", "is a folder")])
def test_a_backup_path_that_is_no_file_is_bad_input(data_dir, pw, tmp_path, capsys, name, said):
    before = (data_dir / "idcheck.db").read_bytes()
    path = tmp_path / name
    assert cli(data_dir, pw, "db", "restore", str(path)) == 2
    err = capsys.readouterr().err
    assert err == f"idcheck: cannot restore from {path}: {said}; nothing was replaced\n"
    assert (data_dir / "idcheck.db").read_bytes() == before
