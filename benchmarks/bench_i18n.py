"""What the interface preferences cost at start-up, side by side in one run
(medians of N fresh processes, interleaved):

* process start to the unlock window shown, then exit, with ``UiPrefs.load`` and
  ``i18n.apply`` for Norwegian at 200 % (translators loaded, the style sheet
  scaled, the app font, the layout direction) against the same window after
  ``app.setStyleSheet(STYLE)`` alone, as it started before preferences existed;
* inside one process, ``UiPrefs.load`` + ``i18n.apply`` on their own.

    python benchmarks/bench_i18n.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "build_scripts"))

from _util import median, ms, readme_row  # noqa: E402

# argv: data folder, translations folder, "prefs" or "plain"; prints the seconds
# load + apply took (0 for plain).
CHILD = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from idcheck.gui.app import STYLE, MainWindow
t0 = time.perf_counter()
if sys.argv[3] == "prefs":
    from idcheck.gui import i18n
    i18n.apply(app, i18n.UiPrefs.load(Path(sys.argv[1])), style=STYLE, folder=Path(sys.argv[2]))
else:
    app.setStyleSheet(STYLE)
took = time.perf_counter() - t0
w = MainWindow(Path(sys.argv[1]))
w.resize(1000, 680)
w.show()
QTimer.singleShot(0, app.quit)
app.exec()
print(took)
"""


def run(data: Path, qm: Path, mode: str) -> tuple[float, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.perf_counter()
    p = subprocess.run(
        [sys.executable, "-c", CHILD, str(data), str(qm), mode],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - t0, float(p.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    import translations

    from idcheck.gui import i18n

    with tempfile.TemporaryDirectory() as tmp:
        qm = Path(tmp) / "qm"
        translations.compile_all(qm, force=True)
        data = Path(tmp) / "data"
        i18n.UiPrefs("nb", 200).save(data)
        plain: list[float] = []
        prefs: list[float] = []
        inside: list[float] = []
        run(data, qm, "plain")  # warm the file cache
        for _ in range(args.runs):  # interleaved, so both see the same machine
            plain.append(run(data, qm, "plain")[0])
            total, took = run(data, qm, "prefs")
            prefs.append(total)
            inside.append(took)
    p, a, i = median(plain), median(prefs), median(inside)
    print(f"start to window shown: {ms(a)} with preferences (nb, 200 %), {ms(p)} without")
    print(f"UiPrefs.load + i18n.apply inside the process: {ms(i)}")
    readme_row(
        "start to the first window with interface preferences (nb, 200 %) vs the same "
        "window without",
        f"{ms(a)} vs {ms(p)} ({a / p:.2f}x); load + apply {ms(i)}",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
