"""Small helpers shared by the benchmark scripts: repeated timing and summaries."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path


def readme_row(what: str, figure: str) -> None:
    """Print one row of the README's performance table for ``run_all.py``, which
    adds the command that was run and when (time, commit, load)."""
    print("README-ROW " + json.dumps({"what": what, "figure": figure}, ensure_ascii=False))


def repeat(fn: Callable[[], object], runs: int, warmup: int = 1) -> list[float]:
    """Wall-clock seconds of ``runs`` calls after ``warmup`` untimed ones."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def pct(samples: list[float], q: float) -> float:
    s = sorted(samples)
    k = min(len(s) - 1, max(0, round(q / 100 * (len(s) - 1))))
    return s[k]


def ms(x: float) -> str:
    return f"{x * 1000:.1f} ms"


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def time_stats_command(data: Path, tmp: Path, password: str, runs: int) -> list[float]:
    """Wall-clock seconds of ``idcheck stats`` for 2025 run ``runs`` times as a new
    process (imports, unlock and counting), as user ``bench`` of the store in ``data``."""
    pw = tmp / "pw"
    pw.write_text(password + "\n")
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "idcheck",
                "--data-dir",
                str(data),
                "stats",
                "--from",
                "2025-01-01",
                "--to",
                "2025-12-31",
                "--user",
                "bench",
                "--password-file",
                str(pw),
                "--out",
                str(tmp / "stats.csv"),
            ],
            capture_output=True,
            text=True,
            env=dict(os.environ),
            check=False,
        )
        out.append(time.perf_counter() - t0)
        assert r.returncode == 0, r.stderr
    return out
