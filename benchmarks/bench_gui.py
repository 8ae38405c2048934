"""The window's start-up and memory, side by side in one run (medians of N, interleaved):

* start to the unlock window: a bare PySide6 window (QApplication + QMainWindow
  shown, then quit) against idcheck from source (``python -m idcheck``) and the
  frozen build when ``build/dist/idcheck`` exists; the data folder holds a store,
  so idcheck shows its unlock window. Each process quits as soon as its event
  loop runs (``IDCHECK_QUIT_AFTER_MS=0``): the time is process start to first
  window shown, plus exit. The peak memory of each is the child's maximum
  resident set (``ru_maxrss`` from ``wait4``). Every child may write its
  bytecode cache (into the run's temporary folder, ``PYTHONPYCACHEPREFIX``), as an
  installed package has one: with ``PYTHONDONTWRITEBYTECODE`` set, as in some
  shells, the source would be compiled anew in every run and the bare window's
  site-packages would not;
* the case list with N cases (default 10,000, each with a completed screening):
  the peak memory of the source window, unlocked, with the list filled, against
  the same window over an empty store; and how many cases the list shows;
* the frozen build's folder size.

    python benchmarks/bench_gui.py [--runs N] [--cases N]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FROZEN = ROOT / "build" / "dist" / "idcheck" / "idcheck"
PASSWORD = "benchmark password"
BARE = (
    "import sys; from PySide6.QtWidgets import QApplication, QMainWindow; "
    "from PySide6.QtCore import QTimer; app = QApplication(sys.argv); w = QMainWindow(); "
    "w.show(); QTimer.singleShot(0, app.quit); sys.exit(app.exec())"
)
# The window unlocked over the store in sys.argv[1] with the case list filled;
# prints the rows the list holds, its caption and the resident memory then (kB).
CASE_LIST = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from idcheck.gui.app import MainWindow
from idcheck.store import Store
w = MainWindow(Path(sys.argv[1]))
w.resize(1000, 680)
w.show()
w.start_unlocked(Store.open(Path(sys.argv[1]), "bench", sys.argv[2]))
app.processEvents()
rss = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmRSS:"))
print(len(w.cases.model.rows), "|", w.cases.shown.text(), "|", rss)
w.lock()
"""


