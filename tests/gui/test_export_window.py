"""Export… in the window, by clicks and keys: recipients ticked from the
directory (with their fingerprints; a revoked one cannot be ticked), the whole
case or the referral PDF alone, and where to save it. The file is the command
line's: the other site imports it, an agency opens the referral with its own age
key, and the export is audited. A path onto the store, an existing file, and a
real full disk are each said, leave nothing half-written, and keep every choice."""

from __future__ import annotations

import hashlib
import shutil
import subprocess

import pyrage
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from tests.conftest import new_store
from tests.gui.conftest import when_shown
from tests.gui.walking import CTRL, click, focus
from tests.sharing.conftest import Intake, record_case

from idcheck.checklist import find, load_checklist_bytes
from idcheck.gui.case_dialog import CaseDialog
from idcheck.gui.export_case import ExportDialog
from idcheck.gui.session import store_behind
from idcheck.sharing import import_package
from idcheck.store import SiteProfile


@pytest.fixture
def sites(qtbot, window, unlock, tmp_path):
    """The window unlocked as anna; in its directory: Mottak Sør (a site), an
    agency by its age key, and Gammel (revoked)."""
    unlock(qtbot, window)
    here = store_behind(window.session)
    here.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction="NO"))
    sor, _ = new_store(tmp_path / "sor", "bo")
    sor.set_site_profile(SiteProfile(name="Mottak Sør", jurisdiction="NO"))
    here.add_recipient("Mottak Sør", sor.sharing_keys())
    sor.add_recipient("Mottak Nord", here.sharing_keys())
    agency = pyrage.x25519.Identity.generate()
    from idcheck.store.sharing_keys import PublicKeys

    here.add_recipient("Barnevernet", PublicKeys("", str(agency.to_public()), None))
    old = pyrage.x25519.Identity.generate()
    here.add_recipient("Gammel", PublicKeys("", str(old.to_public()), None))
    here.revoke_recipient("Gammel")
    return {"sor": sor, "agency": agency, "here": here}


def _item(dialog, name):
    for i in range(dialog.recipients.count()):
        item = dialog.recipients.item(i)
        if item.text().startswith(name):
            return i, item
    raise AssertionError(f"{name} is not listed")


def tick(qtbot, dialog, name):
    """Go to the recipient's row and press Space, as a keyboard user does."""
    row, _ = _item(dialog, name)
    dialog.recipients.setFocus()
    dialog.recipients.setCurrentRow(row)
    qtbot.keyClick(dialog.recipients, Qt.Key.Key_Space)


def in_dialog(kind, act):
    seen = {}

    def run(dialog):
        dialog.activateWindow()
        QApplication.processEvents()
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                seen["left open"] = True
                dialog.done(0)

    when_shown(kind, run)
    return seen


def wait_for(qtbot, messages, n):
    qtbot.waitUntil(lambda: len(messages.shown) >= n, timeout=30000)


def test_export_the_case_to_a_site_which_imports_it(qtbot, window, messages, sites, tmp_path):
    out = tmp_path / "out" / "2026-017.idcheck"
    out.parent.mkdir()
    fp = sites["here"].find_recipient("Mottak Sør").fingerprint

    def choose(d):
        assert d.windowTitle() == "Export case 2026-017"
        listed = [d.recipients.item(i).text() for i in range(d.recipients.count())]
        assert f"Mottak Sør: idcheck site, fingerprint {fp}" in listed
        gammel_row, gammel = _item(d, "Gammel")
        assert gammel.text().startswith("Gammel: revoked 20")
        assert gammel.text().endswith(" by anna, cannot be chosen")
        # A revoked recipient cannot be ticked.
        d.recipients.setCurrentRow(gammel_row)
        qtbot.keyClick(d.recipients, Qt.Key.Key_Space)
        assert d.chosen() == []
        # Export with nothing chosen: said in the dialog, which stays.
        click(qtbot, d.export_button)
        assert d.problem.text() == "Choose at least one recipient." and d.isVisible()
        tick(qtbot, d, "Mottak Sør")
        assert d.chosen() == [fp]
        messages.paths.append(out)
        click(qtbot, d.choose)
        assert d.path.text() == str(out)
        click(qtbot, d.export_button)

    seen = in_dialog(ExportDialog, choose)
    window.cases.table.selectRow(0)
    click(qtbot, window.cases.export_button)
    wait_for(qtbot, messages, 1)
    assert seen == {}
    kind, text = messages.shown[0]
    assert kind == "info", text
    assert f"The case was written to {out}." in text and f"Mottak Sør (fingerprint {fp})" in text
    sha = hashlib.sha256(out.read_bytes()).hexdigest()
    assert sha in text
    assert b"2026-017" not in out.read_bytes() and b"\xc3\x98ystein" not in out.read_bytes()
    # Audited as the command line's export is.
    with sites["here"].engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT content FROM audit WHERE action = 'package-exported'"
        ).all()
    assert [r[0] for r in rows] == [f"package-sha256={sha};to={fp}"]
    # And Mottak Sør imports it.
    done = import_package(sites["sor"], out)
    assert done.report.added == ["2026-017"]


