"""The store's plain records as the store hands them out: free text kept within
its limit, a child treated as a child until assessed, a screening record's
reading of itself."""

from __future__ import annotations

import pytest
from tests.store.conftest import screened, start

from idcheck.checklist import Answer
from idcheck.store import AnswerContext, CaseDetails, InvalidInput
from idcheck.store.records import MAX_TEXT, text_too_long


def test_free_text_over_the_limit_is_refused_whole_and_nothing_is_kept(store, intake):
    long = "x" * (MAX_TEXT + 1)
    assert text_too_long("the note", "x" * MAX_TEXT) is None
    said = text_too_long("the note", long)
    assert said is not None and said.startswith(f"the note: {MAX_TEXT + 1:,} characters")
    with pytest.raises(InvalidInput, match="at most"):
        store.create_case(CaseDetails(reference="T-1", notes=long))
    assert store.list_cases() == []
    _, sid = start(store, intake)
    with pytest.raises(InvalidInput, match="at most"):
        store.record_answer(sid, "debt", Answer(value="yes"), AnswerContext(worker_note=long))
    assert store.get_screening(sid).history == ()


@pytest.mark.parametrize(
    ("claimed", "assessed", "disputed", "child"),
    [
        (None, None, False, True),  # no age known: a child
        (17, None, False, True),
        (19, 16, False, True),  # the lower age counts
        (19, 21, True, True),  # a disputed age: a child until settled
        (30, 25, False, False),
    ],
)
def test_a_child_is_treated_as_a_child_until_assessed(store, claimed, assessed, disputed, child):
    details = CaseDetails(
        reference="A-1", claimed_age=claimed, assessed_age=assessed, age_disputed=disputed
    )
    cid = store.create_case(details)
    assert store.get_case(cid).details.may_be_child is child


def test_a_screening_record_reads_itself(store, intake):
    _, sid = screened(store, intake, "R-1", {"debt": "yes"}, "full-screening")
    record = store.get_screening(sid)
    assert record.completed and record.checklist_ref == (
        f"{intake.checklist.id}@{intake.checklist.version}"
    )
    assert record.plain_answers() == {"debt": Answer(value="yes")}
    draft = store.get_screening(store.amend_screening(sid))
    assert not draft.completed and draft.plain_answers() == record.plain_answers()
