"""The form a case's name is sorted by, stored beside it (``cases.name_key``,
migration 0015) so the list is read in name order through an index.

A worker reading a Norwegian list expects the Norwegian alphabet: case does not
count, an accent does not make another letter (é as e, ñ as n, č as c), and
æ, ø, å are letters of their own after z, in that order; ä, ö and ü are
sorted as æ, ø and y (as Norwegian dictionaries and the Unicode collation for
Norwegian do). Other scripts (Arabic, Cyrillic, ...) come after the Latin
letters, by their code points. Line breaks and runs of spaces count as one
space; direction marks and other invisible format characters count not at all.
The key is compared byte by byte (SQLite's default collation), so it is made
of characters whose code points are in that order: æ ø å become ``{ | }``,
the three characters after z (those characters themselves, written in a name,
come after å).
"""

from __future__ import annotations

import unicodedata

__all__ = ["name_key", "sort_form"]

#: Letters sorted as others (before accents are removed): the Norwegian letters
#: after z, and letters that are not a base letter with an accent.
_LETTERS = str.maketrans(
    {
        "æ": "{",
        "ä": "{",
        "ø": "|",
        "ö": "|",
        "å": "}",
        "ü": "y",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ł": "l",
        "œ": "oe",
        "ı": "i",
        # The three characters æ ø å stand for, written in a name: after them.
        "{": "~{",
        "|": "~|",
        "}": "~}",
    }
)


def sort_form(text: str) -> str:
    """``text`` as it is sorted (see the module)."""
    text = unicodedata.normalize("NFC", text.casefold()).translate(_LETTERS)
    kept = [
        c
        for c in unicodedata.normalize("NFKD", text)
        if not unicodedata.combining(c) and unicodedata.category(c) != "Cf"
    ]
    return " ".join("".join(kept).split())


def name_key(given_name: str | None, family_name: str | None) -> str:
    """A case's name as it is sorted: the name as the list shows it (given, then
    family name), in its sort form; '' for a case without a name."""
    return sort_form(" ".join(x for x in (given_name, family_name) if x))
