"""What a referral says to do: the actions of the decided outcome with who is
notified, their contacts and when each is due, and the duties of the routes.

A completed screening carries the referral routes, contacts and site profile it
was completed under (pinned with it), so reprinting it gives the same plan after
any of them changes; a draft uses today's (:func:`documents`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from idcheck.checklist import (
    Action,
    Checklist,
    ChecklistError,
    Routes,
    find,
    load_checklist_bytes,
    load_routes_bytes,
    load_routes_ref,
    text_for,
)
from idcheck.followup import due_at
from idcheck.followup.actions import plan_actions, plan_guidance, site_routes
from idcheck.report.i18n import Translator
from idcheck.store import ScreeningRecord, SiteProfile, Store

__all__ = [
    "ActionLine",
    "Documents",
    "case_guidance",
    "documents",
    "due_time",
    "duty_lines",
    "guidance_lines",
    "one_line",
    "plan_lines",
    "site_routes",
]


@dataclass(frozen=True, slots=True)
class ActionLine:
    text: str
    notify: str | None
    contacts: tuple[str, ...]
    by: str
    due: str
    legal_basis: str | None
    #: The public documents the action rests on, as titles: those of the routes'
    #: action and of the checklist's own when both say it.
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Documents:
    """The routes, contacts and site a referral prints, and whether they are the
    ones pinned with a completed screening."""

    routes: tuple[Routes, ...]
    contacts: tuple[dict[str, str | None], ...]
    site: SiteProfile
    pinned: bool


def documents(store: Store, rec: ScreeningRecord, checklist: Checklist) -> Documents:
    """The pinned documents of a completed screening, else today's."""
    if rec.pinned is not None:
        routes = []
        for r in rec.pinned.routes:
            try:
                routes.append(load_routes_bytes(r.text, f"<{r.id}@{r.version} as pinned>"))
            except ChecklistError:
                continue
        return Documents(
            tuple(routes),
            tuple(rec.pinned.contacts),
            SiteProfile.from_dict(rec.pinned.site),
            True,
        )
    installed = []
    for ref in checklist.routes:
        try:
            find(ref)
            installed.append(load_routes_ref(ref))
        except (KeyError, ChecklistError):
            continue
    return Documents(tuple(installed), tuple(store.list_contacts()), store.site_profile(), False)


def one_line(text: str) -> str:
    """An address typed on several lines, as one line: its lines joined by commas."""
    return ", ".join(line.strip() for line in text.splitlines() if line.strip())


def due_time(start: float, action: Action, tr: Translator | None = None) -> str:
    """When an action is due, counted from ``start`` (:func:`idcheck.followup.due_at`):
    a date and time, and the deadline it comes from."""
    tr = tr or Translator("en")
    w = action.deadline
    if w.immediately:
        return tr.gettext("now")
    when = dt.datetime.fromtimestamp(due_at(start, w)).strftime("%Y-%m-%d %H:%M")
    if w.hours is not None:
        within = tr.ngettext("within %(num)d hour", "within %(num)d hours", w.hours) % {
            "num": w.hours
        }
        return f"{when} ({within})"
    n = w.working_days or 0
    within = tr.ngettext("within %(num)d working day", "within %(num)d working days", n) % {
        "num": n
    }
    return f"{when} ({within})"


def plan_lines(
    checklist: Checklist,
    outcome_id: str,
    routes: list[Routes],
    contacts: tuple[dict[str, str | None], ...],
    *,
    screener: str,
    start: float,
    tr: Translator,
) -> tuple[ActionLine, ...]:
    """The actions of ``outcome_id``: what, whom to notify (with the contacts the
    first time a role is named), by whom and by when."""
    lang = tr.lang
    told: set[str] = set()

    def who(role_id: str | None) -> tuple[str | None, tuple[str, ...]]:
        if role_id is None:
            return None, ()
        if role_id == "screening-worker":
            return tr.gettext("%(name)s (screener)") % {"name": screener}, ()
        found = []
        for candidate in routes:
            try:
                found.append((candidate, candidate.role(role_id)))
            except KeyError:
                continue
        label = text_for(found[0][1].label, lang) if found else role_id
        if role_id in told:
            return label, ()
        told.add(role_id)
        lines = [
            " ".join(x for x in (c.get("name"), c.get("phone"), c.get("hours")) if x)
            for c in contacts
            if c.get("role") == role_id
        ]
        for routes_file, role in found:
            if role.national_number:
                where = f" ({routes_file.jurisdiction})" if len(found) > 1 else ""
                lines.append(f"{text_for(role.label, lang)}: {role.national_number}{where}")
        return label, tuple(lines)

    titles = {
        src.id: f"{src.title} ({src.publisher}{f', {src.year}' if src.year else ''})"
        for src in [*checklist.sources, *(s for r in routes for s in r.sources)]
    }
    plan = []
    for act in plan_actions(checklist.outcome(outcome_id), outcome_id, routes):
        label, contact_lines = who(act.notify)
        by_label, _none = who(act.by)
        plan.append(
            ActionLine(
                text_for(act.text, lang),
                label,
                contact_lines,
                by_label or act.by,
                due_time(start, act, tr),
                text_for(act.legal_basis, lang) or None,
                tuple(dict.fromkeys(titles.get(ref.ref, ref.ref) for ref in act.sources)),
            )
        )
    return tuple(plan)


def guidance_lines(
    checklist: Checklist, outcome_id: str, routes: list[Routes], lang: str
) -> tuple[str, ...]:
    """The standing guidance of ``outcome_id`` (no due time, never a task), each
    in a line with its legal basis, if any."""
    out = []
    for act in plan_guidance(checklist.outcome(outcome_id), outcome_id, routes):
        basis = text_for(act.legal_basis, lang)
        out.append(f"{text_for(act.text, lang)} ({basis})" if basis else text_for(act.text, lang))
    return tuple(out)


def case_guidance(store: Store, case_id: int, lang: str | None) -> tuple[str, ...]:
    """The standing guidance of a case: that of the decided outcome of its
    newest completed screening (not amended since), at the site it was completed
    under (its pinned routes). Empty when no screening is completed. ``lang``
    None: the print language of that site, which its plan's tasks are written in."""
    done = [
        r
        for r in store.list_screenings(case_id)
        if r.status == "completed" and r.amended_by is None and r.outcome
    ]
    if not done:
        return ()
    newest = max(done, key=lambda r: (r.completed_at or 0.0, r.id))
    rec = store.get_screening(newest.id, audit=False)
    if rec.decision is None:
        return ()
    checklist = load_checklist_bytes(rec.checklist_text)
    docs = documents(store, rec, checklist)
    routes = site_routes(docs.site, docs.routes)
    if lang is None:
        lang = docs.site.print_language or "en"
    try:
        return guidance_lines(checklist, rec.decision.decision_outcome, routes, lang)
    except KeyError:
        return ()


def duty_lines(routes: list[Routes], lang: str) -> tuple[str, ...]:
    """Each duty of the routes in a line: its first sentence and its legal basis."""
    return tuple(
        f"{_first_sentence(text_for(du.text, lang))} ({text_for(du.legal_basis, lang)})"
        for r in routes
        for du in r.duties
    )


def _first_sentence(text: str) -> str:
    """A duty's first sentence: the referral cites duties in a few lines."""
    i = text.find(". ")
    return text[: i + 1] if 0 < i < len(text) - 2 else text
