"""The interface language and text size of the window, on this computer.

:class:`UiPrefs` is read from and written to ``interface.json`` in the data
folder: plain JSON, no personal data, one file per computer (not per user, so
the unlock screen is already in the chosen language). It is defined, with the
language list, in :mod:`idcheck.window_settings` (no Qt there: ``idcheck
interface show|set`` uses it too) and named here as ever. :func:`apply` makes the
whole application show them: it installs the translators (ours, and Qt's own for
standard buttons where Qt ships one), scales every font size of the app's style
sheet, and turns the layout right to left for a right-to-left language.

Translations are compiled ``.qm`` files (``build_scripts/translations.py
compile``; ``./dev`` does it): in the frozen app they sit in ``translations/``
beside the executable, in a source checkout in the repository's
``translations/`` folder.

Typical use, at start and after the settings dialog::

    prefs = UiPrefs.load(data_dir)
    apply(app, prefs, style=STYLE)
"""

from __future__ import annotations

import logging
import re
import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from idcheck import window_settings
from idcheck.window_settings import LANGUAGE_NAMES as LANGUAGE_NAMES
from idcheck.window_settings import PREFS_FILE as PREFS_FILE
from idcheck.window_settings import SYSTEM as SYSTEM
from idcheck.window_settings import TEXT_SIZES as TEXT_SIZES
from idcheck.window_settings import UiPrefs as UiPrefs

log = logging.getLogger(__name__)

_TRANSLATOR = "idcheck-translator"
_BASE_STYLE = "idcheckBaseStyle"
_BASE_POINTS = "idcheckBasePoints"
_LANGUAGE = "idcheckLanguage"
_TEXT_SIZE = "idcheckTextSize"
_FONT_SIZE = re.compile(r"(font-size\s*:\s*)(\d+(?:\.\d+)?)(pt|px)")

# Qt's own texts the window can show: standard buttons (QDialogButtonBox,
# QMessageBox, QInputDialog), the edit menus of text fields, the scroll buttons of
# a tab bar and the menus of scroll bars and spin boxes. Qt ships no Norwegian
# Bokmål translation of its own, so ours carries them.
_QT_STANDARD_TEXTS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&OK"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Save"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Close"),
    QT_TRANSLATE_NOOP("QGnomeTheme", "Close without Saving"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
    QT_TRANSLATE_NOOP("QTabBar", "Scroll Left"),
    QT_TRANSLATE_NOOP("QTabBar", "Scroll Right"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Select All"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Step up"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "Step &down"),
    QT_TRANSLATE_NOOP("QScrollBar", "Scroll here"),
    QT_TRANSLATE_NOOP("QScrollBar", "Top"),
    QT_TRANSLATE_NOOP("QScrollBar", "Bottom"),
    QT_TRANSLATE_NOOP("QScrollBar", "Page up"),
    QT_TRANSLATE_NOOP("QScrollBar", "Page down"),
    QT_TRANSLATE_NOOP("QScrollBar", "Scroll up"),
    QT_TRANSLATE_NOOP("QScrollBar", "Scroll down"),
    QT_TRANSLATE_NOOP("QScrollBar", "Left edge"),
    QT_TRANSLATE_NOOP("QScrollBar", "Right edge"),
    QT_TRANSLATE_NOOP("QScrollBar", "Page left"),
    QT_TRANSLATE_NOOP("QScrollBar", "Page right"),
    QT_TRANSLATE_NOOP("QScrollBar", "Scroll left"),
    QT_TRANSLATE_NOOP("QScrollBar", "Scroll right"),
)


def translations_dir() -> Path:
    """Where the compiled .qm files are: beside the frozen executable, else the
    source checkout's ``translations/`` folder (asked here, not in
    :mod:`idcheck.window_settings`, so that a test may point the window elsewhere)."""
    return window_settings.translations_dir()


def available_languages(folder: Path | None = None) -> list[str]:
    """English (the source language) and every language with an ``idcheck_*.qm``."""
    return window_settings.available_languages(folder or translations_dir())


