"""Named operations through the window's own buttons: an expected error of each
kind (a store refusal, a folder that cannot be written, a checklist that does not
load) is one message in the interface's words and loses nothing; a change made
through one view shows in another without either calling the other."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from tests.gui.conftest import when_shown

from idcheck.checklist import bundled_root
from idcheck.gui.admin import AdminDialog
from idcheck.gui.cases import CaseDialog, CaseForm
from idcheck.gui.referral import ReferralDialog
from idcheck.gui.session import store_behind

LEFT = Qt.MouseButton.LeftButton


def _writable(folder: Path) -> bool:
    try:
        (folder / "probe").write_bytes(b"")
    except OSError:
        return False
    (folder / "probe").unlink()
    return True


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nobody may write: by its mode, or (for root, whom modes do not
    stop) a read-only tmpfs mounted there."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    mounted = False
    if _writable(folder):
        folder.chmod(0o755)
        r = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)],
            capture_output=True,
            text=True,
        )
        if r.returncode != 0:
            reason = (r.stderr.strip().splitlines() or ["mount failed"])[0]
            pytest.skip(f"no way to make a read-only folder here: {reason}")
        mounted = True
    assert not _writable(folder)
    yield folder
    if mounted:
        subprocess.run(["umount", "-l", str(folder)], check=False)
    else:
        folder.chmod(0o755)


def _audit_actions(window):
    return [r.action for r in store_behind(window.session).audit_trail()]


def test_a_referral_saved_into_a_read_only_folder_is_said_and_kept_to_save_again(
    qtbot, walk_window, monkeypatch, read_only_folder, tmp_path
):
    errors: list[str] = []
    paths = [read_only_folder / "referral.pdf", tmp_path / "referral.pdf"]
    messages = walk_window.session.messages
    monkeypatch.setattr(messages, "save_path", lambda *args: paths.pop(0))
    monkeypatch.setattr(messages, "error", lambda parent, title, text: errors.append(text))
    monkeypatch.setattr(ReferralDialog, "exec", lambda self: 0)
    walk_window.cases.screen_selected(checklist_ref="intake-screen@1.1.0")
    view = walk_window.screening_view
    qtbot.mouseClick(view.form.referral_button, LEFT)
    dialog = view.handoff.referral_dialog
    previewed = dialog.data
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert errors == [
        "That folder cannot be written (it is read-only, or you may not write there): the file "
        "was not written. Choose another folder."
    ]
    assert os.listdir(read_only_folder) == []
    assert "report-exported" not in _audit_actions(walk_window)
    # Nothing was lost: the same previewed document saves at the next place chosen.
    assert dialog.data == previewed
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert (tmp_path / "referral.pdf").read_bytes() == previewed
    assert _audit_actions(walk_window).count("report-exported") == 1
    assert len(errors) == 1


def test_a_case_reference_in_use_is_said_and_the_form_comes_back_as_typed(
    qtbot, window, unlock, messages
):
    unlock(qtbot, window)
    seen: list[tuple[str, str]] = []

    def fill(form):
        qtbot.keyClicks(form.reference, "2026-017")  # the template's case has it
        qtbot.keyClicks(form.given, "Amal")
        qtbot.keyClicks(form.nationality, "SD")
        when_shown(CaseForm, look_again)
        qtbot.mouseClick(form.buttons.button(form.buttons.StandardButton.Save), LEFT)

    def look_again(form):
        seen.append((form.reference.text(), form.given.text()))
        qtbot.mouseClick(form.buttons.button(form.buttons.StandardButton.Cancel), LEFT)

    when_shown(CaseForm, fill)
    qtbot.mouseClick(window.cases.new_button, LEFT)
    assert messages.shown == [
        ("error", "Not saved: a case with reference '2026-017' exists already")
    ]
    assert seen == [("2026-017", "Amal")]
    assert [r.reference for r in window.cases.model.rows] == ["2026-017"]


def test_a_checklist_that_no_longer_loads_is_said_and_starts_nothing(
    qtbot, window, unlock, messages, monkeypatch, tmp_path
):
    installed = tmp_path / "checklists"
    shutil.copytree(bundled_root(), installed)
    monkeypatch.setenv("IDCHECK_CHECKLISTS", str(installed))
    unlock(qtbot, window)
    broken: list[Path] = []

    def choose(dialog):
        label = next(i for i in dialog.comboBoxItems() if "intake-screen" in i)
        # The file is damaged between the list and the start (an update half copied).
        path = installed / "intake-screen" / f"{label.split('@')[1].rstrip(')')}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "\nitems: [unclosed\n")
        broken.append(path)
        dialog.setTextValue(label)
        dialog.accept()

    window.cases.table.selectRow(0)
    when_shown(QInputDialog, choose)
    qtbot.mouseClick(window.cases.screen_button, LEFT)
    assert broken
    kind, text = messages.shown[-1]
    assert kind == "error"
    assert text.startswith("The file could not be read; nothing was changed:\n")
    assert f"{broken[0]}:" in text  # where, with its line and column
    assert window.stack.currentWidget() is window.cases and window.screening_view is None
    case_id = window.cases.selected_case()
    assert store_behind(window.session).list_screenings(case_id) == []


def test_closing_a_case_in_its_dialog_shows_in_the_list(qtbot, window, unlock, messages):
    unlock(qtbot, window)
    window.cases.table.selectRow(0)
    status = window.cases.proxy.index(0, 2)
    assert window.cases.proxy.data(status) == "open"
    messages.confirms.append(True)
    when_shown(CaseDialog, lambda d: qtbot.mouseClick(d.close_case_button, LEFT))
    qtbot.mouseClick(window.cases.case_button, LEFT)
    assert window.cases.proxy.data(window.cases.proxy.index(0, 2)) == "closed"
    assert window.cases.selected_case() is not None  # the case stays selected


def test_a_user_added_shows_in_the_users_tab_and_a_site_saved_clears_the_notice(
    qtbot, window, unlock, messages
):
    """The Users tab and the case list follow what the administration changed:
    the window wires neither to the other."""
    from PySide6.QtWidgets import QDialogButtonBox

    from idcheck.gui.admin import NewUserDialog

    unlock(qtbot, window)
    assert window.cases.site_bar.isVisible()
    names: list[list[str]] = []

    def act(dialog):
        users = dialog.users

        def new_user(d):
            qtbot.keyClicks(d.username, "ben")
            qtbot.keyClicks(d.password, "ben's long password")
            qtbot.keyClicks(d.again, "ben's long password")
            ok = d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
            qtbot.mouseClick(ok, LEFT)

        when_shown(NewUserDialog, new_user)
        qtbot.mouseClick(users.add_button, LEFT)
        names.append([users.table.item(r, 0).text() for r in range(users.table.rowCount())])
        site = dialog.site
        dialog.tabs.setCurrentWidget(site)
        qtbot.keyClicks(site.fields.name, "Mottak Nord")
        site.fields.jurisdiction.setCurrentIndex(site.fields.jurisdiction.findData("NO"))
        qtbot.mouseClick(site.save_button, LEFT)
        dialog.accept()

    when_shown(AdminDialog, act)
    qtbot.mouseClick(window.cases.admin_button, LEFT)
    assert names == [["anna", "ben"]]
    assert not window.cases.site_bar.isVisible()


def test_a_new_screening_is_offered_the_newest_version_of_each_checklist(
    qtbot, window, unlock, messages
):
    """1.0.0 stays installed for the screenings made with it; a new screening
    is offered 1.1.0 only (where standing guidance is not a task)."""
    unlock(qtbot, window)
    offered: list[str] = []

    def look(dialog):
        offered.extend(dialog.comboBoxItems())
        dialog.reject()

    window.cases.table.selectRow(0)
    when_shown(QInputDialog, look)
    qtbot.mouseClick(window.cases.screen_button, LEFT)
    qtbot.waitUntil(lambda: bool(offered))
    refs = sorted(label.rsplit("(", 1)[1].rstrip(")") for label in offered)
    assert refs == ["child-trafficking-full@1.1.0", "intake-screen@1.1.0"]
