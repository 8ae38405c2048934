"""The screening walk-through: one item or one section at a time, the
immediate-danger stop, resume, review and decision, and amendment.

Keyboard first. Single keys answer the item that has the focus: Y / N / U an
indicator or a yes-no question, digits an option, D "declined", S "not asked", C
shows the answer context of an item in section mode. Alt+Right / Alt+Left (or
Page Down / Page Up) move to the next or previous item, or section in section
mode; Alt+Down / Alt+Up move by item in both modes; Ctrl+U jumps to the next
unanswered item, Ctrl+O to the overview (Enter opens the item chosen there),
Ctrl+M switches between one item and one section at a time, Ctrl+R opens the
review, Ctrl+P the referral.

Every answer is saved to the store the moment it is given, with its context
(source, the child's own words verbatim, language, interpreter, read back), and
the screen says so. An answer that signals immediate danger stops the walk at once
until the worker acknowledges the emergency action. A completed screening is
read-only; amending it opens a new linked draft here, the original unchanged.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

from platformdirs import user_config_path
from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from idcheck.checklist import (
    Answer,
    DangerHit,
    Section,
    assess,
    danger_hit,
    load_checklist_bytes,
    text_for,
    visible_item_ids,
)
from idcheck.gui import i18n, ops
from idcheck.gui.review import STRENGTH_ORDER, DangerDialog, ReviewDialog
from idcheck.gui.walk_panel import SOURCE_LABELS, ItemPanel, answer_text
from idcheck.store import AnswerContext, ScreeningRecord
from idcheck.walk import contacts_for

__all__ = [
    "SOURCE_LABELS",
    "STRENGTH_ORDER",
    "DangerDialog",
    "ReviewDialog",
    "ScreeningView",
    "WalkPreferences",
    "contacts_for",
]

MODES = ("item", "section")

#: Drawn on top of the application style: which panel the single keys answer.
LOCAL_STYLE = """
QFrame#card { border: 1px solid #c8ccd2; border-radius: 4px; background: palette(base); }
QFrame#card[current="true"] { border: 3px solid #2a6fdb; }
QLabel#banner { background: #eef0f3; padding: 6px; }
QLabel#dangerbanner { background: #fbe9e9; color: #8b0000; font-weight: 600; padding: 6px; }
QLabel#wordsnote { color: #7a4b00; }
QLabel#workertext { color: #555; font-style: italic; }
QLabel#recorded { color: #1d6b2a; }
QLabel#intro { color: #444; }
QLabel#cardtext { font-size: 13pt; font-weight: 600; }
"""


class WalkPreferences:
    """The worker's choice of one item or one section at a time, kept per computer
    (a plain settings file that says nothing about any child)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or user_config_path("idcheck", appauthor=False) / "walkthrough.ini"

    def _settings(self) -> QSettings:
        return QSettings(str(self.path), QSettings.Format.IniFormat)

    def mode(self) -> str:
        value = self._settings().value("walk/mode", "item")
        return value if value in MODES else "item"

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown walk mode {mode!r}")
        s = self._settings()
        s.setValue("walk/mode", mode)
        s.sync()