def language_name(code: str) -> str:
    """A language by its own name: ``nb`` → "Norsk bokmål"."""
    if code in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[code]
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


def system_language(available: list[str]) -> str:
    """The computer's language if there is a translation for it, else English.
    Norwegian (``no``) and Nynorsk readers get Bokmål rather than English."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("-", "_")
        base = code.split("_")[0]
        for candidate in (code, base, "nb" if base in ("no", "nn") else ""):
            if candidate in available:
                return candidate
    return "en"


# The scripts written right to left: the ones QLocale.textDirection() names
# (tests/gui/test_i18n.py checks every locale Qt knows against it). Asked by
# script, so that start-up does not build the Python enums of the whole Qt
# namespace (about a hundred) that textDirection()'s answer would need.
_RIGHT_TO_LEFT_SCRIPTS = frozenset(
    f"{name}Script"
    for name in [
        "Adlam",
        "Arabic",
        "Avestan",
        "Cypriot",
        "Hatran",
        "Hebrew",
        "ImperialAramaic",
        "InscriptionalPahlavi",
        "InscriptionalParthian",
        "Kharoshthi",
        "Lydian",
        "Mandaean",
        "Manichaean",
        "Mende",
        "MeroiticCursive",
        "Meroitic",
        "Nabataean",
        "Nko",
        "OldHungarian",
        "OldNorthArabian",
        "OldSouthArabian",
        "Orkhon",
        "Palmyrene",
        "Phoenician",
        "PsalterPahlavi",
        "Samaritan",
        "Syriac",
        "Thaana",
    ]
)


def is_right_to_left(code: str) -> bool:
    """Whether the layout of ``code`` runs right to left (Arabic, Hebrew, Persian …)."""
    return QLocale(code).script().name in _RIGHT_TO_LEFT_SCRIPTS


def with_window_options(prefs: UiPrefs, argv: list[str], folder: Path | None = None) -> UiPrefs:
    """``--text-size N`` and ``--lang CODE`` (or ``--text-size=N``) given to the
    window, such as ``idcheck demo --text-size 200 --lang nb`` for a projector:
    ``prefs`` with them, for this run (nothing is written). Anything else in
    ``argv`` is left alone; a bad value is one line on standard error, exit 2."""
    rest = list(argv)
    while rest:
        name, eq, value = rest.pop(0).partition("=")
        if name not in ("--text-size", "--lang"):
            continue
        if not eq:
            if not rest:
                _usage(f"argument {name}: expected one argument")
            value = rest.pop(0)
        if name == "--text-size":
            sizes = [str(n) for n in TEXT_SIZES]
            if value not in sizes:
                _usage(f"argument --text-size: {value!r} is not one of {', '.join(sizes)}")
            prefs = replace(prefs, text_size=int(value))
        else:
            languages = available_languages(folder)
            if value not in languages:
                _usage(f"argument --lang: {value!r} is not one of {', '.join(languages)}")
            prefs = replace(prefs, language=value)
    return prefs


def shown_prefs(kept: UiPrefs, folder: Path | None = None) -> UiPrefs:
    """The preferences the window shows now: ``kept``, unless it was started with
    others (``--text-size``, ``--lang``); the kept "same as this computer" stays
    chosen while it is the language shown."""
    language = current_language()
    if resolve_language(kept, folder) != language:
        kept = replace(kept, language=language)
    return replace(kept, text_size=text_size())


def _usage(message: str) -> None:
    print(f"idcheck: error: {message}", file=sys.stderr)
    raise SystemExit(2)


def scaled_style(style: str, percent: int) -> str:
    """``style`` with every ``font-size`` scaled: ``11pt`` at 200 % → ``22pt``."""

    def scale(m: re.Match[str]) -> str:
        value = float(m.group(2)) * percent / 100
        text = f"{value:.1f}".removesuffix(".0")
        return f"{m.group(1)}{text}{m.group(3)}"

    return _FONT_SIZE.sub(scale, style)


def resolve_language(prefs: UiPrefs, folder: Path | None = None) -> str:
    """The language ``prefs`` stands for on this computer, among those installed."""
    available = available_languages(folder)
    if prefs.language == SYSTEM:
        return system_language(available)
    return prefs.language if prefs.language in available else "en"


def apply(
    app: QApplication,
    prefs: UiPrefs,
    style: str | None = None,
    folder: Path | None = None,
) -> str:
    """Make ``app`` show ``prefs``; returns the language code now in use.

    ``style`` is the app's style sheet at 100 %; it is remembered, so later calls
    may leave it out. Widgets already built keep their texts: Qt sends them a
    LanguageChange event, and the window rebuilds its pages.
    """
    folder = folder or translations_dir()
    language = resolve_language(prefs, folder)
    for old in app.findChildren(QTranslator, _TRANSLATOR):
        QCoreApplication.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()
    if language != "en":
        # Qt's own texts first: a translator installed later is searched first, so
        # ours wins where both have a string.
        qt = QTranslator(app)
        qt.setObjectName(_TRANSLATOR)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_dir) or qt.load(
            f"qtbase_{language.split('_')[0]}", qt_dir
        ):
            QCoreApplication.installTranslator(qt)
        else:
            qt.deleteLater()
        ours = QTranslator(app)
        ours.setObjectName(_TRANSLATOR)
        if ours.load(str(folder / f"idcheck_{language}.qm")):
            QCoreApplication.installTranslator(ours)
        else:
            ours.deleteLater()
            log.warning("%s: cannot load the translation; showing English", language)
            language = "en"
    QLocale.setDefault(QLocale(language))
    app.setProperty(_LANGUAGE, language)
    app.setProperty(_TEXT_SIZE, prefs.text_size)
    _apply_text_size(app, prefs.text_size, style)
    right_to_left = is_right_to_left(language)
    if right_to_left != app.isRightToLeft():
        from PySide6.QtCore import Qt

        direction = Qt.LayoutDirection
        app.setLayoutDirection(direction.RightToLeft if right_to_left else direction.LeftToRight)
    return language


def _apply_text_size(app: QApplication, percent: int, style: str | None) -> None:
    # The style sheet sets the sizes (``QWidget { font-size: 11pt; }`` and larger
    # titles), so its sizes are scaled; the app font too, for anything it leaves out.
    if style is not None:
        app.setProperty(_BASE_STYLE, style)
    base_style = app.property(_BASE_STYLE)
    if base_style is None:
        base_style = app.styleSheet()
        app.setProperty(_BASE_STYLE, base_style)
    points = app.property(_BASE_POINTS)
    if points is None:
        points = app.font().pointSizeF()
        app.setProperty(_BASE_POINTS, points)
    font = QFont(app.font())
    if float(points) > 0:
        font.setPointSizeF(float(points) * percent / 100)
    app.setFont(font)
    app.setStyleSheet(scaled_style(str(base_style), percent))


def _app() -> QApplication | None:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else None


def current_language() -> str:
    """The interface language :func:`apply` installed last ("en" before any)."""
    app = _app()
    value = app.property(_LANGUAGE) if app is not None else None
    return str(value) if value else "en"


def content_language() -> str:
    """The language to show a checklist's own texts in: the interface language
    without a region or pseudo-locale suffix (``nb``, ``en`` for ``en_XA``)."""
    return current_language().split("_")[0]


def text_size() -> int:
    """The text size in percent :func:`apply` set last (100 before any)."""
    app = _app()
    value = app.property(_TEXT_SIZE) if app is not None else None
    return int(value) if value else 100


def local_style(style: str) -> str:
    """A widget's own style sheet with its font sizes at the current text size.

    The app's style sheet is scaled by :func:`apply`; a sheet set on one widget
    (``widget.setStyleSheet(...)``) is not, so build it through this::

        self.setStyleSheet(i18n.local_style(LOCAL_STYLE))
    """
    return scaled_style(style, text_size())
