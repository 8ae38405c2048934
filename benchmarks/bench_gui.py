"""Start-up of the window, side by side in one run (medians of N, interleaved):

* a bare PySide6 window (QApplication + QMainWindow shown, then quit);
* idcheck from source (``python -m idcheck``: the unlock window shown, then quit);
* the frozen build, when ``build/dist/idcheck`` exists (and its folder size).

Each process quits as soon as its event loop runs (``IDCHECK_QUIT_AFTER_MS=0``),
so the time is process start to first window shown, plus exit.

    python benchmarks/bench_gui.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = (
    "import sys; from PySide6.QtWidgets import QApplication, QMainWindow; "
    "from PySide6.QtCore import QTimer; app = QApplication(sys.argv); w = QMainWindow(); "
    "w.show(); QTimer.singleShot(0, app.quit); sys.exit(app.exec())"
)


def timed(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    return time.perf_counter() - t0


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    frozen = ROOT / "build" / "dist" / "idcheck" / "idcheck"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "IDCHECK_QUIT_AFTER_MS": "0", "IDCHECK_DATA_DIR": tmp}
        cmds = {"bare PySide6 window": [sys.executable, "-c", BARE],
                "idcheck (source)": [sys.executable, "-m", "idcheck"]}
        if frozen.exists():
            cmds["idcheck (frozen)"] = [str(frozen)]
        times: dict[str, list[float]] = {k: [] for k in cmds}
        for cmd in cmds.values():  # warm the file cache once
            timed(cmd, env)
        for _ in range(args.runs):
            for name, cmd in cmds.items():
                times[name].append(timed(cmd, env))
    bare = statistics.median(times["bare PySide6 window"])
    for name, t in times.items():
        m = statistics.median(t)
        print(f"{name:22} median {m * 1000:7.0f} ms  ({m / bare:.2f}x the bare window)")
    src = statistics.median(times["idcheck (source)"])
    print()
    print(f"| start to the unlock window, source install vs a bare PySide6 window | "
          f"{src * 1000:.0f} ms vs {bare * 1000:.0f} ms: **{src / bare:.2f}x** | "
          f"`python benchmarks/bench_gui.py` |")
    if "idcheck (frozen)" in times:
        fz = statistics.median(times["idcheck (frozen)"])
        print(f"| start to the unlock window, frozen build vs source install | "
              f"{fz * 1000:.0f} ms vs {src * 1000:.0f} ms | `python benchmarks/bench_gui.py` |")
        print(f"| frozen build folder (Linux, one-folder) | {folder_mb(frozen.parent):.0f} MB | "
              f"`python build_scripts/build.py` |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
