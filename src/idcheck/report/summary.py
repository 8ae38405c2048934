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
from collections.abc import Callable
from dataclasses import dataclass, field

from idcheck.checklist import (
    Checklist,
    Indicator,
    Question,
    assess,
    danger_hit,
    forms_pointed_to,
    load_checklist_bytes,
    text_for,
)
from idcheck.checklist.assessment import Assessment
from idcheck.checklist.vocabulary import answer_text, source_text
from idcheck.report.i18n import Translator
from idcheck.report.summary_child import child_lines
from idcheck.report.summary_plan import (
    ActionLine,
    documents,
    due_time,
    duty_lines,
    guidance_lines,
    one_line,
    plan_lines,
    site_routes,
)
from idcheck.store import ScreeningRecord, Store

__all__ = [
    "ActionLine",
    "AnswerLine",
    "IndicatorLine",
    "ReferralSummary",
    "build_summary",
    "due_time",
    "one_line",
]


def N_(text: str) -> str:
    """Marks a text for the catalogue; translated where it is printed."""
    return text


ROLE_WORDS = {"admin": N_("administrator"), "worker": N_("worker")}
STRENGTH_WORDS = {"strong": N_("strong"), "medium": N_("medium"), "weak": N_("weak")}
VERIFICATION_WORDS = {
    "verified": N_("verified source"),
    "secondary": N_("secondary source"),
    "unverified": N_("unverified source"),
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
    #: When the child first came to notice: the action plan's due times count from it.
    first_contact: str = ""
    site_phone: str = ""
    site_address: str = ""
    safety: tuple[AnswerLine, ...] = ()
    #: The outcome's standing guidance: instructions that hold throughout, with
    #: no due time (never tasks).
    guidance: tuple[str, ...] = ()
    #: Visible items recorded as not asked or declined, and those with no answer.
    not_asked: int = 0
    unanswered: int = 0
    forms: tuple[str, ...] = ()
    case_id: int = 0
    screening_id: int = 0


def _fmt(ts: float | None) -> str:
    return "" if ts is None else dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")


@dataclass
class _Answers:
    """The answers of a screening as the referral lists them."""

    indicators: dict[str, list[IndicatorLine]] = field(default_factory=dict)
    other: list[AnswerLine] = field(default_factory=list)
    safety: list[AnswerLine] = field(default_factory=list)
    languages: set[str] = field(default_factory=set)
    interpreters: set[str] = field(default_factory=set)
    not_asked: int = 0
    unanswered: int = 0
    #: The indicators answered yes, in walk order.
    yes_ids: list[str] = field(default_factory=list)


def _answer_lines(
    checklist: Checklist, rec: ScreeningRecord, a: Assessment, tr: Translator
) -> _Answers:
    """Every visible item's answer: indicators recorded (by dimension, strongest
    first), the safety questions, the other questions; what was not asked."""
    lang = tr.lang
    _ = tr.gettext
    out = _Answers()
    form_labels = {f.id: text_for(f.label, lang) for f in checklist.forms}
    for item_id in checklist.item_ids():
        if item_id not in a.visible:
            continue
        stored = rec.answers.get(item_id)
        if stored is None:
            out.unanswered += 1
            continue
        if stored.answer.status != "answered":
            out.not_asked += 1
        ctx = stored.context
        if ctx.language:
            out.languages.add(ctx.language)
        if ctx.interpreter:
            out.interpreters.add(ctx.interpreter)
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
            out.safety.append(line)
        if isinstance(item, Indicator):
            if item_id not in a.recorded_indicators:
                continue
            dim = text_for(checklist.dimension(item.dimension).label, lang)
            forms = tuple(form_labels.get(f, f) for f in item.forms)
            if ans.value == "yes":
                out.yes_ids.append(item_id)
            out.indicators.setdefault(dim, []).append(
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
            out.other.append(line)
    order = (_("strong"), _("medium"), _("weak"))
    for dim_lines in out.indicators.values():
        dim_lines.sort(key=lambda x: order.index(x.strength) if x.strength in order else 3)
    return out


def _urgency(
    checklist: Checklist,
    rec: ScreeningRecord,
    acks: list[tuple[float, int | None]],
    user_name: Callable[[int | None], str],
    tr: Translator,
) -> tuple[tuple[str, ...], float | None]:
    """Whether the immediate-danger stop fired, when, its actions and who
    acknowledged it; and when it first fired (None: it did not)."""
    _ = tr.gettext
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
        text = text_for(spec.action.text, tr.lang)
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
    return tuple(urgency), fired_at


def build_summary(
    store: Store, screening_id: int, *, include_names: bool = False, lang: str | None = None
) -> ReferralSummary:
    """Everything the referral shows, read from the store once; writes no audit
    row. ``lang`` is the print language (default: the site's)."""
    rec = store.get_screening(screening_id, audit=False)
    case = store.get_case(rec.case_id, audit=False)
    checklist = load_checklist_bytes(rec.checklist_text)
    docs = documents(store, rec, checklist)
    # The language is chosen for each print: the site's as it is set today by default.
    lang = lang or store.site_profile().print_language or "en"
    tr = Translator(lang)
    _ = tr.gettext
    a = assess(checklist, rec.plain_answers())
    users = {u.id: u for u in store.list_users()}
    acks = store.danger_acknowledgements(screening_id)
    head = store.audit_head()
    site = docs.site

    def user_name(uid: int | None) -> str:
        u = users.get(uid) if uid is not None else None
        return u.username if u is not None else "?"

    answers = _answer_lines(checklist, rec, a, tr)
    child = child_lines(
        case.details,
        languages=answers.languages,
        interpreters=answers.interpreters,
        include_names=include_names,
        tr=tr,
        jurisdiction=site.jurisdiction,
    )
    urgency, fired_at = _urgency(checklist, rec, acks, user_name, tr)

    outcome_id = rec.decision.decision_outcome if rec.decision else a.outcome.id
    routes = site_routes(site, docs.routes)
    screener = user_name(rec.started_by)
    plan = plan_lines(
        checklist,
        outcome_id,
        routes,
        docs.contacts,
        screener=screener,
        # The statutory and route clocks run from when the child first came to
        # notice, not from when the form was completed.
        start=case.first_contact_at,
        tr=tr,
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

    screener_user = users.get(rec.started_by)
    form_labels = {f.id: text_for(f.label, lang) for f in checklist.forms}
    return ReferralSummary(
        case_reference=case.details.reference,
        names=child.names,
        screened_by=screener,
        started=_fmt(rec.started_at),
        completed=_fmt(rec.completed_at) or None,
        site=site.name,
        checklist_ref=rec.checklist_ref,
        checklist_sha256=rec.checklist_sha256,
        languages=tuple(sorted(answers.languages)),
        interpreters=tuple(sorted(answers.interpreters)),
        age_lines=child.age_lines,
        presumption=child.presumption,
        indicators=answers.indicators,
        other_answers=tuple(answers.other),
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
        actions=plan,
        guidance=guidance_lines(checklist, outcome_id, routes, lang),
        duties=duty_lines(routes, lang),
        audit_head=f"{head.seq}:{head.short}",
        generated=_fmt(dt.datetime.now().timestamp()),
        notes=tuple(notes),
        lang=lang,
        child=child.child,
        urgency=urgency,
        danger=fired_at is not None,
        decided_by=user_name(rec.decided_by) if rec.decision else "",
        screener_role=_(ROLE_WORDS[screener_user.role]) if screener_user else "",
        first_contact=_fmt(case.first_contact_at),
        site_phone=site.phone,
        site_address=one_line(site.address),
        safety=tuple(answers.safety),
        not_asked=answers.not_asked,
        unanswered=answers.unanswered,
        forms=tuple(form_labels.get(f, f) for f in forms_pointed_to(checklist, answers.yes_ids)),
        case_id=rec.case_id,
        screening_id=rec.id,
    )
