"""Before a session exists: the unlock page and a restore say every refusal
through the one error mapper, in the interface's words, and change nothing.
Every test presses the real buttons."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from tests.conftest import PASSWORD, open_store

from idcheck.gui.admin import AdminDialog
from idcheck.gui.error_words import ErrorWords
from idcheck.gui.session import store_behind
from idcheck.store import CaseDetails, errors

FUTURE = "9999_from_the_future"


def press_unlock(qtbot, window, password=PASSWORD, user="anna"):
    page = window.unlock_page
    page.user.setText(user)
    page.password.setText(password)
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)
    if page.opening is not None:
        page.opening.wait()
    return page.status.text()


def set_schema(data_dir: Path, version: str) -> str:
    """Write ``version`` as the store's schema; returns the one it had."""
    store = open_store(data_dir)
    try:
        with store.engine.begin() as conn:
            before = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = ?", (version,))
    finally:
        store.lock()
    return str(before)


def press_restore(qtbot, window, messages, backup: Path, password: str) -> tuple[str, str]:
    """The administration through its button, its Restore button, the file, "replace
    everything?", the password; returns the message the restore ended with."""
    messages.shown.clear()
    messages.paths.append(backup)
    messages.confirms.append(True)
    messages.passwords.append(password)

    def in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, AdminDialog), dialog
            qtbot.mouseClick(dialog.data.restore_button, Qt.MouseButton.LeftButton)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()  # never left blocking the test

    QTimer.singleShot(0, in_the_dialog)
    qtbot.mouseClick(window.cases.admin_button, Qt.MouseButton.LeftButton)
    assert window.session is None  # locked at once, before anything is replaced
    qtbot.waitUntil(
        lambda: bool(messages.shown) and messages.shown[-1][0] in ("info", "error"),
        timeout=60_000,
    )
    assert window.unlock_page.isEnabled() and window.unlock_page.user.text() == "anna"
    return messages.shown[-1]


# ------------------------------------------------------------------ unlock


def test_a_wrong_password_is_said_and_the_page_stays(qtbot, window):
    assert press_unlock(qtbot, window, "not the password") == "Wrong user name or password."
    assert window.session is None and window.unlock_page.password.hasFocus()
    assert press_unlock(qtbot, window) == ""
    assert window.session is not None


def test_a_damaged_store_is_said_as_damaged_and_left_as_it_was(qtbot, window, data_dir):
    db = data_dir / "idcheck.db"
    raw = bytearray(db.read_bytes())
    raw[5000:5100] = bytes(100)  # inside the second page
    db.write_bytes(bytes(raw))
    said = press_unlock(qtbot, window)
    assert said.startswith("The store is damaged; nothing was changed: ")
    assert "malformed" in said and window.session is None
    assert db.read_bytes() == bytes(raw)
    assert window.unlock_page.button.isEnabled()


def test_a_store_of_a_newer_idcheck_is_said_and_left_untouched(qtbot, window, data_dir):
    set_schema(data_dir, FUTURE)
    before = (data_dir / "idcheck.db").read_bytes()
    said = press_unlock(qtbot, window)
    assert said.startswith("A newer idcheck wrote this store; nothing was changed: ")
    assert FUTURE in said and window.session is None
    assert (data_dir / "idcheck.db").read_bytes() == before


def test_the_opening_words_are_the_error_mappers(qtbot):
    words = ErrorWords()
    said = {
        errors.WrongPassword("wrong user name or password", 0): "Wrong user name or password.",
        errors.StoreInUse("in use"): "The store is open in another idcheck window or command. "
        "Close it, then try again.",
        errors.NotAStore("/x/idcheck.db is a JPEG"): "This is not an idcheck store; nothing was "
        "changed: /x/idcheck.db is a JPEG",
        errors.TooSoon("too soon", 7.2): "Too many failed tries. Wait 8 s.",
        RuntimeError("anything at all"): "The store could not be opened (RuntimeError). "
        "Restore a backup or ask an administrator.",
    }
    for error, words_said in said.items():
        assert words.opening(error) == words_said
    # the same kinds said by an operation of an open store: one sentence each
    assert words.describe(errors.NewerSchema("v9")) == words.opening(errors.NewerSchema("v9"))


