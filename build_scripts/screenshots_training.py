"""Screenshots of the training room, its projector and the guide, for the README.

    xvfb-run -a -s "-screen 0 1280x800x24" python build_scripts/screenshots_training.py

Writes to docs/screenshots (or --out): the projector full screen at 200 % and at
300 % on an item with a trauma-informed reading, the trainer's page of the same
item, an exercise at its reveal on the projector, and Help → Guide. Everything
runs in a training store (synthetic cases in a throw-away folder), driven by the
same keys a trainer presses.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from idcheck.checklist import Indicator
    from idcheck.checklist import guide as guides
    from idcheck.gui.app import STYLE, MainWindow
    from idcheck.gui.guide import GuideDialog
    from idcheck.training import TrainingStore

    app = QApplication(sys.argv[:1])
    app.setStyleSheet(STYLE)

    def settle() -> None:
        for _ in range(20):
            app.processEvents()

    def shot(widget, name: str) -> None:
        settle()
        path = args.out / f"{name}.png"
        widget.grab().save(str(path))
        print(f"wrote {path}")

    with TrainingStore() as training:
        w = MainWindow(training.data_dir, training=True)
        w.resize(1200, 720)
        w.show()
        w.start_unlocked(training.store)
        w.activateWindow()
        settle()
        QTest.keyClick(w.cases.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        room = w.training_room
        items = room.items
        # the full checklist, on its first item with a trauma-informed reading
        full = next(i for i, c in enumerate(items.checklists) if c.id == "child-trafficking-full")
        items.checklist_box.setCurrentIndex(full)
        ids = items.checklist.item_ids()
        row = next(
            n
            for n, item_id in enumerate(ids)
            if isinstance(items.checklist.item(item_id), Indicator)
            and items.checklist.item(item_id).reading is not None
        )
        items.items.setCurrentRow(row)
        items.items.setFocus()
        shot(w, "training-room")
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F5)  # the projector
        projector = room.projector
        # full screen on the projector's screen (Xvfb has no window manager to do it)
        screen = projector.screen().geometry()
        projector.setGeometry(screen)
        settle()
        assert projector.percent == 200
        shot(projector, "projector-200")
        for _ in range(4):  # Ctrl++ up to 300 %
            QTest.keyClick(projector, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        assert projector.percent == 300
        shot(projector, "projector-300")
        for _ in range(2):  # back to 200 %
            QTest.keyClick(projector, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(projector, Qt.Key.Key_Escape)
        settle()
        # an exercise to its reveal, as the room sees it
        room.tabs.setCurrentWidget(room.cases)
        panel = room.cases
        panel.chooser.setCurrentIndex(
            next(i for i in range(panel.chooser.count()) if "06" in panel.chooser.itemText(i))
        )
        panel.view.setFocus()
        for step in panel.exercise.steps:
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
            if step.asks_room:
                key = Qt.Key.Key_Y if step.item_id == "adult-controls" else Qt.Key.Key_N
                QTest.keyClick(QApplication.focusWidget(), key)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
        QTest.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F5)
        settle()
        shot(projector, "projector-reveal")
        QTest.keyClick(projector, Qt.Key.Key_Escape)
        settle()

        # Help → Guide (framed TRAINING, as every dialog of training mode)
        def grab_guide() -> None:
            for top in QApplication.topLevelWidgets():
                if isinstance(top, GuideDialog) and top.isVisible():
                    QTest.keyClicks(top.search, "age")
                    shot(top, "guide-window")
                    top.reject()
                    return
            QTimer.singleShot(50, grab_guide)

        QTimer.singleShot(50, grab_guide)
        guide = guides.bundled_guide()
        assert guide.sections
        QTest.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_Escape)  # back to cases
        settle()
        QTest.keyClick(w.cases.table, Qt.Key.Key_F1, Qt.KeyboardModifier.ControlModifier)
        w.lock()
    return 0


if __name__ == "__main__":
    sys.exit(main())
