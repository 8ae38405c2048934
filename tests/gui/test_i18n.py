"""Translations and interface settings: the Norwegian file is complete, the
preferences survive bad files, and applying them changes what widgets show."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel

from idcheck.gui import i18n
from idcheck.gui.i18n import UiPrefs
from idcheck.gui.settings import SettingsDialog

ROOT = Path(__file__).resolve().parents[2]


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "idcheck_translations_script", ROOT / "build_scripts" / "translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


translations = _load_script()


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory):
    """The committed .ts files compiled now, and both pseudo-locales, in one folder."""
    out = tmp_path_factory.mktemp("qm")
    translations.compile_all(out, force=True)
    translations.write_pseudo(out)
    return out


@pytest.fixture
def ui(qapp, qm_dir):
    """Apply preferences to the one QApplication; everything is put back after."""
    font, locale = qapp.font(), QLocale()

    def run(language="en", text_size=100, style=None):
        return i18n.apply(qapp, UiPrefs(language, text_size), style=style, folder=qm_dir)

    yield run
    i18n.apply(qapp, UiPrefs("en", 100), style="", folder=qm_dir)
    for name in (i18n._BASE_STYLE, i18n._BASE_POINTS):
        qapp.setProperty(name, None)
    qapp.setFont(font)
    QLocale.setDefault(locale)


# ------------------------------------------------------------------ the .ts files


def test_every_string_of_the_sources_has_a_finished_norwegian_translation():
    """The sources as they are now, merged into the committed nb file: nothing is
    left unfinished and no translation drops or adds a placeholder. Run
    `build_scripts/translations.py extract` and translate what this names."""
    messages = translations.current_messages("nb")
    assert len([m for m in messages if not m.obsolete]) > 100
    assert translations.problems(messages) == []


def test_the_check_names_missing_translations_and_wrong_placeholders(tmp_path):
    ts = tmp_path / "x.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="nb" sourcelanguage="en">
<context><name>Page</name>
<message><source>Wait {0} s.</source><translation>Vent litt.</translation></message>
<message><source>Saved</source><translation>Lagret {0}</translation></message>
<message><source>Case {0} of {1}</source><translation>Sak {1} av {0}</translation></message>
<message><source>Unlock</source><translation type="unfinished"></translation></message>
<message><source>Gone</source><translation type="vanished">Borte</translation></message>
<message numerus="yes"><source>%n case(s)</source><translation>
  <numerusform>én sak</numerusform><numerusform>%n saker</numerusform></translation></message>
</context></TS>""",
        encoding="utf-8",
    )
    found = translations.problems(translations.read_ts(ts))
    assert len(found) == 3, found
    assert "'Wait {0} s.': placeholders ['{0}'] in the source, [] in 'Vent litt.'" in found[0]
    assert "'Saved': placeholders [] in the source, ['{0}']" in found[1]
    assert "'Unlock': no finished translation" in found[2]


def test_pseudo_text_is_longer_bracketed_and_keeps_what_code_relies_on():
    for source in (
        "Too many failed tries. Wait {0} s.",
        "&New case",
        "What we see: {0}\nA common reading: {1}",
        "Re&ferral…",
        "Ctrl+Return",
        "Screening #{0} was amended as screening #{1}",  # placeholders after punctuation
    ):
        out = translations.pseudo_text(source)
        assert out.startswith("[") and out.endswith("]")
        assert len(out) - 2 >= len(source) * 1.3, (source, out)
        assert translations.placeholders(out) == translations.placeholders(source)
        assert out.count("\n") == source.count("\n")
        assert out.count("&") == source.count("&")
    assert "&N" in translations.pseudo_text("&New case")  # the mnemonic key is kept


def test_compile_writes_a_qm_per_ts_and_skips_fresh_ones(tmp_path):
    written = translations.compile_all(tmp_path)
    assert {p.name for p in written} == {"idcheck_en.qm", "idcheck_nb.qm"}
    assert all(p.stat().st_size > 0 for p in written)
    assert translations.compile_all(tmp_path) == []  # nothing is stale


# ------------------------------------------------------------------ preferences


