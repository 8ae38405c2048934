"""One export: a document is rendered once, shown, and the same bytes saved.

:func:`make_referral` and :func:`make_letter` build a document in memory and
write no audit row (a preview is not an export). :func:`save_document` writes
exactly those bytes, atomically, and audits the export once;
:func:`record_print` audits a print of them. The window and the command line
both go through here, so what is saved is what was previewed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from idcheck.report.letter import LetterFacts, letter_pdf
from idcheck.report.pdf import referral_pdf, write_atomic
from idcheck.report.summary import ReferralSummary, build_summary
from idcheck.store import Store, check_output


@dataclass(frozen=True, slots=True)
class Document:
    """A rendered document: its PDF bytes and what it is about."""

    kind: str  # "report" (the referral), "letter" or "plan" (the individual plan)
    data: bytes
    case_id: int
    screening_id: int | None  # None: a document of the case (the plan)
    case_reference: str
    audit_head: str


def make_referral(
    store: Store, screening_id: int, *, include_names: bool = False, lang: str | None = None
) -> tuple[Document, ReferralSummary]:
    """The referral of a screening, rendered once (no audit row)."""
    summary = build_summary(store, screening_id, include_names=include_names, lang=lang)
    doc = Document(
        "report",
        referral_pdf(summary),
        summary.case_id,
        screening_id,
        summary.case_reference,
        summary.audit_head,
    )
    return doc, summary


def make_letter(
    facts: LetterFacts,
    confirmed: Iterable[str],
    *,
    recipient: str = "guardian",
    prepared_by: str = "",
) -> Document:
    """A support letter with the confirmed facts only, rendered once (no audit row)."""
    data = letter_pdf(facts, confirmed, recipient=recipient, prepared_by=prepared_by)
    return Document(
        "letter",
        data,
        facts.case_id,
        facts.screening_id,
        facts.case_reference,
        facts.audit_head,
    )


def save_document(store: Store, doc: Document, path: Path) -> str:
    """Write the document's bytes to ``path`` (atomically) and audit the export
    (``report-exported`` or ``letter-exported``); returns the new audit head. If
    the audit row cannot be written, the file is removed again. Refused
    (UnsafeOutput) onto the store's own files, a folder or a missing folder."""
    path = check_output(path, store.data_dir)
    write_atomic(doc.data, path)
    try:
        return store.record_event(
            f"{doc.kind}-exported", case_id=doc.case_id, screening_id=doc.screening_id
        )
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def record_print(store: Store, doc: Document) -> str:
    """Audit a print of the document (``report-printed`` or ``letter-printed``)."""
    return store.record_event(
        f"{doc.kind}-printed", case_id=doc.case_id, screening_id=doc.screening_id
    )
