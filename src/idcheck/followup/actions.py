"""Which actions a decided outcome sets in motion at a site: the site's own
routes' actions for the outcome, then the checklist's own that no route says
already, each once. The referral prints them and completing a screening makes
the tasks among them the case's tasks: one selection for both.

An action is a task (done once, by a deadline: :func:`plan_actions`, soonest
first) or standing guidance (no deadline, never a task: :func:`plan_guidance`,
in the order the files give it). Where the checklist and a route say the same
action (the same id, or the same role notified), the route's wording and
deadline are kept and the sources of both are cited.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from idcheck.checklist import Action, Outcome, Routes

__all__ = ["SiteLike", "plan_actions", "plan_guidance", "site_routes"]


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


def _cite_both(kept: Action, dropped: Action) -> Action:
    """``kept`` citing the sources of ``dropped`` too (and its legal basis, when
    ``kept`` gives none)."""
    sources = list(kept.sources)
    sources += [s for s in dropped.sources if s not in sources]
    return kept.model_copy(
        update={"sources": sources, "legal_basis": kept.legal_basis or dropped.legal_basis}
    )


def _selected(outcome: Outcome, outcome_id: str, routes: Sequence[Routes]) -> list[Action]:
    """Every action of the outcome at the site, each once, in the files' order:
    the routes' first, then the checklist's own that no route says already."""
    chosen: list[Action] = []
    for r in routes:
        for act in r.outcomes.get(outcome_id, []):
            if not any(u.id == act.id for u in chosen):
                chosen.append(act)
    said = len(chosen)  # the routes' actions: the checklist's own may repeat them
    for act in outcome.actions:
        same = next(
            (
                i
                for i, x in enumerate(chosen[:said])
                if x.id == act.id or (act.notify is not None and x.notify == act.notify)
            ),
            None,
        )
        if same is None:
            chosen.append(act)
        else:  # the site's route says it already
            chosen[same] = _cite_both(chosen[same], act)
    return chosen


def plan_actions(outcome: Outcome, outcome_id: str, routes: Sequence[Routes]) -> list[Action]:
    """The tasks the outcome sets in motion (actions with a deadline), each
    once, soonest first."""
    tasks = [a for a in _selected(outcome, outcome_id, routes) if a.is_task]
    return sorted(tasks, key=lambda x: x.deadline.sort_key())


def plan_guidance(outcome: Outcome, outcome_id: str, routes: Sequence[Routes]) -> list[Action]:
    """The standing guidance of the outcome (no deadline, never a task), each
    once, in the order the routes and then the checklist give it."""
    return [a for a in _selected(outcome, outcome_id, routes) if not a.is_task]
