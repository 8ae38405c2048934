"""The window's settings kept on this computer, read and written without Qt.

Two files, neither of which holds anything about a child:

- ``interface.json`` in the data folder: the interface language and the text
  size (:class:`UiPrefs`). One file per computer, not per user, so the unlock
  screen is already in the chosen language.
- ``walkthrough.ini`` in the user's settings folder (:func:`walk_file`): whether
  the walk-through shows one item or one section at a time. The window keeps it
  through ``QSettings`` (``idcheck.gui.walk_form.WalkPreferences``);
  :func:`read_walk_mode` and :func:`write_walk_mode` read and write the same
  ``[walk]`` ``mode=`` entry the way ``QSettings`` does, and leave anything else
  in the file as it was.

The window (``idcheck.gui.i18n``, ``idcheck.gui.walk_form``) and
``idcheck interface show|set`` both go through this module, so the command line
changes what the window reads, and it does so without importing Qt.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from platformdirs import user_config_path

from idcheck.files import atomic_write

__all__ = [
    "LANGUAGE_NAMES",
    "PREFS_FILE",
    "SYSTEM",
    "TEXT_SIZES",
    "WALK_FILE",
    "WALK_MODES",
    "UiPrefs",
    "available_languages",
    "read_walk_mode",
    "translations_dir",
    "walk_file",
    "write_walk_mode",
]

log = logging.getLogger(__name__)

PREFS_FILE = "interface.json"
TEXT_SIZES = (100, 150, 200)
#: The languages' own names, as the settings dialog lists them.
LANGUAGE_NAMES = {
    "en": "English",
    "nb": "Norsk bokmål",
    "en_XA": "[Pseudo] long strings",
    "ar_XB": "[Pseudo] long strings, right to left",
}
#: "" means: the language of this computer when there is a translation for it,
#: else English.
SYSTEM = ""
_LANGUAGE_CODE = re.compile(r"([a-z]{2,3}(_[A-Za-z0-9]{2,4})?)?")

WALK_FILE = "walkthrough.ini"
#: One item at a time (the first), or one section at a time.
WALK_MODES = ("item", "section")
_WALK_SECTION = "walk"
_WALK_KEY = "mode"


def translations_dir() -> Path:
    """Where the compiled .qm files are: beside the frozen executable, else the
    source checkout's ``translations/`` folder."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "translations"
    return Path(__file__).resolve().parents[2] / "translations"


def available_languages(folder: Path | None = None) -> list[str]:
    """English (the source language) and every language with an ``idcheck_*.qm``:
    the languages the settings dialog offers."""
    folder = folder or translations_dir()
    found = {p.stem.removeprefix("idcheck_") for p in folder.glob("idcheck_*.qm")}
    # Pseudo-locales (for layout tests, never in a build) after the real languages.
    return ["en", *sorted(found - {"en"}, key=lambda c: (c.endswith(("_XA", "_XB")), c))]


@dataclass(frozen=True)
class UiPrefs:
    """Interface language (a code, or ``SYSTEM``) and text size in percent."""

    language: str = SYSTEM
    text_size: int = 100

    @classmethod
    def read(cls, folder: Path) -> tuple[UiPrefs, str | None]:
        """The saved preferences, or the defaults with a one-line reason when the
        file is there but cannot be used. Never raises for a bad file."""
        path = folder / PREFS_FILE
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(), None
        except (OSError, UnicodeDecodeError) as e:
            return cls(), f"{path}: cannot be read ({e.__class__.__name__}); using the defaults"
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as e:
            return cls(), f"{path}:{e.lineno}:{e.colno}: not JSON ({e.msg}); using the defaults"
        if not isinstance(data, dict):
            return cls(), f"{path}: expected an object; using the defaults"
        prefs, problems = cls(), []
        language = data.get("language", SYSTEM)
        if isinstance(language, str) and _LANGUAGE_CODE.fullmatch(language):
            prefs = replace(prefs, language=language)
        else:
            problems.append(f"language {language!r} is not a language code")
        size = data.get("text_size", 100)
        if isinstance(size, int) and not isinstance(size, bool) and size in TEXT_SIZES:
            prefs = replace(prefs, text_size=size)
        else:
            problems.append(f"text_size {size!r} is not one of {', '.join(map(str, TEXT_SIZES))}")
        if problems:
            return prefs, f"{path}: {'; '.join(problems)}; using the default for it"
        return prefs, None

    @classmethod
    def load(cls, folder: Path) -> UiPrefs:
        """The saved preferences, or the defaults (a bad file is logged, one line)."""
        prefs, problem = cls.read(folder)
        if problem:
            log.warning("%s", problem)
        return prefs

    def save(self, folder: Path) -> None:
        """Write atomically: a crash leaves the old file or the new one, never half."""
        if self.text_size not in TEXT_SIZES:
            raise ValueError(f"text size {self.text_size} is not one of {TEXT_SIZES}")
        folder.mkdir(parents=True, exist_ok=True)
        body = json.dumps({"language": self.language, "text_size": self.text_size}, indent=2)
        atomic_write(folder / PREFS_FILE, body + "\n")


