"""The HTCDS export from a real store: what each field is taken from, that the
status is only ever a possible victim from the professional's own decision, that
every value is one the standard's published field list allows, the anonymised
export (canary, small cells), and JSON and CSV keeping every text safe."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from pathlib import Path

import pytest
from tests.conftest import WORKER_PASSWORD, new_store, open_store
from tests.report.htcds_check import FIELDS, STANDARD, problems

from idcheck.checklist import Answer, Indicator, assess, find, load_checklist_bytes, load_entry
from idcheck.report import htcds, htcds_map, htcds_out
from idcheck.report.stats import FORMS
from idcheck.store import (
    IDENTIFIED_BY,
    Adult,
    AnswerContext,
    CaseDetails,
    Decision,
    NotAllowed,
    ReferralDraft,
    SiteProfile,
    Store,
)

CANARY = "Kanarifugl"
WORDS = f"{CANARY}-words: he took my papers"


def screen(
    store: Store,
    case_id: int,
    checklist_id: str,
    answers: dict[str, str],
    decided: str | None = None,
) -> int:
    """A completed screening with ``answers`` (each with the child's words) and the
    professional's decision (the suggestion when ``decided`` is None)."""
    text = find(checklist_id).path.read_bytes()
    checklist = load_checklist_bytes(text)
    sid = store.start_screening(case_id, checklist, text, hashlib.sha256(text).hexdigest())
    for item, value in answers.items():
        ctx = AnswerContext(
            source="child-said", child_words=WORDS, worker_note=f"{CANARY}-note",
            interpreter=f"{CANARY}-interpreter", language="en", read_back=True,
        )  # fmt: skip
        store.record_answer(sid, item, Answer(value=value), ctx)
    _decide(store, sid, checklist_id, decided)
    return sid


def _decide(store: Store, sid: int, checklist_id: str, decided: str | None) -> None:
    checklist = load_entry(find(checklist_id))
    suggested = assess(checklist, store.get_screening(sid).plain_answers()).outcome.id
    outcome = decided or suggested
    reasons = f"{CANARY}-reasons" if outcome != suggested else ""
    store.record_decision(sid, Decision(suggested, (), outcome, reasons))
    store.complete_screening(sid)


def child(ref: str, **kw: object) -> CaseDetails:
    base: dict[str, object] = {
        "reference": ref, "given_name": f"{CANARY}given", "family_name": f"{CANARY}family",
        "claimed_dob": "2011-04-10", "claimed_age": 15, "gender": "female",
        "nationality": "Eritrea", "languages": "Tigrinya, Arabic", "identified_by": "police",
        "adults": (Adult(f"{CANARY}-adult, about 30", "cousin"),), "notes": f"{CANARY}-notes",
    }  # fmt: skip
    base.update(kw)
    return CaseDetails(**base)  # type: ignore[arg-type]


FULL_YES = {
    "accompanied-by": "other-relative",
    "documents-kept-by-other": "yes",
    "adult-speaks-for-child": "yes",
    "deceived-about-work": "yes",
    "debt-owed-now": "yes",
    "threats-now": "yes",
    "threatened-with-authorities": "yes",
    "forced-crime": "yes",
    "violence-at-recruitment": "yes",  # not mapped: abuse or threat is not said
    "little-or-no-pay": "yes",  # not mapped: low pay is not taken earnings
}


@pytest.fixture
def store(tmp_path: Path):
    s, _ = new_store(tmp_path / "store")
    s.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction="NO", phone="+47 22 00 00 00"))
    yield s
    if s.is_open:
        s.lock()


def records(store: Store) -> dict[str, dict[str, object]]:
    export = htcds.build(htcds.collect(store), store.site_profile())
    return {str(r["idc_CaseReference"]): r for r in export.records}


