"""The screening walk-through, the immediate-danger stop and the review.

One item at a time, keyboard first: Y / N / U answer an indicator or a yes-no
question, digits choose an option, D records "declined", S "not asked";
Alt+Right / Alt+Left (or Page Down / Page Up) move, Ctrl+R opens the review.
Every answer is saved to the store the moment it is given, with its context
(source, the child's own words verbatim, language, interpreter, read back), and
the screen says so. An answer that signals immediate danger stops the walk at once
until the worker acknowledges the emergency action.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from idcheck.checklist import (
    Answer,
    Checklist,
    ChecklistError,
    ContactRole,
    DangerHit,
    Indicator,
    Question,
    Routes,
    assess,
    danger_hit,
    load_checklist_bytes,
    load_routes_ref,
    text_for,
)
from idcheck.store import SOURCES, AnswerContext, Decision, ScreeningRecord

SOURCE_LABELS = {
    "observed": "I observed it",
    "child-said": "The child said it",
    "other-said": "Another person said it",
    "document": "A document shows it",
}
STRENGTH_ORDER = ("strong", "medium", "weak")


def contacts_for(
    checklist: Checklist, role: str | None, store_contacts: list[dict[str, Any]], lang: str
) -> list[str]:
    """Lines naming who to call for a role: the site's contacts, then national numbers."""
    if role is None:
        return []
    lines = [
        f"{c['name']}: {c.get('phone') or ''}".strip(": ")
        for c in store_contacts
        if c.get("role") == role
    ]
    for ref in checklist.routes:
        found = _role(ref, role)
        if found is not None and found[1].national_number:
            routes, r = found
            lines.append(f"{text_for(r.label, lang)}: {r.national_number} ({routes.jurisdiction})")
    return lines


def _role(routes_ref: str, role: str) -> tuple[Routes, ContactRole] | None:
    """A role of installed referral routes; None when either is missing."""
    try:
        routes = load_routes_ref(routes_ref)
        return routes, routes.role(role)
    except (KeyError, ChecklistError):
        return None


