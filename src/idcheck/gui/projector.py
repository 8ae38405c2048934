"""The projector's window in training mode: what the room sees, large.

It shows one :class:`Slide` at a time, a title and blocks of plain text, built by
the training room from the checklist or the exercise; it never builds its own text,
so it shows only what a slide gives it (the trainer's notes are never put in one).
Its text size is its own, 100 to 300 %, apart from the trainer's window. Keys
pressed while it has the focus (on a single screen, when it covers the trainer's
window) are handed to the training room: Page Down / Page Up move, Ctrl++ /
Ctrl+- change the text size, Escape or F5 hide it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from idcheck.gui.i18n import scaled_style

__all__ = ["KINDS", "PROJECTOR_SIZES", "Block", "ProjectorWindow", "Slide"]

#: The projector's text sizes, in percent.
PROJECTOR_SIZES = (100, 125, 150, 200, 250, 300)

#: How each kind of block looks (font sizes at 100 %, scaled to the room's size).
KINDS = ("headline", "child", "label", "text", "quote", "reading", "reveal", "teaching")

STYLE = """
QWidget#projector { background: #ffffff; }
QWidget#projector QWidget { font-size: 12pt; color: #111; }
QWidget#projector QLabel#strip { background: #fff3c4; color: #5a4300; font-weight: 600;
    padding: 4px 10px;
               font-size: 9pt; border-bottom: 2px solid #d9b100; }
QWidget#projector QLabel#title { font-size: 11pt; color: #444; padding: 6px 0 0 0; }
QWidget#projector QLabel#headline { font-size: 17pt; font-weight: 700; padding: 4px 0; }
QWidget#projector QLabel#child { font-size: 14pt; color: #1f4f99; padding: 2px 0 6px 0; }
QWidget#projector QLabel#label { font-size: 10pt; color: #555; font-weight: 600;
    padding: 6px 0 0 0; }
QWidget#projector QLabel#text { font-size: 12pt; }
QWidget#projector QLabel#quote { font-size: 13pt; font-style: italic; color: #1f4f99; }
QWidget#projector QLabel#reading { font-size: 12pt; background: #f6f1e7; padding: 6px; }
QWidget#projector QLabel#reveal { font-size: 14pt; font-weight: 600; color: #1d4d2a; }
QWidget#projector QLabel#teaching { font-size: 13pt; background: #eef3f8; padding: 8px; }
"""


@dataclass(frozen=True)
class Block:
    """A piece of a slide: its text and how it looks (one of :data:`KINDS`)."""

    kind: str
    text: str


@dataclass(frozen=True)
class Slide:
    title: str
    blocks: tuple[Block, ...]

    def text(self) -> str:
        return "\n".join([self.title, *(b.text for b in self.blocks)])


class ProjectorWindow(QWidget):
    """A window of its own for the projector (full screen on the second screen)."""

    next_requested = Signal()
    previous_requested = Signal()
    grow_requested = Signal()
    shrink_requested = Signal()
    hide_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projector")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle(self.tr("idcheck: TRAINING — projector"))
        self.percent = 200
        self.strip = QLabel(self.tr("TRAINING: synthetic material, not a real child"))
        self.strip.setObjectName("strip")
        self.title = QLabel()
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.body = QWidget()
        self.body_box = QVBoxLayout(self.body)
        self.body_box.setContentsMargins(0, 0, 0, 0)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.body)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QVBoxLayout()
        inner.setContentsMargins(32, 8, 32, 16)
        inner.addWidget(self.title)
        inner.addWidget(self.scroller, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.strip)
        box.addLayout(inner, 1)
        for keys, signal in (
            ("PgDown", self.next_requested),
            ("Alt+Right", self.next_requested),
            ("PgUp", self.previous_requested),
            ("Alt+Left", self.previous_requested),
            ("Ctrl++", self.grow_requested),
            ("Ctrl+=", self.grow_requested),
            ("Ctrl+-", self.shrink_requested),
            ("Escape", self.hide_requested),
            ("F5", self.hide_requested),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(signal.emit)
        self.set_percent(self.percent)
        self.resize(1024, 640)

    def set_percent(self, percent: int) -> None:
        """The text size for the room (100 to 300 %)."""
        self.percent = max(PROJECTOR_SIZES[0], min(PROJECTOR_SIZES[-1], percent))
        self.setStyleSheet(scaled_style(STYLE, self.percent))

    def set_slide(self, slide: Slide) -> None:
        self.title.setText(slide.title)
        while self.body_box.count():
            old = self.body_box.takeAt(0)
            widget = old.widget() if old is not None else None
            if widget is not None:
                widget.hide()  # off the screen now, not when the deferred delete runs
                widget.deleteLater()
        for block in slide.blocks:
            label = QLabel(block.text)
            label.setObjectName(block.kind if block.kind in KINDS else "text")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self.body_box.addWidget(label)
        self.body_box.addStretch()
        self.scroller.verticalScrollBar().setValue(0)

    def scroll_by(self, pages: int) -> None:
        bar = self.scroller.verticalScrollBar()
        bar.setValue(bar.value() + pages * bar.pageStep())

    def shown_text(self) -> str:
        """Every text the window shows now (its whole widget tree), for tests and
        for the trainer's check of what the room sees."""
        texts = [self.windowTitle()]
        for label in self.findChildren(QLabel):
            if not label.isHidden() and label.text():
                texts.append(label.text())
        return "\n".join(texts)
