"""Write ``src/idcheck/report/codes/iso.json``: ISO 3166-1 countries and ISO 639-2
languages (codes and English names), taken from the Debian ``iso-codes`` package's
JSON files (``apt-get install iso-codes``; LGPL-2.1), for the HTCDS export, which
codes a child's citizenship and languages by these standards.

Usage: ``python build_scripts/iso_codes.py [/usr/share/iso-codes/json]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "idcheck" / "report" / "codes" / "iso.json"


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json")
    countries = json.loads((folder / "iso_3166-1.json").read_text(encoding="utf-8"))["3166-1"]
    languages = json.loads((folder / "iso_639-2.json").read_text(encoding="utf-8"))["639-2"]
    doc = {
        "source": "ISO 3166-1 and ISO 639-2 from the Debian iso-codes package (LGPL-2.1)",
        "countries": {
            c["alpha_3"]: [
                c["alpha_2"],
                *sorted({c["name"], *(c[k] for k in ("common_name", "official_name") if k in c)}),
            ]
            for c in sorted(countries, key=lambda c: c["alpha_3"])
        },
        "languages": {
            lang["alpha_3"]: [
                lang.get("alpha_2", ""),
                lang.get("bibliographic", ""),
                *[n.strip() for n in lang["name"].split(";")],
            ]
            for lang in sorted(languages, key=lambda x: x["alpha_3"])
        },
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    OUT.write_text(text.replace('],"', '],\n"') + "\n", encoding="utf-8")
    print(f"{len(doc['countries'])} countries, {len(doc['languages'])} languages: {OUT}")


if __name__ == "__main__":
    main()
