"""Derive ``fields-2.0.json`` from the HTCDS repository's field standards sheet.

Usage: ``python tests/data/htcds/derive.py REPO [COMMIT]`` where REPO is a git
clone (or bare mirror) of https://github.com/UNMigration/HTCDS and COMMIT the
commit read (default HEAD). It reads ``HTCDS Field Standards 2.0.ods`` with git,
parses its one sheet with the standard library (an .ods file is a zip holding
``content.xml``) and writes every field as published: section, status, core,
name, label, type, and for a picklist its value names and labels (white space
around each is dropped: the sheet has ``"DebtBondage "``) or the ISO standard its
values come from. Nothing is added or corrected.
"""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

SHEET = "HTCDS Field Standards 2.0.ods"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
HEAD = (
    "Section", "Status", "Core", "Field Name Prefix", "Field Name", "Field Label",
    "Field Name including Prefix", "Field Type", "Salesforce Standard or Custom",
    "Value Names (if picklist)", "Value Labels (if picklist)", "Description", "Notes",
)  # fmt: skip


def cell_text(cell: ET.Element) -> str:
    paragraphs = []
    for p in cell.iter(f"{TEXT}p"):
        parts: list[str] = []

        def walk(e: ET.Element) -> None:
            if e.text:
                parts.append(e.text)
            for child in e:
                if child.tag == f"{TEXT}s":
                    parts.append(" " * int(child.get(f"{TEXT}c", "1")))
                elif child.tag == f"{TEXT}line-break":
                    parts.append("\n")
                else:
                    walk(child)
                if child.tail:
                    parts.append(child.tail)

        walk(p)
        paragraphs.append("".join(parts))
    return "\n".join(paragraphs)


def rows(content: bytes) -> list[list[str]]:
    out: list[list[str]] = []
    for r in ET.fromstring(content).iter(f"{TABLE}table-row"):
        row: list[str] = []
        for c in r:
            if c.tag in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                row += [cell_text(c)] * min(int(c.get(f"{TABLE}number-columns-repeated", "1")), 64)
        while row and not row[-1]:
            row.pop()
        if row:
            out.append(row)
    return out


def lines(text: str) -> list[str]:
    return [v.strip() for v in text.split("\n") if v.strip()]


def derive(ods: bytes, source: str, commit: str) -> dict[str, Any]:
    with zipfile.ZipFile(io.BytesIO(ods)) as z:
        table = rows(z.read("content.xml"))
    if tuple(table[0]) != HEAD:
        raise SystemExit(f"unexpected columns: {table[0]}")
    fields = []
    section = ""
    for raw in table[1:]:
        r = [*raw, *[""] * (len(HEAD) - len(raw))]
        if r[0].strip():
            section = " ".join(r[0].split())
        name = r[6].strip()
        if not name or name == "N/A":
            continue
        names, labels = lines(r[9]), lines(r[10])
        standard = None
        if len(names) == 1 and names[0].startswith("Use ISO"):
            standard = "ISO 3166" if "3166" in names[0] else "ISO 639-2"
            names, labels = [], []
        elif not names and labels and labels[0].startswith("[Use ISO"):
            standard, labels = "ISO 3166", []
        fields.append(
            {
                "section": section,
                "status": r[1].strip(),
                "core": r[2].strip() == "Core",
                "name": name,
                "label": r[5].strip(),
                "type": " ".join(r[7].split()),
                "codes": names,
                "code_labels": labels,
                "code_standard": standard,
            }
        )
    return {
        "standard": "Human Trafficking Case Data Standard (HTCDS)",
        "version": "2.0",
        "source": source,
        "commit": commit,
        "sha256": hashlib.sha256(ods).hexdigest(),
        "fields": fields,
    }


def main() -> None:
    repo = Path(sys.argv[1])
    commit = sys.argv[2] if len(sys.argv) > 2 else "HEAD"
    commit = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", commit], capture_output=True, text=True, check=True
    ).stdout.strip()
    ods = subprocess.run(
        ["git", "-C", str(repo), "show", f"{commit}:{SHEET}"], capture_output=True, check=True
    ).stdout
    url = f"https://github.com/UNMigration/HTCDS/blob/{commit}/{SHEET.replace(' ', '%20')}"
    doc = derive(ods, url, commit)
    out = Path(__file__).with_name("fields-2.0.json")
    out.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(doc['fields'])} fields written to {out}")


if __name__ == "__main__":
    main()
