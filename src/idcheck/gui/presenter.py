"""The training room: the trainer's page in training mode, and the projector it
drives.

The trainer's page shows, for the item in hand, what the room sees and what only
the trainer sees (the trainer's notes, the guidance, the sources and how well
each item is supported), with the controls; the projector window
(:mod:`idcheck.gui.projector`) shows the room's part large, on the second screen
when there is one. Three tabs: the checklists' items one by one, the synthetic
cases as exercises, and the checklists' worked examples
(:mod:`idcheck.gui.exercise`). Everything is driven from the keyboard: Page Down /
Page Up (or Alt+Right / Alt+Left) move, F5 shows or hides the projector, Ctrl++ /
Ctrl+- change the projector's text size (100 to 300 %), Ctrl+Down / Ctrl+Up
scroll it, Escape goes back.

Nothing here reads or writes a store: the items come from the bundled
checklists, the exercises from the synthetic cases' files.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from idcheck.checklist import Checklist, Indicator, Question, text_for
from idcheck.gui import i18n
from idcheck.gui.header import HeaderButton
from idcheck.gui.projector import PROJECTOR_SIZES, Block, ProjectorWindow, Slide
from idcheck.gui.why import strength_word, why_html

__all__ = [
    "ItemsPanel",
    "TrainingRoom",
    "bundled_checklists",
    "install_training_room",
    "item_slide",
    "trainer_notes_html",
]

CONTEXT = "TrainingRoom"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def bundled_checklists() -> list[Checklist]:
    """The newest version of every bundled checklist (not the referral routes)."""
    from idcheck.checklist.catalogue import load_entry, newest_entries

    out = []
    for entry in newest_entries():
        loaded = load_entry(entry)
        if isinstance(loaded, Checklist):
            out.append(loaded)
    # The intake screen first: a room meets it before the full screening.
    return sorted(out, key=lambda c: (len(c.item_ids()), c.id))


def item_slide(checklist: Checklist, item: Indicator | Question, lang: str) -> Slide:
    """What the room sees of an item: its words for the worker and for the child,
    its element and strength, and the trauma-informed reading where there is one.
    Never the trainer's notes."""
    ids = checklist.item_ids()
    section = checklist.section_of(item.id)
    title = (
        f"{text_for(checklist.title, lang)} · {text_for(section.title, lang)} · "
        + QCoreApplication.translate("TrainingRoom", "item {0} of {1}").format(
            ids.index(item.id) + 1, len(ids)
        )
    )
    blocks = [Block("headline", text_for(item.text, lang))]
    if item.child_text is not None:
        blocks.append(
            Block("label", QCoreApplication.translate("TrainingRoom", "In the child's words"))
        )
        blocks.append(Block("child", text_for(item.child_text, lang)))
    if isinstance(item, Indicator):
        try:
            element = text_for(checklist.dimension(item.dimension).label, lang)
        except KeyError:
            element = item.dimension
        blocks.append(
            Block("label", QCoreApplication.translate("TrainingRoom", "Element and strength"))
        )
        blocks.append(
            Block(
                "text",
                QCoreApplication.translate("TrainingRoom", "{0} · {1} indicator").format(
                    element, strength_word(item.strength)
                ),
            )
        )
        if item.reading is not None:
            r = item.reading
            blocks.append(
                Block("label", QCoreApplication.translate("TrainingRoom", "Reading the behaviour"))
            )
            blocks.append(
                Block(
                    "reading",
                    QCoreApplication.translate(
                        "TrainingRoom",
                        "What we see: {0}\nThe common narrative: {1}\nWhat it may mean: {2}",
                    ).format(
                        text_for(r.seen, lang),
                        text_for(r.narrative, lang),
                        text_for(r.meaning, lang),
                    ),
                )
            )
    return Slide(title, tuple(blocks))


