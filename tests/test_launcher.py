"""The launcher: which shell starts, and what it sets up before either."""

from __future__ import annotations

import sys

import pytest

from idcheck.launcher import _wants_window, main


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["--data-dir", "/x"], True),
        (["--data-dir=/x"], True),
        (["--training"], True),
        (["checklist", "list"], False),
        (["--data-dir", "/x", "db", "verify"], False),
        (["--self-test"], False),
    ],
)
def test_the_window_opens_only_without_a_subcommand(argv, window):
    assert _wants_window(argv) is window


@pytest.mark.skipif(sys.platform == "win32", reason="core files are a POSIX matter")
def test_no_core_file_can_hold_the_key_or_the_answers(capsys):
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (min(1 << 20, hard), hard))
    assert main(["--version"]) == 0  # any start, window or command line
    assert resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)
    assert "idcheck" in capsys.readouterr().out
