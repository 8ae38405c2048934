"""Where the walk-through hands on: the review and the professional's decision
(which completes the screening), the referral summary, and the amendment of a
completed screening as a new linked draft, opened in the same view."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from idcheck.gui import ops
from idcheck.gui.review import ReviewDialog

if TYPE_CHECKING:
    from idcheck.gui.referral import ReferralDialog
    from idcheck.gui.screening import ScreeningView

__all__ = ["WalkHandoff"]


class WalkHandoff:
    """Review and complete, the referral, amend; and the banner that says which."""

    def __init__(self, view: ScreeningView) -> None:
        self.view = view
        # The dialogs last opened (tests and scripts look at them).
        self.review_dialog: ReviewDialog | None = None
        self.referral_dialog: ReferralDialog | None = None

    def open_review(self) -> None:
        """What was recorded, what the rules suggest and why, and the decision;
        recording it completes the screening, and the walk closes."""
        v = self.view
        walk = v.walk
        record = v.session.run(ops.open_screening(walk.screening_id, audit=False), v)
        if record is None:
            return
        dialog = ReviewDialog(
            walk.checklist,
            dict(walk.answers),
            v.lang,
            walk.read_only,
            record.decision,
            v,
            route_ids=v.route_ids,
        )
        v.session.track(dialog)
        self.review_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted or walk.read_only:
            return
        d = dialog.decision()
        sid = walk.screening_id
        ok = v.session.run(ops.decide_and_complete(sid, d, now=v.session.now()), v)
        if ok:
            walk.complete(dt.datetime.now().timestamp())
            v.completed.emit(sid)
            v.closed.emit()

    def open_referral(self) -> None:
        """Preview, print or save the referral summary (each export audited)."""
        from idcheck.gui.referral import ReferralDialog

        v = self.view
        dialog = ReferralDialog(v.session, v.walk.screening_id, v.walk.case_id, v)
        v.session.track(dialog)
        self.referral_dialog = dialog
        dialog.exec()

    def amend(self) -> None:
        """Amend a completed screening: a new linked draft, opened here for the walk.

        The completed original stays read-only; when it was amended already, its
        amendment is opened instead."""
        v = self.view
        walk = v.walk
        what = walk.amendment()
        if what == "none":
            return
        if what == "open-existing":
            assert walk.amended_by is not None
            v.load(walk.amended_by)
            return
        original = walk.screening_id
        new = v.session.run(ops.amend(original), v)
        if new is None:
            return
        v.load(int(new))
        v.amended.emit(original, int(new))

    def update_banner(self) -> None:
        """Completed (read-only) or an amendment, and the Amend button to match."""
        walk = self.view.walk
        form = self.view.form

        parts = []
        if walk.amends_id is not None:
            parts.append(
                QCoreApplication.translate(
                    "ScreeningView",
                    "This is an amendment of screening #{0}; the original stays as it was.",
                ).format(walk.amends_id)
            )
        if walk.read_only:
            when = dt.datetime.fromtimestamp(walk.completed_at or 0).strftime("%Y-%m-%d %H:%M")
            parts.append(
                QCoreApplication.translate("ScreeningView", "Completed {0}: read-only.").format(
                    when
                )
            )
            if walk.amended_by is not None:
                parts.append(
                    QCoreApplication.translate(
                        "ScreeningView", "It was amended as screening #{0}."
                    ).format(walk.amended_by)
                )
                form.amend_button.setText(
                    QCoreApplication.translate("ScreeningView", "Open the a&mendment")
                )
                form.amend_button.setAccessibleName(
                    QCoreApplication.translate("ScreeningView", "Open the amendment")
                )
            else:
                parts.append(
                    QCoreApplication.translate(
                        "ScreeningView", "To change it, amend it: a new linked record."
                    )
                )
                form.amend_button.setText(QCoreApplication.translate("ScreeningView", "A&mend"))
                form.amend_button.setAccessibleName(
                    QCoreApplication.translate(
                        "ScreeningView", "Amend this screening as a new linked record"
                    )
                )
        form.amend_button.setVisible(walk.read_only)
        form.banner.setText(" ".join(parts))
        form.banner.setVisible(bool(parts))
