"""The follow-up travels with the case: tasks, referrals and their states, plan
versions, missing episodes and notes go to the other site and back; what was
done on either side is there on both, nothing is removed, and the same cases
again change nothing."""

from __future__ import annotations

from tests.sharing.conftest import row_counts

from idcheck.sharing import export_cases, import_package, resolve_recipient
from idcheck.store import MissingDraft, PlanEntry, ReferralDraft, TaskDraft

T0 = 1_790_000_000.0


def _send(store, ref, to, path):
    cid = store.case_id_by_reference(ref)
    export_cases(store, [cid], [resolve_recipient(store, to)], path)
    return cid


def _notes(store, cid):
    with store.engine.connect() as conn:
        return [
            t
            for (t,) in conn.exec_driver_sql(
                "SELECT text FROM case_notes WHERE case_id = ? ORDER BY at", (cid,)
            )
        ]


def test_the_follow_up_goes_there_and_back(pair):
    nord = pair.nord()
    cid = nord.case_id_by_reference("2026-041")
    task = nord.add_task(cid, TaskDraft(what="Find a guardian", due_at=T0 + 86400), now=T0)
    ref = nord.add_referral(cid, ReferralDraft("Barnevernvakten", "phone", T0), now=T0)
    nord.set_referral_state(ref, "received", at=T0 + 60)
    nord.save_plan(
        cid,
        [PlanEntry("safety", "a safe place", "placement", "social worker", None)],
        next_review_on=T0 + 7 * 86400,
        summary="first plan",
        now=T0,
    )
    episode = nord.add_missing(
        cid, MissingDraft(missing_at=T0 + 3600, last_seen_where="station"), now=T0 + 3700
    )
    nord.add_note(cid, "Spoke with the school", now=T0 + 100)
    # The completion made its own tasks (the outcome's actions) beside the one added.
    tasks_at_nord = nord.tasks(cid)
    notes_at_nord = _notes(nord, cid)
    _send(nord, "2026-041", "Mottak Sør", pair.tmp / "1.idcheck")
    nord.lock()

    sor = pair.sor()
    done = import_package(sor, pair.tmp / "1.idcheck")
    # Every task and note, the referral and its two states, the plan, the episode.
    assert done.report.followup == len(tasks_at_nord) + len(notes_at_nord) + 5
    scid = sor.case_id_by_reference("2026-041")

    def seen(ts):
        return sorted(
            (t.what, t.status, t.due_at or 0, t.source, t.created_by.split(" (")[0]) for t in ts
        )

    assert seen(sor.tasks(scid)) == seen(tasks_at_nord)
    stask = next(t for t in sor.tasks(scid) if t.what == "Find a guardian")
    assert stask.status == "open"
    (sref,) = sor.referrals(scid)
    assert sref.state == "received" and [h.state for h in sref.history] == ["sent", "received"]
    assert sor.plan(scid).summary == "first plan"
    (sep,) = sor.missing_episodes(scid)
    assert sep.last_seen_where == "station" and sep.found_at is None
    assert _notes(sor, scid) == notes_at_nord
    # Sør works on: the task done, the referral accepted, the child found, a new
    # plan version, a note.
    sor.finish_task(stask.id, "done", note="guardian appointed", now=T0 + 2 * 86400)
    sor.set_referral_state(sref.id, "accepted", at=T0 + 3 * 86400)
    draft = sep.draft()
    sor.update_missing(
        sep.id,
        MissingDraft(**{**_fields(draft), "found_at": T0 + 7200, "found_where": "harbour"}),
        now=T0 + 7300,
    )
    sor.save_plan(
        scid,
        [PlanEntry("school", "back at school", "enrol", "teacher", None)],
        next_review_on=None,
        summary="second plan",
        now=T0 + 4 * 86400,
    )
    sor.add_note(scid, "Guardian met the child", now=T0 + 5 * 86400)
    _send(sor, "2026-041", "Mottak Nord", pair.tmp / "2.idcheck")
    sor.lock()

    nord = pair.nord()
    back = import_package(nord, pair.tmp / "2.idcheck")
    # Task done, state, found, plan version, note, and Nord's review task of the
    # first plan closed by the second version.
    assert back.report.followup == 6
    # The summary names the case the follow-up came for (it gave only a count).
    assert back.report.brought_up_to_date == ["2026-041"] and back.report.added == []
    ntask = next(t for t in nord.tasks(cid) if t.what == "Find a guardian")
    assert len(nord.tasks(cid)) == len(tasks_at_nord)
    assert ntask.id == task and ntask.status == "done" and ntask.done_at == T0 + 2 * 86400
    (nref,) = nord.referrals(cid)
    assert nref.state == "accepted"
    assert [p.summary for p in nord.plan_versions(cid)] in (
        ["first plan", "second plan"],
        ["second plan", "first plan"],
    )
    (nep,) = nord.missing_episodes(cid)
    assert nep.id == episode and nep.found_where == "harbour" and nep.found_at == T0 + 7200
    (review,) = [t for t in nord.tasks(cid) if t.clock == "plan-review"]
    assert (review.status, review.reason) == ("not_needed", "plan version 2 supersedes it")
    assert _notes(nord, cid) == [*notes_at_nord, "Guardian met the child"]
    assert nord.verify().ok
    nord.lock()
    # The same cases again, in a new package: nothing changes.
    sor = pair.sor()
    _send(sor, "2026-041", "Mottak Nord", pair.tmp / "3.idcheck")
    sor.lock()
    nord = pair.nord()
    before = row_counts(nord)
    again = import_package(nord, pair.tmp / "3.idcheck")
    assert not again.report.changed and again.report.brought_up_to_date == []
    after = row_counts(nord)
    assert {k for k in after if after[k] != before[k]} == {"transfers"}
    nord.lock()


