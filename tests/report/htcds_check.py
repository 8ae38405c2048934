"""Every value of an HTCDS export checked against the standard's published field
list (tests/data/htcds/fields-2.0.json): shared by the core and command-line tests."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from idcheck.report import htcds_map
from idcheck.report.stats import AGE_BANDS
from idcheck.store import REFERRAL_STATES

ROOT = Path(__file__).resolve().parents[2]
STANDARD = json.loads((ROOT / "tests" / "data" / "htcds" / "fields-2.0.json").read_text("utf-8"))
FIELDS: dict[str, dict[str, Any]] = {f["name"]: f for f in STANDARD["fields"]}


def _is_code(field: dict[str, Any], value: Any) -> bool:
    if not isinstance(value, str):
        return False
    if field["code_standard"] == "ISO 3166":
        return bool(re.fullmatch(r"[A-Z]{3}", value)) and value in htcds_map.countries()
    if field["code_standard"] == "ISO 639-2":
        return bool(re.fullmatch(r"[a-z]{3}", value)) and value in htcds_map.languages()
    return value in field["codes"]


def _extension(column: str, value: Any, columns: list[str]) -> str | None:
    ok = {
        "idc_CaseReference": lambda v: isinstance(v, str) and v != "",
        "idc_ClaimedAge": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "idc_AssessedAge": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "idc_AgeDisputed": lambda v: isinstance(v, bool),
        "idc_AgeBand": lambda v: v in AGE_BANDS,
        "idc_ReferralState": lambda v: v in REFERRAL_STATES,
        "idc_Referrals": lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
        "idc_Suppressed": lambda v: isinstance(v, list) and all(c in columns for c in v),
    }
    if column not in ok:
        return f"{column}: not a field of the standard nor one of idcheck's"
    return None if ok[column](value) else f"{column}: {value!r}"


def problem(column: str, value: Any, columns: list[str]) -> str | None:
    """What is wrong with ``value`` in ``column``, or None."""
    if column.startswith("idc_"):
        return None if value is None else _extension(column, value, columns)
    name, _, sub = column.partition(".")
    field = FIELDS.get(name)
    if field is None or field["status"] == "DEPRECATED":
        return f"{column}: not a current field of HTCDS {STANDARD['version']}"
    if sub:
        if field["type"] != "Lookup [to organisation]" or sub not in FIELDS:
            return f"{column}: {name} is no lookup to an organisation with {sub}"
        field = FIELDS[sub]
    if value is None or value == []:
        return None
    kind = field["type"]
    if kind == "Multiselect Picklist":
        good = isinstance(value, list) and len(set(value)) == len(value)
        good = good and all(_is_code(field, v) for v in value)
    elif kind == "Picklist" or (kind in ("Picklist or Text", "Text") and field["code_standard"]):
        good = _is_code(field, value)
    elif kind in (
        "Text",
        "Long Text",
        "Picklist or Text",
        "Lookup [to user]",
        "Lookup [to person]",
    ):
        good = isinstance(value, str)
    elif kind == "Date":
        good = isinstance(value, str) and bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))
        good = good and dt.date.fromisoformat(value) is not None
    elif kind in ("Number", "Geolocation"):
        good = isinstance(value, int | float) and not isinstance(value, bool)
    elif kind == "Checkbox":
        good = isinstance(value, bool)
    else:
        return f"{column}: no check for the type {kind!r}"
    return None if good else f"{column} ({kind}): {value!r}"


def problems(doc: dict[str, Any]) -> list[str]:
    """Every value of a JSON export that the standard does not allow."""
    columns = doc["columns"]
    out = [p for c in columns if (p := problem(c, None, columns))]
    for record in doc["records"]:
        if list(record) != columns:
            out.append(f"record columns {list(record)} are not the export's")
        out += [p for c, v in record.items() if (p := problem(c, v, columns))]
    for key, value in doc["organisation"].items():
        p = problem(key, value, columns)
        if p:
            out.append(p)
    return out
