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
(source, the child's own words verbatim, language, interpreter, read back) and
the place the walk moves on to, in one commit, and the screen says so. An answer
that signals immediate danger stops the walk at once until the worker
acknowledges the emergency action. A completed screening is read-only; amending
it opens a new linked draft here, the original unchanged.

:class:`ScreeningView` composes the walk's state (:class:`idcheck.walk.WalkState`,
no Qt) with its form (:mod:`walk_form`), the panels' area (:mod:`walk_area`), the
overview's model (:mod:`walk_overview`), the danger stop (:mod:`walk_danger`)
and the hand-offs to review, referral and amendment (:mod:`walk_handoff`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from idcheck.checklist import Answer, load_checklist_bytes, text_for
from idcheck.gui import i18n, ops, why
from idcheck.gui.walk_area import PanelArea
from idcheck.gui.walk_danger import DangerStop
from idcheck.gui.walk_form import LOCAL_STYLE, MODES, WalkForm, WalkPreferences
from idcheck.gui.walk_handoff import WalkHandoff
from idcheck.gui.walk_overview import ITEM_ID_ROLE, OverviewModel
from idcheck.gui.walk_panel import ItemPanel
from idcheck.store import AnswerContext
from idcheck.walk import WalkState

__all__ = ["ScreeningView"]


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
        self.route_ids: list[str] = []
        self.jurisdiction: str | None = None
        self.setStyleSheet(i18n.local_style(LOCAL_STYLE))
        self.area = PanelArea()
        self.form = WalkForm()
        self.form.setup(self, self.area)
        self.overview_model = OverviewModel(self)
        self.form.set_overview_model(self.overview_model)
        self.danger = DangerStop(self)
        self.handoff = WalkHandoff(self)
        self._connect()
        self.load(screening_id)
        # F1: the sources and verification of the item with the focus.
        why.install_why_key(
            self,
            lambda: (self.walk.checklist, self.walk.current, self.lang),
            session.track,
            site=lambda: self.jurisdiction,
        )

    def _connect(self) -> None:
        f = self.form
        f.overview.activated.connect(lambda i: self.show_item(i.data(ITEM_ID_ROLE)))
        f.only_unanswered.toggled.connect(self.overview_model.set_only_unanswered)
        f.only_unanswered.toggled.connect(lambda _on: self._select_in_overview())
        # Two buttons that show the state (Tab reaches both); pressing the one
        # already on keeps it on.
        f.item_mode_button.toggled.connect(lambda on: self.set_mode("item" if on else self.mode))
        f.section_mode_button.toggled.connect(
            lambda on: self.set_mode("section" if on else self.mode)
        )
        f.adult_words_button.clicked.connect(lambda: f.words_toggle.setChecked(False))
        f.adult_words_button.clicked.connect(lambda: f.adult_words_button.setChecked(True))
        f.words_toggle.toggled.connect(lambda on: f.adult_words_button.setChecked(not on))
        f.words_toggle.toggled.connect(lambda _on: self._apply_wording())
        f.child_lang.currentIndexChanged.connect(lambda _i: self._apply_wording())
        f.language.textChanged.connect(self._language_typed)
        f.back_button.clicked.connect(lambda: self.go(-1))
        f.next_button.clicked.connect(lambda: self.go(1))
        f.unanswered_button.clicked.connect(self.next_unanswered)
        f.review_button.clicked.connect(self._open_review)
        f.referral_button.clicked.connect(self.handoff.open_referral)
        f.amend_button.clicked.connect(self.handoff.amend)
        f.leave_button.clicked.connect(self._leave)
        self.area.answered.connect(self._answered)
        self.area.focused.connect(self._set_current)
        self.area.message.connect(lambda text: f.say(text, problem=True))
        self.area.context_built.connect(self._set_tab_order)
        for keys, fn in (
            ("Alt+Right", lambda: self.go(1)),
            ("PgDown", lambda: self.go(1)),
            ("Alt+Left", lambda: self.go(-1)),
            ("PgUp", lambda: self.go(-1)),
            ("Alt+Down", lambda: self.go_item(1)),
            ("Alt+Up", lambda: self.go_item(-1)),
            ("Ctrl+U", self.next_unanswered),
            ("Ctrl+O", f.overview.setFocus),
            ("Ctrl+M", lambda: self.set_mode("item" if self.mode == "section" else "section")),
            ("Ctrl+R", self._open_review),
            ("Ctrl+P", self.handoff.open_referral),
        ):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)

    # -- loading -------------------------------------------------------------------

    def load(self, screening_id: int) -> None:
        """Show a screening (audited as a view), where it was left."""
        from idcheck.store import routes_for

        record = self.session.run(ops.open_screening(screening_id), self)
        if record is None:
            return
        checklist = load_checklist_bytes(record.checklist_text)
        walk = self.walk = WalkState.from_record(record, checklist)
        reference = self.session.run(ops.case_reference(record.case_id), self)
        self.form.case_label.setText(
            self.tr("Case {0} · screening #{1}").format(reference or "", screening_id)
        )
        profile = self.session.run(ops.site_profile(), self)
        self.route_ids = routes_for(profile) if profile is not None else []
        self.jurisdiction = (profile.jurisdiction or None) if profile is not None else None
        self.form.fill_child_languages(checklist, walk.child_language(self.lang))
        # The conversation goes on where it was left.
        self.form.show_conversation(walk.conversation(), editable=not walk.read_only)
        self.handoff.update_banner()
        self.danger.update_banner()
        self.area.set_checklist(checklist, self.lang)
        self._apply_wording()
        self.overview_model.show(walk, self.lang)
        self.form.show_mode(self.mode)
        self.show_item(walk.start())
        if not walk.read_only and walk.dangers():
            # Resumed (perhaps after the app was killed with the stop on screen): the
            # walk stops again until the worker acknowledges.
            QTimer.singleShot(0, self, self.danger.remind)

    # -- showing -------------------------------------------------------------------

    @property
    def screening_id(self) -> int:
        """The screening shown."""
        return self.walk.screening_id

    @property
    def panel(self) -> ItemPanel:
        """The panel of the current item (the one the single keys answer)."""
        return self.area.panels[self.walk.current]

    def show_item(self, item_id: str) -> None:
        """Show an item (in section mode, its section with the item focused)."""
        if item_id != self.walk.current:  # before its panel is given to another item
            self.keep_context()
        if self.area.show_item(self.walk, self.mode, item_id):
            self._set_tab_order()
        self._set_current(item_id)
        self.panel.focus_answer()

    def _set_current(self, item_id: str) -> None:
        """The item the single keys answer now; the store keeps the place."""
        walk = self.walk
        if item_id not in self.area.panels:
            return
        if walk.current != item_id:
            self.keep_context()
        walk.current = item_id
        self.area.mark_current(item_id, self.mode)
        self._update_head()
        if walk.read_only:
            self.form.show_conversation(walk.context(item_id) or AnswerContext(), editable=False)
        self.overview_model.refresh()
        self._select_in_overview()
        if not walk.read_only and walk.position != item_id:
            sid = walk.screening_id
            if self.session.run(ops.move(sid, item_id), self):
                walk.position = item_id

    def _select_in_overview(self) -> None:
        row = self.overview_model.row_of(self.walk.current)
        index = self.overview_model.index(row) if row >= 0 else QModelIndex()
        if self.form.overview.currentIndex() != index:
            self.form.overview.setCurrentIndex(index)

    def _update_head(self) -> None:
        walk, form = self.walk, self.form
        p = walk.progress()
        form.section.setText(text_for(walk.checklist.section_of(walk.current).title, self.lang))
        self.area.show_intro(walk, self.mode)
        if self.mode == "item":
            text = self.tr("{0} of {1} · {2} answered").format(p.number, p.total, p.answered)
        else:
            text = self.tr("Section {0} of {1} · {2} of {3} answered").format(
                p.section_number, p.sections, p.answered, p.total
            )
        form.progress.setText(text)
        form.progress_bar.setRange(0, p.total)
        form.progress_bar.setValue(p.answered)

    def _set_tab_order(self) -> None:
        """Answer first, then its context, the conversation, the actions, the
        switches and the overview."""
        chain = self.area.focus_chain() + self.form.tab_tail()
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    # -- switches ------------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        """One item or one section at a time; remembered for the next screening."""
        if mode not in MODES:
            raise ValueError(f"unknown walk mode {mode!r}")
        changed = mode != self.mode
        self.mode = mode
        self.form.show_mode(mode)
        if changed:
            self.keep_context()  # the panels are laid out anew
            self.prefs.set_mode(mode)
            if self.walk.current:
                self.show_item(self.walk.current)

    def _apply_wording(self) -> None:
        f = self.form
        self.area.set_wording(f.words_toggle.isChecked(), f.child_lang.currentData() or self.lang)

    def _language_typed(self, text: str) -> None:
        """Typing a language the checklist carries picks it as the child's language."""
        i = self.form.child_lang.findData(text.strip())
        if i >= 0 and i != self.form.child_lang.currentIndex():
            self.form.child_lang.setCurrentIndex(i)

    # -- answering -----------------------------------------------------------------

    def focusInEvent(self, event: Any) -> None:
        """Focus given to the view (e.g. when it is opened) goes where the answer is."""
        super().focusInEvent(event)
        if self.walk.current in self.area.panels:
            self.panel.focus_answer()

    def keyPressEvent(self, event: Any) -> None:
        """A single key answers the item whose panel has the focus."""
        focused: QWidget | None = self.focusWidget()
        if self.walk.read_only or isinstance(focused, QLineEdit | QPlainTextEdit):
            return super().keyPressEvent(event)
        while focused is not None and not isinstance(focused, ItemPanel):
            focused = focused.parentWidget()
        if focused is not None and self.area.panels.get(focused.item_id) is focused:
            self._set_current(focused.item_id)
        if self.walk.current in self.area.panels and self.panel.handle_key(event.text().lower()):
            event.accept()
            return
        super().keyPressEvent(event)

    def _answered(self, item_id: str, answer: Answer, advance: bool) -> None:
        if item_id != self.walk.current:
            self._set_current(item_id)
        self.save(answer, advance=advance)

    def context(self) -> AnswerContext:
        """The context the next answer to the current item is saved with."""
        return AnswerContext(**self.panel.context_fields(), **self.form.conversation())

    def keep_context(self) -> bool:
        """The current item's context changed after it was answered (a note
        added, the child's words corrected, the source changed) is saved with
        the same answer before the walk leaves the item: nothing typed is lost.
        False when it could not be saved (the message says why)."""
        walk = self.walk
        if walk.read_only or walk.current not in self.area.panels:
            return True
        panel = self.panel
        if panel.answer is None:
            return True
        stored = panel.stored_context or AnswerContext()
        typed = panel.context_fields()
        if all(getattr(stored, name) == value for name, value in typed.items()):
            return True
        return self.save(panel.answer, advance=False, context_only=True)

    def _open_review(self) -> None:
        if self.keep_context():
            self.handoff.open_review()

    def _leave(self) -> None:
        if self.keep_context():
            self.closed.emit()

    def save(self, answer: Answer, advance: bool = True, context_only: bool = False) -> bool:
        """Save the current item's answer at once, with its context and where the
        walk goes next (one commit); show that it was saved, or why not, keeping
        what was typed. ``context_only``: the answer is the one saved before, with
        its context changed (a danger it signals has stopped the walk already)."""
        walk = self.walk
        if walk.read_only:
            return False
        item_id, sid, ctx = walk.current, walk.screening_id, self.context()
        target = walk.after_answer(item_id, answer, advance)
        if not self.session.run(ops.save_answer(sid, item_id, answer, ctx, position=target), self):
            self.form.say(
                self.tr("NOT saved — see the message; nothing you typed was lost."), problem=True
            )
            return False
        walk.position = target
        hit = walk.record(item_id, answer, ctx)
        if context_only:
            hit = None
        saved = self.tr("Saved ✓ {0}").format(dt.datetime.now().strftime("%H:%M:%S"))
        self.form.say(saved)
        panel = self.area.panels[item_id]
        panel.set_answer(answer, ctx)
        panel.show_summary(saved)
        self.area.apply_visibility(walk)
        if hit is not None:
            self.danger.stop(hit)
            self.danger.update_banner()
        if advance:
            self.show_item(walk.step_item(1, item_id))
        else:
            self._update_head()
            self.overview_model.refresh()
        return True

    # -- moving --------------------------------------------------------------------

    def go(self, step: int) -> None:
        """Next or previous item; in section mode, section."""
        if self.mode == "item":
            self.go_item(step)
            return
        target = self.walk.step_section(step)
        if target is not None:
            self.show_item(target)

    def go_item(self, step: int) -> None:
        """Next or previous item, in either mode (across sections)."""
        self.show_item(self.walk.step_item(step))

    def next_unanswered(self) -> None:
        target = self.walk.next_unanswered()
        if target is None:
            self.form.say(self.tr("Every item has an answer: open the review (Ctrl+R)."))
            return
        self.show_item(target)
