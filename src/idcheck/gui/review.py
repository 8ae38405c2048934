"""The immediate-danger stop and the review with the professional's decision.

Both dialogs take plain data (the checklist, the answers, the site's contacts) and
never touch the store: the walk-through view saves what they return.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from idcheck.checklist import Answer, Checklist, DangerHit, Indicator, assess, text_for
from idcheck.gui.session import scrolling
from idcheck.gui.walk_words import whom_to_call
from idcheck.store import Decision
from idcheck.walk import guidance_for

STRENGTH_ORDER = ("strong", "medium", "weak")

#: How an indicator's strength is named in the review (translated at display).
STRENGTH_LABELS = {
    "strong": QT_TRANSLATE_NOOP("ReviewDialog", "Strong indicators"),
    "medium": QT_TRANSLATE_NOOP("ReviewDialog", "Medium indicators"),
    "weak": QT_TRANSLATE_NOOP("ReviewDialog", "Weak indicators"),
}
#: The answer that put an indicator in the review.
MARK_LABELS = {
    "yes": QT_TRANSLATE_NOOP("ReviewDialog", "yes"),
    "unsure": QT_TRANSLATE_NOOP("ReviewDialog", "unsure"),
}
#: How well an indicator's grading is supported, when it is not read in a primary source.
VERIFICATION_LABELS = {
    "secondary": QT_TRANSLATE_NOOP("ReviewDialog", "secondary source"),
    "unverified": QT_TRANSLATE_NOOP("ReviewDialog", "the checklist authors' judgement"),
}


def _tr(context: str, text: object) -> str:
    return QCoreApplication.translate(context, str(text))


class DangerDialog(QDialog):
    """Stops the walk: the emergency message, the action and whom to call."""

    def __init__(
        self,
        checklist: Checklist,
        hit: DangerHit,
        contacts: Sequence[Mapping[str, Any]],
        lang: str,
        parent: QWidget | None = None,
        *,
        reminder: bool = False,
        route_ids: Sequence[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Immediate danger: stop the screening"))
        self.setModal(True)
        # The words in an area that scrolls (at 200 % in a language whose words
        # run long they can be taller than a laptop's screen), the button below
        # it, always in sight; sized to the words when shown (see showEvent).
        self.outer = outer = QVBoxLayout(self)
        self.words = QWidget()
        self.words_box = box = QVBoxLayout(self.words)
        box.setContentsMargins(0, 0, 0, 0)
        if reminder:
            again = QLabel(
                self.tr(
                    "This screening recorded an immediate danger. Make sure it has been acted "
                    "on before you go on."
                )
            )
            again.setWordWrap(True)
            box.addWidget(again)
        msg = QLabel(text_for(hit.danger.message, lang))
        msg.setObjectName("danger")
        msg.setWordWrap(True)
        box.addWidget(msg)
        action = QLabel(text_for(hit.danger.action.text, lang))
        action.setWordWrap(True)
        box.addWidget(action)
        missing, lines = whom_to_call(
            checklist, hit.danger.action.notify, contacts, lang, route_ids
        )
        if missing:
            note = QLabel(missing)
            note.setObjectName("nonumber")
            note.setWordWrap(True)
            box.addWidget(note)
        if lines:
            box.addWidget(QLabel(self.tr("Whom to call:")))
        for line in lines:
            label = QLabel(line)
            label.setObjectName("contact")
            label.setWordWrap(True)
            box.addWidget(label)
        box.addStretch()
        self.words_area = scrolling(self.words)
        self.words_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.words_area, 1)
        self.ack = QPushButton(self.tr("I have read this and am acting on it"))
        self.ack.setAccessibleName(self.tr("Acknowledge the immediate danger"))
        self.ack.setDefault(True)
        self.ack.clicked.connect(self.accept)
        outer.addWidget(self.ack)
        self.ack.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        """Opened as wide as about 60 characters (at most the screen) and as
        tall as its words need at that width (at most the screen; they scroll
        beyond): Qt sizes a dialog by its words unwrapped, which cut them."""
        super().showEvent(event)
        screen = self.screen().availableGeometry()
        margins = self.outer.contentsMargins()
        wide = 60 * self.fontMetrics().averageCharWidth()
        width = min(screen.width() - 40, max(self.width(), wide))
        bar = self.words_area.verticalScrollBar().sizeHint().width()
        inner = width - margins.left() - margins.right() - bar
        height = (
            self.words_box.totalHeightForWidth(inner)
            + self.ack.sizeHint().height()
            + self.outer.spacing()
            + margins.top()
            + margins.bottom()
            + 2 * self.words_area.frameWidth()
        )
        least = self.minimumSizeHint().height()
        self.resize(width, min(screen.height() - 60, max(height, least)))

    def reject(self) -> None:
        """Escape does not dismiss it: the worker acknowledges it explicitly."""


class ReviewDialog(QDialog):
    """Indicators recorded, what the rules suggest and why, and the decision.

    Keyboard: Tab between the decision and the reasons, Ctrl+Return records the
    decision and completes, Escape closes without deciding.
    """

    def __init__(
        self,
        checklist: Checklist,
        answers: dict[str, Answer],
        lang: str,
        read_only: bool,
        decision: Decision | None,
        parent: QWidget | None = None,
        route_ids: Sequence[str] | None = None,
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
        # Said first, not at the end of the text where it scrolled out of sight:
        # completing is final (only an amendment changes it).
        self.unanswered = ""
        if a.unanswered and not read_only:
            self.unanswered = self.tr(
                "{0} of the {1} items shown have no answer. Completing now records the "
                "screening without them, and the referral says so; to answer them, close "
                "the review."
            ).format(len(a.unanswered), len(a.visible))
            parts.insert(0, f'<p style="color:#8b0000"><b>{html.escape(self.unanswered)}</b></p>')
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
        decision_label = QLabel(self.tr("Your &decision"))
        decision_label.setBuddy(self.outcome)
        reasons_label = QLabel(self.tr("Your &reasons (required when you differ)"))
        reasons_label.setBuddy(self.reasons)
        form.addRow(decision_label, self.outcome)
        form.addRow(reasons_label, self.reasons)
        box.addLayout(form)
        # The chosen outcome's standing guidance: what holds throughout, with no
        # due time (it never becomes a task). A small scrolling view, so a long
        # one (large text, a long language) never makes the dialog taller than
        # the screen.
        self.guidance = QTextBrowser()
        self.guidance.setObjectName("guidance")
        line = self.guidance.fontMetrics().lineSpacing()
        self.guidance.setMinimumHeight(2 * line + 8)
        self.guidance.setMaximumHeight(6 * line + 8)
        # Read, not a stop of its own between the reasons and the buttons (as the
        # label it replaces); a screen reader has its accessible name.
        self.guidance.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        box.addWidget(self.guidance)

        def show_guidance() -> None:
            lines = guidance_for(checklist, str(self.outcome.currentData()), lang, route_ids)
            self.guidance.setVisible(bool(lines))
            self.guidance.setHtml(
                "<b>"
                + html.escape(self.tr("Throughout, with no due time (standing guidance):"))
                + "</b><br>"
                + "<br>".join("• " + html.escape(line) for line in lines)
            )
            self.guidance.setAccessibleName(
                self.tr("Standing guidance: {0}").format(" ".join(lines))
            )

        self.outcome.currentIndexChanged.connect(lambda _i: show_guidance())
        show_guidance()
        self.note = QLabel("")
        self.note.setObjectName("note")
        box.addWidget(self.note)
        self.buttons = QDialogButtonBox()
        self.complete_button = self.buttons.addButton(
            self.tr("Record decision and &complete"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.complete_button.setAccessibleName(self.tr("Record the decision and complete"))
        self.complete_button.setToolTip(self.tr("Ctrl+Return"))
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close the review"))
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        box.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self._complete_key)
        self.setTabOrder(self.summary, self.outcome)
        self.setTabOrder(self.outcome, self.reasons)
        self.setTabOrder(self.reasons, self.complete_button)
        self.setTabOrder(self.complete_button, close)
        if read_only:
            self.outcome.setEnabled(False)
            self.reasons.setReadOnly(True)
            self.complete_button.setEnabled(False)
            close.setFocus()
        else:
            self.outcome.setFocus()
        # Room to read what was recorded, the suggestion and why, on a laptop's screen.
        from idcheck.gui.referral import fit_dialog

        fit_dialog(self, parent, 900, 760)

    @staticmethod
    def _recorded_text(
        checklist: Checklist, recorded: tuple[str, ...], answers: dict[str, Answer], lang: str
    ) -> str:
        """Indicators answered yes or unsure, by dimension, then strongest first."""
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
            parts.append(f"<p><b>{html.escape(label)}</b></p>")
            for strength in STRENGTH_ORDER:
                these = [it for it in items if it.strength == strength]
                if not these:
                    continue
                rows = []
                for it in these:
                    ans = answers[it.id].option_ids()
                    mark = _tr("ReviewDialog", MARK_LABELS["unsure" if "unsure" in ans else "yes"])
                    verification = ""
                    if it.verification in VERIFICATION_LABELS:
                        source = _tr("ReviewDialog", VERIFICATION_LABELS[it.verification])
                        verification = f" <i>[{html.escape(source)}]</i>"
                    rows.append(
                        f"<li>{html.escape(mark)} · "
                        f"{html.escape(text_for(it.text, lang))}{verification}</li>"
                    )
                title = html.escape(_tr("ReviewDialog", STRENGTH_LABELS[strength]))
                parts.append(
                    f"<p style='margin-left:12px'>{title}</p><ul>" + "".join(rows) + "</ul>"
                )
        return "".join(parts)

    def decision(self) -> Decision:
        return Decision(
            self.result_assessment.outcome.id,
            self.result_assessment.fired_ids,
            str(self.outcome.currentData()),
            self.reasons.toPlainText().strip(),
        )

    def _complete_key(self) -> None:
        if self.complete_button.isEnabled():
            self._check()

    def _check(self) -> None:
        d = self.decision()
        if d.differs and not d.reasons:
            self.note.setText(
                self.tr("Give your reasons: your decision differs from the suggestion.")
            )
            self.reasons.setFocus()
            return
        self.accept()
