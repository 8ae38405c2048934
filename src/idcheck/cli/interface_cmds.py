"""``idcheck interface show|set``: this computer's window settings, the ones the
window's Settings dialog and the walk-through's switch keep.

- the interface language and the text size, in ``interface.json`` in the data
  folder (``--data-dir``, ``IDCHECK_DATA_DIR``);
- the walk-through's mode (one item or one section at a time), in
  ``walkthrough.ini`` in the user's settings folder, where the window keeps it.

Neither file holds anything about a child, so no store is opened and no password
is asked for. Nothing here imports Qt: the files are read and written by
:mod:`idcheck.window_settings`, as the window reads them.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from idcheck.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from idcheck.paths import data_dir
from idcheck.window_settings import (
    LANGUAGE_NAMES,
    PREFS_FILE,
    SYSTEM,
    TEXT_SIZES,
    WALK_MODES,
    UiPrefs,
    available_languages,
    read_walk_mode,
    walk_file,
    write_walk_mode,
)

_WALK_WORDS = {"item": "one item at a time", "section": "one section at a time"}
_SYSTEM_WORDS = ("system", "")


def _fail(code: int, message: str) -> int:
    """As :func:`idcheck.cli.common.fail`, which is not imported: it brings the
    store (SQLAlchemy, SQLCipher) with it, which this command never opens."""
    print(f"idcheck: {message}", file=sys.stderr)
    return code


def _shown(value: str) -> str:
    """A value given on the command line, quoted on one line: escapes for line
    breaks, direction marks and any other non-ASCII, cut after 40 characters."""
    return ascii(value[:40]) + ("…" if len(value) > 40 else "")


def _folder(args: argparse.Namespace, *, writing: bool = False) -> Path | int:
    """The data folder, or the exit code after saying it cannot be one."""
    folder = data_dir(args.data_dir)
    if folder.exists() and not folder.is_dir():
        return _fail(
            EXIT_USAGE,
            f"the data folder {folder} is a file, not a folder: give a folder with --data-dir "
            f"(or IDCHECK_DATA_DIR){'; nothing was written' if writing else ''}",
        )
    return folder


def _kept_in(path: Path, what: str) -> str:
    exists = path.exists()
    return f"{what} kept in: {path}" + ("" if exists else " (not written yet: the defaults)")


def _language_words(code: str) -> str:
    if code == SYSTEM:
        return "the computer's (English where there is no translation for it)"
    if code not in available_languages():
        return f"{code} (not installed: the window shows English)"
    return f"{code} ({LANGUAGE_NAMES.get(code, code)})"


def _describe(folder: Path) -> int:
    """Print what is kept, each damaged file said in one line; the exit code."""
    prefs, problem = UiPrefs.read(folder)
    walk_path = walk_file()
    mode, walk_problem = read_walk_mode(walk_path)
    for said in (problem, walk_problem):
        if said:
            print(f"idcheck: {said}", file=sys.stderr)
    print(f"language: {_language_words(prefs.language)}")
    print(f"text size: {prefs.text_size} %")
    print(f"walk-through: {_WALK_WORDS[mode]}")
    print(_kept_in(folder / PREFS_FILE, "language and text size"))
    print(_kept_in(walk_path, "walk-through"))
    return EXIT_OK


def cmd_interface_show(args: argparse.Namespace) -> int:
    folder = _folder(args)
    if isinstance(folder, int):
        return folder
    return _describe(folder)


def _checked(args: argparse.Namespace) -> tuple[str | None, int | None, str | None] | int:
    """The options given, each checked: (language, text size, walk mode), None
    for one not given; or the exit code after saying which is wrong."""
    language, size, walk = args.language, args.text_size, args.walk
    if language is None and size is None and walk is None:
        return _fail(EXIT_USAGE, "nothing to change: give --language, --text-size or --walk")
    if language is not None:
        languages = available_languages()
        if language in _SYSTEM_WORDS:
            language = SYSTEM
        elif language not in languages:
            return _fail(
                EXIT_USAGE,
                f"--language {_shown(language)} is not an interface language here: "
                f"{', '.join(languages)}, or system for the computer's; nothing was written",
            )
    text_size = None
    if size is not None:
        sizes = [str(n) for n in TEXT_SIZES]
        if size not in sizes:
            return _fail(
                EXIT_USAGE,
                f"--text-size {_shown(size)} is not one of {', '.join(sizes)} (percent); "
                "nothing was written",
            )
        text_size = int(size)
    if walk is not None and walk not in WALK_MODES:
        return _fail(
            EXIT_USAGE,
            f"--walk {_shown(walk)} is not one of {', '.join(WALK_MODES)}; nothing was written",
        )
    return language, text_size, walk


def cmd_interface_set(args: argparse.Namespace) -> int:
    checked = _checked(args)
    if isinstance(checked, int):
        return checked
    language, text_size, walk = checked
    folder = _folder(args, writing=True)
    if isinstance(folder, int):
        return folder
    if language is not None or text_size is not None:
        prefs, problem = UiPrefs.read(folder)  # the fields not given are kept
        if problem:
            print(f"idcheck: {problem}; the file is now written anew", file=sys.stderr)
        if language is not None:
            prefs = replace(prefs, language=language)
        if text_size is not None:
            prefs = replace(prefs, text_size=text_size)
        try:
            prefs.save(folder)
        except OSError as e:
            return _fail(EXIT_FAILED, f"cannot write {folder / PREFS_FILE}: {_reason(e)}")
    if walk is not None:
        path = walk_file()
        try:
            write_walk_mode(walk, path)
        except OSError as e:
            done = "" if language is None and text_size is None else "; the rest was written"
            return _fail(EXIT_FAILED, f"cannot write {path}: {_reason(e)}{done}")
    return _describe(folder)


def _reason(e: OSError) -> str:
    return e.strerror or e.__class__.__name__
