"""An exercise in the training room: a synthetic case, or a worked example of the
checklist's rules, stepped through with the room.

The steps: the case (who the child is, how they were found), then each item the
case answers, then the room's decision, then — when the trainer presses Reveal
(Ctrl+Return) — what the checklist's rules suggest and why, what the worker
decided, where the room answered otherwise, and what the case teaches. On an item
the room answers, the keys are those of the walk-through: Y / N / U, D "declined",
S "not asked"; on the decision step a digit picks the outcome. The worker's own
answer to an item is on the trainer's page only, until the reveal.

The room's answers are kept in memory (:class:`~idcheck.training.exercises.RoomRecord`)
and never saved anywhere.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from idcheck.checklist import Answer, Assessment, Checklist, text_for
from idcheck.checklist.vocabulary import ANSWER_WORDS, answer_text, source_text
from idcheck.checklist.vocabulary import CONTEXT as ANSWER_CONTEXT
from idcheck.gui.presenter import slide_html, trainer_notes_html
from idcheck.gui.projector import Block, Slide
from idcheck.training.exercises import Exercise, RoomRecord, reveal

__all__ = ["ExercisePanel", "case_choices", "example_choices"]

Choice = tuple[str, Callable[[], Exercise]]
#: The room's answers by key, as in the walk-through.
ROOM_KEYS = {
    "Y": Answer(value="yes"),
    "N": Answer(value="no"),
    "U": Answer(value="unsure"),
    "D": Answer(status="declined"),
    "S": Answer(status="not-asked"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExercisePanel", text)


def _words(text: str) -> str:
    return QCoreApplication.translate(ANSWER_CONTEXT, text)


def case_choices(lang: str) -> list[Choice]:
    """Every synthetic case, as an exercise to choose."""
    from idcheck.training import synthetic_cases
    from idcheck.training.exercises import case_exercise

    out: list[Choice] = []
    for case in synthetic_cases():
        name = case.path.stem.removeprefix("train-")
        out.append((name, partial(case_exercise, case)))
    return out


def example_choices(checklists: list[Checklist], lang: str) -> list[Choice]:
    """Every worked example of every checklist, by checklist."""
    from idcheck.training.exercises import example_exercise

    out: list[Choice] = []
    for checklist in checklists:
        for example in checklist.examples:
            label = f"{text_for(checklist.title, lang)}: {example.name}"
            out.append((label, partial(example_exercise, checklist, example)))
    return out


class ExercisePanel(QWidget):
    """One exercise at a time: its steps, the room's answers, the reveal."""

    changed = Signal()

    def __init__(self, choices: list[Choice], lang: str, label: str) -> None:
        super().__init__()
        self.choices = choices
        self.lang = lang
        self.chooser = QComboBox()
        self.chooser.setAccessibleName(self.tr("Exercise to run"))
        # as wide as the page allows, not as its longest example's name
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chooser.setMinimumContentsLength(20)
        for name, _make in choices:
            self.chooser.addItem(name)
        chooser_label = QLabel(label)
        chooser_label.setBuddy(self.chooser)
        self.view = QTextBrowser()
        self.view.setObjectName("trainerview")
        self.view.setOpenLinks(False)
        self.view.setAccessibleName(
            self.tr("The step, as the room sees it, and the trainer's notes")
        )
        self.answer_buttons: dict[str, QPushButton] = {}
        answers = QHBoxLayout()
        self.answers_label = QLabel(self.tr("The room answers:"))
        for key, answer in ROOM_KEYS.items():
            said = answer.value if answer.status == "answered" else answer.status
            word = _words(ANSWER_WORDS[str(said)])
            b = QPushButton(f"{word} ({key})")
            b.setAccessibleName(self.tr("The room answers: {0}").format(word))
            b.clicked.connect(lambda _c=False, k=key: self.room_answers(k))
            answers.addWidget(b)
            self.answer_buttons[key] = b
        answers.addStretch()
        self.decision = QComboBox()
        self.decision.setAccessibleName(self.tr("The room's decision"))
        self.decision.currentIndexChanged.connect(self._decision_chosen)
        decision_label = QLabel(self.tr("The room's &decision"))
        decision_label.setBuddy(self.decision)
        self.reasons = QLineEdit()
        self.reasons.setAccessibleName(self.tr("The room's reasons"))
        self.reasons.setPlaceholderText(self.tr("The room's reasons (optional)"))
        self.reasons.textChanged.connect(self._reasons_typed)
        self.reveal_button = QPushButton(self.tr("&Reveal"))
        self.reveal_button.setToolTip("Ctrl+Return")
        self.reveal_button.clicked.connect(self.reveal)
        self.restart_button = QPushButton(self.tr("Start a&gain"))
        self.restart_button.clicked.connect(self._load)
        self.decision.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.decision.setMinimumContentsLength(16)
        decide = QHBoxLayout()
        decide.addWidget(decision_label)
        decide.addWidget(self.decision, 1)
        decide.addWidget(self.reasons, 2)
        reveal = QHBoxLayout()
        reveal.addStretch()
        reveal.addWidget(self.reveal_button)
        reveal.addWidget(self.restart_button)
        top = QHBoxLayout()
        top.addWidget(chooser_label)
        top.addWidget(self.chooser, 1)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.view, 1)
        box.addWidget(self.answers_label)
        box.addLayout(answers)
        box.addLayout(decide)
        box.addLayout(reveal)
        for key in ROOM_KEYS:
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda k=key: self.room_answers(k))
        for digit in range(1, 10):
            sc = QShortcut(QKeySequence(str(digit)), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda d=digit: self.decide(d))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(self.reveal)
        self.chooser.currentIndexChanged.connect(lambda _i: self._load())
        self._load()

    # -- state -------------------------------------------------------------------------

    def _load(self) -> None:
        _name, make = self.choices[max(0, self.chooser.currentIndex())]
        self.exercise = make()
        self.room = RoomRecord()
        self.index = 0
        self.revealed = False
        self.decision.blockSignals(True)
        self.decision.clear()
        self.decision.addItem(self.tr("(not decided yet)"), None)
        for n, outcome in enumerate(self.exercise.checklist.outcomes, 1):
            self.decision.addItem(f"{n}. {text_for(outcome.label, self.lang)}", outcome.id)
        self.decision.blockSignals(False)
        self.reasons.blockSignals(True)
        self.reasons.clear()
        self.reasons.blockSignals(False)
        self._show()

    @property
    def last(self) -> int:
        """The decision step; the reveal is one past it."""
        return len(self.exercise.steps) + 1

    def step(self, n: int) -> None:
        top = self.last + 1 if self.revealed else self.last
        self.index = max(0, min(top, self.index + n))
        self._show()

    def room_answers(self, key: str) -> None:
        """Record the room's answer to the item on screen (Y, N, U, D, S)."""
        if not 1 <= self.index <= len(self.exercise.steps):
            return
        step = self.exercise.steps[self.index - 1]
        if not step.asks_room:
            return
        self.room.answers[step.item_id] = ROOM_KEYS[key]
        self._show()

    def decide(self, number: int) -> None:
        """On the decision step, the room's decision by its number."""
        if self.index == self.last and number < self.decision.count():
            self.decision.setCurrentIndex(number)

    def _decision_chosen(self, _index: int) -> None:
        self.room.decision = self.decision.currentData()
        self._show()

    def _reasons_typed(self, text: str) -> None:
        self.room.reasons = text
        if self.index == self.last:
            self._show()

    def reveal(self) -> None:
        """Show what the rules suggest and why, and the teaching point."""
        self.revealed = True
        self.index = self.last + 1
        self._show()

    # -- what is shown -----------------------------------------------------------------

    def _show(self) -> None:
        on_item = 1 <= self.index <= len(self.exercise.steps)
        asks = on_item and self.exercise.steps[self.index - 1].asks_room
        for b in self.answer_buttons.values():
            b.setEnabled(asks)
        slide = self.slide()
        parts = [slide_html(slide), self._trainer_html()]
        self.view.setHtml("\n<hr>\n".join(p for p in parts if p))
        self.changed.emit()

    def _trainer_html(self) -> str:
        """What only the trainer's page shows of the step."""
        ex = self.exercise
        if not 1 <= self.index <= len(ex.steps):
            return ""
        step = ex.steps[self.index - 1]
        item = ex.checklist.item(step.item_id)
        out = [trainer_notes_html(item, self.lang)]
        if step.asks_room and not self.revealed:
            out.append(
                "<p><b>"
                + html.escape(
                    self.tr("The worker answered: {0} (not on the projector until the reveal).")
                ).format(html.escape(answer_text(item, step.key, self.lang, _words)))
                + "</b></p>"
            )
        return "\n".join(out)

    def slide(self) -> Slide:
        ex = self.exercise
        if self.index == 0:
            return self._intro_slide()
        if self.index <= len(ex.steps):
            return self._step_slide()
        if self.index == self.last:
            return self._decision_slide()
        return self._reveal_slide()

    def _title(self) -> str:
        ex = self.exercise
        if ex.kind == "case":
            return self.tr("Exercise: case {0} (synthetic)").format(ex.title)
        return self.tr("Worked example: {0}").format(ex.title)

    def _intro_slide(self) -> Slide:
        ex = self.exercise
        blocks = [Block("headline", text_for(ex.checklist.title, self.lang))]
        case = ex.case
        if case is not None:
            facts = []
            if case.given_name:
                facts.append(case.given_name)
            if case.claimed_age is not None:
                facts.append(self.tr("says {0} years old").format(case.claimed_age))
            if case.assessed_age is not None:
                facts.append(self.tr("assessed at {0}").format(case.assessed_age))
            if case.age_disputed:
                facts.append(self.tr("age disputed"))
            if case.gender:
                facts.append(case.gender)
            if case.languages:
                facts.append(case.languages)
            blocks.append(Block("label", self.tr("The child")))
            blocks.append(Block("text", ", ".join(facts)))
            if case.notes:
                blocks.append(Block("label", self.tr("How the child was met")))
                blocks.append(Block("text", case.notes))
            for adult in case.adults:
                blocks.append(Block("label", self.tr("An adult with the child")))
                relation = adult.stated_relation or ""
                blocks.append(Block("text", f"{adult.description} ({relation})"))
            blocks.append(
                Block(
                    "text",
                    self.tr(
                        "Step through what the worker found, item by item. For each sign, "
                        "what would you answer? Then decide, and see what the rules suggest."
                    ),
                )
            )
        else:
            blocks.append(
                Block(
                    "text",
                    self.tr(
                        "These answers were given. Which outcome do the checklist's rules "
                        "suggest, and which rules lead there?"
                    ),
                )
            )
        return Slide(self._title(), tuple(blocks))

    def _step_slide(self) -> Slide:
        ex = self.exercise
        step = ex.steps[self.index - 1]
        item = ex.checklist.item(step.item_id)
        title = self._title() + " · " + self.tr("item {0} of {1}").format(self.index, len(ex.steps))
        blocks = [Block("headline", text_for(item.text, self.lang))]
        ctx = step.context
        source = source_text(ctx.source, _words)
        if source:
            blocks.append(Block("label", self.tr("Source: {0}").format(source)))
        if ctx.child_words:
            blocks.append(Block("quote", f"“{ctx.child_words}”"))
        if ctx.worker_note:
            blocks.append(Block("label", self.tr("The worker's note")))
            blocks.append(Block("text", ctx.worker_note))
        if step.asks_room and not self.revealed:
            given = self.room.answers.get(step.item_id)
            blocks.append(Block("label", self.tr("The room's answer")))
            blocks.append(
                Block(
                    "reveal",
                    answer_text(item, given, self.lang, _words)
                    if given is not None
                    else self.tr("(not yet: Y yes, N no, U unsure, D declined, S not asked)"),
                )
            )
        else:
            blocks.append(Block("label", self.tr("Recorded")))
            blocks.append(Block("reveal", answer_text(item, step.key, self.lang, _words)))
        return Slide(title, tuple(blocks))

    def _decision_slide(self) -> Slide:
        ex = self.exercise
        question = (
            self.tr("What does the room decide?")
            if ex.kind == "case"
            else self.tr("Which outcome do the rules suggest?")
        )
        blocks = [Block("headline", question)]
        for n, outcome in enumerate(ex.checklist.outcomes, 1):
            blocks.append(Block("text", f"{n}. {text_for(outcome.label, self.lang)}"))
        if self.room.decision is not None:
            blocks.append(Block("label", self.tr("The room says")))
            blocks.append(Block("reveal", self._outcome(self.room.decision)))
            if self.room.reasons:
                blocks.append(Block("text", self.room.reasons))
        return Slide(self._title(), tuple(blocks))

    def _outcome(self, outcome_id: str | None) -> str:
        if outcome_id is None:
            return "—"
        try:
            return text_for(self.exercise.checklist.outcome(outcome_id).label, self.lang)
        except KeyError:
            return outcome_id

    def _why(self, assessment: Assessment) -> list[Block]:
        checklist = self.exercise.checklist
        if not assessment.fired:
            return [
                Block(
                    "text",
                    self.tr("No rule fired: the checklist's default applies."),
                )
            ]
        out = []
        for fired in assessment.fired:
            items = [
                text_for(checklist.item(i).text, self.lang)
                for i in checklist.item_ids()
                if i in fired.because_of
            ]
            text = "• " + text_for(fired.rule.explain, self.lang)
            if items:
                text += "\n   " + self.tr("because of: {0}").format("; ".join(items))
            out.append(Block("text", text))
        return out

    def _reveal_slide(self) -> Slide:
        ex = self.exercise
        shown = reveal(ex, self.room)
        blocks = [
            Block("label", self.tr("What the checklist's rules suggest")),
            Block("reveal", text_for(shown.suggestion.outcome.label, self.lang)),
            Block("label", self.tr("Why")),
            *self._why(shown.suggestion),
        ]
        if shown.room_suggestion is not None and (
            shown.room_suggestion.outcome.id != shown.suggestion.outcome.id
        ):
            blocks.append(Block("label", self.tr("With the room's answers the rules suggest")))
            blocks.append(Block("reveal", text_for(shown.room_suggestion.outcome.label, self.lang)))
            blocks.extend(self._why(shown.room_suggestion))
        if shown.differences:
            blocks.append(Block("label", self.tr("Where the room answered otherwise")))
            for item_id, room, worker in shown.differences:
                item = ex.checklist.item(item_id)
                blocks.append(
                    Block(
                        "text",
                        self.tr("{0}: the room {1}, the worker {2}").format(
                            text_for(item.text, self.lang).rstrip(".?"),
                            answer_text(item, room, self.lang, _words),
                            answer_text(item, worker, self.lang, _words),
                        ),
                    )
                )
        if ex.kind == "case":
            blocks.append(Block("label", self.tr("The worker decided")))
            decided = (
                self._outcome(shown.decision)
                if shown.decision
                else self.tr("nothing yet: the screening is a draft")
            )
            blocks.append(Block("text", decided))
            if shown.reasons:
                blocks.append(Block("quote", shown.reasons))
        if shown.room_decision is not None:
            blocks.append(Block("label", self.tr("The room decided")))
            blocks.append(Block("text", self._outcome(shown.room_decision)))
        if shown.teaching is not None:
            blocks.append(Block("label", self.tr("What this case teaches")))
            blocks.append(Block("teaching", text_for(shown.teaching, self.lang)))
        blocks.append(
            Block(
                "text",
                self.tr("The rules suggest; the professional decides, and records the reasons."),
            )
        )
        return Slide(self._title() + " · " + self.tr("the reveal"), tuple(blocks))
