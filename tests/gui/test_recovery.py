"""*Forgot your password?* on the unlock page, by clicks and keys: the recovery
key sets a new password, a new recovery key is shown once with the same
confirmation as at first run, and the old key opens nothing afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from tests.conftest import new_store

from idcheck.gui.app import MainWindow
from idcheck.gui.lock import RecoverDialog, RecoveryKeyDialog
from idcheck.gui.session import store_behind
from idcheck.store import Store, WrongPassword

PASSWORD = "correct horse battery"
BEN = "ben's first password"
NEW = "ben's recovered password"


@pytest.fixture
def store_dir(tmp_path):
    d = tmp_path / "store"
    s, recovery = new_store(d)
    s.add_user("ben", BEN)
    s.lock()
    return d, recovery


def _visible(kind):
    for w in QApplication.topLevelWidgets():
        if isinstance(w, kind) and w.isVisible():
            return w
    return None


def fill_recovery(qtbot, user, key, password, again=None):
    """When the recovery dialog shows, type into it as a person would and press
    its button."""

    def act():
        d = _visible(RecoverDialog)
        if d is None:
            QTimer.singleShot(20, act)
            return
        d.user.clear()
        qtbot.keyClicks(d.user, user)
        qtbot.keyClicks(d.key, key)
        qtbot.keyClicks(d.password, password)
        qtbot.keyClicks(d.again, password if again is None else again)
        qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(20, act)


def confirm_new_key(qtbot, shown):
    """When the new recovery key shows, note it, type back groups 2 and the last,
    and press OK."""

    def act():
        d = _visible(RecoveryKeyDialog)
        if d is None:
            QTimer.singleShot(20, act)
            return
        shown.append("-".join(d.groups))
        qtbot.keyClicks(d.second, d.groups[1].lower())
        qtbot.keyClicks(d.last, d.groups[-1])
        qtbot.mouseClick(d.buttons.buttons()[0], Qt.MouseButton.LeftButton)

    QTimer.singleShot(20, act)


def test_forgot_password_by_clicks_sets_a_new_one_and_shows_a_new_key(qtbot, store_dir, messages):
    data, recovery = store_dir
    w = MainWindow(data, messages)
    qtbot.addWidget(w)
    w.show()
    page = w.unlock_page
    assert page.forgot.isVisible()
    qtbot.keyClicks(page.user, "ben")
    shown: list[str] = []
    fill_recovery(qtbot, "ben", recovery.lower().replace("-", " "), NEW)
    confirm_new_key(qtbot, shown)
    qtbot.mouseClick(page.forgot, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.cases, timeout=30_000)
    assert w.session is not None and store_behind(w.session).user.username == "ben"
    assert len(shown) == 1 and shown[0] != recovery and len(shown[0].split("-")) == 8
    w.lock()
    Store.open(data, "ben", NEW).lock()
    with pytest.raises(WrongPassword):
        Store.open(data, "ben", BEN)
    with pytest.raises(WrongPassword):
        Store.open_with_recovery(data, recovery)
    Store.open_with_recovery(data, shown[0]).lock()


def test_a_wrong_recovery_key_is_refused_and_delayed(qtbot, store_dir, messages):
    data, _recovery = store_dir
    w = MainWindow(data, messages)
    qtbot.addWidget(w)
    w.show()
    page = w.unlock_page
    for _ in range(3):
        fill_recovery(qtbot, "ben", "AAAA-" * 7 + "AAAA", NEW)
        qtbot.mouseClick(page.forgot, Qt.MouseButton.LeftButton)
        if page.opening is not None:
            page.opening.wait()
    assert w.stack.currentWidget() is page
    assert "Wait" in page.status.text()  # the third wrong key: a wait, as after passwords
    assert not page.forgot.isEnabled() and not page.button.isEnabled()
    Store.open(data, "ben", BEN).lock()  # nothing changed


@pytest.mark.parametrize(
    "user, key, password, again, says",
    [
        ("nobody", None, NEW, None, "no user of that name"),
        ("ben", None, "short", None, "at least 10 characters"),
    ],
)
def test_recovery_says_what_is_wrong_and_changes_nothing(
    qtbot, store_dir, messages, user, key, password, again, says
):
    data, recovery = store_dir
    w = MainWindow(data, messages)
    qtbot.addWidget(w)
    w.show()
    page = w.unlock_page
    fill_recovery(qtbot, user, key or recovery, password, again)
    qtbot.mouseClick(page.forgot, Qt.MouseButton.LeftButton)
    if page.opening is not None:
        page.opening.wait()
    assert says in page.status.text()
    assert w.stack.currentWidget() is page
    Store.open(data, "ben", BEN).lock()
    Store.open_with_recovery(data, recovery).lock()


def test_two_different_new_passwords_keep_the_dialog_open(qtbot, store_dir, messages):
    data, recovery = store_dir
    w = MainWindow(data, messages)
    qtbot.addWidget(w)
    w.show()
    seen: list[str] = []

    def act():
        d = _visible(RecoverDialog)
        if d is None:
            QTimer.singleShot(20, act)
            return
        qtbot.keyClicks(d.user, "ben")
        qtbot.keyClicks(d.key, recovery)
        qtbot.keyClicks(d.password, NEW)
        qtbot.keyClicks(d.again, NEW + "x")
        qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)
        seen.append(d.problem.text())
        assert d.isVisible()
        qtbot.mouseClick(d.buttons.buttons()[1], Qt.MouseButton.LeftButton)  # Cancel

    QTimer.singleShot(20, act)
    qtbot.mouseClick(w.unlock_page.forgot, Qt.MouseButton.LeftButton)
    assert seen == ["The two passwords differ."]
    assert w.unlock_page.opening is None
    Store.open_with_recovery(data, recovery).lock()


def test_a_disabled_user_cannot_be_recovered_in_the_window(qtbot, store_dir, messages):
    data, recovery = store_dir
    s = Store.open(data, "anna", PASSWORD)
    s.disable_user(s.user_by_name("ben").id)
    s.lock()
    w = MainWindow(data, messages)
    qtbot.addWidget(w)
    w.show()
    fill_recovery(qtbot, "ben", recovery, NEW)
    qtbot.mouseClick(w.unlock_page.forgot, Qt.MouseButton.LeftButton)
    if w.unlock_page.opening is not None:
        w.unlock_page.opening.wait()
    assert "cannot be recovered" in w.unlock_page.status.text()
    assert w.stack.currentWidget() is w.unlock_page


def test_an_administrator_makes_a_new_recovery_key_by_clicks(qtbot, store_dir, messages):
    from idcheck.gui.admin import AdminDialog

    data, recovery = store_dir
    w = MainWindow(data, messages)
    qtbot.addWidget(w)
    w.show()
    page = w.unlock_page
    page.user.setText("anna")
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    if page.opening is not None:
        page.opening.wait()
    d = AdminDialog(w.session, w)
    qtbot.addWidget(d)
    d.show()
    d.tabs.setCurrentWidget(d.users)
    messages.confirms.append(True)
    shown: list[str] = []
    confirm_new_key(qtbot, shown)
    qtbot.mouseClick(d.users.recovery_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=30_000)  # off the UI thread
    assert shown[0] != recovery
    assert "stops working" in messages.shown[-1][1]
    w.lock()
    with pytest.raises(WrongPassword):
        Store.open_with_recovery(data, recovery)
    Store.open_with_recovery(data, shown[0]).lock()


def test_an_old_slot_of_a_disabled_user_is_named_as_withdrawn(qtbot, store_dir, messages, unlock):
    import json

    data, _ = store_dir
    kept = {n: (data / n).read_text() for n in ("keyslots.0.json", "keyslots.1.json")}
    s = Store.open(data, "anna", PASSWORD)
    s.disable_user(s.user_by_name("ben").id)
    s.lock()
    for name, text in kept.items():  # ben puts his old copy back
        doc = json.loads(text)
        doc["seq"] = 10_000
        (data / name).write_text(json.dumps(doc))
    w = MainWindow(data, messages)
    qtbot.addWidget(w)
    w.show()
    unlock(qtbot, w, user="ben", password=BEN)
    assert w.stack.currentWidget() is w.unlock_page
    assert w.unlock_page.status.text().startswith("This key no longer opens the store")


@pytest.mark.parametrize(
    "typed",
    ["not a key", "QP6Q-4W6N-GKTM-FJHC-BQSG-VDTP-O6I2", "QP6Q-4W6N-GKTM-FJHC-BQSG-VDTP-O6I2-XCV9"],
)
def test_a_mistyped_recovery_key_keeps_the_dialog_and_what_was_typed(
    qtbot, store_dir, messages, typed
):
    """A key that cannot be one (a group missing, a 9) is said in the dialog, which
    stays open with everything typed, so one slip does not mean typing it all again."""
    data, recovery = store_dir
    w = MainWindow(data, messages)
    qtbot.addWidget(w)
    w.show()
    seen: list[tuple[str, str, str, bool]] = []

    def act():
        d = _visible(RecoverDialog)
        if d is None:
            QTimer.singleShot(20, act)
            return
        qtbot.keyClicks(d.user, "ben")
        qtbot.keyClicks(d.key, typed)
        qtbot.keyClicks(d.password, NEW)
        qtbot.keyClicks(d.again, NEW)
        qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)
        seen.append((d.problem.text(), d.key.text(), d.password.text(), d.isVisible()))
        qtbot.mouseClick(d.buttons.buttons()[1], Qt.MouseButton.LeftButton)  # Cancel

    QTimer.singleShot(20, act)
    qtbot.mouseClick(w.unlock_page.forgot, Qt.MouseButton.LeftButton)
    ((problem, key, password, visible),) = seen
    assert "not a recovery key" in problem
    assert (key, password, visible) == (typed, NEW, True)
    assert w.unlock_page.opening is None
    Store.open(data, "ben", BEN).lock()  # nothing changed
    Store.open_with_recovery(data, recovery).lock()


def test_a_problem_said_in_the_dialog_cuts_none_of_its_text(qtbot, store_dir, messages):
    """The message under the passwords took its lines from the explanation above the
    fields, whose first and last lines were then cut off (Norwegian at 150 % showed it)."""
    from PySide6.QtWidgets import QLabel

    data, _recovery = store_dir
    w = MainWindow(data, messages)
    qtbot.addWidget(w)
    w.show()
    cut: list[list[tuple[str, int, int]]] = []

    def act():
        d = _visible(RecoverDialog)
        if d is None:
            QTimer.singleShot(20, act)
            return
        qtbot.waitExposed(d)
        qtbot.keyClicks(d.user, "ben")
        qtbot.keyClicks(d.key, "QP6Q-4W6N-GKTM")
        qtbot.keyClicks(d.password, NEW)
        qtbot.keyClicks(d.again, NEW)
        qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)
        qtbot.wait(50)  # the layout settles
        cut.append(
            [
                (label.text()[:30], label.height(), label.heightForWidth(label.width()))
                for label in d.findChildren(QLabel)
                if label.wordWrap()
                and label.text()
                and label.isVisible()
                and label.height() < label.heightForWidth(label.width())
            ]
        )
        qtbot.mouseClick(d.buttons.buttons()[1], Qt.MouseButton.LeftButton)  # Cancel

    QTimer.singleShot(20, act)
    qtbot.mouseClick(w.unlock_page.forgot, Qt.MouseButton.LeftButton)
    assert cut == [[]]
