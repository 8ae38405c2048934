"""Run every benchmark and write the README's performance table.

    python benchmarks/run_all.py [--build] [--no-write] [--readme FILE]

Each ``benchmarks/bench_*.py`` script prints its figures and then README rows,
``| what | figure | command |``. This runs every one of them, one after another
(never side by side: they would measure each other), shows their output, and replaces the
lines between ``<!-- performance:start -->`` and ``<!-- performance:end -->`` in
README.md with the table of every row, in the order below. Nothing is written
when a script fails. ``--build`` rebuilds the frozen app first, so that its rows
(start-up, memory, folder size) are of the code as it is; without it,
``bench_gui.py`` measures the build already in ``build/dist/idcheck`` if there
is one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks"
START = "<!-- performance:start -->"
END = "<!-- performance:end -->"
HEADER = ["| what | figure | command |", "|---|---|---|"]
#: The order of the table: these first, then any other ``bench_*.py`` by name, and
#: the window last (its rows end with the frozen build's size).
FIRST = ["bench_checklists.py", "bench_cli.py", "bench_store.py", "bench_report.py"]
LAST = ["bench_gui.py"]


def scripts(folder: Path = HERE) -> list[str]:
    """Every benchmark script in ``folder``, in the order of the table."""
    found = {p.name for p in folder.glob("bench_*.py")}
    middle = sorted(found - set(FIRST) - set(LAST))
    return [n for n in FIRST if n in found] + middle + [n for n in LAST if n in found]


ROW = re.compile(r"^\| .+ \| .+ \| .+ \|$")


def rows_of(output: str) -> list[str]:
    """The README rows a script printed (any table header lines left out)."""
    return [
        line.rstrip()
        for line in output.splitlines()
        if ROW.match(line.rstrip()) and line.strip() not in HEADER
    ]


def replace_table(readme: str, rows: list[str], note: str) -> str:
    """``readme`` with the lines between the two markers replaced by the table."""
    if readme.count(START) != 1 or readme.count(END) != 1:
        raise ValueError(f"README must hold {START} and {END} once each")
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    table = "\n".join([*HEADER, *rows])
    return f"{head}{START}\n{table}\n\n{note}\n{END}{tail}"


def run_script(path: Path) -> tuple[int, str, float]:
    t0 = time.perf_counter()
    p = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, cwd=ROOT, env=os.environ
    )
    out = p.stdout + (f"\n{p.stderr}" if p.returncode else "")
    return p.returncode, out, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="rebuild the frozen app first")
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    args = parser.parse_args(argv)
    if args.build:
        subprocess.run([sys.executable, str(ROOT / "build_scripts" / "build.py")], check=True)
    rows: list[str] = []
    failed: list[str] = []
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    for name in scripts():
        path = HERE / name
        print(f"== {name}", flush=True)
        code, out, took = run_script(path)
        print(out.rstrip(), flush=True)
        print(f"== {name}: exit {code} after {took:.0f} s", flush=True)
        if code != 0:
            failed.append(name)
            continue
        found = rows_of(out)
        if not found:
            failed.append(f"{name} (printed no README rows)")
        rows += found
    table = "\n".join([*HEADER, *rows])
    print()
    print(table)
    if failed:
        print(f"not written: {', '.join(failed)} failed", file=sys.stderr)
        return 1
    if args.no_write:
        return 0
    # Other work on the machine slows every figure alike; the ratios, measured side
    # by side, move much less than the times.
    busy = f", load average {load:.1f} at the start" if load is not None else ""
    note = (
        f"Written by `python benchmarks/run_all.py` on {dt.date.today().isoformat()} "
        f"({os.cpu_count()} cores{busy}, Python {sys.version.split()[0]}, {sys.platform})."
    )
    text = args.readme.read_text(encoding="utf-8")
    args.readme.write_text(replace_table(text, rows, note), encoding="utf-8")
    print(f"wrote {len(rows)} rows to {args.readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
