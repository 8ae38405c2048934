"""The command line starts without importing what it does not use: ``--version``
and ``--help`` build the parser only, and a subcommand imports its own module
when it runs (timings are in benchmarks/bench_cli.py, not here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from idcheck.choices import LETTER_RECIPIENTS
from idcheck.cli import build_parser
from idcheck.cli.commands import Lazy

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "alembic", "reportlab", "pydantic", "PySide6", "ruamel", "sqlcipher3")


def imported_after(argv: list[str]) -> tuple[int, set[str], str]:
    """Run ``idcheck ARGV`` in a fresh interpreter; the top-level packages it imported."""
    code = (
        "import sys\n"
        "from idcheck.launcher import main\n"
        f"rc = main({argv!r})\n"
        "print('MODULES', ' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
        "sys.exit(rc)\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    line = next(x for x in r.stdout.splitlines() if x.startswith("MODULES "))
    return r.returncode, set(line.split()[1:]), r.stdout


@pytest.mark.parametrize(
    "argv", [["--version"], ["--help"], ["stats", "--help"], ["checklist", "list", "--help"]]
)
def test_version_and_help_import_nothing_heavy(argv: list[str]) -> None:
    rc, modules, out = imported_after(argv)
    assert rc == 0
    assert "idcheck" in out  # the version line or the usage was printed
    assert not modules & set(HEAVY), f"{argv} imported {sorted(modules & set(HEAVY))}"


def test_a_subcommand_imports_what_it_uses() -> None:
    """The check above can fail: running a command that needs the models imports them."""
    rc, modules, out = imported_after(["checklist", "list"])
    assert rc == 0, out
    assert "child-trafficking-full" in out
    assert "pydantic" in modules
    assert "PySide6" not in modules and "sqlalchemy" not in modules
    # list reads and validates; the lint and diff machinery wait for their commands
    assert "idcheck.checklist.lint" not in modules and "idcheck.checklist.diff" not in modules


def test_every_subcommand_names_a_handler_that_exists() -> None:
    Lazy.made.clear()
    build_parser()
    handlers = list(Lazy.made)
    assert len(handlers) >= 19
    for h in handlers:
        module = __import__(f"idcheck.cli.{h.module}", fromlist=[h.function])
        assert callable(getattr(module, h.function)), h


def test_a_subcommand_runs_the_handler_it_names(capsys) -> None:
    """The handlers counted above are the ones the parser runs."""
    args = build_parser().parse_args(["checklist", "list"])
    assert isinstance(args.handler, Lazy) and args.handler in Lazy.made
    assert args.handler(args) == 0
    assert "child-trafficking-full" in capsys.readouterr().out


def test_parser_choices_are_the_ones_the_report_and_store_use() -> None:
    from idcheck import choices
    from idcheck.report.letter import RECIPIENTS
    from idcheck.store import JURISDICTIONS, PRINT_LANGUAGES

    assert tuple(RECIPIENTS) == LETTER_RECIPIENTS
    assert JURISDICTIONS is choices.JURISDICTIONS
    assert PRINT_LANGUAGES is choices.PRINT_LANGUAGES
