"""Write ``src/idcheck/report/codes/language_names.json``: the name of each
language in every print language (English and Norwegian bokmål), taken from
the Unicode CLDR as the Babel library carries it, for the documents that say
in which language a child spoke ("as said, in Arabic", "som sagt, på arabisk").

Babel is not bundled (its locale data is about 33 MB; the frozen build keeps
this table, about 40 kB, instead). Run with Babel on the path, e.g.
``pip install --target /tmp/babel babel`` then
``PYTHONPATH=/tmp/babel python build_scripts/language_names.py``.

The table holds every language CLDR names in both print languages, by its
ISO 639 code, plus the regional names CLDR gives (``fa-AF``: Dari) and the
ISO 639-3 codes the bundled checklists use where CLDR has another code for the
same language (``prs``, Dari, which CLDR calls ``fa_AF``).
"""

from __future__ import annotations

import json
from pathlib import Path

from babel import Locale, __version__  # type: ignore[import-not-found]
from babel.core import get_cldr_version  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "idcheck" / "report" / "codes" / "language_names.json"
PRINT = ("en", "nb")
#: ISO 639-3 codes in use here -> CLDR's code for the same language.
ALIASES = {"prs": "fa_AF"}


def main() -> None:
    locales = {lang: Locale.parse(lang) for lang in PRINT}
    names: dict[str, dict[str, str]] = {}
    for code in sorted(locales["en"].languages):
        if all(code in locales[p].languages for p in PRINT):
            key = code.replace("_", "-")
            names[key] = {p: locales[p].languages[code] for p in PRINT}
    for alias, code in ALIASES.items():
        names[alias] = names[code.replace("_", "-")]
    doc = {
        "source": f"Unicode CLDR {get_cldr_version()} language names, from Babel {__version__} "
        "(Unicode licence); written by build_scripts/language_names.py",
        "names": names,
    }
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    OUT.write_text(text.replace('},"', '},\n"') + "\n", encoding="utf-8")
    print(f"{len(names)} languages in {', '.join(PRINT)}: {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