def test_a_screened_case_in_the_standards_codes(store: Store) -> None:
    cid = store.create_case(child("2026-HT-001"))
    screen(store, cid, "child-trafficking-full", FULL_YES)
    r = records(store)["2026-HT-001"]
    assert r["prs_FirstName"] == f"{CANARY}given" and r["prs_SecondName"] == f"{CANARY}family"
    assert r["prs_Birthdate"] == "2011-04-10"
    assert (r["prs_Gender"], r["prs_Citizenship"]) == ("Feminine", ["ERI"])
    assert (r["prs_PrimaryLanguage"], r["prs_SecondaryLanguage"]) == ("tir", "ara")
    assert r["vic_MethodsOfControl"] == [
        "DebtBondage", "FalsePromises", "PhysicalThreats", "ThreatsLawEnforcement",
        "WithholdsDocuments",
    ]  # fmt: skip
    # deceived-about-work points to labour, sexual and domestic servitude, little-or-no-pay
    # to labour and begging, forced-crime to criminal exploitation (2.0 has no code: Other).
    assert r["vic_TypeOfExploitation"] == [
        "ForcedBegging", "ForcedLabour", "Other", "Servitude", "SexualExploitation",
    ]  # fmt: skip
    assert r["vic_TraffickingStatus"] == "PossibleVictimOfTrafficking"
    assert r["vic_TraffickingStatusDecisionMakingOrg"] is None  # not held
    # The one adult spoke for the child and the relation is not doubted.
    assert r["vic_RelationshipToTrafficker"] == "Familial"
    assert r["cas_Status"] == "Active"
    assert r["cas_ReferringOrganisation.org_Type"] == "LawEnforcement"
    assert (r["idc_ClaimedAge"], r["idc_AgeBand"], r["idc_AgeDisputed"]) == (15, "15-17", False)
    for not_held in ("vic_MethodOfRecruitment", "vic_ForcedLabourIndustry", "prs_Email"):
        assert r[not_held] in (None, [])


def test_status_only_from_the_decision_and_only_possible(store: Store) -> None:
    """The rules suggest "refer"; the professional decides "monitor": no status.
    "no-indicators-recorded" is not "not a victim". No record ever says a child is one."""
    a = store.create_case(child("A"))
    screen(store, a, "child-trafficking-full", FULL_YES, decided="monitor")
    b = store.create_case(child("B"))
    screen(store, b, "intake-screen", {"debt": "no"})
    c = store.create_case(child("C"))
    screen(store, c, "intake-screen", {"debt": "yes"})
    d = store.create_case(child("D"))  # no screening at all
    got = records(store)
    assert got["A"]["vic_TraffickingStatus"] is None
    assert got["A"]["vic_MethodsOfControl"]  # the indicators still stand
    assert got["B"]["vic_TraffickingStatus"] is None
    assert got["C"]["vic_TraffickingStatus"] == "PossibleVictimOfTrafficking"  # full-screening
    assert got["C"]["vic_MethodsOfControl"] == ["DebtBondage"]
    assert got["D"]["vic_TraffickingStatus"] is None and got["D"]["vic_MethodsOfControl"] == []
    assert d
    statuses = {r["vic_TraffickingStatus"] for r in got.values()}
    assert statuses <= {None, "PossibleVictimOfTrafficking"}


def test_an_amendment_stands_for_the_screening_it_amends(store: Store) -> None:
    cid = store.create_case(child("2026-AM"))
    first = screen(store, cid, "child-trafficking-full", FULL_YES)
    assert records(store)["2026-AM"]["vic_TraffickingStatus"] == "PossibleVictimOfTrafficking"
    sid = store.amend_screening(first)
    for item in ("threats-now", "debt-owed-now", "deceived-about-work"):
        store.record_answer(sid, item, Answer(value="no"), AnswerContext())
    store.record_answer(sid, "adult-speaks-for-child", Answer(value="no"), AnswerContext())
    _decide(store, sid, "child-trafficking-full", "monitor")
    r = records(store)["2026-AM"]
    assert r["vic_MethodsOfControl"] == ["ThreatsLawEnforcement", "WithholdsDocuments"]
    assert r["vic_TraffickingStatus"] is None
    assert r["vic_RelationshipToTrafficker"] is None  # no adult control recorded any more


def test_drafts_and_hidden_answers_count_for_nothing(store: Store) -> None:
    """A draft's answers are not a screening's; an answer whose item a later answer
    hid (the child is alone after all) no longer stands."""
    draft = store.create_case(child("draft"))
    text = find("child-trafficking-full").path.read_bytes()
    sid = store.start_screening(
        draft, load_checklist_bytes(text), text, hashlib.sha256(text).hexdigest()
    )
    store.record_answer(sid, "threats-now", Answer(value="yes"), AnswerContext())
    hidden = store.create_case(child("hidden"))
    screen(store, hidden, "child-trafficking-full", {**FULL_YES, "accompanied-by": "alone"})
    got = records(store)
    assert got["draft"]["vic_MethodsOfControl"] == []
    assert got["draft"]["vic_TraffickingStatus"] is None
    assert "PhysicalThreats" in got["hidden"]["vic_MethodsOfControl"]  # still shown
    assert got["hidden"]["vic_RelationshipToTrafficker"] is None  # adult items hidden


