"""`idcheck export --format htcds` through the real command line: JSON and CSV,
anonymised, one case, every value allowed by the standard, each export audited,
and every refusal (a worker, a wrong password, a bad or dangerous --out) exits
with its code and writes nothing."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.report.htcds_check import problems

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"
CANARY = "Kanarifugl"

ANSWERS = f"""
case:
  reference: {CANARY}-2026-7
  given_name: {CANARY}-given
  family_name: "عائشة"
  claimed_dob: 2011-04-10
  claimed_age: 15
  gender: female
  nationality: Eritrea
  languages: Tigrinya, Arabic
  identified_by: child-welfare
  adults:
    - {{description: "{CANARY}-adult", stated_relation: cousin}}
  notes: "{CANARY}-notes\\nsecond line"
answers:
  debt:
    answer: "yes"
    source: child-said
    child_words: "{CANARY}-words: I must pay back the trip first."
    note: "{CANARY}-note"
  adult-controls: "yes"
decision:
  outcome: full-screening
complete: true
"""


def run(*args: str, data: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "idcheck", "--data-dir", str(data), *args],
        capture_output=True, text=True, timeout=120, input=stdin,
    )  # fmt: skip


@pytest.fixture(scope="module")
def screened(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, tuple[str, ...]]:
    tmp = tmp_path_factory.mktemp("cli-htcds")
    pw = tmp / "pw"
    pw.write_text(PASSWORD + "\n")
    (tmp / "pw-ben").write_text("worker password 1\n")
    data = tmp / "d"
    auth = ("--user", "anna", "--password-file", str(pw))
    assert run("init", *auth, data=data).returncode == 0
    r = run("user", "add", "ben", "--new-password-file", str(tmp / "pw-ben"), *auth, data=data)
    assert r.returncode == 0, r.stderr
    r = run("site", "set", "--name", "Mottak Nord", "--jurisdiction", "NO", *auth, data=data)
    assert r.returncode == 0, r.stderr
    answers = tmp / "answers.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    for checklist, path in (
        ("child-trafficking-full", ROOT / "examples" / "child-trafficking-full.yaml"),
        ("intake-screen", answers),
    ):
        r = run("screen", "--checklist", checklist, "--answers", str(path), *auth, data=data)
        assert r.returncode == 0, r.stderr
    return tmp, data, auth


def audit_actions(data: Path) -> list[str]:
    from idcheck.store import Store

    s = Store.open(data, "anna", PASSWORD)
    try:
        return [r.action for r in s.audit_trail() if r.action.startswith("htcds")]
    finally:
        s.lock()


def test_json_export_of_every_case(screened) -> None:
    tmp, data, auth = screened
    before = audit_actions(data)
    out = tmp / "cases.json"
    r = run("export", "--format", "htcds", "--out", str(out), *auth, data=data)
    assert r.returncode == 0, r.stderr
    assert f"HTCDS JSON written to {out} (2 records; audit head" in r.stdout
    doc = json.loads(out.read_text("utf-8"))
    assert problems(doc) == []
    got = {rec["idc_CaseReference"]: rec for rec in doc["records"]}
    assert set(got) == {"EXAMPLE-FULL-001", f"{CANARY}-2026-7"}
    ours = got[f"{CANARY}-2026-7"]
    assert ours["prs_SecondName"] == "عائشة" and ours["vic_MethodsOfControl"] == ["DebtBondage"]
    assert ours["vic_TraffickingStatus"] == "PossibleVictimOfTrafficking"
    assert ours["vic_RelationshipToTrafficker"] == "Familial"
    assert ours["cas_ReferringOrganisation.org_Type"] == "LocalGovernmentOrganisation"
    example = got["EXAMPLE-FULL-001"]
    assert example["prs_Gender"] == "Masculine" and example["prs_Citizenship"] == []
    assert (example["idc_AssessedAge"], example["idc_AgeDisputed"]) == (16, True)
    text = out.read_text("utf-8")
    for never in ("words", "note", "notes", "adult"):
        assert f"{CANARY}-{never}" not in text
    assert audit_actions(data) == [*before, "htcds-exported"]


def test_anonymised_csv_holds_nothing_of_the_child(screened) -> None:
    tmp, data, auth = screened
    out = tmp / "national.csv"
    before = audit_actions(data)
    r = run("export", "--format", "htcds", "--anonymised", "--out", str(out), *auth, data=data)
    assert r.returncode == 0, r.stderr
    assert "fewer than 5 cases: no record given" in r.stdout
    text = out.read_bytes().decode("utf-8-sig")
    assert CANARY.lower() not in text.lower() and "EXAMPLE-FULL" not in text
    assert "2011-04-10" not in text and "عائشة" not in text
    (head,) = list(csv.reader(io.StringIO(text, newline="")))
    assert "prs_FirstName" not in head and "idc_AgeBand" in head and "idc_Suppressed" in head
    assert audit_actions(data) == [*before, "htcds-exported-anonymised"]


def test_one_case_by_reference(screened) -> None:
    tmp, data, auth = screened
    out = tmp / "one.csv"
    ref = f"{CANARY}-2026-7"
    r = run("export", ref, "--format", "htcds", "--out", str(out), *auth, data=data)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert [row["idc_CaseReference"] for row in rows] == [ref]
    r = run("export", "NO-SUCH", "--format", "htcds", "--out", str(tmp / "x.csv"), *auth, data=data)
    assert r.returncode == 2 and "no case with reference 'NO-SUCH'" in r.stderr
    assert not (tmp / "x.csv").exists()


def _digest(data: Path) -> str:
    return hashlib.sha256((data / "idcheck.db").read_bytes()).hexdigest()


def test_refusals_exit_with_their_codes_and_write_nothing(screened) -> None:
    tmp, data, auth = screened
    out = tmp / "refused.json"
    cases = [
        ((), "--out", str(tmp / "cases.txt"), 2, "name a .json or a .csv file"),
        ((), "--out", str(data / "keyslots.0.json"), 2, "one of the store's own files"),
        (("--to", "someone"), "--out", str(out), 2, "takes no --to, --pdf"),
        (("--all-changed-since-last-transfer",), "--out", str(out), 2, "takes no --to, --pdf"),
        (("--user", "ben", "--password-file", str(tmp / "pw-ben")), "--out", str(out), 4,
         "administrator"),
    ]  # fmt: skip
    for extra, flag, path, code, words in cases:
        who = () if "--user" in extra else auth
        db = _digest(data)
        r = run("export", "--format", "htcds", *extra, flag, path, *who, data=data)
        assert (r.returncode, words in r.stderr) == (code, True), (extra, path, r.stderr)
        assert not out.exists() and not (tmp / "cases.txt").exists()
        if code == 2:
            assert _digest(data) == db  # the store's own file untouched
    wrong = tmp / "wrong"
    wrong.write_text("not the password\n")
    r = run("export", "--format", "htcds", "--out", str(out), "--user", "anna",
            "--password-file", str(wrong), data=data)  # fmt: skip
    assert r.returncode == 3 and not out.exists()
    r = run("export", "--format", "htcds", "--out", str(out), "--user", "anna",
            "--password-file", "-", data=data, stdin=PASSWORD + "\n")  # fmt: skip
    assert r.returncode == 0, r.stderr
