"""Contacts, settings, statistics rows, case list queries, resume points, and
backup/restore as the window and the report use them."""

from __future__ import annotations

import time
import zipfile

import pytest

from idcheck.checklist import Answer, Contact, bundled_root, load_directory
from idcheck.report.stats import with_forms
from idcheck.store import (
    Adult,
    CaseDetails,
    Decision,
    InvalidInput,
    NotAllowed,
    Store,
    StoreCorrupt,
    restore,
)

PASSWORD = "correct horse battery"  # as in conftest.py
WORKER_PASSWORD = "worker password 1"


def screened(store, intake, ref, answers, outcome=None, **details):
    cid = store.create_case(CaseDetails(reference=ref, **details))
    sid = store.start_screening(cid, intake.checklist, intake.text, intake.sha256)
    for item, value in answers.items():
        store.record_answer(sid, item, Answer(value=value))
    if outcome:
        store.record_decision(sid, Decision(outcome, (), outcome))
        store.complete_screening(sid)
    return cid, sid


def test_contacts_from_the_site_directory_and_by_hand(store, data_dir):
    directory = load_directory(bundled_root() / "directory.yaml")
    store.save_contacts(directory)
    saved = store.list_contacts()
    assert len(saved) == len(directory.contacts)
    assert {(c["role"], c["name"]) for c in saved} == {(c.role, c.name) for c in directory.contacts}
    store.save_contacts([Contact(role="police", name="Station 4", phone="112"),
                         {"role": "child-welfare", "name": "Duty officer", "hours": "24/7"}])
    assert [(c["role"], c["name"], c["phone"]) for c in store.list_contacts()] == [
        ("child-welfare", "Duty officer", None), ("police", "Station 4", "112")]
    with pytest.raises(InvalidInput, match="role and a name"):
        store.save_contacts([{"role": "police", "name": ""}])
    assert len(store.list_contacts()) == 2  # the refused list changed nothing
    store.lock()
    worker = Store.open(data_dir, "ben", WORKER_PASSWORD)
    try:
        assert len(worker.list_contacts()) == 2  # everyone reads the directory
        with pytest.raises(NotAllowed):
            worker.save_contacts([])
    finally:
        worker.lock()


def test_settings_have_defaults_and_are_checked(store):
    assert store.get_setting("idle_minutes") == "5"
    assert store.get_setting("retention_years") == "0"
    store.set_setting("idle_minutes", "3")
    assert store.get_setting("idle_minutes") == "3"
    with pytest.raises(InvalidInput, match="whole number"):
        store.set_setting("idle_minutes", "soon")
    with pytest.raises(InvalidInput, match="unknown setting"):
        store.set_setting("colour", "blue")


def test_statistics_rows_hold_no_names_references_or_text(store, intake):
    t0 = time.time()
    screened(store, intake, "S-1", {"work-or-money": "yes", "debt": "yes"}, "full-screening",
             given_name="Amira", gender="female", claimed_age=15, nationality="ER",
             identified_by="police", notes="private")
    screened(store, intake, "S-2", {"debt": "no"}, "no-indicators-recorded", gender="male")
    screened(store, intake, "S-3", {"debt": "yes"})  # a draft: not counted
    rows = list(store.iter_stats(t0 - 1, time.time() + 1))
    assert [(r.outcome, r.gender, r.claimed_age, r.nationality, r.identified_by) for r in rows] == [
        ("full-screening", "female", 15, "ER", "police"),
        ("no-indicators-recorded", "male", None, None, None)]
    # The items answered yes, as stored; the statistics classify them into forms.
    assert sorted(rows[0].yes_items) == ["debt", "work-or-money"] and rows[0].forms == ()
    assert rows[0].checklist_sha256 == intake.sha256
    forms = [r.forms for r in with_forms(store, rows)]
    assert forms == [("begging", "criminal-exploitation", "labour"), ()]
    assert rows[0].checklist_id == "intake-screen"
    text = repr(rows)
    assert "Amira" not in text and "S-1" not in text and "private" not in text
    assert list(store.iter_stats(t0 - 100, t0 - 1)) == []


def test_case_list_filters_and_pages(store, intake):
    a, _ = screened(store, intake, "L-1", {"debt": "yes"}, "full-screening")
    b, _ = screened(store, intake, "L-2", {"debt": "no"}, "no-indicators-recorded")
    c = store.create_case(CaseDetails(reference="L-3"))
    store.close_case(b)
    # Most recently changed first: closing L-2 changed it last.
    assert [r.reference for r in store.list_cases()] == ["L-2", "L-3", "L-1"]
    assert [r.reference for r in store.list_cases(status="closed")] == ["L-2"]
    assert [r.reference for r in store.list_cases(outcome="full-screening")] == ["L-1"]
    assert [r.reference for r in store.list_cases(limit=2, offset=1)] == ["L-3", "L-1"]
    assert store.list_cases(since=time.time() + 60) == []
    assert store.count_cases(status="open") == 2
    row = {r.id: r for r in store.list_cases()}
    assert (row[a].screenings, row[a].drafts, row[a].last_outcome) == (1, 0, "full-screening")
    assert (row[c].screenings, row[c].last_outcome) == (0, None)