def test_preferences_round_trip_through_an_atomic_file(tmp_path):
    folder = tmp_path / "data"  # not there yet: the first save makes it
    UiPrefs("nb", 200).save(folder)
    assert UiPrefs.read(folder) == (UiPrefs("nb", 200), None)
    assert json.loads((folder / i18n.PREFS_FILE).read_text()) == {
        "language": "nb",
        "text_size": 200,
    }
    UiPrefs("en", 150).save(folder)
    assert UiPrefs.load(folder) == UiPrefs("en", 150)
    assert sorted(p.name for p in folder.iterdir()) == [i18n.PREFS_FILE]  # no temp file left


def test_missing_preferences_mean_the_defaults(tmp_path):
    assert UiPrefs.read(tmp_path) == (UiPrefs(i18n.SYSTEM, 100), None)


@pytest.mark.parametrize(
    ("content", "expected", "message"),
    [
        ('{"language": "nb", "text_size": 2', UiPrefs(), "interface.json:1:"),
        ("[1, 2]", UiPrefs(), "expected an object"),
        ('{"language": "nb", "text_size": 175}', UiPrefs("nb", 100), "text_size 175 is not"),
        ('{"language": "nb", "text_size": true}', UiPrefs("nb", 100), "text_size True"),
        ('{"language": 7, "text_size": 150}', UiPrefs(i18n.SYSTEM, 150), "language 7 is not"),
        ('{"language": "../../x", "text_size": 200}', UiPrefs(i18n.SYSTEM, 200), "language"),
        ("\ufffe\x00\xff", UiPrefs(), "interface.json"),
    ],
)
def test_a_broken_preferences_file_gives_defaults_and_one_line(
    tmp_path, caplog, content, expected, message
):
    path = tmp_path / i18n.PREFS_FILE
    path.write_bytes(content.encode("utf-8", "surrogatepass"))
    if content.startswith("\ufffe"):
        path.write_bytes(b"\xff\xfe\x00\xd8 not utf-8")
    prefs, problem = UiPrefs.read(tmp_path)
    assert prefs == expected
    assert problem is not None and message in problem and "\n" not in problem
    assert path.read_bytes()  # the file is left as it was, for a person to look at
    assert UiPrefs.load(tmp_path) == expected
    assert problem in caplog.text


def test_a_text_size_outside_the_choices_is_refused_on_save(tmp_path):
    with pytest.raises(ValueError, match="text size 120"):
        UiPrefs("en", 120).save(tmp_path)
    assert not (tmp_path / i18n.PREFS_FILE).exists()


def test_saving_where_the_folder_cannot_be_made_fails_and_changes_nothing(tmp_path):
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be")
    with pytest.raises(OSError):
        UiPrefs("en", 200).save(blocked)
    assert blocked.read_text() == "a file where the data folder should be"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


# ------------------------------------------------------------------ apply


def test_apply_norwegian_then_english_changes_new_widgets_and_standard_buttons(qtbot, ui):
    from idcheck.gui.app import UnlockPage

    assert ui("nb") == "nb"
    page = UnlockPage(Path("/nonexistent"))
    qtbot.addWidget(page)
    assert page.button.text() == "Lås opp"
    assert page.user.accessibleName() == "Brukernavn"
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    assert sorted(b.text() for b in buttons.buttons()) == ["Avbryt", "Lagre"]
    assert QLocale().language() == QLocale.Language.NorwegianBokmal

    assert ui("en") == "en"
    again = UnlockPage(Path("/nonexistent"))
    qtbot.addWidget(again)
    assert again.button.text() == "Unlock"
    assert len(QApplication.instance().findChildren(i18n.QTranslator, i18n._TRANSLATOR)) == 0