def test_the_referral_alone_for_an_agency_from_the_case_dialog(
    qtbot, window, messages, sites, tmp_path
):
    text = find("intake-screen").path.read_bytes()
    intake = Intake(load_checklist_bytes(text), text, hashlib.sha256(text).hexdigest())
    record_case(sites["here"], intake, reference="2026-050")
    window.cases.refresh()
    out = tmp_path / "referral.pdf.age"

    def export(d):
        tick(qtbot, d, "Barnevernet")
        d.referral.setFocus()
        qtbot.keyClick(d.referral, Qt.Key.Key_Space)
        assert d.referral.isChecked()
        d.path.setFocus()
        qtbot.keyClicks(d.path, str(out))
        qtbot.keyClick(d.path, Qt.Key.Key_Return)

    def case(d):
        in_dialog(ExportDialog, export)
        click(qtbot, d.export_button)
        wait_for(qtbot, messages, 1)
        d.reject()

    in_dialog(CaseDialog, case)
    refs = [r.reference for r in window.cases.model.rows]
    window.cases.table.selectRow(refs.index("2026-050"))
    click(qtbot, window.cases.case_button)
    kind, said = messages.shown[0]
    assert kind == "info" and "The referral PDF, encrypted, was written to" in said
    assert "age -d -i KEY.txt" in said
    pdf = pyrage.decrypt(out.read_bytes(), [sites["agency"]])
    assert pdf.startswith(b"%PDF")
    if shutil.which("age"):  # and the standard tool agrees
        key = tmp_path / "key.txt"
        key.write_text(str(sites["agency"]) + "\n")
        r = subprocess.run(["age", "-d", "-i", str(key), str(out)], capture_output=True, timeout=60)
        assert r.returncode == 0 and r.stdout == bytes(pdf)


def test_a_path_onto_the_store_and_an_existing_file(qtbot, window, messages, sites, tmp_path):
    data_dir = sites["here"].data_dir
    existing = tmp_path / "old.idcheck"
    existing.write_bytes(b"keep me")
    said = []

    def choose(d):
        tick(qtbot, d, "Mottak Sør")
        for bad in (data_dir / "idcheck.db", data_dir / "new.idcheck"):
            d.path.setText(str(bad))
            click(qtbot, d.export_button)
            said.append(d.problem.text())
            assert d.isVisible() and d.chosen()
        d.path.setText(str(existing))
        messages.confirms.append(False)
        click(qtbot, d.export_button)  # No: the dialog stays, the file too
        assert d.isVisible() and existing.read_bytes() == b"keep me"
        messages.confirms.append(True)
        click(qtbot, d.export_button)

    before = sorted(p.name for p in data_dir.iterdir())
    seen = in_dialog(ExportDialog, choose)
    window.cases.table.selectRow(0)
    click(qtbot, window.cases.export_button)
    wait_for(qtbot, messages, 3)
    assert seen == {}
    for text in said:
        assert text.startswith("That file cannot be written:"), text
    assert [k for k, _ in messages.shown] == ["confirm", "confirm", "info"]
    assert "old.idcheck exists already. Replace it" in messages.shown[0][1]
    assert existing.read_bytes() != b"keep me"
    assert sorted(p.name for p in data_dir.iterdir()) == before


