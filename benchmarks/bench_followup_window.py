"""A busy case's follow-up in the real window (offscreen), side by side with the
store reads it makes, in one run (medians of R, taking turns):

* the store alone: the one read the case dialog makes (the case, its tasks,
  referrals, plan versions, missing episodes and timeline);
* the case dialog opened at its timeline: built, the follow-up read and the
  timeline filled (a tab is filled when it is first shown);
* a task marked done through the operation, and the open dialog following it
  (the change said, the follow-up read again, the tab shown filled again);
* My work read and shown.

The case has T tasks (default 300: a third done, the rest due from a day ago to
two weeks ahead, half of them the worker's), 40 referrals with two state changes
each, 10 plan versions of 8 needs, 5 missing episodes and 200 notes, written
through the store's own calls.

    python benchmarks/bench_followup_window.py [--tasks T] [--runs R]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _util import ms, readme_row

PASSWORD = "benchmark password"
HOUR = 3600.0


def build(path: Path, n_tasks: int) -> tuple[int, float]:
    from idcheck.store import (
        CaseDetails,
        MissingDraft,
        PlanEntry,
        ReferralDraft,
        Store,
        TaskDraft,
    )
    from idcheck.store.keys import MINIMUM_KDF

    store, _ = Store.create(path, "bench", PASSWORD, kdf=MINIMUM_KDF)
    case_id = store.create_case(CaseDetails(reference="B-0001", given_name="Amira"))
    now = store.get_case(case_id, audit=False).first_contact_at + HOUR
    for i in range(n_tasks):
        due = now - 24 * HOUR + i * (15 * 24 * HOUR / n_tasks)
        mine = "bench" if i % 2 else None
        tid = store.add_task(
            case_id, TaskDraft(f"Task {i} for the child", assignee=mine, due_at=due)
        )
        if i % 3 == 0:
            store.finish_task(tid, "done", note="done", now=now)
    for i in range(40):
        rid = store.add_referral(case_id, ReferralDraft(f"Agency {i}", "phone", now - HOUR))
        store.set_referral_state(rid, "received", at=now - HOUR / 2)
        store.set_referral_state(rid, "accepted", at=now - HOUR / 4)
    entry = PlanEntry("A safe place", "Placement", "Foster care", "Child welfare", None)
    for v in range(10):
        store.save_plan(case_id, [entry] * 8, next_review_on=None, summary=f"version {v}")
    for i in range(5):
        store.add_missing(
            case_id, MissingDraft(now - (i + 2) * HOUR, found_at=now - (i + 1) * HOUR)
        )
    for i in range(200):
        store.add_note(case_id, f"Note {i}: spoke with the school.")
    store.lock()
    return case_id, now


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=300)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from idcheck.gui import followup_ops as fops
    from idcheck.gui.app import MainWindow
    from idcheck.gui.case_dialog import CaseDialog
    from idcheck.gui.session import store_behind

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as d:
        data = Path(d) / "store"
        t0 = time.perf_counter()
        case_id, now = build(data, args.tasks)
        print(f"store built in {time.perf_counter() - t0:.1f} s")
        w = MainWindow(data, now=lambda: now)
        w.unlock_page.user.setText("bench")
        w.unlock_page.password.setText(PASSWORD)
        w.unlock_page.unlock().wait()
        session = w.session
        assert session is not None
        store = store_behind(session)
        case = store.get_case(case_id, audit=False)
        rows = store.list_screenings(case_id)
        follow = fops.follow_up(case_id).fn(store)
        counts = (
            f"{len(follow.tasks)} tasks, {len(follow.referrals)} referrals, "
            f"{len(follow.plans)} plan versions, {len(follow.timeline)} timeline entries"
        )
        print(f"the case: {counts}")
        open_tasks = [t for t in follow.tasks if t.status == "open"]
        times: dict[str, list[float]] = {
            "read": [],
            "open": [],
            "every tab": [],
            "done": [],
            "my work": [],
        }
        dialog = CaseDialog(case, rows, {}, w, session=session, tab="timeline")
        dialog.show()
        app.processEvents()
        for run in range(args.runs):
            t0 = time.perf_counter()
            fops.follow_up(case_id).fn(store)
            times["read"].append(time.perf_counter() - t0)

            t0 = time.perf_counter()
            opened = CaseDialog(case, rows, {}, w, session=session, tab="timeline")
            opened.show()
            app.processEvents()
            times["open"].append(time.perf_counter() - t0)
            # The other tabs filled too (as the dialog did before filling a tab
            # when it is first shown).
            t0 = time.perf_counter()
            for page in opened.pages.values():
                page.show_follow_up(opened.follow, now)
            app.processEvents()
            times["every tab"].append(time.perf_counter() - t0 + times["open"][-1])
            opened.done(0)
            opened.deleteLater()
            app.processEvents()

            task = open_tasks[run]
            t0 = time.perf_counter()
            session.run(fops.finish_task(case_id, task.id, "done", now=now), dialog)
            app.processEvents()
            times["done"].append(time.perf_counter() - t0)

            t0 = time.perf_counter()
            w.my_work.refresh()
            app.processEvents()
            times["my work"].append(time.perf_counter() - t0)
        shown = w.my_work.model.rowCount()
        dialog.done(0)
        w.lock()
    print(f"medians of {args.runs} (My work shows {shown} tasks):")
    for name, label in (
        ("read", "the store's follow-up read alone"),
        ("open", "the case dialog opened at its timeline"),
        ("every tab", "the same with every tab filled at once"),
        ("done", "a task marked done, the open dialog following"),
        ("my work", "My work read and shown"),
    ):
        print(f"  {label:<48} {ms(statistics.median(times[name]))}")
    ratio = statistics.median(times["open"]) / statistics.median(times["read"])
    print(f"  opening the dialog / the read alone: {ratio:.1f}x")
    med = {k: ms(statistics.median(v)) for k, v in times.items()}
    readme_row(
        f"a busy case's follow-up in the window ({counts}): the dialog opened at its "
        "timeline (every tab filled at once) / a task marked done with the open dialog "
        "following / My work shown, vs the store's read alone",
        f"{med['open']} ({med['every tab']}) / {med['done']} / {med['my work']} vs "
        f"{med['read']} (**{ratio:.1f}x**)",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
