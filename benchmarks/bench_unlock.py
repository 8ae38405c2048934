"""Unlock click to the case list shown, in the real window (offscreen).

    python benchmarks/bench_unlock.py --store DIR [--runs N]

DIR is a store made by benchmarks/_stores.py (user ``bench``; for instance one
kept by ``bench_scale.py --keep``). Each run starts a fresh window on it, types
the password, clicks Unlock (QTest), and waits until the case list is the page
shown with its first rows laid out: argon2id, opening the store, reading the
checklists' outcome labels and the list, all as the worker waits for them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import _stores
from _util import ms
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    once(app, args.store)  # untimed: a first unlock may upgrade the store's schema
    times = [once(app, args.store) for _ in range(args.runs)]
    print(
        f"unlock click to the case list shown: median {ms(statistics.median(times))} "
        f"of {[ms(t) for t in times]}"
    )
    print(
        f"| unlock click to the case list shown, in the window ({args.store.name}; argon2id "
        f"t=3, 64 MiB included; goal 1 s) | {ms(statistics.median(times))} | "
        f"`python benchmarks/bench_unlock.py --store DIR` |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
