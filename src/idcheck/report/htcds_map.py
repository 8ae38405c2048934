"""What idcheck holds, in the codes of the IOM Human Trafficking Case Data Standard
(HTCDS) version 2.0: the tables the export maps through, each with why.

The standard's field list is kept as test data (``tests/data/htcds``); the tests
check every code here against it. ``docs/htcds.md`` lists every field of the
standard and where idcheck takes it from, or that idcheck does not hold it.

Nothing here says a child "is a victim": a trafficking status is mapped only from
the professional's own recorded decision, and only ever to the standard's
*possible* victim of trafficking. Anything that has no code here is left empty,
never guessed. Qt-free.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

VERSION = "2.0"
STANDARD = "Human Trafficking Case Data Standard (HTCDS)"
SOURCE = (
    "https://github.com/UNMigration/HTCDS/blob/3c2f6537cd76c3305975aa5eef7a1bf26fe20a30/"
    "HTCDS%20Field%20Standards%202.0.ods"
)


@dataclass(frozen=True, slots=True)
class ControlMapping:
    """One checklist indicator answered yes as one HTCDS method of control.

    ``element`` is the ILO/EC operational indicator (element: indicator) that the
    checklist itself cites for the item; the item maps only where that indicator
    is what the HTCDS code defines, and only while the item still sits in
    ``dimension`` (an item moved to another dimension in a later version maps
    nothing until this table is checked again)."""

    checklist: str
    item: str
    dimension: str
    element: str
    code: str


#: Indicators that map to ``vic_MethodsOfControl``. An indicator maps when the
#: ILO/EC indicator the checklist cites for it is the control the HTCDS code
#: defines (the standard's "Field Definitions.md", Methods Of Control). Not mapped,
#: because the item also covers what the code does not: violence-at-recruitment
#: ("violence; threats of violence": abuse or threat, which is not said),
#: little-or-no-pay (low pay is not taken earnings), degrading-living (bad living
#: conditions are not necessities withheld), adult-speaks-for-child / fixer-nearby /
#: adult-controls ("under strong influence"), told-what-to-say / learned-story
#: ("forced to lie"), documents-held in the intake screen (also papers missing or
#: false), fear-threats in the intake screen ("afraid of someone" is not a threat).
METHODS_OF_CONTROL: tuple[ControlMapping, ...] = (
    # "limited, restricted, or controlled the individual's access to important documents"
    ControlMapping(
        "child-trafficking-full",
        "documents-kept-by-other",
        "coercion-at-destination",
        "coercion at destination: confiscation of documents",
        "WithholdsDocuments",
    ),
    # "defrauded or tricked into entering the exploitative situation ... deception and
    # false pretenses": every deceptive-recruitment indicator.
    *(
        ControlMapping(
            "child-trafficking-full",
            item,
            "deceptive-recruitment",
            f"deceptive recruitment: {what}",
            "FalsePromises",
        )
        for item, what in (
            ("deceived-about-work", "nature of job, location or employer"),
            ("deceived-about-school", "access to education"),
            ("deceived-about-conditions", "wages, conditions of work, housing"),
            ("deceived-about-family", "family reunification"),
            ("deceived-about-marriage", "promises of marriage or adoption"),
            ("deceived-about-papers", "documentation, migration status, travel conditions"),
        )
    ),
    # "forced to work to pay off a created or perceived debt"
    ControlMapping(
        "child-trafficking-full",
        "debt-for-journey",
        "coercive-recruitment",
        "coercive recruitment: debt bondage",
        "DebtBondage",
    ),
    ControlMapping(
        "child-trafficking-full",
        "debt-owed-now",
        "coercion-at-destination",
        "coercion at destination: debt bondage",
        "DebtBondage",
    ),
    ControlMapping(
        "intake-screen",
        "debt",
        "coercion-at-destination",
        "coercion at destination: debt bondage",
        "DebtBondage",
    ),
    # "Threatens children/family"
    ControlMapping(
        "child-trafficking-full",
        "family-threatened",
        "coercive-recruitment",
        "coercive recruitment: violence on family",
        "ThreatensChildrenFamily",
    ),
    # "exploit or prey upon any familial or romantic bonds/attachments"; "devious tactics"
    ControlMapping(
        "child-trafficking-full",
        "emotional-dependency",
        "vulnerability-recruitment",
        "abuse of vulnerability: psychological and emotional dependency",
        "PsychologicalAbuse",
    ),
    ControlMapping(
        "child-trafficking-full",
        "beliefs-used",
        "vulnerability-recruitment",
        "abuse of vulnerability: cultural or religious beliefs",
        "PsychologicalAbuse",
    ),
    # "required to work a significant number of hours in excess"
    ControlMapping(
        "child-trafficking-full",
        "long-hours",
        "exploitative-conditions",
        "exploitation: excessive working days or hours",
        "ExcessiveWorkingHours",
    ),
    # Confinement: the definitions' "RestrictsMovement" is not among version 2.0's
    # codes, so it is the standard's "Other" ("cannot reasonably fit" the others).
    ControlMapping(
        "child-trafficking-full",
        "confined",
        "coercion-at-destination",
        "coercion at destination: isolation, confinement or surveillance",
        "Other",
    ),
    # "acted to cause physical injury, pain ..."
    ControlMapping(
        "child-trafficking-full",
        "violence-injuries",
        "coercion-at-destination",
        "coercion at destination: violence on victim",
        "PhysicalAbuse",
    ),
    # "explicitly or implicitly communicated an intent to inflict harm"
    ControlMapping(
        "child-trafficking-full",
        "threats-now",
        "coercion-at-destination",
        "coercion at destination: threats of violence",
        "PhysicalThreats",
    ),
    # "intent to contact or involve law enforcement or ... immigration authorities"
    ControlMapping(
        "child-trafficking-full",
        "threatened-with-authorities",
        "coercion-at-destination",
        "coercion at destination: threat of denunciation; threat of worse conditions",
        "ThreatsLawEnforcement",
    ),
)

#: The statistics' exploitation forms (report/stats.py FORMS) as
#: ``vic_TypeOfExploitation``. Criminal exploitation has no code of its own in
#: version 2.0: "Other".
TYPE_OF_EXPLOITATION: dict[str, str] = {
    "sexual": "SexualExploitation",
    "labour": "ForcedLabour",
    "domestic-servitude": "Servitude",
    "begging": "ForcedBegging",
    "criminal-exploitation": "Other",
    "forced-marriage": "ForcedMarriage",
}

#: The professional's recorded decision (never the rules' suggestion) as
#: ``vic_TraffickingStatus``: only "possible victim of trafficking" ("indicators of
#: trafficking but ... not possible to formally verify"). "monitor" and
#: "no-indicators-recorded" say nothing either way: empty, never "not a victim".
TRAFFICKING_STATUS: dict[str, str] = {
    "immediate-protection": "PossibleVictimOfTrafficking",
    "refer": "PossibleVictimOfTrafficking",
    "full-screening": "PossibleVictimOfTrafficking",
}

#: ``prs_Gender``: idcheck's "other" says nothing the standard's codes say.
GENDER: dict[str, str] = {
    "female": "Feminine",
    "male": "Masculine",
    "unknown": "NonSpecifiedUnknown",
}

#: Who identified the child, as the ``org_Type`` of ``cas_ReferringOrganisation``
#: (the organisation that brought the case). Child welfare services are municipal
#: in Norway and local authorities' in the UK, the jurisdictions idcheck serves.
REFERRING_ORG_TYPE: dict[str, str] = {
    "police": "LawEnforcement",
    "immigration": "ImmigrationService",
    "health": "HealthServiceOrganisation",
    "child-welfare": "LocalGovernmentOrganisation",
    "ngo": "NGO",
}

#: ``cas_Status`` from the case's status.
CASE_STATUS: dict[str, str] = {"open": "Active", "closed": "Closed"}

#: An accompanying adult's stated relation (English or Norwegian words) as
#: ``vic_RelationshipToTrafficker`` (the standard spells "Unaquainted").
_FAMILIAL = (
    "mother father parent brother sister sibling uncle aunt cousin grandmother grandfather "
    "grandparent relative family stepfather stepmother stepbrother stepsister husband wife "
    "mor far forelder bror søster søsken onkel tante fetter kusine søskenbarn bestemor "
    "bestefar besteforelder slektning familie stefar stemor ektemann kone"
)
_ACQUAINTED = (
    "friend neighbour neighbor boyfriend girlfriend partner acquaintance employer boss "
    "teacher venn venninne kjæreste nabo bekjent arbeidsgiver sjef lærer"
)
_UNACQUAINTED = "stranger unknown nobody fremmed ukjent"
RELATIONS: dict[str, str] = {
    **{w: "Familial" for w in _FAMILIAL.split()},
    **{w: "Acquainted" for w in _ACQUAINTED.split()},
    **{w: "Unaquainted" for w in _UNACQUAINTED.split()},
}
#: Items that record the accompanying adult controlling the child: only then is
#: the adult's stated relation a relationship to someone who may be a trafficker.
ADULT_CONTROL_ITEMS = frozenset(
    {"adult-speaks-for-child", "adult-will-not-leave", "adult-controls"}
)
#: Items that record the stated relation as doubtful: then it is not given.
RELATION_DOUBTED_ITEMS = frozenset({"relation-unclear"})
#: Who the child is with, as the full screening records it ("accompanied-by"):
#: a parent or another relative is family (True); an unrelated adult is not (False),
#: which gives no code of its own (acquainted or not is not said).
ACCOMPANIED_ITEM = "accompanied-by"
ACCOMPANIED: dict[str, bool] = {"parent": True, "other-relative": True, "unrelated-adult": False}

#: Language names outside ISO 639-2's own that ISO places in one of its codes
#: (Dari and Farsi are Persian, 639-3 "prs" and "pes" in the macrolanguage "fas").
LANGUAGE_ALIASES: dict[str, str] = {"dari": "fas", "farsi": "fas"}

_SPLIT = re.compile(r"\s*[,;/+&]\s*")
_AND = re.compile(r"\s+(?:and|og)\s+", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower case, accents and punctuation around words dropped, spaces single."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s-]", " ", text).split())


@cache
def _iso() -> dict[str, dict[str, list[str]]]:
    path = Path(__file__).parent / "codes" / "iso.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@cache
def _country_index() -> tuple[dict[str, str], dict[str, str]]:
    """(folded names -> alpha-3, codes as written -> alpha-3)."""
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    for alpha3, (alpha2, *given) in _iso()["countries"].items():
        codes[alpha3] = codes[alpha2] = alpha3
        for name in given:  # "the State of Eritrea" -> also "State of Eritrea"
            names[fold(name)] = names[fold(re.sub(r"^the ", "", name))] = alpha3
    return names, codes


@cache
def _language_index() -> tuple[dict[str, str], dict[str, str]]:
    """(folded names -> ISO 639-2 code, codes as written -> ISO 639-2 code)."""
    names: dict[str, str] = dict(LANGUAGE_ALIASES)
    codes: dict[str, str] = {}
    for alpha3, (alpha2, biblio, *given) in _iso()["languages"].items():
        for code in (alpha3, alpha2, biblio):
            if code:
                codes[code] = alpha3
        for name in given:
            names[fold(name)] = alpha3
    return names, codes


def countries() -> frozenset[str]:
    """Every ISO 3166-1 alpha-3 code."""
    return frozenset(_iso()["countries"])


def languages() -> frozenset[str]:
    """Every ISO 639-2 (terminology) code."""
    return frozenset(_iso()["languages"])


@lru_cache(maxsize=4096)
def _found(text: str, countries: bool) -> tuple[str, ...]:
    """The codes of the names in ``text``: split at , ; / + &, and a part that is
    no name as a whole at "and" ("Bosnia and Herzegovina" stays one); each once.
    A code counts only as codes are written (countries in capitals, "ERI", "ER";
    languages in small letters, "tir", "ti"), so words such as "no" or "IT" in
    another case are never read as Norway or Italian."""
    names, codes = _country_index() if countries else _language_index()
    found: list[str] = []
    for part in _SPLIT.split(text):
        for piece in [part] if fold(part) in names else _AND.split(part):
            code = codes.get(piece.strip()) or names.get(fold(piece))
            if code:
                found.append(code)
    return tuple(dict.fromkeys(found))


def country_codes(text: str | None) -> list[str]:
    """ISO 3166-1 alpha-3 codes of the countries named in ``text`` (English ISO
    names, common or official, or codes; several split at , ; / and "and"), in
    order, each once. A part that is not such a name is left out, never guessed."""
    return list(_found(text or "", True))


def language_codes(text: str | None) -> list[str]:
    """ISO 639-2 codes of the languages named in ``text``, in the child's order,
    each once; a word that is not an ISO 639-2 name or code is left out."""
    return list(_found(text or "", False))


def relation_code(stated: str | None) -> str | None:
    """The standard's relationship code for a stated relation: one word the table
    knows ("cousin", "my uncle", "onkel"), else None."""
    words = [w for w in fold(stated or "").split() if w in RELATIONS]
    codes = {RELATIONS[w] for w in words}
    return codes.pop() if len(codes) == 1 else None


def control_codes(checklist_id: str, dimension_of: dict[str, str], yes: set[str]) -> set[str]:
    """The methods of control the indicators answered yes map to, in a screening
    made with ``checklist_id`` (``dimension_of``: item id -> its dimension there)."""
    return {
        m.code
        for m in METHODS_OF_CONTROL
        if m.checklist == checklist_id and m.item in yes and dimension_of.get(m.item) == m.dimension
    }
