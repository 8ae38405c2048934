"""Administration in the window, the case dialog, filters, switching user and
changing one's own password; offscreen, with a real encrypted store."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from tests.conftest import new_store

from idcheck.checklist import Answer, assess, bundled_root, find, load_bundled
from idcheck.gui.admin import AdminDialog, NewUserDialog, PasswordDialog
from idcheck.gui.cases import CaseDialog
from idcheck.gui.session import store_behind
from idcheck.store import CaseDetails, Decision, Store, WrongPassword

PASSWORD = "correct horse battery"


@pytest.fixture
def admin(qtbot, window, unlock):
    unlock(qtbot, window)
    assert window.session is not None
    d = AdminDialog(window.session, window)
    qtbot.addWidget(d)
    return d


def accept_with(fill):
    """The dialog shown, filled by ``fill``, and its OK button pressed."""

    def exec_(self):
        self.open()
        fill(self)
        QTest.mouseClick(self.ok, Qt.MouseButton.LeftButton)
        if self.isVisible():  # refused: the dialog stays open until Cancel
            self.reject()
        return self.result()

    return exec_


def test_administration_is_offered_to_administrators_only(qtbot, window, unlock, data_dir):
    unlock(qtbot, window)
    assert window.cases.admin_button.isVisibleTo(window)
    store_behind(window.session).add_user("ben", "ben's long password", "worker")
    window.switch_user()
    assert window.session is None and window.unlock_page.user.text() == ""
    unlock(qtbot, window, user="ben", password="ben's long password")
    assert store_behind(window.session).user.username == "ben"
    assert not window.cases.admin_button.isVisibleTo(window)
    window.open_admin()  # refused quietly: no dialog is tracked
    assert window.session.dialogs == []


def test_add_reset_and_disable_a_user(qtbot, admin, window, data_dir, monkeypatch, messages):
    def fill(d):
        d.username.setText("ben")
        d.password.setText("ben's long password")
        d.again.setText("ben's long password")
        d.role.setCurrentIndex(d.role.findData("worker"))

    monkeypatch.setattr(NewUserDialog, "exec", accept_with(fill))
    admin.users.add_user()
    assert [u.username for u in admin.users.users] == ["anna", "ben"]

    admin.users.table.selectRow(1)

    def new_password(d):
        d.password.setText("a brand new password")
        d.again.setText("a brand new password")

    monkeypatch.setattr(PasswordDialog, "exec", accept_with(new_password))
    admin.users.reset_password()
    assert admin.users.changing is not None  # the database key is replaced off the UI thread
    admin.users.changing.wait()
    assert ("info", "The password of ben is changed.") in messages.shown

    admin.users.table.selectRow(1)
    messages.confirms.append(True)
    admin.users.disable_user()
    admin.users.changing.wait()
    assert admin.users.table.item(1, 2).text() == "disabled"
    window.lock()
    with pytest.raises(WrongPassword):
        Store.open(data_dir, "ben", "a brand new password")


def test_new_user_passwords_must_match(qtbot):
    d = NewUserDialog()
    qtbot.addWidget(d)
    d.password.setText("one long password")
    d.again.setText("another long password")
    d.show()
    qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)
    assert d.isVisible()
    assert d.result() != QDialog.DialogCode.Accepted
    assert d.problem.text() == "The two passwords differ."


def test_contacts_from_a_site_directory_file_are_saved(qtbot, admin, window, messages):
    messages.paths.append(bundled_root() / "directory.yaml")
    admin.contacts.load_file()
    rows = admin.contacts.rows()
    assert any(r["role"] == "police-emergency" and r["phone"] == "112" for r in rows)
    admin.contacts.save()
    saved = store_behind(window.session).list_contacts()
    assert len(saved) == len(rows)
    again = AdminDialog(window.session, window)
    qtbot.addWidget(again)

    def key(r):
        return (r["role"], r["name"])

    assert sorted(again.contacts.rows(), key=key) == sorted(rows, key=key)


def test_a_broken_directory_file_is_named_and_changes_nothing(
    qtbot, admin, window, messages, tmp_path
):
    bad = tmp_path / "directory.yaml"
    bad.write_text(
        "language_version: 1\nkind: directory\nsite: x\nupdated: 2026-01-01\ncontacts:\n  - role: police\n    phone: 112\n"
    )
    before = admin.contacts.rows()
    messages.paths.append(bad)
    admin.contacts.load_file()
    kind, text = messages.shown[-1]
    assert kind == "error" and f"{bad}:6:" in text and "name" in text
    assert admin.contacts.rows() == before


def test_a_contact_without_a_name_is_refused(qtbot, admin, window, messages):
    admin.contacts.add_row({"role": "police", "phone": "02800"})
    qtbot.mouseClick(admin.contacts.save_button, Qt.MouseButton.LeftButton)
    assert messages.shown[-1] == ("error", "Not saved: every contact needs a role and a name")
    assert admin.contacts.rows() == [  # what was typed stays, to be completed
        {"role": "police", "name": None, "phone": "02800", "hours": None, "note": None}
    ]
    assert store_behind(window.session).list_contacts() == []


def test_idle_time_and_retention_settings(qtbot, admin, window, messages):
    admin.settings.idle.setValue(2)
    admin.settings.retention.setValue(7)
    qtbot.mouseClick(admin.settings.save_button, Qt.MouseButton.LeftButton)
    # The window's idle lock follows the saved setting: nothing wires the two
    # but the change the operation announces.
    assert window.idle.interval() == 2 * 60_000
    store = store_behind(window.session)
    assert store.get_setting("idle_minutes") == "2"
    assert store.get_setting("retention_years") == "7"
    qtbot.mouseClick(admin.settings.apply_button, Qt.MouseButton.LeftButton)  # asks first
    assert messages.shown[-1][0] == "confirm" and "7 years" in messages.shown[-1][1]
    messages.confirms.append(True)
    qtbot.mouseClick(admin.settings.apply_button, Qt.MouseButton.LeftButton)
    admin.settings.deleting.wait()  # off the UI thread
    assert messages.shown[-1] == ("info", "Closed cases deleted: 0.")


def test_backup_then_restore_through_the_window(
    qtbot, admin, window, unlock, data_dir, messages, tmp_path
):
    target = tmp_path / "office.idcheck-backup"
    messages.paths.append(target)
    admin.data.backup()
    qtbot.waitUntil(lambda: "Backup written" in admin.data.result.text(), timeout=20_000)
    assert target.exists()
    store_behind(window.session).create_case(CaseDetails(reference="after-the-backup"))

    messages.paths.append(target)
    messages.confirms.append(True)
    messages.passwords.append(PASSWORD)
    admin.restore_requested.connect(window.restore)
    admin.data.restore()
    assert window.session is None  # locked at once, before anything is replaced
    qtbot.waitUntil(lambda: window.unlock_page.isEnabled(), timeout=30_000)
    assert "The backup is restored" in messages.shown[-1][1]
    unlock(qtbot, window)
    refs = [r.reference for r in window.cases.model.rows]
    assert refs == ["2026-017"]
    assert (data_dir / "idcheck.db.replaced").exists()


def test_a_backup_of_another_store_is_restored_only_when_the_user_says_so(
    qtbot, admin, window, unlock, data_dir, messages, tmp_path
):
    from PySide6.QtCore import Qt

    other, _ = new_store(tmp_path / "other")  # same name and password
    other.create_case(CaseDetails(reference="OTHER-1"))
    backup = other.backup(tmp_path / "other.idcheck-backup")
    other.lock()
    admin.restore_requested.connect(window.restore)

    def press_restore(*, replace: bool) -> str:
        # The file, "replace everything?", the password, then the other-store question.
        messages.shown.clear()
        messages.paths.append(backup)
        messages.confirms[:] = [True, replace]
        messages.passwords.append(PASSWORD)
        qtbot.mouseClick(admin.data.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: messages.shown and messages.shown[-1][0] == "info", timeout=60_000)
        questions = [t for k, t in messages.shown if k == "confirm"]
        return questions[-1]

    asked = press_restore(replace=False)
    assert "is a backup of another store" in asked and "Replace this store with it?" in asked
    assert messages.shown[-1] == ("info", "Nothing was replaced.")
    unlock(qtbot, window)
    assert [r.reference for r in window.cases.model.rows] == ["2026-017"]
    press_restore(replace=True)
    assert "The backup is restored" in messages.shown[-1][1]
    unlock(qtbot, window)
    assert [r.reference for r in window.cases.model.rows] == ["OTHER-1"]


def test_the_audit_check_runs_off_the_ui_thread_and_reports(qtbot, admin):
    admin.data.verify()
    assert not admin.data.verify_button.isEnabled()
    qtbot.waitUntil(lambda: admin.data.verify_button.isEnabled(), timeout=20_000)
    assert admin.data.result.text().startswith("Everything checks.")
    assert "head " in admin.data.result.text()


def test_the_audit_check_names_an_edited_screening_and_checks_an_anchor(qtbot, admin, window):
    from PySide6.QtCore import Qt

    store = store_behind(window.session)
    checklist = load_bundled("intake-screen")
    text = find("intake-screen").path.read_bytes()
    cid = store.create_case(CaseDetails(reference="2026-090"))
    sid = store.start_screening(cid, checklist, text, hashlib.sha256(text).hexdigest())
    store.record_answer(sid, "debt", Answer(value="yes"))
    store.record_decision(sid, Decision("full-screening", (), "full-screening"))
    store.complete_screening(sid)
    anchor = str(store.audit_head())

    def check(typed: str) -> str:
        admin.data.anchor.clear()
        qtbot.keyClicks(admin.data.anchor, typed)
        qtbot.mouseClick(admin.data.verify_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: admin.data.verify_button.isEnabled(), timeout=20_000)
        return admin.data.result.text()

    shown = check(anchor)
    assert shown.startswith("Everything checks.") and f"anchor {anchor}: the trail reaches" in shown
    assert "not an audit anchor" in check("twelve")
    with store.engine.begin() as conn:  # as someone with the key could, outside idcheck
        conn.exec_driver_sql("DROP TRIGGER answers_no_update")
        conn.exec_driver_sql(f"UPDATE answers SET value = '\"no\"' WHERE screening_id = {sid}")
    shown = check(anchor)
    assert shown.startswith("Problems found.")
    assert f"content: screening {sid} (completed at row" in shown
    assert "trigger answers_no_update is missing" in shown


def test_change_my_password(qtbot, window, unlock, data_dir, messages, monkeypatch):
    unlock(qtbot, window)

    def wrong_current(d):
        d.current.setText("not my password")
        d.password.setText("my new long password")
        d.again.setText("my new long password")

    monkeypatch.setattr(PasswordDialog, "exec", accept_with(wrong_current))
    window.change_password()
    assert messages.shown[-1] == ("error", "Wrong password: the current password is wrong")

    def right(d):
        d.current.setText(PASSWORD)
        d.password.setText("my new long password")
        d.again.setText("my new long password")

    monkeypatch.setattr(PasswordDialog, "exec", accept_with(right))
    window.change_password()
    assert messages.shown[-1] == ("info", "Your password is changed.")
    window.lock()
    Store.open(data_dir, "anna", "my new long password").lock()


def _completed_screening(store: Store, reference: str, danger: bool) -> int:
    entry = find("intake-screen")
    checklist = load_bundled("intake-screen")
    text = Path(entry.path).read_bytes()
    case_id = store.create_case(CaseDetails(reference=reference, claimed_age=15))
    sid = store.start_screening(case_id, checklist, text, hashlib.sha256(text).hexdigest())
    value = "yes" if danger else "no"
    store.record_answer(sid, "danger-harm", Answer(value=value))
    a = assess(checklist, {"danger-harm": value})
    fired = tuple(f.rule.id for f in a.fired)
    store.record_decision(sid, Decision(a.outcome.id, fired, a.outcome.id))
    store.complete_screening(sid)
    return sid


def test_case_list_filters_by_outcome_and_period(qtbot, window, unlock):
    unlock(qtbot, window)
    store = store_behind(window.session)
    _completed_screening(store, "urgent-1", danger=True)
    window.cases.refresh()
    assert window.cases.model.rowCount() == 2
    urgent = window.cases.outcome.findData("immediate-protection")
    assert urgent > 0
    window.cases.outcome.setCurrentIndex(urgent)
    assert [r.reference for r in window.cases.model.rows] == ["urgent-1"]
    label = window.cases.model.data(window.cases.model.index(0, 6))  # after Follow-up
    assert label and label != "immediate-protection"  # the checklist's words, not the id
    window.cases.outcome.setCurrentIndex(0)
    window.cases.period.setCurrentIndex(window.cases.period.findData(7))
    assert window.cases.model.rowCount() == 2  # both made today
    assert window.cases.shown.text() == "Cases shown: 2"


def test_case_dialog_lists_screenings_and_opens_one(qtbot, window, unlock, monkeypatch):
    unlock(qtbot, window)
    store = store_behind(window.session)
    sid = _completed_screening(store, "2026-099", danger=False)
    amended = store.amend_screening(sid)
    window.cases.refresh()
    row = next(i for i, r in enumerate(window.cases.model.rows) if r.reference == "2026-099")
    window.cases.table.selectRow(
        window.cases.proxy.mapFromSource(window.cases.model.index(row, 0)).row()
    )
    seen = {}

    def pick_first(self):
        seen["rows"] = [
            [self.table.item(i, j).text() for j in range(self.table.columnCount())]
            for i in range(self.table.rowCount())
        ]
        self.table.selectRow(0)
        self.show()
        QTest.mouseClick(self.open_button, Qt.MouseButton.LeftButton)
        return self.result()

    monkeypatch.setattr(CaseDialog, "exec", pick_first)
    before = store.audit_head().seq
    window.cases.open_case()
    assert store.audit_head().seq > before  # the view of the case is audited
    assert seen["rows"][0][1] == f"amended by #{amended}"
    assert seen["rows"][1][1] == "draft" and seen["rows"][1][5] == f"#{sid}"
    assert window.screening_view is not None and window.screening_view.screening_id == sid


def test_close_a_case_from_its_dialog(qtbot, window, unlock, messages, monkeypatch):
    unlock(qtbot, window)
    window.cases.table.selectRow(0)
    monkeypatch.setattr(CaseDialog, "exec", lambda self: CaseDialog.CLOSE_CASE)
    messages.confirms.append(True)
    window.cases.open_case()
    assert [r.status for r in window.cases.model.rows] == ["closed"]


def test_statistics_open_from_the_administration(qtbot, admin, monkeypatch):
    from idcheck.gui.stats import StatsDialog

    opened = []
    monkeypatch.setattr(StatsDialog, "exec", lambda self: opened.append(self) or 0)
    admin.stats_button.click()
    assert len(opened) == 1 and opened[0].session is admin.session


def test_a_tracked_dialog_deleted_with_its_parent_is_forgotten(qtbot, window, unlock):
    from PySide6.QtWidgets import QWidget

    unlock(qtbot, window)
    holder = QWidget()
    dialog = QDialog(holder)
    window.session.track(dialog)
    assert window.session.dialogs == [dialog]
    holder.deleteLater()
    qtbot.waitUntil(lambda: window.session.dialogs == [], timeout=5000)
    window.lock()  # rejects no deleted dialog
    assert window.session is None
