"""The printed frame's words in each print language.

The report core is Qt-free, so its words are not in the window's Qt Linguist
files: each language other than English has a catalogue,
``locale/<lang>.json``, mapping each English text to its translation (a list
of two, singular and plural, for texts that count). Templates call ``_()`` and
``ngettext()`` (jinja2's i18n extension); Python code calls
:meth:`Translator.gettext` through a local ``_``. A test collects every text
marked this way and fails on any without a translation.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from idcheck.store import PRINT_LANGUAGES

LOCALE_DIR = Path(__file__).parent / "locale"


@cache
def catalogue(lang: str) -> dict[str, str | list[str]]:
    """The translations of one language ({} for English)."""
    if lang == "en":
        return {}
    path = LOCALE_DIR / f"{lang}.json"
    if not path.is_file():
        raise ValueError(f"no printed documents in {lang!r}: one of {', '.join(PRINT_LANGUAGES)}")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


class Translator:
    """Look-ups in one language's catalogue; an English text with no entry is
    printed as it is (the test suite makes sure none is missing)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.cat = catalogue(lang)

    def gettext(self, msgid: str) -> str:
        found = self.cat.get(msgid)
        return found if isinstance(found, str) and found else msgid

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        found = self.cat.get(singular)
        if isinstance(found, list) and len(found) == 2:
            return found[0] if n == 1 else found[1]
        return singular if n == 1 else plural


def frame_texts() -> dict[str, str | None]:
    """Every text marked for the catalogue in the report package: its English
    text and, for a text that counts, its plural (else None). Marked are the
    literal first arguments of ``_``, ``N_``, ``gettext`` and ``ngettext`` in
    the templates and the modules, and the texts of the answer's shared words
    (``QT_TRANSLATE_NOOP`` in :mod:`idcheck.checklist.vocabulary`)."""
    import ast

    from jinja2 import Environment, PackageLoader

    from idcheck.checklist import vocabulary

    here = Path(__file__).parent
    found: dict[str, str | None] = {}
    env = Environment(  # noqa: S701 - reads the templates' texts only, renders nothing
        loader=PackageLoader("idcheck.report", "templates"), extensions=["jinja2.ext.i18n"]
    )
    for path in sorted((here / "templates").glob("*.j2")):
        source = path.read_text(encoding="utf-8")
        for _line, func, message in env.extract_translations(source):  # type: ignore[attr-defined]
            # A call with values comes as a tuple: (text, None...) or (singular, plural, ...).
            parts = message if isinstance(message, tuple) else (message,)
            if isinstance(parts[0], str):
                plural = parts[1] if func == "ngettext" and len(parts) > 1 else None
                found[parts[0]] = plural if isinstance(plural, str) else None
    for path in [*sorted(here.glob("*.py")), Path(vocabulary.__file__)]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            f = node.func
            name = (
                f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            )
            if name == "QT_TRANSLATE_NOOP" and len(node.args) == 2:
                # The shared words of an answer (idcheck.checklist.vocabulary).
                node.args = node.args[1:]
                name = "_"
            first = node.args[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            if name in ("_", "N_", "gettext"):
                found[first.value] = None
            elif name == "ngettext" and len(node.args) > 1:
                second = node.args[1]
                if isinstance(second, ast.Constant) and isinstance(second.value, str):
                    found[first.value] = second.value
    return found
