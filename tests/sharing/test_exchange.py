"""Two real stores share a case: export, import, merge, export back. Nothing is
lost, every answer keeps its context, amendments stay linked, both audit
chains verify, and the same package (or the same cases again) changes nothing."""

from __future__ import annotations

from dataclasses import replace

from tests.sharing.conftest import CANARY_WORDS, row_counts

from idcheck.checklist import Answer
from idcheck.sharing import PackageRefused, export_cases, import_package, resolve_recipient
from idcheck.store import AnswerContext, CaseDetails


def _answers(store, case_id):
    """Every answer of every screening, as a site sees it: by screening (in
    order), item, value, context, and who answered (by name)."""
    names = {u.id: u.username for u in store.list_users()}
    with store.engine.connect() as conn:
        names |= dict(conn.exec_driver_sql("SELECT id, username FROM users").all())
    out = []
    for row in store.list_screenings(case_id):
        s = store.get_screening(row.id, audit=False)
        out.append(
            (
                s.checklist_sha256,
                s.status,
                s.decision,
                None if s.amends_id is None else "amends",
                [
                    (
                        a.item_id,
                        a.answer,
                        a.context,
                        a.answered_at,
                        names[a.answered_by].split(" (")[0],
                    )
                    for a in s.history
                ],
            )
        )
    return out


def _export(store, case_ids, to, path):
    return export_cases(store, case_ids, [resolve_recipient(store, to)], path)


def test_export_import_merge_and_back_loses_nothing(pair, intake):
    nord = pair.nord()
    cid = nord.case_id_by_reference("2026-041")
    sent = _answers(nord, cid)
    details = nord.get_case(cid, audit=False).details
    _export(nord, [cid], "Mottak Sør", pair.tmp / "to-sor.idcheck")
    nord.lock()

    sor = pair.sor()
    done = import_package(sor, pair.tmp / "to-sor.idcheck")
    assert done.report.added == ["2026-041"] and done.report.screenings == 2
    sor_cid = sor.case_id_by_reference("2026-041")
    assert _answers(sor, sor_cid) == sent
    assert sor.get_case(sor_cid, audit=False).details == details
    original, amendment = sor.list_screenings(sor_cid)
    assert amendment.amends_id == original.id and original.status == "completed"
    # The documents its referral reprints came with it, as they were pinned.
    nord = pair.nord()
    pinned_at_nord = nord.get_screening(nord.list_screenings(cid)[0].id, audit=False).pinned
    nord.lock()
    assert pinned_at_nord is not None
    assert sor.get_screening(original.id, audit=False).pinned == pinned_at_nord
    claimed = sor.get_screening(original.id, audit=False).answers["claimed-age"]
    assert claimed.context.child_words == CANARY_WORDS and claimed.context.read_back is True
    # Sør goes on with the amendment, completes it, and sends the case back.
    sor.record_answer(
        amendment.id,
        "age-doubt",
        Answer(value="yes"),
        AnswerContext(source="observed", worker_note="looks younger"),
    )
    outcome = intake.checklist.outcomes[-1].id
    from idcheck.store import Decision

    sor.record_decision(amendment.id, Decision(outcome, (), outcome, ""))
    sor.complete_screening(amendment.id)
    back = _answers(sor, sor_cid)
    _export(sor, [sor_cid], "Mottak Nord", pair.tmp / "to-nord.idcheck")
    assert sor.verify().ok
    sor.lock()

    nord = pair.nord()
    done = import_package(nord, pair.tmp / "to-nord.idcheck")
    assert done.report.added == [] and done.report.answers == 1 and done.report.completed == 1
    assert _answers(nord, cid) == back
    result = nord.verify()
    assert result.ok, result.messages
    # The same package again: refused, nothing changes.
    before = row_counts(nord)
    try:
        import_package(nord, pair.tmp / "to-nord.idcheck")
    except PackageRefused as e:
        assert "imported here already" in str(e)
    else:
        raise AssertionError("a package imported twice was accepted")
    assert row_counts(nord) == before
    # The same cases in a new package: merged, and nothing changes.
    nord.lock()
    sor = pair.sor()
    _export(sor, [sor_cid], "Mottak Nord", pair.tmp / "again.idcheck")
    sor.lock()
    nord = pair.nord()
    before = row_counts(nord)
    again = import_package(nord, pair.tmp / "again.idcheck")
    assert not again.report.changed
    after = row_counts(nord)
    assert {k: after[k] - before[k] for k in after if after[k] != before[k]} == {"transfers": 1}
    assert nord.verify().ok
    nord.lock()


