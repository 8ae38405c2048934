"""Unlock click to the case list shown, in the real window (offscreen).

    python benchmarks/bench_unlock.py --store DIR [--runs N] [--fresh N]

DIR is a store made by benchmarks/_stores.py (user ``bench``; for instance one
kept by ``bench_scale.py --keep``). Each run starts a fresh window on it, types
the password, clicks Unlock (QTest), and waits until the case list is the page
shown with its first rows laid out: argon2id, opening the store, reading the
checklists' outcome labels and the list, all as the worker waits for them.

Two figures: ``--runs`` unlocks in one process after an untimed first one (the
store stack imported, the checklists read), and ``--fresh`` processes started
one after another, each timing its own first unlock: what a worker who has just
started the program waits for (the store stack imported and the checklists read
as part of it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import _stores
from _util import ms, readme_row
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from idcheck.gui.app import MainWindow


def once(app: QApplication, store: Path) -> float:
    window = MainWindow(store)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    page = window.unlock_page
    page.user.setText("bench")
    page.password.setText(_stores.PASSWORD)
    loop = QEventLoop()
    shown: list[float] = []

    def check() -> None:
        if window.stack.currentWidget() is window.cases and window.cases.model.rowCount() > 0:
            shown.append(time.perf_counter())
            loop.quit()

    poll = QTimer()
    poll.setInterval(2)
    poll.timeout.connect(check)
    poll.start()
    QTimer.singleShot(120_000, loop.quit)
    t0 = time.perf_counter()
    QTest.mouseClick(page.button, Qt.MouseButton.LeftButton)
    loop.exec()  # as the application's own event loop runs it
    poll.stop()
    if not shown:
        raise SystemExit("the case list did not show in 120 s")
    took = shown[0] - t0
    window.lock()
    window.close()
    window.deleteLater()
    app.processEvents()
    return took


def fresh(store: Path) -> float:
    """A first unlock, in a process of its own started for it."""
    out = subprocess.run(
        [sys.executable, __file__, "--store", str(store), "--one"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    ).stdout
    return float(out.split("FIRST ")[1].split()[0])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--fresh", type=int, default=5, help="processes, each one first unlock")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    if args.one:
        print(f"FIRST {once(app, args.store)}", flush=True)
        return 0
    once(app, args.store)  # untimed: a first unlock may upgrade the store's schema
    times = [once(app, args.store) for _ in range(args.runs)]
    firsts = [fresh(args.store) for _ in range(args.fresh)]
    print(
        f"unlock click to the case list shown: median {ms(statistics.median(times))} "
        f"of {[ms(t) for t in times]}"
    )
    print(
        f"first unlock in a fresh process: median {ms(statistics.median(firsts))} "
        f"of {[ms(t) for t in firsts]}"
    )
    name = args.store.name
    if name.startswith("store-") and name[6:].isdigit():  # bench_scale's stores
        name = f"a store of {int(name[6:]):,} cases, each a completed screening of 40 answers"
    readme_row(
        f"unlock click to the case list shown, in the window ({name}; argon2id "
        "t=3, 64 MiB included; goal 1 s): the first unlock after starting the program / "
        "another one in the same process",
        f"{ms(statistics.median(firsts))} / {ms(statistics.median(times))}",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
