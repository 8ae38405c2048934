"""Roles are enforced by the store for every operation, whichever shell calls it:
each administrator's operation refuses a worker (NotAllowed, one line naming
what) and changes nothing; what every user needs stays open to workers."""

from __future__ import annotations

import time

import pytest

from idcheck.store import CaseDetails, NotAllowed, SiteProfile, Store, restore

from .conftest import PASSWORD, WORKER_PASSWORD

ADMIN_ONLY = {
    "add_user": lambda s, tmp: s.add_user("carl", "a long password 1"),
    "reset_password": lambda s, tmp: s.reset_password(1, "a long password 1"),
    "disable_user": lambda s, tmp: s.disable_user(1),
    "save_contacts": lambda s, tmp: s.save_contacts([{"role": "police", "name": "X"}]),
    "set_site_profile": lambda s, tmp: s.set_site_profile(SiteProfile(name="Elsewhere")),
    "set_setting": lambda s, tmp: s.set_setting("idle_minutes", "60"),
    "backup": lambda s, tmp: s.backup(tmp / "copy.idcheck"),
    "apply_retention": lambda s, tmp: s.apply_retention(time.time() + 1e10),
    "iter_stats": lambda s, tmp: list(s.iter_stats(0, time.time() + 1)),
}


def _state(data_dir):
    s = Store.open(data_dir, "anna", PASSWORD)
    try:
        return (
            [(u.username, u.disabled) for u in s.list_users()],
            s.list_contacts(),
            s.site_profile(),
            s.get_setting("idle_minutes"),
            s.count_cases(),
        )
    finally:
        s.lock()


@pytest.mark.parametrize("name", sorted(ADMIN_ONLY))
def test_a_worker_is_refused_every_administrators_operation(data_dir, tmp_path, name):
    s = Store.open(data_dir, "anna", PASSWORD)
    s.set_setting("retention_years", "1")
    cid = s.create_case(CaseDetails(reference="OLD"))
    s.close_case(cid)
    s.lock()
    before = _state(data_dir)
    worker = Store.open(data_dir, "ben", WORKER_PASSWORD)
    try:
        with pytest.raises(NotAllowed, match="only an administrator may") as info:
            ADMIN_ONLY[name](worker, tmp_path)
        assert len(str(info.value).splitlines()) == 1
    finally:
        worker.lock()
    assert _state(data_dir) == before
    assert not (tmp_path / "copy.idcheck").exists()


def test_a_worker_cannot_restore(data_dir, tmp_path):
    admin = Store.open(data_dir, "anna", PASSWORD)
    backup = admin.backup(tmp_path / "b.idcheck")
    admin.create_case(CaseDetails(reference="NEWER"))
    admin.lock()
    with pytest.raises(NotAllowed, match="restore"):
        restore(data_dir, backup, "ben", WORKER_PASSWORD)
    assert _state(data_dir)[4] == 1
    restore(data_dir, backup, "anna", PASSWORD)  # an administrator may
    assert _state(data_dir)[4] == 0


def test_what_every_user_needs_stays_open_to_workers(data_dir):
    worker = Store.open(data_dir, "ben", WORKER_PASSWORD)
    try:
        cid = worker.create_case(CaseDetails(reference="W-1"))
        worker.get_case(cid)
        assert worker.list_cases()
        assert {u.username for u in worker.list_users()} == {"anna", "ben"}  # referrals name them
        worker.list_contacts()
        worker.site_profile()
        worker.get_setting("idle_minutes")
        worker.record_event("referral-printed", case_id=cid)
        assert worker.verify().ok
        worker.set_password(WORKER_PASSWORD, "ben's own new password")
    finally:
        worker.lock()