def test_both_ends_audit_the_package_hash_sender_and_recipient(pair):
    nord = pair.nord()
    cid = nord.case_id_by_reference("2026-041")
    sent = _export(nord, [cid], "Mottak Sør", pair.tmp / "p.idcheck")
    nord_fpr = nord.sharing_keys().fingerprint
    with nord.engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT content FROM audit WHERE action = 'package-exported'"
        ).one()
    nord.lock()
    sor = pair.sor()
    sor_fpr = sor.sharing_keys().fingerprint
    assert row[0] == f"package-sha256={sent.sha256};to={sor_fpr}"
    import_package(sor, pair.tmp / "p.idcheck")
    with sor.engine.connect() as conn:
        got = conn.exec_driver_sql(
            "SELECT content FROM audit WHERE action = 'package-imported'"
        ).scalar_one()
    assert got == f"package-sha256={sent.sha256};from={nord_fpr};to={sor_fpr}"
    assert sor.verify().ok
    sor.lock()


def test_both_sides_changed_the_details_both_versions_are_kept(pair):
    nord = pair.nord()
    cid = nord.case_id_by_reference("2026-041")
    _export(nord, [cid], "Mottak Sør", pair.tmp / "1.idcheck")
    nord.lock()
    sor = pair.sor()
    import_package(sor, pair.tmp / "1.idcheck")
    sor_cid = sor.case_id_by_reference("2026-041")
    d = sor.get_case(sor_cid, audit=False).details
    sor.update_case(sor_cid, CaseDetails(**{**_fields(d), "assessed_age": 16}))
    _export(sor, [sor_cid], "Mottak Nord", pair.tmp / "2.idcheck")
    sor.lock()

    nord = pair.nord()
    d = nord.get_case(cid, audit=False).details
    nord.update_case(cid, CaseDetails(**{**_fields(d), "nationality": "Sudan"}))
    done = import_package(nord, pair.tmp / "2.idcheck")
    assert done.report.both_kept == ["2026-041"]
    mine = nord.get_case(cid, audit=False).details
    assert mine.nationality == "Sudan" and mine.assessed_age is None
    (theirs,) = nord.case_versions(cid)
    assert theirs.details["assessed_age"] == 16 and theirs.details["nationality"] == "Eritrea"
    assert theirs.origin.startswith("Mottak Sør")
    nord.lock()


def test_details_changed_on_one_side_only_are_taken(pair):
    nord = pair.nord()
    cid = nord.case_id_by_reference("2026-041")
    _export(nord, [cid], "Mottak Sør", pair.tmp / "1.idcheck")
    nord.lock()
    sor = pair.sor()
    import_package(sor, pair.tmp / "1.idcheck")
    sor_cid = sor.case_id_by_reference("2026-041")
    d = sor.get_case(sor_cid, audit=False).details
    sor.update_case(sor_cid, CaseDetails(**{**_fields(d), "assessed_age": 16}))
    _export(sor, [sor_cid], "Mottak Nord", pair.tmp / "2.idcheck")
    sor.lock()
    nord = pair.nord()
    done = import_package(nord, pair.tmp / "2.idcheck")
    assert done.report.updated == ["2026-041"] and not done.report.both_kept
    assert nord.get_case(cid, audit=False).details.assessed_age == 16
    assert nord.case_versions(cid) == []
    nord.lock()


def test_a_reference_in_use_here_is_kept_apart(pair, intake):
    sor = pair.sor()
    sor.create_case(CaseDetails(reference="2026-041", given_name="Someone else"))
    sor.lock()
    nord = pair.nord()
    _export(nord, [nord.case_id_by_reference("2026-041")], "Mottak Sør", pair.tmp / "p.idcheck")
    nord.lock()
    sor = pair.sor()
    done = import_package(sor, pair.tmp / "p.idcheck")
    assert done.report.renamed == [("2026-041", "2026-041 (Mottak Nord)")]
    rows = {c.reference: c for c in sor.list_cases()}
    assert rows["2026-041"].given_name == "Someone else"
    assert rows["2026-041 (Mottak Nord)"].screenings == 2
    sor.lock()


def _fields(d):
    import dataclasses

    return {f.name: getattr(d, f.name) for f in dataclasses.fields(d)}


def test_a_case_imported_sorts_by_its_names_at_the_site_that_receives_it(pair):
    """The name's sort form is written when a shared case arrives, and again
    when a later package changes the names."""
    from idcheck.store.sort_keys import name_key

    nord = pair.nord()
    cid = nord.case_id_by_reference("2026-041")
    _export(nord, [cid], "Mottak Sør", pair.tmp / "first.idcheck")
    details = nord.get_case(cid, audit=False).details
    nord.update_case(cid, replace(details, given_name="Ærlend", family_name="Ås"))
    _export(nord, [cid], "Mottak Sør", pair.tmp / "renamed.idcheck")
    nord.lock()
    sor = pair.sor()
    import_package(sor, pair.tmp / "first.idcheck")
    (row,) = sor.list_cases(by="name", ascending=True)
    assert row.name_key == name_key(details.given_name, details.family_name) != ""
    import_package(sor, pair.tmp / "renamed.idcheck")
    (row,) = sor.list_cases(by="name", ascending=True)
    assert row.given_name == "Ærlend" and row.name_key == "{rlend }s"
