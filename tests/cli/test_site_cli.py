"""``idcheck site show|set`` run as a user would: what it prints, what it
changes, who may change it, the audit row, and the exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from idcheck.store import SiteProfile, Store

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"
WORKER_PASSWORD = "ben's password 1"


def idcheck(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "idcheck", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


@pytest.fixture
def site(tmp_path: Path):
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD + "\n")
    wpw = tmp_path / "wpw"
    wpw.write_text(WORKER_PASSWORD + "\n")
    d = tmp_path / "data"
    assert idcheck("init", "--user", "anna", "--password-file", str(pw), data_dir=d).returncode == 0
    r = idcheck(
        "user",
        "add",
        "ben",
        "--new-password-file",
        str(wpw),
        "--user",
        "anna",
        "--password-file",
        str(pw),
        data_dir=d,
    )
    assert r.returncode == 0, r.stderr
    return (
        d,
        ("--user", "anna", "--password-file", str(pw)),
        ("--user", "ben", "--password-file", str(wpw)),
    )


def _profile(d: Path) -> SiteProfile:
    store = Store.open(d, "anna", PASSWORD)
    try:
        return store.site_profile()
    finally:
        store.lock()


def _site_changes(d: Path) -> int:
    store = Store.open(d, "anna", PASSWORD)
    try:
        with store.engine.connect() as conn:
            return int(
                conn.exec_driver_sql(
                    "SELECT count(*) FROM audit WHERE action = 'site-changed'"
                ).scalar()
            )
    finally:
        store.lock()


def test_a_new_site_says_it_is_not_set_up(site):
    d, admin, _ = site
    r = idcheck("site", "show", *admin, data_dir=d)
    assert r.returncode == 0, r.stderr
    assert "name: (not set)" in r.stdout
    assert "the site is not set up" in r.stdout
    assert "idcheck site set --name N --jurisdiction CODE" in r.stdout


def test_an_administrator_sets_the_site_and_a_worker_sees_it(site):
    d, admin, worker = site
    r = idcheck(
        "site",
        "set",
        "--name",
        "Mottak Nord",
        "--jurisdiction",
        "no",
        "--phone",
        "+47 22 00 00 00",
        "--address",
        "Storgata 1\n0155 Oslo",
        "--print-language",
        "nb",
        *admin,
        data_dir=d,
    )
    assert r.returncode == 0, r.stderr
    assert _profile(d) == SiteProfile(
        "Mottak Nord", "NO", "+47 22 00 00 00", "Storgata 1\n0155 Oslo", "nb"
    )
    assert _site_changes(d) == 1
    r = idcheck("site", "show", *worker, data_dir=d)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [
        "name: Mottak Nord",
        "jurisdiction: NO (Norway)",
        "phone: +47 22 00 00 00",
        "address: Storgata 1",
        "         0155 Oslo",
        "print language: nb (Norsk bokmål)",
        "routes: routes-no (every installed routes file of NO)",
        "lock after: 5 min",
        "keep closed cases: every case (no retention time)",
    ]


def test_fields_not_given_stay_and_routes_can_be_chosen_and_reset(site):
    d, admin, _ = site
    assert (
        idcheck(
            "site", "set", "--name", "Centre", "--jurisdiction", "GB-SCT", *admin, data_dir=d
        ).returncode
        == 0
    )
    r = idcheck("site", "set", "--routes", "routes-gb,routes-no", *admin, data_dir=d)
    assert r.returncode == 0, r.stderr
    assert "routes: routes-gb, routes-no" in r.stdout
    got = _profile(d)
    assert (got.name, got.jurisdiction, got.route_ids) == (
        "Centre",
        "GB-SCT",
        ("routes-gb", "routes-no"),
    )
    r = idcheck("site", "set", "--routes", "", *admin, data_dir=d)
    assert r.returncode == 0, r.stderr
    assert "routes: routes-gb (every installed routes file of GB)" in r.stdout
    assert _profile(d).route_ids == ()


def test_a_worker_cannot_set_the_site(site):
    d, _, worker = site
    r = idcheck("site", "set", "--name", "Elsewhere", *worker, data_dir=d)
    assert r.returncode == 4
    assert "only an administrator" in r.stderr
    assert _profile(d).name == ""
    assert _site_changes(d) == 0


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--jurisdiction", "SE"), "unknown jurisdiction 'SE'; one of: NO (Norway), GB-EAW"),
        (("--print-language", "xx"), "unknown print language 'xx'"),
        (("--name", "A\x1bB"), "the site's name has a control character"),
        (("--routes", "routes-xx"), "no installed routes file 'routes-xx'"),
        (("--phone", "soon"), "the site's phone 'soon' is not a phone number"),
        ((), "nothing to change"),
    ],
)
def test_bad_values_exit_2_with_one_line_and_change_nothing(site, args, says):
    d, admin, _ = site
    assert (
        idcheck(
            "site", "set", "--name", "Mottak Nord", "--jurisdiction", "NO", *admin, data_dir=d
        ).returncode
        == 0
    )
    r = idcheck("site", "set", *args, *admin, data_dir=d)
    assert r.returncode == 2
    assert says in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert _profile(d) == SiteProfile("Mottak Nord", "NO")
    assert _site_changes(d) == 1


def test_a_wrong_password_exits_3(site, tmp_path):
    d, _, _ = site
    bad = tmp_path / "bad"
    bad.write_text("not the password\n")
    r = idcheck("site", "show", "--user", "anna", "--password-file", str(bad), data_dir=d)
    assert r.returncode == 3
