"""`idcheck stats` and `idcheck letter`: exit codes, outputs, every export audited."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"


def run(*args: str, data: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "idcheck", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
        input=stdin,
    )


@pytest.fixture(scope="module")
def screened(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cli-stats")
    pw = tmp / "pw"
    pw.write_text(PASSWORD + "\n")
    (tmp / "pw-ben").write_text("worker password 1\n")
    data = tmp / "d"
    auth = ("--user", "anna", "--password-file", str(pw))
    assert run("init", "--user", "anna", "--password-file", str(pw), data=data).returncode == 0
    r = run("user", "add", "ben", "--new-password-file", str(tmp / "pw-ben"), *auth, data=data)
    assert r.returncode == 0, r.stderr
    r = run(
        "screen",
        "--checklist",
        "child-trafficking-full",
        "--answers",
        str(ROOT / "examples" / "child-trafficking-full.yaml"),
        *auth,
        data=data,
    )
    assert r.returncode == 0, r.stderr
    return tmp, data, auth


def actions(data: Path) -> list[str]:
    from idcheck.store import Store

    s = Store.open(data, "anna", PASSWORD)
    try:
        with s.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT action FROM audit").all()
    finally:
        s.lock()
    # Looking opens the store: leave out the unlock and lock rows that adds.
    return [a for (a,) in rows if a not in ("unlock", "lock")]


def test_stats_csv_json_pdf_written_and_audited(screened):
    tmp, data, auth = screened
    today = dt.date.today().isoformat()
    span = ("--from", "2026-01-01", "--to", max(today, "2026-12-31"))
    before = actions(data)
    r = run("stats", *span, *auth, data=data)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("# idcheck anonymised statistics")
    assert any(
        line.startswith("total,completed screenings,") and line.endswith(",<5") for line in lines
    )
    assert "EXAMPLE-FULL-001" not in r.stdout
    out, pdf = tmp / "s.json", tmp / "s.pdf"
    r = run(
        "stats", *span, "--format", "json", "--out", str(out), "--pdf", str(pdf), *auth, data=data
    )
    assert r.returncode == 0, r.stderr
    assert "audit head" in r.stdout
    doc = json.loads(out.read_text())
    assert doc["total"]["all"] == "<5"
    assert doc["tables"]["outcome"]["counts"]["immediate-protection"]["all"] == "<5"
    text = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "Anonymised statistics" in text and "EXAMPLE-FULL-001" not in text
    r = run("stats", *span, "--checklist", "intake-screen", *auth, data=data)
    assert r.returncode == 0, r.stderr
    assert "made with the checklist intake-screen" in r.stdout
    assert any(
        line.startswith("total,completed screenings,") and line.endswith(",0")
        for line in r.stdout.splitlines()
    )
    new = actions(data)[len(before) :]
    assert new.count("stats-exported-csv") == 2 and new.count("stats-exported-json") == 1
    assert new.count("stats-exported-pdf") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2026-01-32", "--to", "2026-02-01"), "--from: '2026-01-32' is not a date"),
        (("--from", "2026-03-01", "--to", "yesterday"), "--to: 'yesterday' is not a date"),
        (("--from", "2026-03-01", "--to", "2026-02-01"), "--to 2026-02-01 is before --from"),
        (
            ("--from", "2026-01-01", "--to", "2026-02-01", "--out", "/nonexistent/x.csv"),
            "does not exist",
        ),
        (
            ("--from", "2026-01-01", "--to", "2026-02-01", "--checklist", "Name Smith"),
            "--checklist: 'Name Smith' is not a checklist id",
        ),
    ],
)
def test_stats_bad_input_is_one_line_and_exit_2(screened, args, message):
    _tmp, data, auth = screened
    before = actions(data)
    r = run("stats", *args, *auth, data=data)
    assert r.returncode == 2
    assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert actions(data) == before  # nothing exported


def test_stats_are_refused_to_a_worker_and_a_wrong_password(screened):
    tmp, data, _ = screened
    r = run(
        "stats",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--user",
        "ben",
        "--password-file",
        str(tmp / "pw-ben"),
        data=data,
    )
    assert r.returncode == 4 and "only an administrator" in r.stderr  # not allowed
    r = run(
        "stats",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--user",
        "anna",
        "--password-file",
        "-",
        data=data,
        stdin="wrong password here\n",
    )
    assert r.returncode == 3


def test_letter_list_and_confirmed_facts(screened):
    tmp, data, auth = screened
    r = run("letter", "1", "--list", *auth, data=data)
    assert r.returncode == 0, r.stderr
    ids = [line.split("\t")[0] for line in r.stdout.splitlines()]
    assert "age" in ids and "decision" in ids and any(i.startswith("words:") for i in ids)
    assert "I came with many people" not in r.stdout  # the child's words stay off the screen
    words = next(i for i in ids if i.startswith("words:"))
    out = tmp / "letter.pdf"
    before = actions(data)
    r = run(
        "letter",
        "1",
        "--facts",
        f"age,{words}",
        "--out",
        str(out),
        "--for",
        "asylum",
        *auth,
        data=data,
    )
    assert r.returncode == 0, r.stderr
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "For the child's asylum case" in text and "Age the child gives: 14" in text
    assert "The child's own words" in text
    assert "professional's decision" not in text
    assert actions(data)[len(before) :].count("letter-exported") == 1


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("1", "--facts", "age,nonsense", "--out", "L.pdf"), 2, "no fact nonsense"),
        (("1", "--facts", "age"), 2, "give --list, or --facts"),
        (("99", "--list"), 2, "no screening with id 99"),
        (("1", "--facts", "all", "--out", "/nonexistent/L.pdf"), 2, "does not exist"),
    ],
)
def test_letter_bad_input(screened, args, code, message):
    tmp, data, auth = screened
    args = tuple(str(tmp / a) if a == "L.pdf" else a for a in args)
    r = run("letter", *args, *auth, data=data)
    assert r.returncode == code and message in r.stderr, r.stderr
    assert not (tmp / "L.pdf").exists()