def walk_file() -> Path:
    """Where the window keeps the walk-through's mode: ``walkthrough.ini`` in the
    user's settings folder (``~/.config/idcheck`` on Linux; ``XDG_CONFIG_HOME``
    moves it there as elsewhere). Not in the data folder: ``--data-dir`` does not
    move it."""
    return user_config_path("idcheck", appauthor=False) / WALK_FILE


def _section(line: str) -> str | None:
    """The section a ``[name]`` line opens, else None."""
    text = line.strip()
    if text.startswith("[") and "]" in text:
        return text[1 : text.index("]")]
    return None


def _entry(line: str) -> tuple[str, str] | None:
    """A ``key=value`` line's key and value as ``QSettings`` reads them: spaces
    around both dropped, a quoted value unquoted, a ``;`` comment after it cut."""
    text = line.strip()
    if not text or text.startswith((";", "#", "[")) or "=" not in text:
        return None
    key, _, value = text.partition("=")
    value = value.strip()
    if value.startswith('"'):
        end = value.find('"', 1)
        value = value[1:end] if end > 0 else value[1:]
    else:
        value = value.partition(";")[0].strip()
    return key.strip(), value


def _walk_lines(text: str) -> list[tuple[int, str]]:
    """The ``mode`` entries of the ``[walk]`` sections: line number and value."""
    found, section = [], None
    for number, line in enumerate(text.splitlines()):
        opened = _section(line)
        if opened is not None:
            section = opened
            continue
        entry = _entry(line)
        if section == _WALK_SECTION and entry is not None and entry[0] == _WALK_KEY:
            found.append((number, entry[1]))
    return found


def read_walk_mode(path: Path | None = None) -> tuple[str, str | None]:
    """The walk-through's mode kept in ``path`` (default :func:`walk_file`), and a
    one-line reason when the file is there but says no mode the window knows (it
    then shows one item at a time, as this returns). Never raises for a bad file."""
    path = path or walk_file()
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return WALK_MODES[0], None
    except (OSError, UnicodeDecodeError) as e:
        return WALK_MODES[0], f"{path}: cannot be read ({e.__class__.__name__}); using item"
    entries = _walk_lines(text)
    if not entries:
        return WALK_MODES[0], None
    value = entries[-1][1]  # the last one, as QSettings reads a file that repeats it
    if value not in WALK_MODES:
        return WALK_MODES[0], f"{path}: mode {value!r} is not item or section; using item"
    return value, None


def write_walk_mode(mode: str, path: Path | None = None) -> None:
    """Keep ``mode`` in ``path`` (default :func:`walk_file`), atomically; the rest
    of the file stays as it was (a file that cannot be read is replaced)."""
    if mode not in WALK_MODES:
        raise ValueError(f"unknown walk mode {mode!r}")
    path = path or walk_file()
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (FileNotFoundError, UnicodeDecodeError):
        text = ""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines()
    entry = f"{_WALK_KEY}={mode}"
    entries = _walk_lines(text)
    if entries:
        lines[entries[-1][0]] = entry
    else:
        at = next((n for n, line in enumerate(lines) if _section(line) == _WALK_SECTION), None)
        if at is not None:
            lines.insert(at + 1, entry)
        else:
            if lines and lines[-1].strip():
                lines.append("")
            lines += [f"[{_WALK_SECTION}]", entry]
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, newline.join(lines) + newline)
