"""Page images of a synthetic referral (page 1 in English and in Norwegian) and
of a support letter, for the README: rendered with pdftoppm from the PDFs the
program prints.

    python build_scripts/referral_pages.py [--out docs/screenshots]

The case is made up (no real child); the store is a temporary one, removed after.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "correct horse battery"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from idcheck.checklist import Answer, find, load_checklist_bytes
    from idcheck.report import make_letter, make_referral
    from idcheck.report.letter import letter_facts
    from idcheck.store import Adult, AnswerContext, CaseDetails, Decision, SiteProfile, Store

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm (poppler-utils) is needed", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        store, _ = Store.create(Path(tmp) / "store", "anna", PASSWORD)
        try:
            store.set_site_profile(
                SiteProfile(
                    name="Mottak Nord (example)", jurisdiction="NO", phone="+47 22 00 00 01"
                )
            )
            store.save_contacts(
                [
                    {
                        "role": "child-welfare-emergency",
                        "name": "Barnevernvakten (example)",
                        "phone": "+47 21 00 00 00",
                    },
                    {
                        "role": "supervisor",
                        "name": "Duty lead (example)",
                        "phone": "+47 900 00 000",
                    },
                ]
            )
            raw = find("intake-screen").path.read_bytes()
            checklist = load_checklist_bytes(raw)
            cid = store.create_case(
                CaseDetails(
                    reference="2026-041",
                    claimed_age=15,
                    gender="female",
                    nationality="Syria",
                    languages="Arabic",
                    identified_by="police",
                    adults=(Adult("Man about 40, grey coat, speaks for her", "uncle"),),
                )
            )
            sid = store.start_screening(cid, checklist, raw, hashlib.sha256(raw).hexdigest())
            for item, value, ctx in (
                (
                    "danger-missing",
                    "yes",
                    AnswerContext(
                        source="child-said",
                        child_words="قال إننا سنغادر الليلة إلى مدينة أخرى",
                        language="ar",
                        interpreter_present=True,
                        interpreter="Phone 4411",
                        read_back=True,
                    ),
                ),
                (
                    "documents-held",
                    "yes",
                    AnswerContext(
                        source="child-said",
                        child_words="أخذ جواز سفري في المطار",
                        language="ar",
                        read_back=True,
                        worker_note="She looked at the man before answering.",
                    ),
                ),
                (
                    "debt",
                    "yes",
                    AnswerContext(
                        source="child-said",
                        child_words="يجب أن أدفع 3000 يورو للرحلة",
                        language="ar",
                        read_back=False,
                    ),
                ),
            ):
                store.record_answer(sid, item, Answer(value=value), ctx)
            store.record_decision(sid, Decision("immediate-protection", (), "immediate-protection"))
            store.record_event("danger-acknowledged", case_id=cid, screening_id=sid)
            store.complete_screening(sid)
            made = []
            for lang in ("en", "nb"):
                doc, _summary = make_referral(store, sid, lang=lang)
                pdf = Path(tmp) / f"referral-{lang}.pdf"
                pdf.write_bytes(doc.data)
                made.append((pdf, args.out / f"referral-page1-{lang}"))
            facts = letter_facts(store, sid, lang="en")
            letter = make_letter(facts, facts.ids(), recipient="lawyer", prepared_by="anna")
            pdf = Path(tmp) / "letter.pdf"
            pdf.write_bytes(letter.data)
            made.append((pdf, args.out / "letter"))
        finally:
            store.lock()
        args.out.mkdir(parents=True, exist_ok=True)
        for pdf, stem in made:
            subprocess.run(
                [
                    pdftoppm,
                    "-png",
                    "-r",
                    "80",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(pdf),
                    str(stem),
                ],
                check=True,
            )
            print(f"{stem}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