def slide_html(slide: Slide) -> str:
    """A slide as the trainer's page shows it (what the room sees, smaller)."""
    out = [f"<p style='color:#555'>{html.escape(slide.title)}</p>"]
    for b in slide.blocks:
        text = html.escape(b.text).replace("\n", "<br>")
        if b.kind == "headline":
            out.append(f"<h2>{text}</h2>")
        elif b.kind == "label":
            out.append(f"<p style='color:#555'><b>{text}</b></p>")
        elif b.kind in ("child", "quote"):
            out.append(f"<p style='color:#1f4f99'><i>{text}</i></p>")
        elif b.kind in ("reveal", "teaching"):
            out.append(f"<p><b>{text}</b></p>")
        else:
            out.append(f"<p>{text}</p>")
    return "\n".join(out)


def trainer_notes_html(item: Indicator | Question, lang: str) -> str:
    """What only the trainer sees of an item: the trainer's notes and the guidance."""
    out = []
    notes = text_for(item.trainer_notes, lang)
    if notes:
        label = QCoreApplication.translate("TrainingRoom", "Trainer notes (not on the projector):")
        out.append(
            "<div style='background:#fff3c4; padding:6px'>"
            f"<b>{html.escape(label)}</b> {html.escape(notes)}</div>"
        )
    guidance = text_for(item.guidance, lang)
    if guidance:
        label = QCoreApplication.translate("TrainingRoom", "Guidance for the worker:")
        out.append(f"<p><b>{html.escape(label)}</b> {html.escape(guidance)}</p>")
    return "\n".join(out)


class ItemsPanel(QWidget):
    """The checklists' items one by one: the room's view and the trainer's."""

    changed = Signal()

    def __init__(self, checklists: list[Checklist], lang: str) -> None:
        super().__init__()
        self.checklists = checklists
        self.lang = lang
        self.checklist_box = QComboBox()
        self.checklist_box.setAccessibleName(self.tr("Checklist"))
        for c in checklists:
            self.checklist_box.addItem(text_for(c.title, lang), c.ref)
        label = QLabel(self.tr("C&hecklist"))
        label.setBuddy(self.checklist_box)
        self.items = QListWidget()
        self.items.setAccessibleName(self.tr("Items of the checklist"))
        self.view = QTextBrowser()
        self.view.setObjectName("trainerview")
        self.view.setOpenLinks(False)
        self.view.setAccessibleName(self.tr("The item, the trainer's notes and the sources"))
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.checklist_box, 1)
        split = QSplitter()
        split.addWidget(self.items)
        split.addWidget(self.view)
        split.setStretchFactor(1, 2)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(split, 1)
        self.checklist_box.currentIndexChanged.connect(lambda _i: self._fill())
        self.items.currentRowChanged.connect(lambda _r: self._show())
        self._fill()

    @property
    def checklist(self) -> Checklist:
        return self.checklists[max(0, self.checklist_box.currentIndex())]

    @property
    def item(self) -> Indicator | Question:
        ids = self.checklist.item_ids()
        return self.checklist.item(ids[max(0, self.items.currentRow())])

    def _fill(self) -> None:
        self.items.blockSignals(True)
        self.items.clear()
        for n, (_, item) in enumerate(self.checklist.items(), 1):
            row = QListWidgetItem(f"{n}. {text_for(item.text, self.lang)}")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.items.addItem(row)
        self.items.setCurrentRow(0)
        self.items.blockSignals(False)
        self._show()

    def _show(self) -> None:
        item = self.item
        parts = [
            slide_html(self.slide()),
            trainer_notes_html(item, self.lang),
            why_html(self.checklist, item, self.lang),
        ]
        self.view.setHtml("\n<hr>\n".join(p for p in parts if p))
        self.changed.emit()

    def step(self, n: int) -> None:
        row = max(0, min(self.items.count() - 1, self.items.currentRow() + n))
        self.items.setCurrentRow(row)

    def slide(self) -> Slide:
        return item_slide(self.checklist, self.item, self.lang)


