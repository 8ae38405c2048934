"""The name of the language a child spoke, in the print language.

The walk-through records the language of the child's words as the worker types
it, usually an ISO 639 code ("ar", "prs", "ti"). A document says its name in the
language it is printed in: "as said, in Arabic", "som sagt, på arabisk". The
names are the Unicode CLDR's, kept as a table (``codes/language_names.json``,
written by ``build_scripts/language_names.py``) so that the frozen build does not
carry a whole locale library. Three-letter ISO 639-2 codes ("ara", "per") are
read through the ISO table the HTCDS export uses. Anything else (a name typed
out, in any script or direction) is printed as typed: the document's
right-to-left path lays it out.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

__all__ = ["language_name", "language_names"]

_CODES = Path(__file__).parent / "codes"


@cache
def _names() -> dict[str, dict[str, str]]:
    data = json.loads((_CODES / "language_names.json").read_text(encoding="utf-8"))
    names = data["names"]
    assert isinstance(names, dict)
    return names


@cache
def _two_letter() -> dict[str, str]:
    """ISO 639-2 codes (terminology and bibliographic) -> ISO 639-1 code."""
    data = json.loads((_CODES / "iso.json").read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for alpha3, (alpha2, biblio, *_names) in data["languages"].items():
        if alpha2:
            out[alpha3] = alpha2
            if biblio:
                out[biblio] = alpha2
    return out


def _key(value: str) -> str | None:
    """The table's key for a code as typed ("AR", "fa_af", "ara"), else None."""
    parts = value.replace("_", "-").split("-")
    base = parts[0].lower()
    if not base.isascii() or not base.isalpha() or not 2 <= len(base) <= 3:
        return None
    names = _names()
    if len(parts) == 2 and parts[1].isascii() and parts[1].isalnum():
        region = parts[1].upper() if len(parts[1]) == 2 else parts[1].title()
        for code in (f"{base}-{region}", f"{_two_letter().get(base, base)}-{region}"):
            if code in names:
                return code
    elif len(parts) > 2:
        return None
    for code in (base, _two_letter().get(base, "")):
        if code in names:
            return code
    return None


def language_name(value: str, lang: str) -> str:
    """The name in ``lang`` (a print language) of the language ``value`` names:
    an ISO 639 code (two or three letters, with a region or not) becomes the
    name; anything else comes back as typed (trimmed).

    >>> language_name("ar", "nb"), language_name("prs", "en"), language_name("Oromo", "nb")
    ('arabisk', 'Dari', 'Oromo')
    """
    typed = value.strip()
    key = _key(typed)
    if key is None:
        return typed
    names = _names()[key]
    return names.get(lang) or names["en"]


def language_names(values: set[str] | list[str], lang: str) -> str:
    """Several languages' names in ``lang``, in the order of the names, each once."""
    return ", ".join(sorted({language_name(v, lang) for v in values if v.strip()}))
