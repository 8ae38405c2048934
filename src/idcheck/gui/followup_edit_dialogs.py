"""The forms that change a follow-up record after it was saved: a task's text,
note and due time, and a referral's follow-up date.

A due time or a follow-up date changes only with its reason: *Save* waits for
one as soon as the time differs from the one saved, and the form says so. The
due time of a task a follow-up or review date made is that date's, so it is
changed there (the form says where) and not here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from idcheck.gui.followup_dialogs import OptionalTime, _Form
from idcheck.gui.followup_words import label, tr
from idcheck.gui.session import line_edit, wrapped

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from idcheck.store import Referral, Task

__all__ = ["FollowUpDateDialog", "TaskEditDialog"]

#: The clocks of tasks whose due time is a date kept elsewhere.
LINKED = {
    "referral-follow-up": QT_TRANSLATE_NOOP(
        "FollowUp",
        "This task is due on the referral's follow-up date: change that date on the Referrals tab.",
    ),
    "plan-review": QT_TRANSLATE_NOOP(
        "FollowUp",
        "This task is due on the individual plan's review date: save the plan with a new date.",
    ),
}


class TaskEditDialog(_Form):
    """An open task's text, note and due time, as saved; a new due time needs
    the reason."""

    def __init__(self, task: Task, now: float, parent: QWidget | None = None) -> None:
        super().__init__(tr("Change the task"), parent)
        self.task = task
        self.what = line_edit(tr("What is to be done"))
        self.what.setText(task.what)
        self.due = OptionalTime(tr("Due"), task.due_at, now)
        self.reason = line_edit(tr("Reason for the new due time"))
        self.note = self.note_field(tr("Note"), task.note)
        for caption, w in (
            (tr("What"), self.what),
            (tr("Due"), self.due),
            (tr("Reason"), self.reason),
            (tr("Note"), self.note),
        ):
            self.form.addRow(caption, w)
        linked = LINKED.get(task.clock or "")
        if linked is not None:
            self.due.setEnabled(False)
            self.reason.setEnabled(False)
            self.form.addRow(wrapped(label(linked)))
        for signal in (
            self.what.textChanged,
            self.reason.textChanged,
            self.due.known.toggled,
            self.due.edit.dateTimeChanged,
        ):
            signal.connect(self._check)
        self._check()

    def due_changed(self) -> bool:
        return self.due.isEnabled() and self.due.value() != self.task.due_at

    def _check(self) -> None:
        if not hasattr(self, "due"):
            return
        if not self.what.text().strip():
            hint = tr("Say what is to be done.")
        elif self.due_changed() and not self.reason.text().strip():
            hint = tr("Say why the due time changes.")
        else:
            hint = ""
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.save_button.setEnabled(not hint)

    def changes(self) -> dict[str, object]:
        """The fields that differ from the task as saved, for ``edit_task``."""
        out: dict[str, object] = {}
        what = self.what.text().strip()
        if what != self.task.what:
            out["what"] = what
        note = self.note.toPlainText().strip()
        if note != self.task.note:
            out["note"] = note
        if self.due_changed():
            out["due_at"] = self.due.value()
            out["reason"] = self.reason.text().strip()
        return out


class FollowUpDateDialog(_Form):
    """When to follow a referral up (or no date), with the reason for the change."""

    def __init__(self, referral: Referral, now: float, parent: QWidget | None = None) -> None:
        super().__init__(tr("Follow-up of the referral to {0}").format(referral.recipient), parent)
        self.referral = referral
        self.follow_up = OptionalTime(tr("Follow up on"), referral.follow_up_on, now)
        self.reason = line_edit(tr("Reason for the change"))
        self.form.addRow(tr("Follow up on"), self.follow_up)
        self.form.addRow(tr("Reason"), self.reason)
        self.form.addRow(
            wrapped(tr("The referral's follow-up task moves with the date, or closes without one."))
        )
        self.need(self.reason, tr("Say why the follow-up date changes."))

    def value(self) -> float | None:
        return self.follow_up.value()
