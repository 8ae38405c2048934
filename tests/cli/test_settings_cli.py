"""The administration's settings have a way in on the command line as in the
window (Administration → Settings and Contacts): the idle time, the retention
time and deleting the closed cases past it, and the local contacts the danger
stop and the referral name. Workers may read, not change (exit 4)."""

from __future__ import annotations

import time
from pathlib import Path

from tests.cli.test_followup_cli import cli
from tests.conftest import open_store

from idcheck.store import CaseDetails

ROOT = Path(__file__).resolve().parents[2]
YEAR = 365.25 * 86400


def setting(data: Path, key: str) -> str:
    store = open_store(data)
    try:
        return store.get_setting(key)
    finally:
        store.lock()


def test_site_show_says_the_idle_time_and_the_retention_time(data_dir, pw, capsys):
    assert cli(data_dir, pw, "site", "show") == 0
    out = capsys.readouterr().out
    assert "lock after: 5 min" in out
    assert "keep closed cases: every case (no retention time)" in out


def test_the_idle_time_and_the_retention_time_are_set(data_dir, pw, ben_pw, capsys):
    args = ("site", "set", "--idle-minutes", "15", "--retention-years", "7")
    assert cli(data_dir, pw, *args) == 0
    out = capsys.readouterr().out
    assert "lock after: 15 min" in out and "keep closed cases: 7 years" in out
    assert (setting(data_dir, "idle_minutes"), setting(data_dir, "retention_years")) == ("15", "7")
    # The window's range (1 to 60 minutes, 0 to 99 years) holds here too.
    for bad, field in ((("--idle-minutes", "0"), "idle"), (("--retention-years", "-1"), "reten")):
        assert cli(data_dir, pw, "site", "set", *bad) == 2
        err = capsys.readouterr().err
        assert err.startswith("idcheck: ") and field in err and len(err.splitlines()) == 1
    assert setting(data_dir, "idle_minutes") == "15"
    # A worker may not change them.
    assert cli(data_dir, ben_pw, "site", "set", "--idle-minutes", "30", user="ben") == 4
    assert setting(data_dir, "idle_minutes") == "15"


def test_retention_deletes_closed_cases_past_it_only_when_confirmed(
    data_dir, pw, ben_pw, capsys, monkeypatch
):
    store = open_store(data_dir)
    try:
        old = store.create_case(CaseDetails(reference="OLD-1"))
        store.close_case(old)
        store.create_case(CaseDetails(reference="OPEN-1"))
    finally:
        store.lock()
    assert cli(data_dir, pw, "db", "retention") == 0
    assert "every case is kept: no retention time is set" in capsys.readouterr().out
    assert cli(data_dir, pw, "site", "set", "--retention-years", "1") == 0
    assert "keep closed cases: 1 year\n" in capsys.readouterr().out
    # A worker is told it is not theirs (exit 4), not asked for --yes first.
    assert cli(data_dir, ben_pw, "db", "retention", user="ben") == 4
    assert "only an administrator may apply retention" in capsys.readouterr().err
    # Asked without --yes, it says what it would do and deletes nothing.
    assert cli(data_dir, pw, "db", "retention") == 2
    assert "--yes" in capsys.readouterr().err
    later = time.time() + 2 * YEAR
    monkeypatch.setattr(time, "time", lambda: later)  # two years on
    assert cli(data_dir, pw, "db", "retention", "--yes") == 0
    assert capsys.readouterr().out == "closed cases deleted: 1 (kept: 1 year)\n"
    store = open_store(data_dir)
    try:
        refs = {c.reference for c in store.list_cases()}
    finally:
        store.lock()
    assert refs == {"OPEN-1"}


def test_contacts_are_listed_and_loaded_from_a_site_directory(
    data_dir, pw, ben_pw, capsys, tmp_path
):
    assert cli(data_dir, pw, "site", "contacts") == 0
    assert capsys.readouterr().out == "no local contacts\n"
    directory = ROOT / "checklists" / "directory.yaml"
    assert cli(data_dir, pw, "site", "contacts", "--load", str(directory)) == 0
    out = capsys.readouterr().out
    assert out.startswith("contacts loaded from directory.yaml: ")
    assert cli(data_dir, ben_pw, "site", "contacts", user="ben") == 0
    listed = capsys.readouterr().out
    assert "police-emergency" in listed and "Politiet - nødnummer (Norway)" in listed
    assert "112" in listed
    assert cli(data_dir, ben_pw, "site", "contacts", "--load", str(directory), user="ben") == 4
    assert "only an administrator may change the contacts" in capsys.readouterr().err
    bad = tmp_path / "contacts.yaml"
    bad.write_text("kind: directory\ncontacts:\n  - role: police\n    name: [\n", encoding="utf-8")
    assert cli(data_dir, pw, "site", "contacts", "--load", str(bad)) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"idcheck: {bad}:") and len(err.strip().splitlines()) == 1
    # Nothing was replaced by the file that failed.
    assert cli(data_dir, pw, "site", "contacts") == 0
    assert "Politiet - nødnummer (Norway)" in capsys.readouterr().out
