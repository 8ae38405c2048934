"""A completed screening's referral reprints the same after the routes file,
the contacts and the site profile change: they are pinned with it when it is
completed. A draft prints today's."""

from __future__ import annotations

import hashlib
import io
import shutil

import pytest
from pypdf import PdfReader
from tests.conftest import new_store

from idcheck.checklist import Answer, bundled_root, find, load_checklist_bytes
from idcheck.report import make_referral
from idcheck.store import AnswerContext, CaseDetails, Decision, SiteProfile

PASSWORD = "correct horse battery"


def text(data: bytes, summary) -> str:
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
    # The footer's print time and audit head are the only things a reprint changes.
    return "\n".join(pages).replace(summary.generated, "TIME").replace(summary.audit_head, "HEAD")


@pytest.fixture
def root(tmp_path, monkeypatch):
    copy = tmp_path / "checklists"
    shutil.copytree(bundled_root(), copy)
    monkeypatch.setenv("IDCHECK_CHECKLISTS", str(copy))
    return copy


def test_a_completed_referral_reprints_the_same_after_routes_contacts_and_site_change(
    root, tmp_path
):
    store, _ = new_store(tmp_path / "store")
    try:
        store.set_site_profile(
            SiteProfile(name="Mottak Nord", jurisdiction="NO", phone="+47 22 00 00 01")
        )
        store.save_contacts(
            [
                {
                    "role": "child-welfare-emergency",
                    "name": "Barnevernvakten Oslo",
                    "phone": "+47 21 80 21 80",
                }
            ]
        )
        raw = find("intake-screen").path.read_bytes()
        checklist = load_checklist_bytes(raw)
        cid = store.create_case(CaseDetails(reference="PIN-7", claimed_age=15))

        def screening(complete: bool) -> int:
            sid = store.start_screening(cid, checklist, raw, hashlib.sha256(raw).hexdigest())
            store.record_answer(
                sid, "danger-missing", Answer(value="yes"), AnswerContext(source="observed")
            )
            store.record_decision(sid, Decision("immediate-protection", (), "immediate-protection"))
            if complete:
                store.complete_screening(sid)
            return sid

        done, draft = screening(True), screening(False)
        # The print language is chosen per print (the site's by default): English here.
        before = {sid: make_referral(store, sid, lang="en") for sid in (done, draft)}
        first = text(before[done][0].data, before[done][1])
        assert "Barnevernvakten Oslo" in first and "Mottak Nord" in first and "112" in first

        # Change all three.
        routes = root / "routes-no" / "1.0.0.yaml"
        routes.write_text(
            routes.read_text(encoding="utf-8").replace('"112"', '"1112"'), encoding="utf-8"
        )
        store.save_contacts(
            [{"role": "child-welfare-emergency", "name": "Nytt nummer", "phone": "+47 99 99 99 99"}]
        )
        store.set_site_profile(
            SiteProfile(
                name="Elsewhere",
                jurisdiction="GB-SCT",
                phone="+44 141 000 0000",
                print_language="nb",
            )
        )

        doc, summary = make_referral(store, done, lang="en")
        assert text(doc.data, summary) == first
        # A draft prints what is in force today.
        doc, summary = make_referral(store, draft)
        now = text(doc.data, summary)
        assert "Elsewhere" in now and "Nytt nummer" in now and "Mottak Nord" not in now
    finally:
        store.lock()
