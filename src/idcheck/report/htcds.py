"""Cases as records of the IOM Human Trafficking Case Data Standard (HTCDS) 2.0.

:func:`collect` reads every case (or one) from an unlocked store, administrators
only, and :func:`case_record` makes each one record: one value per column of
:data:`COLUMNS`, which are the standard's person, victim-context, case and consent
fields in its own order (a lookup to an organisation as two columns, its
``org_Name`` and ``org_Type``), then idcheck's own columns, named ``idc_``.

A record holds what idcheck holds and nothing else: a field idcheck does not hold
stays empty. The latest referral fills the standard's outgoing referral, with its state in
``idc_ReferralState``. The indicators come from the case's completed screenings (a screening
amended by a completed amendment counts through the amendment), the trafficking
status from the professional's latest recorded decision, never from the rules'
suggestion, and only ever as a *possible* victim of trafficking. The child's own
words, workers' notes and case notes are never exported. The tables the values are
mapped through, and why, are in :mod:`idcheck.report.htcds_map`;
:mod:`idcheck.report.htcds_out` anonymises and writes JSON and CSV. Qt-free.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from idcheck.checklist import Checklist, Indicator, forms_pointed_to, visible_item_ids
from idcheck.report import htcds_map as hm
from idcheck.report.stats import _band
from idcheck.store import Case, Referral, SiteProfile, Store
from idcheck.store.case_export import StandingScreening

#: Each column and its kind: "text", "long-text", "date", "number", "checkbox",
#: "code" (one code), "codes" (a multi-select: a list of codes).
_PRS = (
    "Salutation:text FirstName:text MiddleName:text SecondName:text Birthdate:date "
    "Gender:code Deceased:checkbox MaritalStatus:code NumberOfChildren:number "
    "PrimaryLanguage:code SecondaryLanguage:code HighestLevelOfEducation:code "
    "Citizenship:codes IdentityNumber:text Title:text Email:text HomePhone:text "
    "MobilePhone:text MailingCity:text MailingCountry:text MailingState:text "
    "MailingStreet:text MailingPostalCode:text MailingLongitude:number MailingLatitude:number"
)
_VIC = (
    "TraffickingStatus:code TraffickingStatusDecisionMakingOrg:code "
    "RelationshipToTrafficker:code AgeWhenTrafficked:number RecruitmentWebsitesAndApps:codes "
    "MethodOfRecruitment:codes LocationOfRecruitment:org MethodsOfControl:codes "
    "TypeOfExploitation:codes ForcedLabourIndustry:code TypeOfSexExploitation:codes "
    "LocationOfExploitation:org ExploitationWebsitesAndApps:codes"
)
_CAS = (
    "Status:code ReasonForCaseClosure:long-text CaseOwner:text ReferringOrganisation:org "
    "IncomingReferralDate:date ReferringPrimaryCaseWorker:text ReasonForIncomingReferral:code "
    "IncomingReferralDetails:long-text ReferredOrganisation:org ReferredPrimaryCaseWorker:text "
    "ReasonForOutgoingReferral:code OutgoingReferralDate:date OutgoingReferralDetails:long-text"
)
_CON = "Consent:checkbox"
#: idcheck's own columns (not in the standard): the case's reference, the ages, the
#: age band the statistics use (report/stats.py), the latest referral's state and how
#: many referrals the case has.
EXTENSIONS: dict[str, str] = {
    "idc_CaseReference": "text",
    "idc_ClaimedAge": "number",
    "idc_AssessedAge": "number",
    "idc_AgeDisputed": "checkbox",
    "idc_AgeBand": "code",
    "idc_ReferralState": "code",
    "idc_Referrals": "number",
}


def _columns() -> dict[str, str]:
    out: dict[str, str] = {"idc_CaseReference": "text"}
    for prefix, spec in (("prs_", _PRS), ("vic_", _VIC), ("cas_", _CAS), ("con_", _CON)):
        for entry in spec.split():
            name, kind = entry.split(":")
            if kind == "org":
                out[f"{prefix}{name}.org_Name"] = "text"
                out[f"{prefix}{name}.org_Type"] = "code"
            else:
                out[prefix + name] = kind
    out.update({k: v for k, v in EXTENSIONS.items() if k not in out})
    return out


#: Every column of a record, in order, with its kind.
COLUMNS: dict[str, str] = _columns()


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the store holds for one case that the export reads: the case, its
    completed screenings that stand (an amended one only through its amendment),
    oldest first, each with the checklist it was answered under, and its referrals."""

    case: Case
    screenings: tuple[tuple[StandingScreening, Checklist], ...]
    #: The case's referrals, in the order they were sent.
    referrals: tuple[Referral, ...] = ()


