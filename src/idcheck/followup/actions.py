"""Which actions a decided outcome sets in motion at a site: the site's own
routes' actions for the outcome, then the checklist's own that no route says
already, each once, soonest first. The referral prints them and completing a
screening makes them the case's tasks: one selection for both."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from idcheck.checklist import Action, Outcome, Routes

__all__ = ["SiteLike", "plan_actions", "site_routes"]


class SiteLike(Protocol):
    """What the selection reads of a site profile."""

    @property
    def jurisdiction(self) -> str: ...
    @property
    def country(self) -> str: ...
    @property
    def route_ids(self) -> tuple[str, ...]: ...


def site_routes(site: SiteLike, routes: Sequence[Routes]) -> list[Routes]:
    """The site's own routes: those it names, else those of its country; every
    route when no jurisdiction is set."""
    if not site.jurisdiction:
        return list(routes)
    if site.route_ids:
        return [r for r in routes if r.id in site.route_ids]
    return [r for r in routes if r.jurisdiction == site.country]


def plan_actions(outcome: Outcome, outcome_id: str, routes: Sequence[Routes]) -> list[Action]:
    """The routes' actions for the outcome, then the checklist's own that no
    route says already; each once, soonest first."""
    chosen: list[Action] = []
    for r in routes:
        chosen.extend(r.outcomes.get(outcome_id, []))
    ids = {x.id for x in chosen}
    notified = {x.notify for x in chosen if x.notify}
    for act in outcome.actions:
        if act.id in ids or (act.notify and act.notify in notified):
            continue  # the site's route says it already
        chosen.append(act)
    unique: list[Action] = []
    for act in chosen:
        if any(u.id == act.id for u in unique):
            continue
        unique.append(act)
    return sorted(unique, key=lambda x: x.within.sort_key())
