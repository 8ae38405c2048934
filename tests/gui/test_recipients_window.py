"""Administration, Recipients, by clicks and keys: the directory with each
fingerprint; a recipient added from a key file or a pasted key only after the
fingerprint is shown and confirmed; one revoked, listed with when and by whom.
Crafted key files (not a key, huge, a path onto the store, a private key) and a
private key pasted are refused in words, and a private key is never kept,
shown, logged or stored."""

from __future__ import annotations

import logging

import pyrage
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from tests.conftest import new_store
from tests.gui.conftest import when_shown
from tests.gui.walking import CTRL, click

from idcheck.gui.admin import AdminDialog
from idcheck.gui.recipients import AddRecipientDialog
from idcheck.gui.session import store_behind


def in_dialog(kind, act):
    seen = {}

    def run(dialog):
        dialog.activateWindow()
        QApplication.processEvents()
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.done(0)

    when_shown(kind, run)
    return seen


def in_recipients(qtbot, window, act):
    """Open Administration with its button, click the Recipients tab, ``act(tab)``."""

    def run(admin):
        bar = admin.tabs.tabBar()
        at = admin.tabs.indexOf(admin.recipients)
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(at).center())
        assert admin.tabs.currentWidget() is admin.recipients
        act(admin.recipients)

    in_dialog(AdminDialog, run)
    click(qtbot, window.cases.admin_button)


def table(tab):
    t = tab.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


@pytest.fixture
def sor(tmp_path):
    store, _ = new_store(tmp_path / "sor", "bo")
    from idcheck.store import SiteProfile

    store.set_site_profile(SiteProfile(name="Mottak Sør", jurisdiction="NO"))
    keys = store.sharing_keys()
    store.lock()
    return keys


def test_add_from_a_card_file_after_the_fingerprint_then_revoke(
    qtbot, window, messages, unlock, sor, tmp_path
):
    unlock(qtbot, window)
    card = tmp_path / "sor.card"
    card.write_text(sor.card())
    own = store_behind(window.session).sharing_keys().fingerprint
    seen = {}

    def confirm_fingerprint(d):
        seen["fingerprint"] = d.fingerprint.text()
        assert d.name.text() == "Mottak Sør"
        messages.confirms.append(True)
        click(qtbot, d.add_button)

    def act(tab):
        assert own in tab.own.text() and table(tab) == []
        messages.paths.append(card)
        in_dialog(AddRecipientDialog, confirm_fingerprint)
        click(qtbot, tab.file_button)
        rows = table(tab)
        assert [r[:3] for r in rows] == [["Mottak Sør", "idcheck site", sor.fingerprint]]
        assert rows[0][4] == "can be sent to"
        # Revoke it: asked first; No changes nothing.
        tab.table.selectRow(0)
        messages.confirms.append(False)
        click(qtbot, tab.revoke_button)
        assert table(tab)[0][4] == "can be sent to"
        messages.confirms.append(True)
        click(qtbot, tab.revoke_button)
        seen["after"] = table(tab)

    in_recipients(qtbot, window, act)
    assert sor.fingerprint in seen["fingerprint"] and "an idcheck site" in seen["fingerprint"]
    asked = [t for k, t in messages.shown if k == "confirm"]
    assert f"Add Mottak Sør with the fingerprint {sor.fingerprint}?" in asked[0]
    assert "Revoke Mottak Sør" in asked[1] and "cannot be undone" in asked[1]
    status = seen["after"][0][4]
    assert status.startswith("revoked 20") and status.endswith(" by anna")
    found = store_behind(window.session).find_recipient(sor.fingerprint)
    assert found.revoked and found.revoked_by == "anna"


def test_a_pasted_age_key_is_added_with_its_fingerprint(qtbot, window, messages, unlock):
    unlock(qtbot, window)
    agency = str(pyrage.x25519.Identity.generate().to_public())
    QApplication.clipboard().setText(agency)
    seen = {}

    def paste(d):
        d.key.setFocus()
        qtbot.keyClick(d.key, Qt.Key.Key_V, CTRL)
        assert d.key.toPlainText() == agency
        seen["fingerprint"] = d.fingerprint.text()
        d.name.setFocus()
        qtbot.keyClicks(d.name, "Barnevernet")
        messages.confirms.append(True)
        click(qtbot, d.add_button)

    def act(tab):
        in_dialog(AddRecipientDialog, paste)
        click(qtbot, tab.paste_button)
        seen["rows"] = table(tab)

    in_recipients(qtbot, window, act)
    fp = store_behind(window.session).find_recipient(agency).fingerprint
    assert fp in seen["fingerprint"] and "an agency" in seen["fingerprint"]
    assert [r[:3] for r in seen["rows"]] == [["Barnevernet", "agency", fp]]


