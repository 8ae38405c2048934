"""Small helpers shared by the benchmark scripts: repeated timing and summaries."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


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
