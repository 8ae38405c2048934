"""The window, offscreen, with a real encrypted store in a temporary folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from idcheck.gui.app import CaseForm, CaseTableModel, MainWindow, RecoveryKeyDialog
from idcheck.gui.case_table import PAGE
from idcheck.gui.session import store_behind
from idcheck.store import CaseDetails, CaseRow, Store

PASSWORD = "correct horse battery"


def test_first_run_creates_the_store_and_shows_the_recovery_key_once(
    qtbot, tmp_path, monkeypatch, messages
):
    shown: list[str] = []

    def confirm(self):
        shown.append("-".join(self.groups))
        self.second.setText(self.groups[1])
        self.last.setText(self.groups[-1].lower())
        self.check()
        return self.result()

    monkeypatch.setattr(RecoveryKeyDialog, "exec", confirm)
    w = MainWindow(tmp_path / "new", messages)
    qtbot.addWidget(w)
    assert w.stack.currentWidget() is w.first_run
    page = w.first_run
    qtbot.keyClicks(page.user, "anna")
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClicks(page.again, PASSWORD)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert page.creating is not None  # made off the UI thread
    assert page.create_button.isEnabled() is False  # a second press makes nothing twice
    page.creating.wait()
    assert w.stack.currentWidget() is w.cases
    assert len(shown) == 1 and len(shown[0].split("-")) == 8
    assert (tmp_path / "new" / "idcheck.db").exists()
    w.lock()
    Store.open(tmp_path / "new", "anna", PASSWORD).lock()


def test_recovery_key_confirmation_refuses_wrong_groups(qtbot):
    """Two groups typed back, as the key is read when used: case, spaces and
    dashes do not count, and 0 / 1 / 8 written by hand are the letters O / I / B
    (a group SOVB typed S0VB was refused as not matching)."""
    d = RecoveryKeyDialog("AAAA-SOVB-CCCC-DDDD-EEEE-FFFF-GGGG-HIBH")
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    ok = d.buttons.button(QDialogButtonBox.StandardButton.Ok)
    d.second.setFocus()
    qtbot.keyClicks(d.second, "CCCC")
    qtbot.keyClicks(d.last, "HIBH")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert d.result() != QDialog.DialogCode.Accepted and d.isVisible()
    assert d.problem.isVisible() and d.problem.text() == "Those groups do not match; look again"
    assert d.windowTitle() == "Your recovery key"  # the title stays the dialog's own
    assert d.second.height() >= d.second.sizeHint().height()  # not squashed by the line said
    d.second.clear()
    qtbot.keyClicks(d.second, "s0vb")
    d.last.clear()
    qtbot.keyClicks(d.last, "h1-8h ")
    qtbot.keyClick(d.last, Qt.Key.Key_Return)
    assert d.result() == QDialog.DialogCode.Accepted


def test_unlock_with_right_and_wrong_password(qtbot, window, unlock):
    assert window.stack.currentWidget() is window.unlock_page
    unlock(qtbot, window, password="wrong password!")
    assert window.stack.currentWidget() is window.unlock_page
    assert window.unlock_page.status.text() == "Wrong user name or password."
    assert window.unlock_page.password.text() == ""
    unlock(qtbot, window)
    assert window.stack.currentWidget() is window.cases
    assert window.cases.model.rowCount() == 1


def test_growing_delay_is_visible(qtbot, window, unlock):
    for _ in range(3):
        unlock(qtbot, window, password="wrong password!")
    assert "Wait" in window.unlock_page.status.text()
    assert not window.unlock_page.button.isEnabled()


def test_search_folds_norwegian_letters(qtbot, window, unlock):
    """ "oyst" finds Øystein and Oystein among many, and none of the names that
    share letters with it (Østen, Øyvind, Systad, Bjørn Øy) or nothing at all."""
    unlock(qtbot, window)
    store = store_behind(window.session)
    names = {
        "N-001": ("Oystein", "Lie"),  # the template's Øystein is 2026-017
        "N-002": ("Østen", "Haugen"),
        "N-003": ("Øyvind", "Berg"),
        "N-004": ("Kristian", "Systad"),
        "N-005": ("Bjørn", "Øy"),
        "N-006": ("Ståle", "Søyland"),
    }
    for ref, (given, family) in names.items():
        store.create_case(CaseDetails(reference=ref, given_name=given, family_name=family))
    for i in range(300):
        store.create_case(
            CaseDetails(reference=f"F-{i:03d}", given_name="Ola", family_name="Nordmann")
        )
    window.cases.refresh()
    # The list holds all 307; they are read and given to the table a page at a
    # time as it asks for more (a view scrolled to its end calls fetchMore).
    assert window.cases.shown.text() == "Cases shown: 307"
    assert len(window.cases.model.rows) == PAGE
    assert window.cases.proxy.rowCount() == PAGE
    while window.cases.proxy.canFetchMore(QModelIndex()):
        window.cases.proxy.fetchMore(QModelIndex())
    assert window.cases.proxy.rowCount() == 307
    resets = []
    window.cases.model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(window.cases.search_pause.timeout):
        qtbot.keyClicks(window.cases.search, "oyst")
    assert sorted(r.reference for r in window.cases.model.rows) == ["2026-017", "N-001"]
    assert len(resets) == 1  # one query after the pause, not one per keystroke
    window.cases.search.setText("øyv")
    qtbot.keyClick(window.cases.search, Qt.Key.Key_Return)  # Enter searches at once
    assert [r.reference for r in window.cases.model.rows] == ["N-003"]
    window.cases.search.setText("nobody")
    qtbot.keyClick(window.cases.search, Qt.Key.Key_Return)
    assert window.cases.model.rowCount() == 0


def test_create_a_case(qtbot, window, unlock, monkeypatch):
    unlock(qtbot, window)

    def fill(form):
        form.reference.setText("2026-018")
        form.claimed.setValue(15)
        form.disputed.setChecked(True)
        form.adult.setText("man, about 30")
        form.relation.setText("cousin")
        assert "treat them as a child" in form.presumption.text()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CaseForm, "exec", fill)
    window.cases.new_button.click()
    refs = [r.reference for r in window.cases.model.rows]
    assert "2026-018" in refs


def test_presumption_shown_only_when_the_child_may_be_under_18(qtbot):
    f = CaseForm()
    qtbot.addWidget(f)
    assert "treat them as a child" in f.presumption.text()  # no age known
    f.claimed.setValue(25)
    f.assessed.setValue(24)
    assert f.presumption.text() == ""
    f.disputed.setChecked(True)
    assert "treat them as a child" in f.presumption.text()


def test_ctrl_l_locks_and_hides_every_child(qtbot, window, unlock):
    unlock(qtbot, window)
    assert window.cases.model.rowCount() == 1
    qtbot.keyClick(window.cases.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.unlock_page
    assert window.cases.model.rowCount() == 0
    assert window.session is None


def test_auto_lock_with_a_dialog_open(qtbot, window, unlock):
    unlock(qtbot, window)
    store = store_behind(window.session)
    window.idle.setInterval(300)
    window.idle.start()
    # A safety net so a failing test cannot hang on the modal dialog.
    QTimer.singleShot(
        5000,
        lambda: [
            d.reject()
            for d in QApplication.topLevelWidgets()
            if isinstance(d, QDialog) and d.isVisible()
        ],
    )
    window.cases.new_case()  # modal; returns when the idle lock closes it
    assert window.session is None
    assert not store.is_open
    assert window.stack.currentWidget() is window.unlock_page


def test_sorting_by_another_column_sorts_every_case_not_the_first_page(qtbot, window, unlock):
    unlock(qtbot, window)
    store = store_behind(window.session)
    for i in range(250):
        store.create_case(CaseDetails(reference=f"S-{i:03d}"))
    window.cases.refresh()
    assert window.cases.proxy.rowCount() == PAGE  # the newest page first
    header = window.cases.table.horizontalHeader()
    x = header.sectionViewportPosition(0) + header.sectionSize(0) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    # Every case is sorted, not the page read first: the first row is the
    # smallest reference of all 251, and scrolled to the end the column is in
    # order over every case.
    every = sorted(r.reference for r in store.list_cases())
    assert len(every) == 251
    proxy = window.cases.proxy
    assert proxy.data(proxy.index(0, 0)) == every[0]
    assert header.sortIndicatorSection() == 0
    table = window.cases.table
    while proxy.canFetchMore(QModelIndex()):
        table.scrollToBottom()
        QApplication.processEvents()
    assert [proxy.data(proxy.index(i, 0)) for i in range(proxy.rowCount())] == every


def test_case_model_with_10000_rows_without_a_window(qtmodeltester):
    model = CaseTableModel()
    rows = [
        CaseRow(i, f"R-{i:05d}", "Given", None, "open", 0.0, float(i), 1, 0, None)
        for i in range(10_000)
    ]
    model.set_rows(rows)
    # The view is given a page first, then the rest as it asks (fetchMore).
    assert model.rowCount() == PAGE
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 10_000
    assert model.data(model.index(42, 0)) == "R-00042"
    assert model.data(model.index(42, 0), Qt.ItemDataRole.UserRole) == 42
    qtmodeltester.check(model)


def test_settings_switch_language_and_size_at_run_time_and_keep_the_session(
    qtbot, window, unlock, data_dir, monkeypatch
):
    from idcheck.gui.i18n import UiPrefs, apply
    from idcheck.gui.settings import SettingsDialog

    unlock(qtbot, window)
    session = window.session
    app = QApplication.instance()
    apply(app, UiPrefs("en", 100))  # whatever an earlier test left
    points = app.font().pointSizeF()

    def choose(self):
        self.language.setCurrentIndex(self.language.findData("nb"))
        self.text_size.setCurrentIndex(self.text_size.findData(200))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", choose)
    try:
        window.settings_button.click()
        assert UiPrefs.load(data_dir) == UiPrefs("nb", 200)
        assert window.cases.new_button.text() == "&Ny sak"
        assert window.session is session and window.stack.currentWidget() is window.cases
        assert window.cases.model.rowCount() == 1  # the list is shown again, not emptied
        assert app.font().pointSizeF() == pytest.approx(points * 2)
        window.lock()
        assert window.unlock_page.button.text() != "Unlock"
    finally:
        apply(app, UiPrefs("en", 100))


def test_unlocking_runs_off_the_ui_thread(qtbot, window):
    page = window.unlock_page
    page.user.setText("anna")
    page.password.setText(PASSWORD)
    op = page.unlock()
    # argon2id and the opening take a moment: the call returns at once, the page says so
    assert op is not None and op.running and window.session is None
    assert page.status.text() == "Opening the store…" and not page.button.isEnabled()
    assert page.password.text() == ""  # the password is not left in the field meanwhile
    assert page.unlock() is None  # a second press does not open it twice
    op.wait()
    assert window.session is not None and window.stack.currentWidget() is window.cases
    assert page.button.isEnabled() and page.status.text() == ""


def test_the_unlock_page_speaks_norwegian_when_chosen(qtbot, window, unlock):
    from idcheck.gui.i18n import UiPrefs, apply

    app = QApplication.instance()
    try:
        apply(app, UiPrefs("nb", 100))
        window.retranslate()
        unlock(qtbot, window, password="wrong password!")
        said = window.unlock_page.status.text()
        assert said and said != "Wrong user name or password."
    finally:
        apply(app, UiPrefs("en", 100))


def test_a_language_change_while_the_store_opens_still_unlocks(qtbot, window):
    page = window.unlock_page
    page.user.setText("anna")
    page.password.setText(PASSWORD)
    assert page.unlock() is not None
    window.retranslate()  # as the settings dialog does, before the opening has ended
    assert window.session is not None and window.stack.currentWidget() is window.cases


def test_escape_or_closing_never_loses_the_recovery_key_unconfirmed(qtbot, tmp_path, messages):
    """The first run's recovery key is shown once: Escape and the window's close
    button keep it on the screen and say why, a wrong group is said in the dialog,
    and only the two groups typed back let it go."""
    from tests.gui.conftest import when_shown

    w = MainWindow(tmp_path / "new", messages)
    qtbot.addWidget(w)
    w.show()
    seen: dict[str, object] = {}

    def act(d):
        seen["key"] = "-".join(d.groups)
        qtbot.keyClick(QApplication.focusWidget() or d, Qt.Key.Key_Escape)
        seen["after_escape"] = d.isVisible()
        seen["said_after_escape"] = d.problem.isVisible() and "not shown again" in d.problem.text()
        d.close()
        seen["after_close"] = d.isVisible()
        qtbot.keyClicks(d.second, "WRONG")
        qtbot.keyClicks(d.last, d.groups[-1])
        qtbot.mouseClick(d.buttons.buttons()[0], Qt.MouseButton.LeftButton)
        seen["after_wrong"] = d.isVisible()
        seen["said_after_wrong"] = d.problem.isVisible() and "do not match" in d.problem.text()
        d.second.clear()
        qtbot.keyClicks(d.second, d.groups[1].lower())
        qtbot.keyClick(d.last, Qt.Key.Key_Return)
        seen["after_right"] = d.isVisible()

    when_shown(RecoveryKeyDialog, act)
    page = w.first_run
    qtbot.keyClicks(page.user, "anna")
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClicks(page.again, PASSWORD)
    qtbot.keyClick(page.again, Qt.Key.Key_Return)
    assert page.creating is not None
    page.creating.wait()
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.cases, timeout=10000)
    assert seen["after_escape"] is True and seen["said_after_escape"] is True
    assert seen["after_close"] is True
    assert seen["after_wrong"] is True and seen["said_after_wrong"] is True
    assert seen["after_right"] is False
    w.lock()
