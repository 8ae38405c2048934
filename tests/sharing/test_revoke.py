"""``idcheck recipient revoke``: an administrator revokes a site or agency;
nothing is exported to it from then on (by its name or its key), no package it
signs is imported, and it stays listed with when and by whom it was revoked.
Audited, for administrators only; each refusal exits 2 and changes nothing."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import WORKER_PASSWORD
from tests.sharing.conftest import row_counts

from idcheck.sharing import export_cases, resolve_recipient


def test_a_revoked_recipient_is_listed_and_cannot_be_exported_to(pair):
    nord = pair.nord()
    sor_keys = nord.find_recipient("Mottak Sør").keys
    nord.lock()
    r = pair.cli("nord", "recipient", "revoke", "Mottak Sør")
    assert r.returncode == 0, r.stderr
    assert f"revoked Mottak Sør (site), fingerprint {sor_keys.fingerprint}" in r.stdout
    listed = pair.cli("nord", "recipient", "list")
    line = next(x for x in listed.stdout.splitlines() if x.startswith("Mottak Sør\t"))
    # The administrator is named as they sign in (user names are not shouted).
    assert line.split("\t")[-1].startswith("REVOKED on ") and line.endswith(" by anna")
    out = pair.tmp / "to-sor.idcheck"
    for to in ("Mottak Sør", sor_keys.age, sor_keys.fingerprint):
        for pdf in ((), ("--pdf",)):
            e = pair.cli("nord", "export", "2026-041", "--to", to, *pdf, "--out", str(out))
            assert e.returncode == 2, (to, e.stdout, e.stderr)
            assert "was revoked on" in e.stderr and "by anna" in e.stderr, e.stderr
            assert "nothing was written" in e.stderr
            assert not out.exists()
    again = pair.cli("nord", "recipient", "revoke", sor_keys.fingerprint.lower())
    assert again.returncode == 2 and "already; nothing changed" in again.stderr
    # The same card cannot come back in by the back door.
    card = pair.tmp / "sor.card"
    card.write_text(sor_keys.card())
    readd = pair.cli("nord", "recipient", "add", "Sør again", "--card", str(card))
    assert readd.returncode == 2 and "revoked recipient stays listed" in readd.stderr
    nord = pair.nord()
    try:
        with nord.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT content, object_id FROM audit WHERE action = 'recipient-revoked'"
            ).all()
        revoked = nord.find_recipient("Mottak Sør")
        assert [tuple(r) for r in rows] == [(sor_keys.fingerprint, revoked.id)]
        assert nord.find_recipient("Mottak Sør").revoked_by == "anna"
    finally:
        nord.lock()
    assert pair.cli("nord", "db", "verify").returncode == 0


def test_a_worker_cannot_revoke(pair):
    (pair.tmp / "wpw").write_text(WORKER_PASSWORD + "\n")
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "idcheck",
            "--data-dir",
            str(pair.nord_dir),
            "recipient",
            "revoke",
            "Mottak Sør",
            "--user",
            "ben",
            "--password-file",
            str(pair.tmp / "wpw"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 4, r.stderr
    nord = pair.nord()
    try:
        assert not nord.find_recipient("Mottak Sør").revoked
    finally:
        nord.lock()


def test_a_package_signed_by_a_revoked_sender_is_not_imported(pair):
    nord = pair.nord()
    cid = nord.case_id_by_reference("2026-041")
    export_cases(nord, [cid], [resolve_recipient(nord, "Mottak Sør")], pair.tmp / "p.idcheck")
    nord.lock()
    assert pair.cli("sor", "recipient", "revoke", "Mottak Nord").returncode == 0
    sor = pair.sor()
    counts = row_counts(sor)
    sor.lock()
    r = pair.cli("sor", "import", str(pair.tmp / "p.idcheck"))
    assert r.returncode == 2, r.stdout
    assert "from Mottak Nord" in r.stderr and "was revoked on" in r.stderr
    assert "nothing changed" in r.stderr
    sor = pair.sor()
    try:
        assert row_counts(sor) == counts
    finally:
        sor.lock()