class ScreeningView(QWidget):
    """Walk a screening by item or by section; every answer saved as it is given."""

    closed = Signal()
    completed = Signal(int)
    #: original screening id, the new linked draft now shown in this view
    amended = Signal(int, int)

    def __init__(
        self,
        session: Any,
        screening_id: int,
        lang: str | None = None,
        prefs: WalkPreferences | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        # The checklist's texts in the interface language where it has them.
        self.lang = lang or i18n.content_language()
        self.prefs = prefs or WalkPreferences()
        self.mode = self.prefs.mode()
        self.panels: dict[str, ItemPanel] = {}
        self.shown_section: str | None = None
        self.current = ""
        self.danger_dialog: DangerDialog | None = None
        self._visible: tuple[Any, list[str]] | None = None
        self.setStyleSheet(i18n.local_style(LOCAL_STYLE))
        self._build()
        self.load(screening_id)

    # -- layout ------------------------------------------------------------------

    def _build(self) -> None:
        self.overview = QListWidget()
        self.overview.setAccessibleName(self.tr("Overview of the items"))
        self.overview.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overview.setToolTip(self.tr("Ctrl+O; Enter opens the item"))
        self.overview.itemActivated.connect(
            lambda it: self.show_item(it.data(Qt.ItemDataRole.UserRole))
        )
        self.only_unanswered = QCheckBox(self.tr("&Only unanswered"))
        self.only_unanswered.setAccessibleName(self.tr("Show only unanswered items"))
        self.only_unanswered.toggled.connect(lambda _on: self._fill_overview())
        self.case_label = QLabel()
        self.case_label.setObjectName("casereference")
        self.case_label.setWordWrap(True)
        self.case_label.setTextFormat(Qt.TextFormat.PlainText)
        # Never squeezed below its wrapped height by the section view below it.
        self.case_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.section = QLabel()
        self.section.setObjectName("section")
        self.section.setWordWrap(True)
        self.intro = self._intro_label()
        self.progress = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Items answered"))
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setMaximumHeight(10)
        # one item / one section at a time
        self.item_mode_button = self._toggle(
            self.tr("One &item"), self.tr("Show one item at a time")
        )
        self.section_mode_button = self._toggle(
            self.tr("One s&ection"), self.tr("Show one section at a time")
        )
        self.item_mode_button.toggled.connect(lambda on: self._mode_toggled("item", on))
        self.section_mode_button.toggled.connect(lambda on: self._mode_toggled("section", on))
        # adult words / child words, and the child's language
        self.adult_words_button = self._toggle(
            self.tr("&Adult words"), self.tr("Show the wording for the worker")
        )
        self.words_toggle = self._toggle(
            self.tr("Child &words"), self.tr("Show the child-friendly wording")
        )
        # Two buttons that show the state; either one switches (Alt+A, Alt+W).
        self.adult_words_button.setChecked(True)
        self.adult_words_button.clicked.connect(self.show_adult_words)
        self.words_toggle.toggled.connect(self._toggle_words)
        self.child_lang = QComboBox()
        self.child_lang.setAccessibleName(self.tr("The child's language"))
        self.child_lang.currentIndexChanged.connect(lambda _i: self._apply_wording())
        child_lang_label = QLabel(self.tr("Child's &language"))
        child_lang_label.setBuddy(self.child_lang)
        # banners: completed / amendment, and any immediate danger recorded
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.danger_banner = QLabel()
        self.danger_banner.setObjectName("dangerbanner")
        self.danger_banner.setWordWrap(True)
        self.danger_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.danger_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the item or the section
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # the conversation: applies to every answer until changed
        self.language = QLineEdit()
        self.language.setAccessibleName(self.tr("Language used"))
        self.language.setPlaceholderText(self.tr("e.g. prs"))
        self.language.setMaximumWidth(140)
        self.language.textChanged.connect(self._language_typed)
        self.interpreter_present = QCheckBox(self.tr("Interpreter present"))
        self.interpreter_present.setAccessibleName(self.tr("Interpreter present"))
        self.interpreter = QLineEdit()
        self.interpreter.setAccessibleName(self.tr("Interpreter (who)"))
        self.interpreter.setPlaceholderText(self.tr("Interpreter (who)"))
        language_label = QLabel(self.tr("Language used"))
        language_label.setBuddy(self.language)
        conversation = QGridLayout()
        conversation.addWidget(QLabel(self.tr("This conversation:")), 0, 0)
        conversation.addWidget(language_label, 0, 1)
        conversation.addWidget(self.language, 0, 2)
        conversation.addWidget(self.interpreter_present, 1, 1)
        conversation.addWidget(self.interpreter, 1, 2)
        conversation.setColumnStretch(2, 1)
        # navigation and actions
        self.saved = QLabel("")
        self.saved.setObjectName("saved")
        self.back_button = self._button(self.tr("◀ Back"), self.tr("Back"), "Alt+Left")
        self.back_button.clicked.connect(lambda: self.go(-1))
        self.next_button = self._button(self.tr("Next ▶"), self.tr("Next"), "Alt+Right")
        self.next_button.clicked.connect(lambda: self.go(1))
        self.unanswered_button = self._button(
            self.tr("Next unanswered"), self.tr("Go to the next unanswered item"), "Ctrl+U"
        )
        self.unanswered_button.clicked.connect(self.next_unanswered)
        self.review_button = self._button(self.tr("&Review"), self.tr("Review"), "Ctrl+R")
        self.review_button.clicked.connect(self.open_review)
        self.referral_button = self._button(
            self.tr("Re&ferral…"), self.tr("Referral summary"), "Ctrl+P"
        )
        self.referral_button.clicked.connect(self.open_referral)
        self.amend_button = self._button(
            self.tr("A&mend"), self.tr("Amend this screening as a new linked record"), ""
        )
        self.amend_button.clicked.connect(self.amend)
        self.leave_button = self._button(
            self.tr("Back to &cases"), self.tr("Back to the case list"), ""
        )
        self.leave_button.clicked.connect(self.closed)
        # assembling
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.case_label)
        titles.addWidget(self.section)
        head.addLayout(titles, 1)
        counts = QVBoxLayout()
        counts.addWidget(self.progress)
        counts.addWidget(self.progress_bar)
        head.addLayout(counts)
        # Rows that stay narrow enough for a laptop at 200 % text in a long language.
        switches = QHBoxLayout()
        switches.addWidget(self.item_mode_button)
        switches.addWidget(self.section_mode_button)
        switches.addSpacing(12)
        switches.addWidget(self.adult_words_button)
        switches.addWidget(self.words_toggle)
        switches.addStretch()
        languages = QHBoxLayout()
        languages.addWidget(child_lang_label)
        languages.addWidget(self.child_lang)
        languages.addSpacing(12)
        languages.addWidget(self.only_unanswered)
        languages.addStretch()
        moves = QHBoxLayout()
        for w in (self.back_button, self.next_button, self.unanswered_button, self.saved):
            moves.addWidget(w)
        moves.addStretch()
        actions = QHBoxLayout()
        actions.addStretch()
        for w in (self.review_button, self.referral_button, self.amend_button, self.leave_button):
            actions.addWidget(w)
        nav = QVBoxLayout() if i18n.text_size() > 125 else QHBoxLayout()
        nav.addLayout(moves)
        nav.addLayout(actions)
        centre = QVBoxLayout()
        centre.addLayout(head)
        centre.addLayout(switches)
        centre.addLayout(languages)
        centre.addWidget(self.banner)
        centre.addWidget(self.danger_banner)
        centre.addWidget(self.scroll_area, 1)
        centre.addLayout(conversation)
        centre.addLayout(nav)
        root = QHBoxLayout(self)
        root.addWidget(self.overview, 1)
        root.addLayout(centre, 3)
        for keys, fn in (
            ("Alt+Right", lambda: self.go(1)),
            ("PgDown", lambda: self.go(1)),
            ("Alt+Left", lambda: self.go(-1)),
            ("PgUp", lambda: self.go(-1)),
            ("Alt+Down", lambda: self.go_item(1)),
            ("Alt+Up", lambda: self.go_item(-1)),
            ("Ctrl+U", self.next_unanswered),
            ("Ctrl+O", self.focus_overview),
            ("Ctrl+M", self.toggle_mode),
            ("Ctrl+R", self.open_review),
            ("Ctrl+P", self.open_referral),
        ):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)

    def _intro_label(self) -> QLabel:
        label = QLabel()
        label.setObjectName("intro")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _toggle(self, text: str, name: str) -> QPushButton:
        b = QPushButton(text)
        b.setCheckable(True)
        b.setAccessibleName(name)
        return b

    def _button(self, text: str, name: str, keys: str) -> QPushButton:
        b = QPushButton(text)
        b.setAccessibleName(name)
        if keys:
            b.setToolTip(keys)
        return b

    # -- loading -------------------------------------------------------------------

    def load(self, screening_id: int) -> None:
        """Show a screening (audited as a view), where it was left."""
        self.screening_id = screening_id
        record: ScreeningRecord | None = self.session.run(ops.open_screening(screening_id), self)
        if record is None:
            return
        self.record = record
        self.checklist = load_checklist_bytes(record.checklist_text)
        self.answers: dict[str, Answer] = record.plain_answers()
        self.contexts: dict[str, AnswerContext] = {k: v.context for k, v in record.answers.items()}
        self.read_only = record.completed
        self.position = record.position
        from idcheck.store import routes_for

        reference = self.session.call(lambda s: s.case_reference(record.case_id))
        self.case_label.setText(
            self.tr("Case {0} · screening #{1}").format(reference or "", screening_id)
        )
        profile = self.session.call(lambda s: s.site_profile())
        self.route_ids: list[str] = routes_for(profile) if profile is not None else []
        self._fill_child_languages(record)
        for w in (self.language, self.interpreter_present, self.interpreter):
            w.setEnabled(not self.read_only)
        if not self.read_only and record.history:
            # The conversation goes on where it was left.
            last = record.history[-1].context
            self.language.setText(last.language or "")
            self.interpreter_present.setChecked(bool(last.interpreter_present))
            self.interpreter.setText(last.interpreter or "")
        self._update_banner()
        self._update_danger_banner()
        self.shown_section = None
        self.current = ""
        visible = self.visible_ids()
        start = record.position if record.position in visible else None
        if start is None:
            unanswered = [i for i in visible if i not in self.answers]
            start = unanswered[0] if unanswered else visible[0]
        self._show_mode()
        self.show_item(start)
        if not self.read_only and assess(self.checklist, self.answers).dangers:
            # Resumed (perhaps after the app was killed with the stop on screen): the
            # walk stops again until the worker acknowledges.
            QTimer.singleShot(0, self, self._remind_danger)

    def _fill_child_languages(self, record: ScreeningRecord) -> None:
        self.child_lang.blockSignals(True)
        self.child_lang.clear()
        for code, info in self.checklist.languages.items():
            name = self.tr("{0} (draft)").format(info.name) if info.status == "draft" else info.name
            self.child_lang.addItem(name, code)
        # The language the child was last spoken with, where the checklist has it.
        chosen = next(
            (
                a.context.language
                for a in reversed(record.history)
                if a.context.language in self.checklist.languages
            ),
            self.lang if self.lang in self.checklist.languages else None,
        )
        self.child_lang.setCurrentIndex(max(0, self.child_lang.findData(chosen)))
        self.child_lang.blockSignals(False)

    def _update_banner(self) -> None:
        r = self.record
        parts = []
        if r.amends_id is not None:
            parts.append(
                self.tr(
                    "This is an amendment of screening #{0}; the original stays as it was."
                ).format(r.amends_id)
            )
        if r.completed:
            when = dt.datetime.fromtimestamp(r.completed_at or 0).strftime("%Y-%m-%d %H:%M")
            parts.append(self.tr("Completed {0}: read-only.").format(when))
            if r.amended_by is not None:
                parts.append(self.tr("It was amended as screening #{0}.").format(r.amended_by))
                self.amend_button.setText(self.tr("Open the a&mendment"))
                self.amend_button.setAccessibleName(self.tr("Open the amendment"))
            else:
                parts.append(self.tr("To change it, amend it: a new linked record."))
                self.amend_button.setText(self.tr("A&mend"))
                self.amend_button.setAccessibleName(
                    self.tr("Amend this screening as a new linked record")
                )
        self.amend_button.setVisible(r.completed)
        self.banner.setText(" ".join(parts))
        self.banner.setVisible(bool(parts))

    def _update_danger_banner(self) -> None:
        """Every immediate danger recorded, with its action and the numbers to
        call, for as long as the screening holds it (after the stop is acknowledged
        too)."""
        hits = assess(self.checklist, self.answers).dangers
        contacts = (self.session.call(lambda s: s.list_contacts()) or []) if hits else []
        lines: list[str] = []
        for h in hits:
            lines.append(
                self.tr("Immediate danger recorded: {0}").format(
                    text_for(h.danger.message, self.lang)
                )
            )
            lines.append(text_for(h.danger.action.text, self.lang))
            calls = contacts_for(
                self.checklist, h.danger.action.notify, contacts, self.lang, self.route_ids
            )
            if calls:
                lines.append(self.tr("Call: {0}").format("; ".join(calls)))
        self.danger_banner.setText("\n".join(lines))
        self.danger_banner.setVisible(bool(hits))

    # -- state -------------------------------------------------------------------

    def visible_ids(self) -> list[str]:
        """The items shown for the answers so far, in walk order (show-if, live)."""
        key = len(self.answers), tuple(self.answers.items())
        if self._visible is None or self._visible[0] != key:
            shown = visible_item_ids(self.checklist, self.answers)
            self._visible = key, [i for i in self.checklist.item_ids() if i in shown]
        return list(self._visible[1])

    def visible_sections(self) -> list[Section]:
        shown = set(self.visible_ids())
        return [s for s in self.checklist.sections if any(i.id in shown for i in s.items)]

    @property
    def panel(self) -> ItemPanel:
        """The panel of the current item (the one the single keys answer)."""
        return self.panels[self.current]

    # The current panel's fields, by their old names (one item at a time).
    @property
    def source(self) -> QComboBox:
        return self.panel.source

    @property
    def child_words(self) -> QPlainTextEdit:
        return self.panel.child_words

    @property
    def read_back(self) -> QCheckBox:
        return self.panel.read_back

    @property
    def note(self) -> QPlainTextEdit:
        return self.panel.note

    @property
    def free(self) -> QLineEdit:
        return self.panel.free

    @property
    def option_buttons(self) -> dict[str, QPushButton]:
        return self.panel.option_buttons

    def show_item(self, item_id: str) -> None:
        """Show an item (in section mode, its section with the item focused)."""
        section = self.checklist.section_of(item_id)
        if self.mode == "item" or self.shown_section != section.id:
            self._build_panels(section, item_id)
        self._set_current(item_id)
        self.panel.focus_answer()

    def _build_panels(self, section: Section, item_id: str) -> None:
        """The panels on screen: the item, or every item of its section."""
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.panels = {}
        holder = QWidget()
        box = QVBoxLayout(holder)
        # The section's introduction scrolls with its items (long at large text).
        self.intro = self._intro_label()
        box.addWidget(self.intro)
        visible = self.visible_ids()
        number = {i: n for n, i in enumerate(visible, 1)}
        items = (
            [i for i in section.items if i.id == item_id]
            if self.mode == "item"
            else list(section.items)
        )
        for item in items:
            p = ItemPanel(
                self.checklist,
                item,
                self.lang,
                compact=self.mode == "section",
                read_only=self.read_only,
                number=number.get(item.id, 0),
            )
            p.set_answer(self.answers.get(item.id), self.contexts.get(item.id))
            p.answered.connect(self._answered)
            p.focused.connect(self._set_current)
            p.message.connect(self.saved.setText)
            p.context_built.connect(lambda _i: self._set_tab_order())
            box.addWidget(p)
            if item.id not in number:  # once in the layout: never a window of its own
                p.hide()
            self.panels[item.id] = p
        box.addStretch()
        self.scroll_area.setWidget(holder)
        self.shown_section = section.id
        self._apply_wording()
        self._set_tab_order()

    def _set_current(self, item_id: str) -> None:
        if item_id not in self.panels:
            return
        changed = item_id != self.current
        for i, p in self.panels.items():
            p.set_current(i == item_id and self.mode == "section")
        self.current = item_id
        panel = self.panels[item_id]
        if self.mode == "section":
            self._scroll_to(panel)
        self._update_head()
        if self.read_only:
            ctx = self.contexts.get(item_id) or AnswerContext()
            self.language.setText(ctx.language or "")
            self.interpreter_present.setChecked(bool(ctx.interpreter_present))
            self.interpreter.setText(ctx.interpreter or "")
        if changed or self.overview.count() == 0:
            self._fill_overview()
        if not self.read_only and self.position != item_id:
            self.session.call(lambda s: s.set_position(self.screening_id, item_id))
            self.position = item_id

    def _scroll_to(self, panel: ItemPanel) -> None:
        """Bring a panel into view, vertically only."""
        holder = self.scroll_area.widget()
        layout = holder.layout() if holder is not None else None
        if layout is not None:
            layout.activate()
        bar = self.scroll_area.verticalScrollBar()
        top, height = panel.y(), panel.height()
        seen = self.scroll_area.viewport().height()
        if top < bar.value():
            bar.setValue(top - 8)
        elif top + height > bar.value() + seen:
            bar.setValue(min(top - 8, top + height - seen + 8))

    def _update_head(self) -> None:
        visible = self.visible_ids()
        section = self.checklist.section_of(self.current)
        answered = sum(1 for i in visible if i in self.answers)
        self.section.setText(text_for(section.title, self.lang))
        first_of_section = next(i.id for i in section.items if i.id in visible)
        self.intro.setText(text_for(section.intro, self.lang))
        self.intro.setVisible(
            bool(self.intro.text()) and (self.mode == "section" or self.current == first_of_section)
        )
        if self.mode == "item":
            self.progress.setText(
                self.tr("{0} of {1} · {2} answered").format(
                    visible.index(self.current) + 1, len(visible), answered
                )
            )
        else:
            sections = [s.id for s in self.visible_sections()]
            self.progress.setText(
                self.tr("Section {0} of {1} · {2} of {3} answered").format(
                    sections.index(section.id) + 1, len(sections), answered, len(visible)
                )
            )
        self.progress_bar.setRange(0, len(visible))
        self.progress_bar.setValue(answered)

    def _fill_overview(self) -> None:
        visible = self.visible_ids()
        only_open = self.only_unanswered.isChecked()
        self.overview.clear()
        for n, item_id in enumerate(visible, 1):
            answer = self.answers.get(item_id)
            if only_open and answer is not None and item_id != self.current:
                continue
            item = self.checklist.item(item_id)
            text = text_for(item.text, self.lang)
            mark = "✓" if answer is not None else "·"
            it = QListWidgetItem(f"{mark} {n}. {text[:48]}")
            it.setData(Qt.ItemDataRole.UserRole, item_id)
            state = (
                self.tr("answered: {0}").format(answer_text(item, answer, self.lang))
                if answer is not None
                else self.tr("not answered")
            )
            it.setData(Qt.ItemDataRole.AccessibleTextRole, f"{n}. {text} — {state}")
            it.setToolTip(text)
            self.overview.addItem(it)
            if item_id == self.current:
                self.overview.setCurrentItem(it)

    def _set_tab_order(self) -> None:
        """Answer first, then its context, the conversation, the actions, the
        switches and the overview."""
        chain: list[QWidget] = []
        for p in self.panels.values():
            chain += p.focus_chain()
        chain += [
            self.language,
            self.interpreter_present,
            self.interpreter,
            self.back_button,
            self.next_button,
            self.unanswered_button,
            self.review_button,
            self.referral_button,
            self.amend_button,
            self.leave_button,
            self.item_mode_button,
            self.section_mode_button,
            self.adult_words_button,
            self.words_toggle,
            self.child_lang,
            self.only_unanswered,
            self.overview,
        ]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    # -- switches ------------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        """One item or one section at a time; remembered for the next screening."""
        if mode not in MODES:
            raise ValueError(f"unknown walk mode {mode!r}")
        changed = mode != self.mode
        self.mode = mode
        self._show_mode()
        if changed:
            self.prefs.set_mode(mode)
            if self.current:
                self.shown_section = None
                self.show_item(self.current)

    def _show_mode(self) -> None:
        for button, mode in (
            (self.item_mode_button, "item"),
            (self.section_mode_button, "section"),
        ):
            button.blockSignals(True)
            button.setChecked(mode == self.mode)
            button.blockSignals(False)

    def _mode_toggled(self, mode: str, on: bool) -> None:
        # Two buttons that show the state (not a button group, so Tab reaches both);
        # pressing the one already on keeps it on.
        self.set_mode(mode if on else self.mode)

    def toggle_mode(self) -> None:
        self.set_mode("item" if self.mode == "section" else "section")

    @property
    def child_words_mode(self) -> bool:
        return self.words_toggle.isChecked()

    def show_adult_words(self) -> None:
        self.words_toggle.setChecked(False)
        self.adult_words_button.setChecked(True)

    def _toggle_words(self, on: bool) -> None:
        self.adult_words_button.setChecked(not on)
        self._apply_wording()

    def _apply_wording(self) -> None:
        lang = self.child_lang.currentData() or self.lang
        for p in self.panels.values():
            p.set_wording(self.child_words_mode, lang)

    def _language_typed(self, text: str) -> None:
        """Typing a language the checklist carries picks it as the child's language."""
        i = self.child_lang.findData(text.strip())
        if i >= 0 and i != self.child_lang.currentIndex():
            self.child_lang.setCurrentIndex(i)

    # -- answering -----------------------------------------------------------------

    def focusInEvent(self, event: Any) -> None:
        """Focus given to the view (e.g. when it is opened) goes where the answer is."""
        super().focusInEvent(event)
        if self.current in self.panels:
            self.panel.focus_answer()

    def keyPressEvent(self, event: Any) -> None:
        if self.read_only or isinstance(self.focusWidget(), QLineEdit | QPlainTextEdit):
            return super().keyPressEvent(event)
        if self.current in self.panels and self.panel.handle_key(event.text().lower()):
            event.accept()
            return
        super().keyPressEvent(event)

    def answer_option(self, value: str) -> None:
        """Choose an option of the current item (as its button or single key does)."""
        self.panel.choose(value)

    def _answered(self, item_id: str, answer: Answer, advance: bool) -> None:
        self._set_current(item_id)
        self.save(answer, advance=advance)

    def context(self) -> AnswerContext:
        """The context the next answer to the current item is saved with."""

        def text(w: QLineEdit) -> str | None:
            return w.text() if w.text().strip() else None

        return AnswerContext(
            **self.panel.context_fields(),
            language=text(self.language),
            interpreter_present=self.interpreter_present.isChecked() or None,
            interpreter=text(self.interpreter),
        )

    def save(self, answer: Answer, advance: bool = True) -> bool:
        """Save at once; show that it was saved (or why not, keeping what was typed)."""
        if self.read_only:
            return False
        item = self.checklist.item(self.current)
        ctx = self.context()
        saved = self.session.call(
            lambda s: s.record_answer(self.screening_id, item.id, answer, ctx)
        )
        if saved is None:
            self.saved.setText(self.tr("NOT saved — see the message; nothing you typed was lost."))
            return False
        self.answers[item.id] = answer
        self.contexts[item.id] = ctx
        when = dt.datetime.now().strftime("%H:%M:%S")
        self.saved.setText(self.tr("Saved ✓ {0}").format(when))
        panel = self.panels[item.id]
        panel.set_answer(answer, ctx)
        panel.mark_saved(when)
        self._refresh_visibility()
        spec = danger_hit(item, answer)
        if spec is not None:
            self._stop_for_danger(DangerHit(item.id, answer, spec))
            self._update_danger_banner()
        if advance:
            self.go_item(1)
        else:
            self._update_head()
            self._fill_overview()
        return True

    def _refresh_visibility(self) -> None:
        """Show-if, live: panels of the section appear and disappear as answered."""
        visible = set(self.visible_ids())
        for i, p in self.panels.items():
            if p.isHidden() == (i in visible):
                p.setVisible(i in visible)

    def _stop_for_danger(self, hit: DangerHit, reminder: bool = False) -> None:
        contacts = self.session.call(lambda s: s.list_contacts()) or []
        dialog = DangerDialog(
            self.checklist,
            hit,
            contacts,
            self.lang,
            self,
            reminder=reminder,
            route_ids=self.route_ids,
        )
        self.session.track(dialog)
        self.danger_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted and self.session.is_open:
            self.session.call(
                lambda s: s.record_event(
                    "danger-acknowledged",
                    case_id=self.record.case_id,
                    screening_id=self.screening_id,
                )
            )

    def _remind_danger(self) -> None:
        if self.read_only or not self.session.is_open:
            return
        for hit in assess(self.checklist, self.answers).dangers:
            self._stop_for_danger(hit, reminder=True)

    # -- moving --------------------------------------------------------------------

    def go(self, step: int) -> None:
        """Next or previous item; in section mode, section."""
        if self.mode == "item":
            self.go_item(step)
            return
        sections = self.visible_sections()
        ids = [s.id for s in sections]
        here = self.checklist.section_of(self.current).id
        i = ids.index(here) if here in ids else 0
        j = min(max(0, i + step), len(ids) - 1)
        if j == i:
            return
        visible = set(self.visible_ids())
        items = [it.id for it in sections[j].items if it.id in visible]
        open_items = [x for x in items if x not in self.answers]
        self.show_item(open_items[0] if open_items else items[0])

    def go_item(self, step: int) -> None:
        """Next or previous item, in either mode (across sections)."""
        visible = self.visible_ids()
        i = visible.index(self.current) if self.current in visible else 0
        j = min(max(0, i + step), len(visible) - 1)
        self.show_item(visible[j])

    def next_unanswered(self) -> None:
        visible = self.visible_ids()
        i = visible.index(self.current) if self.current in visible else -1
        order = visible[i + 1 :] + visible[: i + 1]
        target = next((x for x in order if x not in self.answers), None)
        if target is None:
            self.saved.setText(self.tr("Every item has an answer: open the review (Ctrl+R)."))
            return
        self.show_item(target)

    def focus_overview(self) -> None:
        self.overview.setFocus()

    # -- review, referral, amendment ------------------------------------------------

    def open_review(self) -> None:
        record = self.session.run(ops.open_screening(self.screening_id, audit=False), self)
        if record is None:
            return
        self.record = record
        dialog = ReviewDialog(
            self.checklist, self.answers, self.lang, self.read_only, self.record.decision, self
        )
        self.session.track(dialog)
        self.review_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted or self.read_only:
            return
        d = dialog.decision()
        ok = self.session.call(
            lambda s: (
                s.record_decision(self.screening_id, d),
                s.complete_screening(self.screening_id),
            )
        )
        if ok is not None:
            self.read_only = True
            self.completed.emit(self.screening_id)
            self.closed.emit()

    def open_referral(self) -> None:
        """Preview, print or save the referral summary (each export audited)."""
        from idcheck.gui.referral import ReferralDialog

        dialog = ReferralDialog(self.session, self.screening_id, self.record.case_id, self)
        self.session.track(dialog)
        self.referral_dialog = dialog
        dialog.exec()

    def amend(self) -> None:
        """Amend a completed screening: a new linked draft, opened here for the walk.

        The completed original stays read-only; when it was amended already, its
        amendment is opened instead."""
        if not self.record.completed:
            return
        if self.record.amended_by is not None:
            self.load(self.record.amended_by)
            return
        original = self.screening_id
        new = self.session.call(lambda s: s.amend_screening(original))
        if new is None:
            return
        self.load(int(new))
        self.amended.emit(original, int(new))
