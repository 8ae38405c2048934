"""The training room by keyboard: the projector follows the trainer's window and
never shows a trainer's note; an exercise runs to its reveal; every dialog of
training mode says TRAINING and leaves the banner in sight; nothing of it is
written to any store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from idcheck.checklist import Indicator, text_for
from idcheck.gui.app import MainWindow
from idcheck.gui.presenter import bundled_checklists
from idcheck.training import TrainingStore

from .conftest import when_shown

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def training(qtbot):
    with TrainingStore() as t:
        w = MainWindow(t.data_dir, training=True)
        qtbot.addWidget(w)
        w.resize(1200, 760)
        w.show()
        w.start_unlocked(t.store)
        w.activateWindow()
        qtbot.waitActive(w)
        yield w, t
        w.lock()


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def open_room(qtbot, w):
    qtbot.keyClick(focus(), Qt.Key.Key_T, CTRL)
    room = w.stack.currentWidget()
    assert room is getattr(w, "training_room", None)
    return room


def escape(qtbot, dialog) -> bool:
    """Press Escape where the keyboard focus is (inside the active dialog): True
    when that closed it."""
    assert QApplication.activeWindow() is dialog
    assert dialog.isAncestorOf(focus())
    qtbot.keyClick(focus(), Qt.Key.Key_Escape)
    return not dialog.isVisible()


def whole_text(widget: QWidget) -> str:
    """Every text anything in the widget's tree carries: labels, buttons, names,
    tips, the window title."""
    texts = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        for attr in ("text", "toPlainText", "accessibleName", "accessibleDescription", "toolTip"):
            fn = getattr(child, attr, None)
            if callable(fn):
                try:
                    value = fn()
                except TypeError:
                    continue
                if isinstance(value, str) and value:
                    texts.append(value)
    return "\n".join(texts)


def trainer_notes() -> set[str]:
    notes = set()
    for checklist in bundled_checklists():
        for _, item in checklist.items():
            for lang in ("en", "nb"):
                if item.trainer_notes is not None:
                    notes.add(text_for(item.trainer_notes, lang))
    return notes


def test_the_projector_follows_the_trainer_and_never_shows_a_trainer_note(qtbot, training):
    w, _t = training
    room = open_room(qtbot, w)
    projector = room.projector
    notes = trainer_notes()
    assert len(notes) > 100
    # F5 shows the room's view (one screen here: full screen over the trainer's)
    qtbot.keyClick(focus(), Qt.Key.Key_F5)
    assert projector.isVisible() and projector.isFullScreen()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is projector)
    qtbot.keyClick(focus(), Qt.Key.Key_Escape)  # back to the trainer's window
    assert not projector.isVisible() and not room.show_button.isChecked()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    assert w.stack.currentWidget() is room
    # with the projector shown and the trainer's window in front (two screens),
    # Escape there takes the projector down, and only then leaves the room
    qtbot.keyClick(focus(), Qt.Key.Key_F5)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    room.items.items.setFocus()
    qtbot.keyClick(focus(), Qt.Key.Key_Escape)
    assert not projector.isVisible() and w.stack.currentWidget() is room

    seen_readings = 0
    for index, checklist in enumerate(room.items.checklists):
        room.items.checklist_box.setCurrentIndex(index)
        room.items.items.setFocus()
        ids = checklist.item_ids()
        previous = None
        for n, item_id in enumerate(ids):
            item = checklist.item(item_id)
            assert room.items.item.id == item_id
            shown = whole_text(projector)
            assert text_for(item.text, "en") in shown
            # the slide before is off the screen at once (not when Qt deletes it)
            if previous is not None and text_for(previous.text, "en") not in text_for(
                item.text, "en"
            ):
                assert text_for(previous.text, "en") not in projector.shown_text()
            previous = item
            if item.child_text is not None:
                assert text_for(item.child_text, "en") in shown
            if isinstance(item, Indicator):
                element = text_for(checklist.dimension(item.dimension).label, "en")
                assert f"{element} · {item.strength} indicator" in shown
                if item.reading is not None:
                    assert text_for(item.reading.meaning, "en") in shown
                    seen_readings += 1
            leaked = [note for note in notes if note in shown]
            assert not leaked, f"{item_id}: a trainer note on the projector: {leaked[0]}"
            # the trainer's page has the notes and the sources of the same item
            trainer = room.items.view.toPlainText()
            assert text_for(item.trainer_notes, "en") in trainer
            assert "Sources" in trainer
            if n < len(ids) - 1:
                key, mod = (Qt.Key.Key_PageDown, None) if n % 2 else (Qt.Key.Key_Right, ALT)
                qtbot.keyClick(focus(), key, mod or Qt.KeyboardModifier.NoModifier)
    assert seen_readings == 12

    # back one item from the trainer's window
    qtbot.keyClick(focus(), Qt.Key.Key_PageUp)
    assert room.items.items.currentRow() == len(room.items.checklist.item_ids()) - 2


def headline_points(projector) -> float:
    headline = next(w for w in projector.findChildren(QWidget) if w.objectName() == "headline")
    headline.ensurePolished()
    return headline.font().pointSizeF()


def test_the_projector_text_grows_to_300_percent_and_back_by_keys(qtbot, training):
    w, _t = training
    room = open_room(qtbot, w)
    projector = room.projector
    assert projector.percent == 200
    at_200 = headline_points(projector)
    for _ in range(4):
        qtbot.keyClick(focus(), Qt.Key.Key_Plus, CTRL)
    assert projector.percent == 300 and "300 %" in room.size_label.text()
    assert headline_points(projector) == pytest.approx(at_200 * 1.5)
    assert at_200 > 2 * QApplication.font().pointSizeF()
    for _ in range(9):
        qtbot.keyClick(focus(), Qt.Key.Key_Minus, CTRL)
    assert projector.percent == 100
    # on the projector itself the same keys work, and Escape hides it
    qtbot.keyClick(focus(), Qt.Key.Key_F5)
    assert projector.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is projector)
    qtbot.keyClick(projector, Qt.Key.Key_Plus, CTRL)
    assert projector.percent == 125
    qtbot.keyClick(projector, Qt.Key.Key_PageDown)
    assert room.items.items.currentRow() == 1
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    assert not projector.isVisible()


def test_an_exercise_runs_to_its_reveal_by_keyboard(qtbot, training):
    w, t = training
    rows_before = len(t.store.audit_trail())
    room = open_room(qtbot, w)
    qtbot.keyClick(focus(), Qt.Key.Key_E, ALT)  # the Exercises tab
    panel = room.cases
    assert room.tabs.currentWidget() is panel
    panel.chooser.setCurrentIndex(
        next(i for i in range(panel.chooser.count()) if "06" in panel.chooser.itemText(i))
    )
    panel.view.setFocus()
    projector = room.projector
    exercise = panel.exercise
    assert exercise.title == "TRAIN-06"
    assert "Arrived with her mother and two brothers" in whole_text(projector)
    asked = 0
    for step in exercise.steps:
        qtbot.keyClick(focus(), Qt.Key.Key_PageDown)
        shown = whole_text(projector)
        item = exercise.checklist.item(step.item_id)
        assert text_for(item.text, "en") in shown
        assert "The worker answered" not in shown  # the key is the trainer's only
        if step.asks_room:
            assert "The worker answered: no" in panel.view.toPlainText()
            # the room thinks an adult controls her; every other sign as the worker
            key = Qt.Key.Key_Y if step.item_id == "adult-controls" else Qt.Key.Key_N
            qtbot.keyClick(focus(), key)
            assert panel.room.answers[step.item_id].value == (
                "yes" if key == Qt.Key.Key_Y else "no"
            )
            asked += 1
    assert asked == len(exercise.room_steps()) > 5
    qtbot.keyClick(focus(), Qt.Key.Key_PageDown)  # the decision
    assert "What does the room decide?" in whole_text(projector)
    qtbot.keyClick(focus(), Qt.Key.Key_2)  # 2. the full screening
    assert panel.room.decision == "full-screening"
    qtbot.keyClick(focus(), Qt.Key.Key_PageDown)  # no further before the reveal
    assert "the reveal" not in whole_text(projector)
    qtbot.keyClick(focus(), Qt.Key.Key_Return, CTRL)
    shown = whole_text(projector)
    assert "What the checklist's rules suggest\nNo indicators recorded" in shown or (
        "No indicators recorded" in shown
    )
    assert "With the room's answers the rules suggest" in shown
    assert "Where the room answered otherwise" in shown
    assert "the room yes, the worker no" in shown
    assert text_for(exercise.teaching, "en") in shown
    assert "The worker decided" in shown
    # nothing of the exercise reached the training store, let alone another one
    assert len(t.store.audit_trail()) == rows_before


def test_a_worked_example_is_stepped_through_the_same_way(qtbot, training):
    w, _t = training
    room = open_room(qtbot, w)
    qtbot.keyClick(focus(), Qt.Key.Key_K, ALT)  # the worked examples
    panel = room.examples
    assert room.tabs.currentWidget() is panel
    panel.view.setFocus()
    exercise = panel.exercise
    checklist = exercise.checklist
    example = next(e for e in checklist.examples if e.name == exercise.title)
    for step in exercise.steps:
        qtbot.keyClick(focus(), Qt.Key.Key_PageDown)
        assert "Recorded" in whole_text(room.projector)  # an example's answers are given
        assert not step.asks_room
    qtbot.keyClick(focus(), Qt.Key.Key_PageDown)
    assert "Which outcome do the rules suggest?" in whole_text(room.projector)
    qtbot.keyClick(focus(), Qt.Key.Key_Return, CTRL)
    shown = whole_text(room.projector)
    assert text_for(checklist.outcome(example.outcome).label, "en") in shown
    for rule in checklist.rules:
        if rule.id in example.fired:
            assert text_for(rule.explain, "en") in shown


def test_every_dialog_of_training_says_so_below_the_banner(qtbot, training):
    from idcheck.gui.settings import SettingsDialog
    from idcheck.gui.training_frame import TrainingFrame

    w, _t = training
    seen = {}

    def look(dialog):
        frame = dialog.findChild(TrainingFrame)
        seen["title"] = dialog.windowTitle()
        seen["frame"] = frame is not None and frame.isVisible() and frame.rect() == dialog.rect()
        seen["top"] = dialog.frameGeometry().top()
        seen["closed"] = escape(qtbot, dialog)

    when_shown(SettingsDialog, look)
    qtbot.mouseClick(w.settings_button, Qt.MouseButton.LeftButton)
    banner_bottom = w.banner.mapToGlobal(QPoint(0, w.banner.height())).y()
    assert seen["title"].startswith("TRAINING — ")
    assert seen["closed"], "Escape did not close the framed dialog"
    assert seen["frame"]
    assert seen["top"] >= banner_bottom


def test_the_referral_preview_in_training_is_framed_and_leaves_the_banner(qtbot, training):
    from idcheck.gui.referral import ReferralDialog

    w, _t = training
    w.cases.table.selectRow(0)
    w.cases.open_selected()
    view = w.screening_view
    seen = {}

    def look(dialog):
        seen["title"] = dialog.windowTitle()
        seen["top"] = dialog.frameGeometry().top()
        seen["closed"] = escape(qtbot, dialog)

    when_shown(ReferralDialog, look)
    view.setFocus()
    qtbot.keyClick(focus(), Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: "title" in seen, timeout=20_000)
    assert seen["closed"], "Escape did not close the referral preview"
    assert seen["title"].startswith("TRAINING — ")
    assert seen["top"] >= w.banner.mapToGlobal(QPoint(0, w.banner.height())).y()


def test_the_ordinary_window_has_no_training_room_and_no_frame(qtbot, window):
    from idcheck.gui.settings import SettingsDialog

    assert not hasattr(window, "training_room")
    seen = {}

    def look(dialog):
        seen["title"] = dialog.windowTitle()
        seen["closed"] = escape(qtbot, dialog)

    when_shown(SettingsDialog, look)
    qtbot.mouseClick(window.settings_button, Qt.MouseButton.LeftButton)
    assert not seen["title"].startswith("TRAINING")
    assert seen["closed"]
