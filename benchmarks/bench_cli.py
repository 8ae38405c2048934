"""Time the command line's start, side by side with a bare interpreter.

    python benchmarks/bench_cli.py [--runs N]

Each command runs in a fresh process, the commands taking turns (so a busy
moment of the machine falls on all of them alike); the figure is the median
wall-clock time from starting the process to its exit.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import median, ms, pct, readme_row

ROOT = Path(__file__).resolve().parents[1]
COMMANDS: list[tuple[str, list[str]]] = [
    ("python -c pass", ["-c", "pass"]),
    ("idcheck --version", ["-m", "idcheck", "--version"]),
    ("idcheck --help", ["-m", "idcheck", "--help"]),
    ("idcheck checklist list", ["-m", "idcheck", "checklist", "list"]),
]


def run_once(argv: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, *argv], check=True, capture_output=True, cwd=ROOT, env=ENV)
    return time.perf_counter() - t0


ENV = dict(os.environ, PYTHONPATH=str(ROOT / "src"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    for _name, argv in COMMANDS:  # warm the file cache
        run_once(argv)
    times: dict[str, list[float]] = {name: [] for name, _ in COMMANDS}
    for _ in range(args.runs):
        for name, argv in COMMANDS:
            times[name].append(run_once(argv))
    bare = median(times["python -c pass"])
    print(f"{args.runs} runs each, taking turns (median / p90)")
    for name, _ in COMMANDS:
        t = times[name]
        print(f"  {name:24} {ms(median(t)):>10} / {ms(pct(t, 90))}")
    goals = {"idcheck --version": "; goal 150 ms", "idcheck checklist list": "; goal 300 ms"}
    for name, _ in COMMANDS[1:]:
        t = median(times[name])
        readme_row(
            f"`{name}`, fresh process (a bare `python -c pass`: {ms(bare)}{goals.get(name, '')})",
            f"{ms(t)} ({ms(t - bare)} over the bare interpreter)",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
