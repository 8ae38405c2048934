"""The store's command line, run as an administrator would: exit codes and messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"


def idcheck(*args: str, data_dir: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "idcheck", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, input=stdin, timeout=120, cwd=ROOT)


@pytest.fixture
def pwfile(tmp_path: Path) -> Path:
    p = tmp_path / "pw"
    p.write_text(PASSWORD + "\n")
    return p


@pytest.fixture
def initialised(tmp_path: Path, pwfile: Path) -> Path:
    d = tmp_path / "data"
    r = idcheck("init", "--user", "anna", "--password-file", str(pwfile), data_dir=d)
    assert r.returncode == 0, r.stderr
    return d


def test_init_prints_the_recovery_key_once(tmp_path, pwfile):
    d = tmp_path / "data"
    r = idcheck("init", "--user", "anna", "--password-file", str(pwfile), data_dir=d)
    assert r.returncode == 0
    key = r.stdout.splitlines()[-1].strip()
    assert len(key.split("-")) == 8 and all(len(g) == 4 for g in key.split("-"))
    again = idcheck("init", "--user", "anna", "--password-file", str(pwfile), data_dir=d)
    assert again.returncode == 3 and "already holds an idcheck store" in again.stderr


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.yaml")))
def test_screen_every_example(initialised, pwfile, example):
    checklist = example.stem
    r = idcheck("screen", "--checklist", checklist, "--answers", str(example), "--user", "anna",
                "--password-file", str(pwfile), data_dir=initialised)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("screening 1\nsuggested outcome: ")


def test_screen_reads_the_password_from_stdin(initialised):
    r = idcheck("screen", "--checklist", "intake-screen@1.0.0", "--answers",
                str(ROOT / "examples" / "intake-screen.yaml"), "--user", "anna",
                "--password-file", "-", data_dir=initialised, stdin=PASSWORD + "\n")
    assert r.returncode == 0, r.stderr
    assert "suggested outcome: full-screening (rules fired: signs-recorded)" in r.stdout


def test_screen_reports_immediate_danger(initialised, pwfile, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text('case: {reference: D-1}\nanswers:\n  danger-harm: "yes"\n')
    r = idcheck("screen", "--checklist", "intake-screen", "--answers", str(answers), "--user",
                "anna", "--password-file", str(pwfile), data_dir=initialised)
    assert r.returncode == 0, r.stderr
    assert "IMMEDIATE DANGER (danger-harm)" in r.stderr
    assert "suggested outcome: immediate-protection" in r.stdout


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ('case: {reference: X}\nanswers:\n  nope: "yes"\n', "has no item 'nope'"),
        ('case: {reference: X}\nanswers:\n  debt: "maybe"\n', "debt: expected one of yes, no, unsure"),
        ("answers: [1, 2]\n", "expected a mapping 'answers"),
        ('case: {reference: X}\nanswers: {debt: {answer: "yes", colour: red}}\n', "unknown key(s) colour"),
        ("answers: {debt: yes\n", "not valid YAML"),
    ],
)
def test_screen_bad_answers_file(initialised, pwfile, tmp_path, content, says):
    answers = tmp_path / "a.yaml"
    answers.write_text(content)
    r = idcheck("screen", "--checklist", "intake-screen", "--answers", str(answers), "--user",
                "anna", "--password-file", str(pwfile), data_dir=initialised)
    assert r.returncode == 2, r.stdout + r.stderr
    assert says in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_wrong_password_and_foreign_store_exit_3(initialised, tmp_path, pwfile):
    bad = tmp_path / "bad"
    bad.write_text("not the password\n")
    r = idcheck("db", "verify", "--user", "anna", "--password-file", str(bad), data_dir=initialised)
    assert (r.returncode, r.stderr.strip()) == (3, "idcheck: wrong user name or password")
    (initialised / "idcheck.db").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 8192)
    r = idcheck("db", "verify", "--user", "anna", "--password-file", str(pwfile), data_dir=initialised)
    assert r.returncode == 3 and "JPEG" in r.stderr


def test_verify_backup_restore(initialised, pwfile, tmp_path):
    ex = ROOT / "examples" / "intake-screen.yaml"
    common = ("--user", "anna", "--password-file", str(pwfile))
    assert idcheck("screen", "--checklist", "intake-screen", "--answers", str(ex), *common,
                   data_dir=initialised).returncode == 0
    r = idcheck("db", "verify", *common, data_dir=initialised)
    assert r.returncode == 0 and "audit chain: ok" in r.stdout
    head = r.stdout.split("head ")[1].split()[0]
    backup = tmp_path / "copy.idcheck"
    assert idcheck("db", "backup", str(backup), *common, data_dir=initialised).returncode == 0
    assert idcheck("db", "verify", "--anchor", head, *common, data_dir=initialised).returncode == 0
    assert idcheck("db", "verify", "--anchor", "9999:abcdef01", *common,
                   data_dir=initialised).returncode == 1
    assert idcheck("db", "restore", str(backup), *common, data_dir=initialised).returncode == 0
    # A truncated backup is refused and the live store stays as it was.
    before = (initialised / "idcheck.db").read_bytes()
    cut = tmp_path / "cut.idcheck"
    cut.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    r = idcheck("db", "restore", str(cut), *common, data_dir=initialised)
    assert r.returncode == 3 and "not a readable idcheck backup" in r.stderr
    assert (initialised / "idcheck.db").read_bytes() == before


def test_users(initialised, pwfile, tmp_path):
    newpw = tmp_path / "newpw"
    newpw.write_text("ben's password 1\n")
    common = ("--user", "anna", "--password-file", str(pwfile))
    r = idcheck("user", "add", "ben", "--new-password-file", str(newpw), *common, data_dir=initialised)
    assert r.returncode == 0 and "added ben (worker)" in r.stdout
    r = idcheck("user", "add", "carl", "--new-password-file", str(newpw), "--user", "ben",
                "--password-file", str(newpw), data_dir=initialised)
    assert r.returncode == 1 and "only an administrator" in r.stderr
    assert idcheck("user", "disable", "ben", *common, data_dir=initialised).returncode == 0
    r = idcheck("db", "verify", "--user", "ben", "--password-file", str(newpw), data_dir=initialised)
    assert r.returncode == 3