def test_relationship_needs_one_controlling_adult_and_an_undoubted_relation(
    store: Store,
) -> None:
    doubted = store.create_case(child("doubted"))
    screen(store, doubted, "child-trafficking-full", {**FULL_YES, "relation-unclear": "yes"})
    two = store.create_case(child("two", adults=(Adult("man", "uncle"), Adult("woman", "friend"))))
    screen(store, two, "child-trafficking-full", FULL_YES)
    unknown_word = store.create_case(child("word", adults=(Adult("man", "he says a helper"),)))
    screen(
        store,
        unknown_word,
        "child-trafficking-full",
        {**FULL_YES, "accompanied-by": "unrelated-adult"},
    )
    friend = store.create_case(child("friend", adults=(Adult("woman", "kjæreste"),)))
    screen(store, friend, "intake-screen", {"adult-controls": "yes"})
    # No adult in the case's details: who the screening says the child is with.
    aunt = store.create_case(child("aunt", adults=()))
    screen(store, aunt, "child-trafficking-full", FULL_YES)
    stranger = store.create_case(child("stranger", adults=()))
    screen(
        store, stranger, "child-trafficking-full", {**FULL_YES, "accompanied-by": "unrelated-adult"}
    )
    # The adult says cousin, the screening says unrelated: they disagree.
    claims = store.create_case(child("claims"))
    screen(
        store, claims, "child-trafficking-full", {**FULL_YES, "accompanied-by": "unrelated-adult"}
    )
    boyfriend = store.create_case(child("boyfriend", adults=(Adult("man", "boyfriend"),)))
    screen(
        store,
        boyfriend,
        "child-trafficking-full",
        {**FULL_YES, "accompanied-by": "unrelated-adult"},
    )
    got = records(store)
    assert got["aunt"]["vic_RelationshipToTrafficker"] == "Familial"
    assert got["stranger"]["vic_RelationshipToTrafficker"] is None
    assert got["claims"]["vic_RelationshipToTrafficker"] is None
    assert got["boyfriend"]["vic_RelationshipToTrafficker"] == "Acquainted"
    assert [got[k]["vic_RelationshipToTrafficker"] for k in ("doubted", "two", "word")] == [
        None, None, None,
    ]  # fmt: skip
    assert got["friend"]["vic_RelationshipToTrafficker"] == "Acquainted"


def test_citizenship_and_languages_are_iso_codes_or_empty(store: Store) -> None:
    store.create_case(child("1", nationality="Syria / Eritrea", languages="Dari; Pashto and Farsi"))
    store.create_case(child("2", nationality="Eritrean", languages="Tigrinja"))  # not names
    store.create_case(child("3", nationality="Bosnia and Herzegovina", languages="ti"))
    store.create_case(child("4", nationality="no", languages="IT, Norwegian"))
    store.create_case(child("5", nationality="NO, ERI", languages="nob"))
    got = records(store)
    assert got["4"]["prs_Citizenship"] == []  # "no" is not Norway's code as written
    assert (got["4"]["prs_PrimaryLanguage"], got["4"]["prs_SecondaryLanguage"]) == ("nor", None)
    assert (
        got["5"]["prs_Citizenship"] == ["NOR", "ERI"] and got["5"]["prs_PrimaryLanguage"] == "nob"
    )
    assert got["1"]["prs_Citizenship"] == ["SYR", "ERI"]
    assert (got["1"]["prs_PrimaryLanguage"], got["1"]["prs_SecondaryLanguage"]) == ("fas", "pus")
    assert got["2"]["prs_Citizenship"] == [] and got["2"]["prs_PrimaryLanguage"] is None
    assert got["3"]["prs_Citizenship"] == ["BIH"] and got["3"]["prs_PrimaryLanguage"] == "tir"