class TrainingRoom(QWidget):
    """The trainer's page: items, exercises and worked examples, and the projector."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from idcheck.gui.exercise import ExercisePanel, case_choices, example_choices

        self.lang = i18n.content_language()
        checklists = bundled_checklists()
        self.projector = ProjectorWindow(self)
        self.projector.next_requested.connect(lambda: self.step(1))
        self.projector.previous_requested.connect(lambda: self.step(-1))
        self.projector.grow_requested.connect(lambda: self.resize_text(1))
        self.projector.shrink_requested.connect(lambda: self.resize_text(-1))
        self.projector.hide_requested.connect(self.hide_projector)
        self.items = ItemsPanel(checklists, self.lang)
        self.cases = ExercisePanel(case_choices(self.lang), self.lang, self.tr("E&xercise"))
        self.examples = ExercisePanel(
            example_choices(checklists, self.lang), self.lang, self.tr("Worked e&xample")
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(self.items, self.tr("&Indicators"))
        self.tabs.addTab(self.cases, self.tr("&Exercises"))
        self.tabs.addTab(self.examples, self.tr("Wor&ked examples"))
        for panel in (self.items, self.cases, self.examples):
            panel.changed.connect(self._update_projector)
        self.tabs.currentChanged.connect(lambda _i: self._update_projector())
        # the projector's controls
        self.show_button = QPushButton(self.tr("Show on the &projector"))
        self.show_button.setCheckable(True)
        self.show_button.setToolTip("F5")
        self.show_button.toggled.connect(self._show_toggled)
        self.smaller = QPushButton(self.tr("Smaller text"))
        self.smaller.setToolTip("Ctrl+-")
        self.smaller.clicked.connect(lambda: self.resize_text(-1))
        self.larger = QPushButton(self.tr("Larger text"))
        self.larger.setToolTip("Ctrl++")
        self.larger.clicked.connect(lambda: self.resize_text(1))
        self.size_label = QLabel()
        self.screen_label = QLabel()
        self.screen_label.setWordWrap(True)
        self.back_button = QPushButton(self.tr("Back to &cases"))
        self.back_button.setToolTip(self.tr("Escape (with the projector hidden)"))
        self.back_button.clicked.connect(self.close_room)
        # Two short rows, not one long one: the page must fit a laptop at 200 %.
        controls = QHBoxLayout()
        for w in (self.show_button, self.smaller, self.size_label, self.larger):
            controls.addWidget(w)
        controls.addStretch()
        below = QHBoxLayout()
        below.addWidget(self.screen_label, 1)
        below.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout(self)
        box.addWidget(self.tabs, 1)
        box.addLayout(controls)
        box.addLayout(below)
        for keys, fn in (
            ("PgDown", lambda: self.step(1)),
            ("Alt+Right", lambda: self.step(1)),
            ("PgUp", lambda: self.step(-1)),
            ("Alt+Left", lambda: self.step(-1)),
            ("F5", self.show_button.toggle),
            ("Ctrl++", lambda: self.resize_text(1)),
            ("Ctrl+=", lambda: self.resize_text(1)),
            ("Ctrl+-", lambda: self.resize_text(-1)),
            ("Ctrl+Down", lambda: self.projector.scroll_by(1)),
            ("Ctrl+Up", lambda: self.projector.scroll_by(-1)),
            ("Escape", self.escape),
        ):
            key = QShortcut(QKeySequence(keys), self)
            key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            key.activated.connect(fn)
        self._update_size_label()
        self._update_screen_label()
        self._update_projector()

    @property
    def panel(self) -> Any:
        return self.tabs.currentWidget()

    def step(self, n: int) -> None:
        self.panel.step(n)

    def _update_projector(self) -> None:
        self.projector.set_slide(self.panel.slide())

    def resize_text(self, direction: int) -> None:
        """One size up or down among 100 … 300 %."""
        sizes = PROJECTOR_SIZES
        now = sizes.index(self.projector.percent) if self.projector.percent in sizes else 3
        self.projector.set_percent(sizes[max(0, min(len(sizes) - 1, now + direction))])
        self._update_size_label()

    def _update_size_label(self) -> None:
        percent = self.projector.percent
        self.size_label.setText(self.tr("{0} %").format(percent))
        self.size_label.setAccessibleName(self.tr("Projector text {0} %").format(percent))

    def other_screen(self) -> Any:
        """A screen other than the trainer's, or None when there is only one."""
        mine = self.window().screen()
        others = [s for s in QGuiApplication.screens() if s is not mine]
        return others[0] if others else None

    def _update_screen_label(self) -> None:
        other = self.other_screen()
        if other is not None:
            self.screen_label.setText(
                self.tr(
                    "The projector's view opens full screen on the second screen ({0})."
                ).format(other.name())
            )
        else:
            self.screen_label.setText(
                self.tr(
                    "One screen: F5 shows the projector's view here, full screen; "
                    "Escape or F5 comes back."
                )
            )

    def _show_toggled(self, on: bool) -> None:
        if not on:
            self.projector.hide()
            self.window().activateWindow()
            self.setFocus()
            return
        self._update_projector()
        other = self.other_screen()
        if other is not None:
            self.projector.setScreen(other)
            self.projector.setGeometry(other.geometry())
            self.projector.showFullScreen()
            self.window().activateWindow()  # the trainer keeps the keyboard
        else:
            self.projector.showFullScreen()
            self.projector.activateWindow()
            self.projector.setFocus()
        self._update_screen_label()

    def hide_projector(self) -> None:
        self.show_button.setChecked(False)

    def escape(self) -> None:
        """Escape takes the projector down first, then leaves the room."""
        if self.projector.isVisible():
            self.hide_projector()
        else:
            self.close_room()

    def close_room(self) -> None:
        self.hide_projector()
        self.closed.emit()

    def hideEvent(self, event: Any) -> None:
        # Leaving the page (locking, or back to the cases) takes the projector down.
        self.hide_projector()
        super().hideEvent(event)


