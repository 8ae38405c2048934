"""The child's part of a referral: names only when the worker chooses, the age as
given and assessed, the presumption that follows, and who came with the child."""

from __future__ import annotations

import pytest

from idcheck.report.i18n import Translator
from idcheck.report.summary_child import child_lines, presumption
from idcheck.store import Adult, CaseDetails

EN = Translator("en")
DETAILS = CaseDetails(
    reference="2026-090",
    given_name="Amira",
    family_name="Haddad",
    claimed_age=15,
    claimed_dob="2011-02-03",
    assessed_age=19,
    age_disputed=True,
    gender="female",
    identified_by="child-welfare",
    adults=(Adult("Man about 40"), Adult("Woman", "aunt")),
)


def lines(details: CaseDetails = DETAILS, tr: Translator = EN, **kw: object):
    args: dict[str, object] = {
        "languages": {"ar"},
        "interpreters": set(),
        "include_names": False,
        "tr": tr,
        "jurisdiction": "NO",
    }
    args.update(kw)
    return child_lines(details, **args)  # type: ignore[arg-type]


def flat(child) -> str:
    return " | ".join(f"{k}: {v}" for row in child.child for k, v in row)


def test_names_are_printed_only_when_asked():
    assert lines().names is None
    assert "Amira" not in flat(lines()) and "Haddad" not in flat(lines())
    named = lines(include_names=True)
    assert named.names == "Amira Haddad"
    assert "Name: Amira Haddad" in flat(named)


def test_the_age_as_given_and_assessed_and_the_dispute():
    child = lines()
    assert child.age_lines == (
        "Age the child gives: 15",
        "Date of birth given: 2011-02-03",
        "Assessed age: 19",
        "Age disputed: yes",
    )
    assert "Age: 15 as the child gives it; assessed: 19; the age is disputed" in flat(child)
    assert "treated as a child until the dispute is settled" in child.presumption


def test_who_came_with_the_child_and_who_identified_them():
    text = flat(lines())
    assert "Accompanying adult: Man about 40; stated relation: no relation stated" in text
    assert "Accompanying adult: Woman; stated relation: aunt" in text
    assert "Identified by: child welfare service" in text
    assert "Languages: Arabic" in text  # none recorded on the case: those answered in
    alone = flat(lines(CaseDetails(reference="X")))
    assert "Accompanying adult: none recorded" in alone
    assert "Gender: not known" in alone


def test_the_childs_part_in_norwegian():
    nb = Translator("nb")
    text = flat(lines(tr=nb))
    assert "barnevern" in text.lower()
    assert "Accompanying adult" not in text and "Identified by" not in text


@pytest.mark.parametrize(
    ("claimed", "assessed", "disputed", "jurisdiction", "says"),
    [
        (None, None, False, "NO", "treated as a child until it is"),
        (19, None, False, "NO", "gives an age of 18 or over"),
        (19, None, True, "NO", "treated as a child until it is"),
        (15, 16, False, "NO", "assessed as under 18 and is accepted"),
        (15, 19, False, "NO", "is not treated as a child"),
        (15, 19, True, "GB-SCT", "Modern Slavery Act 2015, s.51"),
    ],
)
def test_the_presumption(claimed, assessed, disputed, jurisdiction, says):
    assert says in presumption(claimed, assessed, disputed, EN, jurisdiction)


def test_the_law_is_cited_only_in_great_britain():
    assert "Modern Slavery Act" not in presumption(None, None, False, EN, "NO")
    assert "Modern Slavery Act" in presumption(None, None, False, EN, "GB")
