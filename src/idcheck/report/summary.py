"""The referral summary as pure data, built from a stored screening.

Everything comes from the store and from the checklist text the screening was
answered under (never the installed file), so reprinting a completed screening
gives the same content. The summary never says a child "is a victim": it lists
the indicators recorded, what the checklist's rules suggest and why, and the
professional's own decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from idcheck.checklist import (
    Action,
    Checklist,
    ChecklistError,
    Indicator,
    Question,
    Routes,
    assess,
    load_checklist_bytes,
    load_routes_ref,
    text_for,
)
from idcheck.store import Store

SOURCE_WORDS = {
    "observed": "observed by the worker",
    "child-said": "the child said",
    "other-said": "another person said",
    "document": "a document shows",
}


@dataclass(frozen=True, slots=True)
class IndicatorLine:
    text: str
    strength: str
    answer: str
    source: str | None
    child_words: str | None
    child_language: str | None
    read_back: bool | None
    worker_note: str | None
    verification: str
    item_id: str = ""


@dataclass(frozen=True, slots=True)
class AnswerLine:
    question: str
    answer: str
    child_words: str | None = None
    child_language: str | None = None
    worker_note: str | None = None
    item_id: str = ""
    read_back: bool | None = None


@dataclass(frozen=True, slots=True)
class ActionLine:
    text: str
    notify: str | None
    contacts: tuple[str, ...]
    by: str
    due: str
    legal_basis: str | None


@dataclass(frozen=True, slots=True)
class ReferralSummary:
    case_reference: str
    names: str | None
    screened_by: str
    started: str
    completed: str | None
    site: str
    checklist_ref: str
    checklist_sha256: str
    languages: tuple[str, ...]
    interpreters: tuple[str, ...]
    age_lines: tuple[str, ...]
    presumption: str
    indicators: dict[str, list[IndicatorLine]]
    other_answers: tuple[AnswerLine, ...]
    suggested: str
    fired: tuple[tuple[str, tuple[str, ...]], ...]
    decision: str | None
    reasons: str
    actions: tuple[tuple[str, tuple[ActionLine, ...]], ...]
    duties: tuple[str, ...]
    audit_head: str
    generated: str
    notes: tuple[str, ...] = field(default_factory=tuple)


def _fmt(ts: float | None) -> str:
    return "" if ts is None else dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")


def due_time(start: float, action: Action) -> str:
    """When an action is due, from the time of the screening."""
    w = action.within
    if w.immediately:
        return "now"
    at = dt.datetime.fromtimestamp(start)
    if w.hours is not None:
        return (at + dt.timedelta(hours=w.hours)).strftime(
            "%Y-%m-%d %H:%M"
        ) + f" (within {w.hours} h)"
    days, d = 0, at
    while days < (w.working_days or 0):
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            days += 1
    return d.strftime("%Y-%m-%d") + f" (within {w.working_days} working days)"


def _routes(checklist: Checklist, jurisdiction: str) -> list[Routes]:
    out = []
    for ref in checklist.routes:
        try:
            r = load_routes_ref(ref)
        except (KeyError, ChecklistError):
            continue
        if not jurisdiction or r.jurisdiction == jurisdiction:
            out.append(r)
    return out


def build_summary(
    store: Store, screening_id: int, *, include_names: bool = False, lang: str = "en"
) -> ReferralSummary:
    """Everything the referral shows, from the store (audited as a view)."""
    rec = store.get_screening(screening_id)
    case = store.get_case(rec.case_id)
    checklist = load_checklist_bytes(rec.checklist_text)
    answers = rec.plain_answers()
    a = assess(checklist, answers)
    users = {u.id: u.username for u in store.list_users()}
    jurisdiction = store.get_setting("jurisdiction") or (checklist.jurisdiction or "")
    contacts = store.list_contacts()
    d = case.details

    indicators: dict[str, list[IndicatorLine]] = {}
    other: list[AnswerLine] = []
    languages: set[str] = set()
    interpreters: set[str] = set()
    for item_id in checklist.item_ids():
        stored = rec.answers.get(item_id)
        if stored is None or item_id not in a.visible:
            continue
        ctx = stored.context
        if ctx.language:
            languages.add(ctx.language)
        if ctx.interpreter:
            interpreters.add(ctx.interpreter)
        item = checklist.item(item_id)
        ans = stored.answer
        shown = ans.status if ans.status != "answered" else ans.value
        if isinstance(item, Indicator):
            if item_id not in a.recorded_indicators:
                continue
            dim = text_for(checklist.dimension(item.dimension).label, lang)
            indicators.setdefault(dim, []).append(
                IndicatorLine(
                    text=text_for(item.text, lang),
                    strength=item.strength,
                    answer=str(shown),
                    source=SOURCE_WORDS.get(ctx.source or ""),
                    child_words=ctx.child_words,
                    child_language=ctx.language,
                    read_back=ctx.read_back,
                    worker_note=ctx.worker_note,
                    verification=item.verification,
                    item_id=item_id,
                )
            )
        elif isinstance(item, Question):
            if isinstance(shown, list):
                labels = {o.id: text_for(o.label, lang) for o in item.options}
                shown = ", ".join(labels.get(v, v) for v in shown)
            elif item.options and isinstance(shown, str):
                shown = next(
                    (text_for(o.label, lang) for o in item.options if o.id == shown), shown
                )
            other.append(
                AnswerLine(
                    text_for(item.text, lang),
                    str(shown),
                    ctx.child_words,
                    ctx.language,
                    ctx.worker_note,
                    item_id,
                    ctx.read_back,
                )
            )
    for dim_lines in indicators.values():
        dim_lines.sort(key=lambda line: ("strong", "medium", "weak").index(line.strength))

    age_lines = (
        f"Age the child gives: {d.claimed_age if d.claimed_age is not None else 'not known'}",
        f"Assessed age: {d.assessed_age if d.assessed_age is not None else 'not assessed'}",
        f"Age disputed: {'yes' if d.age_disputed else 'no'}",
    )
    if d.may_be_child:
        presumption = (
            "The child may be under 18 and is treated as a child until their age is assessed."
        )
        if jurisdiction == "GB":
            presumption += " (Modern Slavery Act 2015, s.51: presumption about age.)"
    else:
        presumption = (
            "Both the stated and the assessed age are 18 or over, and the age is not disputed."
        )

    outcome_id = rec.decision.decision_outcome if rec.decision else a.outcome.id
    outcome = checklist.outcome(outcome_id)
    start = rec.completed_at or rec.started_at
    routes = _routes(checklist, jurisdiction)

    def who(role_id: str | None, r: Routes | None) -> tuple[str | None, tuple[str, ...]]:
        if role_id is None:
            return None, ()
        if role_id == "screening-worker":
            return "the worker who screened", ()
        found = []
        for candidate in [r] if r is not None else routes:
            try:
                found.append((candidate, candidate.role(role_id)))
            except KeyError:
                continue
        label = text_for(found[0][1].label, lang) if found else role_id
        lines = [
            f"{c['name']} {c.get('phone') or ''}".strip()
            for c in contacts
            if c.get("role") == role_id
        ]
        for routes_file, role in found:
            if role.national_number:
                where = f" ({routes_file.jurisdiction})" if len(found) > 1 else ""
                lines.append(f"{text_for(role.label, lang)}: {role.national_number}{where}")
        return label, tuple(lines)

    def plan(acts: list[Action], r: Routes | None) -> tuple[ActionLine, ...]:
        lines = []
        for act in sorted(acts, key=lambda x: x.within.sort_key()):
            label, contact_lines = who(act.notify, r)
            by_label, _ = who(act.by, r)
            lines.append(
                ActionLine(
                    text_for(act.text, lang),
                    label,
                    contact_lines,
                    by_label or act.by,
                    due_time(start, act),
                    text_for(act.legal_basis, lang) or None,
                )
            )
        return tuple(lines)

    groups: list[tuple[str, tuple[ActionLine, ...]]] = [
        ("For every site", plan(list(outcome.actions), None))
    ]
    for r in routes:
        groups.append((text_for(r.title, lang), plan(list(r.outcomes.get(outcome_id, [])), r)))
    duties = tuple(
        f"{text_for(du.text, lang)} ({text_for(du.legal_basis, lang)})"
        for r in routes
        for du in r.duties
    )
    notes = [] if rec.completed else ["DRAFT: this screening is not completed."]
    if len(routes) > 1:
        notes.append(
            "No jurisdiction is set for this site, so the routes of every country the "
            "checklist knows are shown: an administrator can set the site's jurisdiction."
        )

    names = None
    if include_names:
        names = " ".join(x for x in (d.given_name, d.family_name) if x) or None
    head = store.audit_head()
    return ReferralSummary(
        case_reference=d.reference,
        names=names,
        screened_by=users.get(rec.started_by, "?"),
        started=_fmt(rec.started_at),
        completed=_fmt(rec.completed_at) or None,
        site=store.get_setting("site_name"),
        checklist_ref=rec.checklist_ref,
        checklist_sha256=rec.checklist_sha256,
        languages=tuple(sorted(languages)),
        interpreters=tuple(sorted(interpreters)),
        age_lines=age_lines,
        presumption=presumption,
        indicators=indicators,
        other_answers=tuple(other),
        suggested=text_for(a.outcome.label, lang),
        fired=tuple(
            (
                text_for(f.rule.explain, lang),
                tuple(
                    text_for(checklist.item(i).text, lang)
                    for i in checklist.item_ids()
                    if i in f.because_of
                ),
            )
            for f in a.fired
        ),
        decision=text_for(checklist.outcome(rec.decision.decision_outcome).label, lang)
        if rec.decision
        else None,
        reasons=rec.decision.reasons if rec.decision else "",
        actions=tuple(groups),
        duties=duties,
        audit_head=f"{head.seq}:{head.short}",
        generated=_fmt(dt.datetime.now().timestamp()),
        notes=tuple(notes),
    )
