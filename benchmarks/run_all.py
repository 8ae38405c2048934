"""Run the benchmarks and write their rows of the README's performance table.

    python benchmarks/run_all.py [--only bench_store,bench_report] [--keep DIR]
                                 [--args 'bench_stats=--runs 3'] [--build] [--no-write]

Each ``benchmarks/bench_*.py`` script prints its rows as ``README-ROW {"what": ...,
"figure": ...}`` lines (or, in older scripts, as ``| what | figure | command |``).
This runs the scripts one after another (never side by side: they would measure
each other), shows their output, and in README.md, between
``<!-- performance:start -->`` and ``<!-- performance:end -->``, replaces the rows
of each script that ran with the rows it printed, each with the command that was
run and when: the UTC time it started, the commit measured and the one-minute
load average at its start and end. Rows of scripts that did not run, and any text
under the table, stay as they are. A script that fails leaves its rows alone.

``--only`` runs just the scripts named (``bench_store``, ``store`` or
``bench_store.py``). ``--keep DIR`` gives every script that builds big stores
(those with a ``--keep`` option) ``--keep DIR/<script>``, so a second run reuses
them. ``--args NAME=ARGS`` passes options to one script; they appear in its rows'
command (any absolute path as ``DIR``). Each run is also recorded in
``benchmarks/results/<script>.json`` (its rows, its when and its whole output);
tests/test_run_all.py checks that the README's rows are the rendering of those
records, so a figure edited by hand in such a row is caught.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import json
import os
import re
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks"
RESULTS = HERE / "results"
START = "<!-- performance:start -->"
END = "<!-- performance:end -->"
HEADER = ["| what | figure | command | when |", "|---|---|---|---|"]
OLD_HEADER = ["| what | figure | command |", "|---|---|---|"]
MARK = "README-ROW "
#: The order of the table: these first, then any other ``bench_*.py`` by name, and
#: the window last (its rows end with the frozen build's size).
FIRST = ["bench_checklists.py", "bench_cli.py", "bench_store.py", "bench_report.py"]
LAST = ["bench_gui.py"]


def scripts(folder: Path | None = None) -> list[str]:
    """Every benchmark script in ``folder`` (this one), in the order of the table."""
    found = {p.name for p in (folder or HERE).glob("bench_*.py")}
    middle = sorted(found - set(FIRST) - set(LAST))
    return [n for n in FIRST if n in found] + middle + [n for n in LAST if n in found]


# -- rows -------------------------------------------------------------------------


def cells(line: str) -> list[str] | None:
    """The cells of a table line (``|`` inside code spans or escaped kept), or None."""
    line = line.strip()
    if not (line.startswith("|") and line.endswith("|")) or len(line) < 2:
        return None
    out, cur, code = [], [], False
    for i, ch in enumerate(line[1:-1]):
        if ch == "`":
            code = not code
        if ch == "|" and not code and (i == 0 or line[i] != "\\"):
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur).strip())
    return out


@dataclass(frozen=True)
class Row:
    """One row of the table. ``when`` is None for a row written by hand in the old
    three-column form, which is kept exactly as written (``raw``)."""

    what: str
    figure: str
    command: str
    when: str | None = None
    raw: str | None = None

    def render(self) -> str:
        if self.when is None and self.raw is not None:
            return self.raw
        return f"| {self.what} | {self.figure} | {self.command} | {self.when or ''} |"


def parse_row(line: str) -> Row:
    """A table line as a row; ValueError when it is not one of three or four cells."""
    found = cells(line)
    if found is None or len(found) not in (3, 4) or not all(found[:3]):
        raise ValueError(f"not a row of what | figure | command | when: {line!r}")
    if len(found) == 3:
        return Row(*found, raw=line.rstrip())
    return Row(*found)


CODE = re.compile(r"`([^`]+)`")


def commands(cell: str) -> list[str]:
    """The commands a command cell names: its code spans that start with ``python``."""
    return [c for c in CODE.findall(cell) if c.startswith("python ")]


def script_of(row: Row) -> str | None:
    """The benchmark script (``bench_x.py``) whose output the row is, if any."""
    for c in commands(row.command):
        words = c.split()
        if len(words) > 1 and re.fullmatch(r"benchmarks/bench_\w+\.py", words[1]):
            return words[1].split("/")[1]
    return None


def table(readme: str) -> tuple[str, list[str], str]:
    """The README cut in three: up to the table, the table's lines, the rest."""
    if readme.count(START) != 1 or readme.count(END) != 1:
        raise ValueError(f"README must hold {START} and {END} once each")
    head, rest = readme.split(START, 1)
    body, tail = rest.split(END, 1)
    lines = body.strip("\n").splitlines()
    n = 0
    while n < len(lines) and lines[n].startswith("|"):
        n += 1
    after = "\n".join(lines[n:]).strip("\n")
    return head + START + "\n", lines[:n], ("\n\n" + after if after else "") + "\n" + END + tail