class DangerDialog(QDialog):
    """Stops the walk: the emergency message, the action and whom to call."""

    def __init__(
        self,
        checklist: Checklist,
        hit: DangerHit,
        contacts: list[dict[str, Any]],
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Immediate danger: stop the screening"))
        box = QVBoxLayout(self)
        msg = QLabel(text_for(hit.danger.message, lang))
        msg.setObjectName("danger")
        msg.setWordWrap(True)
        box.addWidget(msg)
        action = QLabel(text_for(hit.danger.action.text, lang))
        action.setWordWrap(True)
        box.addWidget(action)
        for line in contacts_for(checklist, hit.danger.action.notify, contacts, lang):
            box.addWidget(QLabel(line))
        self.ack = QPushButton(self.tr("I have read this and am acting on it"))
        self.ack.setAccessibleName(self.tr("Acknowledge the immediate danger"))
        self.ack.clicked.connect(self.accept)
        box.addWidget(self.ack)

    def reject(self) -> None:
        """Escape does not dismiss it: the worker acknowledges it explicitly."""


class ReviewDialog(QDialog):
    """Indicators recorded, what the rules suggest and why, and the decision."""

    def __init__(
        self,
        checklist: Checklist,
        answers: dict[str, Answer],
        lang: str,
        read_only: bool,
        decision: Decision | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review and decision"))
        self.result_assessment = assess(checklist, answers)
        a = self.result_assessment
        box = QVBoxLayout(self)
        parts = [
            "<h3>" + self.tr("Indicators recorded") + "</h3>",
            self._recorded_text(checklist, a.recorded_indicators, answers, lang),
            "<h3>"
            + self.tr("The checklist's rules suggest: {0}").format(
                html.escape(text_for(a.outcome.label, lang))
            )
            + "</h3>",
            "<p>" + html.escape(text_for(a.outcome.description, lang)) + "</p>",
        ]
        if a.fired:
            parts.append("<p><b>" + self.tr("Why:") + "</b></p><ul>")
            for f in a.fired:
                because = "".join(
                    f"<li>{html.escape(text_for(checklist.item(i).text, lang))}</li>"
                    for i in checklist.item_ids()
                    if i in f.because_of
                )
                parts.append(
                    f"<li>{html.escape(text_for(f.rule.explain, lang))}"
                    + (f"<ul>{because}</ul>" if because else "")
                    + "</li>"
                )
            parts.append("</ul>")
        else:
            parts.append("<p>" + self.tr("No rule fired.") + "</p>")
        if a.unanswered:
            parts.append(
                "<p><i>"
                + self.tr("{0} item(s) not answered yet.").format(len(a.unanswered))
                + "</i></p>"
            )
        self.summary = QTextBrowser()
        self.summary.setAccessibleName(self.tr("What was recorded and what the rules suggest"))
        self.summary.setHtml("".join(parts))
        box.addWidget(self.summary, 1)
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("Your decision"))
        for o in checklist.outcomes:
            self.outcome.addItem(text_for(o.label, lang), o.id)
        chosen = decision.decision_outcome if decision else a.outcome.id
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(chosen)))
        self.reasons = QPlainTextEdit(decision.reasons if decision else "")
        self.reasons.setAccessibleName(self.tr("Your reasons"))
        self.reasons.setTabChangesFocus(True)
        self.reasons.setMaximumHeight(120)
        form = QFormLayout()
        form.addRow(self.tr("Your decision"), self.outcome)
        form.addRow(self.tr("Your reasons (required when you differ)"), self.reasons)
        box.addLayout(form)
        self.note = QLabel("")
        box.addWidget(self.note)
        self.buttons = QDialogButtonBox()
        self.complete_button = self.buttons.addButton(
            self.tr("Record decision and complete"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)
        if read_only:
            self.outcome.setEnabled(False)
            self.reasons.setReadOnly(True)
            self.complete_button.setEnabled(False)

    @staticmethod
    def _recorded_text(
        checklist: Checklist, recorded: tuple[str, ...], answers: dict[str, Answer], lang: str
    ) -> str:
        if not recorded:
            return "<p>—</p>"
        groups: dict[str, list[Indicator]] = {}
        for item_id in recorded:
            item = checklist.item(item_id)
            assert isinstance(item, Indicator)
            groups.setdefault(item.dimension, []).append(item)
        parts = []
        for dim, items in groups.items():
            label = text_for(checklist.dimension(dim).label, lang)
            rows = []
            for it in sorted(items, key=lambda i: STRENGTH_ORDER.index(i.strength)):
                ans = answers[it.id].option_ids()
                mark = "unsure" if "unsure" in ans else "yes"
                verification = (
                    "" if it.verification == "verified" else f" <i>[{it.verification} source]</i>"
                )
                rows.append(
                    f"<li>{it.strength} · {mark} · "
                    f"{html.escape(text_for(it.text, lang))}{verification}</li>"
                )
            parts.append(f"<p><b>{html.escape(label)}</b></p><ul>" + "".join(rows) + "</ul>")
        return "".join(parts)

    def decision(self) -> Decision:
        return Decision(
            self.result_assessment.outcome.id,
            self.result_assessment.fired_ids,
            str(self.outcome.currentData()),
            self.reasons.toPlainText().strip(),
        )

    def _check(self) -> None:
        d = self.decision()
        if d.differs and not d.reasons:
            self.note.setText(
                self.tr("Give your reasons: your decision differs from the suggestion.")
            )
            self.reasons.setFocus()
            return
        self.accept()


class ScreeningView(QWidget):
    """Walk a screening item by item; every answer saved as it is given."""

    closed = Signal()
    completed = Signal(int)

    def __init__(self, session: Any, screening_id: int, lang: str = "en") -> None:
        super().__init__()
        self.session = session
        self.screening_id = screening_id
        self.lang = lang
        record: ScreeningRecord = session.store.get_screening(screening_id)
        self.record = record
        self.checklist = load_checklist_bytes(record.checklist_text)
        self.answers: dict[str, Answer] = record.plain_answers()
        self.read_only = record.completed
        self.child_words_mode = False
        self._build()
        visible = self.visible_ids()
        start = record.position if record.position in visible else None
        if start is None:
            unanswered = [i for i in visible if i not in self.answers]
            start = unanswered[0] if unanswered else visible[0]
        self.show_item(start)

    # -- layout ------------------------------------------------------------------

    def _build(self) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.overview = QListWidget()
        self.overview.setAccessibleName(self.tr("Overview of the items"))
        self.overview.itemActivated.connect(
            lambda it: self.show_item(it.data(Qt.ItemDataRole.UserRole))
        )
        self.section = QLabel()
        self.section.setObjectName("section")
        self.progress = QLabel()
        self.text = QLabel()
        self.text.setObjectName("itemtext")
        self.text.setWordWrap(True)
        self.guidance = QLabel()
        self.guidance.setObjectName("guidance")
        self.guidance.setWordWrap(True)
        self.reading = QLabel()
        self.reading.setObjectName("reading")
        self.reading.setWordWrap(True)
        self.words_toggle = QPushButton(self.tr("Child &words"))
        self.words_toggle.setCheckable(True)
        self.words_toggle.toggled.connect(self._toggle_words)
        self.answer_box = QGroupBox(self.tr("Answer"))
        self.answer_layout = QHBoxLayout(self.answer_box)
        self.free = QLineEdit()
        self.free.setAccessibleName(self.tr("Answer"))
        self.free.returnPressed.connect(self._save_free)
        self.option_group = QButtonGroup(self)
        # answer context
        self.source = QComboBox()
        self.source.setAccessibleName(self.tr("Source"))
        self.source.addItem(self.tr("(source not recorded)"), None)
        for s in SOURCES:
            self.source.addItem(self.tr(SOURCE_LABELS[s]), s)
        self.child_words = QPlainTextEdit()
        self.child_words.setAccessibleName(self.tr("The child's own words, as said"))
        self.child_words.setTabChangesFocus(True)
        self.child_words.setMaximumHeight(70)
        self.language = QLineEdit()
        self.language.setAccessibleName(self.tr("Language used"))
        self.interpreter_present = QCheckBox(self.tr("Interpreter present"))
        self.interpreter = QLineEdit()
        self.interpreter.setAccessibleName(self.tr("Interpreter (who)"))
        self.read_back = QCheckBox(self.tr("Read back to the child"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Your note"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(60)
        ctx = QFormLayout()
        ctx.addRow(self.tr("Source"), self.source)
        ctx.addRow(self.tr("Child's own words"), self.child_words)
        ctx.addRow(self.tr("Language"), self.language)
        ctx.addRow(self.interpreter_present, self.interpreter)
        ctx.addRow("", self.read_back)
        ctx.addRow(self.tr("Your note"), self.note)
        self.saved = QLabel("")
        self.saved.setObjectName("saved")
        back = QPushButton(self.tr("◀ Back"))
        back.clicked.connect(lambda: self.go(-1))
        nxt = QPushButton(self.tr("Next ▶"))
        nxt.clicked.connect(lambda: self.go(1))
        review = QPushButton(self.tr("&Review"))
        review.clicked.connect(self.open_review)
        referral = QPushButton(self.tr("Re&ferral…"))
        referral.clicked.connect(self.open_referral)
        leave = QPushButton(self.tr("Back to cases"))
        leave.clicked.connect(self.closed)
        nav = QHBoxLayout()
        for w in (back, nxt, self.saved):
            nav.addWidget(w)
        nav.addStretch()
        nav.addWidget(review)
        nav.addWidget(referral)
        nav.addWidget(leave)
        centre = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(self.section, 1)
        head.addWidget(self.progress)
        head.addWidget(self.words_toggle)
        centre.addLayout(head)
        centre.addWidget(self.text)
        centre.addWidget(self.guidance)
        centre.addWidget(self.reading)
        centre.addWidget(self.answer_box)
        centre.addLayout(ctx)
        centre.addStretch()
        centre.addLayout(nav)
        root = QHBoxLayout(self)
        root.addWidget(self.overview, 1)
        root.addLayout(centre, 3)
        for keys, fn in (
            ("Alt+Right", lambda: self.go(1)),
            ("PgDown", lambda: self.go(1)),
            ("Alt+Left", lambda: self.go(-1)),
            ("PgUp", lambda: self.go(-1)),
            ("Ctrl+R", self.open_review),
            ("Ctrl+P", self.open_referral),
        ):
            sc = QShortcut(QKeySequence(keys), self)
            sc.activated.connect(fn)
        if self.read_only:
            for field in (
                self.source,
                self.child_words,
                self.language,
                self.interpreter_present,
                self.interpreter,
                self.read_back,
                self.note,
                self.free,
            ):
                field.setEnabled(False)

    # -- state -------------------------------------------------------------------

    def visible_ids(self) -> list[str]:
        shown = assess(self.checklist, self.answers).visible
        return [i for i in self.checklist.item_ids() if i in shown]

    def show_item(self, item_id: str) -> None:
        self.current = item_id
        item = self.checklist.item(item_id)
        visible = self.visible_ids()
        self.section.setText(text_for(self.checklist.section_of(item_id).title, self.lang))
        self.progress.setText(
            self.tr("{0} of {1} · {2} answered").format(
                visible.index(item_id) + 1,
                len(visible),
                sum(1 for i in visible if i in self.answers),
            )
        )
        self._set_text(item)
        self.guidance.setText(text_for(item.guidance, self.lang))
        if isinstance(item, Indicator) and item.reading is not None:
            r = item.reading
            self.reading.setText(
                self.tr("What we see: {0}\nA common reading: {1}\nWhat it may mean: {2}").format(
                    text_for(r.seen, self.lang),
                    text_for(r.narrative, self.lang),
                    text_for(r.meaning, self.lang),
                )
            )
        else:
            self.reading.setText("")
        self.reading.setVisible(bool(self.reading.text()))
        self.guidance.setVisible(bool(self.guidance.text()))
        self._build_answers(item)
        self._fill_overview(visible)
        # Keyboard first: free answers are typed at once, others by single keys.
        if self.free.isVisible() and not self.read_only:
            self.free.setFocus()
        else:
            self.setFocus()
        if not self.read_only and self.record.position != item_id:
            self.session.call(lambda s: s.set_position(self.screening_id, item_id))

    def _set_text(self, item: Indicator | Question) -> None:
        if self.child_words_mode and item.child_text is not None:
            child_langs = [c for c, info in self.checklist.languages.items()]
            lang = self.language.text().strip() or self.lang
            self.text.setText(text_for(item.child_text, lang if lang in child_langs else self.lang))
            rtl = self.checklist.languages.get(lang)
            self.text.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft
                if rtl is not None and rtl.direction == "rtl"
                else Qt.LayoutDirection.LeftToRight
            )
        else:
            self.text.setText(text_for(item.text, self.lang))
            self.text.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

    def _toggle_words(self, on: bool) -> None:
        self.child_words_mode = on
        self._set_text(self.checklist.item(self.current))

    def _fill_overview(self, visible: list[str]) -> None:
        self.overview.clear()
        for n, item_id in enumerate(visible, 1):
            mark = "✓" if item_id in self.answers else "·"
            text = text_for(self.checklist.item(item_id).text, self.lang)
            it = QListWidgetItem(f"{mark} {n}. {text[:48]}")
            it.setData(Qt.ItemDataRole.UserRole, item_id)
            self.overview.addItem(it)
            if item_id == self.current:
                self.overview.setCurrentItem(it)

    def _build_answers(self, item: Indicator | Question) -> None:
        while self.answer_layout.count():
            taken = self.answer_layout.takeAt(0)
            old = taken.widget() if taken is not None else None
            if old is not None and old is not self.free:
                old.hide()
                old.deleteLater()
        self.free.hide()
        self.option_buttons: dict[str, QPushButton] = {}
        current = self.answers.get(item.id)
        kind = (
            "options"
            if isinstance(item, Indicator) or item.type in ("yes-no", "choice", "multi-choice")
            else "free"
        )
        if kind == "options":
            labels = (
                {"yes": self.tr("&Yes"), "no": self.tr("&No"), "unsure": self.tr("&Unsure")}
                if isinstance(item, Indicator) or item.type == "yes-no"
                else {
                    o.id: f"&{n} {text_for(o.label, self.lang)}"
                    for n, o in enumerate(item.options, 1)
                }
            )
            for value, label in labels.items():
                b = QPushButton(label)
                b.setCheckable(True)
                b.setChecked(current is not None and value in current.option_ids())
                b.clicked.connect(lambda _c=False, v=value: self.answer_option(v))
                b.setEnabled(not self.read_only)
                self.answer_layout.addWidget(b)
                self.option_buttons[value] = b
        else:
            self.free.setText(
                "" if current is None or current.value is None else str(current.value)
            )
            self.answer_layout.addWidget(self.free)
            self.free.show()  # after it is in the layout: reparenting hides a widget
        for special, label in (
            ("declined", self.tr("&Declined")),
            ("not-asked", self.tr("Not a&sked")),
        ):
            b = QPushButton(label)
            b.setCheckable(True)
            b.setChecked(current is not None and current.status == special)
            b.clicked.connect(lambda _c=False, v=special: self.save(Answer(status=v)))
            b.setEnabled(not self.read_only)
            self.answer_layout.addWidget(b)

    # -- answering -----------------------------------------------------------------

    def keyPressEvent(self, event: Any) -> None:
        if self.read_only or isinstance(self.focusWidget(), QLineEdit | QPlainTextEdit):
            return super().keyPressEvent(event)
        item = self.checklist.item(self.current)
        key = event.text().lower()
        simple = isinstance(item, Indicator) or getattr(item, "type", "") == "yes-no"
        if simple and key in ("y", "n", "u"):
            self.answer_option({"y": "yes", "n": "no", "u": "unsure"}[key])
        elif key == "d":
            self.save(Answer(status="declined"))
        elif key == "s":
            self.save(Answer(status="not-asked"))
        elif key.isdigit() and isinstance(item, Question) and item.options:
            n = int(key)
            if 1 <= n <= len(item.options):
                self.answer_option(item.options[n - 1].id)
        else:
            super().keyPressEvent(event)

    def answer_option(self, value: str) -> None:
        item = self.checklist.item(self.current)
        if isinstance(item, Question) and item.type == "multi-choice":
            current = self.answers.get(item.id)
            chosen = set(current.value) if current and isinstance(current.value, list) else set()
            chosen ^= {value}
            if not chosen:
                return
            self.save(Answer(value=sorted(chosen)), advance=False)
            return
        self.save(Answer(value=value))

    def _save_free(self) -> None:
        item = self.checklist.item(self.current)
        raw = self.free.text().strip()
        if not raw:
            return
        value: Any = raw
        if isinstance(item, Question) and item.type == "number":
            try:
                value = float(raw) if "." in raw else int(raw)
            except ValueError:
                self.saved.setText(self.tr("Not saved: expected a number."))
                return
        if isinstance(item, Question) and item.type == "date":
            try:
                dt.date.fromisoformat(raw)
            except ValueError:
                self.saved.setText(self.tr("Not saved: expected a date as YYYY-MM-DD."))
                return
        self.save(Answer(value=value))

    def context(self) -> AnswerContext:
        def text(w: QLineEdit | QPlainTextEdit) -> str | None:
            t = w.text() if isinstance(w, QLineEdit) else w.toPlainText()
            return t if t.strip() else None

        return AnswerContext(
            source=self.source.currentData(),
            worker_note=text(self.note),
            child_words=text(self.child_words),
            language=text(self.language),
            interpreter_present=self.interpreter_present.isChecked() or None,
            interpreter=text(self.interpreter),
            read_back=self.read_back.isChecked() or None,
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
        self.saved.setText(self.tr("Saved ✓ {0}").format(dt.datetime.now().strftime("%H:%M:%S")))
        self._clear_context()
        spec = danger_hit(item, answer)
        if spec is not None:
            hit = DangerHit(item.id, answer, spec)
            contacts = self.session.call(lambda s: s.list_contacts()) or []
            dialog = DangerDialog(self.checklist, hit, contacts, self.lang, self)
            self.session.track(dialog)
            self.danger_dialog = dialog
            dialog.exec()
        if advance:
            self.go(1)
        else:
            self.show_item(item.id)
        return True

    def _clear_context(self) -> None:
        for w in (self.child_words, self.note):
            w.clear()
        self.source.setCurrentIndex(0)
        self.read_back.setChecked(False)

    def go(self, step: int) -> None:
        visible = self.visible_ids()
        i = visible.index(self.current) if self.current in visible else 0
        j = min(max(0, i + step), len(visible) - 1)
        self.show_item(visible[j])

    def open_review(self) -> None:
        self.record = self.session.store.get_screening(self.screening_id, audit=False)
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
