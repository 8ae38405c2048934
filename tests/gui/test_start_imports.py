"""The window starts without importing, or building, what its first page does not
show: the unlock page (or the first run) is built before the first paint; the
store stack, the checklist models, the report and the pages of an unlocked store
(the case list, my work) come when the store is opened. Checked in a fresh
interpreter through the real start (``idcheck --data-dir DIR``), so a later
change cannot silently undo it (the timings are in benchmarks/bench_gui.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from idcheck.gui.app import MainWindow

ROOT = Path(__file__).resolve().parents[2]

# What the unlock window needs none of.
NOT_AT_START = (
    "idcheck.store",
    "idcheck.checklist",
    "idcheck.report",
    "idcheck.walk",
    "idcheck.followup",
    "idcheck.gui.cases",
    "idcheck.gui.case_table",
    "idcheck.gui.my_work",
    "idcheck.gui.followup_models",
    "idcheck.gui.screening",
    "idcheck.gui.admin",
    "idcheck.gui.guide",
    "sqlalchemy",
    "sqlcipher3",
    "alembic",
    "argon2",
    "pydantic",
    "reportlab",
    "ruamel",
    "jinja2",
    # Qt modules a bare window does not load either.
    "PySide6.QtSvg",
    "PySide6.QtPrintSupport",
    "PySide6.QtPdf",
    "PySide6.QtNetwork",
)

# Starts the window as ``idcheck --data-dir DIR`` does; once the event loop runs
# (the first page shown), prints the page shown and every module imported. With
# a password, then types it and presses the real Unlock button, and prints the
# same once the store's first page is shown.
START = """
import os, sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
folder, password = sys.argv[1], sys.argv[2]

def say(when):
    window = next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")
    page = type(window.stack.currentWidget()).__name__
    built = sorted(type(window.stack.widget(i)).__name__ for i in range(window.stack.count()))
    print(when, page, ",".join(built), " ".join(sorted(sys.modules)), flush=True)
    return window

def first_paint():
    window = say("START")
    if not password:
        app.quit()
        return
    page = window.unlock_page
    page.user.setText("anna")
    QTest.keyClicks(page.password, password)
    QTest.mouseClick(page.button, Qt.MouseButton.LeftButton)
    def opened():
        if window.session is None:
            QTimer.singleShot(20, opened)
            return
        say("UNLOCKED")
        app.quit()
    opened()

QTimer.singleShot(0, first_paint)
from idcheck.launcher import main
sys.exit(main(["--data-dir", folder]))
"""


def started(folder: Path, password: str = "") -> dict[str, tuple[str, set[str], set[str]]]:
    """Per moment (START, UNLOCKED): the page shown, the pages built, the modules."""
    r = subprocess.run(
        [sys.executable, "-c", START, str(folder), password],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    seen = {}
    for line in r.stdout.splitlines():
        when, page, built, modules = line.split(" ", 3)
        seen[when] = (page, set(built.split(",")), set(modules.split()))
    return seen


def loaded(modules: set[str]) -> set[str]:
    return {name for name in NOT_AT_START if name in modules}


def test_the_unlock_window_imports_and_builds_nothing_of_an_open_store(data_dir: Path) -> None:
    from tests.gui.conftest import PASSWORD

    seen = started(data_dir, PASSWORD)
    page, built, modules = seen["START"]
    assert page == "UnlockPage"
    assert built == {"UnlockPage"}
    assert "PySide6.QtWidgets" in modules and "idcheck.gui.lock" in modules
    assert not loaded(modules), f"imported before the first window: {sorted(loaded(modules))}"
    # The check above can fail: the same process, unlocked, has them all.
    page, built, modules = seen["UNLOCKED"]
    assert page == "CasesPage"
    assert {"UnlockPage", "CasesPage", "MyWorkPage"} <= built
    assert {"idcheck.store", "sqlalchemy", "idcheck.gui.cases", "idcheck.gui.my_work"} <= modules


def test_the_first_run_page_imports_nothing_of_a_store(tmp_path: Path) -> None:
    page, built, modules = started(tmp_path / "new")["START"]
    assert page == "FirstRunPage"
    assert built == {"FirstRunPage"}
    assert not loaded(modules), f"imported before the first window: {sorted(loaded(modules))}"


def test_pages_are_built_when_first_shown_and_work_as_before(qtbot, data_dir, unlock) -> None:
    """Only the unlock page exists at start; unlocking (Enter in the password field)
    shows the case list, locking (Ctrl+L) the unlock page again, which unlocks again."""
    w = MainWindow(data_dir)
    qtbot.addWidget(w)
    w.show()
    assert w.stack.count() == 1 and w.stack.currentWidget() is w.unlock_page
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.session is not None)
    assert w.stack.currentWidget() is w.cases
    assert w.cases.model.rowCount() == 1
    qtbot.keyClick(w.cases.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert w.session is None and w.stack.currentWidget() is w.unlock_page
    assert w.cases.model.rowCount() == 0
    unlock(qtbot, w)
    qtbot.waitUntil(lambda: w.session is not None)
    assert w.stack.currentWidget() is w.cases and w.cases.model.rowCount() == 1
    w.lock()


def test_the_window_reads_its_own_options_as_argparse_did() -> None:
    from idcheck.gui.app import _window_options

    assert _window_options([]) == (None, False)
    assert _window_options(["--data-dir", "/a b"]) == ("/a b", False)
    assert _window_options(["--data-dir=/x", "--training"]) == ("/x", True)
    assert _window_options(["--data-dir", "/x", "--data-dir=/y"]) == ("/y", False)
    with pytest.raises(SystemExit) as refused:
        _window_options(["--data-dir"])
    assert refused.value.code == 2
