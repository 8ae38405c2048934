"""Flipped bytes in the encrypted database: every page, at three places each. An
unlock either opens (the page is not read at unlock) or says the store is damaged
— never an uncaught driver error — on the command line (exit 3, one line) and in
the window, which leaves "Opening the store…" with the message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from idcheck.store import Store, StoreError

PASSWORD = "correct horse battery"
PAGE = 4096


def _flip(db: Path, offset: int) -> None:
    with open(db, "r+b") as f:
        f.seek(offset)
        b = f.read(1)
        f.seek(offset)
        f.write(bytes([b[0] ^ 0x55]))


def _alembic_page(data_dir: Path) -> int:
    """The page holding the schema version, which every unlock reads first."""
    with Store.open(data_dir, "anna", PASSWORD) as s:
        raw = s.engine.raw_connection()
        try:
            (root,) = raw.driver_connection.execute(  # type: ignore[union-attr]
                "SELECT rootpage FROM sqlite_master WHERE name = 'alembic_version'"
            ).fetchone()
        finally:
            raw.close()
    return int(root)


def test_every_flipped_page_opens_or_is_refused_as_damaged(template, tmp_path):
    size = (template.path / "idcheck.db").stat().st_size
    outcomes: dict[str, int] = {}
    for page in range(size // PAGE):
        for at in (100, 2000, 4000):
            d = tmp_path / "t"
            shutil.rmtree(d, ignore_errors=True)
            shutil.copytree(template.path, d)
            _flip(d / "idcheck.db", page * PAGE + at)
            try:
                s = Store.open(d, "anna", PASSWORD)
                try:
                    s.list_cases()
                    s.verify()
                finally:
                    s.lock()
                outcomes["opened"] = outcomes.get("opened", 0) + 1
            except StoreError as e:
                assert "\n" not in str(e)
                outcomes[type(e).__name__] = outcomes.get(type(e).__name__, 0) + 1
            # whatever happened, the damaged file was not recreated over
            assert (d / "idcheck.db").stat().st_size >= size
    assert outcomes.get("StoreCorrupt", 0) > 0


def test_the_schema_page_flipped_is_damaged_exit_3(data_dir, pwfile, cli):
    page = _alembic_page(data_dir)
    _flip(data_dir / "idcheck.db", (page - 1) * PAGE + 2000)
    r = cli("db", "verify", "--user", "anna", "--password-file", str(pwfile), data_dir=data_dir)
    assert r.returncode == 3, r.stderr
    assert "damaged" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr


def test_the_window_leaves_opening_with_the_message(qtbot, data_dir):
    from idcheck.gui.app import MainWindow
    from idcheck.gui.session import Messages

    class Quiet(Messages):
        def error(self, parent, title, text):
            pass

        def info(self, parent, title, text):
            pass

    page = _alembic_page(data_dir)
    _flip(data_dir / "idcheck.db", (page - 1) * PAGE + 2000)
    w = MainWindow(data_dir, Quiet())
    qtbot.addWidget(w)
    w.show()
    lock = w.unlock_page
    lock.user.setText("anna")
    lock.password.setFocus()
    qtbot.keyClicks(lock.password, PASSWORD)
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    assert lock.opening is not None
    lock.opening.wait()
    qtbot.waitUntil(lambda: lock.opening is None, timeout=10_000)
    assert "Opening" not in lock.status.text()
    assert "damaged" in lock.status.text()
    assert lock.button.isEnabled()
    w.close()


@pytest.fixture(autouse=True)
def _no_leftover_lock(data_dir):
    yield
    (data_dir / "idcheck.lock").unlink(missing_ok=True)
