"""The README's performance table: every row parses, names a command that exists
with options its script accepts, and the rows the benchmark runner wrote are the
rendering of the runs it recorded. No timing here: the figures are the scripts'."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("run_all", ROOT / "benchmarks" / "run_all.py")
assert _spec is not None and _spec.loader is not None
run_all = importlib.util.module_from_spec(_spec)
sys.modules["run_all"] = run_all  # dataclasses look their module up
_spec.loader.exec_module(run_all)

README = """# x

intro | not a row

## Performance

<!-- performance:start -->
| what | figure | command | when |
|---|---|---|---|
| load | 1 ms | `python benchmarks/bench_a.py` | 2026-12-01 10:00 UTC, at abc1234, load 0.5–1.0 |
| by hand | 2 ms | `python benchmarks/bench_b.py` (2026-12-02, load about 4) |
| build | 3 MB | `python build_scripts/build.py` then `du -sm x` |

Under the table.
<!-- performance:end -->

## Building
| a | b | c |
"""


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def _record(script: str, rows: list[dict[str, str]], **kw: object) -> dict[str, object]:
    return {
        "script": script,
        "command": f"python benchmarks/{script}",
        "started": "2026-12-05 12:00 UTC",
        "commit": "abc1234",
        "load": [0.5, 1.25],
        "rows": rows,
        **kw,
    }


# -- the README as it is ------------------------------------------------------


def test_the_readme_has_the_markers_once_and_the_four_column_header():
    text = _readme()
    assert text.count(run_all.START) == 1 and text.count(run_all.END) == 1
    assert text.index(run_all.START) < text.index(run_all.END)
    _, lines, _ = run_all.table(text)
    assert lines[:2] == run_all.HEADER


def test_every_row_of_the_readme_table_parses_and_renders_as_written():
    _, lines, _ = run_all.table(_readme())
    rows = [x for x in lines[2:]]
    assert len(rows) >= 20
    for line in rows:
        row = run_all.parse_row(line)  # ValueError names the line
        assert row.render() == line, f"this row does not render as written:\n{line}"


def test_every_row_names_a_command_that_exists_with_options_its_script_accepts():
    problems = []
    for row in run_all.readme_rows(_readme()):
        found = run_all.commands(row.command)
        if not found:
            problems.append(f"no `python ...` command in: {row.command}")
        problems += [p for c in found if (p := run_all.check_command(c)) is not None]
    assert not problems, "\n".join(problems)


def test_the_rows_the_runner_wrote_are_the_rendering_of_its_recorded_runs():
    """A figure edited by hand in a row ``run_all.py`` wrote is caught here: run the
    script again (``--only``), or measure by hand and say so in the old row form."""
    assert run_all.mismatches(_readme(), run_all.RESULTS) == []


# -- the runner's parts, on made-up tables --------------------------------------


def test_a_row_parses_into_its_cells_with_pipes_inside_code_kept():
    row = run_all.parse_row("| `a | b` x | 1 ms | `python benchmarks/bench_a.py --runs 3` | t |")
    assert row == run_all.Row("`a | b` x", "1 ms", "`python benchmarks/bench_a.py --runs 3`", "t")
    assert run_all.script_of(row) == "bench_a.py"
    for broken in (
        "| only | two |",
        "| a | | `python x.py` | t |",
        "no pipes",
        "| a | b | c | d | e |",
    ):
        with pytest.raises(ValueError, match="not a row"):
            run_all.parse_row(broken)


def test_an_old_three_column_row_is_kept_exactly_as_written():
    line = "| by hand | 2 ms | `python benchmarks/bench_b.py` (2026-12-02, load about 4) |"
    row = run_all.parse_row(line)
    assert row.when is None and row.render() == line
    assert run_all.script_of(row) == "bench_b.py"


def test_rewriting_one_script_changes_only_its_rows_and_keeps_the_text_under_the_table():
    new = [run_all.Row("load", "9 ms", "`python benchmarks/bench_a.py`", "now")]
    rows = run_all.merge(run_all.readme_rows(README), "bench_a.py", new, [])
    out = run_all.write_table(README, rows)
    head, tail = README.split(run_all.START)[0], README.split(run_all.END)[1]
    assert out.startswith(head) and out.endswith(tail)
    assert "| load | 9 ms | `python benchmarks/bench_a.py` | now |" in out
    assert "| load | 1 ms |" not in out
    assert "| by hand | 2 ms |" in out and "| build | 3 MB |" in out
    assert "\n\nUnder the table.\n<!-- performance:end -->" in out
    # Idempotent: writing the same rows again changes nothing.
    assert run_all.write_table(out, run_all.readme_rows(out)) == out
    # An old three-column header becomes the four-column one.
    old = README.replace(
        "| what | figure | command | when |\n|---|---|---|---|", "\n".join(run_all.OLD_HEADER)
    )
    assert run_all.write_table(old, run_all.readme_rows(old)) == README


def test_a_script_whose_rows_are_new_goes_in_the_table_order():
    rows = run_all.readme_rows(README)
    new = [run_all.Row("c", "1 ms", "`python benchmarks/bench_c.py`", "now")]
    order = ["bench_a.py", "bench_c.py", "bench_b.py"]
    merged = run_all.merge(rows, "bench_c.py", new, order)
    assert [r.what for r in merged] == ["load", "c", "by hand", "build"]
    # A script replacing several rows, among them old ones, puts its new rows there.
    two = [run_all.Row(w, "1 ms", "`python benchmarks/bench_b.py`", "now") for w in ("x", "y")]
    assert [r.what for r in run_all.merge(rows, "bench_b.py", two, order)] == [
        "load",
        "x",
        "y",
        "build",
    ]


def test_what_a_script_prints_becomes_rows_with_the_command_run_and_when():
    out = (
        "load all 700 ms\n"
        'README-ROW {"what": "answer save | p50", "figure": "0.7 ms"}\n'
        "| what | figure | command |\n|---|---|---|\n"
        "| old style | 7 ms | `python benchmarks/bench_x.py` |\n"
        "not | a row\n"
    )
    printed = run_all.printed(out)
    assert printed == [
        {"what": "answer save | p50", "figure": "0.7 ms"},
        {"what": "old style", "figure": "7 ms", "command": "`python benchmarks/bench_x.py`"},
    ]
    record = _record("bench_x.py", printed, command="python benchmarks/bench_x.py --runs 3")
    rows = run_all.rendered(record)
    when = "2026-12-05 12:00 UTC, at abc1234, load 0.5–1.2"
    assert [r.render() for r in rows] == [
        f"| answer save | p50 | 0.7 ms | `python benchmarks/bench_x.py --runs 3` | {when} |",
        f"| old style | 7 ms | `python benchmarks/bench_x.py --runs 3` | {when} |",
    ]


def test_a_figure_edited_by_hand_in_a_written_row_is_caught(tmp_path):
    record = _record("bench_a.py", [{"what": "load", "figure": "1 ms"}])
    record["started"], record["load"] = "2026-12-01 10:00 UTC", [0.5, 1.0]
    (tmp_path / "bench_a.json").write_text(json.dumps(record))
    assert run_all.mismatches(README, tmp_path) == []
    edited = README.replace("| load | 1 ms |", "| load | 0.9 ms |")
    assert run_all.mismatches(edited, tmp_path) != []
    gone = README.replace("| load | 1 ms |", "| load | 1 ms | extra |")
    assert run_all.mismatches(gone, tmp_path) != []


def test_a_command_is_checked_against_its_scripts_argparse():
    assert run_all.check_command("python benchmarks/bench_store.py --answers 300") is None
    assert run_all.check_command("python benchmarks/bench_unlock.py --store DIR") is None
    assert run_all.check_command("python benchmarks/bench_long_text.py") is None
    assert "no such script" in run_all.check_command("python benchmarks/bench_nope.py")
    assert "unrecognized" in run_all.check_command("python benchmarks/bench_store.py --nope 1")
    assert "invalid int" in run_all.check_command("python benchmarks/bench_store.py --answers x")
    assert "required" in run_all.check_command("python benchmarks/bench_unlock.py")
    assert "takes no options" in run_all.check_command("python benchmarks/bench_long_text.py -v")


def test_only_names_scripts_in_the_table_order_and_refuses_an_unknown_one():
    names = ["bench_store.py", "bench_report.py", "bench_walk.py"]
    assert run_all.chosen("walk,bench_store.py", names) == ["bench_store.py", "bench_walk.py"]
    assert run_all.chosen(None, names) == names
    with pytest.raises(ValueError, match="bench_nope"):
        run_all.chosen("bench_nope", names)


def test_a_kept_store_s_path_shows_as_dir():
    assert run_all.shown(["--keep", "/tmp/x/bench_store", "--runs", "3"]) == "--keep DIR --runs 3"


def test_the_runner_runs_one_script_and_writes_its_rows_and_record(tmp_path, monkeypatch):
    here = tmp_path / "benchmarks"
    here.mkdir()
    (here / "bench_a.py").write_text(
        "import argparse, json\n"
        "p = argparse.ArgumentParser()\n"
        "p.add_argument('--keep')\n"
        "a = p.parse_args()\n"
        "print('README-ROW ' + json.dumps({'what': 'load', 'figure': 'kept ' + str(bool(a.keep))}))\n"
    )
    (here / "bench_b.py").write_text("raise SystemExit('must not run')\n")
    readme = tmp_path / "README.md"
    readme.write_text(README)
    monkeypatch.setattr(run_all, "HERE", here)
    monkeypatch.setattr(run_all, "RESULTS", here / "results")
    code = run_all.main(["--only", "a", "--keep", str(tmp_path / "k"), "--readme", str(readme)])
    assert code == 0
    text = readme.read_text()
    (row,) = [r for r in run_all.readme_rows(text) if run_all.script_of(r) == "bench_a.py"]
    assert (row.what, row.figure) == ("load", "kept True")
    assert row.command == "`python benchmarks/bench_a.py --keep DIR`"
    assert row.when is not None and row.when.startswith("20") and " UTC, at " in row.when
    assert "| by hand | 2 ms |" in text and "Under the table." in text
    assert run_all.mismatches(text, here / "results") == []
    record = json.loads((here / "results" / "bench_a.json").read_text())
    assert record["output"] and record["rows"] == [{"what": "load", "figure": "kept True"}]


def test_a_script_that_needs_an_option_is_skipped_unless_given_it(tmp_path, monkeypatch):
    here = tmp_path / "benchmarks"
    here.mkdir()
    (here / "bench_a.py").write_text(
        "import argparse, json\n"
        "p = argparse.ArgumentParser()\n"
        "p.add_argument('--store', required=True)\n"
        "a = p.parse_args()\n"
        "print('README-ROW ' + json.dumps({'what': 'load', 'figure': a.store}))\n"
    )
    readme = tmp_path / "README.md"
    readme.write_text(README)
    monkeypatch.setattr(run_all, "HERE", here)
    monkeypatch.setattr(run_all, "RESULTS", here / "results")
    assert run_all.main(["--only", "a", "--readme", str(readme)]) == 0
    assert readme.read_text() == README
    assert run_all.main(["--only", "a", "--args", "a=--store x", "--readme", str(readme)]) == 0
    (row,) = [r for r in run_all.readme_rows(readme.read_text()) if r.what == "load"]
    assert (row.figure, row.command) == ("x", "`python benchmarks/bench_a.py --store x`")


def test_a_failing_script_leaves_its_rows_alone(tmp_path, monkeypatch):
    here = tmp_path / "benchmarks"
    here.mkdir()
    (here / "bench_a.py").write_text("raise SystemExit(3)\n")
    readme = tmp_path / "README.md"
    readme.write_text(README)
    monkeypatch.setattr(run_all, "HERE", here)
    monkeypatch.setattr(run_all, "RESULTS", here / "results")
    assert run_all.main(["--only", "bench_a", "--readme", str(readme)]) == 1
    assert readme.read_text() == README
    assert not (here / "results").exists()


def test_every_benchmark_script_is_run_in_the_table_order(tmp_path):
    for name in ("bench_gui.py", "bench_zeta.py", "bench_store.py", "bench_alpha.py", "_util.py"):
        (tmp_path / name).write_text("")
    assert run_all.scripts(tmp_path) == [
        "bench_store.py",
        "bench_alpha.py",
        "bench_zeta.py",
        "bench_gui.py",
    ]
