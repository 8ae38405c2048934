"""Two sites, each a real encrypted store with its own keys, each in the
other's directory: ``Mottak Nord`` (anna, administrator; ben, worker) and
``Mottak Sør`` (bo, administrator). Made once per session and copied per test;
a case with screenings, answers in full context, a completed screening with
its decision and an amendment is recorded in Nord."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.conftest import PASSWORD, Template, make_template, new_store, open_store

from idcheck.checklist import Answer, Checklist, find, load_checklist_bytes
from idcheck.store import AnswerContext, CaseDetails, Decision, SiteProfile, Store

ROOT = Path(__file__).resolve().parents[2]
CANARY_NAME = "Zqxcanaryname"
CANARY_WORDS = "Qwvcanarywords: I must pay back the trip first"
CANARY_NOTE = "Kjcanarynote looked at the man before answering"


@dataclass
class Intake:
    checklist: Checklist
    text: bytes
    sha256: str


@pytest.fixture(scope="session")
def intake() -> Intake:
    text = find("intake-screen").path.read_bytes()
    return Intake(load_checklist_bytes(text), text, hashlib.sha256(text).hexdigest())


@dataclass
class Sites:
    nord: Template
    sor: Template


def _site(store: Store, name: str) -> None:
    store.set_site_profile(SiteProfile(name=name, jurisdiction="NO"))


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory, intake: Intake) -> Sites:
    base = tmp_path_factory.mktemp("sites")
    sor_store, sor_recovery = new_store(base / "sor", "bo")
    _site(sor_store, "Mottak Sør")
    sor_keys = sor_store.sharing_keys()

    def build(store: Store) -> int:
        _site(store, "Mottak Nord")
        store.add_recipient("Mottak Sør", sor_keys)
        return record_case(store, intake)

    nord = make_template(base / "nord", build)
    nord_store = open_store(nord.path)
    nord_keys = nord_store.sharing_keys()
    nord_store.lock()
    sor_store.add_recipient("Mottak Nord", nord_keys)
    sor_store.lock()
    (base / "sor" / "idcheck.lock").unlink()
    return Sites(nord, Template(base / "sor", sor_recovery))


def record_case(store: Store, intake: Intake, reference: str = "2026-041") -> int:
    """A case with a completed screening (decision, full context) and its
    amendment, a draft with one more answer. Returns the case id."""
    cl = intake.checklist
    cid = store.create_case(
        CaseDetails(
            reference=reference,
            given_name=CANARY_NAME,
            claimed_age=15,
            nationality="Eritrea",
            languages="Tigrinya",
            identified_by="child-welfare",
            notes=CANARY_NOTE,
        )
    )
    sid = store.start_screening(cid, cl, intake.text, intake.sha256)
    store.record_answer(
        sid, "danger-harm", Answer(value="no"), AnswerContext(source="observed", language="en")
    )
    store.record_answer(
        sid,
        "claimed-age",
        Answer(value=15),
        AnswerContext(
            source="child-said",
            child_words=CANARY_WORDS,
            worker_note=CANARY_NOTE,
            language="ti",
            interpreter_present=True,
            interpreter="Phone 4411",
            read_back=True,
        ),
    )
    outcome = cl.outcomes[0].id
    store.record_decision(sid, Decision(outcome, (), outcome, ""))
    store.complete_screening(sid)
    amendment = store.amend_screening(sid)
    store.record_answer(
        amendment,
        "danger-missing",
        Answer(value="unsure"),
        AnswerContext(source="other-said", worker_note="from the guardian"),
    )
    return cid


@dataclass
class Pair:
    nord_dir: Path
    sor_dir: Path
    tmp: Path

    def nord(self) -> Store:
        return open_store(self.nord_dir)

    def sor(self) -> Store:
        return open_store(self.sor_dir, "bo")

    def cli(self, site: str, *args: str) -> subprocess.CompletedProcess[str]:
        """``idcheck`` as a person runs it, as the site's administrator."""
        pw = self.tmp / "pw"
        pw.write_text(PASSWORD + "\n")
        user = "anna" if site == "nord" else "bo"
        data = self.nord_dir if site == "nord" else self.sor_dir
        cmd, *rest = args
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "idcheck",
                "--data-dir",
                str(data),
                cmd,
                *rest,
                "--user",
                user,
                "--password-file",
                str(pw),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
        )


@pytest.fixture
def pair(sites: Sites, tmp_path: Path) -> Pair:
    return Pair(sites.nord.copy(tmp_path / "nord"), sites.sor.copy(tmp_path / "sor"), tmp_path)


def row_counts(store: Store) -> dict[str, int]:
    """Rows in every table but the audit trail (opening and locking add audit rows)."""
    with store.engine.connect() as conn:
        names = [
            n
            for (n,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            n: conn.exec_driver_sql(f"SELECT count(*) FROM {n}").scalar_one()
            for n in names
            if n != "audit"
        }
