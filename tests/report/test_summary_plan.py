"""The referral's plan: when each action is due, which routes are the site's,
and which actions are printed when the routes and the checklist both name one."""

from __future__ import annotations

import datetime as dt

import pytest

from idcheck.checklist import load_bundled, load_routes_ref, text_for
from idcheck.checklist.model import Action
from idcheck.report.i18n import Translator
from idcheck.report.summary_plan import (
    due_time,
    duty_lines,
    guidance_lines,
    one_line,
    plan_lines,
    site_routes,
)
from idcheck.store import SiteProfile

# A Friday afternoon.
FRIDAY = dt.datetime(2026, 3, 6, 15, 30).timestamp()


def action(**within: object) -> Action:
    return Action.model_validate({"id": "a", "text": "Do it", "within": within})


def test_now_is_now():
    assert due_time(FRIDAY, action(immediately=True)) == "now"
    assert due_time(FRIDAY, action(immediately=True), Translator("nb")) == "nå"


def test_hours_count_on_the_clock():
    assert due_time(FRIDAY, action(hours=24)) == "2026-03-07 15:30 (within 24 hours)"
    assert due_time(FRIDAY, action(hours=1)) == "2026-03-06 16:30 (within 1 hour)"


def test_working_days_skip_the_weekend():
    assert due_time(FRIDAY, action(working_days=1)) == "2026-03-09 15:30 (within 1 working day)"
    assert due_time(FRIDAY, action(working_days=5)) == "2026-03-13 15:30 (within 5 working days)"


def test_the_plural_is_the_print_languages():
    nb = Translator("nb")
    assert due_time(FRIDAY, action(working_days=1), nb).endswith(
        f"({nb.ngettext('within %(num)d working day', 'within %(num)d working days', 1) % {'num': 1}})"
    )
    assert "1 working days" not in due_time(FRIDAY, action(working_days=1))


@pytest.mark.parametrize(
    ("site", "expected"),
    [
        (SiteProfile(name="x"), {"routes-gb", "routes-no"}),  # no country yet: every route
        (SiteProfile(name="x", jurisdiction="NO"), {"routes-no"}),
        (SiteProfile(name="x", jurisdiction="GB-SCT"), {"routes-gb"}),
        (SiteProfile(name="x", jurisdiction="NO", route_ids=("routes-gb",)), {"routes-gb"}),
    ],
)
def test_the_sites_routes(site, expected):
    routes = (load_routes_ref("routes-no"), load_routes_ref("routes-gb"))
    assert {r.id for r in site_routes(site, routes)} == expected


def test_one_line_joins_an_address_by_commas():
    assert one_line("Storgata 1\n\n  0155 Oslo \n") == "Storgata 1, 0155 Oslo"
    assert one_line("") == ""


def test_a_route_that_notifies_a_role_replaces_the_checklists_own_action_for_it():
    checklist = load_bundled("intake-screen")
    routes = [load_routes_ref("routes-no")]
    plan = plan_lines(
        checklist,
        "immediate-protection",
        routes,
        ({"role": "child-welfare-emergency", "name": "Barnevernvakten", "phone": "21"},),
        screener="anna",
        start=FRIDAY,
        tr=Translator("en"),
    )
    printed = [p.text for p in plan]
    route = {text_for(a.text, "en") for a in routes[0].outcomes["immediate-protection"]}
    own = {text_for(a.text, "en"): a for a in checklist.outcome("immediate-protection").actions}
    # The checklist's "call the emergency number" and "call the child welfare
    # emergency service" are said by the route (the same roles); its "stay with the
    # child" is not, and its "tell the supervisor" is the route's own (same id).
    # Its standing guidance ("stay with the child", "do not confront") is printed
    # apart, with no due time (guidance_lines), never among the dated actions.
    assert route <= set(printed)
    guidance = guidance_lines(checklist, "immediate-protection", routes, "en")
    for text, act in own.items():
        said_by_route = act.notify in {"police-emergency", "child-welfare-emergency", "supervisor"}
        if not act.is_task:
            assert text in guidance and text not in printed, text
            continue
        assert (text in printed) == (not said_by_route or text in route), text
    assert len(printed) == len(set(printed))  # each action once
    dues = [p.due for p in plan]
    nows = dues.count("now")
    assert dues[:nows] == ["now"] * nows and dues[nows:] == sorted(dues[nows:])  # soonest first
    # The contacts of a role are printed with the first action that names it.
    assert sum("Barnevernvakten 21" in p.contacts for p in plan) == 1
    assert any(p.contacts == ("Police (emergency): 112",) for p in plan)  # a national number


def test_duties_are_cited_by_their_first_sentence_and_legal_basis():
    routes = [load_routes_ref("routes-no")]
    duties = [du for r in routes for du in r.duties]
    lines = duty_lines(routes, "en")
    assert len(lines) == len(duties) > 0
    for line, duty in zip(lines, duties, strict=True):
        text, basis = text_for(duty.text, "en"), text_for(duty.legal_basis, "en")
        first = text.split(". ")[0] + "." if ". " in text.rstrip(". ") else text
        assert line == f"{first} ({basis})"
