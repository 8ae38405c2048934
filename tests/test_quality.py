"""The code-quality gates run as part of the one test command: architecture
contracts (no Qt in the core, no GUI in the command line), lint and types."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_import_contracts_hold() -> None:
    r = _run(str(BIN / "lint-imports"), "--no-cache")
    assert r.returncode == 0, r.stdout + r.stderr


def test_ruff_is_clean() -> None:
    r = _run(sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks", "build_scripts")
    assert r.returncode == 0, r.stdout + r.stderr


def test_code_is_formatted() -> None:
    """One format for every file, so a change's diff shows what it changes."""
    r = _run(
        sys.executable,
        "-m",
        "ruff",
        "format",
        "--check",
        "src",
        "tests",
        "benchmarks",
        "build_scripts",
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_mypy_is_clean() -> None:
    r = _run(sys.executable, "-m", "mypy")
    assert r.returncode == 0, r.stdout + r.stderr


def test_command_line_never_loads_qt() -> None:
    """`idcheck checklist lint` must run on a server with no GL libraries."""
    code = (
        "import sys; from idcheck.cli import main; "
        "rc = main(['checklist', 'list']); "
        "assert 'PySide6' not in sys.modules, 'Qt was imported'; sys.exit(rc)"
    )
    r = _run(sys.executable, "-c", code)
    assert r.returncode == 0, r.stdout + r.stderr


#: Issue 12's proof, kept: no module over this many lines, no class with more
#: methods of its own than this (everything defined in its body: properties,
#: static and class methods, special methods).
MAX_LINES = 500
MAX_METHODS = 25
SRC = ROOT / "src" / "idcheck"


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _methods(tree: ast.AST) -> dict[str, int]:
    """Each class (by its dotted place) and the number of functions in its body."""
    found: dict[str, int] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                name = f"{prefix}{child.name}"
                found[name] = sum(
                    isinstance(c, ast.FunctionDef | ast.AsyncFunctionDef) for c in child.body
                )
                visit(child, name + ".")
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, f"{prefix}{child.name}.")

    visit(tree, "")
    return found


def test_no_module_is_over_500_lines() -> None:
    lines = {
        p.relative_to(SRC): len(p.read_text(encoding="utf-8").splitlines()) for p in _modules()
    }
    assert len(lines) > 100  # every module of the source is read
    assert {str(p): n for p, n in lines.items() if n > MAX_LINES} == {}


def test_no_class_has_more_than_25_methods() -> None:
    counts = {
        f"{p.relative_to(SRC)}:{name}": n
        for p in _modules()
        for name, n in _methods(ast.parse(p.read_text(encoding="utf-8"))).items()
    }
    assert max(counts.values()) > 10  # the count sees methods at all
    assert {name: n for name, n in counts.items() if n > MAX_METHODS} == {}


def test_the_method_count_counts_what_a_class_defines() -> None:
    tree = ast.parse(
        "class A:\n"
        "    x = 1\n"
        "    def a(self): pass\n"
        "    @property\n"
        "    def b(self): return 1\n"
        "    async def c(self): pass\n"
        "    class Inner:\n"
        "        def d(self): pass\n"
        "def f():\n"
        "    class Local:\n"
        "        def e(self): pass\n"
    )
    assert _methods(tree) == {"A": 3, "A.Inner": 1, "f.Local": 1}
