"""An HTCDS export anonymised for national monitoring, and written as JSON or CSV.

:func:`anonymise` keeps only coded columns: no names, references, dates of birth
or other dates, ages (the statistics' age bands instead), lookups to people or free
text. Small cells are handled as :mod:`idcheck.report.stats` handles them: with
fewer than five records (``SMALL``) no record is given at all, as a total of 1 to
4 is shown as ``<5``. Otherwise each column is a table of counts: a value that 1
to 4 records hold is taken out of them, and where that leaves a single value hidden
in a column, the value the fewest other records hold is taken out too (the
statistics' ``x``). Then every record must share the values that could single a
child out (citizenship, languages, who identified the child, gender, whether the
age is disputed, age band) with at least four others; where it does not, those
values are emptied one at a time, the rarest kind first (citizenship, then the
second language, ...) until it does. Each column a record lost a value in is named
in its ``idc_Suppressed``. The records are put in the order of their values, so
their order tells nothing of when a case was made.

:func:`to_json` keeps every text as it is (line breaks and right-to-left text
included); :func:`to_csv` writes UTF-8 with a byte-order mark (so spreadsheets read
non-Latin scripts), quotes every cell (a line break stays inside its cell), joins a
multi-select's codes with ``;``, and neutralises a cell a spreadsheet would run as
a formula. Qt-free.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from idcheck import __version__
from idcheck.files import atomic_write
from idcheck.report import htcds_map as hm
from idcheck.report.htcds import COLUMNS, Export, organisation
from idcheck.report.stats import SMALL
from idcheck.store import Store, check_output

#: The columns an anonymised record keeps: coded values only.
ANONYMOUS_KINDS = frozenset({"code", "codes", "checkbox"})
DROPPED = frozenset({"idc_CaseReference", "idc_ClaimedAge", "idc_AssessedAge"})
#: The values that could single a child out, emptied in this order where needed.
QUASI_IDENTIFIERS = (
    "prs_Citizenship",
    "prs_SecondaryLanguage",
    "prs_PrimaryLanguage",
    "cas_ReferringOrganisation.org_Type",
    "prs_Gender",
    "idc_AgeDisputed",
    "idc_AgeBand",
)
SUPPRESSED_COLUMN = "idc_Suppressed"
SUPPRESSION_NOTE = (
    f"No record is given when there are fewer than {SMALL}. A value that 1 to 4 records "
    "hold is taken out of them, and where that leaves one value hidden in a column, the "
    "value the fewest other records hold is taken out too. Each record then shares its "
    "citizenship, languages, referring organisation type, gender, disputed age and age "
    f"band with at least {SMALL - 1} others; where it did not, those values were emptied, "
    f"citizenship first. The columns a record lost a value in are named in {SUPPRESSED_COLUMN}."
)
#: What a spreadsheet runs as a formula when a cell starts with it.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def anonymous_columns() -> dict[str, str]:
    cols = {
        k: kind
        for k, kind in COLUMNS.items()
        if kind in ANONYMOUS_KINDS and k not in DROPPED and not k.endswith(".org_Name")
    }
    cols[SUPPRESSED_COLUMN] = "codes"
    return cols


def _key(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _groups(records: list[dict[str, Any]]) -> Counter[tuple[Any, ...]]:
    return Counter(tuple(_key(r[q]) for q in QUASI_IDENTIFIERS) for r in records)


def _sort_key(record: dict[str, Any]) -> str:
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def _held(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _small_cells(records: list[dict[str, Any]], cols: dict[str, str]) -> None:
    """Each column counted as the statistics count a table: a value held by 1 to 4
    records is taken out of them; where that leaves one value hidden in a column
    (what it was could be told from what is missing), the value held by the fewest
    other records is taken out too."""
    for col, kind in cols.items():
        if col == SUPPRESSED_COLUMN:
            continue
        counts = Counter(v for r in records for v in _held(r[col]))
        hidden = {v for v, n in counts.items() if n < SMALL}
        rest = [v for v in counts if v not in hidden]
        if len(hidden) == 1 and rest:
            hidden.add(min(rest, key=lambda v: (counts[v], str(v))))
        if not hidden:
            continue
        for r in records:
            kept = [v for v in _held(r[col]) if v not in hidden]
            if kept == _held(r[col]):
                continue
            r[col] = kept if kind == "codes" else (kept[0] if kept else None)
            r[SUPPRESSED_COLUMN].append(col)


def anonymise(export: Export) -> Export:
    """The export for national monitoring (see the module's description)."""
    cols = anonymous_columns()
    records = [{k: r.get(k, []) for k in cols} for r in export.records]
    for r in records:
        r[SUPPRESSED_COLUMN] = []
    if len(records) < SMALL:
        return replace(
            export, records=(), anonymised=True, suppression=SUPPRESSION_NOTE, withheld=True
        )
    _small_cells(records, cols)
    for field in QUASI_IDENTIFIERS:
        groups = _groups(records)
        small = [r for r in records if groups[tuple(_key(r[q]) for q in QUASI_IDENTIFIERS)] < SMALL]
        if not small:
            break
        for r in small:
            if r[field] not in (None, []):
                r[field] = [] if cols[field] == "codes" else None
                if field not in r[SUPPRESSED_COLUMN]:
                    r[SUPPRESSED_COLUMN].append(field)
    return replace(
        export,
        records=tuple(sorted(records, key=_sort_key)),
        anonymised=True,
        suppression=SUPPRESSION_NOTE,
    )


def columns_of(export: Export) -> dict[str, str]:
    return anonymous_columns() if export.anonymised else dict(COLUMNS)


def to_json(export: Export) -> str:
    doc: dict[str, Any] = {
        "standard": hm.STANDARD,
        "version": hm.VERSION,
        "source": hm.SOURCE,
        "made_by": f"idcheck {__version__}",
        "anonymised": export.anonymised,
        "organisation": organisation(export.site),
        "columns": list(columns_of(export)),
        "records": list(export.records),
    }
    if export.anonymised:
        doc["suppression"] = export.suppression
        doc["records_withheld"] = "<5" if export.withheld else None
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def neutralise(cell: str) -> str:
    """A cell that starts (after any spaces) with = + - @, or with a tab or carriage
    return, gets a leading apostrophe: a spreadsheet shows it as text."""
    if cell.startswith(FORMULA_START) or cell.lstrip().startswith(FORMULA_START[:4]):
        return "'" + cell
    return cell


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return neutralise(str(value))


def to_csv(export: Export) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    cols = list(columns_of(export))
    w.writerow(cols)
    for r in export.records:
        w.writerow([_cell(r.get(c)) for c in cols])
    return "\ufeff" + buf.getvalue()


def write(export: Export, target: Path, fmt: str) -> None:
    """Write the export as ``fmt`` ("json" or "csv") to ``target``, atomically."""
    text = to_json(export) if fmt == "json" else to_csv(export)
    atomic_write(Path(target), text.encode("utf-8"))


def save(store: Store, export: Export, target: Path, fmt: str, case_id: int | None = None) -> str:
    """Write the export to ``target`` (refused onto the store's own files, a folder
    or a missing folder) and audit it (``htcds-exported``, or
    ``htcds-exported-anonymised``; with the case's id when it is one case); the new
    audit head. If the audit row cannot be written, the file is removed again."""
    path = check_output(target, store.data_dir)
    write(export, path, fmt)
    action = "htcds-exported-anonymised" if export.anonymised else "htcds-exported"
    try:
        return store.record_event(action, case_id=case_id)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def format_for(target: Path) -> str | None:
    """The format by the file's name: "json", "csv", or None."""
    suffix = Path(target).suffix.lower()
    return {".json": "json", ".csv": "csv"}.get(suffix)
