"""One item of the walk-through: its wording, guidance, answer controls and the
context of the answer.

The walk-through shows one :class:`ItemPanel` at a time, or every item of a
section as a column of panels. A panel never saves anything itself: it emits
:attr:`ItemPanel.answered` and the view saves at once, with the panel's context.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from idcheck.checklist import Answer, Checklist, Indicator, Question, text_for
from idcheck.gui import i18n
from idcheck.report.rtl import base_is_rtl
from idcheck.store import SOURCES, AnswerContext

#: Where an answer comes from, as the worker reads it (translated at display).
SOURCE_LABELS = {
    "observed": QT_TRANSLATE_NOOP("ItemPanel", "I observed it"),
    "child-said": QT_TRANSLATE_NOOP("ItemPanel", "The child said it"),
    "other-said": QT_TRANSLATE_NOOP("ItemPanel", "Another person said it"),
    "document": QT_TRANSLATE_NOOP("ItemPanel", "A document shows it"),
}
#: The answers of an indicator or a yes-no question, with their single keys.
YES_NO_LABELS = {
    "yes": QT_TRANSLATE_NOOP("ItemPanel", "&Yes"),
    "no": QT_TRANSLATE_NOOP("ItemPanel", "&No"),
    "unsure": QT_TRANSLATE_NOOP("ItemPanel", "&Unsure"),
}
SPECIAL_LABELS = {
    "declined": QT_TRANSLATE_NOOP("ItemPanel", "&Declined"),
    "not-asked": QT_TRANSLATE_NOOP("ItemPanel", "Not a&sked"),
}
KEYS = {"y": "yes", "n": "no", "u": "unsure"}


def tr(text: object) -> str:
    """A string of the tables above in the interface language."""
    return QCoreApplication.translate("ItemPanel", str(text))


def answer_text(item: Indicator | Question, answer: Answer, lang: str) -> str:
    """An answer as the worker reads it (for the overview and the panel's summary)."""
    if answer.status == "declined":
        return tr(SPECIAL_LABELS["declined"]).replace("&", "")
    if answer.status == "not-asked":
        return tr(SPECIAL_LABELS["not-asked"]).replace("&", "")
    value = answer.value
    if isinstance(item, Question) and item.options:
        labels = {o.id: text_for(o.label, lang) for o in item.options}
        chosen = value if isinstance(value, list) else [value]
        return ", ".join(labels.get(str(v), str(v)) for v in chosen)
    if isinstance(value, str) and value in YES_NO_LABELS:
        return tr(YES_NO_LABELS[value]).replace("&", "")
    return str(value)


class ItemPanel(QFrame):
    """One item with its answer controls and the per-answer context.

    ``compact`` (section mode) keeps the context behind a toggle (key C) so that a
    whole section fits on the screen; in item mode it is always shown.
    """

    #: item id, the answer, whether the walk should move on
    answered = Signal(str, object, bool)
    #: item id: keyboard focus entered this panel
    focused = Signal(str)
    #: a message for the worker (an answer that could not be read)
    message = Signal(str)
    #: item id: the context fields were made (new controls for the tab order)
    context_built = Signal(str)

    def __init__(
        self,
        checklist: Checklist,
        item: Indicator | Question,
        lang: str,
        *,
        compact: bool,
        read_only: bool,
        number: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.checklist = checklist
        self.item = item
        self.item_id = item.id
        self.lang = lang
        self.compact = compact
        #: Whether the child's chosen language is written right to left.
        self._child_rtl = False
        self.read_only = read_only
        self.answer: Answer | None = None
        self.stored_context: AnswerContext | None = None
        self.setObjectName("card" if compact else "item")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("current", False)
        self.kind = (
            "options"
            if isinstance(item, Indicator) or item.type in ("yes-no", "choice", "multi-choice")
            else "free"
        )
        self.simple = isinstance(item, Indicator) or item.type == "yes-no"
        self.multi = isinstance(item, Question) and item.type == "multi-choice"
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6) if compact else box.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel()
        self.text.setObjectName("cardtext" if compact else "itemtext")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.words_note = QLabel()
        self.words_note.setObjectName("wordsnote")
        self.words_note.setWordWrap(True)
        self.worker_text = QLabel()
        self.worker_text.setObjectName("workertext")
        self.worker_text.setWordWrap(True)
        self.child_options = QLabel()
        self.child_options.setObjectName("childoptions")
        self.child_options.setWordWrap(True)
        self.guidance = QLabel(text_for(item.guidance, lang))
        self.guidance.setObjectName("guidance")
        self.guidance.setWordWrap(True)
        self.guidance.setTextFormat(Qt.TextFormat.PlainText)
        self.reading = QLabel(self._reading_text())
        self.reading.setObjectName("reading")
        self.reading.setWordWrap(True)
        self.reading.setTextFormat(Qt.TextFormat.PlainText)
        for w in (self.text, self.words_note, self.worker_text, self.child_options):
            box.addWidget(w)
        box.addWidget(self.guidance)
        box.addWidget(self.reading)
        # Shown or hidden only once in the panel: a widget with no parent shown
        # would open as a window of its own.
        self.guidance.setVisible(bool(self.guidance.text()))
        self.reading.setVisible(bool(self.reading.text()))
        self._build_answers(box, number)
        self.summary = QLabel()
        self.summary.setObjectName("recorded")
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)
        self._box = box
        self.context_box: QWidget | None = None
        if not compact:
            # In section mode a panel's context is built when first shown (key C):
            # a section opens several times faster.
            self._build_context()
        self.set_wording(False, lang)
        self.setAccessibleName(
            (self.tr("Item {0}: {1}").format(number, text_for(item.text, lang)))
            if number
            else text_for(item.text, lang)
        )
        self.setAccessibleDescription(self.guidance.text())
        for control in self.focus_chain():
            control.installEventFilter(self)
        self.set_read_only(read_only)

    # -- building ------------------------------------------------------------------

    def _reading_text(self) -> str:
        item = self.item
        if not isinstance(item, Indicator) or item.reading is None:
            return ""
        r = item.reading
        return self.tr("What we see: {0}\nA common reading: {1}\nWhat it may mean: {2}").format(
            text_for(r.seen, self.lang),
            text_for(r.narrative, self.lang),
            text_for(r.meaning, self.lang),
        )

    def _build_answers(self, box: QVBoxLayout, number: int) -> None:
        row = QHBoxLayout()
        # Many options wrap into a grid, and at large text the specials into a row
        # of their own, so a panel stays as wide as the screen.
        size = i18n.text_size()
        columns = 3 if size <= 110 else 2 if size <= 150 else 1
        specials = row if size <= 125 else QHBoxLayout()
        grid = QGridLayout()
        self.option_buttons: dict[str, QPushButton] = {}
        self.special_buttons: dict[str, QPushButton] = {}
        self.free = QLineEdit()
        self.free.setAccessibleName(self.tr("Answer"))
        self.free.setAccessibleDescription(text_for(self.item.text, self.lang))
        self.free.returnPressed.connect(self._save_free)
        item = self.item
        if self.kind == "options":
            if self.simple:
                labels = {v: tr(t) for v, t in YES_NO_LABELS.items()}
            else:
                assert isinstance(item, Question)
                labels = {
                    o.id: f"&{n} {text_for(o.label, self.lang)}"
                    for n, o in enumerate(item.options, 1)
                }
            for value, label in labels.items():
                # Several panels share a screen in section mode: single keys answer
                # the focused one, so mnemonics would only be ambiguous there.
                b = QPushButton(label.replace("&", "") if self.compact else label)
                b.setCheckable(True)
                b.setAccessibleName(label.replace("&", ""))
                b.setAccessibleDescription(text_for(item.text, self.lang))
                b.clicked.connect(lambda _c=False, v=value: self.choose(v))
                if self.simple:
                    row.addWidget(b)
                else:
                    n = len(self.option_buttons)
                    grid.addWidget(b, n // columns, n % columns)
                self.option_buttons[value] = b
            self.free.hide()
        else:
            if isinstance(item, Question) and item.type == "date":
                self.free.setPlaceholderText(self.tr("YYYY-MM-DD, then Enter"))
            elif isinstance(item, Question) and item.type == "number":
                unit = text_for(item.unit, self.lang)
                self.free.setPlaceholderText(
                    self.tr("A number ({0}), then Enter").format(unit)
                    if unit
                    else self.tr("A number, then Enter")
                )
            else:
                self.free.setPlaceholderText(self.tr("Type the answer, then Enter"))
            row.addWidget(self.free, 2)
        for special, special_label in SPECIAL_LABELS.items():
            text = tr(special_label)
            b = QPushButton(text.replace("&", "") if self.compact else text)
            b.setCheckable(True)
            b.setAccessibleName(text.replace("&", ""))
            b.setAccessibleDescription(text_for(item.text, self.lang))
            b.clicked.connect(lambda _c=False, v=special: self.give(Answer(status=v)))
            specials.addWidget(b)
            self.special_buttons[special] = b
        if self.compact:
            self.context_toggle = QPushButton(self.tr("Context…"))
            self.context_toggle.setCheckable(True)
            self.context_toggle.setAccessibleName(self.tr("Show the answer context"))
            self.context_toggle.setToolTip(self.tr("Key C"))
            self.context_toggle.toggled.connect(self.show_context)
            specials.addWidget(self.context_toggle)
        if not self.simple:
            box.addLayout(grid)
            row.addStretch()
        box.addLayout(row)
        if specials is not row:
            specials.addStretch()
            box.addLayout(specials)

    def _build_context(self) -> QWidget:
        if self.context_box is not None:
            return self.context_box
        self._source = QComboBox()
        self._source.setAccessibleName(self.tr("Source"))
        self._source.addItem(self.tr("(source not recorded)"), None)
        for s in SOURCES:
            self._source.addItem(tr(SOURCE_LABELS[s]), s)
        self._child_words = QPlainTextEdit()
        self._child_words.setAccessibleName(self.tr("The child's own words, as said"))
        self._child_words.setTabChangesFocus(True)
        self._child_words.setMaximumHeight(70)
        self._child_words.textChanged.connect(self._align_child_words)
        self._read_back = QCheckBox(self.tr("Read back to the child"))
        self._read_back.setAccessibleName(self.tr("Read back to the child"))
        self._note = QPlainTextEdit()
        self._note.setAccessibleName(self.tr("Your note"))
        self._note.setTabChangesFocus(True)
        self._note.setMaximumHeight(60)
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Source"), self._source)
        form.addRow(self.tr("Child's own words"), self._child_words)
        form.addRow("", self._read_back)
        form.addRow(self.tr("Your note"), self._note)
        self._box.insertWidget(self._box.indexOf(self.summary), box)
        self.context_box = box
        self._fill_context(self.stored_context)
        self._align_child_words()
        for w in (self._source, self._child_words, self._read_back, self._note):
            w.setEnabled(not self.read_only)
            w.installEventFilter(self)
        if self.compact:
            box.hide()
        self.context_built.emit(self.item_id)
        return box

    def _fill_context(self, context: AnswerContext | None) -> None:
        if context is None or self.context_box is None:
            return
        self._source.setCurrentIndex(max(0, self._source.findData(context.source)))
        self._child_words.setPlainText(context.child_words or "")
        self._read_back.setChecked(bool(context.read_back))
        self._note.setPlainText(context.worker_note or "")

    # The per-answer context fields (built on first use in section mode).
    @property
    def source(self) -> QComboBox:
        self._build_context()
        return self._source

    @property
    def child_words(self) -> QPlainTextEdit:
        self._build_context()
        return self._child_words

    @property
    def read_back(self) -> QCheckBox:
        self._build_context()
        return self._read_back

    @property
    def note(self) -> QPlainTextEdit:
        self._build_context()
        return self._note

    # -- state -----------------------------------------------------------------------

    def focus_chain(self) -> list[QWidget]:
        """This panel's controls in tab order."""
        chain: list[QWidget] = [self]
        if self.kind == "free":
            chain.append(self.free)
        chain += list(self.option_buttons.values()) + list(self.special_buttons.values())
        if self.compact:
            chain.append(self.context_toggle)
        if self.context_box is not None:
            chain += [self._source, self._child_words, self._read_back, self._note]
        return chain

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.focused.emit(self.item_id)
        return False

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        self.focused.emit(self.item_id)

    def set_current(self, on: bool) -> None:
        """Mark the panel the single keys answer (drawn with a frame in section mode)."""
        if self.property("current") != on:
            self.setProperty("current", on)
            self.style().unpolish(self)
            self.style().polish(self)

    def focus_answer(self) -> None:
        """Put the keyboard where the answer is given."""
        if self.kind == "free" and not self.read_only:
            self.free.setFocus()
        else:
            self.setFocus()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for b in (*self.option_buttons.values(), *self.special_buttons.values()):
            b.setEnabled(not read_only)
        self.free.setEnabled(not read_only)
        if self.context_box is not None:
            for w in (self._source, self._child_words, self._read_back, self._note):
                w.setEnabled(not read_only)

    def set_answer(self, answer: Answer | None, context: AnswerContext | None) -> None:
        """Show the stored answer and its context (filled in, so a changed answer keeps it)."""
        self.answer = answer
        self.stored_context = context
        chosen = answer.option_ids() if answer is not None else frozenset()
        for value, b in self.option_buttons.items():
            b.setChecked(value in chosen)
        for value, b in self.special_buttons.items():
            b.setChecked(answer is not None and answer.status == value)
        if self.kind == "free":
            self.free.setText("" if answer is None or answer.value is None else str(answer.value))
        self._fill_context(context)
        self._update_summary()

    def mark_saved(self, when: str) -> None:
        self._update_summary(self.tr("Saved ✓ {0}").format(when))

    def _update_summary(self, saved: str = "") -> None:
        parts = []
        if self.answer is not None:
            parts.append(
                self.tr("Answer: {0}").format(
                    html.escape(answer_text(self.item, self.answer, self.lang))
                )
            )
        ctx = self.stored_context
        if ctx is not None:
            if ctx.source:
                parts.append(html.escape(tr(SOURCE_LABELS[ctx.source])))
            if ctx.child_words:
                parts.append(self.tr("own words recorded"))
            if ctx.language:
                parts.append(self.tr("language {0}").format(html.escape(ctx.language)))
            if ctx.interpreter_present or ctx.interpreter:
                parts.append(self.tr("interpreter {0}").format(html.escape(ctx.interpreter or "")))
            if ctx.read_back:
                parts.append(self.tr("read back"))
            if ctx.worker_note:
                parts.append(self.tr("note"))
        if saved:
            parts.append(f"<b>{html.escape(saved)}</b>")
        self.summary.setText(" · ".join(parts))
        self.summary.setVisible(bool(parts) and self.compact)

    def show_context(self, on: bool) -> None:
        if self.compact:
            self._build_context().setVisible(on)
            if self.context_toggle.isChecked() != on:
                self.context_toggle.setChecked(on)
            if on:
                self.source.setFocus()

    def _align_child_words(self) -> None:
        """The child's words as they are written: right to left and aligned right
        when they start with a right-to-left letter, or, while empty, when the
        child's language is written right to left."""
        box = getattr(self, "_child_words", None)
        if box is None:
            return
        text = box.toPlainText()
        rtl = base_is_rtl(text) if text.strip() else self._child_rtl
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        if box.layoutDirection() != direction:
            box.setLayoutDirection(direction)
        option = box.document().defaultTextOption()
        align = (
            Qt.AlignmentFlag.AlignRight
            if rtl
            else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
        )
        if option.alignment() != align:
            option.setAlignment(align)
            box.document().setDefaultTextOption(option)

    def set_wording(self, child: bool, child_lang: str) -> None:
        """Adult words or child words (in the child's language where the checklist has it)."""
        item = self.item
        rtl = False
        self.words_note.clear()
        self.worker_text.clear()
        self.child_options.clear()
        if child and item.child_text is not None:
            text = item.child_text
            has = isinstance(text, str) or child_lang in text
            shown_lang = child_lang if has else self.lang
            self.text.setText(text_for(text, shown_lang))
            info = self.checklist.languages.get(shown_lang)
            rtl = info is not None and info.direction == "rtl"
            notes = []
            if not has:
                name = self.checklist.languages[child_lang].name
                notes.append(self.tr("This item has no child wording in {0}.").format(name))
            elif info is not None and info.status == "draft" and shown_lang != self.lang:
                notes.append(self.tr("Draft translation: have a qualified interpreter check it."))
            self.words_note.setText(" ".join(notes))
            if shown_lang != self.lang:
                self.worker_text.setText(
                    self.tr("In your language: {0}").format(text_for(text, self.lang))
                )
            if isinstance(item, Question) and any(o.child_label for o in item.options):
                self.child_options.setText(
                    "   ".join(
                        f"{n} · {text_for(o.child_label or o.label, shown_lang)}"
                        for n, o in enumerate(item.options, 1)
                    )
                )
        elif child:
            self.text.setText(text_for(item.text, self.lang))
            self.words_note.setText(self.tr("No child wording for this item: adult words shown."))
        else:
            self.text.setText(text_for(item.text, self.lang))
        chosen = self.checklist.languages.get(child_lang)
        self._child_rtl = chosen is not None and chosen.direction == "rtl"
        self._align_child_words()
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        for w in (self.text, self.child_options):
            w.setLayoutDirection(direction)
            w.setAlignment(
                (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
                | Qt.AlignmentFlag.AlignVCenter
            )
        for w in (self.words_note, self.worker_text, self.child_options):
            if w.isHidden() == bool(w.text()):
                w.setVisible(bool(w.text()))

    # -- answering -------------------------------------------------------------------

    def context_fields(self) -> dict[str, Any]:
        """The per-answer part of the context as typed in this panel."""

        def text(w: QPlainTextEdit) -> str | None:
            t = w.toPlainText()
            return t if t.strip() else None

        if self.context_box is None:  # never opened: what is stored goes on
            c = self.stored_context or AnswerContext()
            return {
                "source": c.source,
                "worker_note": c.worker_note,
                "child_words": c.child_words,
                "read_back": c.read_back,
            }
        return {
            "source": self.source.currentData(),
            "worker_note": text(self.note),
            "child_words": text(self.child_words),
            "read_back": self.read_back.isChecked() or None,
        }

    def handle_key(self, key: str) -> bool:
        """Answer by a single key: Y / N / U, a digit for an option, D, S; C shows
        the context in section mode. True when the key was used."""
        if self.read_only:
            return False
        item = self.item
        if self.simple and key in KEYS:
            self.choose(KEYS[key])
        elif key == "d":
            self.give(Answer(status="declined"))
        elif key == "s":
            self.give(Answer(status="not-asked"))
        elif key == "c" and self.compact:
            self.show_context(not (self.context_box is not None and self.context_box.isVisible()))
        elif key.isdigit() and isinstance(item, Question) and item.options:
            n = int(key)
            if not 1 <= n <= len(item.options):
                return False
            self.choose(item.options[n - 1].id)
        else:
            return False
        return True

    def choose(self, value: str) -> None:
        """An option chosen (toggled for multiple choice, which does not move on)."""
        if self.read_only:
            return
        if self.multi:
            current = self.answer
            chosen = set(current.value) if current and isinstance(current.value, list) else set()
            chosen ^= {value}
            if not chosen:
                self.set_answer(self.answer, self.stored_context)  # nothing to save
                return
            self.answered.emit(self.item_id, Answer(value=sorted(chosen)), False)
            return
        self.give(Answer(value=value))

    def give(self, answer: Answer) -> None:
        if not self.read_only:
            self.answered.emit(self.item_id, answer, True)

    def _save_free(self) -> None:
        item = self.item
        raw = self.free.text().strip()
        if not raw:
            return
        value: Any = raw
        if isinstance(item, Question) and item.type == "number":
            try:
                value = float(raw.replace(",", ".")) if ("." in raw or "," in raw) else int(raw)
            except ValueError:
                self.message.emit(self.tr("Not saved: expected a number."))
                return
        if isinstance(item, Question) and item.type == "date":
            try:
                value = dt.date.fromisoformat(raw).isoformat()
            except ValueError:
                self.message.emit(self.tr("Not saved: expected a date as YYYY-MM-DD."))
                return
        self.give(Answer(value=value))
