"""`idcheck report`: a PDF for a screening, every export audited."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "idcheck", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_report_is_written_and_audited(tmp_path):
    pw = tmp_path / "pw"
    pw.write_text("correct horse battery\n")
    auth = ("--user", "anna", "--password-file", str(pw))
    data = tmp_path / "d"
    assert run("init", "--user", "anna", "--password-file", str(pw), data=data).returncode == 0
    assert (
        run(
            "screen",
            "--checklist",
            "child-trafficking-full",
            "--answers",
            str(ROOT / "examples" / "child-trafficking-full.yaml"),
            *auth,
            data=data,
        ).returncode
        == 0
    )
    out = tmp_path / "referral.pdf"
    r = run("report", "1", "--out", str(out), *auth, data=data)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(b"%PDF")
    # The head it names is the one printed on the pages: a reader compares the two.
    head = r.stdout.split("audit head on its pages ")[1].split(";")[0]
    import io

    from pypdf import PdfReader

    for page in PdfReader(io.BytesIO(out.read_bytes())).pages:
        assert f"audit {head}" in page.extract_text()
    v = run("db", "verify", "--anchor", head, *auth, data=data)
    assert v.returncode == 0, v.stdout
    from idcheck.store import Store

    s = Store.open(data, "anna", "correct horse battery")
    try:
        with s.engine.connect() as conn:
            actions = [a for (a,) in conn.exec_driver_sql("SELECT action FROM audit")]
    finally:
        s.lock()
    assert actions.count("report-exported") == 1
    bad = run("report", "99", "--out", str(tmp_path / "x.pdf"), *auth, data=data)
    assert bad.returncode == 2 and "no screening with id 99" in bad.stderr
