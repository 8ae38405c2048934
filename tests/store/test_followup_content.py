"""Every write of a follow-up record keeps the record's content hash in its
audit row, and ``idcheck db verify`` names a task, referral, plan version,
missing episode or case note changed, deleted or added behind the store (by
someone with the database key and an SQLCipher shell)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import PASSWORD, open_store

from idcheck.cli import main
from idcheck.store import (
    CaseDetails,
    Decision,
    MissingDraft,
    PlanEntry,
    ReferralDraft,
    SiteProfile,
    TaskDraft,
)
from idcheck.store import followup_content as fc

T0 = 1_790_000_000.0
HOUR = 3600.0


@pytest.fixture
def followed(store, intake):
    """A case with every kind of follow-up record, each written more than once:
    the plan's tasks from a completed screening (re-timed by a change of first
    contact), a task by hand finished, a referral received then declined, two
    plan versions, a missing episode and the child found, a note. Returns the
    ids and leaves the store locked."""
    store.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction="NO"))
    cid = store.create_case(CaseDetails(reference="F-1", given_name="Mei"))
    sid = store.start_screening(cid, intake.checklist, intake.text, intake.sha256)
    store.record_decision(sid, Decision("immediate-protection", (), "immediate-protection", "x"))
    store.complete_screening(sid, now=T0)
    store.set_first_contact(cid, T0 - 2 * HOUR, "the school rang at seven", now=T0 + 60)
    task = store.add_task(cid, TaskDraft("Ring the school", due_at=T0 + 48 * HOUR), now=T0)
    store.finish_task(task, "done", note="spoke with the head teacher", now=T0 + HOUR)
    ref = store.add_referral(cid, ReferralDraft("Barnevernvakten", "phone", T0), now=T0)
    store.set_referral_state(ref, "received", at=T0 + HOUR)
    store.set_referral_state(ref, "declined", reason="not in our district", at=T0 + 2 * HOUR)
    entries = [
        PlanEntry("safety", "a safe place", "placement", "social worker", T0 + 7 * 86400),
        PlanEntry("school", "back at school", "enrol", "teacher", None),
    ]
    store.save_plan(cid, entries[:1], next_review_on=None, now=T0)
    plan = store.save_plan(cid, entries, next_review_on=T0 + 14 * 86400, now=T0 + HOUR)
    episode = store.add_missing(
        cid, MissingDraft(missing_at=T0 + HOUR, last_seen_where="station"), now=T0 + 2 * HOUR
    )
    found = store.missing_episode(episode).draft()
    store.update_missing(
        episode,
        MissingDraft(**{**_fields(found), "found_at": T0 + 5 * HOUR, "found_where": "harbour"}),
        now=T0 + 6 * HOUR,
    )
    note = store.add_note(cid, "Mei asked for her sister", now=T0 + 7 * HOUR)
    plan_tasks = [t.id for t in store.tasks(cid) if t.source == "plan"]
    assert plan_tasks
    store.lock()
    return {
        "case": cid,
        "task": task,
        "plan_task": plan_tasks[0],
        "referral": ref,
        "plan": plan,
        "missing": episode,
        "note": note,
    }


def _fields(draft):
    return {k: getattr(draft, k) for k in draft.__dataclass_fields__}


def _behind(data_dir: Path, *statements: str) -> None:
    """What someone with the key does in an SQLCipher shell: change rows."""
    s = open_store(data_dir)
    try:
        with s.engine.begin() as conn:
            for st in statements:
                conn.exec_driver_sql(st)
    finally:
        s.lock()


def _verify_cli(data_dir: Path, capsys) -> tuple[int, list[str]]:
    pw = data_dir.parent / "pw"
    pw.write_text(PASSWORD + "\n")
    capsys.readouterr()
    rc = main(
        ["--data-dir", str(data_dir), "db", "verify", "--user", "anna", "--password-file", str(pw)]
    )
    return rc, capsys.readouterr().out.splitlines()


def test_each_write_keeps_the_hash_of_the_record_as_it_stands(followed, data_dir):
    s = open_store(data_dir)
    try:
        with s.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT action, object_id, content FROM audit WHERE case_id = ? ORDER BY seq",
                (followed["case"],),
            ).all()
            newest = {}
            for action, oid, content in rows:
                if action in fc.ACTIONS:
                    assert content is not None and content.startswith(fc.PREFIX), action
                    newest[(fc.ACTIONS[action], oid)] = content
            for kind in fc.KINDS:
                rid = followed[kind]
                assert newest[(kind, rid)] == fc.record_hash(conn, kind, rid), kind
        actions = [a for a, _, _ in rows]
        # Each plan task re-timed by the change of first contact has its own row.
        assert "task-retimed" in actions
        assert "Mei" not in repr(rows) and "district" not in repr(rows)
    finally:
        s.lock()


def test_an_untouched_store_verifies_with_every_record_checked(followed, data_dir, capsys):
    rc, out = _verify_cli(data_dir, capsys)
    assert rc == 0, out
    (line,) = [m for m in out if m.startswith("follow-up content")]
    assert line.startswith("follow-up content covered from row 1: ")
    assert "written before content hashing" not in line
    checked = int(line.split(": ")[1].split(" ")[0])
    s = open_store(data_dir)
    try:
        cid = followed["case"]
        expected = (
            len(s.tasks(cid))
            + len(s.referrals(cid))
            + len(s.plan_versions(cid))
            + len(s.missing_episodes(cid))
            + 2  # the note and the first-contact change
        )
    finally:
        s.lock()
    assert checked == expected


TAMPERS = {
    "a task's due time": (
        "UPDATE tasks SET due_at = due_at + 86400 WHERE id = {task}",
        "task {task}",
    ),
    "a plan task's due time": (
        "UPDATE tasks SET due_at = due_at - 3600 WHERE id = {plan_task}",
        "task {plan_task}",
    ),
    "a task marked done": (
        "UPDATE tasks SET status = 'done', done_at = 1 WHERE id = {plan_task}",
        "task {plan_task}",
    ),
    "a referral's state reason": (
        "UPDATE referral_states SET reason = 'wrong address' "
        "WHERE referral_id = {referral} AND state = 'declined'",
        "referral {referral}",
    ),
    "a referral's state history cut": (
        "DELETE FROM referral_states WHERE referral_id = {referral} AND state = 'received'",
        "referral {referral}",
    ),
    "a plan entry": (
        "UPDATE plan_entries SET measures = 'none' WHERE plan_id = {plan} AND need = 'school'",
        "plan version {plan}",
    ),
    "a plan entry added": (
        "INSERT INTO plan_entries (plan_id, position, need, goal, measures, responsible) "
        "VALUES ({plan}, 9, 'money', '', '', '')",
        "plan version {plan}",
    ),
    "a missing episode's found time": (
        "UPDATE missing_episodes SET found_at = found_at + 3600 WHERE id = {missing}",
        "missing episode {missing}",
    ),
    "a note": (
        "UPDATE case_notes SET text = 'nothing to report' WHERE id = {note}",
        "case note {note}",
    ),
    "a note's text made bytes that are not UTF-8": (
        "UPDATE case_notes SET text = CAST(X'FF41' AS TEXT) WHERE id = {note}",
        "case note {note}",
    ),
    "a first-contact change's time": (
        "UPDATE case_notes SET value = value + 86400 WHERE kind = 'first-contact'",
        "case note",
    ),
}


@pytest.mark.parametrize("what", list(TAMPERS), ids=lambda k: k.replace(" ", "-"))
def test_a_record_changed_behind_the_store_is_named_and_fails(what, followed, data_dir, capsys):
    sql, named = TAMPERS[what]
    _behind(data_dir, sql.format(**followed))
    rc, out = _verify_cli(data_dir, capsys)
    assert rc == 1, out
    name = named.format(**followed)
    bad = [m for m in out if m.startswith(f"content: {name}")]
    assert bad, out
    assert all("changed after it was written" in m for m in bad), bad
    # Only that record is named.
    assert [m for m in out if m.startswith("content:")] == bad


def test_a_record_deleted_behind_the_store_is_named(followed, data_dir, capsys):
    _behind(data_dir, "DELETE FROM tasks WHERE id = {task}".format(**followed))
    rc, out = _verify_cli(data_dir, capsys)
    assert rc == 1, out
    assert f"content: task {followed['task']} (written at row" in "\n".join(out)
    assert any("missing from the store" in m for m in out if m.startswith("content: task")), out


@pytest.mark.parametrize(
    ("sql", "kind", "table"),
    [
        (
            'INSERT INTO case_notes (case_id, kind, text, "by", at) '
            "VALUES ({case}, 'note', 'the child is fine', 1, 0)",
            "case note",
            "case_notes",
        ),
        (
            "INSERT INTO tasks (case_id, what, note, status, reason, created_by, created_at, "
            "source) VALUES ({case}, 'Close the case', '', 'open', '', 1, 0, 'manual')",
            "task",
            "tasks",
        ),
        (
            "INSERT INTO missing_episodes (case_id, missing_at, last_seen_where, reported_by, "
            "police_reference, found_where, interview_by, note, recorded_by, recorded_at) "
            "VALUES ({case}, 1, '', '', '', '', '', '', 1, 1)",
            "missing episode",
            "missing_episodes",
        ),
    ],
)
def test_a_record_added_behind_the_store_is_named(sql, kind, table, followed, data_dir, capsys):
    _behind(data_dir, sql.format(**followed))
    s = open_store(data_dir)
    try:
        with s.engine.connect() as conn:
            new = conn.exec_driver_sql(f"SELECT max(id) FROM {table}").scalar()
    finally:
        s.lock()
    rc, out = _verify_cli(data_dir, capsys)
    assert rc == 1, out
    assert f"content: {kind} {new}: no audit row wrote it: it was added behind the store" in out


def test_records_deleted_with_their_case_by_retention_are_no_problem(followed, data_dir):
    import time

    s = open_store(data_dir)
    try:
        other = s.create_case(CaseDetails(reference="F-2"))
        kept = s.add_note(other, "still here")
        s.close_case(followed["case"])
        s.set_setting("retention_years", "1")
        assert s.apply_retention(now=time.time() + 2 * 366 * 86400) == [followed["case"]]
        result = s.verify()
        assert result.ok, result.messages
        assert any(
            m.startswith("follow-up content covered from row 1: 1 record(s)")
            for m in result.messages
        ), result.messages
        # A record of a case still here, deleted behind the store, is named.
        with s.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM case_notes WHERE id = ?", (kept,))
        assert s.verify().altered_records == (f"case note {kept}",)
    finally:
        s.lock()


def test_records_written_before_content_hashing_are_said_so_not_passed(tmp_path, monkeypatch):
    """A store made at revision 0011 (follow-up rows audited by ids only, the
    creation row marking completions only): before its upgrade verify says its
    follow-up is covered by ids only; the upgrade's marker row holds the ids
    written before, so those are said to be written before content hashing,
    records written after are checked, and one added behind the store after the
    upgrade is named."""
    from tests.conftest import new_store

    from idcheck.store import audit as audit_mod
    from idcheck.store import verify_store
    from idcheck.store.core import StoreCore

    with monkeypatch.context() as m:  # what the code at 0011 wrote
        m.setattr(fc, "marker", lambda conn: audit_mod.CONTENT_MARKER)

        def ids_only(self, conn, action, *, case_id, object_id, **ids):
            self._audit_row(conn, action, case_id=case_id, object_id=object_id, **ids)

        m.setattr(StoreCore, "_audit_record", ids_only)
        s, _ = new_store(tmp_path / "store")
        cid = s.create_case(CaseDetails(reference="OLD-1"))
        old_task = s.add_task(cid, TaskDraft("Ring the school"), now=T0)
        s.add_task(cid, TaskDraft("Find the aunt"), now=T0)
        s.add_note(cid, "written at 0011", now=T0)
        with s.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0011'")
        s.lock()
    data_dir = tmp_path / "store"
    before = verify_store(data_dir, "anna", PASSWORD)  # verified before its upgrade
    assert before.ok, before.messages
    assert (
        "follow-up content: not covered (the trail holds their ids only; 3 record(s): "
        "task 1, 2; case note 1)"
    ) in before.messages
    s = open_store(data_dir)  # upgraded to head: the marker row
    try:
        s.finish_task(old_task, "done", now=T0 + HOUR)  # written again: hashed from now on
        new_task = s.add_task(cid, TaskDraft("Book an interpreter"), now=T0 + HOUR)
        with s.engine.connect() as conn:
            marker = conn.exec_driver_sql(
                "SELECT seq, content FROM audit WHERE action = 'audit-content-on'"
            ).one()
        assert marker.content == "content-v2 task=2 note=1"
        result = s.verify()
        assert result.ok, result.messages
        assert (
            f"follow-up content covered from row {marker.seq}: 2 record(s) checked against the "
            "hash in their audit rows; 2 written before content hashing are covered by ids "
            "only (task 2; case note 1)"
        ) in result.messages
        with s.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO tasks (case_id, what, note, status, reason, created_by, created_at,"
                " source) VALUES (?, 'Close the case', '', 'open', '', 1, 0, 'manual')",
                (cid,),
            )
            conn.exec_driver_sql("UPDATE tasks SET what = 'x' WHERE id = ?", (new_task,))
        assert s.verify().altered_records == (f"task {new_task}", f"task {new_task + 1}")
    finally:
        s.lock()


def test_a_follow_up_write_without_its_hash_breaks_the_chain(store, monkeypatch):
    """From the marker on, every row of a follow-up action must carry a hash: a
    writer that leaves it out (or a row rewritten without it by a key holder)
    is named, not taken as written before content hashing."""
    from idcheck.store.core import StoreCore

    cid = store.create_case(CaseDetails(reference="NO-HASH"))
    store.add_task(cid, TaskDraft("Ring the school"), now=T0)
    with monkeypatch.context() as m:

        def ids_only(self, conn, action, *, case_id, object_id, **ids):
            self._audit_row(conn, action, case_id=case_id, object_id=object_id, **ids)

        m.setattr(StoreCore, "_audit_record", ids_only)
        store.add_note(cid, "written by a writer that forgot the hash", now=T0)
    with store.engine.connect() as conn:
        seq = conn.exec_driver_sql("SELECT seq FROM audit WHERE action = 'note-added'").scalar()
    result = store.verify()
    assert not result.ok
    assert (
        f"audit chain: broken at row {seq}: a follow-up record written without its content hash"
        in result.messages
    ), result.messages