def _every_value(store):
    """Every value of every table, as text: what the store keeps."""
    out = []
    with store.engine.connect() as conn:
        names = [
            n
            for (n,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for n in names:
            for row in conn.exec_driver_sql(f"SELECT * FROM {n}"):
                out += [str(v) for v in row]
    return "\n".join(out)


def test_a_private_key_pasted_is_refused_and_never_kept(
    qtbot, window, messages, unlock, caplog, data_dir
):
    caplog.set_level(logging.DEBUG)
    unlock(qtbot, window)
    secret = str(pyrage.x25519.Identity.generate())
    assert secret.startswith("AGE-SECRET-KEY-1")
    QApplication.clipboard().setText(secret)
    seen = {}

    def paste(d):
        d.key.setFocus()
        qtbot.keyClick(d.key, Qt.Key.Key_V, CTRL)
        seen["box"] = d.key.toPlainText()
        seen["problem"] = d.problem.text()
        seen["add enabled"] = d.add_button.isEnabled()
        click(qtbot, d.add_button)  # does nothing
        seen["still open"] = d.isVisible()
        seen["texts"] = [w.text() for w in d.findChildren(type(d.problem))]

    def act(tab):
        in_dialog(AddRecipientDialog, paste)
        click(qtbot, tab.paste_button)
        seen["rows"] = table(tab)

    in_recipients(qtbot, window, act)
    assert seen["box"] == "" and QApplication.clipboard().text() == ""
    assert seen["problem"].startswith("That was a private key.")
    assert seen["add enabled"] is False and seen["still open"] is True
    assert seen["rows"] == []
    assert all(secret not in t for t in seen["texts"])
    assert secret not in caplog.text
    assert secret not in _every_value(store_behind(window.session))
    assert not [k for k, _ in messages.shown if k == "confirm"]


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p, d: p.write_text("hello, this is not a key\n"), "it is not a public card"),
        (
            lambda p, d: p.write_bytes(b"age1" + b"q" * (20 * 1024 * 1024)),
            "too large to be a public key",
        ),
        (lambda p, d: p.write_bytes(b"\xff\xfe\x00garbage"), "not a public key (not text)"),
        (None, "is in the store's own folder: not a key file"),
        ("secret", "it holds a private key"),
    ],
    ids=["wrong-format", "huge", "binary", "the-store", "age-keygen-key-file"],
)
def test_crafted_key_files_are_refused(qtbot, window, messages, unlock, tmp_path, make, says):
    unlock(qtbot, window)
    store = store_behind(window.session)
    secret = str(pyrage.x25519.Identity.generate())
    path = tmp_path / "key.txt"
    if make is None:
        path = store.data_dir / "idcheck.db"
    elif make == "secret":  # what age-keygen writes: the public key and the private one
        public = pyrage.x25519.Identity.from_str(secret).to_public()
        path.write_text(f"# created: 2026-12-05\n# public key: {public}\n{secret}\n")
    else:
        make(path, store.data_dir)
    before = _every_value(store)

    def act(tab):
        messages.paths.append(path)
        click(qtbot, tab.file_button)  # no add dialog: refused before
        assert table(tab) == []

    in_recipients(qtbot, window, act)
    errors = [t for k, t in messages.shown if k == "error"]
    assert len(errors) == 1 and errors[0].startswith("Nothing was added: "), messages.shown
    assert says in errors[0]
    assert secret not in errors[0]
    assert _every_value(store).count("recipient-added") == before.count("recipient-added")
    assert secret not in _every_value(store)


def test_this_sites_card_is_saved_for_another_site_but_never_into_the_store(
    qtbot, window, messages, unlock, tmp_path
):
    from idcheck.store.sharing_keys import read_key_file

    unlock(qtbot, window)
    store = store_behind(window.session)
    mine = store.sharing_keys()
    inside = store.data_dir / "nord.card"
    card = tmp_path / "nord.card"

    def act(tab):
        messages.paths.append(inside)
        click(qtbot, tab.card_button)
        messages.paths.append(card)
        click(qtbot, tab.card_button)

    in_recipients(qtbot, window, act)
    (k1, t1), (k2, t2) = messages.shown
    assert k1 == "error" and "in the store's own folder" in t1 and not inside.exists()
    assert k2 == "info" and str(card) in t2 and mine.fingerprint in t2
    assert read_key_file(card) == mine  # what another site's Add from a key file reads