def install_training_room(window: Any) -> QPushButton:
    """The training window's way into the room: a button for its header, and
    Ctrl+T. ``window`` is the main window (its ``stack`` holds the room page)."""

    def texts(button: QPushButton) -> None:  # again after a language change
        button.setText(QCoreApplication.translate("TrainingRoom", "Training room…"))
        button.setAccessibleName(
            QCoreApplication.translate(
                "TrainingRoom", "Training room: the projector, exercises, worked examples"
            )
        )

    button = HeaderButton(texts)
    button.setToolTip("Ctrl+T")
    state: dict[str, Any] = {}

    def back() -> None:
        room = state.get("room")
        previous = state.get("previous")
        stack = window.stack
        if previous is not None and stack.indexOf(previous) >= 0:
            stack.setCurrentWidget(previous)
        elif window.session is not None:
            stack.setCurrentWidget(window.cases)
        else:
            stack.setCurrentWidget(window.unlock_page)
        if room is not None:
            stack.removeWidget(room)
            room.deleteLater()
            state.clear()

    def open_room() -> None:
        if window.session is None:
            return
        old = state.get("room")
        if old is not None:
            if window.stack.currentWidget() is old:
                return
            # Left without its Back (the window was shown anew in another
            # language): a new room, in the language now in use.
            window.stack.removeWidget(old)
            old.deleteLater()
            state.clear()
        room = TrainingRoom()
        room.closed.connect(back)
        state.update(room=room, previous=window.stack.currentWidget())
        window.stack.addWidget(room)
        window.stack.setCurrentWidget(room)
        window.training_room = room
        room.items.items.setFocus()

    button.clicked.connect(open_room)
    key = QShortcut(QKeySequence("Ctrl+T"), window)
    key.activated.connect(open_room)
    return button
