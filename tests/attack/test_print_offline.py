"""Printing opens no network socket.

Qt prints through CUPS, whose library reached the print service over TCP on
127.0.0.1:631 and [::1]:631 as soon as the print dialog opened. Here the real
window, offscreen, prints a referral through its own Print button and Qt's
print dialog to a PDF file (``print_referral.py``) in a network namespace with
no interfaces (``unshare -n``); tests/test_offline.py runs the same under
``strace`` and finds no network socket. A network print server configured for
this computer is named to the user, who chooses.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from tests.conftest import new_store

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.gui import printing
from idcheck.store import AnswerContext, CaseDetails

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"

SCRIPT = Path(__file__).with_name("print_referral.py")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    text = find("intake-screen").path.read_bytes()
    checklist = load_checklist_bytes(text)
    path = tmp_path / "store"
    store, _ = new_store(path)
    cid = store.create_case(CaseDetails(reference="2026-077", given_name="Amira"))
    sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
    store.record_answer(
        sid,
        "debt",
        Answer(value="yes"),
        AnswerContext(source="child-said", child_words="I must pay."),
    )
    store.lock()
    return path


def run_print(tmp_path: Path, data_dir: Path, prefix: list[str], env: dict[str, str]):
    out = tmp_path / "printed.pdf"
    full_env = {k: v for k, v in os.environ.items() if k not in ("CUPS_SERVER",)} | {
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT / "src"),
        **env,
    }
    r = subprocess.run(
        [*prefix, sys.executable, str(SCRIPT), str(data_dir), str(out), PASSWORD],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=300,
        cwd=tmp_path,
    )
    return r, out


def assert_printed(r: subprocess.CompletedProcess[str], out: Path) -> None:
    assert r.returncode == 0, r.stdout + r.stderr
    assert "PRINTED" in r.stdout and "audited 1" in r.stdout, r.stdout
    # Every page of the referral printed (as the window prints it: page images),
    # and what a reader sees on the first is not an empty page.
    pages = int(re.search(r"referral pages: (\d+)", r.stdout).group(1))
    assert len(PdfReader(out).pages) == pages >= 1
    png = out.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-gray", "-png", str(out), str(png)],
        check=True,
    )
    with Image.open(next(out.parent.glob(png.name + "*.png"))) as image:
        dark = image.histogram()[:128]
        dark = sum(dark)
        assert dark > 0.005 * image.width * image.height


def test_printing_works_with_no_network_at_all(tmp_path, data_dir):
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.fail("unshare (util-linux) is needed for this test")
    r, out = run_print(tmp_path, data_dir, [unshare, "-n"], {})
    assert_printed(r, out)


def test_a_network_print_server_is_named_and_left_to_the_user(tmp_path, monkeypatch):
    conf = tmp_path / "client.conf"
    conf.write_text("# printing\nServerName printserver.example.org:631\n")
    assert printing.configured_server({}, (tmp_path / "none.conf", conf)) == (
        "printserver.example.org:631"
    )
    assert printing.configured_server({"CUPS_SERVER": "/run/cups/cups.sock"}, (conf,)) == (
        "/run/cups/cups.sock"
    )
    assert printing.network_server("printserver.example.org:631") == "printserver.example.org:631"
    for local in (
        "",
        "/run/cups/cups.sock",
        "localhost",
        "localhost:631",
        "127.0.0.1",
        "[::1]:631",
    ):
        assert printing.network_server(local) is None, local

    monkeypatch.delenv("CUPS_SERVER", raising=False)
    monkeypatch.setattr(printing, "CLIENT_CONF", (conf,))
    monkeypatch.setattr(printing, "_decided", None)
    asked: list[str] = []
    # "No": printing stays on this computer.
    printing.choose_service(lambda server: asked.append(server) or False)
    assert asked == ["printserver.example.org:631"]
    assert os.environ["CUPS_SERVER"] in printing.LOCAL_SOCKETS
    # Asked once per process (the CUPS library reads its server once).
    printing.choose_service(lambda server: asked.append(server) or True)
    assert len(asked) == 1
    # "Yes": the configured server is left to the system's print service.
    monkeypatch.delenv("CUPS_SERVER")
    monkeypatch.setattr(printing, "_decided", None)
    printing.choose_service(lambda server: True)
    assert "CUPS_SERVER" not in os.environ
