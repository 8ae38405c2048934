"""The small forms of a case's follow-up: a task added by hand, a task finished
(done, or not needed with a reason), a referral and a change of its state, a
missing episode, and a change of the first contact (with a reason).

Each form only gathers what was typed into a record draft; the case's views run
the operation, and a refusal brings the same form back as typed. *Save* stays
off until what is required is there, and the form says what that is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from idcheck.gui.followup_words import METHODS, NEXT_STATES, STATES, label, tr
from idcheck.gui.session import line_edit, named, wrapped

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from idcheck.store import MissingDraft, MissingEpisode, ReferralDraft, TaskDraft

__all__ = [
    "FinishDialog",
    "FirstContactDialog",
    "MissingDialog",
    "OptionalTime",
    "ReferralRecordDialog",
    "ReferralStateDialog",
    "ReopenDialog",
    "TaskDialog",
    "seconds",
    "time_edit",
]

FORMAT = "yyyy-MM-dd HH:mm"


def time_edit(name: str, ts: float) -> QDateTimeEdit:
    w: QDateTimeEdit = named(QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(ts))), name)
    w.setDisplayFormat(FORMAT)
    w.setCalendarPopup(True)
    # The moment it was opened at, to the second and beyond: a time left as shown
    # is that moment, not the minute the field shows (a state changed "now" is
    # never before the referral sent a few seconds ago).
    w.setProperty("exact", float(ts))
    w.setProperty("shown", w.dateTime())
    return w


def seconds(edit: QDateTimeEdit) -> float:
    if edit.dateTime() == edit.property("shown"):
        return float(edit.property("exact"))
    return float(edit.dateTime().toSecsSinceEpoch())


class OptionalTime(QWidget):
    """A moment that may not be known (yet): a check box, and the time once ticked."""

    def __init__(self, name: str, ts: float | None, default: float) -> None:
        super().__init__()
        self.known = named(QCheckBox(tr("known")), tr("{0}: known").format(name))
        self.edit = time_edit(name, ts if ts is not None else default)
        self.known.setChecked(ts is not None)
        self.edit.setEnabled(ts is not None)
        self.known.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.known)
        row.addWidget(self.edit, 1)

    def value(self) -> float | None:
        return seconds(self.edit) if self.known.isChecked() else None


class _Form(QDialog):
    """A titled form with Save and Cancel; Save waits for the required fields."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.required: list[QLineEdit | QPlainTextEdit] = []
        self.hint = wrapped("")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.hint)
        box.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """Save and Cancel last in the tab order (they were made before the
        fields), and the cursor in the first field: what is typed goes there."""
        super().showEvent(event)
        buttons = [self.save_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        fields: list[QWidget] = []
        w = self.nextInFocusChain()
        while w is not self and w is not None:
            if (
                self.isAncestorOf(w)
                and w not in buttons
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                fields.append(w)
            w = w.nextInFocusChain()
        if not fields:
            return
        for before, after in zip([fields[-1], *buttons], buttons, strict=False):
            QWidget.setTabOrder(before, after)
        fields[0].setFocus(Qt.FocusReason.TabFocusReason)

    def need(self, field: QLineEdit | QPlainTextEdit, hint: str) -> None:
        """``field`` must not be empty; ``hint`` says so while it is."""
        self.required.append(field)
        self.hint.setText(hint)
        field.textChanged.connect(self._check)
        self._check()

    def _text(self, field: QLineEdit | QPlainTextEdit) -> str:
        return (field.text() if isinstance(field, QLineEdit) else field.toPlainText()).strip()

    def _check(self) -> None:
        ready = all(self._text(f) for f in self.required)
        self.save_button.setEnabled(ready)
        self.hint.setVisible(not ready)

    def note_field(self, name: str, text: str = "") -> QPlainTextEdit:
        field: QPlainTextEdit = named(QPlainTextEdit(text), name)
        field.setTabChangesFocus(True)
        field.setFixedHeight(field.fontMetrics().lineSpacing() * 4)
        return field


class TaskDialog(_Form):
    """A task added by hand: what, who is responsible, by when."""

    def __init__(self, now: float, username: str, parent: QWidget | None = None) -> None:
        super().__init__(tr("Add a task"), parent)
        self.username = username
        self.what = line_edit(tr("What is to be done"))
        self.role = line_edit(tr("Responsible role"), placeholder=tr("e.g. social worker"))
        self.contact = line_edit(tr("Contact"), placeholder=tr("name or number"))
        self.due = OptionalTime(tr("Due"), now + 24 * 3600, now)
        self.take = QCheckBox(tr("I take this task"))
        self.note = self.note_field(tr("Note"))
        for caption, w in (
            (tr("What"), self.what),
            (tr("Role"), self.role),
            (tr("Contact"), self.contact),
            (tr("Due"), self.due),
            ("", self.take),
            (tr("Note"), self.note),
        ):
            self.form.addRow(caption, w)
        self.need(self.what, tr("Say what is to be done."))

    def draft(self) -> TaskDraft:
        from idcheck.store import TaskDraft

        return TaskDraft(
            what=self.what.text().strip(),
            role=self.role.text().strip() or None,
            contact=self.contact.text().strip() or None,
            assignee=self.username if self.take.isChecked() else None,
            due_at=self.due.value(),
            note=self.note.toPlainText().strip(),
        )


class FinishDialog(_Form):
    """A task done (with an optional note), or not needed (with a required reason)."""

    def __init__(self, what: str, not_needed: bool, parent: QWidget | None = None) -> None:
        title = tr("Not needed: {0}") if not_needed else tr("Done: {0}")
        super().__init__(title.format(what), parent)
        self.not_needed = not_needed
        self.note = line_edit(tr("Reason") if not_needed else tr("Note"))
        self.form.addRow(tr("Reason") if not_needed else tr("Note"), self.note)
        if not_needed:
            self.need(self.note, tr("Say why the task is not needed."))

    def text(self) -> str:
        return self.note.text().strip()


class ReopenDialog(_Form):
    """A finished task opened again, with the reason (required)."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(tr("Open again: {0}").format(what), parent)
        self.reason = line_edit(tr("Reason"))
        self.form.addRow(tr("Reason"), self.reason)
        self.need(self.reason, tr("Say why the task is open again."))


class ReferralRecordDialog(_Form):
    """A referral sent: to whom, how, when, and when to follow it up."""

    def __init__(self, now: float, parent: QWidget | None = None) -> None:
        super().__init__(tr("Add a referral"), parent)
        self.recipient = line_edit(tr("Sent to"), placeholder=tr("contact or agency"))
        self.method = named(QComboBox(), tr("How it was sent"))
        for value, text in METHODS.items():
            self.method.addItem(label(text), value)
        self.sent = time_edit(tr("Sent"), now)
        self.follow_up = OptionalTime(tr("Follow up on"), now + 3 * 24 * 3600, now)
        self.note = self.note_field(tr("Note"))
        for caption, w in (
            (tr("To"), self.recipient),
            (tr("How"), self.method),
            (tr("Sent"), self.sent),
            (tr("Follow up on"), self.follow_up),
            (tr("Note"), self.note),
        ):
            self.form.addRow(caption, w)
        self.need(self.recipient, tr("Say to whom it was sent."))

    def draft(self) -> ReferralDraft:
        from idcheck.store import ReferralDraft

        return ReferralDraft(
            recipient=self.recipient.text().strip(),
            method=self.method.currentData(),
            sent_at=seconds(self.sent),
            follow_up_on=self.follow_up.value(),
            note=self.note.toPlainText().strip(),
        )


class ReferralStateDialog(_Form):
    """A referral received, accepted, declined (with the reason) or closed."""

    def __init__(
        self, recipient: str, current: str, now: float, parent: QWidget | None = None
    ) -> None:
        super().__init__(tr("Referral to {0}").format(recipient), parent)
        self.state = named(QComboBox(), tr("New state"))
        for value in NEXT_STATES.get(current, ()):
            self.state.addItem(label(STATES[value]), value)
        self.at = time_edit(tr("When"), now)
        self.reason = line_edit(tr("Reason"))
        for caption, w in (
            (tr("State"), self.state),
            (tr("When"), self.at),
            (tr("Reason"), self.reason),
        ):
            self.form.addRow(caption, w)
        self.state.currentIndexChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self.hint.setText(tr("A declined referral needs the reason it was declined."))
        self._check()

    def _check(self) -> None:
        if not hasattr(self, "state"):
            return
        ready = self.state.currentData() != "declined" or bool(self.reason.text().strip())
        self.save_button.setEnabled(ready)
        self.hint.setVisible(not ready)


class MissingDialog(_Form):
    """A missing episode: went missing, reported to the police, found, the return
    interview; filled in as it happens (an episode is updated, never replaced)."""

    def __init__(
        self, now: float, episode: MissingEpisode | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(tr("Missing episode"), parent)
        e = episode
        self.missing_at = time_edit(tr("Went missing"), e.missing_at if e else now)
        self.last_seen = line_edit(tr("Last seen where"))
        self.reported = OptionalTime(
            tr("Reported to the police"), e.reported_at if e else None, now
        )
        self.reported_by = line_edit(tr("Reported by"))
        self.police_reference = line_edit(tr("Police reference"))
        self.found = OptionalTime(tr("Found or returned"), e.found_at if e else None, now)
        self.found_where = line_edit(tr("Found where"))
        self.interview = OptionalTime(tr("Return interview"), e.interview_at if e else None, now)
        self.interview_by = line_edit(tr("Interview by"))
        self.note = self.note_field(tr("Note"), e.note if e else "")
        if e is not None:
            for field, text in (
                (self.last_seen, e.last_seen_where),
                (self.reported_by, e.reported_by),
                (self.police_reference, e.police_reference),
                (self.found_where, e.found_where),
                (self.interview_by, e.interview_by),
            ):
                field.setText(text)
        for caption, w in (
            (tr("Went missing"), self.missing_at),
            (tr("Last seen where"), self.last_seen),
            (tr("Reported to the police"), self.reported),
            (tr("Reported by"), self.reported_by),
            (tr("Police reference"), self.police_reference),
            (tr("Found or returned"), self.found),
            (tr("Found where"), self.found_where),
            (tr("Return interview"), self.interview),
            (tr("Interview by"), self.interview_by),
            (tr("Note"), self.note),
        ):
            self.form.addRow(caption, w)

    def draft(self) -> MissingDraft:
        from idcheck.store import MissingDraft

        return MissingDraft(
            missing_at=seconds(self.missing_at),
            last_seen_where=self.last_seen.text().strip(),
            reported_at=self.reported.value(),
            reported_by=self.reported_by.text().strip(),
            police_reference=self.police_reference.text().strip(),
            found_at=self.found.value(),
            found_where=self.found_where.text().strip(),
            interview_at=self.interview.value(),
            interview_by=self.interview_by.text().strip(),
            note=self.note.toPlainText().strip(),
        )


class FirstContactDialog(_Form):
    """When the child first came to notice: every clock counts from it, so a
    change needs its reason (audited)."""

    def __init__(self, current: float, parent: QWidget | None = None) -> None:
        super().__init__(tr("First contact"), parent)
        self.when = time_edit(tr("First contact"), current)
        self.reason = line_edit(tr("Reason for the change"))
        self.form.addRow(tr("First contact"), self.when)
        self.form.addRow(tr("Reason"), self.reason)
        self.form.addRow(
            wrapped(
                tr("Every due time counts from this moment: when the child first came to notice.")
            )
        )
        self.need(self.reason, tr("Say why the first contact changes."))

    def value(self) -> float:
        return seconds(self.when)
