"""The case list marks a case whose draft holds an immediate-danger answer; a
case's date of birth and identifying agency are checked."""

from __future__ import annotations

from idcheck.checklist import Answer
from idcheck.store import CaseDetails, Decision


def _draft(store, intake, ref):
    cid = store.create_case(CaseDetails(reference=ref))
    return cid, store.start_screening(cid, intake.checklist, intake.text, intake.sha256)


def _flags(store):
    return {r.reference: r.danger for r in store.list_cases()}


def test_a_draft_with_a_danger_answer_is_marked(store, intake):
    danger_items = [i for i in intake.checklist.item_ids() if intake.checklist.item(i).danger]
    assert "danger-harm" in danger_items
    _, calm = _draft(store, intake, "CALM")
    store.record_answer(calm, "danger-harm", Answer(value="no"))
    store.record_answer(calm, "debt", Answer(value="yes"))  # an indicator, not a danger
    _, hot = _draft(store, intake, "HOT")
    store.record_answer(hot, "danger-harm", Answer(value="yes"))
    _draft(store, intake, "EMPTY")
    assert _flags(store) == {"CALM": False, "HOT": True, "EMPTY": False}


def test_the_latest_answer_counts(store, intake):
    _, sid = _draft(store, intake, "CHANGED")
    store.record_answer(sid, "danger-harm", Answer(value="yes"))
    assert _flags(store)["CHANGED"] is True
    store.record_answer(sid, "danger-harm", Answer(value="no"))
    assert _flags(store)["CHANGED"] is False
    store.record_answer(sid, "danger-harm", Answer(value="yes"))
    assert _flags(store)["CHANGED"] is True


def test_every_danger_item_of_the_checklist_counts(store, intake):
    for item_id in intake.checklist.item_ids():
        spec = intake.checklist.item(item_id).danger
        if spec is None:
            continue
        _, sid = _draft(store, intake, f"D-{item_id}")
        store.record_answer(sid, item_id, Answer(value=spec.answers[0]))
        assert _flags(store)[f"D-{item_id}"] is True, item_id


def test_a_completed_screening_is_not_a_draft_in_danger(store, intake):
    _, sid = _draft(store, intake, "DONE")
    store.record_answer(sid, "danger-harm", Answer(value="yes"))
    store.record_decision(sid, Decision("immediate-protection", ("danger-now",), "immediate-protection"))
    store.complete_screening(sid)
    assert _flags(store)["DONE"] is False
    amended = store.amend_screening(sid)  # a new draft with the same answers
    assert store.get_screening(amended).status == "draft"
    assert _flags(store)["DONE"] is True


def test_a_case_date_of_birth_and_agency_are_checked(store):
    import pytest

    from idcheck.store import InvalidInput

    for dob, says in (("2011-13-05", "the date of birth '2011-13-05' is not a date; write it as YYYY-MM-DD"),
                      ("5.3.2011", "is not a date"), ("2011-2-5", "is not a date"),
                      ("2999-01-01", "the date of birth 2999-01-01 is in the future")):
        with pytest.raises(InvalidInput) as e:
            store.create_case(CaseDetails(reference="DOB", claimed_dob=dob))
        assert says in str(e.value)
    with pytest.raises(InvalidInput, match="unknown identifying agency 'teacher'; one of: police"):
        store.create_case(CaseDetails(reference="DOB", identified_by="teacher"))
    assert store.list_cases() == []
    cid = store.create_case(CaseDetails(reference="DOB", claimed_dob="2011-03-05",
                                        identified_by="health", languages="ar, en", notes="a\nb"))
    d = store.get_case(cid).details
    assert (d.claimed_dob, d.identified_by, d.languages, d.notes) == (
        "2011-03-05", "health", "ar, en", "a\nb")
    with pytest.raises(InvalidInput, match="not a date"):
        store.update_case(cid, CaseDetails(reference="DOB", claimed_dob="2011-02-30"))


def test_a_multiple_choice_danger_answer_counts(store):
    """A danger item answered with several options (a JSON list in the store)."""
    import hashlib
    import io

    from ruamel.yaml import YAML

    from idcheck.checklist import find, load_checklist_bytes

    yaml = YAML(typ="safe", pure=True)
    doc = yaml.load(find("child-trafficking-full").path.read_text(encoding="utf-8"))
    items = [it for s in doc["sections"] for it in s["items"]]
    spec = next(it for it in items if it["id"] == "danger-harm-now")["danger"]
    multi = next(it for it in items if it.get("type") == "multi-choice")
    options = [o["id"] for o in multi["options"]]
    multi["danger"] = {**spec, "answers": [options[1]]}
    out = io.StringIO()
    yaml.dump(doc, out)
    text = out.getvalue().encode()
    checklist = load_checklist_bytes(text)
    sha = hashlib.sha256(text).hexdigest()
    for ref, value in (("MULTI-HIT", [options[0], options[1]]), ("MULTI-MISS", [options[0]])):
        cid = store.create_case(CaseDetails(reference=ref))
        sid = store.start_screening(cid, checklist, text, sha)
        store.record_answer(sid, multi["id"], Answer(value=value))
    flags = {r.reference: r.danger for r in store.list_cases()}
    assert flags == {"MULTI-HIT": True, "MULTI-MISS": False}
