"""A trainer sets the text size for the projector: in training mode the
Settings dialog says truthfully that the choice lasts until the window closes
(the training folder is deleted then; the dialog said the settings "are kept on
this computer"), and ``idcheck demo --text-size 200 --lang nb`` opens the
training window at that size and language from the start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from idcheck.gui.app import MainWindow
from idcheck.gui.settings import SettingsDialog
from idcheck.training import TrainingStore

from .conftest import when_shown


@pytest.fixture
def training(qtbot):
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


def labels(dialog: SettingsDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_in_training_the_settings_dialog_says_the_choice_lasts_until_the_window_closes(
    qtbot, training
):
    seen: dict[str, str] = {}

    def read(dialog: SettingsDialog) -> None:
        seen["text"] = labels(dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_shown(SettingsDialog, read)
    qtbot.mouseClick(training.settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "text" in seen)
    assert "kept on this computer" not in seen["text"]
    assert "until this training window closes" in seen["text"]


def test_outside_training_the_dialog_says_they_are_kept(qtbot, window, unlock):
    unlock(qtbot, window)
    seen: dict[str, str] = {}

    def read(dialog: SettingsDialog) -> None:
        seen["text"] = labels(dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_shown(SettingsDialog, read)
    qtbot.mouseClick(window.settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "text" in seen)
    assert "kept on this computer" in seen["text"]
    QApplication.processEvents()


@pytest.fixture
def prefs_put_back(qapp):
    """What the window's start changes in the test's application, put back after
    (as tests/gui/test_layout.py's ``prefs`` does)."""
    from PySide6.QtCore import QLocale

    from idcheck.gui import i18n
    from idcheck.gui.i18n import UiPrefs

    font, locale, name = qapp.font(), QLocale(), qapp.applicationName()
    yield
    i18n.apply(qapp, UiPrefs("en", 100), style="")
    for prop in (i18n._BASE_STYLE, i18n._BASE_POINTS):
        qapp.setProperty(prop, None)
    qapp.setFont(font)
    QLocale.setDefault(locale)
    qapp.setApplicationName(name)


def test_idcheck_demo_opens_at_the_text_size_and_language_given(qtbot, monkeypatch, prefs_put_back):
    from idcheck import launcher
    from idcheck.gui import app as app_module
    from idcheck.gui import i18n

    seen: dict[str, object] = {}

    def shown(app, window, stop):  # instead of app.exec(): look, then close
        qtbot.addWidget(window)
        seen.update(
            size=i18n.text_size(),
            language=i18n.current_language(),
            training=window.training,
            button=window.settings_button.text(),
        )
        window.lock()
        return 0

    monkeypatch.setattr(app_module, "_run", shown)
    assert launcher.main(["demo", "--text-size", "200", "--lang", "nb"]) == 0
    assert seen == {"size": 200, "language": "nb", "training": True, "button": "Inns&tillinger"}


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["demo", "--text-size", "250"], "argument --text-size: '250' is not one of 100, 150, 200"),
        (["--lang=xx"], "argument --lang: 'xx' is not one of en, nb"),
        (["--text-size"], "argument --text-size: expected one argument"),
    ],
)
def test_a_bad_window_option_is_one_line_and_exit_2(argv, said, capsys, monkeypatch):
    from idcheck import launcher
    from idcheck.gui import app as app_module

    monkeypatch.setattr(app_module, "_run", lambda *a: pytest.fail("the window opened"))
    with pytest.raises(SystemExit) as refused:
        launcher.main(argv)
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"idcheck: error: {said}") and len(err.splitlines()) == 1


def test_the_window_options_with_a_subcommand_are_refused(capsys):
    from idcheck import launcher

    assert launcher.main(["--lang", "nb", "checklist", "list"]) == 2
    assert "--text-size and --lang are the window's" in capsys.readouterr().err
    # A subcommand's own --lang is its own, as before.
    assert launcher.main(["guide", "--lang", "nb", "--topic", "age-disputes"]) == 0
    assert "Identifisering og oppfølging" in capsys.readouterr().out
    assert launcher.main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "--text-size {100,150,200}" in out and "--lang CODE" in out


def test_settings_shows_the_size_and_language_the_window_was_started_in(
    qtbot, monkeypatch, prefs_put_back, tmp_path
):
    """``idcheck --text-size 200 --lang nb``: the Settings dialog opens on 200 % and
    Norsk bokmål, what the window shows (it showed the kept 100 %, and OK would
    have shrunk the window back)."""
    from idcheck import launcher
    from idcheck.gui import app as app_module

    seen: dict[str, object] = {}

    def read(dialog: SettingsDialog) -> None:
        seen["size"] = dialog.text_size.currentData()
        seen["language"] = dialog.language.currentData()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    def shown(app, window, stop):
        qtbot.addWidget(window)
        window.show()
        when_shown(SettingsDialog, read)
        qtbot.mouseClick(window.settings_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "size" in seen)
        window.lock()
        return 0

    monkeypatch.setattr(app_module, "_run", shown)
    argv = ["--data-dir", str(tmp_path / "data"), "--text-size", "200", "--lang", "nb"]
    assert launcher.main(argv) == 0
    assert seen == {"size": 200, "language": "nb"}
