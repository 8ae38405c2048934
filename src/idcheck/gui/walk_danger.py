"""The immediate-danger stop: an answer that signals immediate danger stops the
walk at once, with the emergency action and whom to call, until the worker
acknowledges it (Escape does not dismiss it); the acknowledgement is audited. A
banner keeps every danger recorded, with its action and numbers, for as long as
the screening holds it, and a draft that holds one stops again when reopened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from idcheck.checklist import DangerHit, text_for
from idcheck.gui import ops
from idcheck.gui.review import DangerDialog
from idcheck.gui.walk_words import whom_to_call

if TYPE_CHECKING:
    from idcheck.gui.screening import ScreeningView

__all__ = ["DangerStop"]


class DangerStop:
    """The view's danger stop and danger banner."""

    def __init__(self, view: ScreeningView) -> None:
        self.view = view
        # The last stop shown (its result says whether it was acknowledged).
        self.dialog: DangerDialog | None = None

    def _contacts(self) -> list[dict[str, str | None]]:
        return self.view.session.run(ops.list_contacts(), self.view) or []

    def stop(self, hit: DangerHit, *, reminder: bool = False) -> None:
        """Stop the walk until the worker acknowledges ``hit``."""
        v = self.view
        walk = v.walk
        dialog = DangerDialog(
            walk.checklist,
            hit,
            self._contacts(),
            v.lang,
            v,
            reminder=reminder,
            route_ids=v.route_ids,
        )
        v.session.track(dialog)
        self.dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted and v.session.is_open:
            v.session.run(ops.acknowledge_danger(walk.case_id, walk.screening_id), v)

    def remind(self) -> None:
        """A draft reopened with a danger recorded stops again."""
        walk = self.view.walk
        if walk.read_only or not self.view.session.is_open:
            return
        for hit in walk.dangers():
            self.stop(hit, reminder=True)

    def update_banner(self) -> None:
        """Every immediate danger recorded, with its action and the numbers to
        call, for as long as the screening holds it (after the stop too)."""
        v = self.view
        hits = v.walk.dangers()
        contacts = self._contacts() if hits else []
        lines: list[str] = []
        for h in hits:
            lines.append(
                QCoreApplication.translate(
                    "ScreeningView", "Immediate danger recorded: {0}"
                ).format(text_for(h.danger.message, v.lang))
            )
            lines.append(text_for(h.danger.action.text, v.lang))
            missing, calls = whom_to_call(
                v.walk.checklist, h.danger.action.notify, contacts, v.lang, v.route_ids
            )
            if missing:
                lines.append(missing)
            if calls:
                lines.append(
                    QCoreApplication.translate("ScreeningView", "Call: {0}").format(
                        "; ".join(calls)
                    )
                )
        banner = v.form.danger_banner
        banner.setText("\n".join(lines))
        banner.setVisible(bool(hits))
