"""The benchmark runner rewrites only the README's performance table."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("run_all", ROOT / "benchmarks" / "run_all.py")
assert _spec is not None and _spec.loader is not None
run_all = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run_all)

README = """# x

intro | not a row

## Performance

<!-- performance:start -->
| what | figure | command |
|---|---|---|
| old | 1 ms | `old` |
<!-- performance:end -->

## Building
| a | b | c |
"""


def test_rows_are_the_table_lines_a_script_printed():
    out = "load all 700 ms\n| what | figure | command |\n| load | 7 ms | `x` |\nnot | a row\n"
    assert run_all.rows_of(out) == ["| load | 7 ms | `x` |"]


def test_only_the_lines_between_the_markers_change():
    new = run_all.replace_table(README, ["| new | 2 ms | `new` |"], "Written today.")
    head, tail = (
        README.split("<!-- performance:start -->")[0],
        README.split("<!-- performance:end -->")[1],
    )
    assert new.startswith(head) and new.endswith(tail)
    assert "| old |" not in new
    assert (
        "| what | figure | command |\n|---|---|---|\n| new | 2 ms | `new` |\n\nWritten today.\n"
        in new
    )
    # Idempotent: writing the same table again changes nothing.
    assert run_all.replace_table(new, ["| new | 2 ms | `new` |"], "Written today.") == new


def test_a_readme_without_both_markers_is_refused():
    with pytest.raises(ValueError, match="performance:start"):
        run_all.replace_table(README.replace("<!-- performance:end -->", ""), [], "")


def test_the_readme_has_the_markers_once():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.count(run_all.START) == 1 and text.count(run_all.END) == 1
    assert text.index(run_all.START) < text.index(run_all.END)


def test_every_benchmark_script_is_run_in_the_table_order(tmp_path):
    for name in ("bench_gui.py", "bench_zeta.py", "bench_store.py", "bench_alpha.py", "_util.py"):
        (tmp_path / name).write_text("")
    assert run_all.scripts(tmp_path) == [
        "bench_store.py",
        "bench_alpha.py",
        "bench_zeta.py",
        "bench_gui.py",
    ]
