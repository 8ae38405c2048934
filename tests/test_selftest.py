"""`idcheck --self-test` checks an installation and fails loudly when one part is broken."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from idcheck import selftest as checks

ROOT = Path(__file__).resolve().parents[1]


def selftest(env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "idcheck", "--self-test"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_self_test_passes_on_this_install():
    r = selftest()
    assert r.returncode == 0, r.stdout + r.stderr
    lines = r.stdout.strip().splitlines()
    assert lines[-1] == "6 of 6 checks passed"
    assert all(line.startswith("ok") for line in lines[:-1])


def test_self_test_fails_when_a_published_checklist_changed(tmp_path):
    copy = tmp_path / "checklists"
    shutil.copytree(ROOT / "checklists", copy)
    target = copy / "intake-screen" / "1.0.0.yaml"
    target.write_text(target.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    r = selftest({"IDCHECK_CHECKLISTS": str(copy)})
    assert r.returncode == 1
    assert (
        "FAIL  checklists: RuntimeError: intake-screen/1.0.0.yaml: changed since it was published"
        in r.stdout
    )
    assert "5 of 6 checks passed" in r.stdout


def test_preview_check_fails_on_a_blank_referral_and_without_one():
    """The preview check looks at what PDFium drew: a blank page fails it."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.showPage()
    c.save()
    with pytest.raises(RuntimeError, match="page 1 of the referral renders blank"):
        dict(checks.CHECKS)["preview"]({"referral": buf.getvalue()})
    with pytest.raises(RuntimeError, match="the store check failed"):
        dict(checks.CHECKS)["preview"]({})


def test_self_test_fails_when_right_to_left_text_cannot_be_shaped(tmp_path):
    """An install without uharfbuzz (a frozen build that left it out) would print a
    child's Arabic words letter by letter, each word backwards: the self-test says so."""
    (tmp_path / "uharfbuzz.py").write_text("raise ImportError('left out')\n", encoding="utf-8")
    src = str(Path(checks.__file__).resolve().parents[1])
    r = selftest({"PYTHONPATH": os.pathsep.join([str(tmp_path), src])})
    assert r.returncode == 1
    assert (
        "FAIL  fonts: RuntimeError: uharfbuzz is missing: right-to-left text cannot be shaped"
        in r.stdout
    )
    # reportlab itself draws the words unshaped without a word: only this check tells
    assert "5 of 6 checks passed" in r.stdout
