"""The window's tests share: a real encrypted store copied from a template per
test, a message service that records instead of showing modals, and unlocking by
keyboard."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from tests.conftest import make_template

from idcheck.gui.app import MainWindow
from idcheck.gui.session import Messages
from idcheck.store import CaseDetails

PASSWORD = "correct horse battery"


class RecordingMessages(Messages):
    """Records every message; answers questions and file choosers from queues a
    test fills (an empty queue answers No / Cancel)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.confirms: list[bool] = []
        self.passwords: list[str] = []
        self.paths: list[Path] = []
        self.suggested: list[str] = []

    def info(self, parent, title, text):
        self.shown.append(("info", text))

    def error(self, parent, title, text):
        self.shown.append(("error", text))

    def confirm(self, parent, title, text):
        self.shown.append(("confirm", text))
        return self.confirms.pop(0) if self.confirms else False

    def password(self, parent, title, label):
        return self.passwords.pop(0) if self.passwords else None

    def save_path(self, parent, title, suggested, filter_, *, ask_replace=True):
        self.suggested.append(suggested)
        return self.paths.pop(0) if self.paths else None

    def open_path(self, parent, title, filter_):
        return self.paths.pop(0) if self.paths else None


@pytest.fixture(scope="session")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("gui-template") / "store"

    def build(store):
        store.create_case(CaseDetails(reference="2026-017", given_name="Øystein"))

    return make_template(path, build, worker=False).path


@pytest.fixture
def data_dir(template, tmp_path):
    target = tmp_path / "store"
    shutil.copytree(template, target)
    return target


@pytest.fixture
def messages():
    return RecordingMessages()


@pytest.fixture
def window(qtbot, data_dir, messages):
    w = MainWindow(data_dir, messages)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.lock()


@pytest.fixture
def unlock():
    """``unlock(qtbot, window)``: type the user name and password and press Enter,
    as a person would."""

    def run(qtbot, w, user="anna", password=PASSWORD):
        page = w.unlock_page
        page.user.setText(user)
        page.password.setFocus()
        qtbot.keyClicks(page.password, password)
        qtbot.keyClick(page.password, Qt.Key.Key_Return)
        if page.opening is not None:  # the store opens off the UI thread
            page.opening.wait()

    return run


@pytest.fixture(scope="session")
def walk_template(tmp_path_factory):
    """A store with one child (Amira, 15) and the site's police duty desk."""
    path = tmp_path_factory.mktemp("walk-template") / "store"

    def build(store):
        store.create_case(CaseDetails(reference="2026-080", given_name="Amira", claimed_age=15))
        store.save_contacts(
            [{"role": "police-emergency", "name": "Local police duty desk", "phone": "+47 02800"}]
        )

    return make_template(path, build, worker=False).path


@pytest.fixture
def walk_window(qtbot, walk_template, tmp_path):
    """The window, active, unlocked on a copy of ``walk_template``, its case selected."""
    w = unlocked_window(qtbot, walk_template, tmp_path)
    yield w
    w.lock()


def unlocked_window(qtbot, template, tmp_path):
    """The window, active, unlocked as anna on a copy of the store ``template``, its
    first case selected (lock it when done)."""
    data = tmp_path / "store"
    shutil.copytree(template, data)
    w = MainWindow(data)
    qtbot.addWidget(w)
    w.resize(1200, 760)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    w.unlock_page.user.setText("anna")
    w.unlock_page.password.setText(PASSWORD)
    w.unlock_page.unlock().wait()
    w.cases.table.selectRow(0)
    return w


def when_shown(kind, act, tries=200, settle=50):
    """Run ``act(dialog)`` once a (modal) dialog of ``kind`` is shown and is the
    active window.

    A dialog is visible before it is active: the platform's activation arrives as
    an event of its own, and until it is handled ``QApplication.focusWidget()`` is
    still in the window below, so a key pressed "where the focus is" would go
    there, the dialog would stay open and its ``exec()`` never return. So this
    waits for the activation (up to ``settle`` polls, then acts anyway, for a
    dialog shown without activating). If ``act`` fails, the dialog is closed so
    the test reports the failure instead of hanging."""

    def poll(left=tries, waited=0):
        for w in QApplication.topLevelWidgets():
            if isinstance(w, kind) and w.isVisible():
                if QApplication.activeWindow() is not w and waited < settle:
                    QTimer.singleShot(20, lambda: poll(left, waited + 1))
                    return
                try:
                    act(w)
                except BaseException:
                    if w.isVisible() and hasattr(w, "reject"):
                        w.reject()
                    raise
                return
        if left:
            QTimer.singleShot(20, lambda: poll(left - 1))

    QTimer.singleShot(20, poll)


class Clock:
    """The window's clock; a test moves it instead of sleeping."""

    def __init__(self) -> None:
        self.t = time.time()

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def fwindow(qtbot, walk_template, tmp_path, clock, messages):
    data = tmp_path / "store"
    shutil.copytree(walk_template, data)
    w = MainWindow(data, messages, now=clock)
    qtbot.addWidget(w)
    w.resize(1200, 760)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    yield w
    w.lock()
