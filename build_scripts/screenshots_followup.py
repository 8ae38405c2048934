"""Screenshots of a case's follow-up in the real window: My work (the first page
after unlocking), the case list's follow-up column, a case's timeline, tasks and
referrals, the forms that change a task and a referral's follow-up date after
saving, and the timeline in Norwegian.

    xvfb-run -a -s "-screen 0 1280x800x24" python build_scripts/screenshots_followup.py \
        [--out docs/screenshots]

A throw-away store of synthetic cases in a temporary folder; the window's clock is
set a day and two hours after the first contact, so some tasks are overdue.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOUR = 3600.0


def follow_up_store(data: Path, password: str) -> tuple[int, float]:
    """A store with synthetic cases; the first has a completed intake screening
    (its plan's tasks), a referral, a plan and a note, the second is missing.
    Returns the first case's id and the window's "now"."""
    from idcheck.checklist import Answer, find, load_bundled
    from idcheck.store import (
        CaseDetails,
        Decision,
        MissingDraft,
        PlanEntry,
        ReferralDraft,
        SiteProfile,
        Store,
        TaskDraft,
    )
    from idcheck.store.keys import MINIMUM_KDF

    store, _ = Store.create(data, "anna", password, kdf=MINIMUM_KDF)
    store.set_site_profile(SiteProfile(name="Reception centre Nord (synthetic)", jurisdiction="NO"))
    amira = store.create_case(CaseDetails(reference="2026-031", given_name="Amira", claimed_age=15))
    tesfay = store.create_case(
        CaseDetails(reference="2026-034", given_name="Tesfay", claimed_age=14)
    )
    store.create_case(CaseDetails(reference="2026-035", given_name="Linh", claimed_age=17))
    first = store.get_case(amira, audit=False).first_contact_at
    checklist = load_bundled("intake-screen")
    text = find("intake-screen").path.read_bytes()
    sid = store.start_screening(amira, checklist, text, hashlib.sha256(text).hexdigest())
    for item, value in (("danger-harm", "no"), ("danger-missing", "no"), ("debt", "yes")):
        store.record_answer(sid, item, Answer(value=value))
    store.record_decision(sid, Decision("full-screening", (), "full-screening"))
    store.complete_screening(sid, now=first + 20 * 60)
    tasks = store.tasks(amira)
    store.finish_task(tasks[0].id, "done", note="Kept apart from the adult", now=first + 30 * 60)
    store.finish_task(tasks[1].id, "done", now=first + 90 * 60)
    interpreter = store.add_task(
        amira,
        TaskDraft(
            "Book an interpreter for the full screening", assignee="anna", due_at=first + 28 * HOUR
        ),
        now=first + 2 * HOUR,
    )
    store.edit_task(
        interpreter,
        due_at=first + 30 * HOUR,
        reason="The Tigrinya interpreter can come at ten",
        now=first + 5 * HOUR,
    )
    ref = store.add_referral(
        amira,
        ReferralDraft(
            "Child welfare duty (barnevernvakten)",
            "phone",
            first + 3 * HOUR,
            follow_up_on=first + 48 * HOUR,
        ),
        now=first + 3 * HOUR,
    )
    store.set_referral_state(ref, "received", at=first + 4 * HOUR)
    store.edit_referral(
        ref,
        follow_up_on=first + 72 * HOUR,
        reason="They will call back after the meeting",
        now=first + 6 * HOUR,
    )
    store.save_plan(
        amira,
        [
            PlanEntry(
                "A safe place to live",
                "Placement tonight",
                "Emergency foster care",
                "Child welfare",
                first + 7 * 24 * HOUR,
            ),
            PlanEntry(
                "Someone to speak for her",
                "A guardian appointed",
                "Ask the guardian service",
                "Case worker",
                first + 3 * 24 * HOUR,
            ),
        ],
        next_review_on=first + 14 * 24 * HOUR,
        summary="First plan after the meeting",
        now=first + 20 * HOUR,
    )
    store.add_note(
        amira, "Amira asked to keep her phone; agreed with the foster carer.", now=first + 21 * HOUR
    )
    store.add_missing(
        tesfay,
        MissingDraft(
            first + 22 * HOUR,
            last_seen_where="Bus station, platform 3",
            reported_at=first + 23 * HOUR,
            reported_by="anna",
            police_reference="P-2026-4411",
        ),
        now=first + 23 * HOUR,
    )
    store.lock()
    return amira, first + 26 * HOUR


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from idcheck.gui import i18n
    from idcheck.gui.app import STYLE, MainWindow
    from idcheck.gui.case_dialog import CaseDialog
    from idcheck.gui.followup_edit_dialogs import FollowUpDateDialog, TaskEditDialog
    from idcheck.gui.session import store_behind

    app = QApplication(sys.argv[:1])
    app.setStyleSheet(STYLE)
    password = "screenshot password"

    def shot(widget, name: str) -> None:
        widget.show()
        widget.raise_()
        for _ in range(10):
            app.processEvents()
        path = args.out / f"{name}.png"
        widget.grab().save(str(path))
        print(f"wrote {path}")

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "store"
        case_id, now = follow_up_store(data, password)
        w = MainWindow(data, now=lambda: now)
        w.resize(1100, 620)
        w.unlock_page.user.setText("anna")
        w.unlock_page.password.setText(password)
        w.unlock_page.unlock().wait()
        assert w.stack.currentWidget() is w.my_work, "My work is not the first page"
        shot(w, "my-work")
        w.show_cases()
        shot(w, "case-list-followup")
        store = store_behind(w.session)
        rows = store.list_screenings(case_id)
        outcomes = w.cases.model.outcomes
        case = store.get_case(case_id, audit=False)
        for tab in ("timeline", "tasks", "referrals"):
            dialog = CaseDialog(case, rows, outcomes, w, session=w.session, tab=tab)
            dialog.resize(1100, 640)
            shot(dialog, f"case-{tab}")
            if tab == "tasks":
                task = next(t for t in store.tasks(case_id) if t.what.startswith("Book"))
                form = TaskEditDialog(task, now, dialog)
                form.reason.setText("The Tigrinya interpreter can come at ten")
                shot(form, "task-edit")
                form.reject()
            if tab == "referrals":
                form = FollowUpDateDialog(store.referrals(case_id)[0], now, dialog)
                shot(form, "follow-up-date")
                form.reject()
            dialog.reject()
        i18n.apply(app, i18n.UiPrefs("nb", 100))
        dialog = CaseDialog(case, rows, outcomes, w, session=w.session, tab="timeline")
        dialog.resize(1100, 640)
        shot(dialog, "case-timeline-nb")
        dialog.reject()
        w.lock()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
