"""The store's command line, run as an administrator would: exit codes and messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"


def idcheck(
    *args: str, data_dir: Path, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "idcheck", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
        cwd=ROOT,
    )


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
    r = idcheck(
        "screen",
        "--checklist",
        checklist,
        "--answers",
        str(example),
        "--user",
        "anna",
        "--password-file",
        str(pwfile),
        data_dir=initialised,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("screening 1\nsuggested outcome: ")


def test_screen_reads_the_password_from_stdin(initialised):
    r = idcheck(
        "screen",
        "--checklist",
        "intake-screen@1.1.0",
        "--answers",
        str(ROOT / "examples" / "intake-screen.yaml"),
        "--user",
        "anna",
        "--password-file",
        "-",
        data_dir=initialised,
        stdin=PASSWORD + "\n",
    )
    assert r.returncode == 0, r.stderr
    assert "suggested outcome: full-screening (rules fired: signs-recorded)" in r.stdout


def test_screen_reports_immediate_danger(initialised, pwfile, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text('case: {reference: D-1}\nanswers:\n  danger-harm: "yes"\n')
    r = idcheck(
        "screen",
        "--checklist",
        "intake-screen",
        "--answers",
        str(answers),
        "--user",
        "anna",
        "--password-file",
        str(pwfile),
        data_dir=initialised,
    )
    assert r.returncode == 0, r.stderr
    assert "IMMEDIATE DANGER (danger-harm)" in r.stderr
    assert "suggested outcome: immediate-protection" in r.stdout


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ('case: {reference: X}\nanswers:\n  nope: "yes"\n', "has no item 'nope'"),
        (
            'case: {reference: X}\nanswers:\n  debt: "maybe"\n',
            "debt: expected one of yes, no, unsure",
        ),
        ("case: {reference: X}\nanswers: [1, 2]\n", "expected a mapping 'answers"),
        (
            'case: {reference: X}\nanswers: {debt: {answer: "yes", colour: red}}\n',
            "unknown key(s) colour",
        ),
        ("answers: {debt: yes\n", "not valid YAML"),
        (
            "checklist: child-trafficking-full@1.0.0\ncase: {reference: X}\nanswers: {}\n",
            "a.yaml:1:12: this answers file is for child-trafficking-full@1.0.0, not intake-screen",
        ),
    ],
)
def test_screen_bad_answers_file(initialised, pwfile, tmp_path, content, says):
    answers = tmp_path / "a.yaml"
    answers.write_text(content)
    r = idcheck(
        "screen",
        "--checklist",
        "intake-screen",
        "--answers",
        str(answers),
        "--user",
        "anna",
        "--password-file",
        str(pwfile),
        data_dir=initialised,
    )
    assert r.returncode == 2, r.stdout + r.stderr
    assert says in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_wrong_password_and_foreign_store_exit_3(initialised, tmp_path, pwfile):
    bad = tmp_path / "bad"
    bad.write_text("not the password\n")
    r = idcheck("db", "verify", "--user", "anna", "--password-file", str(bad), data_dir=initialised)
    assert (r.returncode, r.stderr.strip()) == (3, "idcheck: wrong user name or password")
    (initialised / "idcheck.db").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 8192)
    r = idcheck(
        "db", "verify", "--user", "anna", "--password-file", str(pwfile), data_dir=initialised
    )
    assert r.returncode == 3 and "JPEG" in r.stderr


def test_verify_backup_restore(initialised, pwfile, tmp_path):
    ex = ROOT / "examples" / "intake-screen.yaml"
    common = ("--user", "anna", "--password-file", str(pwfile))
    assert (
        idcheck(
            "screen",
            "--checklist",
            "intake-screen",
            "--answers",
            str(ex),
            *common,
            data_dir=initialised,
        ).returncode
        == 0
    )
    r = idcheck("db", "verify", *common, data_dir=initialised)
    assert r.returncode == 0 and "audit chain: ok" in r.stdout
    head = r.stdout.split("head ")[1].split()[0]
    backup = tmp_path / "copy.idcheck"
    assert idcheck("db", "backup", str(backup), *common, data_dir=initialised).returncode == 0
    assert idcheck("db", "verify", "--anchor", head, *common, data_dir=initialised).returncode == 0
    assert (
        idcheck(
            "db", "verify", "--anchor", "9999:abcdef01", *common, data_dir=initialised
        ).returncode
        == 1
    )
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
    r = idcheck(
        "user", "add", "ben", "--new-password-file", str(newpw), *common, data_dir=initialised
    )
    assert r.returncode == 0 and "added ben (worker)" in r.stdout
    r = idcheck(
        "user",
        "add",
        "carl",
        "--new-password-file",
        str(newpw),
        "--user",
        "ben",
        "--password-file",
        str(newpw),
        data_dir=initialised,
    )
    assert r.returncode == 4 and "only an administrator" in r.stderr  # not allowed
    assert idcheck("user", "disable", "ben", *common, data_dir=initialised).returncode == 0
    r = idcheck(
        "db", "verify", "--user", "ben", "--password-file", str(newpw), data_dir=initialised
    )
    assert r.returncode == 3


def test_a_bad_answers_file_names_each_place_and_saves_nothing(initialised, pwfile, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "case:\n"
        "  reference: P-1\n"
        "  claimed_age: fifteen\n"
        "  hair: brown\n"
        "answers:\n"
        '  danger-harm: "no"\n'
        "  debt: maybe\n"
        '  documents-held: {answer: "yes", source: rumour}\n'
        "complete: true\n"
    )
    r = idcheck(
        "screen",
        "--checklist",
        "intake-screen",
        "--answers",
        str(answers),
        "--user",
        "anna",
        "--password-file",
        str(pwfile),
        data_dir=initialised,
    )
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert lines == [
        f"idcheck: {answers}:3:16: expected a whole number of years",
        f"idcheck: {answers}:4:9: unknown case detail 'hair' (expected reference, given_name, "
        "family_name, claimed_age, claimed_dob, assessed_age, age_disputed, gender, nationality, "
        "languages, identified_by, adults, notes)",
        f"idcheck: {answers}:7:9: debt: expected one of yes, no, unsure, not-asked or declined",
        f"idcheck: {answers}:8:43: answer to documents-held: source must be one of "
        "observed, child-said, other-said, document",
        f"idcheck: {answers}:9:11: a screening is completed with the professional's decision: "
        "add decision: {outcome: ID, reasons: TEXT}",
    ]
    # Nothing was written: the next screening is the first.
    r = idcheck(
        "screen",
        "--checklist",
        "intake-screen",
        "--answers",
        str(ROOT / "examples" / "intake-screen.yaml"),
        "--user",
        "anna",
        "--password-file",
        str(pwfile),
        data_dir=initialised,
    )
    assert r.returncode == 0 and r.stdout.startswith("screening 1\n")
    assert r.stdout.rstrip().endswith("completed")


def test_every_case_detail_the_message_names_is_recorded(initialised, pwfile, tmp_path):
    """A guessed key (date_of_birth) is refused with the keys there are; each of
    them, written as the message says, is taken and recorded."""
    answers = tmp_path / "a.yaml"
    answers.write_text(
        'case:\n  reference: P-2\n  date_of_birth: 2012-03-05\nanswers:\n  danger-harm: "no"\n'
    )
    auth = ("--user", "anna", "--password-file", str(pwfile))
    r = idcheck(
        "screen",
        "--checklist",
        "intake-screen",
        "--answers",
        str(answers),
        *auth,
        data_dir=initialised,
    )
    assert r.returncode == 2
    named = r.stderr.split("(expected ")[1].rstrip(")\n").split(", ")
    assert "claimed_dob" in named
    answers.write_text(
        "case:\n  reference: P-2\n  given_name: Ali\n  family_name: Haddad\n"
        "  claimed_age: 14\n  claimed_dob: 2012-03-05\n  assessed_age: 16\n"
        "  age_disputed: true\n  gender: male\n  nationality: Syria\n"
        "  languages: Arabic, English\n  identified_by: police\n"
        "  adults: [{description: man about 40, stated_relation: uncle}]\n"
        '  notes: "Arrived by bus.\\nCarried a small bag."\n'
        'answers:\n  danger-harm: "no"\n'
    )
    r = idcheck(
        "screen",
        "--checklist",
        "intake-screen",
        "--answers",
        str(answers),
        *auth,
        data_dir=initialised,
    )
    assert r.returncode == 0, r.stderr
    from idcheck.store import Store

    s = Store.open(initialised, "anna", PASSWORD)
    try:
        (row,) = [c for c in s.list_cases() if c.reference == "P-2"]
        d = s.get_case(row.id, audit=False).details
    finally:
        s.lock()
    got = {k: getattr(d, k) for k in named if k not in ("reference", "adults")}
    assert got == {
        "given_name": "Ali",
        "family_name": "Haddad",
        "claimed_age": 14,
        "claimed_dob": "2012-03-05",
        "assessed_age": 16,
        "age_disputed": True,
        "gender": "male",
        "nationality": "Syria",
        "languages": "Arabic, English",
        "identified_by": "police",
        "notes": "Arrived by bus.\nCarried a small bag.",
    }
    assert [(a.description, a.stated_relation) for a in d.adults] == [("man about 40", "uncle")]


def test_dates_and_case_from_the_command_line(initialised, pwfile, tmp_path):
    answers = tmp_path / "a.yaml"
    answers.write_text("case: {claimed_dob: 2011-05-04}\nanswers:\n  claimed-age: 14\n")
    r = idcheck(
        "screen",
        "--checklist",
        "intake-screen@1.1.0",
        "--answers",
        str(answers),
        "--case",
        "CLI-7",
        "--user",
        "anna",
        "--password-file",
        str(pwfile),
        data_dir=initialised,
    )
    assert r.returncode == 0, r.stderr
    import os

    from idcheck.store import Store

    s = Store.open(initialised, "anna", PASSWORD)
    try:
        (row,) = s.list_cases()
        assert row.reference == "CLI-7"
        assert s.get_case(row.id).details.claimed_dob == "2011-05-04"
    finally:
        s.lock()
    assert os.environ.get("IDCHECK_DATA_DIR") is None


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--checklist", "no-such-list"), "no installed checklist no-such-list"),
        (("--checklist", "Bad Ref!"), "no installed checklist Bad Ref!"),
        (("--checklist", "intake-screen@9.9.9"), "no installed checklist intake-screen@9.9.9"),
    ],
)
def test_screen_unknown_checklist(initialised, pwfile, args, says):
    r = idcheck(
        "screen",
        *args,
        "--answers",
        str(ROOT / "examples" / "intake-screen.yaml"),
        "--user",
        "anna",
        "--password-file",
        str(pwfile),
        data_dir=initialised,
    )
    assert r.returncode == 2 and says in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_screen_missing_answers_file(initialised, pwfile, tmp_path):
    r = idcheck(
        "screen",
        "--checklist",
        "intake-screen",
        "--answers",
        str(tmp_path / "nope.yaml"),
        "--user",
        "anna",
        "--password-file",
        str(pwfile),
        data_dir=initialised,
    )
    assert r.returncode == 2 and "nope.yaml:1:1: cannot read: No such file" in r.stderr


def test_no_store_yet_and_passwords_never_on_the_command_line(tmp_path, pwfile):
    r = idcheck(
        "db", "verify", "--user", "anna", "--password-file", str(pwfile), data_dir=tmp_path / "none"
    )
    assert r.returncode == 3 and "there is no idcheck store" in r.stderr
    r = idcheck("db", "verify", "--user", "anna", "--password", PASSWORD, data_dir=tmp_path)
    assert r.returncode == 2 and "unrecognized arguments: --password" in r.stderr


def test_verify_names_the_first_altered_row(initialised, pwfile):
    from idcheck.store import Store

    s = Store.open(initialised, "anna", PASSWORD)
    with s.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_no_update")  # as someone with the key could
        conn.exec_driver_sql("UPDATE audit SET user_id = 7 WHERE seq = 2")
    s.lock()
    r = idcheck(
        "db", "verify", "--user", "anna", "--password-file", str(pwfile), data_dir=initialised
    )
    assert r.returncode == 1
    assert "audit chain: broken at row 2: its content or hash was altered" in r.stdout


def test_own_password_change(initialised, pwfile, tmp_path):
    newpw = tmp_path / "newpw"
    newpw.write_text("a brand new password\n")
    r = idcheck(
        "user",
        "passwd",
        "--new-password-file",
        str(newpw),
        "--user",
        "anna",
        "--password-file",
        str(pwfile),
        data_dir=initialised,
    )
    assert r.returncode == 0 and "password changed" in r.stdout
    r = idcheck(
        "db", "verify", "--user", "anna", "--password-file", str(newpw), data_dir=initialised
    )
    assert r.returncode == 0, r.stderr


def test_store_in_use_exits_3(initialised, pwfile):
    from idcheck.store import Store

    s = Store.open(initialised, "anna", PASSWORD)
    try:
        r = idcheck(
            "db", "verify", "--user", "anna", "--password-file", str(pwfile), data_dir=initialised
        )
    finally:
        s.lock()
    assert r.returncode == 3 and "in another idcheck window or command" in r.stderr
