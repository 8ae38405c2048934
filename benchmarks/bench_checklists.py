"""Time loading and validating every bundled checklist, and linting them.

    python benchmarks/bench_checklists.py [--runs N]

Three figures for loading every bundled file (read, event-stream safety checks,
libyaml's parse, pydantic validation, reference checks):

* cold: the first load in a fresh process (the imports timed apart), the median
  of ``--runs`` processes;
* warm: the same files again in that process (the cache of validated files, by
  SHA-256);
* uncached: in one process with the cache emptied before each run (the parse
  and validation alone), and the same through the located (pure-Python) reading
  that errors are reported from, side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import median, ms, pct, readme_row, repeat

from idcheck.checklist import bundled_root, entries
from idcheck.checklist.catalogue import newest_entries
from idcheck.checklist.lint import lint_paths
from idcheck.checklist.loader import clear_cache, load_any, parse_yaml, validate_any

ROOT = Path(__file__).resolve().parents[1]
FRESH = """
import json, sys, time
t0 = time.perf_counter()
from idcheck.checklist import entries, load_entry
from idcheck.checklist.catalogue import newest_entries
t1 = time.perf_counter()
es = newest_entries() if sys.argv[1:] == ["newest"] else entries()
for e in es:
    load_entry(e)
t2 = time.perf_counter()
for e in es:
    load_entry(e)
t3 = time.perf_counter()
print(json.dumps([t1 - t0, t2 - t1, t3 - t2]))
"""


def fresh_process(which: str = "all") -> tuple[float, float, float]:
    """(imports, cold, warm) in a fresh process, over every installed file or the
    newest version of each id (what the window reads when it starts)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run(
        [sys.executable, "-c", FRESH, which], check=True, capture_output=True, text=True, env=env
    ).stdout
    imports, cold, warm = json.loads(out)
    return imports, cold, warm


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    root = bundled_root()
    files = [e.path for e in entries(root)]
    print(f"{len(files)} files in {root}, {args.runs} runs each (median / p90)")

    def uncached(f: Path) -> None:
        clear_cache()
        load_any(f)

    def located(f: Path) -> None:
        raw = f.read_bytes()
        validate_any(parse_yaml(raw, str(f)))

    for f in files:
        t = repeat(lambda f=f: uncached(f), args.runs)
        print(f"  load {f.parent.name}/{f.name:12} {ms(median(t)):>10} / {ms(pct(t, 90))}")
    total = repeat(lambda: [uncached(f) for f in files], args.runs)
    slow = repeat(lambda: [located(f) for f in files], max(3, args.runs // 3))
    lint = repeat(lambda: (clear_cache(), lint_paths([root])), max(3, args.runs // 3))
    runs, newest = [], []
    for _ in range(args.runs):  # taking turns, so both see the same load
        runs.append(fresh_process())
        newest.append(fresh_process("newest"))
    imports = median([r[0] for r in runs])
    cold = median([r[1] for r in runs])
    warm = median([r[2] for r in runs])
    cold_newest = median([r[1] for r in newest])
    n_newest = len(newest_entries(root))
    print(f"  load all, uncached             {ms(median(total)):>10} / {ms(pct(total, 90))}")
    print(f"  load all, located reading      {ms(median(slow)):>10} / {ms(pct(slow, 90))}")
    print(f"  lint all                       {ms(median(lint)):>10} / {ms(pct(lint, 90))}")
    print(f"  fresh process: imports {ms(imports)}, cold {ms(cold)}, warm {ms(warm)}")
    print(f"  fresh process, the newest version of each ({n_newest} files): cold {ms(cold_newest)}")
    readme_row(
        f"load and validate every bundled checklist ({len(files)} files): cold in a fresh "
        "process (goal 100 ms) / warm (goal 10 ms); the imports before; cold, the newest "
        f"version of each ({n_newest} files, what the window reads when it starts)",
        f"{ms(cold)} / {ms(warm)}; imports {ms(imports)}; newest {ms(cold_newest)}",
    )
    readme_row(
        "the same, uncached, libyaml's reading vs the located (pure-Python) one errors are "
        "reported from; lint of every file",
        f"{ms(median(total))} vs {ms(median(slow))}; lint {ms(median(lint))}",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
