"""Help → Guide by keys and clicks: the guide's sections for the site's place,
searched as one types, read in English or Norwegian with each language's review
status said plainly; F1 on the why of an item opens the guide at the item's
section; in training mode the guide is framed TRAINING like every dialog; the
header's buttons follow a language change made in Settings."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from tests.conftest import make_template

from idcheck.checklist import guide as guides
from idcheck.gui import i18n
from idcheck.gui.app import MainWindow
from idcheck.gui.guide import GuideDialog
from idcheck.gui.why import WhyDialog
from idcheck.store import CaseDetails, SiteProfile

from .conftest import unlocked_window, when_shown

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
ROOT = Path(__file__).resolve().parents[2]
GUIDE = guides.bundled_guide()
GENERAL = [s.id for s in GUIDE.sections if not s.jurisdictions]


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def escape(qtbot, dialog) -> bool:
    """Escape where the focus is, inside the active dialog: True if that closed it.
    (After a dialog it opened has closed, the activation comes back as an event.)"""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    assert dialog.isAncestorOf(focus())
    qtbot.keyClick(focus(), Qt.Key.Key_Escape)
    return not dialog.isVisible()


def show(qtbot, dialog) -> None:
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def listed(dialog: GuideDialog) -> list[str]:
    rows = dialog.sections
    return [str(rows.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(rows.count())]


@pytest.fixture(scope="module")
def site_template(tmp_path_factory):
    """A store whose site is in Norway, with one child."""
    path = tmp_path_factory.mktemp("guide-template") / "store"

    def build(store):
        store.set_site_profile(SiteProfile(name="Bergen mottak", jurisdiction="NO"))
        store.create_case(CaseDetails(reference="2026-090", given_name="Amira", claimed_age=15))

    return make_template(path, build, worker=False).path


@pytest.fixture
def norway(qtbot, site_template, tmp_path):
    w = unlocked_window(qtbot, site_template, tmp_path)
    yield w
    w.lock()


def test_help_guide_lists_the_sites_sections_and_finds_as_one_types(qtbot, norway):
    w = norway
    seen: dict[str, object] = {}

    def in_menu(menu):
        seen["menu"] = [a.text() for a in menu.actions()]
        qtbot.keyClick(menu, Qt.Key.Key_G)  # "&Guide…"

    def read(dialog):
        seen["title"] = dialog.windowTitle()
        seen["review"] = dialog.review.text()
        seen["first"] = listed(dialog)
        assert focus() is dialog.search
        qtbot.keyClicks(focus(), "interpreter")
        seen["found"] = listed(dialog)
        seen["text"] = dialog.text.toPlainText()
        qtbot.keyClick(focus(), Qt.Key.Key_Down)  # the search hands Down to the list
        seen["moved"] = dialog.current_id()
        qtbot.keyClick(focus(), Qt.Key.Key_Return)  # into the text to read it
        seen["reading"] = focus() is dialog.text
        qtbot.keyClick(focus(), Qt.Key.Key_F, CTRL)  # back to the search, all selected
        qtbot.keyClicks(focus(), "qqzx")
        seen["none"] = (listed(dialog), dialog.found.text(), dialog.text.toPlainText())
        qtbot.keyClick(focus(), Qt.Key.Key_A, CTRL)
        qtbot.keyClick(focus(), Qt.Key.Key_Backspace)
        qtbot.keyClick(focus(), Qt.Key.Key_P, ALT)  # every place's duties (clicked)
        qtbot.waitUntil(dialog.every_place.isChecked)
        seen["every"] = listed(dialog)
        seen["closed"] = escape(qtbot, dialog)

    when_shown(QMenu, in_menu)
    when_shown(GuideDialog, read)
    qtbot.mouseClick(w.help_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "closed" in seen, timeout=20_000)
    assert seen["menu"] == ["&Guide…\tCtrl+F1"]
    assert seen["title"] == f"Guide: {guides.text_for(GUIDE.title, 'en')} (version 1.0.0)"
    review = str(seen["review"]).splitlines()
    assert review[0].startswith("English: a draft, not yet reviewed.")
    assert review[1].startswith("Norsk bokmål: a draft, not yet reviewed.")
    assert "må gjennomgås av en norskspråklig fagperson" in review[1]
    # the site is in Norway: the general sections and Norway's duties, not the UK's
    assert seen["first"] == [*GENERAL, "duties-no"]
    found = seen["found"]
    assert isinstance(found, list) and found[0] == "interpreters" and len(found) < len(GENERAL)
    interpreters = next(s for s in GUIDE.sections if s.id == "interpreters")
    text = str(seen["text"])
    assert interpreters.title_in("en") in text
    for source, _where in guides.citations(GUIDE, interpreters):
        assert source.title in text
    assert seen["moved"] == found[1]
    assert seen["reading"]
    rows, said, shown = seen["none"]  # type: ignore[misc]
    assert rows == [] and said == "No section holds every word you typed."
    assert "Nothing in the guide holds every word of “qqzx”" in shown
    assert seen["every"] == [s.id for s in GUIDE.sections]
    assert seen["closed"]


def test_the_guide_reads_in_norwegian_with_its_draft_status_first(qtbot):
    dialog = GuideDialog(GUIDE, "nb", "GB-SCT")
    qtbot.addWidget(dialog)
    show(qtbot, dialog)
    assert dialog.review.text().startswith("Norsk bokmål: a draft, not yet reviewed.")
    assert listed(dialog) == [*GENERAL, "duties-gb-sct"]
    assert dialog.sections.item(0).text() == GUIDE.sections[0].title_in("nb")
    qtbot.keyClicks(dialog.search, "tolk")
    assert dialog.current_id() == "interpreters"
    # English by keyboard: Alt+L to the language, Home picks English
    qtbot.keyClick(focus(), Qt.Key.Key_L, ALT)
    assert focus() is dialog.language
    qtbot.keyClick(focus(), Qt.Key.Key_Home)
    assert dialog.lang == "en"
    assert dialog.review.text().startswith("English: a draft")
    assert listed(dialog) == []  # "tolk" is not an English word of the guide
    assert "“tolk”" in dialog.text.toPlainText()


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        ("\u202etolk\u202c", "interpreters"),  # a right-to-left override around the word
        ("\u200ftolk", "interpreters"),  # a right-to-left mark before it
        ("tolk\nalder", "age-disputes"),  # a line break between two words
        ("tolk\r\n", "interpreters"),
    ],
)
def test_pasted_direction_marks_and_line_breaks_still_find(qtbot, pasted, expected):
    dialog = GuideDialog(GUIDE, "nb", None)
    qtbot.addWidget(dialog)
    show(qtbot, dialog)
    QApplication.clipboard().setText(pasted)
    qtbot.keyClick(dialog.search, Qt.Key.Key_V, CTRL)
    assert dialog.search.text()  # something was pasted
    assert listed(dialog)[0] == expected
    assert dialog.current_id() == expected


def test_right_to_left_words_the_guide_lacks_say_so_and_keep_the_words(qtbot):
    dialog = GuideDialog(GUIDE, "nb", None)
    qtbot.addWidget(dialog)
    show(qtbot, dialog)
    QApplication.clipboard().setText("مترجم שלום")
    qtbot.keyClick(dialog.search, Qt.Key.Key_V, CTRL)
    assert listed(dialog) == [] and dialog.current_id() is None
    assert "“مترجم שלום”" in dialog.text.toPlainText()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # nothing to move to: nothing breaks
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert focus() is dialog.text


def _why_then_guide(qtbot, view):
    """F1 on the item with the focus, then F1 in its why: what each dialog showed."""
    seen: dict[str, object] = {}

    def in_guide(dialog):
        seen["section"] = dialog.current_id()
        seen["search"] = dialog.search.text()
        seen["listed"] = listed(dialog)
        seen["guide_closed"] = escape(qtbot, dialog)

    def in_why(dialog):
        seen["why"] = dialog.text.toPlainText()
        when_shown(GuideDialog, in_guide)
        qtbot.keyClick(focus(), Qt.Key.Key_F1)
        seen["why_closed"] = escape(qtbot, dialog)

    when_shown(WhyDialog, in_why)
    qtbot.keyClick(focus(), Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view.window(), timeout=3000)
    assert view.isAncestorOf(focus())
    return seen


def test_f1_in_the_why_opens_the_guide_at_the_items_section(qtbot, norway):
    w = norway
    w.cases.screen_selected(checklist_ref="intake-screen@1.1.0")
    view = w.screening_view
    item = next(
        i
        for _, i in view.walk.checklist.items()
        if i.show_if is None and guides.sections_for_item(GUIDE, "intake-screen", i.id)
    )
    sections = guides.sections_for_item(GUIDE, "intake-screen", item.id)
    view.show_item(item.id)
    seen = _why_then_guide(qtbot, view)
    titles = "; ".join(s.title_in("en") for s in sections)
    assert f"In the guide: {titles}. F1 opens it there." in str(seen["why"])
    assert seen["section"] == sections[0].id and seen["search"] == ""
    assert seen["guide_closed"] and seen["why_closed"]
    assert view.walk.current == item.id and item.id not in view.walk.answers


def test_an_item_linking_to_no_section_says_so_and_f1_opens_the_guide_at_its_start(qtbot, norway):
    w = norway
    w.cases.screen_selected(checklist_ref="intake-screen@1.1.0")
    view = w.screening_view
    item = next(
        i
        for _, i in view.walk.checklist.items()
        if i.show_if is None and not guides.sections_for_item(GUIDE, "intake-screen", i.id)
    )
    view.show_item(item.id)
    seen = _why_then_guide(qtbot, view)
    assert "The guide has no section on this item" in str(seen["why"])
    assert seen["section"] == GUIDE.sections[0].id
    assert seen["listed"] == [*GENERAL, "duties-no"]  # the site's place, all of its sections
    assert seen["guide_closed"] and seen["why_closed"]


def test_a_broken_guide_file_is_said_and_the_window_goes_on(qtbot, norway, tmp_path, monkeypatch):
    root = tmp_path / "checklists"
    shutil.copytree(ROOT / "checklists", root)
    path = guides.bundled_guide_path(root)
    path.write_text(path.read_text(encoding="utf-8").replace("sections:", "sectons:", 1))
    monkeypatch.setenv("IDCHECK_CHECKLISTS", str(root))
    errors: list[str] = []
    monkeypatch.setattr(norway.messages, "error", lambda _p, _t, text: errors.append(text))
    norway.cases.table.setFocus()
    qtbot.keyClick(focus(), Qt.Key.Key_F1, CTRL)
    assert len(errors) == 1
    assert errors[0].startswith("The guide could not be read; nothing was changed:\n")
    assert f"{path}:" in errors[0]  # located: the file, its line and column
    assert not any(isinstance(t, GuideDialog) for t in QApplication.topLevelWidgets())


# ------------------------------------------------------------------ training mode


@pytest.fixture
def training(qtbot):
    from idcheck.training import TrainingStore

    with TrainingStore() as t:
        w = MainWindow(t.data_dir, training=True)
        qtbot.addWidget(w)
        w.resize(1200, 760)
        w.show()
        w.start_unlocked(t.store)
        w.activateWindow()
        qtbot.waitActive(w)
        yield w
        w.lock()


def test_the_guide_in_training_mode_is_framed_training(qtbot, training):
    from idcheck.gui.training_frame import TrainingFrame

    seen: dict[str, object] = {}

    def look(dialog):
        frame = dialog.findChild(TrainingFrame)
        seen["title"] = dialog.windowTitle()
        seen["frame"] = frame is not None and frame.isVisible() and frame.rect() == dialog.rect()
        seen["closed"] = escape(qtbot, dialog)

    when_shown(GuideDialog, look)
    training.cases.table.setFocus()
    qtbot.keyClick(focus(), Qt.Key.Key_F1, CTRL)
    assert str(seen["title"]).startswith("TRAINING — Guide: ")
    assert seen["frame"] and seen["closed"]


def _compile(out: Path) -> Path:
    spec = importlib.util.spec_from_file_location(
        "idcheck_translations_script_guide", ROOT / "build_scripts" / "translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    module.compile_all(out, force=True)
    return out


def test_the_header_buttons_follow_a_language_chosen_in_settings(
    qtbot, training, tmp_path, monkeypatch
):
    from idcheck.gui.i18n import UiPrefs
    from idcheck.gui.settings import SettingsDialog

    monkeypatch.setattr(i18n, "translations_dir", lambda: _compile(tmp_path / "qm"))
    w = training
    room = next(
        b for b in w.findChildren(QWidget) if getattr(b, "toolTip", lambda: "")() == "Ctrl+T"
    )
    assert (room.text(), w.help_button.text()) == ("Training room…", "Help")
    seen: dict[str, object] = {}

    def choose(dialog):
        qtbot.keyClick(focus(), Qt.Key.Key_L, ALT)
        qtbot.keyClick(focus(), Qt.Key.Key_End)  # the last language: Norsk bokmål
        seen["chosen"] = dialog.language.currentData()
        qtbot.keyClick(focus(), Qt.Key.Key_Return)

    app = QApplication.instance()
    qtbot.keyClick(focus(), Qt.Key.Key_T, CTRL)  # the language is changed from the room
    assert w.stack.currentWidget() is w.training_room
    try:
        when_shown(SettingsDialog, choose)
        qtbot.mouseClick(w.settings_button, Qt.MouseButton.LeftButton)
        assert seen["chosen"] == "nb"
        qtbot.waitUntil(lambda: room.text() == "Opplæringsrom…")
        assert w.help_button.text() == "Hjelp"
        assert room.accessibleName().startswith("Opplæringsrom: prosjektoren")
        assert w.help_button.menu().actions()[0].text() == "&Veileder…\tCtrl+F1"
        assert w.settings_button.text() == "Inns&tillinger"
        # the training room opens again, in Norwegian (the window is the active one
        # again: the window manager's part, which offscreen has none to do)
        w.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
        qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_T, CTRL)
        assert w.stack.currentWidget() is w.training_room
        assert w.training_room.tabs.tabText(0) == "&Indikatorer"
    finally:
        i18n.apply(app, UiPrefs("en", 100), folder=tmp_path / "qm")
    qtbot.waitUntil(lambda: room.text() == "Training room…")
    assert w.help_button.text() == "Help"


def test_the_idle_lock_closes_the_guide(qtbot, norway):
    from PySide6.QtCore import QTimer

    w = norway
    seen: dict[str, object] = {}

    def opened(dialog):
        seen["open"] = dialog.isVisible()

        def too_late():  # never leave exec() running if the lock did not close it
            if dialog.isVisible():
                seen["forced"] = True
                dialog.reject()

        QTimer.singleShot(10_000, dialog, too_late)  # gone with the dialog

    when_shown(GuideDialog, opened)
    w.idle.setInterval(300)
    w.cases.table.setFocus()
    qtbot.keyClick(focus(), Qt.Key.Key_F1, CTRL)  # returns when the guide is closed
    assert seen == {"open": True}
    assert w.session is None and w.stack.currentWidget() is w.unlock_page


def test_the_guide_reads_before_unlocking_with_every_place(qtbot, window):
    """No store is open: the guide holds nothing about a child, so it is there;
    with no site known it lists every place's duties."""
    seen: dict[str, object] = {}

    def read(dialog):
        seen["listed"] = listed(dialog)
        seen["every"] = (dialog.every_place.isChecked(), dialog.every_place.isEnabled())
        seen["closed"] = escape(qtbot, dialog)

    when_shown(GuideDialog, read)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.session is None
    qtbot.keyClick(focus(), Qt.Key.Key_F1, CTRL)
    assert seen["listed"] == [s.id for s in GUIDE.sections]
    assert seen["every"] == (True, False) and seen["closed"]
