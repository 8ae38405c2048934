"""The scaling table: the same operations on stores of 1,000, 10,000 and 100,000
cases, each case with one completed screening of 40 answers (benchmarks/_stores.py).

    python benchmarks/bench_scale.py [--sizes 1000,10000,100000] [--keep DIR] [--runs N]

For each size: open (unlock included: argon2id), the case list's first page of
200 and the window's list of up to 5,000 (the store query, then the table model
filled and its columns sized to their contents in an offscreen window: what the
worker waits for), a rare search and a search of many hits (FTS5), statistics
(``report.stats.collect`` over every screening), a backup, and ``db verify``
(every audit row, every completed screening's content). Medians of ``--runs``
(default 5; backup and verify 3). ``--keep DIR`` keeps the built stores there
and reuses them on the next run (a 100,000-case store takes minutes to build).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

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


def window_list(store: Store, limit: int) -> Callable[[], int]:
    """The case list as the window fills it: the store's rows, the model reset,
    the table's columns sized to their contents."""
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

    from idcheck.gui.case_table import PAGE, CaseTableModel

    app = QApplication.instance() or QApplication([])
    model = CaseTableModel()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    table = QTableView()
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(CaseTableModel.UPDATED, Qt.SortOrder.DescendingOrder)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.resize(1200, 700)
    table.show()

    def run() -> int:
        model.set_rows(store.list_cases(limit=limit))
        app.processEvents()
        assert model.rowCount() == min(PAGE, len(model.rows))  # the first page, laid out
        return len(model.rows)

    run.keep = (model, proxy, table)  # type: ignore[attr-defined]
    return run


def one_size(folder: Path, n: int, runs: int) -> dict[str, str]:
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
        t, rows = timed(lambda: store.list_cases(limit=200), runs)
        assert isinstance(rows, list) and len(rows) == min(200, n)
        figures["page"] = ms(t)
        shown = window_list(store, 5000)
        shown()
        t, count = timed(shown, runs)
        assert count == min(5000, n)
        figures["window"] = ms(t)
        # A rare search (one case) and one of many hits (Øystein, about 1 in 20).
        t, hits = timed(lambda: store.list_cases("r-000042", limit=5000), runs)
        assert isinstance(hits, list) and len(hits) == 1
        figures["search rare"] = ms(t)
        t, hits = timed(lambda: store.list_cases("oystein", limit=5000), runs)
        assert (
            isinstance(hits, list) and hits and all("Øystein" in (h.given_name or "") for h in hits)
        )
        figures["search many"] = f"{ms(t)} ({len(hits):,} hits)"
        from idcheck.report.stats import collect

        year = dt.date.today().year
        since, until = dt.date(year - 30, 1, 1), dt.date(year + 1, 12, 31)
        t, s = timed(lambda: collect(store, since, until), max(1, runs // 2))
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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--keep", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as d:
        folder = args.keep or Path(d)
        folder.mkdir(parents=True, exist_ok=True)
        table = {}
        for n in sizes:
            print(f"{n:,} cases:", flush=True)
            table[n] = one_size(folder, n, args.runs)
            for k, v in table[n].items():
                print(f"  {k:12} {v}", flush=True)
    what = {
        "open": "open (unlock: argon2id, then the database)",
        "page": "the case list's first 200 cases (store)",
        "window": "the window's list (up to 5,000 read; its first page laid out, columns sized)",
        "search rare": "search, one hit (`r-000042`)",
        "search many": "search, many hits (`oystein` finds Øystein)",
        "statistics": "statistics over every screening (`report.stats.collect`)",
        "backup": "backup (an encrypted copy, synced)",
        "verify": "`db verify` (integrity, triggers, every audit row, every screening's content)",
        "size": "store file",
    }
    cmd = f"`python benchmarks/bench_scale.py --sizes {args.sizes}`"
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