@dataclass(frozen=True, slots=True)
class Export:
    """The records of one export, and what it says about itself."""

    records: tuple[dict[str, Any], ...]
    site: SiteProfile
    anonymised: bool = False
    #: Anonymised: how small cells were handled (None for a full export).
    suppression: str | None = None
    #: Anonymised: records left out because there were fewer than five.
    withheld: bool = False


def collect(store: Store, reference: str | None = None) -> list[CaseFacts]:
    """Every case (or the one with ``reference``) with its standing screenings and
    referrals, read by :meth:`Store.cases_for_export` (administrators only: an
    HTCDS export is a whole-store export, like the statistics and a backup).
    Reading writes no audit row; the caller audits the export once it is written."""
    checklists: dict[str, Checklist] = {}
    out: list[CaseFacts] = []
    for found in store.cases_for_export(reference):
        pairs = []
        for s in found.screenings:
            checklist = checklists.get(s.checklist_sha256)
            if checklist is None:
                checklist = checklists[s.checklist_sha256] = store.checklist(s.checklist_sha256)
            pairs.append((s, checklist))
        out.append(CaseFacts(found.case, tuple(pairs), found.referrals))
    return out


def _yes(s: StandingScreening, checklist: Checklist) -> set[str]:
    """The items whose latest answer is yes and that the answers show (an answer
    left behind when an earlier answer hid its item does not stand)."""
    answers = s.answers
    shown = visible_item_ids(checklist, answers)
    return {i for i, a in answers.items() if a.value == "yes" and i in shown}


def _indicators(checklist: Checklist) -> dict[str, str]:
    return {it.id: it.dimension for _, it in checklist.items() if isinstance(it, Indicator)}


def _with_child(facts: CaseFacts) -> str | None:
    """Who the child is with, in the latest standing screening that says."""
    for s, _ in reversed(facts.screenings):
        answer = s.answers.get(hm.ACCOMPANIED_ITEM)
        if answer is not None and isinstance(answer.value, str):
            return answer.value
    return None


def _relationship(facts: CaseFacts, yes: set[str]) -> str | None:
    """The relation to the accompanying adult, when a standing screening recorded
    that adult controlling the child and none doubted the relation: the relation
    the one adult states, else who the screening says the child is with (a parent
    or a relative). Where the two disagree, or there are several adults, none."""
    adults = facts.case.details.adults
    if len(adults) > 1 or not yes & hm.ADULT_CONTROL_ITEMS or yes & hm.RELATION_DOUBTED_ITEMS:
        return None
    stated = hm.relation_code(adults[0].stated_relation) if adults else None
    family = hm.ACCOMPANIED.get(_with_child(facts) or "")
    if family is None:  # the screening does not say
        return stated
    if family:
        return "Familial" if stated in (None, "Familial") else None
    return None if stated == "Familial" else stated


def _status(facts: CaseFacts) -> str | None:
    """The latest recorded decision's status (a screening with no decision of its
    own says nothing: the rules' suggestion is not a decision)."""
    decided = [s for s, _ in facts.screenings if s.decision_outcome is not None]
    if not decided:
        return None
    latest = max(decided, key=lambda s: (s.decided_at or 0.0, s.id))
    return hm.TRAFFICKING_STATUS.get(latest.decision_outcome or "")