def readme_rows(readme: str) -> list[Row]:
    """Every row of the README's table (header lines left out)."""
    _, lines, _ = table(readme)
    return [parse_row(x) for x in lines if x.strip() not in HEADER + OLD_HEADER]


def merge(rows: list[Row], script: str, new: list[Row], order: list[str]) -> list[Row]:
    """``rows`` with those of ``script`` replaced by ``new``: where its first row was,
    or else before the first row of a script later in ``order`` (else at the end)."""
    at = next((i for i, r in enumerate(rows) if script_of(r) == script), None)
    kept = [r for r in rows if script_of(r) != script]
    if at is None:
        later = set(order[order.index(script) + 1 :]) if script in order else set()
        at = next((i for i, r in enumerate(kept) if script_of(r) in later), len(kept))
    else:
        at = sum(1 for r in rows[:at] if script_of(r) != script)
    return kept[:at] + new + kept[at:]


def write_table(readme: str, rows: list[Row]) -> str:
    """``readme`` with its table's rows replaced, the text under the table kept."""
    head, _, tail = table(readme)
    return head + "\n".join([*HEADER, *(r.render() for r in rows)]) + tail


# -- what a script printed, and when --------------------------------------------


def printed(output: str) -> list[dict[str, str]]:
    """The rows a script printed: ``README-ROW`` JSON lines, or old table lines."""
    out = []
    for line in output.splitlines():
        if line.startswith(MARK):
            data = json.loads(line[len(MARK) :])
            out.append({"what": data["what"], "figure": data["figure"]})
            continue
        found = cells(line)
        header = line.strip() in OLD_HEADER or (found and set(found[0]) <= set("-: "))
        if found and len(found) == 3 and not header:
            out.append({"what": found[0], "figure": found[1], "command": found[2]})
    return out


def when_text(record: dict[str, Any]) -> str:
    """``2026-12-05 12:10 UTC, at a3c5bdf, load 0.7–1.9`` for a recorded run."""
    load = record["load"]
    busy = f", load {load[0]:.1f}–{load[1]:.1f}" if load else ""
    return f"{record['started']}, at {record['commit']}{busy}"


def rendered(record: dict[str, Any]) -> list[Row]:
    """The table rows of one recorded run of a script."""
    bare = f"python benchmarks/{record['script']}"
    out = []
    for r in record["rows"]:
        command = r.get("command", "")
        # An old-style row names the bare script: give it the command that ran.
        if not command or command == f"`{bare}`":
            command = f"`{record['command']}`"
        out.append(Row(r["what"], r["figure"], command, when_text(record)))
    return out


