"""The individual plan of a child, printed as its own PDF.

:func:`build_plan_sheet` reads the newest version of a case's plan
(:meth:`idcheck.store.Store.plan`) into a :class:`PlanSheet`, plain data with
every date written out; :func:`plan_pdf` lays it out with the referral's frame
(:func:`idcheck.report.pdf.build_pdf`: page x of y, the case and the audit head
in the footer of every page, the TRAINING watermark in training) in the print
language: the site's, or the one asked for. Each need, goal and measure is its
own paragraph, so text written right to left is set right to left
(:mod:`idcheck.report.rtl`) and the line breaks a worker typed are kept.

:func:`make_plan` gives a :class:`~idcheck.report.export.Document` the window
and the command line save and print through
:func:`~idcheck.report.export.save_document` and
:func:`~idcheck.report.export.record_print` (audited as ``plan-exported`` and
``plan-printed``); building one writes no audit row. Qt-free.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from idcheck.report.export import Document
from idcheck.report.i18n import Translator
from idcheck.report.pdf import build_pdf, flow_of
from idcheck.report.summary_plan import case_guidance
from idcheck.store import Plan, Store

__all__ = ["PlanEntryLines", "PlanSheet", "build_plan_pdf", "build_plan_sheet", "make_plan"]


@dataclass(frozen=True, slots=True)
class PlanEntryLines:
    """One need of the plan as printed (dates written out)."""

    need: str
    goal: str
    measures: str
    responsible: str
    review: str


@dataclass(frozen=True, slots=True)
class PlanSheet:
    """What the printed plan holds: no store object, every date a string."""

    case_id: int
    case_reference: str
    names: str | None
    version: int
    saved_by: str
    saved: str
    next_review: str
    first_contact: str
    summary: str
    entries: tuple[PlanEntryLines, ...]
    site: str
    site_phone: str
    audit_head: str
    generated: str
    lang: str
    #: The standing guidance of the case's newest completed screening: what holds
    #: throughout, with no due time.
    guidance: tuple[str, ...] = ()


def _day(ts: float | None) -> str:
    return "" if ts is None else dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d")


def _time(ts: float | None) -> str:
    return "" if ts is None else dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")


def build_plan_sheet(
    store: Store,
    case_id: int,
    lang: str | None = None,
    *,
    include_names: bool = False,
    plan: Plan | None = None,
) -> PlanSheet:
    """The newest plan of a case (or ``plan``, one of its versions) as printed
    data; ``lang`` None: the site's print language. ValueError when the case has
    no plan saved yet. Writes no audit row."""
    plan = plan if plan is not None else store.plan(case_id)
    if plan is None:
        raise ValueError("this case has no individual plan saved yet")
    if plan.case_id != case_id:
        raise ValueError("that plan belongs to another case")
    case = store.get_case(case_id, audit=False)
    site = store.site_profile()
    lang = lang or site.print_language or "en"
    Translator(lang)  # an unknown language is refused here, before any layout
    names = " ".join(x for x in (case.details.given_name, case.details.family_name) if x)
    head = store.audit_head()
    return PlanSheet(
        case_id=case_id,
        case_reference=case.details.reference,
        names=(names or None) if include_names else None,
        version=plan.version,
        saved_by=plan.saved_by,
        saved=_time(plan.saved_at),
        next_review=_day(plan.next_review_on),
        first_contact=_time(case.first_contact_at),
        summary=plan.summary,
        entries=tuple(
            PlanEntryLines(e.need, e.goal, e.measures, e.responsible, _day(e.review_on))
            for e in plan.entries
        ),
        site=site.name,
        site_phone=site.phone,
        audit_head=f"{head.seq}:{head.short}",
        generated=_time(dt.datetime.now().timestamp()),
        lang=lang,
        guidance=case_guidance(store, case_id, lang),
    )


def plan_pdf(sheet: PlanSheet) -> bytes:
    """The plan's PDF bytes."""
    tr = Translator(sheet.lang)
    case = tr.gettext("case %(ref)s") % {"ref": sheet.case_reference}
    audit = tr.gettext("audit %(head)s") % {"head": sheet.audit_head}
    return build_pdf(
        lambda: flow_of("plan.txt.j2", sheet.lang, p=sheet),
        title=tr.gettext("Individual plan"),
        footer_left=f"{case} · {audit} · {tr.gettext('CONFIDENTIAL')}",
        footer_right=f"idcheck · {sheet.generated}",
        lang=sheet.lang,
    )


def make_plan(
    store: Store, case_id: int, lang: str | None = None, *, include_names: bool = False
) -> Document:
    """The case's individual plan, rendered once (no audit row): save it with
    :func:`~idcheck.report.export.save_document`, audit a print with
    :func:`~idcheck.report.export.record_print`."""
    sheet = build_plan_sheet(store, case_id, lang, include_names=include_names)
    return Document("plan", plan_pdf(sheet), case_id, None, sheet.case_reference, sheet.audit_head)


def build_plan_pdf(store: Store, case_id: int, lang: str | None = None) -> bytes:
    """The PDF bytes of the case's newest plan (for the window's preview)."""
    return make_plan(store, case_id, lang).data
