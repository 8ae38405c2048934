"""Who the child is, as the referral prints it: the age given and assessed, the
presumption of childhood that follows, and the rows of the child's details.

Words of the frame are in the print language (:mod:`idcheck.report.i18n`).
"""

from __future__ import annotations

from dataclasses import dataclass

from idcheck.report.i18n import Translator
from idcheck.report.language_names import language_names
from idcheck.store import CaseDetails

__all__ = ["GENDER_WORDS", "IDENTIFIED_BY_WORDS", "ChildLines", "child_lines", "presumption"]


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
#: The jurisdictions whose law presumes a child's age (Modern Slavery Act 2015, s.51).
_GB = "GB"


@dataclass(frozen=True, slots=True)
class ChildLines:
    """The child's part of a referral, in the print language."""

    #: Age given, date of birth given, assessed age, whether it is disputed.
    age_lines: tuple[str, ...]
    presumption: str
    #: Printed rows, each of (label, value) pairs.
    child: tuple[tuple[tuple[str, str], ...], ...]
    #: The child's names, when the referral is to carry them.
    names: str | None


def presumption(
    d_claimed: int | None, assessed: int | None, disputed: bool, tr: Translator, jurisdiction: str
) -> str:
    """Whether the person is treated as a child, and why, in the print language."""
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


def child_lines(
    d: CaseDetails,
    *,
    languages: set[str],
    interpreters: set[str],
    include_names: bool,
    tr: Translator,
    jurisdiction: str,
) -> ChildLines:
    """The child's details as printed: ``languages`` and ``interpreters`` are the
    ones the answers were given in and through."""
    _ = tr.gettext
    not_known = _("not known")
    claimed = str(d.claimed_age) if d.claimed_age is not None else not_known
    assessed = str(d.assessed_age) if d.assessed_age is not None else _("not assessed")
    age_lines = (
        _("Age the child gives: %(age)s") % {"age": claimed},
        *((f"{_('Date of birth given')}: {d.claimed_dob}",) if d.claimed_dob else ()),
        _("Assessed age: %(age)s") % {"age": assessed},
        _("Age disputed: %(yesno)s") % {"yesno": _("yes") if d.age_disputed else _("no")},
    )
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
    spoken = d.languages or language_names(languages, tr.lang)
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
    return ChildLines(
        age_lines=age_lines,
        presumption=presumption(d.claimed_age, d.assessed_age, d.age_disputed, tr, jurisdiction),
        child=tuple(child),
        names=names,
    )
