"""The walk-through's answer path in the real window (offscreen), side by side with
the store call it makes, in one run (medians of N, interleaved):

* one key press that answers an indicator, one item at a time: the answer saved
  with its context, audit row and the next position (one commit), and the next
  item shown in the same panel; timed to the key press handled, and to the
  events it posted processed too (layout and paint of the next item);
* the same key press one section at a time: saved, show-if re-applied, the focus
  moved to the next item of the section;
* the store alone: ``record_answer(..., position=next)``, the one call the window
  makes per answer, on the same store;
* opening the largest section of the full screening (19 items with their answer
  controls), the section's panels bound to its items.

    python benchmarks/bench_walk.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import median, ms, readme_row

FULL = "child-trafficking-full@1.1.0"
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
        from idcheck.gui.session import store_behind
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
        walk = view.walk
        s = store_behind(w.session)
        record = s.get_screening(view.screening_id, audit=False)
        other = s.start_screening(
            record.case_id, walk.checklist, record.checklist_text, record.checklist_sha256
        )
        items = [i.id for i in walk.checklist.sections[4].items]
        assert walk.checklist.sections[4].id == SECTION
        ctx = AnswerContext(source="observed", language="en")
        handled, shown, section_mode, bare, opening = [], [], [], [], []
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
            app.processEvents()
            t2 = time.perf_counter()
            assert walk.answers[item_id].value == value
            assert walk.current == items[run % (len(items) - 1) + 1]
            # the store alone
            nxt = items[run % (len(items) - 1) + 1]
            t3 = time.perf_counter()
            s.record_answer(other, item_id, Answer(value=value), ctx, position=nxt)
            t4 = time.perf_counter()
            # opening the section, then one section at a time
            view.show_item(walk.checklist.sections[3].items[0].id)
            view.set_mode("section")
            app.processEvents()
            t5 = time.perf_counter()
            view.show_item(item_id)
            app.processEvents()
            t6 = time.perf_counter()
            value = "unsure" if run % 2 else "no"
            key = Qt.Key.Key_U if run % 2 else Qt.Key.Key_N
            t7 = time.perf_counter()
            QTest.keyClick(view.panel, key)
            app.processEvents()
            t8 = time.perf_counter()
            assert walk.answers[item_id].value == value
            if run:  # the first round warms up
                handled.append(t1 - t0)
                shown.append(t2 - t0)
                bare.append(t4 - t3)
                opening.append(t6 - t5)
                section_mode.append(t8 - t7)
        w.lock()
    ratio = median(shown) / median(bare)
    print(f"walk-through, full screening, {args.runs} runs interleaved:")
    print(f"  answer by key, one item at a time, handled     {ms(median(handled))}")
    print(f"  the same, until the next item is shown          {ms(median(shown))}")
    print(f"  answer by key, one section at a time (shown)    {ms(median(section_mode))}")
    print(f"  store alone (record_answer with the position)   {ms(median(bare))}")
    print(f"  ratio item mode shown / store alone             {ratio:.1f}x")
    print(f"  opening a 19-item section (shown)               {ms(median(opening))}")
    readme_row(
        "walk-through: a key press answers, saves (with context, audit row and the next "
        "position, one commit) and shows the next item / one section at a time / the store "
        "call alone / opening a 19-item section (each until its events are processed)",
        f"{ms(median(shown))} / {ms(median(section_mode))} / {ms(median(bare))} "
        f"(**{ratio:.1f}x** the store alone) / {ms(median(opening))}",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