def test_case_details_are_changed_and_audited(store):
    cid = store.create_case(CaseDetails(reference="U-1", adults=(Adult("woman", "mother"),)))
    new = CaseDetails(reference="U-1", given_name="Øyvind", assessed_age=16,
                      adults=(Adult("man, about 40", "uncle"), Adult("boy", "brother")))
    store.update_case(cid, new)
    assert store.get_case(cid).details == new
    assert [r.reference for r in store.list_cases("oyvind")] == ["U-1"]
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM audit WHERE action = 'case-changed' AND case_id = ?",
            (cid,)).scalar() == 1
    with pytest.raises(InvalidInput, match="no case"):
        store.update_case(999, new)


def test_a_draft_resumes_where_the_worker_was(store, intake, data_dir):
    _, sid = screened(store, intake, "R-1", {"debt": "yes"})
    store.set_position(sid, "documents-held")
    store.lock()
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        rec = s.get_screening(sid)
        assert rec.position == "documents-held" and rec.status == "draft"
        assert rec.plain_answers() == {"debt": Answer(value="yes")}
    finally:
        s.lock()


def test_users_are_listed_with_roles(store):
    assert [(u.username, u.role, u.disabled) for u in store.list_users()] == [
        ("anna", "admin", False), ("ben", "worker", False)]
    with pytest.raises(InvalidInput, match="exists already"):
        store.add_user("ben", "another password", "worker")
    with pytest.raises(InvalidInput, match="at least 10"):
        store.add_user("carl", "short", "worker")
    with pytest.raises(InvalidInput, match="own account"):
        store.disable_user(store.user.id)


def test_backup_restores_to_the_same_state(store, intake, data_dir, tmp_path):
    _, sid = screened(store, intake, "B-1", {"debt": "yes"}, "full-screening")
    head_at_backup = store.audit_head()  # (the backup's own audit row comes after the copy)
    backup = store.backup(tmp_path / "copy.idcheck")
    screened(store, intake, "B-2", {"debt": "no"})  # after the backup
    store.lock()
    result = restore(data_dir, backup, "anna", PASSWORD)
    assert result.ok
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        assert [c.reference for c in s.list_cases()] == ["B-1"]
        assert s.get_screening(sid).completed
        assert s.verify(str(head_at_backup)).ok  # the restored trail holds the old head
        with s.engine.connect() as conn:
            actions = [r[0] for r in conn.exec_driver_sql("SELECT action FROM audit")]
        assert "restore" in actions
    finally:
        s.lock()
    assert (data_dir / "idcheck.db.replaced").exists()  # the replaced store is kept


def test_an_altered_backup_is_refused_and_the_live_store_untouched(store, intake, data_dir,
                                                                   tmp_path):
    screened(store, intake, "A-1", {"debt": "yes"})
    backup = store.backup(tmp_path / "copy.idcheck")
    store.lock()
    # Rebuild the archive with one byte of the database changed (checksums redone,
    # so only the database's own checks can tell).
    altered = tmp_path / "altered.idcheck"
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(altered, "w") as dst:
        for name in src.namelist():
            data = bytearray(src.read(name))
            if name == "idcheck.db":
                data[len(data) // 2] ^= 0x01
            dst.writestr(name, bytes(data))
    live = {f.name: f.read_bytes() for f in data_dir.iterdir() if f.is_file()}
    with pytest.raises(StoreCorrupt):
        restore(data_dir, altered, "anna", PASSWORD)
    assert {f.name: f.read_bytes() for f in data_dir.iterdir() if f.is_file()} == live
    assert not list(data_dir.glob(".restore-*"))


def test_statistics_are_for_administrators_and_count_an_amendment_once(store, data_dir, intake):
    t0 = time.time()
    _, sid = screened(store, intake, "A-1", {"debt": "yes"}, "full-screening", gender="female")
    new = store.amend_screening(sid)
    rows = list(store.iter_stats(t0 - 1, time.time() + 1))
    assert len(rows) == 1  # the amendment is a draft: the original still counts
    store.record_answer(new, "debt", Answer(value="no"))
    store.record_decision(new, Decision("no-indicators-recorded", (), "no-indicators-recorded"))
    store.complete_screening(new)
    rows = list(store.iter_stats(t0 - 1, time.time() + 1))
    assert [(r.outcome, r.yes_items) for r in rows] == [("no-indicators-recorded", ())]
    store.lock()
    worker = Store.open(data_dir, "ben", WORKER_PASSWORD)
    try:
        with pytest.raises(NotAllowed):
            list(worker.iter_stats(t0 - 1, time.time() + 1))
    finally:
        worker.lock()