def _day(at: float) -> str:
    return dt.date.fromtimestamp(at).isoformat()


def _referral(facts: CaseFacts) -> dict[str, Any]:
    """The latest referral as the standard's outgoing referral: the recipient as
    named, the day it was sent, and its history in idcheck's words (method, states
    and days; never the worker's note or a reason typed)."""
    if not facts.referrals:
        return {"idc_Referrals": 0}
    latest = max(facts.referrals, key=lambda r: (r.sent_at, r.id))
    steps = [f"sent ({latest.method.replace('_', ' ')}) {_day(latest.sent_at)}"]
    steps += [f"{h.state} {_day(h.at)}" for h in latest.history[1:]]
    return {
        "cas_ReferredOrganisation.org_Name": latest.recipient,
        "cas_OutgoingReferralDate": _day(latest.sent_at),
        "cas_OutgoingReferralDetails": "; ".join(steps),
        "idc_ReferralState": latest.state,
        "idc_Referrals": len(facts.referrals),
    }


def case_record(facts: CaseFacts) -> dict[str, Any]:
    """One record: every column of :data:`COLUMNS`, empty where idcheck holds nothing."""
    d = facts.case.details
    record: dict[str, Any] = {k: [] if kind == "codes" else None for k, kind in COLUMNS.items()}
    controls: set[str] = set()
    forms: set[str] = set()
    yes_all: set[str] = set()
    for s, checklist in facts.screenings:
        yes = _yes(s, checklist)
        yes_all |= yes
        controls |= hm.control_codes(checklist.id, _indicators(checklist), yes)
        forms.update(forms_pointed_to(checklist, yes))
    spoken = hm.language_codes(d.languages)
    age = d.assessed_age if d.assessed_age is not None else d.claimed_age
    record.update(
        {
            "idc_CaseReference": d.reference,
            "prs_FirstName": d.given_name or None,
            "prs_SecondName": d.family_name or None,
            "prs_Birthdate": d.claimed_dob or None,
            "prs_Gender": hm.GENDER.get(d.gender or ""),
            "prs_PrimaryLanguage": spoken[0] if spoken else None,
            "prs_SecondaryLanguage": spoken[1] if len(spoken) > 1 else None,
            "prs_Citizenship": hm.country_codes(d.nationality),
            "vic_TraffickingStatus": _status(facts),
            "vic_RelationshipToTrafficker": _relationship(facts, yes_all),
            "vic_MethodsOfControl": sorted(controls),
            "vic_TypeOfExploitation": sorted(
                {hm.TYPE_OF_EXPLOITATION[f] for f in forms if f in hm.TYPE_OF_EXPLOITATION}
            ),
            "cas_Status": hm.CASE_STATUS.get(facts.case.status),
            "cas_ReferringOrganisation.org_Type": hm.REFERRING_ORG_TYPE.get(d.identified_by or ""),
            "idc_ClaimedAge": d.claimed_age,
            "idc_AssessedAge": d.assessed_age,
            "idc_AgeDisputed": d.age_disputed,
            "idc_AgeBand": _band(age),
            **_referral(facts),
        }
    )
    return record


def organisation(site: SiteProfile) -> dict[str, Any]:
    """The site that exports, as the standard's organisation fields."""
    country = site.country
    codes = hm.country_codes(country) if country else []
    return {
        "org_Name": site.name or None,
        "org_ShippingCountry": codes[0] if codes else None,
        "org_Phone": site.phone or None,
        "org_Type": None,
    }


def build(facts: Iterable[CaseFacts], site: SiteProfile) -> Export:
    """The full export (names and references included) of ``facts``."""
    return Export(tuple(case_record(f) for f in facts), site)
