"""Import… in the window: the button opens a package, a sender not known yet is
shown by its fingerprint and imported only when the person says it is the one
read to them, the case list says where the case came from, and a bad package is
said in one message with nothing changed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.conftest import new_store
from tests.gui.conftest import when_shown

from idcheck.gui.cases import CaseTableModel
from idcheck.gui.session import store_behind
from idcheck.sharing import export_cases
from idcheck.store import CaseDetails


def _package_from_another_site(tmp_path, to_keys, reference="NORD-7"):
    other, _ = new_store(tmp_path / "nord", "nina")
    from idcheck.store import SiteProfile

    other.set_site_profile(SiteProfile(name="Mottak Nord", jurisdiction="NO"))
    cid = other.create_case(CaseDetails(reference=reference, given_name="Amira"))
    export_cases(other, [cid], [to_keys], tmp_path / "case.idcheck")
    fingerprint = other.sharing_keys().fingerprint
    other.lock()
    return tmp_path / "case.idcheck", fingerprint


def in_dialog(kind, act):
    """``act(dialog)`` once a modal ``kind`` shows; then it is closed."""

    def run(dialog):
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.done(0)

    when_shown(kind, run)


def _wait_for_message(qtbot, messages, n):
    qtbot.waitUntil(lambda: len(messages.shown) >= n, timeout=20000)


def test_import_asks_for_the_fingerprint_then_merges_and_shows_the_origin(
    qtbot, window, messages, unlock, tmp_path
):
    unlock(qtbot, window)
    keys = store_behind(window.session).sharing_keys()
    path, fingerprint = _package_from_another_site(tmp_path, keys)
    # First refused: the fingerprint read on the phone was another.
    messages.paths.append(path)
    messages.confirms.append(False)
    qtbot.mouseClick(window.cases.import_button, Qt.MouseButton.LeftButton)
    _wait_for_message(qtbot, messages, 1)
    kind, text = messages.shown[0]
    assert kind == "confirm" and fingerprint in text and "Mottak Nord" in text
    assert "NORD-7" not in [r.reference for r in window.cases.model.rows]
    # Then confirmed.
    messages.paths.append(path)
    messages.confirms.append(True)
    qtbot.mouseClick(window.cases.import_button, Qt.MouseButton.LeftButton)
    _wait_for_message(qtbot, messages, 3)
    kind, text = messages.shown[2]
    assert kind == "info" and "New case: NORD-7" in text and "now in the directory" in text
    # It ends as Export…'s message does: the file's hash, as the audit trail holds it.
    import hashlib

    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    assert text.splitlines()[-1] == f"SHA-256 of the file (recorded in the audit trail): {sha}"
    qtbot.waitUntil(lambda: "NORD-7" in [r.reference for r in window.cases.model.rows])
    model = window.cases.model
    row = [r.reference for r in model.rows].index("NORD-7")
    origin = model.data(model.index(row, len(CaseTableModel.HEADERS) - 1))
    assert origin == f"Mottak Nord · {fingerprint}"
    # The same package again: said, and nothing changes.
    messages.paths.append(path)
    qtbot.mouseClick(window.cases.import_button, Qt.MouseButton.LeftButton)
    _wait_for_message(qtbot, messages, 4)
    kind, text = messages.shown[3]
    assert kind == "error" and "imported here already" in text
    assert [r.reference for r in model.rows].count("NORD-7") == 1


def test_a_package_cut_short_is_said_and_changes_nothing(qtbot, window, messages, unlock, tmp_path):
    unlock(qtbot, window)
    keys = store_behind(window.session).sharing_keys()
    path, _ = _package_from_another_site(tmp_path, keys)
    path.write_bytes(path.read_bytes()[:-64])
    before = len(window.cases.model.rows)
    messages.paths.append(path)
    qtbot.mouseClick(window.cases.import_button, Qt.MouseButton.LeftButton)
    _wait_for_message(qtbot, messages, 1)
    kind, text = messages.shown[0]
    assert kind == "error" and "The package was not imported" in text and "cut short" in text
    assert len(window.cases.model.rows) == before


def test_a_case_both_sides_changed_shows_both_versions(qtbot, window, messages, unlock, tmp_path):
    from idcheck.gui.case_dialog import CaseDialog
    from idcheck.sharing import import_package, resolve_recipient
    from idcheck.store import SiteProfile

    unlock(qtbot, window)
    here = store_behind(window.session)
    other, _ = new_store(tmp_path / "sor", "bo")
    other.set_site_profile(SiteProfile(name="Mottak Sør", jurisdiction="NO"))
    other.add_recipient("This site", here.sharing_keys())
    here.add_recipient("Mottak Sør", other.sharing_keys())
    # This site sends its case; both sides then change its nationality.
    cid = here.case_id_by_reference("2026-017")
    export_cases(here, [cid], [resolve_recipient(here, "Mottak Sør")], tmp_path / "1.idcheck")
    import_package(other, tmp_path / "1.idcheck")
    ocid = other.case_id_by_reference("2026-017")
    other.update_case(
        ocid, CaseDetails(reference="2026-017", given_name="Øystein", nationality="Sudan")
    )
    export_cases(other, [ocid], [resolve_recipient(other, "This site")], tmp_path / "2.idcheck")
    other.lock()
    here.update_case(
        cid, CaseDetails(reference="2026-017", given_name="Øystein", nationality="Eritrea")
    )
    messages.paths.append(tmp_path / "2.idcheck")
    qtbot.mouseClick(window.cases.import_button, Qt.MouseButton.LeftButton)
    _wait_for_message(qtbot, messages, 1)
    assert "Both sides changed 2026-017" in messages.shown[0][1]
    seen = {}

    def read(dialog):
        seen["text"] = dialog.versions.text() if dialog.versions is not None else None

    window.cases.refresh()
    row = [r.reference for r in window.cases.model.rows].index("2026-017")
    window.cases.table.selectRow(row)
    in_dialog(CaseDialog, read)
    qtbot.mouseClick(window.cases.case_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "text" in seen, timeout=10000)
    text = seen["text"]
    assert text is not None and "From Mottak Sør" in text
    assert "Nationality: Sudan (here: Eritrea)" in text
    assert "Given name" not in text  # the same on both sides