def test_the_walk_shows_the_shared_vocabulary_in_the_interface_language(qtbot, ui):
    """The context's sources and an answer as text are the vocabulary's words
    (context Answer), translated by the window: the same Norwegian as before."""
    from idcheck.checklist import Answer, Indicator, load_bundled
    from idcheck.gui.walk_context import ContextFields
    from idcheck.gui.walk_words import answer_text, summary_text
    from idcheck.store import AnswerContext

    item = next(
        i for _s, i in load_bundled("child-trafficking-full").items() if isinstance(i, Indicator)
    )
    assert ui("nb") == "nb"
    fields = ContextFields()
    qtbot.addWidget(fields)
    shown = [fields.source.itemText(i) for i in range(fields.source.count())]
    assert shown == [
        "(kilde ikke registrert)",
        "Jeg har sett det selv",
        "Barnet har sagt det",
        "En annen person har sagt det",
        "Et dokument viser det",
    ]
    assert answer_text(item, Answer(value="unsure"), "nb") == "usikker"
    assert answer_text(item, Answer(status="declined"), "nb") == "ville ikke svare"
    line = summary_text(item, Answer(value="yes"), AnswerContext(source="child-said"), "nb")
    assert line == "Svar: ja · Barnet har sagt det"

    assert ui("en") == "en"
    assert answer_text(item, Answer(value="yes"), "en") == "yes"
    again = ContextFields()
    qtbot.addWidget(again)
    assert again.source.itemText(1) == "I observed it"


def test_a_language_without_a_translation_falls_back_to_english(ui):
    assert ui("de") == "en"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_text_size_scales_the_style_sheet_of_the_whole_app(qtbot, ui):
    from idcheck.gui.app import STYLE

    ui("en", 200, style=STYLE)
    label, title = QLabel("x"), QLabel("y")
    title.setObjectName("title")
    for w in (label, title):
        qtbot.addWidget(w)
        w.ensurePolished()
    assert label.font().pointSizeF() == pytest.approx(22)
    assert title.font().pointSizeF() == pytest.approx(32)
    ui("en", 150)  # the style is remembered from the first call
    fresh = QLabel("z")
    qtbot.addWidget(fresh)
    fresh.ensurePolished()
    assert fresh.font().pointSizeF() == pytest.approx(16.5)
    assert "font-size: 16.5pt" in QApplication.instance().styleSheet()


def test_scaled_style_changes_font_sizes_only():
    style = "QWidget { font-size: 11pt; padding: 6px; }\nQLabel#t { font-size: 15px; }"
    assert i18n.scaled_style(style, 200) == (
        "QWidget { font-size: 22pt; padding: 6px; }\nQLabel#t { font-size: 30px; }"
    )