@pytest.fixture
def small_disk(tmp_path):
    mnt = tmp_path / "small"
    mnt.mkdir()
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)],
        capture_output=True,
        text=True,
    )
    if r.returncode != 0:
        reason = (r.stderr.strip().splitlines() or ["mount failed"])[0]
        pytest.skip(f"cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): {reason}")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_a_full_disk_is_said_leaves_nothing_and_keeps_the_choices(
    qtbot, window, messages, sites, small_disk, tmp_path
):
    with open(small_disk / "filler", "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 65536)
        except OSError:
            pass
    target = small_disk / "case.idcheck"
    elsewhere = tmp_path / "case.idcheck"
    rounds = []

    def first(d):
        tick(qtbot, d, "Mottak Sør")
        d.path.setText(str(target))
        rounds.append("first")
        in_dialog(ExportDialog, again)  # shown again after the message
        click(qtbot, d.export_button)

    def again(d):
        rounds.append("again")
        assert d.path.text() == str(target) and len(d.chosen()) == 1
        d.path.setText(str(elsewhere))
        click(qtbot, d.export_button)

    in_dialog(ExportDialog, first)
    window.cases.table.selectRow(0)
    click(qtbot, window.cases.export_button)
    wait_for(qtbot, messages, 2)
    assert rounds == ["first", "again"]
    kind, text = messages.shown[0]
    assert kind == "error" and text.startswith("Nothing was exported: The disk is full"), text
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]  # no part file
    assert messages.shown[1][0] == "info" and elsewhere.exists()
    with sites["here"].engine.connect() as conn:
        n = conn.exec_driver_sql(
            "SELECT count(*) FROM audit WHERE action = 'package-exported'"
        ).scalar_one()
    assert n == 1  # the one written, not the one refused


def test_ctrl_l_with_the_export_dialog_over_the_case_dialog(qtbot, window, messages, sites):
    def export(d):
        tick(qtbot, d, "Mottak Sør")
        qtbot.keyClick(focus(), Qt.Key.Key_L, CTRL)

    def case(d):
        seen["export"] = in_dialog(ExportDialog, export)
        click(qtbot, d.export_button)

    seen = {}
    seen["case"] = in_dialog(CaseDialog, case)
    window.cases.table.selectRow(0)
    click(qtbot, window.cases.case_button)
    assert seen == {"case": {}, "export": {}}
    assert window.session is None and window.stack.currentWidget() is window.unlock_page
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    assert visible == []


def test_the_whole_case_to_an_agency_is_asked_first(qtbot, window, messages, sites, tmp_path):
    out = tmp_path / "to-agency.idcheck"

    def choose(d):
        tick(qtbot, d, "Barnevernet")
        d.path.setText(str(out))
        messages.confirms.append(False)
        click(qtbot, d.export_button)  # No: nothing written, the dialog stays
        assert d.isVisible() and not out.exists()
        messages.confirms.append(True)
        click(qtbot, d.export_button)

    seen = in_dialog(ExportDialog, choose)
    window.cases.table.selectRow(0)
    click(qtbot, window.cases.export_button)
    wait_for(qtbot, messages, 3)
    assert seen == {}
    asked = [t for k, t in messages.shown if k == "confirm"]
    assert len(asked) == 2 and asked[0].startswith("Barnevernet: an agency without idcheck")
    assert messages.shown[2][0] == "info" and out.exists()


def test_a_worker_exports_the_case_they_have(qtbot, window, messages, sites, unlock, tmp_path):
    from tests.conftest import WORKER_PASSWORD

    sites["here"].add_user("ben", WORKER_PASSWORD, "worker")
    window.lock()
    unlock(qtbot, window, user="ben", password=WORKER_PASSWORD)
    assert window.session is not None and not window.session.is_admin
    out = tmp_path / "by-ben.idcheck"

    def choose(d):
        tick(qtbot, d, "Mottak Sør")
        d.path.setText(str(out))
        click(qtbot, d.export_button)

    seen = in_dialog(ExportDialog, choose)
    window.cases.table.selectRow(0)
    click(qtbot, window.cases.export_button)
    wait_for(qtbot, messages, 1)
    assert seen == {} and messages.shown[0][0] == "info", messages.shown
    assert import_package(sites["sor"], out).report.added == ["2026-017"]
