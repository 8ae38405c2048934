"""What a completed screening's plan makes of its actions: standing guidance
("do not confront the accompanying adults") is never a task, so nothing is
OVERDUE a minute after completion but the real immediate tasks; the checklist's
and the routes' "full screening within 24 hours" make one task, citing the
sources of both. Checklist 1.0.0 stays as published for the screenings made
with it. The clock is given, never slept."""

from __future__ import annotations

import hashlib

import pytest
from tests.store.conftest import Bundled

from idcheck.checklist import find, load_checklist_bytes, load_routes_ref
from idcheck.followup.actions import plan_actions, plan_guidance
from idcheck.store import CaseDetails, Decision, SiteProfile

MINUTE = 60.0
HOUR = 3600.0


def _bundled(ref: str) -> Bundled:
    text = find(ref).path.read_bytes()
    return Bundled(load_checklist_bytes(text), text, hashlib.sha256(text).hexdigest())


def _complete(store, checklist: Bundled, outcome: str, ref: str, jurisdiction: str = "NO"):
    store.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction=jurisdiction))
    cid = store.create_case(CaseDetails(reference=ref))
    sid = store.start_screening(cid, checklist.checklist, checklist.text, checklist.sha256)
    store.record_decision(sid, Decision(outcome, (), outcome, "worried for her safety"))
    store.complete_screening(sid)
    return cid


def test_standing_guidance_makes_no_task_and_nothing_else_is_overdue_a_minute_on(store):
    cid = _complete(store, _bundled("intake-screen@1.1.0"), "immediate-protection", "G-1")
    start = store.get_case(cid).first_contact_at
    tasks = store.tasks(cid)
    clocks = {t.clock for t in tasks}
    assert not clocks & {"stay-with-child", "do-not-confront"}
    assert not any("confront" in t.what.lower() for t in tasks)
    overdue = {t.clock for t in tasks if t.overdue(start + MINUTE)}
    # A minute after first contact only what is to be done at once is overdue.
    assert overdue == {"call-police", "call-barnevernvakt", "tell-supervisor"}


def test_the_full_screening_within_24_hours_is_one_task_citing_both(store):
    intake = _bundled("intake-screen@1.1.0")
    cid = _complete(store, intake, "full-screening", "G-2")
    start = store.get_case(cid).first_contact_at
    tasks = store.tasks(cid)
    full = [t for t in tasks if "full screening" in t.what.lower()]
    assert [t.clock for t in full] == ["plan-full-screening"]
    assert full[0].due_at == start + 24 * HOUR
    assert "away from the accompanying adults" in full[0].what  # nothing of either lost
    assert "do-not-confront" not in {t.clock for t in tasks}
    # The one action cites the routes' source and the checklist's.
    outcome = intake.checklist.outcome("full-screening")
    [act] = [
        a
        for a in plan_actions(outcome, "full-screening", [load_routes_ref("routes-no")])
        if a.id == "plan-full-screening"
    ]
    assert [s.ref for s in act.sources] == ["kom-local-response", "vera-tvit"]
    assert act.legal_basis is not None  # the routes' planning default


def test_a_site_with_no_country_set_gets_one_full_screening_task_too(store):
    cid = _complete(store, _bundled("intake-screen@1.1.0"), "full-screening", "G-3", "")
    assert [t.clock for t in store.tasks(cid) if "full screening" in t.what.lower()] == [
        "plan-full-screening"
    ]


@pytest.mark.parametrize(
    ("checklist", "outcome", "routes", "guidance"),
    [
        (
            "intake-screen",
            "immediate-protection",
            "routes-no",
            ["stay-with-child", "do-not-confront"],
        ),
        ("intake-screen", "full-screening", "routes-no", ["do-not-confront"]),
        (
            "child-trafficking-full",
            "refer",
            "routes-gb",
            ["presume-child", "do-not-confront", "stop-if-disclosure"],
        ),
    ],
)
def test_guidance_is_kept_apart_in_the_files_order(checklist, outcome, routes, guidance):
    c = _bundled(checklist).checklist
    r = [load_routes_ref(routes)]
    assert [a.id for a in plan_guidance(c.outcome(outcome), outcome, r)] == guidance
    tasks = plan_actions(c.outcome(outcome), outcome, r)
    assert tasks and all(a.is_task for a in tasks)
    assert not {a.id for a in tasks} & set(guidance)


def test_a_screening_made_with_1_0_0_keeps_the_plan_it_was_completed_with(store):
    """1.0.0 is as published: its standing instructions were tasks (they stay
    so in stores that have them, see docs/checklist-language.md)."""
    cid = _complete(store, _bundled("intake-screen@1.0.0"), "full-screening", "G-4")
    clocks = [t.clock for t in store.tasks(cid)]
    assert "do-not-confront" in clocks
    assert {"complete-full-screening", "plan-full-screening"} <= set(clocks)