def test_the_latest_referral_and_its_state(store: Store) -> None:
    cid = store.create_case(child("2026-REF"))
    day = dt.datetime(2026, 11, 2, 10, 0).timestamp()
    first = store.add_referral(cid, ReferralDraft("Barnevernvakta Oslo", "phone", day))
    store.set_referral_state(first, "declined", reason=f"{CANARY}-declined", at=day + 3600)
    later = store.add_referral(
        cid, ReferralDraft("Statens barnehus", "encrypted_file", day + 86400, note=f"{CANARY}-n")
    )
    store.set_referral_state(later, "received", at=day + 2 * 86400)
    store.set_referral_state(later, "accepted", at=day + 3 * 86400)
    store.create_case(child("none"))
    got = records(store)
    r = got["2026-REF"]
    assert r["cas_ReferredOrganisation.org_Name"] == "Statens barnehus"
    assert r["cas_OutgoingReferralDate"] == "2026-11-03"
    assert r["cas_OutgoingReferralDetails"] == (
        "sent (encrypted file) 2026-11-03; received 2026-11-04; accepted 2026-11-05"
    )
    assert (r["idc_ReferralState"], r["idc_Referrals"]) == ("accepted", 2)
    assert r["cas_ReasonForOutgoingReferral"] is None  # not held
    assert got["none"]["idc_Referrals"] == 0 and got["none"]["idc_ReferralState"] is None
    full = htcds.build(htcds.collect(store), store.site_profile())
    assert CANARY not in htcds_out.to_json(full).replace(f"{CANARY}given", "").replace(
        f"{CANARY}family", ""
    )


def test_a_worker_cannot_export(tmp_path: Path) -> None:
    s, _ = new_store(tmp_path / "store")
    s.add_user("ben", WORKER_PASSWORD, "worker")
    s.lock()
    ben = open_store(tmp_path / "store", "ben", WORKER_PASSWORD)
    try:
        with pytest.raises(NotAllowed, match="administrator"):
            htcds.collect(ben)
    finally:
        ben.lock()


# --------------------------------------------------------------- the standard itself


def test_the_columns_are_the_standards_current_fields_in_its_order() -> None:
    ours = list(dict.fromkeys(c.partition(".")[0] for c in htcds.COLUMNS if c[:4] != "idc_"))
    theirs = [
        f["name"]
        for f in STANDARD["fields"]
        if f["name"][:4] in ("prs_", "vic_", "cas_", "con_") and f["status"] != "DEPRECATED"
    ]
    assert ours == theirs
    assert STANDARD["version"] == htcds_map.VERSION
    assert STANDARD["source"] == htcds_map.SOURCE


def test_the_docs_say_where_every_field_comes_from() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "htcds.md").read_text("utf-8")
    for name in FIELDS:
        assert f"| `{name}` |" in text, name
    for m in htcds_map.METHODS_OF_CONTROL:
        assert f"| `{m.item}` ({m.dimension}) | {m.element} | `{m.code}` |" in text, m


def test_every_control_mapping_is_the_checklists_own_citation() -> None:
    codes = FIELDS["vic_MethodsOfControl"]["codes"]
    for m in htcds_map.METHODS_OF_CONTROL:
        item = load_entry(find(m.checklist)).item(m.item)
        assert isinstance(item, Indicator), m
        assert item.dimension == m.dimension, m
        assert any(s.ref == "ilo-ec-2009" and s.where == m.element for s in item.sources), m
        assert m.code in codes, m


def test_every_table_maps_into_the_standards_codes() -> None:
    def codes(field: str) -> list[str]:
        return FIELDS[field]["codes"]

    assert set(htcds_map.TYPE_OF_EXPLOITATION) == set(FORMS)
    assert set(htcds_map.TYPE_OF_EXPLOITATION.values()) <= set(codes("vic_TypeOfExploitation"))
    outcomes = {o.id for e in ("child-trafficking-full", "intake-screen")
                for o in load_entry(find(e)).outcomes}  # fmt: skip
    assert set(htcds_map.TRAFFICKING_STATUS) <= outcomes
    assert set(htcds_map.TRAFFICKING_STATUS.values()) == {"PossibleVictimOfTrafficking"}
    assert set(htcds_map.GENDER.values()) <= set(codes("prs_Gender"))
    assert set(htcds_map.REFERRING_ORG_TYPE) <= set(IDENTIFIED_BY)
    assert set(htcds_map.REFERRING_ORG_TYPE.values()) <= set(codes("org_Type"))
    assert set(htcds_map.CASE_STATUS.values()) <= set(codes("cas_Status"))
    assert set(htcds_map.RELATIONS.values()) == set(codes("vic_RelationshipToTrafficker"))
    assert set(htcds_map.LANGUAGE_ALIASES.values()) <= htcds_map.languages()


# --------------------------------------------------------------------- anonymised