def mismatches(readme: str, results: Path) -> list[str]:
    """What differs between the README's rows and the rendering of the runs recorded
    in ``results``: a row that does not parse, or a recorded script's rows that are
    not, in order, the rows its record renders."""
    try:
        rows = readme_rows(readme)
    except ValueError as e:
        return [str(e)]
    out = []
    for path in sorted(results.glob("bench_*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        want = [r.render() for r in rendered(record)]
        have = [r.render() for r in rows if script_of(r) == record["script"]]
        if want != have:
            out.append(
                f"the README's rows of {record['script']} are not those recorded in "
                f"{path.name}; run `python benchmarks/run_all.py --only {record['script']}`"
                "\n  recorded:\n    "
                + "\n    ".join(want)
                + "\n  README:\n    "
                + "\n    ".join(have)
            )
    return out


def shown(args: list[str]) -> str:
    """Arguments as a row shows them: an absolute path (a kept store) as DIR."""
    return " ".join("DIR" if a.startswith("/") else shlex.quote(a) for a in args)


def commit(script: str, at: str = "HEAD") -> str:
    """The newest commit (from ``at``) that changed what is measured: src, the shared
    benchmark helpers or the script; marked when the worktree differs from it there."""
    paths = ["--", "src", "benchmarks/_*.py", f"benchmarks/{script}"]

    def git(*a: str) -> str:
        return subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True).stdout

    head = git("log", "-1", "--format=%h", "--abbrev=7", at, *paths).strip() or "unknown"
    dirty = at == "HEAD" and git("status", "--porcelain", *paths).strip()
    return f"{head} with uncommitted changes" if dirty else head


def load() -> float | None:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


def run_script(name: str, args: list[str]) -> tuple[int, str, dict[str, Any]]:
    """Run one script; its exit code, output and the record of the run."""
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    measured = commit(name)
    before, t0 = load(), time.perf_counter()
    p = subprocess.run(
        [sys.executable, str(HERE / name), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ,
    )
    after = load()
    out = p.stdout + (f"\n{p.stderr}" if p.returncode else "")
    record = {
        "script": name,
        "command": f"python benchmarks/{name} {shown(args)}".rstrip(),
        "started": started,
        "commit": measured,
        "load": [before, after] if before is not None and after is not None else None,
        "seconds": round(time.perf_counter() - t0, 1),
        "python": sys.version.split()[0],
        "cores": os.cpu_count(),
        "rows": printed(p.stdout),
        "output": p.stdout.splitlines(),
    }
    return p.returncode, out, record


# -- the command line ------------------------------------------------------------


def options(path: Path, *, required: bool = False) -> set[str]:
    """The options a script's argparse accepts (or requires), read from its source."""
    return {
        o
        for names, kw in _add_argument_calls(path)
        for o in names
        if o.startswith("-") and (kw.get("required") or not required)
    }


def _add_argument_calls(path: Path) -> list[tuple[list[str], dict[str, Any]]]:
    types = {"int": int, "float": float, "str": str, "Path": Path}
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "add_argument"
        ):
            continue
        names = [ast.literal_eval(a) for a in node.args]
        kw: dict[str, Any] = {}
        for k in node.keywords:
            if k.arg == "type" and isinstance(k.value, ast.Name):
                kw["type"] = types[k.value.id]
            elif k.arg in ("action", "nargs", "choices", "required", "dest"):
                kw[k.arg] = ast.literal_eval(k.value)
        out.append((names, kw))
    return out


class _Refused(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:
        raise _Refused(message)


def check_command(command: str, root: Path = ROOT) -> str | None:
    """None when ``command`` (``python FILE [options]``) names a file of the project
    whose argparse (when it has one) accepts the options; else what is wrong."""
    words = shlex.split(command)
    if len(words) < 2 or words[0] != "python":
        return f"not a python command: {command}"
    path = root / words[1]
    if not path.is_file():
        return f"no such script: {words[1]}"
    calls = _add_argument_calls(path)
    if not calls:
        return None if len(words) == 2 else f"{words[1]} takes no options: {command}"
    parser = _Parser(prog=words[1], add_help=False)
    for names, kw in calls:
        parser.add_argument(*names, **kw)
    try:
        parser.parse_args(words[2:])
    except _Refused as e:
        return f"{command}: {e}"
    return None


def chosen(only: str | None, names: list[str]) -> list[str]:
    """The scripts ``--only`` names, in the table's order; ValueError for an unknown."""
    if not only:
        return names
    wanted = []
    for w in (x.strip() for x in only.split(",") if x.strip()):
        stem = w.removesuffix(".py")
        stem = stem if stem.startswith("bench_") else f"bench_{stem}"
        if f"{stem}.py" not in names:
            raise ValueError(f"no benchmark script {w!r}; there are {', '.join(names)}")
        wanted.append(f"{stem}.py")
    return [n for n in names if n in wanted]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated scripts, e.g. bench_store,bench_report")
    parser.add_argument("--keep", type=Path, help="keep built stores under DIR, and reuse them")
    parser.add_argument(
        "--args", action="append", default=[], help="NAME=ARGS: options for one script"
    )
    parser.add_argument("--build", action="store_true", help="rebuild the frozen app first")
    parser.add_argument("--no-write", action="store_true", help="print the rows only")
    parser.add_argument(
        "--render", action="store_true", help="only write the rows of the recorded runs again"
    )
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    args = parser.parse_args(argv)
    try:
        names = chosen(args.only, scripts())
    except ValueError as e:
        parser.error(str(e))
    extra: dict[str, list[str]] = {}
    for a in args.args:
        name, _, rest = a.partition("=")
        extra[chosen(name, scripts())[0]] = shlex.split(rest)
    if args.render:
        text = args.readme.read_text(encoding="utf-8")
        rows = readme_rows(text)
        for path in sorted(RESULTS.glob("bench_*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            rows = merge(rows, record["script"], rendered(record), scripts())
        args.readme.write_text(write_table(text, rows), encoding="utf-8")
        return 0
    if args.build:
        subprocess.run([sys.executable, str(ROOT / "build_scripts" / "build.py")], check=True)
    failed: list[str] = []
    for name in names:
        script_args = list(extra.get(name, []))
        needs = options(HERE / name, required=True) - set(script_args)
        if needs:
            print(f"== {name}: skipped, it needs {', '.join(sorted(needs))} (--args)", flush=True)
            continue
        if args.keep and "--keep" in options(HERE / name) and "--keep" not in script_args:
            script_args += ["--keep", str((args.keep / name.removesuffix(".py")).resolve())]
        print(f"== {name} {shown(script_args)}", flush=True)
        code, out, record = run_script(name, script_args)
        print(out.rstrip(), flush=True)
        print(f"== {name}: exit {code} after {record['seconds']:.0f} s", flush=True)
        if code != 0 or not record["rows"]:
            failed.append(name if code else f"{name} (printed no rows)")
            continue
        new = rendered(record)
        print("\n".join(r.render() for r in new))
        if args.no_write:
            continue
        # Written after each script, so a long run's finished scripts are kept.
        text = args.readme.read_text(encoding="utf-8")
        rows = merge(readme_rows(text), name, new, scripts())
        args.readme.write_text(write_table(text, rows), encoding="utf-8")
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"{name.removesuffix('.py')}.json").write_text(
            json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"wrote {len(new)} rows of {name} to {args.readme}", flush=True)
    if failed:
        print(f"rows left as they were: {', '.join(failed)} failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