# ------------------------------------------------------------------ restore


@pytest.fixture
def unlocked(qtbot, window, unlock):
    unlock(qtbot, window)
    assert window.session is not None
    return window


def test_a_restore_with_a_wrong_password_replaces_nothing(
    qtbot, unlocked, data_dir, messages, tmp_path, unlock
):
    backup = store_behind(unlocked.session).backup(tmp_path / "office.idcheck-backup")
    store_behind(unlocked.session).create_case(CaseDetails(reference="after-the-backup"))
    before = (data_dir / "idcheck.db").stat().st_ino
    kind, said = press_restore(qtbot, unlocked, messages, backup, "not the password")
    assert kind == "error"
    assert said == "Nothing was replaced: that user name and password do not open the backup."
    assert (data_dir / "idcheck.db").stat().st_ino == before
    unlock(qtbot, unlocked)
    assert {r.reference for r in unlocked.cases.model.rows} == {"2026-017", "after-the-backup"}


@pytest.mark.parametrize("damage", ["not a backup", "cut short"])
def test_a_corrupt_backup_file_replaces_nothing(
    qtbot, unlocked, data_dir, messages, tmp_path, unlock, damage
):
    bad = tmp_path / "damaged.idcheck-backup"
    if damage == "not a backup":
        bad.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    else:
        good = store_behind(unlocked.session).backup(tmp_path / "good.idcheck-backup")
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    before = (data_dir / "idcheck.db").stat().st_ino
    kind, said = press_restore(qtbot, unlocked, messages, bad, PASSWORD)
    assert kind == "error"
    assert said.startswith(
        "Nothing was replaced: the backup is damaged or is not an idcheck backup. ("
    ), said
    assert "damaged.idcheck-backup" in said
    assert (data_dir / "idcheck.db").stat().st_ino == before  # never swapped
    assert list(data_dir.glob("*.replaced")) == []
    unlock(qtbot, unlocked)
    assert [r.reference for r in unlocked.cases.model.rows] == ["2026-017"]


def backup_saying_newer(data_dir: Path, target: Path) -> Path:
    """A backup of this very store written while its schema said a newer idcheck
    had written it; the live store is put back as it was."""
    store = open_store(data_dir)
    try:
        with store.engine.begin() as conn:
            had = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = ?", (FUTURE,))
        store.backup(target)
        with store.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = ?", (had,))
    finally:
        store.lock()
    return target


def test_a_backup_of_a_newer_idcheck_replaces_nothing(
    qtbot, window, data_dir, messages, tmp_path, unlock
):
    backup = backup_saying_newer(data_dir, tmp_path / "newer.idcheck-backup")
    unlock(qtbot, window)
    assert window.session is not None
    before = (data_dir / "idcheck.db").stat().st_ino
    kind, said = press_restore(qtbot, window, messages, backup, PASSWORD)
    assert kind == "error"
    assert said.startswith("Nothing was replaced: a newer idcheck wrote this backup. (")
    assert FUTURE in said
    assert (data_dir / "idcheck.db").stat().st_ino == before
    unlock(qtbot, window)
    assert [r.reference for r in window.cases.model.rows] == ["2026-017"]


# ------------------------------------------------------------------ first run


def test_a_store_refused_at_first_run_is_said_and_keeps_what_was_typed(qtbot, tmp_path, messages):
    from idcheck.gui.app import MainWindow
    from idcheck.paths import store_exists

    w = MainWindow(tmp_path / "new", messages)
    qtbot.addWidget(w)
    page = w.first_run
    qtbot.keyClicks(page.user, "anna")
    qtbot.keyClicks(page.password, "short")
    qtbot.keyClicks(page.again, "short")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert page.creating is not None
    page.creating.wait()
    kind, said = messages.shown[-1]
    assert kind == "error" and said.startswith("Not saved: "), said
    assert "10" in said
    assert not store_exists(tmp_path / "new") and w.session is None
    assert (page.user.text(), page.password.text()) == ("anna", "short")
    assert page.create_button.isEnabled()