def twelve_children(store: Store) -> None:
    """Five Eritrean girls found by the police (full screening, one referred on), six
    Afghan girls found by child welfare (intake screen), and one boy from Syria found
    by an NGO, like no other."""
    for i in range(5):
        cid = store.create_case(child(f"{CANARY}-ref-{i}"))
        screen(store, cid, "child-trafficking-full", FULL_YES)
    draft = ReferralDraft(f"{CANARY}-recipient", "phone", 1_790_000_000.0, note=f"{CANARY}-note")
    store.set_referral_state(store.add_referral(cid, draft), "accepted", at=1_790_090_000.0)
    for i in range(6):
        afghan = child(f"{CANARY}-af-{i}", nationality="Afghanistan", languages="Dari",
                       identified_by="child-welfare")  # fmt: skip
        screen(store, store.create_case(afghan), "intake-screen", {"debt": "yes"})
    odd = child(f"{CANARY}-ref-odd", gender="male", claimed_age=16, nationality="Syria",
                languages="Arabic", identified_by="ngo", claimed_dob="2010-01-02")  # fmt: skip
    screen(store, store.create_case(odd), "intake-screen", {"debt": "yes"})


def test_anonymised_holds_no_name_reference_date_or_words(store: Store) -> None:
    twelve_children(store)
    full = htcds.build(htcds.collect(store), store.site_profile())
    anon = htcds_out.anonymise(full)
    for text in (htcds_out.to_json(anon), htcds_out.to_csv(anon)):
        assert CANARY.lower() not in text.lower()
        assert "2011-04-10" not in text and "2010-01-02" not in text and "2026-" not in text
        assert '"15"' not in text and "15," not in text  # ages only as bands
    # The full export names the child, and still never holds their words or notes.
    text = htcds_out.to_json(full) + htcds_out.to_csv(full)
    assert f"{CANARY}given" in text and f"{CANARY}-ref-0" in text
    for never in ("words", "note", "notes", "interpreter", "reasons", "adult"):
        assert f"{CANARY}-{never}" not in text


def test_anonymised_suppresses_small_cells_as_the_statistics_do(store: Store) -> None:
    twelve_children(store)
    anon = htcds_out.anonymise(htcds.build(htcds.collect(store), store.site_profile()))
    assert len(anon.records) == 12 and not anon.withheld
    text = htcds_out.to_json(anon)
    assert problems(json.loads(text)) == []
    # One Syrian (<5), so the next smallest, Eritrea (5), goes too; Afghanistan (6) stays.
    # The same for the first language (Arabic 1, Tigrinya 5, Persian 6) and who found
    # the child (NGO 1, police 5, child welfare 6). One boy: the girls' gender goes too.
    for gone in ('"SYR"', '"ERI"', '"tir"', '"NGO"', '"LawEnforcement"',
                 "Masculine", "Feminine", "accepted"):  # fmt: skip
        assert gone not in text, gone
    for kept in ('"AFG"', '"fas"', "LocalGovernmentOrganisation", '"15-17"'):
        assert kept in text, kept
    assert {r["prs_PrimaryLanguage"] for r in anon.records} == {None, "fas"}
    eritrean = [r for r in anon.records if r["vic_RelationshipToTrafficker"] == "Familial"]
    assert len(eritrean) == 5
    for r in eritrean:
        assert r["prs_Citizenship"] == [] and r["prs_SecondaryLanguage"] == "ara"
        assert {"prs_Citizenship", "prs_PrimaryLanguage", "prs_Gender"} <= set(r["idc_Suppressed"])
    referred = [r for r in anon.records if "idc_ReferralState" in r["idc_Suppressed"]]
    assert len(referred) == 1 and referred[0]["idc_ReferralState"] is None
    # The boy, like no other in what could single him out, keeps none of it.
    (boy,) = [r for r in anon.records if r["idc_AgeBand"] is None]
    assert {"prs_Citizenship", "prs_PrimaryLanguage", "cas_ReferringOrganisation.org_Type",
            "prs_Gender", "idc_AgeDisputed", "idc_AgeBand"} <= set(boy["idc_Suppressed"])  # fmt: skip
    # What monitoring counts stays.
    assert all(r["vic_TraffickingStatus"] == "PossibleVictimOfTrafficking" for r in anon.records)
    assert all("DebtBondage" in r["vic_MethodsOfControl"] for r in anon.records)
    assert sum("FalsePromises" in r["vic_MethodsOfControl"] for r in anon.records) == 5


