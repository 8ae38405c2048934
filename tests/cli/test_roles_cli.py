"""Roles hold in the core, whichever shell calls it: on the command line a worker
is refused every administrator's command with one line and exit code 4, and
nothing changes. The recovery key on the command line (``idcheck user recover``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from idcheck.store import CaseDetails, Store

ROOT = Path(__file__).resolve().parents[2]
ADMIN_PW = "correct horse battery"
WORKER_PW = "worker password 1"
EXIT_DENIED = 4


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


def secret(tmp_path: Path, name: str, text: str) -> str:
    p = tmp_path / name
    p.write_text(text + "\n")
    return str(p)


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, str]:
    """A store with anna (administrator), ben (worker), one case, and a backup."""
    d = tmp_path / "data"
    r = idcheck(
        "init", "--user", "anna", "--password-file", secret(tmp_path, "a", ADMIN_PW), data_dir=d
    )
    assert r.returncode == 0, r.stderr
    recovery = r.stdout.splitlines()[-1].strip()
    r = idcheck(
        "user",
        "add",
        "ben",
        "--user",
        "anna",
        "--password-file",
        str(tmp_path / "a"),
        "--new-password-file",
        secret(tmp_path, "b", WORKER_PW),
        data_dir=d,
    )
    assert r.returncode == 0, r.stderr
    return d, recovery


def _state(d: Path) -> tuple:
    s = Store.open(d, "anna", ADMIN_PW)
    try:
        users = tuple((u.username, u.role, u.disabled) for u in s.list_users())
        return users, s.site_profile(), s.count_cases()
    finally:
        s.lock()


WORKER_REFUSED = [
    (["db", "backup", "{tmp}/copy.idcheck"], "back up"),
    (["user", "add", "carl", "--new-password-file", "{tmp}/b"], "add users"),
    (["user", "passwd", "anna", "--new-password-file", "{tmp}/b"], "reset passwords"),
    (["user", "disable", "anna"], "disable users"),
    (["user", "new-recovery-key"], "replace the recovery key"),
    (["site", "set", "--name", "Somewhere else"], "site profile"),
    (["stats", "--from", "2020-01-01", "--to", "2030-01-01"], "statistics"),
]


@pytest.mark.parametrize(
    "command, what", WORKER_REFUSED, ids=[c[0][0] + "-" + c[0][1] for c in WORKER_REFUSED]
)
def test_a_worker_is_refused_administrators_commands(site, tmp_path, command, what):
    d, _ = site
    before = _state(d)
    args = [a.format(tmp=tmp_path) for a in command]
    r = idcheck(*args, "--user", "ben", "--password-file", str(tmp_path / "b"), data_dir=d)
    assert r.returncode == EXIT_DENIED, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "only an administrator may" in lines[0] and what in lines[0]
    assert _state(d) == before
    assert not (tmp_path / "copy.idcheck").exists()


def test_a_worker_cannot_restore_an_old_backup_over_newer_cases(site, tmp_path):
    d, _ = site
    backup = tmp_path / "old.idcheck"
    r = idcheck(
        "db",
        "backup",
        str(backup),
        "--user",
        "anna",
        "--password-file",
        str(tmp_path / "a"),
        data_dir=d,
    )
    assert r.returncode == 0, r.stderr
    s = Store.open(d, "ben", WORKER_PW)
    s.create_case(CaseDetails(reference="NEWER"))
    s.lock()
    r = idcheck(
        "db",
        "restore",
        str(backup),
        "--user",
        "ben",
        "--password-file",
        str(tmp_path / "b"),
        data_dir=d,
    )
    assert r.returncode == EXIT_DENIED, r.stderr
    assert "only an administrator may restore" in r.stderr
    assert _state(d)[2] == 1  # the newer case is still there
    assert not list(d.glob("*.replaced"))


def test_recover_a_forgotten_password_on_the_command_line(site, tmp_path):
    d, recovery = site
    r = idcheck(
        "user",
        "recover",
        "ben",
        "--recovery-key-file",
        secret(tmp_path, "k", recovery),
        "--new-password-file",
        secret(tmp_path, "n", "ben's new password"),
        data_dir=d,
    )
    assert r.returncode == 0, r.stderr
    assert "set a new password for ben" in r.stdout
    fresh = r.stdout.splitlines()[-1].strip()
    assert len(fresh.split("-")) == 8 and fresh != recovery
    ok = idcheck(
        "db", "verify", "--user", "ben", "--password-file", str(tmp_path / "n"), data_dir=d
    )
    assert ok.returncode == 0, ok.stderr
    old = idcheck(
        "db", "verify", "--user", "ben", "--password-file", str(tmp_path / "b"), data_dir=d
    )
    assert old.returncode == 3
    # The old recovery key opens nothing now; the new one does.
    again = idcheck(
        "user",
        "recover",
        "anna",
        "--recovery-key-file",
        str(tmp_path / "k"),
        "--new-password-file",
        str(tmp_path / "n"),
        data_dir=d,
    )
    assert again.returncode == 3 and "does not open" in again.stderr
    fresh_file = secret(tmp_path, "f", fresh)
    r = idcheck(
        "user",
        "recover",
        "anna",
        "--recovery-key-file",
        fresh_file,
        "--new-password-file",
        str(tmp_path / "n"),
        data_dir=d,
    )
    assert r.returncode == 0, r.stderr


def test_an_administrator_replaces_the_recovery_key(site, tmp_path):
    d, recovery = site
    r = idcheck(
        "user",
        "new-recovery-key",
        "--user",
        "anna",
        "--password-file",
        str(tmp_path / "a"),
        data_dir=d,
    )
    assert r.returncode == 0, r.stderr
    fresh = r.stdout.splitlines()[-1].strip()
    assert len(fresh.split("-")) == 8 and fresh != recovery
    pw = secret(tmp_path, "n", "a new long password")
    old = idcheck(
        "user",
        "recover",
        "ben",
        "--recovery-key-file",
        secret(tmp_path, "k", recovery),
        "--new-password-file",
        pw,
        data_dir=d,
    )
    assert old.returncode == 3 and "does not open" in old.stderr
    new = idcheck(
        "user",
        "recover",
        "ben",
        "--recovery-key-file",
        secret(tmp_path, "f", fresh),
        "--new-password-file",
        pw,
        data_dir=d,
    )
    assert new.returncode == 0, new.stderr


def test_recover_refuses_bad_keys_and_disabled_users_with_one_line(site, tmp_path):
    d, recovery = site
    pw = secret(tmp_path, "n", "ben's new password")
    cases = [
        (secret(tmp_path, "w", "AAAA-" * 7 + "AAAA"), "ben", 3, "does not open"),
        (secret(tmp_path, "x", "not a key at all"), "ben", 3, "not a recovery key"),
        (secret(tmp_path, "k", recovery), "nobody", 2, "no user named"),
    ]
    for keyfile, name, code, says in cases:
        r = idcheck(
            "user",
            "recover",
            name,
            "--recovery-key-file",
            keyfile,
            "--new-password-file",
            pw,
            data_dir=d,
        )
        assert r.returncode == code and says in r.stderr, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    short = idcheck(
        "user",
        "recover",
        "ben",
        "--recovery-key-file",
        str(tmp_path / "k"),
        "--new-password-file",
        secret(tmp_path, "s", "short"),
        data_dir=d,
    )
    assert short.returncode == 2 and "at least 10" in short.stderr
    r = idcheck(
        "user",
        "disable",
        "ben",
        "--user",
        "anna",
        "--password-file",
        str(tmp_path / "a"),
        data_dir=d,
    )
    assert r.returncode == 0, r.stderr
    r = idcheck(
        "user",
        "recover",
        "ben",
        "--recovery-key-file",
        str(tmp_path / "k"),
        "--new-password-file",
        pw,
        data_dir=d,
    )
    assert r.returncode == 3 and "disabled" in r.stderr
    # The refused tries changed nothing: the recovery key still works for anna.
    r = idcheck(
        "user",
        "recover",
        "anna",
        "--recovery-key-file",
        str(tmp_path / "k"),
        "--new-password-file",
        pw,
        data_dir=d,
    )
    assert r.returncode == 0, r.stderr


def test_wrong_recovery_keys_wait_across_separate_runs(site, tmp_path):
    """Each command is a new process: the count of wrong keys is kept on disk, and
    the third wrong key in three runs brings the first wait, as for passwords."""
    d, _recovery = site
    wrong = secret(tmp_path, "w", "AAAA-" * 7 + "AAAA")
    pw = secret(tmp_path, "n", "ben's new password")
    said = []
    for _ in range(3):
        r = idcheck(
            "user",
            "recover",
            "ben",
            "--recovery-key-file",
            wrong,
            "--new-password-file",
            pw,
            data_dir=d,
        )
        assert r.returncode == 3 and "does not open" in r.stderr
        said.append(r.stderr.strip())
    assert "wait" not in said[1] and said[2].endswith("wait 2 s before the next try")
