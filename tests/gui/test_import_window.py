"""Import… in the window: the button opens a package, a sender not known yet is
shown by its fingerprint and imported only when the person says it is the one
read to them, the case list says where the case came from, and a bad package is
said in one message with nothing changed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.conftest import new_store

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
