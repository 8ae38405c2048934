"""Screenshots of each screen of the real window, for the README.

    xvfb-run -s "-screen 0 1280x800x24" python build_scripts/screenshots.py [--out docs/screenshots]

Uses a throw-away store with synthetic cases in a temporary folder; nothing of a
real store is read.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from idcheck.gui.session import store_behind

ROOT = Path(__file__).resolve().parents[1]


def synthetic_store(data: Path, password: str):
    """A new store in ``data`` with five synthetic cases (no real child), open."""
    from idcheck.store import Adult, CaseDetails, Store
    from idcheck.store.keys import MINIMUM_KDF

    store, _ = Store.create(data, "anna", password, kdf=MINIMUM_KDF)
    cases = [
        ("2026-031", "Amira", 15),
        ("2026-032", "Øystein", None),
        ("2026-033", None, 16),
        ("2026-034", "Tesfay", 14),
        ("2026-035", "Linh", 17),
    ]
    for i, (ref, given, age) in enumerate(cases):
        store.create_case(
            CaseDetails(
                reference=ref,
                given_name=given,
                claimed_age=age,
                adults=(Adult("man, about 30", "uncle"),) if i % 2 else (),
            )
        )
    return store


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from idcheck.gui.app import STYLE, CaseForm, MainWindow

    app = QApplication(sys.argv[:1])
    app.setStyleSheet(STYLE)
    password = "screenshot password"
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "store"
        # The walk-through keeps its one-item / one-section choice per computer:
        # here in the throw-away folder, not in the user's own settings.
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")

        def shot(widget, name: str) -> None:
            widget.show()
            widget.raise_()
            for _ in range(10):
                app.processEvents()
            path = args.out / f"{name}.png"
            widget.grab().save(str(path))
            print(f"wrote {path}")

        first = MainWindow(Path(tmp) / "new")
        first.resize(1000, 760)
        shot(first, "first-run")
        first.close()

        synthetic_store(data, password).lock()

        w = MainWindow(data)
        w.resize(1000, 620)
        w.unlock_page.user.setText("anna")
        shot(w, "unlock")
        w.unlock_page.password.setText(password)
        w.unlock_page.unlock().wait()
        shot(w, "case-list")
        form = CaseForm(w)
        form.reference.setText("2026-036")
        form.claimed.setValue(16)
        form.assessed.setValue(19)
        form.disputed.setChecked(True)
        form.dob.setText("2010-02-11")
        form.languages.setText("Tigrinya, some English")
        form.identified_by.setCurrentIndex(form.identified_by.findData("child-welfare"))
        form.adult.setText("woman who met the child at the station")
        form.relation.setText("aunt")
        shot(form, "new-case")
        form.reject()

        from idcheck.checklist import Answer, assess
        from idcheck.gui.review import DangerDialog, ReviewDialog

        w.cases.table.selectRow(0)
        w.cases.screen_selected(checklist_ref="child-trafficking-full@1.1.0")
        view = w.screening_view
        for item_id in ("danger-harm-now", "danger-missing-soon", "danger-medical"):
            view.show_item(item_id)
            view.save(Answer(value="no"))
        view.show_item("debt-for-journey")
        view.panel.context().source.setCurrentIndex(
            view.panel.context().source.findData("child-said")
        )
        view.panel.context().child_words.setPlainText("I must work to pay for the road.")
        view.form.language.setText("prs")
        view.form.interpreter_present.setChecked(True)
        view.form.interpreter.setText("Phone interpreter 2207")
        w.resize(1200, 760)
        shot(w, "walkthrough")
        view.save(Answer(value="yes"))
        checklist = view.walk.checklist
        item = checklist.item("danger-harm-now")
        hit = assess(checklist, {"danger-harm-now": "yes"}).dangers[0]
        danger = DangerDialog(
            checklist,
            hit,
            [
                {
                    "role": "police-emergency",
                    "name": "EXAMPLE police duty desk",
                    "phone": "(set by the site)",
                }
            ],
            "en",
            w,
        )
        shot(danger, "danger")
        danger.accept()
        answers = {
            k: Answer.of(v)
            for k, v in {
                "travelled-without-parents": "yes",
                "journey-arranged-by-others": "yes",
                "debt-for-journey": "yes",
                "long-hours": "yes",
                "little-or-no-pay": "unsure",
                "fearful-withdrawn": "yes",
            }.items()
        }
        review = ReviewDialog(checklist, answers, "en", False, None, w)
        review.resize(900, 700)
        shot(review, "review")
        review.reject()
        # One section at a time: an answer shows the questions about the adult.
        view.set_mode("section")
        view.show_item("accompanied-by")
        view.panel.choose("unrelated-adult")
        card = view.area.panels["adult-speaks-for-child"]
        card.show_context(True)
        card.context().source.setCurrentIndex(card.context().source.findData("child-said"))
        card.context().child_words.setPlainText("He tells me what to say.")
        view.show_item("adult-stated-relation")
        view.panel.free.setText("cousin")
        shot(w, "section")
        # A completed screening amended: a new linked draft, the original unchanged.
        from idcheck.store import Decision

        sid = view.screening_id
        view.set_mode("item")
        store_behind(w.session).record_decision(sid, Decision("refer", (), "refer"))
        store_behind(w.session).complete_screening(sid)
        w._back_to_cases()
        w.cases.table.selectRow(0)
        w.cases.open_selected()
        w.screening_view.handoff.amend()
        w.screening_view.show_item("debt-for-journey")
        shot(w, "amend")
        del item
        # The administration (contacts from the example site directory) and a case.
        from idcheck.checklist import bundled_root, load_directory
        from idcheck.gui.admin import AdminDialog
        from idcheck.gui.cases import CaseDialog

        store_behind(w.session).save_contacts(load_directory(bundled_root() / "directory.yaml"))
        admin = AdminDialog(w.session, w)
        admin.tabs.setCurrentWidget(admin.contacts)
        shot(admin, "admin")
        admin.tabs.setCurrentWidget(admin.site)
        admin.site.fields.name.setText("Reception centre Nord (synthetic)")
        admin.site.fields.jurisdiction.setCurrentIndex(
            admin.site.fields.jurisdiction.findData("NO")
        )
        admin.site.fields.phone.setText("+47 00 00 00 00")
        admin.site.fields.address.setPlainText("Example street 1\n0000 Oslo")
        shot(admin, "site")
        admin.reject()
        case_id = w.cases.selected_case()
        case = CaseDialog(
            store_behind(w.session).get_case(case_id),
            store_behind(w.session).list_screenings(case_id),
            w.cases.model.outcomes,
            w,
        )
        shot(case, "case")
        case.reject()
        w.lock()

        # Training mode: the synthetic cases, with the banner on every page.
        from idcheck.training import TrainingStore

        with TrainingStore() as training:
            t = MainWindow(training.data_dir, training=True)
            t.resize(1100, 560)
            t.start_unlocked(training.store)
            shot(t, "training")
            t.lock()
    return 0


if __name__ == "__main__":
    sys.exit(main())
