"""The referral summary as pure data, built from a stored screening.

Everything comes from the store, read once and without writing an audit row
(the export that prints it audits itself), and from the checklist text the
screening was answered under. A completed screening also carries the referral
routes, contacts and site profile it was completed under (pinned with it), so
reprinting it gives the same content after any of them changes; a draft uses
today's. The summary never says a child "is a victim": it lists the indicators
recorded, what the checklist's rules suggest and why, and the professional's
own decision.

Words of the frame are in the print language (:mod:`idcheck.report.i18n`);
the checklist's and routes' own texts in that language where they have it.
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
    danger_hit,
    find,
    forms_pointed_to,
    load_checklist_bytes,
    load_routes_bytes,
    load_routes_ref,
    text_for,
)
from idcheck.checklist.vocabulary import answer_text, source_text
from idcheck.report.i18n import Translator
from idcheck.store import ScreeningRecord, SiteProfile, Store


def N_(text: str) -> str:
    """Marks a text for the catalogue; translated where it is printed."""
    return text


GENDER_WORDS = {
    "female": N_("female"),
    "male": N_("male"),
    "other": N_("other"),
    "unknown": N_("not known"),
}
IDENTIFIED_BY_WORDS = {
    "police": N_("police"),
    "immigration": N_("immigration authority"),
    "health": N_("health service"),
    "child-welfare": N_("child welfare service"),
    "ngo": N_("non-governmental organisation"),
    "other": N_("other"),
}
ROLE_WORDS = {"admin": N_("administrator"), "worker": N_("worker")}
STRENGTH_WORDS = {"strong": N_("strong"), "medium": N_("medium"), "weak": N_("weak")}
VERIFICATION_WORDS = {
    "verified": N_("verified source"),
    "secondary": N_("secondary source"),
    "unverified": N_("unverified source"),
}
#: The jurisdictions whose law presumes a child's age (Modern Slavery Act 2015, s.51).
_GB = "GB"


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
    forms: tuple[str, ...] = ()
    #: How well the checklist's sources support the indicator, in words.
    verification_label: str = ""


@dataclass(frozen=True, slots=True)
class AnswerLine:
    question: str
    answer: str
    child_words: str | None = None
    child_language: str | None = None
    worker_note: str | None = None
    item_id: str = ""
    read_back: bool | None = None
    source: str | None = None


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
    actions: tuple[ActionLine, ...]
    duties: tuple[str, ...]
    audit_head: str
    generated: str
    notes: tuple[str, ...] = field(default_factory=tuple)
    lang: str = "en"
    #: Who the child is: printed lines, each of (label, value) pairs, labels in
    #: the print language.
    child: tuple[tuple[tuple[str, str], ...], ...] = ()
    #: The immediate-danger stop: lines saying whether it fired, when, the action
    #: and who acknowledged it; ``danger`` is True when it fired.
    urgency: tuple[str, ...] = ()
    danger: bool = False
    decided_by: str = ""
    screener_role: str = ""
    site_phone: str = ""
    site_address: str = ""
    safety: tuple[AnswerLine, ...] = ()
    not_asked: int = 0
    forms: tuple[str, ...] = ()
    case_id: int = 0
    screening_id: int = 0


def _fmt(ts: float | None) -> str:
    return "" if ts is None else dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")


def due_time(start: float, action: Action, tr: Translator | None = None) -> str:
    """When an action is due, from the time of the screening: a date and time,
    and the deadline it comes from."""
    tr = tr or Translator("en")
    w = action.within
    if w.immediately:
        return tr.gettext("now")
    at = dt.datetime.fromtimestamp(start)
    if w.hours is not None:
        within = tr.ngettext("within %(num)d hour", "within %(num)d hours", w.hours) % {
            "num": w.hours
        }
        return f"{(at + dt.timedelta(hours=w.hours)).strftime('%Y-%m-%d %H:%M')} ({within})"
    n = w.working_days or 0
    days, d = 0, at
    while days < n:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            days += 1
    within = tr.ngettext("within %(num)d working day", "within %(num)d working days", n) % {
        "num": n
    }
    return f"{d.strftime('%Y-%m-%d %H:%M')} ({within})"


@dataclass(frozen=True, slots=True)
class _Documents:
    """The routes, contacts and site a referral prints, and whether they are the
    ones pinned with a completed screening."""

    routes: tuple[Routes, ...]
    contacts: tuple[dict[str, str | None], ...]
    site: SiteProfile
    pinned: bool


def _documents(store: Store, rec: ScreeningRecord, checklist: Checklist) -> _Documents:
    if rec.pinned is not None:
        routes = []
        for r in rec.pinned.routes:
            try:
                routes.append(load_routes_bytes(r.text, f"<{r.id}@{r.version} as pinned>"))
            except ChecklistError:
                continue
        return _Documents(
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
    return _Documents(tuple(installed), tuple(store.list_contacts()), store.site_profile(), False)


def one_line(text: str) -> str:
    """An address typed on several lines, as one line: its lines joined by commas."""
    return ", ".join(line.strip() for line in text.splitlines() if line.strip())


def _site_routes(site: SiteProfile, routes: tuple[Routes, ...]) -> list[Routes]:
    """The site's own routes: those it names, else those of its country; every
    route when no jurisdiction is set."""
    if not site.jurisdiction:
        return list(routes)
    if site.route_ids:
        return [r for r in routes if r.id in site.route_ids]
    return [r for r in routes if r.jurisdiction == site.country]


def _presumption(
    d_claimed: int | None, assessed: int | None, disputed: bool, tr: Translator, jurisdiction: str
) -> str:
    _ = tr.gettext
    gb = jurisdiction.split("-")[0] == _GB
    law = " " + _("(Modern Slavery Act 2015, s.51: presumption about age.)") if gb else ""
    if assessed is None:
        if d_claimed is not None and d_claimed >= 18 and not disputed:
            return _(
                "The person gives an age of 18 or over, the age is not disputed and it has "
                "not been assessed."
            )
        return (
            _("The age has not been assessed: the child is treated as a child until it is.") + law
        )
    if disputed:
        return (
            _(
                "The age has been assessed and the assessment is disputed: the child is "
                "treated as a child until the dispute is settled."
            )
            + law
        )
    if assessed < 18:
        return _("The age has been assessed as under 18 and is accepted: a child.")
    return _(
        "The age has been assessed as 18 or over and is accepted: the person is not "
        "treated as a child."
    )


def build_summary(
    store: Store, screening_id: int, *, include_names: bool = False, lang: str | None = None
) -> ReferralSummary:
    """Everything the referral shows, read from the store once; writes no audit
    row. ``lang`` is the print language (default: the site's)."""
    rec = store.get_screening(screening_id, audit=False)
    case = store.get_case(rec.case_id, audit=False)
    docs = _documents(store, rec, load_checklist_bytes(rec.checklist_text))
    # The language is chosen for each print: the site's as it is set today by default.
    lang = lang or store.site_profile().print_language or "en"
    tr = Translator(lang)
    _ = tr.gettext
    checklist = load_checklist_bytes(rec.checklist_text)
    answers = rec.plain_answers()
    a = assess(checklist, answers)
    users = {u.id: u for u in store.list_users()}
    acks = store.danger_acknowledgements(screening_id)
    head = store.audit_head()
    site = docs.site
    d = case.details

    def user_name(uid: int | None) -> str:
        u = users.get(uid) if uid is not None else None
        return u.username if u is not None else "?"

    indicators: dict[str, list[IndicatorLine]] = {}
    other: list[AnswerLine] = []
    safety: list[AnswerLine] = []
    languages: set[str] = set()
    interpreters: set[str] = set()
    not_asked = 0
    form_labels = {f.id: text_for(f.label, lang) for f in checklist.forms}
    yes_ids: list[str] = []
    for item_id in checklist.item_ids():
        if item_id not in a.visible:
            continue
        stored = rec.answers.get(item_id)
        if stored is None or stored.answer.status != "answered":
            not_asked += 1
            if stored is None:
                continue
        ctx = stored.context
        if ctx.language:
            languages.add(ctx.language)
        if ctx.interpreter:
            interpreters.add(ctx.interpreter)
        item = checklist.item(item_id)
        ans = stored.answer
        shown = answer_text(item, ans, lang, _)
        source = source_text(ctx.source, _)
        line = AnswerLine(
            text_for(item.text, lang),
            shown,
            ctx.child_words,
            ctx.language,
            ctx.worker_note,
            item_id,
            ctx.read_back,
            source,
        )
        if item.danger is not None:
            safety.append(line)
        if isinstance(item, Indicator):
            if item_id not in a.recorded_indicators:
                continue
            dim = text_for(checklist.dimension(item.dimension).label, lang)
            forms = tuple(form_labels.get(f, f) for f in item.forms)
            if ans.value == "yes":
                yes_ids.append(item_id)
            indicators.setdefault(dim, []).append(
                IndicatorLine(
                    text=text_for(item.text, lang),
                    strength=_(STRENGTH_WORDS[item.strength]),
                    answer=shown,
                    source=source,
                    child_words=ctx.child_words,
                    child_language=ctx.language,
                    read_back=ctx.read_back,
                    worker_note=ctx.worker_note,
                    verification=item.verification,
                    item_id=item_id,
                    forms=forms,
                    verification_label=_(VERIFICATION_WORDS[item.verification]),
                )
            )
        elif isinstance(item, Question) and item.danger is None:
            other.append(line)
    order = (_("strong"), _("medium"), _("weak"))
    for dim_lines in indicators.values():
        dim_lines.sort(key=lambda x: order.index(x.strength) if x.strength in order else 3)

    # -- who the child is ------------------------------------------------------
    not_known = _("not known")
    claimed = str(d.claimed_age) if d.claimed_age is not None else not_known
    assessed = str(d.assessed_age) if d.assessed_age is not None else _("not assessed")
    age_lines = (
        _("Age the child gives: %(age)s") % {"age": claimed},
        *((f"{_('Date of birth given')}: {d.claimed_dob}",) if d.claimed_dob else ()),
        _("Assessed age: %(age)s") % {"age": assessed},
        _("Age disputed: %(yesno)s") % {"yesno": _("yes") if d.age_disputed else _("no")},
    )
    presumption = _presumption(d.claimed_age, d.assessed_age, d.age_disputed, tr, site.jurisdiction)
    age_value = _("%(given)s as the child gives it; assessed: %(assessed)s") % {
        "given": claimed,
        "assessed": assessed,
    }
    if d.age_disputed:
        age_value += "; " + _("the age is disputed")
    child: list[tuple[tuple[str, str], ...]] = []
    first: list[tuple[str, str]] = [(_("Reference"), d.reference)]
    names = None
    if include_names:
        names = " ".join(x for x in (d.given_name, d.family_name) if x) or None
        if names:
            first.append((_("Name"), names))
    identified = (
        _(IDENTIFIED_BY_WORDS[d.identified_by])
        if d.identified_by in IDENTIFIED_BY_WORDS
        else (d.identified_by or not_known)
    )
    first.append((_("Identified by"), identified))
    child.append(tuple(first))
    age_row = [(_("Age"), age_value)]
    if d.claimed_dob:
        age_row.append((_("Date of birth given"), d.claimed_dob))
    child.append(tuple(age_row))
    spoken = d.languages or ", ".join(sorted(languages))
    who_row = [
        (_("Gender"), _(GENDER_WORDS[d.gender]) if d.gender else not_known),
        (_("Nationality"), d.nationality or not_known),
        (_("Languages"), spoken or not_known),
    ]
    if interpreters:
        who_row.append((_("Interpreter"), ", ".join(sorted(interpreters))))
    child.append(tuple(who_row))
    if d.adults:
        for adult in d.adults:
            relation = adult.stated_relation or _("no relation stated")
            child.append(
                (
                    (
                        _("Accompanying adult"),
                        _("%(who)s; stated relation: %(relation)s")
                        % {"who": adult.description, "relation": relation},
                    ),
                )
            )
    else:
        child.append(((_("Accompanying adult"), _("none recorded")),))

    # -- urgency ---------------------------------------------------------------
    urgency: list[str] = []
    fired_at: float | None = None
    danger_actions: list[str] = []
    for hist in rec.history:
        try:
            item = checklist.item(hist.item_id)
        except KeyError:
            continue
        spec = danger_hit(item, hist.answer)
        if spec is None:
            continue
        if fired_at is None:
            fired_at = hist.answered_at
        text = text_for(spec.action.text, lang)
        if text not in danger_actions:
            danger_actions.append(text)
    if fired_at is None:
        urgency.append(_("The immediate-danger stop did not fire."))
    else:
        urgency.append(_("The immediate-danger stop fired at %(time)s.") % {"time": _fmt(fired_at)})
        urgency.extend(danger_actions)
        if acks:
            urgency.extend(
                _("Acknowledged by %(user)s at %(time)s.")
                % {"user": user_name(uid), "time": _fmt(at)}
                for at, uid in acks
            )
        else:
            urgency.append(_("No acknowledgement of the stop is recorded."))

    # -- the plan --------------------------------------------------------------
    outcome_id = rec.decision.decision_outcome if rec.decision else a.outcome.id
    outcome = checklist.outcome(outcome_id)
    start = rec.completed_at or rec.started_at
    routes = _site_routes(site, docs.routes)
    screener = user_name(rec.started_by)
    told: set[str] = set()

    def who(role_id: str | None) -> tuple[str | None, tuple[str, ...]]:
        if role_id is None:
            return None, ()
        if role_id == "screening-worker":
            return _("%(name)s (screener)") % {"name": screener}, ()
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
            for c in docs.contacts
            if c.get("role") == role_id
        ]
        for routes_file, role in found:
            if role.national_number:
                where = f" ({routes_file.jurisdiction})" if len(found) > 1 else ""
                lines.append(f"{text_for(role.label, lang)}: {role.national_number}{where}")
        return label, tuple(lines)

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
    plan = []
    for act in sorted(unique, key=lambda x: x.within.sort_key()):
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
            )
        )
    duties = tuple(
        f"{_first_sentence(text_for(du.text, lang))} ({text_for(du.legal_basis, lang)})"
        for r in routes
        for du in r.duties
    )

    notes = [] if rec.completed else [_("DRAFT: this screening is not completed.")]
    if not site.jurisdiction:
        notes.append(
            _(
                "The site's country is not set up, so the routes of every country are "
                "printed: an administrator sets it (Administration, or idcheck site set)."
            )
        )
    elif not routes:
        notes.append(
            _("No referral route of this checklist is written for the site's country (%(j)s).")
            % {"j": site.jurisdiction}
        )

    decided_by = user_name(rec.decided_by) if rec.decision else ""
    screener_user = users.get(rec.started_by)
    return ReferralSummary(
        case_reference=d.reference,
        names=names,
        screened_by=screener,
        started=_fmt(rec.started_at),
        completed=_fmt(rec.completed_at) or None,
        site=site.name,
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
                    text_for(checklist.item(i).text, lang).rstrip(".")
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
        actions=tuple(plan),
        duties=duties,
        audit_head=f"{head.seq}:{head.short}",
        generated=_fmt(dt.datetime.now().timestamp()),
        notes=tuple(notes),
        lang=lang,
        child=tuple(child),
        urgency=tuple(urgency),
        danger=fired_at is not None,
        decided_by=decided_by,
        screener_role=_(ROLE_WORDS[screener_user.role]) if screener_user else "",
        site_phone=site.phone,
        site_address=one_line(site.address),
        safety=tuple(safety),
        not_asked=not_asked,
        forms=tuple(form_labels.get(f, f) for f in forms_pointed_to(checklist, yes_ids)),
        case_id=rec.case_id,
        screening_id=rec.id,
    )


def _first_sentence(text: str) -> str:
    """A duty's first sentence: the referral cites duties in a few lines."""
    i = text.find(". ")
    return text[: i + 1] if 0 < i < len(text) - 2 else text
