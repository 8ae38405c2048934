"""The walk-through's answer path in the real window (offscreen), side by side with
the store calls it makes, in one run (medians of N, interleaved):

* one key press that answers an indicator, one item at a time: the answer saved
  with its context and audit row, the position kept, and the next item built and
  shown;
* the same key press one section at a time: saved, show-if re-applied, the focus
  moved to the next item of the section (nothing rebuilt);
* the store alone: ``record_answer`` + ``set_position``, the two calls the window
  makes per answer, on the same store;
* opening the largest section of the full screening (19 items with their answer
  controls).

    python benchmarks/bench_walk.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from idcheck.gui.session import store_behind

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import median, ms

FULL = "child-trafficking-full@1.0.0"
PASSWORD = "benchmark password"
SECTION = "recruitment"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")  # the walk preference
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from idcheck.checklist import Answer
        from idcheck.gui.app import MainWindow
        from idcheck.store import AnswerContext, CaseDetails, Store
        from idcheck.store.keys import MINIMUM_KDF

        app = QApplication([])
        # Slots at the floor cost: unlocking is not timed here.
        store, _ = Store.create(tmp / "store", "bench", PASSWORD, kdf=MINIMUM_KDF)
        store.create_case(CaseDetails(reference="2026-B1"))
        store.lock()
        w = MainWindow(tmp / "store")
        w.resize(1200, 760)
        w.show()
        w.unlock_page.user.setText("bench")
        w.unlock_page.password.setText(PASSWORD)
        w.unlock_page.unlock().wait()
        w.cases.table.selectRow(0)
        w.cases.screen_selected(checklist_ref=FULL)
        view = w.screening_view
        s = store_behind(w.session)
        other = s.start_screening(
            view.record.case_id, view.checklist, view.record.checklist_text,
            view.record.checklist_sha256,
        )  # fmt: skip
        items = [i.id for i in view.checklist.sections[4].items]
        assert view.checklist.sections[4].id == SECTION
        ctx = AnswerContext(source="observed", language="en")
        item_mode, section_mode, bare, opening = [], [], [], []
        for run in range(args.runs + 1):
            item_id = items[run % (len(items) - 1)]
            value = "no" if run % 2 else "unsure"
            key = Qt.Key.Key_N if run % 2 else Qt.Key.Key_U
            # one item at a time
            view.set_mode("item")
            view.show_item(item_id)
            app.processEvents()
            t0 = time.perf_counter()
            QTest.keyClick(view.panel, key)
            t1 = time.perf_counter()
            assert view.answers[item_id].value == value
            # the store alone
            t2 = time.perf_counter()
            s.record_answer(other, item_id, Answer(value=value), ctx)
            s.set_position(other, items[run % (len(items) - 1) + 1])
            t3 = time.perf_counter()
            # opening the section, then one section at a time
            view.show_item(view.checklist.sections[3].items[0].id)
            view.set_mode("section")
            app.processEvents()
            t4 = time.perf_counter()
            view.show_item(item_id)
            t5 = time.perf_counter()
            app.processEvents()
            value = "unsure" if run % 2 else "no"
            key = Qt.Key.Key_U if run % 2 else Qt.Key.Key_N
            t6 = time.perf_counter()
            QTest.keyClick(view.panel, key)
            t7 = time.perf_counter()
            assert view.answers[item_id].value == value
            if run:  # the first round warms up
                item_mode.append(t1 - t0)
                bare.append(t3 - t2)
                opening.append(t5 - t4)
                section_mode.append(t7 - t6)
        w.lock()
    ratio = median(item_mode) / median(bare)
    print(f"walk-through, full screening, {args.runs} runs interleaved:")
    print(f"  answer by key, one item at a time   {ms(median(item_mode))}")
    print(f"  answer by key, one section at a time {ms(median(section_mode))}")
    print(f"  store alone (record_answer + set_position) {ms(median(bare))}")
    print(f"  ratio item mode / store alone        {ratio:.1f}x")
    print(f"  opening a 19-item section            {ms(median(opening))}")
    print(
        "| walk-through: a key press answers, saves (with context and audit row) and shows "
        "the next item / one section at a time / the store calls alone / opening a 19-item "
        f"section | {ms(median(item_mode))} / {ms(median(section_mode))} / {ms(median(bare))} "
        f"(**{ratio:.1f}x** the store alone) / {ms(median(opening))} | "
        "`python benchmarks/bench_walk.py` |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