def test_a_right_to_left_language_mirrors_the_layout(qtbot, ui):
    assert ui("ar_XB") == "ar_XB"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert i18n.is_right_to_left("ar") and i18n.is_right_to_left("he")
    assert not i18n.is_right_to_left("nb")
    ui("en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_right_to_left_is_what_qt_says_for_every_locale_it_knows():
    """is_right_to_left asks by script (no Qt-namespace enum at start-up); for every
    locale Qt knows, by either spelling of its name, it answers as textDirection()."""
    known = QLocale.matchingLocales(
        QLocale.Language.AnyLanguage, QLocale.Script.AnyScript, QLocale.Country.AnyCountry
    )
    codes = {c for locale in known for c in (locale.name(), locale.bcp47Name())}
    assert len(codes) > 500
    differ = [
        c
        for c in sorted(codes)
        if i18n.is_right_to_left(c)
        != (QLocale(c).textDirection() == Qt.LayoutDirection.RightToLeft)
    ]
    assert differ == []
    assert sum(map(i18n.is_right_to_left, codes)) > 20  # Arabic, Hebrew, Persian, Urdu …


def test_languages_are_those_with_a_qm_by_their_own_names(qm_dir, tmp_path):
    assert i18n.available_languages(tmp_path) == ["en"]
    found = i18n.available_languages(qm_dir)
    assert found[0] == "en" and "nb" in found
    assert [i18n.language_name(c) for c in ("en", "nb")] == ["English", "Norsk bokmål"]


# ------------------------------------------------------------------ the dialog


def test_settings_dialog_by_keyboard_returns_the_new_preferences(qtbot, ui, qm_dir):
    ui("en")
    dialog = SettingsDialog(UiPrefs("en", 100), folder=qm_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    start = dialog.sample.font().pointSizeF()
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names[:3] == ["Same as this computer (English)", "English", "Norsk bokmål"]
    assert dialog.language.accessibleName() == "Interface language"
    assert dialog.text_size.accessibleName() == "Text size"
    assert dialog.focusWidget() is dialog.language
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)  # English → Norsk bokmål
    qtbot.keyClick(dialog.language, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.text_size
    qtbot.keyClick(dialog.text_size, Qt.Key.Key_End)  # 200 %
    dialog.sample.ensurePolished()
    assert dialog.sample.font().pointSizeF() == pytest.approx(2 * start, abs=0.1)
    qtbot.keyClick(dialog.text_size, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.prefs() == UiPrefs("nb", 200)


def test_settings_dialog_keeps_a_chosen_language_that_is_not_installed(qtbot, ui, tmp_path):
    ui("en")
    dialog = SettingsDialog(UiPrefs("nb", 150), folder=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.language.currentText() == "Norsk bokmål (not installed)"
    assert dialog.prefs() == UiPrefs("nb", 150)


def test_settings_dialog_in_norwegian(qtbot, ui, qm_dir):
    ui("nb")
    dialog = SettingsDialog(UiPrefs("nb", 100), folder=qm_dir)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Innstillinger på denne datamaskinen"
    assert sorted(b.text() for b in dialog.buttons.buttons()) == ["Avbryt", "OK"]
    assert dialog.language.currentText() == "Norsk bokmål"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("nb_NO.UTF-8", "nb"), ("nn_NO.UTF-8", "nb"), ("de_DE.UTF-8", "en"), ("C", "en")],
)
def test_same_as_this_computer_follows_the_system_language(qm_dir, tmp_path, lang, expected):
    """The default ("same as this computer") on a Norwegian, Nynorsk, German or
    unset system, in a fresh process as a person would start it."""
    import subprocess

    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(LANG=lang, QT_QPA_PLATFORM="offscreen")
    code = (
        "import sys; from pathlib import Path; from PySide6.QtWidgets import QApplication; "
        "from idcheck.gui import i18n; app = QApplication([]); "
        "print(i18n.apply(app, i18n.UiPrefs.load(Path(sys.argv[1])), folder=Path(sys.argv[2])))"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path), str(qm_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == expected


def test_the_language_and_size_in_use_are_known_to_widgets_with_their_own_style(ui):
    ui("nb", 200)
    assert (i18n.current_language(), i18n.content_language(), i18n.text_size()) == ("nb", "nb", 200)
    assert (
        i18n.local_style("QLabel#card { font-size: 13pt; }") == "QLabel#card { font-size: 26pt; }"
    )
    ui("en_XA", 150)
    assert (i18n.current_language(), i18n.content_language(), i18n.text_size()) == (
        "en_XA",
        "en",
        150,
    )
    ui("de", 100)  # not installed: English
    assert i18n.current_language() == "en"
    assert i18n.local_style("QLabel { font-size: 13pt; }") == "QLabel { font-size: 13pt; }"


def test_the_why_and_the_training_room_read_in_norwegian(qtbot, ui):
    """Their labels are built by helper functions outside a widget: each must be a
    string the extraction finds, or a Norwegian user reads English."""
    from idcheck.checklist import Indicator
    from idcheck.gui.presenter import bundled_checklists, item_slide, trainer_notes_html
    from idcheck.gui.why import why_html

    ui("nb")
    checklist = next(c for c in bundled_checklists() if c.id == "child-trafficking-full")
    item = next(
        i for _, i in checklist.items() if isinstance(i, Indicator) and i.reading is not None
    )
    why = why_html(checklist, item, "nb")
    for word in ("Element:", "Styrke:", "Hvor godt dette er underbygget", "Kilder"):
        assert word in why
    for english in ("Strength:", "Sources", "How well"):
        assert english not in why
    slide = item_slide(checklist, item, "nb").text()
    assert "Element og styrke" in slide and "Det vi ser: " in slide
    assert "indikator" in slide and "indicator" not in slide
    if item.trainer_notes is not None:
        assert "Notater til kursholder" in trainer_notes_html(item, "nb")