def test_fewer_than_five_records_are_withheld(store: Store) -> None:
    for i in range(4):
        store.create_case(child(f"r{i}"))
    anon = htcds_out.anonymise(htcds.build(htcds.collect(store), store.site_profile()))
    assert anon.records == () and anon.withheld
    doc = json.loads(htcds_out.to_json(anon))
    assert doc["records"] == [] and doc["records_withheld"] == "<5"
    assert htcds_out.to_csv(anon).count("\n") == 1  # the header alone


# ------------------------------------------------------------------ JSON and CSV

RTL = "عائشة\nالثانية"
HOSTILE = {
    "given_name": '=HYPERLINK("http://x.example","click")',
    "family_name": RTL,
    "reference": "+47-2026",
    "nationality": "Eritrea",
}


def test_every_value_is_allowed_by_the_standard(store: Store) -> None:
    cid = store.create_case(child("2026-HT-001"))
    screen(store, cid, "child-trafficking-full", FULL_YES)
    store.create_case(child("-ref", gender="other", identified_by="other", languages="xx"))
    store.create_case(CaseDetails(reference="bare"))
    store.close_case(store.create_case(child("closed", **HOSTILE | {"reference": "closed"})))
    export = htcds.build(htcds.collect(store), store.site_profile())
    doc = json.loads(htcds_out.to_json(export))
    assert len(doc["records"]) == 4
    assert problems(doc) == []
    assert doc["organisation"]["org_ShippingCountry"] == "NOR"
    # The CSV says the same, cell by cell, in its own spelling.
    rows = list(csv.reader(io.StringIO(htcds_out.to_csv(export).removeprefix("\ufeff"))))
    assert rows[0] == doc["columns"] and len(rows) == 5
    for record, row in zip(doc["records"], rows[1:], strict=True):
        for value, cell in zip(record.values(), row, strict=True):
            if isinstance(value, list):
                assert (cell.split(";") if cell else []) == value
            elif isinstance(value, bool):
                assert cell == ("true" if value else "false")
            elif value is None:
                assert cell == ""
            else:
                assert cell.removeprefix("'") == str(value)
                assert cell.startswith("'") == str(value).lstrip().startswith(("=", "+", "-", "@"))


def test_json_keeps_line_breaks_and_right_to_left_text(store: Store) -> None:
    store.create_case(child("x", **HOSTILE))
    doc = json.loads(htcds_out.to_json(htcds.build(htcds.collect(store), store.site_profile())))
    (r,) = doc["records"]
    assert r["prs_SecondName"] == RTL and r["prs_FirstName"] == HOSTILE["given_name"]
    assert r["idc_CaseReference"] == "+47-2026"


def test_csv_neutralises_formulas_and_keeps_each_text_in_its_cell(
    store: Store, tmp_path: Path
) -> None:
    store.create_case(child("x", **HOSTILE))
    store.create_case(child("@SUM(A1)", given_name=" -2+3", family_name="\tTab"))
    export = htcds.build(htcds.collect(store), store.site_profile())
    out = tmp_path / "cases.csv"
    htcds_out.write(export, out, "csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets read it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 2
    by_ref = {r["idc_CaseReference"]: r for r in rows}
    hostile = by_ref["'+47-2026"]
    assert hostile["prs_FirstName"] == "'" + HOSTILE["given_name"]
    assert hostile["prs_SecondName"] == RTL  # the line break stays in its cell
    assert hostile["prs_Citizenship"] == "ERI"
    other = by_ref["'@SUM(A1)"]
    assert other["prs_FirstName"] == "' -2+3" and other["prs_SecondName"] == "'\tTab"
    for row in rows:
        for value in row.values():
            assert not value.lstrip().startswith(("=", "+", "-", "@")), value
    assert rows[0]["vic_MethodsOfControl"] == ""


def test_csv_multi_select_joined(store: Store) -> None:
    cid = store.create_case(child("m", nationality="Syria, Eritrea"))
    screen(store, cid, "child-trafficking-full", FULL_YES)
    (row,) = csv.DictReader(io.StringIO(htcds_out.to_csv(
        htcds.build(htcds.collect(store), store.site_profile()))[1:], newline=""))  # fmt: skip
    assert row["prs_Citizenship"] == "SYR;ERI"
    assert row["vic_MethodsOfControl"].split(";")[0] == "DebtBondage"
    assert row["idc_AgeDisputed"] == "false"
