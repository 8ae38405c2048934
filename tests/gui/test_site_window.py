"""The site profile in the window (first run, the notice, the Site tab) and the
case list's buttons and new-case form, used the way a person does: keys typed
into the real fields, the real buttons clicked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog
from tests.gui.conftest import when_shown

from idcheck.checklist import Answer, find, load_checklist_bytes
from idcheck.gui.admin import AdminDialog
from idcheck.gui.app import CaseForm, MainWindow, RecoveryKeyDialog
from idcheck.gui.cases import CaseDialog, CaseTableModel
from idcheck.gui.session import store_behind
from idcheck.gui.site import JURISDICTION_LABELS
from idcheck.paths import store_exists
from idcheck.store import JURISDICTIONS, CaseDetails, SiteProfile, Store

PASSWORD = "correct horse battery"
LEFT = Qt.MouseButton.LeftButton


def confirm_recovery_key(monkeypatch):
    def confirm(self):
        self.second.setText(self.groups[1])
        self.last.setText(self.groups[-1])
        self.check()
        return self.result()

    monkeypatch.setattr(RecoveryKeyDialog, "exec", confirm)


def _open_store(path, user="anna"):
    return Store.open(path, user, PASSWORD)


def test_the_window_names_the_jurisdictions_the_store_knows():
    assert list(JURISDICTION_LABELS) == list(JURISDICTIONS)


def test_first_run_starts_in_its_first_field_asks_for_the_site_and_enter_creates(
    qtbot, tmp_path, monkeypatch, messages
):
    confirm_recovery_key(monkeypatch)
    w = MainWindow(tmp_path / "new", messages)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    page = w.first_run
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is page.user
    qtbot.keyClicks(page.user, "anna")
    qtbot.keyClick(page.user, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), PASSWORD)
    assert page.password.text() == PASSWORD
    qtbot.keyClicks(page.again, PASSWORD)
    qtbot.keyClicks(page.site.name, "Mottak Nord")
    page.site.jurisdiction.setFocus()
    qtbot.keyClick(page.site.jurisdiction, Qt.Key.Key_Down)  # from "not chosen" to Norway
    qtbot.keyClicks(page.site.phone, "+47 22 00 00 00")
    qtbot.keyClicks(page.site.address, "Storgata 1")
    qtbot.keyClick(page.site.address, Qt.Key.Key_Return)  # a new line in the address
    qtbot.keyClicks(page.site.address, "0155 Oslo")
    page.site.print_language.setFocus()
    qtbot.keyClick(page.site.print_language, Qt.Key.Key_Down)  # English -> Norsk bokmål
    qtbot.keyClick(page.site.phone, Qt.Key.Key_Return)
    page.creating.wait()  # the store is made off the UI thread
    assert w.stack.currentWidget() is w.cases, messages.shown
    assert not w.cases.site_bar.isVisible()  # set up at first run: no notice
    assert store_behind(w.session).site_profile() == SiteProfile(
        "Mottak Nord", "NO", "+47 22 00 00 00", "Storgata 1\n0155 Oslo", "nb"
    )
    w.lock()


def test_a_bad_site_at_first_run_is_said_and_creates_nothing(
    qtbot, tmp_path, monkeypatch, messages
):
    confirm_recovery_key(monkeypatch)
    w = MainWindow(tmp_path / "new", messages)
    qtbot.addWidget(w)
    page = w.first_run
    qtbot.keyClicks(page.user, "anna")
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClicks(page.again, PASSWORD)
    qtbot.keyClicks(page.site.name, "Mottak Nord")
    qtbot.keyClicks(page.site.phone, "ask at the desk")
    qtbot.mouseClick(page.create_button, LEFT)
    assert messages.shown == [
        (
            "error",
            "Not saved: the site's phone 'ask at the desk' is not a phone number "
            "(digits, spaces, + ( ) - . /)",
        )
    ]
    assert page.creating is None  # refused before anything was started
    assert w.stack.currentWidget() is page
    assert not store_exists(tmp_path / "new")
    assert (page.user.text(), page.password.text(), page.site.name.text()) == (
        "anna",
        PASSWORD,
        "Mottak Nord",
    )
    page.site.phone.clear()
    qtbot.keyClick(page.again, Qt.Key.Key_Return)
    page.creating.wait()
    assert w.stack.currentWidget() is w.cases
    assert store_behind(w.session).site_profile().name == "Mottak Nord"
    assert not w.cases.site_bar.isHidden()  # no jurisdiction yet: still not set up
    w.lock()


def test_the_administrator_sees_the_notice_and_its_button_opens_the_site_tab(
    qtbot, window, unlock, messages
):
    unlock(qtbot, window)
    cases = window.cases
    assert cases.site_bar.isVisible()
    assert "The site is not set up" in cases.site_notice.text()

    def fill(dialog):
        assert dialog.tabs.currentWidget() is dialog.site
        tab = dialog.site
        qtbot.keyClicks(tab.fields.name, "Reception centre Nord")
        tab.fields.jurisdiction.setCurrentIndex(tab.fields.jurisdiction.findData("GB-SCT"))
        assert tab.routes["routes-gb"].isChecked() and not tab.routes["routes-no"].isChecked()
        qtbot.mouseClick(tab.save_button, LEFT)
        dialog.accept()

    when_shown(AdminDialog, fill)
    qtbot.mouseClick(cases.site_button, LEFT)
    assert ("info", "The site is saved.") in messages.shown
    assert not cases.site_bar.isVisible()
    got = store_behind(window.session).site_profile()
    assert (got.name, got.jurisdiction, got.route_ids) == ("Reception centre Nord", "GB-SCT", ())


def test_the_site_tab_chooses_the_routes(qtbot, window, unlock, messages):
    unlock(qtbot, window)
    store_behind(window.session).set_site_profile(SiteProfile("Nord", "NO"))
    window.cases.update_site_notice()
    assert not window.cases.site_bar.isVisible()

    def choose(dialog):
        tab = dialog.site
        qtbot.mouseClick(dialog.tabs.tabBar(), LEFT, pos=dialog.tabs.tabBar().tabRect(0).center())
        assert tab.fields.name.text() == "Nord"
        assert not tab.routes["routes-gb"].isEnabled()
        qtbot.mouseClick(tab.own_routes, LEFT, pos=tab.own_routes.rect().bottomLeft() + _in)
        assert tab.routes["routes-gb"].isEnabled()
        qtbot.mouseClick(
            tab.routes["routes-gb"], LEFT, pos=tab.routes["routes-gb"].rect().bottomLeft() + _in
        )
        qtbot.mouseClick(tab.save_button, LEFT)
        dialog.accept()

    from PySide6.QtCore import QPoint

    _in = QPoint(6, -6)
    when_shown(AdminDialog, choose)
    qtbot.mouseClick(window.cases.admin_button, LEFT)
    assert store_behind(window.session).site_profile().route_ids == ("routes-gb", "routes-no")


def test_a_worker_sees_no_site_notice(qtbot, window, unlock, data_dir):
    store = _open_store(data_dir)
    store.add_user("ben", "ben's password 1", "worker")
    store.lock()
    unlock(qtbot, window, user="ben", password="ben's password 1")
    assert window.stack.currentWidget() is window.cases
    assert not window.cases.site_bar.isVisible()


def test_screen_resume_button_starts_a_screening_on_a_case_with_none(qtbot, window, unlock):
    unlock(qtbot, window)
    window.cases.table.selectRow(0)

    def choose(dialog):
        assert dialog.comboBoxItems()  # the installed checklists
        dialog.setTextValue(next(i for i in dialog.comboBoxItems() if "intake-screen" in i))
        dialog.accept()

    when_shown(QInputDialog, choose)
    qtbot.mouseClick(window.cases.screen_button, LEFT)
    view = window.screening_view
    assert view is not None and window.stack.currentWidget() is view
    assert view.walk.checklist.id == "intake-screen"
    # The button again resumes that draft.
    qtbot.mouseClick(view.form.leave_button, LEFT)
    assert window.stack.currentWidget() is window.cases
    window.cases.table.selectRow(0)
    qtbot.mouseClick(window.cases.screen_button, LEFT)
    assert window.screening_view.screening_id == view.screening_id


def test_new_case_form_records_identifier_languages_birth_date_and_note(
    qtbot, window, unlock, messages
):
    unlock(qtbot, window)
    seen = []

    def fill(form):
        qtbot.keyClicks(form.reference, "2026-019")
        qtbot.keyClicks(form.dob, "2011-13-05")
        qtbot.keyClicks(form.languages, "Arabic, French")
        form.identified_by.setCurrentIndex(form.identified_by.findData("child-welfare"))
        qtbot.keyClicks(form.notes, "Came with a bus ticket.")
        save = form.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, LEFT)
        seen.append((form.isVisible(), form.problem.isVisible(), form.problem.text()))
        form.dob.clear()
        qtbot.keyClicks(form.dob, "2011-03-05")
        assert not form.problem.isVisible()
        qtbot.mouseClick(save, LEFT)

    when_shown(CaseForm, fill)
    qtbot.mouseClick(window.cases.new_button, LEFT)
    assert seen == [
        (True, True, "The date of birth 2011-13-05 does not exist: check the month and the day.")
    ]
    store = store_behind(window.session)
    row = next(r for r in store.list_cases() if r.reference == "2026-019")
    d = store.get_case(row.id).details
    assert (d.claimed_dob, d.languages, d.identified_by, d.notes) == (
        "2011-03-05",
        "Arabic, French",
        "child-welfare",
        "Came with a bus ticket.",
    )
    dialog = CaseDialog(store.get_case(row.id), [], {})
    qtbot.addWidget(dialog)
    shown = [lbl.text() for lbl in dialog.findChildren(type(dialog.presumption))]
    for text in (
        "2011-03-05",
        "Arabic, French",
        "child welfare service",
        "Came with a bus ticket.",
    ):
        assert text in shown


def test_a_future_birth_date_is_refused_in_the_form(qtbot):
    form = CaseForm()
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.reference, "X")
    qtbot.keyClicks(form.dob, "2999-01-01")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)
    assert form.problem.text() == "The date of birth 2999-01-01 is in the future."
    assert form.result() == 0 and form.dob.text() == "2999-01-01"


def test_the_case_list_marks_a_draft_in_which_the_danger_stop_fired(qtbot, window, unlock):
    unlock(qtbot, window)
    store = store_behind(window.session)
    text = find("intake-screen").path.read_bytes()
    import hashlib

    checklist = load_checklist_bytes(text)
    cid = store.create_case(CaseDetails(reference="2026-099"))
    sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
    store.record_answer(sid, "danger-harm", Answer(value="yes"))
    window.cases.refresh()
    model = window.cases.model
    marks = {
        model.data(model.index(i, 0)): model.data(model.index(i, CaseTableModel.ALERT))
        for i in range(model.rowCount())
    }
    assert marks == {"2026-099": "DANGER STOP", "2026-017": ""}
    assert model.headerData(CaseTableModel.ALERT, Qt.Orientation.Horizontal) == "Alert"
