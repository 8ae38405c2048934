"""``idcheck task edit --due`` on a task whose due time is another record's date
says where that date is changed: the referral's with the command that changes it,
the plan's review date in the window's Individual plan tab (the command line
saves no plan). It said only "change that date instead"."""

from __future__ import annotations

import time

from tests.cli.test_followup_cli import case_with_plan, cli  # noqa: F401
from tests.conftest import open_store

from idcheck.store import PlanEntry, ReferralDraft

DAY = 86400.0


def test_a_linked_due_time_names_where_it_is_changed(case_with_plan, pw, capsys):  # noqa: F811
    store = open_store(case_with_plan)
    try:
        cid = store.case_by_reference("F-1")
        rid = store.add_referral(
            cid,
            ReferralDraft(
                "Barnevernvakten", "phone", time.time(), follow_up_on=time.time() + 2 * DAY
            ),
        )
        store.save_plan(
            cid,
            [PlanEntry("School", "A place", "Enrol", "Guardian", None)],
            next_review_on=time.time() + 30 * DAY,
        )
        linked = {t.what: t.id for t in store.tasks(cid) if t.status == "open"}
    finally:
        store.lock()
    follow = next(i for w, i in linked.items() if w.startswith("Follow up the referral"))
    review = next(i for w, i in linked.items() if w.startswith("Review the individual plan"))
    due = ("--due", "2031-01-06", "--reason", "moved")
    assert cli(case_with_plan, pw, "task", "edit", str(follow), *due) == 2
    assert f"(idcheck referral edit {rid}, or the case's Referrals tab)" in capsys.readouterr().err
    assert cli(case_with_plan, pw, "task", "edit", str(review), *due) == 2
    assert "on the case's Individual plan tab" in capsys.readouterr().err
