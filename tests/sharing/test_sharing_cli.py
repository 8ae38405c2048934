"""``idcheck keys``, ``recipient``, ``export`` and ``import`` as a person runs
them: the between-laptops transfer of every case changed since the last one,
the referral PDF for an agency opened by the Debian ``age`` tool with its own
``age-keygen`` key, and no child's data in clear in any package or temporary
file."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.sharing.conftest import CANARY_NAME, CANARY_NOTE, CANARY_WORDS

from idcheck.checklist import Answer
from idcheck.store import CaseDetails


def test_keys_show_prints_the_card_and_a_fingerprint_to_read_out(pair):
    r = pair.cli("nord", "keys", "show", "--out", str(pair.tmp / "nord.card"))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "idcheck-public-keys/1" and lines[1] == "name: Mottak Nord"
    assert lines[2].startswith("age: age1") and lines[3].startswith("sign: ed25519:")
    fpr = lines[4].removeprefix("fingerprint: ")
    assert len(fpr) == 19 and fpr.count("-") == 3
    assert f"read this to the other site: {fpr}" in r.stderr
    assert (pair.tmp / "nord.card").read_text() == r.stdout
    # A third site adds Nord from its card, checking the fingerprint read to it.
    third = pair.tmp / "third"
    shutil.copytree(pair.sor_dir, third)
    r2 = subprocess.run(
        [
            *_cli(pair, third),
            "recipient",
            "add",
            "--card",
            str(pair.tmp / "nord.card"),
            "--fingerprint",
            "AAAA-BBBB-CCCC-DDDD",
            "--user",
            "bo",
            "--password-file",
            str(pair.tmp / "pw"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r2.returncode == 2 and "do not add it" in r2.stderr


def _cli(pair, data: Path) -> list[str]:
    import sys

    (pair.tmp / "pw").write_text("correct horse battery\n")
    return [sys.executable, "-m", "idcheck", "--data-dir", str(data)]


def test_between_laptops_every_case_changed_since_the_last_transfer(pair):
    out = pair.tmp / "usb"
    out.mkdir()
    r = pair.cli(
        "nord",
        "export",
        "--all-changed-since-last-transfer",
        "--to",
        "Mottak Sør",
        "--out",
        str(out / "1.idcheck"),
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("1 case(s) written")
    r = pair.cli("sor", "import", str(out / "1.idcheck"))
    assert r.returncode == 0 and "new case: 2026-041" in r.stdout, r.stderr
    # Nothing changed since: nothing is written.
    r = pair.cli(
        "nord",
        "export",
        "--all-changed-since-last-transfer",
        "--to",
        "Mottak Sør",
        "--out",
        str(out / "2.idcheck"),
    )
    assert r.returncode == 0 and "nothing written" in r.stdout
    assert not (out / "2.idcheck").exists()
    # A new case and one more answer at Nord: both go, the untouched one does not.
    nord = pair.nord()
    nord.create_case(CaseDetails(reference="2026-042"))
    amendment = next(
        s
        for s in nord.list_screenings(nord.case_id_by_reference("2026-041"))
        if s.status == "draft"
    )
    nord.record_answer(amendment.id, "age-doubt", Answer(value="no"))
    nord.lock()
    r = pair.cli(
        "nord",
        "export",
        "--all-changed-since-last-transfer",
        "--to",
        "Mottak Sør",
        "--out",
        str(out / "3.idcheck"),
    )
    assert r.stdout.startswith("2 case(s) written"), r.stdout + r.stderr
    r = pair.cli("sor", "import", str(out / "3.idcheck"))
    assert r.returncode == 0, r.stderr
    assert "new case: 2026-042" in r.stdout and "1 answer(s) added" in r.stdout
    # The case list says where each case came from.
    sor = pair.sor()
    origins = {c.reference: c.origin for c in sor.list_cases()}
    sor.lock()
    nord = pair.nord()
    fpr = nord.sharing_keys().fingerprint
    assert {c.origin for c in nord.list_cases()} == {None}
    nord.lock()
    assert origins == {"2026-041": f"Mottak Nord · {fpr}", "2026-042": f"Mottak Nord · {fpr}"}
    assert pair.cli("sor", "db", "verify").returncode == 0
    assert pair.cli("nord", "db", "verify").returncode == 0


def test_the_debian_age_tool_opens_a_referral_sent_to_an_agency(pair):
    age = shutil.which("age")
    keygen = shutil.which("age-keygen")
    assert age and keygen, (
        "install the Debian package 'age' (apt-get install age): this test needs it"
    )
    key = pair.tmp / "agency-key.txt"
    made = subprocess.run([keygen, "-o", str(key)], capture_output=True, text=True, check=True)
    public = made.stderr.strip().rsplit(" ", 1)[-1]
    assert public.startswith("age1")
    r = pair.cli(
        "nord",
        "export",
        "2026-041",
        "--pdf",
        "--to",
        public,
        "--out",
        str(pair.tmp / "referral.pdf.age"),
    )
    assert r.returncode == 0, r.stderr
    sealed = (pair.tmp / "referral.pdf.age").read_bytes()
    assert sealed.startswith(b"age-encryption.org/v1\n") and b"%PDF" not in sealed
    opened = subprocess.run(
        [age, "-d", "-i", str(key), str(pair.tmp / "referral.pdf.age")],
        capture_output=True,
        check=True,
    )
    assert opened.stdout.startswith(b"%PDF")
    (pair.tmp / "opened.pdf").write_bytes(opened.stdout)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pair.tmp / "opened.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "2026-041" in text
    # Another key opens nothing.
    other = pair.tmp / "other-key.txt"
    subprocess.run([keygen, "-o", str(other)], capture_output=True, check=True)
    refused = subprocess.run(
        [age, "-d", "-i", str(other), str(pair.tmp / "referral.pdf.age")], capture_output=True
    )
    assert refused.returncode != 0 and not refused.stdout
    nord = pair.nord()
    rows = [r.action for r in nord.audit_trail("report-exported-encrypted")]
    nord.lock()
    assert rows == ["report-exported-encrypted"]


def test_no_package_and_no_temporary_file_holds_a_childs_data_in_clear(pair, monkeypatch):
    tmp = pair.tmp / "tmpdir"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    out = pair.tmp / "out"
    out.mkdir()
    assert (
        pair.cli(
            "nord", "export", "2026-041", "--to", "Mottak Sør", "--out", str(out / "p.idcheck")
        ).returncode
        == 0
    )
    assert pair.cli("sor", "import", str(out / "p.idcheck")).returncode == 0
    assert (
        pair.cli(
            "sor", "export", "2026-041", "--to", "Mottak Nord", "--out", str(out / "back.idcheck")
        ).returncode
        == 0
    )
    assert pair.cli("nord", "import", str(out / "back.idcheck")).returncode == 0
    canaries = [
        c.encode()
        for c in (CANARY_NAME, CANARY_WORDS, CANARY_NOTE, "Qwvcanary", "Kjcanary", "Zqxcanary")
    ]
    seen = 0
    for folder in (out, tmp, pair.nord_dir, pair.sor_dir, pair.tmp):
        for root, _dirs, files in os.walk(folder):
            for name in files:
                data = (Path(root) / name).read_bytes()
                seen += 1
                for c in canaries:
                    assert c not in data, (name, c)
    assert seen >= 8
    # The canaries are there to be found: the packages carried them, encrypted.
    sor = pair.sor()
    case = sor.get_case(sor.case_id_by_reference("2026-041"), audit=False)
    sor.lock()
    assert case.details.given_name == CANARY_NAME and case.details.notes == CANARY_NOTE


def test_a_worker_cannot_add_a_recipient(pair):
    import sys

    from tests.conftest import WORKER_PASSWORD

    (pair.tmp / "wpw").write_text(WORKER_PASSWORD + "\n")
    import pyrage

    agency = str(pyrage.x25519.Identity.generate().to_public())
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "idcheck",
            "--data-dir",
            str(pair.nord_dir),
            "recipient",
            "add",
            "Politiet",
            "--age-key",
            agency,
            "--user",
            "ben",
            "--password-file",
            str(pair.tmp / "wpw"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 4 and "only an administrator" in r.stderr, r.stderr
    listed = pair.cli("nord", "recipient", "list")
    assert listed.returncode == 0 and "Politiet" not in listed.stdout
    added = pair.cli("nord", "recipient", "add", "Politiet", "--age-key", agency)
    assert added.returncode == 0 and "(agency)" in added.stdout
    assert "Politiet\tagency" in pair.cli("nord", "recipient", "list").stdout


def test_recipient_add_refuses_a_private_key_and_never_repeats_it(pair):
    import pyrage

    secret = str(pyrage.x25519.Identity.generate())
    public = pyrage.x25519.Identity.from_str(secret).to_public()
    key_file = pair.tmp / "key.txt"  # as age-keygen writes it: public and private
    key_file.write_text(f"# created: 2026-12-05\n# public key: {public}\n{secret}\n")
    for how in (("--card", str(key_file)), ("--age-key", secret)):
        r = pair.cli("nord", "recipient", "add", "Politiet", *how)
        assert r.returncode == 2, r.stdout
        assert "holds a private key" in r.stderr and "nothing was kept" in r.stderr
        assert secret not in r.stderr + r.stdout
    listed = pair.cli("nord", "recipient", "list").stdout
    assert "Politiet" not in listed
