"""The walk-through's form: its fixed widgets and their layout, held by the view
(``view.form``) as Picard holds a compiled form. The item panels go in
``form.area``; nothing here knows about the store or the walk's state.

Strings are in the ``ScreeningView`` translation context, where they were first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from idcheck.checklist import Checklist
from idcheck.gui import i18n
from idcheck.gui.walk_overview import OverviewModel
from idcheck.store import AnswerContext
from idcheck.window_settings import WALK_MODES, walk_file

__all__ = ["LOCAL_STYLE", "MODES", "WalkForm", "WalkPreferences"]

MODES = WALK_MODES

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
    (a plain settings file that says nothing about any child). ``idcheck interface
    set --walk`` writes the same file (:func:`idcheck.window_settings.write_walk_mode`)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or walk_file()

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


def _toggle(text: str, name: str) -> QPushButton:
    b = QPushButton(text)
    b.setCheckable(True)
    b.setAccessibleName(name)
    return b


def _button(text: str, name: str, keys: str = "") -> QPushButton:
    b = QPushButton(text)
    b.setAccessibleName(name)
    if keys:
        b.setToolTip(keys)
    return b


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


class WalkForm:
    """The widgets around the item panels: heading, switches, banners, the
    conversation, moves and actions, and the overview."""

    def setup(self, view: QWidget, area: QWidget) -> None:
        """Make the widgets and lay them out on ``view``, the panels' ``area`` in
        the middle."""
        self.area = area
        self.overview = QListView()
        self.overview.setAccessibleName(
            QCoreApplication.translate("ScreeningView", "Overview of the items")
        )
        self.overview.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # One line a row, cut by the model: no row is measured or elided again on
        # every answer (eliding the visible rows took half of a key press's time).
        self.overview.setUniformItemSizes(True)
        self.overview.setToolTip(
            QCoreApplication.translate("ScreeningView", "Ctrl+O; Enter opens the item")
        )
        self.only_unanswered = QCheckBox(
            QCoreApplication.translate("ScreeningView", "&Only unanswered")
        )
        self.only_unanswered.setAccessibleName(
            QCoreApplication.translate("ScreeningView", "Show only unanswered items")
        )
        self.case_label = _label("casereference")
        self.case_label.setTextFormat(Qt.TextFormat.PlainText)
        # Never squeezed below its wrapped height by the section view below it.
        self.case_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.section = _label("section")
        self.progress = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(
            QCoreApplication.translate("ScreeningView", "Items answered")
        )
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setMaximumHeight(10)
        self.item_mode_button = _toggle(
            QCoreApplication.translate("ScreeningView", "One &item"),
            QCoreApplication.translate("ScreeningView", "Show one item at a time"),
        )
        self.section_mode_button = _toggle(
            QCoreApplication.translate("ScreeningView", "One s&ection"),
            QCoreApplication.translate("ScreeningView", "Show one section at a time"),
        )
        # Two buttons that show the state; either one switches (Alt+A, Alt+W).
        self.adult_words_button = _toggle(
            QCoreApplication.translate("ScreeningView", "&Adult words"),
            QCoreApplication.translate("ScreeningView", "Show the wording for the worker"),
        )
        self.adult_words_button.setChecked(True)
        self.words_toggle = _toggle(
            QCoreApplication.translate("ScreeningView", "Child &words"),
            QCoreApplication.translate("ScreeningView", "Show the child-friendly wording"),
        )
        self.child_lang = QComboBox()
        self.child_lang.setAccessibleName(
            QCoreApplication.translate("ScreeningView", "The child's language")
        )
        self.child_lang_label = QLabel(
            QCoreApplication.translate("ScreeningView", "Child's &language")
        )
        self.child_lang_label.setBuddy(self.child_lang)
        # banners: completed / amendment, and any immediate danger recorded
        self.banner = _label("banner")
        self.danger_banner = _label("dangerbanner")
        self.danger_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.danger_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the conversation: applies to every answer until changed
        self.language = QLineEdit()
        self.language.setAccessibleName(
            QCoreApplication.translate("ScreeningView", "Language used")
        )
        self.language.setPlaceholderText(QCoreApplication.translate("ScreeningView", "e.g. prs"))
        self.language.setMaximumWidth(140)
        self.interpreter_present = QCheckBox(
            QCoreApplication.translate("ScreeningView", "Interpreter present")
        )
        self.interpreter_present.setAccessibleName(
            QCoreApplication.translate("ScreeningView", "Interpreter present")
        )
        self.interpreter = QLineEdit()
        self.interpreter.setAccessibleName(
            QCoreApplication.translate("ScreeningView", "Interpreter (who)")
        )
        self.interpreter.setPlaceholderText(
            QCoreApplication.translate("ScreeningView", "Interpreter (who)")
        )
        # navigation and actions
        self.saved = QLabel("")
        self.saved.setObjectName("saved")
        self.back_button = _button(
            QCoreApplication.translate("ScreeningView", "◀ Back"),
            QCoreApplication.translate("ScreeningView", "Back"),
            "Alt+Left",
        )
        self.next_button = _button(
            QCoreApplication.translate("ScreeningView", "Next ▶"),
            QCoreApplication.translate("ScreeningView", "Next"),
            "Alt+Right",
        )
        self.unanswered_button = _button(
            QCoreApplication.translate("ScreeningView", "Next unanswered"),
            QCoreApplication.translate("ScreeningView", "Go to the next unanswered item"),
            "Ctrl+U",
        )
        self.review_button = _button(
            QCoreApplication.translate("ScreeningView", "&Review"),
            QCoreApplication.translate("ScreeningView", "Review"),
            "Ctrl+R",
        )
        self.referral_button = _button(
            QCoreApplication.translate("ScreeningView", "Re&ferral…"),
            QCoreApplication.translate("ScreeningView", "Referral summary"),
            "Ctrl+P",
        )
        self.amend_button = _button(
            QCoreApplication.translate("ScreeningView", "A&mend"),
            QCoreApplication.translate(
                "ScreeningView", "Amend this screening as a new linked record"
            ),
        )
        self.leave_button = _button(
            QCoreApplication.translate("ScreeningView", "Back to &cases"),
            QCoreApplication.translate("ScreeningView", "Back to the case list"),
        )
        self._lay_out(view)

    def _lay_out(self, view: QWidget) -> None:
        language_label = QLabel(QCoreApplication.translate("ScreeningView", "Language used"))
        language_label.setBuddy(self.language)
        conversation = QGridLayout()
        conversation.addWidget(
            QLabel(QCoreApplication.translate("ScreeningView", "This conversation:")), 0, 0
        )
        conversation.addWidget(language_label, 0, 1)
        conversation.addWidget(self.language, 0, 2)
        conversation.addWidget(self.interpreter_present, 1, 1)
        conversation.addWidget(self.interpreter, 1, 2)
        conversation.setColumnStretch(2, 1)
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
        for w in (self.item_mode_button, self.section_mode_button):
            switches.addWidget(w)
        switches.addSpacing(12)
        for w in (self.adult_words_button, self.words_toggle):
            switches.addWidget(w)
        switches.addStretch()
        languages = QHBoxLayout()
        languages.addWidget(self.child_lang_label)
        languages.addWidget(self.child_lang)
        languages.addSpacing(12)
        languages.addWidget(self.only_unanswered)
        languages.addStretch()
        moves = QHBoxLayout()
        for move in (self.back_button, self.next_button, self.unanswered_button, self.saved):
            moves.addWidget(move)
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
        centre.addWidget(self.area, 1)
        centre.addLayout(conversation)
        centre.addLayout(nav)
        root = QHBoxLayout(view)
        root.addWidget(self.overview, 1)
        root.addLayout(centre, 3)

    def set_overview_model(self, model: OverviewModel) -> None:
        """The overview shows ``model``. Its current row is kept in view by
        centring it when it leaves the view, not by scrolling a row at a time: a
        walk that moves on one item scrolls the list once a screenful, not at
        every answer."""
        self.overview.setAutoScroll(False)
        self.overview.setModel(model)
        model.follow_width(self.overview)

        def keep_in_view(index: QModelIndex, _previous: QModelIndex) -> None:
            seen, row = self.overview.viewport().rect(), self.overview.visualRect(index)
            if index.isValid() and not (seen.top() <= row.top() and row.bottom() <= seen.bottom()):
                self.overview.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

        self.overview.selectionModel().currentChanged.connect(keep_in_view)

    def tab_tail(self) -> list[QWidget]:
        """After the panels, in tab order: the conversation, the actions, the
        switches and the overview."""
        return [
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

    def show_mode(self, mode: str) -> None:
        """The two mode buttons show which one is on (not a button group, so Tab
        reaches both)."""
        pairs: tuple[tuple[QPushButton, str], ...] = (
            (self.item_mode_button, "item"),
            (self.section_mode_button, "section"),
        )
        for button, m in pairs:
            button.blockSignals(True)
            button.setChecked(m == mode)
            button.blockSignals(False)

    def fill_child_languages(self, checklist: Checklist, chosen: str | None) -> None:
        self.child_lang.blockSignals(True)
        self.child_lang.clear()
        for code, info in checklist.languages.items():
            name = (
                QCoreApplication.translate("ScreeningView", "{0} (draft)").format(info.name)
                if info.status == "draft"
                else info.name
            )
            self.child_lang.addItem(name, code)
        self.child_lang.setCurrentIndex(max(0, self.child_lang.findData(chosen)))
        self.child_lang.blockSignals(False)

    def conversation(self) -> dict[str, Any]:
        """The conversation's part of an answer's context, as typed."""

        def text(w: QLineEdit) -> str | None:
            return w.text() if w.text().strip() else None

        return {
            "language": text(self.language),
            "interpreter_present": self.interpreter_present.isChecked() or None,
            "interpreter": text(self.interpreter),
        }

    def show_conversation(self, ctx: AnswerContext, *, editable: bool) -> None:
        self.language.setText(ctx.language or "")
        self.interpreter_present.setChecked(bool(ctx.interpreter_present))
        self.interpreter.setText(ctx.interpreter or "")
        for w in (self.language, self.interpreter_present, self.interpreter):
            w.setEnabled(editable)

    def say(self, text: str, *, problem: bool = False) -> None:
        """The line under the moves: "Saved ✓ …", or why an answer was not saved
        (in red, so it is not read as saved)."""
        self.saved.setText(text)
        if self.saved.property("problem") != problem:
            self.saved.setProperty("problem", problem)
            self.saved.style().unpolish(self.saved)
            self.saved.style().polish(self.saved)
