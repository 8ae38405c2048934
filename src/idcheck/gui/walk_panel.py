"""One item of the walk-through: its wording, guidance, answer controls and the
context of the answer.

A panel is made once and shows one item after another (:meth:`ItemPanel.bind`):
one item at a time, the same panel shows the next item when an answer moves on;
one section at a time, a column of panels is bound to the section's items. A
panel never saves anything itself: it emits :attr:`ItemPanel.answered` and the
view saves at once, with the panel's context.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from idcheck.checklist import Answer, Checklist, Indicator, Question, text_for
from idcheck.gui import i18n
from idcheck.gui.walk_context import ContextFields
from idcheck.gui.walk_words import (
    KEYS,
    SPECIAL_LABELS,
    YES_NO_LABELS,
    date_problem,
    placeholder,
    reading_text,
    summary_text,
    tr,
)
from idcheck.store import AnswerContext

__all__ = ["ItemPanel"]

# How the keyboard focus moves when the worker moves it.
WORKER_MOVES = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.MouseFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)


def _label(name: str, *, plain: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    if plain:
        label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class ItemPanel(QFrame):
    """An item with its answer controls and the per-answer context.

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
        self, checklist: Checklist, lang: str, *, compact: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.checklist = checklist
        self.lang = lang
        self.compact = compact
        self.item: Indicator | Question | None = None
        self.item_id = ""
        self.read_only = False
        self.answer: Answer | None = None
        self.stored_context: AnswerContext | None = None
        self._wording = (False, lang)
        self._child_rtl = False
        self.setObjectName("card" if compact else "item")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("current", False)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6) if compact else box.setContentsMargins(0, 0, 0, 0)
        self.text = _label("cardtext" if compact else "itemtext")
        self.words_note = _label("wordsnote", plain=False)
        self.worker_text = _label("workertext", plain=False)
        self.child_options = _label("childoptions", plain=False)
        self.guidance = _label("guidance")
        self.reading = _label("reading")
        for w in (self.text, self.words_note, self.worker_text, self.child_options):
            box.addWidget(w)
        box.addWidget(self.guidance)
        box.addWidget(self.reading)
        self._build_answers(box)
        self.summary = _label("recorded", plain=False)
        box.addWidget(self.summary)
        self._box = box
        self.context_box: ContextFields | None = None
        if not compact:
            # In section mode a panel's context is built when first shown (key C):
            # a section opens several times faster.
            self._build_context()
        for control in self.focus_chain():
            control.installEventFilter(self)

    # -- building ------------------------------------------------------------------

    def _button(self) -> QPushButton:
        b = QPushButton()
        b.setCheckable(True)
        b.clicked.connect(lambda _c=False, b=b: self.choose(str(b.property("value"))))
        b.installEventFilter(self)
        return b

    def _build_answers(self, box: QVBoxLayout) -> None:
        row = QHBoxLayout()
        # Many options wrap into a grid, and at large text the specials into a row
        # of their own, so a panel stays as wide as the screen.
        size = i18n.text_size()
        self._columns = 3 if size <= 110 else 2 if size <= 150 else 1
        specials = row if size <= 125 else QHBoxLayout()
        self._grid = QGridLayout()
        self.option_buttons: dict[str, QPushButton] = {}
        self._yes_no: dict[str, QPushButton] = {}
        self._pool: list[QPushButton] = []
        for value in YES_NO_LABELS:
            b = self._button()
            b.setProperty("value", value)
            row.addWidget(b)
            self._yes_no[value] = b
        self.free = QLineEdit()
        self.free.setAccessibleName(self.tr("Answer"))
        self.free.returnPressed.connect(self._save_free)
        row.addWidget(self.free, 2)
        self.special_buttons: dict[str, QPushButton] = {}
        for special, special_label in SPECIAL_LABELS.items():
            text = tr(special_label)
            b = QPushButton(text.replace("&", "") if self.compact else text)
            b.setCheckable(True)
            b.setAccessibleName(text.replace("&", ""))
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
        box.addLayout(self._grid)
        # Yes / no / unsure share the row's width; options leave the rest empty.
        self._row_end = QSpacerItem(0, 0)
        row.addItem(self._row_end)
        self._row = row
        box.addLayout(row)
        if specials is not row:
            specials.addStretch()
            box.addLayout(specials)

    def _option_button(self, n: int) -> QPushButton:
        """The n-th button of the options grid (made when first needed)."""
        while len(self._pool) <= n:
            b = self._button()
            k = len(self._pool)
            self._grid.addWidget(b, k // self._columns, k % self._columns)
            self._pool.append(b)
        return self._pool[n]

    def _build_context(self) -> ContextFields:
        if self.context_box is not None:
            return self.context_box
        box = ContextFields()
        self._box.insertWidget(self._box.indexOf(self.summary), box)
        self.context_box = box
        box.fill(self.stored_context)
        box.set_child_rtl(self._child_rtl)
        box.set_read_only(self.read_only)
        for w in box.controls():
            w.installEventFilter(self)
        if self.compact:
            box.hide()
        self.context_built.emit(self.item_id)
        return box

    def context(self) -> ContextFields:
        """The per-answer context fields (made on first use in section mode)."""
        return self._build_context()

    # -- showing an item -------------------------------------------------------------

    def bind(
        self,
        item: Indicator | Question,
        *,
        number: int = 0,
        answer: Answer | None = None,
        context: AnswerContext | None = None,
        read_only: bool = False,
    ) -> None:
        """Show ``item`` (its ``number`` among the visible items), its answer and context."""
        changed = item is not self.item
        self.item = item
        self.item_id = item.id
        if changed:
            self._show_controls(item)
            guidance = text_for(item.guidance, self.lang)
            self.guidance.setText(guidance)
            self.guidance.setVisible(bool(guidance))
            reading = reading_text(item, self.lang)
            self.reading.setText(reading)
            self.reading.setVisible(bool(reading))
            if self.compact and self.context_box is not None:
                self.show_context(False)
            self.set_wording(*self._wording)
        name = text_for(item.text, self.lang)
        self.setAccessibleName(self.tr("Item {0}: {1}").format(number, name) if number else name)
        self.setAccessibleDescription(self.guidance.text())
        self.set_read_only(read_only)
        self.set_answer(answer, context)

    @property
    def kind(self) -> str:
        """ "options" (answered by buttons and keys) or "free" (typed, then Enter)."""
        item = self.item
        if isinstance(item, Indicator) or (
            item is not None and item.type in ("yes-no", "choice", "multi-choice")
        ):
            return "options"
        return "free"

    def _show_controls(self, item: Indicator | Question) -> None:
        simple = isinstance(item, Indicator) or item.type == "yes-no"
        self.multi = isinstance(item, Question) and item.type == "multi-choice"
        described = text_for(item.text, self.lang)
        for b in self._yes_no.values():
            b.setVisible(simple)
        fill = QSizePolicy.Policy.Minimum if simple else QSizePolicy.Policy.Expanding
        self._row_end.changeSize(0, 0, fill, QSizePolicy.Policy.Minimum)
        self._row.invalidate()
        self.option_buttons = {}
        if simple:
            for value, b in self._yes_no.items():
                label = tr(YES_NO_LABELS[value])
                b.setText(label.replace("&", "") if self.compact else label)
                b.setAccessibleName(label.replace("&", ""))
                self.option_buttons[value] = b
        options = item.options if isinstance(item, Question) and not simple else []
        for n, o in enumerate(options):
            b = self._option_button(n)
            label = f"&{n + 1} {text_for(o.label, self.lang)}"
            b.setText(label.replace("&", "") if self.compact else label)
            b.setAccessibleName(label.replace("&", ""))
            b.setProperty("value", o.id)
            b.show()
            self.option_buttons[o.id] = b
        for b in self._pool[len(options) :]:
            b.hide()
        for b in (*self.option_buttons.values(), *self.special_buttons.values()):
            b.setAccessibleDescription(described)
        self.free.setVisible(self.kind == "free")
        self.free.setAccessibleDescription(described)
        self.free.setPlaceholderText(placeholder(item, self.lang))

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
            chain += self.context_box.controls()
        return chain

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self._focus_in(event)
        return False

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        self._focus_in(event)

    def _focus_in(self, event: Any) -> None:
        """The worker moved into this panel (Tab, a click, a mnemonic); focus that
        Qt moves itself (a page shown, a panel hidden) does not move the walk."""
        if self.item_id and event.reason() in WORKER_MOVES:
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
        if read_only == self.read_only and self.item is not None:
            return
        self.read_only = read_only
        for b in (*self._yes_no.values(), *self._pool, *self.special_buttons.values()):
            b.setEnabled(not read_only)
        self.free.setEnabled(not read_only)
        if self.context_box is not None:
            self.context_box.set_read_only(read_only)

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
        if self.context_box is not None:
            self.context_box.fill(context)
        self.show_summary()

    def show_summary(self, saved: str = "") -> None:
        """What is recorded for the item (section mode), and when it was saved."""
        if self.item is None:
            return
        text = summary_text(self.item, self.answer, self.stored_context, self.lang, saved)
        self.summary.setText(text)
        self.summary.setVisible(bool(text) and self.compact)

    def show_context(self, on: bool) -> None:
        if self.compact:
            box = self._build_context()
            box.setVisible(on)
            if self.context_toggle.isChecked() != on:
                self.context_toggle.setChecked(on)
            if on:
                box.source.setFocus()

    def set_wording(self, child: bool, child_lang: str) -> None:
        """Adult words or child words (in the child's language where the checklist has it)."""
        self._wording = (child, child_lang)
        chosen = self.checklist.languages.get(child_lang)
        self._child_rtl = chosen is not None and chosen.direction == "rtl"
        item = self.item
        if item is None:
            return
        rtl = False
        notes, worker, options = "", "", ""
        shown = text_for(item.text, self.lang)
        if child and item.child_text is not None:
            text = item.child_text
            has = isinstance(text, str) or child_lang in text
            shown_lang = child_lang if has else self.lang
            shown = text_for(text, shown_lang)
            info = self.checklist.languages.get(shown_lang)
            rtl = info is not None and info.direction == "rtl"
            if not has:
                name = self.checklist.languages[child_lang].name
                notes = self.tr("This item has no child wording in {0}.").format(name)
            elif info is not None and info.status == "draft" and shown_lang != self.lang:
                notes = self.tr("Draft translation: have a qualified interpreter check it.")
            if shown_lang != self.lang:
                worker = self.tr("In your language: {0}").format(text_for(text, self.lang))
            if isinstance(item, Question) and any(o.child_label for o in item.options):
                options = "   ".join(
                    f"{n} · {text_for(o.child_label or o.label, shown_lang)}"
                    for n, o in enumerate(item.options, 1)
                )
        elif child:
            notes = self.tr("No child wording for this item: adult words shown.")
        self.text.setText(shown)
        self.words_note.setText(notes)
        self.worker_text.setText(worker)
        self.child_options.setText(options)
        if self.context_box is not None:
            self.context_box.set_child_rtl(self._child_rtl)
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        align = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        for w in (self.text, self.child_options):
            w.setLayoutDirection(direction)
            w.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        for w in (self.words_note, self.worker_text, self.child_options):
            if w.isHidden() == bool(w.text()):
                w.setVisible(bool(w.text()))

    # -- answering -------------------------------------------------------------------

    def context_fields(self) -> dict[str, Any]:
        """The per-answer part of the context as typed in this panel."""
        if self.context_box is None:  # never opened: what is stored goes on
            c = self.stored_context or AnswerContext()
            return {
                "source": c.source,
                "worker_note": c.worker_note,
                "child_words": c.child_words,
                "read_back": c.read_back,
            }
        return self.context_box.fields()

    def handle_key(self, key: str) -> bool:
        """Answer by a single key: Y / N / U, a digit for an option, D, S; C shows
        the context in section mode. True when the key was used."""
        item = self.item
        if self.read_only or item is None:
            return False
        simple = isinstance(item, Indicator) or item.type == "yes-no"
        if simple and key in KEYS:
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
        if not raw or item is None:
            return
        value: Any = raw
        if isinstance(item, Question) and item.type == "number":
            try:
                value = float(raw.replace(",", ".")) if ("." in raw or "," in raw) else int(raw)
            except ValueError:
                self.message.emit(self.tr("Not saved: expected a number."))
                return
        if isinstance(item, Question) and item.type == "date":
            problem = date_problem(raw)
            if problem:
                self.message.emit(problem)
                return
            value = dt.date.fromisoformat(raw).isoformat()
        self.give(Answer(value=value))
