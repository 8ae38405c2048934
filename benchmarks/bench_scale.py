"""The scaling table: the same operations on stores of 1,000, 10,000 and 100,000
cases, each case with one completed screening of 40 answers (benchmarks/_stores.py).

    python benchmarks/bench_scale.py [--sizes 1000,10000,100000] [--keep DIR] [--runs N]
                                     [--only list|store]

For each size: open (unlock included: argon2id), the case list's first page of
200 from the store, and the case list in the real window (offscreen), unlocked
as the worker does it, timed from a key press or click until the table is
painted: the list read anew (Enter in the search box), a search of many hits,
the next page (Ctrl+End at the end of the table), sorting by reference, by name
and back;
then a rare search and a search of many hits in the store (FTS5), statistics
(``report.stats.collect`` over every screening), a backup, and ``db verify``
(every audit row, every completed screening's content). Medians of ``--runs``
(default 5; statistics, backup and verify 3; sorting once). ``--only list`` measures the
case list's rows alone, ``--only store`` the store's (size, open, statistics,
backup, verify). ``--keep DIR`` keeps the built stores there and reuses
them on the next run (a 100,000-case store takes minutes to build).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import _stores
from _util import ms

from idcheck.store import Store


def timed(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    out = None
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


class Window:
    """The real window, unlocked on a store as the worker does it (the unlock
    page, then the case list), for timing what the worker waits for: a key
    press or click until the case list has been read anew and painted."""

    def __init__(self, path: Path) -> None:
        from PySide6.QtCore import QEvent, QObject, Qt, QTimer
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from idcheck.gui.app import MainWindow

        self.app = QApplication.instance() or QApplication([])
        self.QTest, self.Qt = QTest, Qt
        self.window = MainWindow(path)
        self.window.resize(1280, 800)
        self.window.show()
        page = self.window.unlock_page
        page.user.setText("bench")
        page.password.setText(_stores.PASSWORD)
        QTest.mouseClick(page.button, Qt.MouseButton.LeftButton)
        if page.opening is not None:
            page.opening.wait()
        self.app.processEvents()
        self.cases = self.window.cases
        self.window.show_cases()
        assert self.cases.isVisible() and self.cases.model.rowCount() > 0
        self.waiting: tuple[Any, Callable[[], bool]] | None = None
        self.painted = False
        window = self

        class Painted(QObject):
            def eventFilter(self, obj: QObject, event: QEvent) -> bool:
                waiting = window.waiting
                if event.type() == QEvent.Type.Paint and waiting and waiting[1]():
                    window.waiting = None
                    window.painted = True
                    QTimer.singleShot(0, waiting[0].quit)  # once this paint is done
                return False

        self.filter = Painted()
        self.cases.table.viewport().installEventFilter(self.filter)

    def until_painted(
        self, act: Callable[[], None], done: Callable[[], bool] = lambda: True
    ) -> float:
        """Seconds from ``act`` (a key press or click) until the table has been
        painted with ``done`` holding, in an event loop as the application runs
        (a busy processEvents() loop once crashed PySide here: none_dealloc)."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        self.app.processEvents()
        t0 = time.perf_counter()
        self.waiting, self.painted = (loop, done), False
        act()  # QTest may deliver events itself: painted already, then
        guard = QTimer()
        guard.setSingleShot(True)
        guard.timeout.connect(loop.quit)
        guard.start(120_000)
        if not self.painted:
            loop.exec()
        took = time.perf_counter() - t0
        if not self.painted:
            raise SystemExit("the case list was not painted in 120 s")
        guard.stop()
        return took

    def search(self, text: str) -> float:
        """The search box holds ``text``; Enter, until the list is painted."""
        self.cases.search.setText(text)
        return self.until_painted(
            lambda: self.QTest.keyClick(self.cases.search, self.Qt.Key.Key_Return)
        )

    def next_page(self) -> float:
        """Ctrl+End in the table: the next page read and painted."""
        table = self.cases.table
        table.setFocus()
        if not table.currentIndex().isValid():  # a key moves from the current row
            table.setCurrentIndex(table.model().index(0, 0))
        before = table.model().rowCount()
        took = self.until_painted(
            lambda: self.QTest.keyClick(
                table, self.Qt.Key.Key_End, self.Qt.KeyboardModifier.ControlModifier
            ),
            lambda: table.model().rowCount() > before,
        )
        # No case chosen: the list read anew need not keep one in sight.
        table.selectionModel().clear()
        return took

    def sort_by(self, column: int) -> float:
        """A click on a column's header, until the list is painted sorted by it."""
        header = self.cases.table.horizontalHeader()
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        from PySide6.QtCore import QPoint

        return self.until_painted(
            lambda: self.QTest.mouseClick(
                header.viewport(),
                self.Qt.MouseButton.LeftButton,
                self.Qt.KeyboardModifier.NoModifier,
                QPoint(x, header.height() // 2),
            )
        )

    def sort_every_case(self, column: int) -> tuple[float, float, float]:
        """A click on a column worked out for each case (Screenings): seconds
        until the rows read so far are painted sorted, until every case has been
        read off the UI thread and painted sorted, and the longest the UI thread
        did not answer in between (a 5 ms timer's longest gap)."""
        from PySide6.QtCore import QTimer

        model = self.cases.model
        first = self.sort_by(column)
        t0 = time.perf_counter() - first
        ticks = [time.perf_counter()]
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start()
        if model.sorting:
            self.until_painted(lambda: None, lambda: not model.sorting)
        every = time.perf_counter() - t0
        timer.stop()
        ticks.append(time.perf_counter())
        gap = max(b - a for a, b in itertools.pairwise(ticks))
        assert not model.sorting and model.complete
        return first, every, gap

    def close(self) -> None:
        self.window.lock()
        self.window.close()
        self.window.deleteLater()
        self.app.processEvents()


def median_of(fn: Callable[[], float], runs: int) -> float:
    return statistics.median(fn() for _ in range(runs))


def window_figures(path: Path, n: int, runs: int) -> dict[str, str]:
    """The case list in the real window: Enter in the empty search box (the
    list read anew), Enter on a search of many hits, Ctrl+End for the next
    page, clicks sorting by reference and by name (each a page read through its
    index) and back."""
    from idcheck.gui.case_table import PAGE

    w = Window(path)
    try:
        figures: dict[str, str] = {}
        w.search("")
        figures["window"] = ms(median_of(lambda: w.search(""), runs))

        def many() -> float:
            w.search("")  # another search before: this one starts at the top
            return w.search("oystein")

        t = median_of(many, runs)
        hits = w.cases.shown.text().rsplit(" ", 1)[-1]
        assert all("Øystein" in (r.given_name or "") for r in w.cases.model.rows)
        assert w.cases.model.rowCount() == min(PAGE, len(w.cases.model.rows))
        figures["window search"] = f"{ms(t)} ({hits} hits)"

        def next_page() -> float:
            w.search("oystein")
            w.search("")  # the first page of the whole list
            return w.next_page()

        figures["next page"] = ms(median_of(next_page, runs))
        w.search("oystein")
        w.search("")
        t_ref = w.sort_by(0)
        assert len(w.cases.model.rows) <= 2 * PAGE  # a page or two, read by its index
        t_name = w.sort_by(1)
        assert len(w.cases.model.rows) <= 2 * PAGE  # a page or two, read by the name index
        t_back = w.sort_by(w.cases.model.UPDATED)
        figures["sort"] = f"{ms(t_ref)}, {ms(t_name)}, back {ms(t_back)}"
        first, every, gap = w.sort_every_case(w.cases.model.HEADERS.index("Screenings"))
        figures["sort every"] = f"{ms(first)}, {ms(every)}, {ms(gap)}"
        w.sort_by(w.cases.model.UPDATED)
        return figures
    finally:
        w.close()


def store_figures(folder: Path, n: int, runs: int) -> dict[str, str]:
    """The store's own rows: file size, open, statistics, backup and verify."""
    path = folder / f"store-{n}"
    if not (path / "idcheck.db").exists():
        t0 = time.perf_counter()
        _stores.build(path, n)
        print(f"  built {n:,} cases in {time.perf_counter() - t0:.0f} s", flush=True)
    size = (path / "idcheck.db").stat().st_size / 1e6
    figures: dict[str, str] = {"size": f"{size:.0f} MB"}
    t, _ = timed(lambda: Store.open(path, "bench", _stores.PASSWORD).lock(), 3)
    figures["open"] = ms(t)
    store = Store.open(path, "bench", _stores.PASSWORD)
    try:
        from idcheck.report.stats import collect

        # By month over this calendar year and the last (24 periods), as an
        # administrator asks for them: every screening of a built store is in
        # that span (the range join grows with the number of periods: 31 years
        # by month, 384 periods, took 2.4 s at 100,000 cases against 0.6 s).
        year = dt.date.today().year
        since, until = dt.date(year - 1, 1, 1), dt.date(year, 12, 31)
        t, s = timed(lambda: collect(store, since, until), max(3, runs // 2))
        assert s.counts[("total", "total", "all")] == n  # type: ignore[attr-defined]
        figures["statistics"] = ms(t)
        target = folder / f"backup-{n}.idcheck"

        def backup() -> None:
            target.unlink(missing_ok=True)
            store.backup(target)

        t, _ = timed(backup, 3)
        target.unlink(missing_ok=True)
        figures["backup"] = ms(t)
        t, result = timed(store.verify, 3)
        assert result.ok, result.messages  # type: ignore[attr-defined]
        figures["verify"] = f"{ms(t)} ({result.audit_rows:,} audit rows)"  # type: ignore[attr-defined]
    finally:
        store.lock()
    return figures


def store_searches(store: Store, runs: int) -> dict[str, str]:
    """A rare search (one case) and one of many hits (Øystein, about 1 in 20),
    up to 5,000 read, in the store."""
    figures = {}
    t, hits = timed(lambda: store.list_cases("r-000042", limit=5000), runs)
    assert isinstance(hits, list) and len(hits) == 1
    figures["search rare"] = ms(t)
    t, hits = timed(lambda: store.list_cases("oystein", limit=5000), runs)
    assert isinstance(hits, list) and hits and all("Øystein" in (h.given_name or "") for h in hits)
    figures["search many"] = f"{ms(t)} ({len(hits):,} hits)"
    return figures


def list_figures(folder: Path, n: int, runs: int) -> dict[str, str]:
    path = folder / f"store-{n}"
    if not (path / "idcheck.db").exists():
        t0 = time.perf_counter()
        _stores.build(path, n)
        print(f"  built {n:,} cases in {time.perf_counter() - t0:.0f} s", flush=True)
    figures = window_figures(path, n, runs)
    store = Store.open(path, "bench", _stores.PASSWORD)
    try:
        t, rows = timed(lambda: store.list_cases(limit=200), runs)
        assert isinstance(rows, list) and len(rows) == min(200, n)
        figures["page"] = ms(t)
        figures.update(store_searches(store, runs))
    finally:
        store.lock()
    return figures


def one_size(folder: Path, n: int, runs: int) -> dict[str, str]:
    """Every row: the case list's, then the store's."""
    return {**list_figures(folder, n, runs), **store_figures(folder, n, runs)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--keep", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--only",
        choices=("all", "list", "store"),
        default="all",
        help="list: only the case list's rows (store and window); store: only the store's "
        "(file size, open, statistics, backup and verify)",
    )
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as d:
        folder = args.keep or Path(d)
        folder.mkdir(parents=True, exist_ok=True)
        table = {}
        for n in sizes:
            print(f"{n:,} cases:", flush=True)
            measure = {"list": list_figures, "store": store_figures, "all": one_size}[args.only]
            table[n] = measure(folder, n, args.runs)
            for k, v in table[n].items():
                print(f"  {k:12} {v}", flush=True)
    what = {
        "open": "open (unlock: argon2id, then the database)",
        "page": "the case list's first 200 cases (store)",
        "window": "the case list read anew in the window (Enter in the search box until "
        "the table is painted: its first page of 100 read with their counts, the "
        "number of cases counted, laid out, columns sized to it)",
        "next page": "the case list's next page in the window (Ctrl+End at its end until "
        "painted: 100 more read from the store on the UI thread)",
        "window search": "search of many hits in the window (`oystein` finds Øystein; Enter "
        "until painted, the first 100 hits read, all counted)",
        "sort": "sort the case list by reference, by name (each a page read by its index), "
        "and back to newest first, in the window (a header click until painted)",
        "sort every": "sort the case list by Screenings (a column worked out for each case), "
        "in the window: a header click until the rows read so far are painted sorted / until "
        "every case is read off the UI thread and painted sorted / the UI thread's longest "
        "time without answering meanwhile (a 5 ms timer's longest gap)",
        "search rare": "search, one hit (`r-000042`), store",
        "search many": "search, many hits (`oystein` finds Øystein), store, up to 5,000 read",
        "statistics": "statistics over every screening, by month over this year and the last "
        "(`report.stats.collect`, 24 periods)",
        "backup": "backup (an encrypted copy, synced)",
        "verify": "`db verify` (integrity, triggers, every audit row, every screening's content)",
        "size": "store file",
    }
    what = {k: v for k, v in what.items() if all(k in table[n] for n in sizes)}
    only = "" if args.only == "all" else f" --only {args.only}"
    cmd = f"`python benchmarks/bench_scale.py --sizes {args.sizes} --keep DIR{only}`"
    heads = " / ".join(f"{n:,}" for n in sizes)
    print()
    for key, label in what.items():
        values = " / ".join(table[n][key] for n in sizes)
        print(
            f"| {label}, at {heads} cases (each a completed screening of 40 answers) | "
            f"{values} | {cmd} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
