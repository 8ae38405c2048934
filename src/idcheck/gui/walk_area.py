"""Where the walk-through's item panels are shown: one panel one item at a
time, a column of them one section at a time.

The panels are made once and bound to the item or the section's items shown
(:meth:`ItemPanel.bind`): an answer that moves on shows the next item in the
same panel, and a section reuses the column of the last one, growing it only for
a longer section. Panels are never rebuilt per answer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from idcheck.checklist import Checklist, text_for
from idcheck.gui.walk_panel import ItemPanel
from idcheck.walk import WalkState

__all__ = ["PanelArea"]


class PanelArea(QScrollArea):
    """The section's introduction and the panels of the items shown."""

    #: item id, the answer, whether the walk should move on (from any panel)
    answered = Signal(str, object, bool)
    #: item id: the keyboard focus entered that item's panel
    focused = Signal(str)
    #: a message for the worker from a panel
    message = Signal(str)
    #: a panel made its context fields (new controls for the tab order)
    context_built = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.checklist: Checklist | None = None
        self.lang = "en"
        #: The panels bound to items, by item id, in walk order.
        self.panels: dict[str, ItemPanel] = {}
        self.shown_section: str | None = None
        self._single: ItemPanel | None = None
        self._column: list[ItemPanel] = []
        self._wording = (False, "en")
        self._holder = QWidget()
        self._box = QVBoxLayout(self._holder)
        # The section's introduction scrolls with its items (long at large text).
        self.intro = QLabel()
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self._box.addWidget(self.intro)
        self._box.addStretch()
        self.setWidget(self._holder)

    def set_checklist(self, checklist: Checklist, lang: str) -> None:
        """Panels for this checklist (those of another are dropped)."""
        if checklist is self.checklist and lang == self.lang:
            return
        for p in [*self._column, *([self._single] if self._single else [])]:
            self._box.removeWidget(p)
            p.deleteLater()
        self._single, self._column, self.panels = None, [], {}
        self.checklist, self.lang = checklist, lang
        self.shown_section = None

    def _panel(self, compact: bool) -> ItemPanel:
        assert self.checklist is not None
        p = ItemPanel(self.checklist, self.lang, compact=compact, parent=self._holder)
        p.answered.connect(self.answered)
        p.focused.connect(self.focused)
        p.message.connect(self.message)
        p.context_built.connect(lambda _i: self.context_built.emit())
        p.set_wording(*self._wording)
        # Once in the layout (before the stretch): never a window of its own.
        self._box.insertWidget(self._box.count() - 1, p)
        return p

    def show_item(self, walk: WalkState, mode: str, item_id: str) -> bool:
        """Show ``item_id`` (in section mode, its section). True when other items
        are now on screen (the tab order changes)."""
        assert self.checklist is not None
        section = self.checklist.section_of(item_id)
        if mode == "item":
            if self._single is None:
                self._single = self._panel(compact=False)
            p = self._single
            before = p.item_id
            p.bind(
                self.checklist.item(item_id),
                number=walk.number(item_id),
                answer=walk.answers.get(item_id),
                context=walk.context(item_id),
                read_only=walk.read_only,
            )
            for c in self._column:
                c.hide()
            p.show()
            self.panels = {item_id: p}
            self.shown_section = None
            self.verticalScrollBar().setValue(0)
            return before != item_id or len(self.panels) != 1
        if self.shown_section == section.id and self.panels:
            return False
        if self._single is not None:
            self._single.hide()
        while len(self._column) < len(section.items):
            self._column.append(self._panel(compact=True))
        self.panels = {}
        for p, item in zip(self._column, section.items, strict=False):
            p.bind(
                item,
                number=walk.number(item.id),
                answer=walk.answers.get(item.id),
                context=walk.context(item.id),
                read_only=walk.read_only,
            )
            p.set_current(False)
            self.panels[item.id] = p
        for p in self._column[len(section.items) :]:
            p.hide()
        self.shown_section = section.id
        self.apply_visibility(walk)
        self._lay_out_now()
        return True

    def _lay_out_now(self) -> None:
        """Size the column for the panels bound now, before the next event (a panel
        is brought into view, or clicked, at once)."""
        self.setWidgetResizable(True)  # sizes the column now (not at the next event)
        self._box.activate()

    def apply_visibility(self, walk: WalkState) -> None:
        """Show-if, live: panels of the section appear and disappear as answered."""
        changed = False
        for item_id, p in self.panels.items():
            shown = walk.is_visible(item_id)
            if p.isHidden() == shown:
                p.setVisible(shown)
                changed = True
        if changed:
            self._lay_out_now()

    def show_intro(self, walk: WalkState, mode: str) -> None:
        """The section's introduction: at its first item, or over the whole section."""
        assert self.checklist is not None
        section = self.checklist.section_of(walk.current)
        text = text_for(section.intro, self.lang)
        self.intro.setText(text)
        first = walk.first_of_section(walk.current)
        self.intro.setVisible(bool(text) and (mode == "section" or walk.current == first))

    def mark_current(self, item_id: str, mode: str) -> None:
        """Frame the panel the single keys answer (section mode), and bring it into view."""
        for i, p in self.panels.items():
            p.set_current(i == item_id and mode == "section")
        if mode == "section" and item_id in self.panels:
            self._scroll_to(self.panels[item_id])

    def _scroll_to(self, panel: ItemPanel) -> None:
        """Bring a panel into view, vertically only."""
        self._lay_out_now()
        bar = self.verticalScrollBar()
        top, height = panel.y(), panel.height()
        seen = self.viewport().height()
        if top < bar.value():
            bar.setValue(top - 8)
        elif top + height > bar.value() + seen:
            bar.setValue(min(top - 8, top + height - seen + 8))

    def set_wording(self, child: bool, child_lang: str) -> None:
        """Adult or child words, in every panel (those made later too)."""
        self._wording = (child, child_lang)
        for p in [*self._column, *([self._single] if self._single else [])]:
            p.set_wording(child, child_lang)

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for p in self.panels.values():
            chain += p.focus_chain()
        return chain
