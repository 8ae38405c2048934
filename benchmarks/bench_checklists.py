"""Time loading and validating every bundled checklist, and linting them.

    python benchmarks/bench_checklists.py [--runs N]

Loading is measured fresh each run (no cache): read, event-stream safety checks,
round-trip parse, pydantic validation and reference checks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import median, ms, pct, repeat

from idcheck.checklist import bundled_root, entries
from idcheck.checklist.lint import lint_paths
from idcheck.checklist.loader import load_any


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    root = bundled_root()
    files = [e.path for e in entries(root)]
    print(f"{len(files)} files in {root}, {args.runs} runs each (median / p90)")
    for f in files:
        t = repeat(lambda f=f: load_any(f), args.runs)
        print(f"  load {f.parent.name}/{f.name:12} {ms(median(t)):>10} / {ms(pct(t, 90))}")
    total = repeat(lambda: [load_any(f) for f in files], args.runs)
    lint = repeat(lambda: lint_paths([root]), max(3, args.runs // 3))
    print(f"  load all                       {ms(median(total)):>10} / {ms(pct(total, 90))}")
    print(f"  lint all                       {ms(median(lint)):>10} / {ms(pct(lint, 90))}")
    print(
        f"| load and validate every bundled checklist ({len(files)} files, uncached) | "
        f"{ms(median(total))} (lint: {ms(median(lint))}) | `python benchmarks/bench_checklists.py` |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