def _fields(d):
    import dataclasses

    return {f.name: getattr(d, f.name) for f in dataclasses.fields(d)}


def test_records_merged_from_a_package_carry_their_hash_and_a_change_to_one_is_named(pair):
    """Each task, referral, plan version, missing episode and note a package
    adds (or changes) gets its own audit row with the hash of the record as
    merged, as a write here does; `db verify` then names one changed behind
    the store."""
    from idcheck.store import followup_content as fc

    nord = pair.nord()
    cid = nord.case_id_by_reference("2026-041")
    nord.add_task(cid, TaskDraft(what="Find a guardian", due_at=T0 + 86400), now=T0)
    ref = nord.add_referral(cid, ReferralDraft("Barnevernvakten", "phone", T0), now=T0)
    nord.set_referral_state(ref, "declined", reason="not our district", at=T0 + 60)
    nord.save_plan(
        cid,
        [PlanEntry("safety", "a safe place", "placement", "social worker", None)],
        next_review_on=None,
        now=T0,
    )
    nord.add_missing(cid, MissingDraft(missing_at=T0 + 3600, last_seen_where="station"), now=T0)
    nord.add_note(cid, "Spoke with the school", now=T0 + 100)
    _send(nord, "2026-041", "Mottak Sør", pair.tmp / "1.idcheck")
    nord.lock()

    sor = pair.sor()
    try:
        done = import_package(sor, pair.tmp / "1.idcheck")
        scid = sor.case_id_by_reference("2026-041")
        with sor.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT action, object_id, content FROM audit WHERE case_id = ? "
                "AND action LIKE '%-imported' AND action != 'case-imported' "
                "AND action != 'screening-imported'",
                (scid,),
            ).all()
            # One row a record (a referral's states are part of it).
            tables = {
                "task": "tasks",
                "referral": "referral_records",
                "plan": "plans",
                "missing": "missing_episodes",
                "note": "case_notes",
            }
            records = sorted(
                (kind, i)
                for kind, table in tables.items()
                for (i,) in conn.exec_driver_sql(
                    f"SELECT id FROM {table} WHERE case_id = ?", (scid,)
                )
            )
            assert sorted((fc.ACTIONS[a], o) for a, o, _ in rows) == records
            assert done.report.followup == len(records) + 2  # and the referral's two states
            for action, oid, content in rows:
                assert content == fc.record_hash(conn, fc.ACTIONS[action], oid), action
        assert {a for a, _, _ in rows} == {
            "task-imported",
            "referral-imported",
            "plan-imported",
            "missing-imported",
            "note-imported",
        }
        result = sor.verify()
        assert result.ok, result.messages
        (sref,) = sor.referrals(scid)
        with sor.engine.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE referral_states SET reason = 'moved away' WHERE referral_id = ? "
                "AND state = 'declined'",
                (sref.id,),
            )
        result = sor.verify()
        assert not result.ok and result.altered_records == (f"referral {sref.id}",)
        assert any(
            m.startswith(f"content: referral {sref.id} (written at row") for m in result.messages
        ), result.messages
    finally:
        sor.lock()


def test_a_referral_closed_at_the_other_side_closes_its_follow_up_task_here(pair):
    nord = pair.nord()
    cid = nord.case_id_by_reference("2026-041")
    ref = nord.add_referral(
        cid, ReferralDraft("Barnevernvakten", "phone", T0, follow_up_on=T0 + 86400), now=T0
    )
    (follow,) = [t for t in nord.tasks(cid) if t.clock == "referral-follow-up"]
    _send(nord, "2026-041", "Mottak Sør", pair.tmp / "1.idcheck")
    nord.lock()
    sor = pair.sor()
    import_package(sor, pair.tmp / "1.idcheck")
    scid = sor.case_id_by_reference("2026-041")
    (sref,) = sor.referrals(scid)
    sor.set_referral_state(sref.id, "closed", at=T0 + 3600)
    _send(sor, "2026-041", "Mottak Nord", pair.tmp / "2.idcheck")
    sor.lock()
    nord = pair.nord()
    import_package(nord, pair.tmp / "2.idcheck")
    assert nord.referral(ref).state == "closed"
    task = nord.task(follow.id)
    assert (task.status, task.reason, task.done_at) == (
        "not_needed",
        "the referral was closed",
        T0 + 3600,
    )
    assert nord.verify().ok
    nord.lock()
