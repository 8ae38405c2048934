"""Fixed lists that the command line offers as choices before anything heavy is
imported (``idcheck --help`` never loads the store, the report or pydantic).

The store and the report use these same objects; they live here, in a module
that imports nothing, so the parser can be built in a few milliseconds.
"""

from __future__ import annotations

#: Jurisdiction codes a site can choose, with their names in English. The part
#: before the hyphen is the country a routes file names (``jurisdiction: "GB"``).
JURISDICTIONS: dict[str, str] = {
    "NO": "Norway",
    "GB-EAW": "England and Wales",
    "GB-SCT": "Scotland",
    "GB-NIR": "Northern Ireland",
}
#: Languages printed documents can be made in (the interface languages).
PRINT_LANGUAGES: dict[str, str] = {"en": "English", "nb": "Norsk bokmål"}
#: Who a support letter can be for (the report's ``RECIPIENTS`` has their headings).
LETTER_RECIPIENTS: tuple[str, ...] = ("guardian", "lawyer", "asylum")