# Runs one command and prints its wall-clock time, peak memory and CPU time (user
# and system; steadier than the wall clock on a busy machine). A child's
# ru_maxrss also counts what it inherited at fork, so the command is started from
# this small process (about 10 MB), not from the benchmark with its stores in memory.
MEASURE = """
import os, subprocess, sys, time
with open(sys.argv[1], "wb") as out, open(sys.argv[2], "wb") as err:
    t0 = time.perf_counter()
    p = subprocess.Popen(sys.argv[3:], stdout=out, stderr=err)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
print(wall, usage.ru_maxrss, os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime)
"""


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str, float]:
    """Wall-clock seconds, peak resident memory (MB, ru_maxrss from wait4),
    standard output and CPU seconds (user and system) of one run of ``cmd``."""
    with tempfile.TemporaryDirectory() as d:
        out, err = Path(d) / "out", Path(d) / "err"
        r = subprocess.run(
            [sys.executable, "-c", MEASURE, str(out), str(err), *cmd],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        wall, kib, code, cpu = r.stdout.split()
        if int(code) != 0:
            raise SystemExit(f"{cmd[0]} failed ({code}): {err.read_text()[-2000:]}")
        return float(wall), int(kib) / 1024, out.read_text(), float(cpu)


def make_store(folder: Path, cases: int) -> None:
    """A store with ``cases`` cases, each with a completed screening and a decision,
    inserted in one transaction (the rows the window lists are the same)."""
    from sqlalchemy import insert

    from idcheck.checklist import find, load_checklist_bytes
    from idcheck.store import Store
    from idcheck.store.schema import cases as case_table
    from idcheck.store.schema import checklist_texts, screenings

    store, _ = Store.create(folder, "bench", PASSWORD)
    if cases:
        text = find("intake-screen").path.read_bytes()
        checklist = load_checklist_bytes(text)
        sha = hashlib.sha256(text).hexdigest()
        now = time.time()
        with store.engine.begin() as conn:
            conn.execute(insert(checklist_texts).values(sha256=sha, text=text))
            conn.execute(
                insert(case_table),
                [
                    {
                        "reference": f"B-{i:06d}",
                        "given_name": f"Given{i}",
                        "family_name": f"Family{i}",
                        "search_key": f"b-{i:06d} given{i} family{i}",
                        "name_key": f"given{i} family{i}",
                        "age_disputed": False,
                        "status": "open",
                        "created_at": now - i,
                        "updated_at": now - i,
                        "created_by": 1,
                    }
                    for i in range(cases)
                ],
            )
            conn.execute(
                insert(screenings),
                [
                    {
                        "case_id": i + 1,
                        "checklist_id": checklist.id,
                        "checklist_version": checklist.version,
                        "checklist_sha256": sha,
                        "status": "completed",
                        "started_at": now - i,
                        "started_by": 1,
                        "completed_at": now - i,
                        "suggested_outcome": "full-screening",
                        "decision_outcome": "full-screening",
                        "decided_by": 1,
                        "decided_at": now - i,
                    }
                    for i in range(cases)
                ],
            )
    store.lock()


def folder_mb(path: Path) -> float:
    return (
        sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    rows: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "store"
        make_store(data, 0)
        env = {
            **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache"),
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "IDCHECK_QUIT_AFTER_MS": "0",
            "IDCHECK_DATA_DIR": str(data),
        }
        cmds = {
            "bare PySide6 window": [sys.executable, "-c", BARE],
            "idcheck (source)": [sys.executable, "-m", "idcheck"],
        }
        if FROZEN.exists():
            cmds["idcheck (frozen)"] = [str(FROZEN)]
        else:
            print(f"no frozen build at {FROZEN}: run build_scripts/build.py to compare it")
        times: dict[str, list[float]] = {k: [] for k in cmds}
        peaks: dict[str, list[float]] = {k: [] for k in cmds}
        cpus: dict[str, list[float]] = {k: [] for k in cmds}
        for cmd in cmds.values():  # warm the file cache and write the bytecode once
            run(cmd, env)
        for _ in range(args.runs):
            for name, cmd in cmds.items():
                wall, peak, _, cpu = run(cmd, env)
                times[name].append(wall)
                cpus[name].append(cpu)
                peaks[name].append(peak)

        big = Path(tmp) / "big"
        make_store(big, args.cases)
        list_env = {**env, "IDCHECK_DATA_DIR": ""}
        list_runs = max(3, args.runs // 3)
        empty: list[tuple[float, float]] = []
        full: list[tuple[float, float]] = []
        shown = ""
        for _ in range(list_runs):
            _, peak, out, _ = run([sys.executable, "-c", CASE_LIST, str(data), PASSWORD], list_env)
            empty.append((peak, int(out.rsplit("|", 1)[1]) / 1024))
            _, peak, shown, _ = run([sys.executable, "-c", CASE_LIST, str(big), PASSWORD], list_env)
            full.append((peak, int(shown.rsplit("|", 1)[1]) / 1024))

    med = {k: statistics.median(v) for k, v in times.items()}
    mem = {k: statistics.median(v) for k, v in peaks.items()}
    cpu = {k: statistics.median(v) for k, v in cpus.items()}
    bare, bare_cpu = med["bare PySide6 window"], cpu["bare PySide6 window"]
    print(
        f"start to first window, {args.runs} runs each, interleaved "
        "(median time, CPU time, peak memory):"
    )
    for name in cmds:
        print(
            f"  {name:22} {med[name] * 1000:7.0f} ms ({med[name] / bare:.2f}x the bare window)"
            f"  CPU {cpu[name] * 1000:5.0f} ms ({cpu[name] / bare_cpu:.2f}x)"
            f"  {mem[name]:6.0f} MB"
        )
    listed, caption, _ = (s.strip() for s in shown.split("|"))
    e_peak, e_rss = (statistics.median(x) for x in zip(*empty, strict=True))
    f_peak, f_rss = (statistics.median(x) for x in zip(*full, strict=True))
    print(f"window unlocked, case list filled, {list_runs} runs (peak / resident once listed):")
    print(f"  empty store      {e_peak:4.0f} MB / {e_rss:4.0f} MB")
    print(
        f"  {args.cases:6,} cases    {f_peak:4.0f} MB / {f_rss:4.0f} MB "
        f'(+{f_rss - e_rss:.0f} MB resident); the list holds {listed} rows: "{caption}"'
    )
    print("  (the peak is the unlock: argon2id takes 64 MiB while it runs)")
    print()
    src, src_cpu = med["idcheck (source)"], cpu["idcheck (source)"]
    cmd = "`python benchmarks/bench_gui.py`"
    rows.append(
        f"| start to the unlock window, source install vs a bare PySide6 window (goal "
        f"1.5x) | {src * 1000:.0f} ms vs {bare * 1000:.0f} ms: **{src / bare:.2f}x** "
        f"(CPU time {src_cpu * 1000:.0f} ms vs {bare_cpu * 1000:.0f} ms: "
        f"{src_cpu / bare_cpu:.2f}x) | {cmd} |"
    )
    if "idcheck (frozen)" in med:
        fz = med["idcheck (frozen)"]
        rows.append(
            f"| start to the unlock window, frozen build vs source install | "
            f"{fz * 1000:.0f} ms vs {src * 1000:.0f} ms: **{fz / src:.2f}x** | {cmd} |"
        )
        rows.append(
            f"| peak memory to the unlock window: frozen, source, bare PySide6 window | "
            f"{mem['idcheck (frozen)']:.0f} MB, {mem['idcheck (source)']:.0f} MB, "
            f"{mem['bare PySide6 window']:.0f} MB | {cmd} |"
        )
    else:
        rows.append(
            f"| peak memory to the unlock window: source, bare PySide6 window | "
            f"{mem['idcheck (source)']:.0f} MB, {mem['bare PySide6 window']:.0f} MB | "
            f"{cmd} |"
        )
    note = (
        f"; the list holds the newest {listed}, and says to search or filter for the rest"
        if int(listed) < args.cases
        else ""
    )
    rows.append(
        f"| memory of the unlocked window with {args.cases:,} cases in the list vs an "
        f"empty store: resident once listed (peak, during the unlock's argon2id) | "
        f"{f_rss:.0f} MB vs {e_rss:.0f} MB ({f_peak:.0f} MB vs {e_peak:.0f} MB){note} | "
        f"{cmd} |"
    )
    if FROZEN.exists():
        rows.append(
            f"| frozen build folder (Linux, one folder; goal under 150 MB) | "
            f"{folder_mb(FROZEN.parent):.0f} MB | `python build_scripts/build.py` |"
        )
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
