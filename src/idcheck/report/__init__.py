"""Referral summaries: pure data built from a stored screening
(:func:`build_summary`), rendered by jinja2 and reportlab to PDF
(:func:`render_referral`), with one font per script (:mod:`fonts`). Qt-free.

The names below are loaded when first used."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from idcheck.report.export import (
        Document,
        make_letter,
        make_referral,
        record_print,
        save_document,
    )
    from idcheck.report.fonts import MissingFont, fonts_used
    from idcheck.report.pdf import referral_pdf, render_referral
    from idcheck.report.summary import ReferralSummary, build_summary

#: Where each public name lives: imported when first asked for, so that a command
#: using one part (the statistics' counts) does not load reportlab and jinja2.
_WHERE = {
    "Document": "export",
    "make_letter": "export",
    "make_referral": "export",
    "record_print": "export",
    "save_document": "export",
    "MissingFont": "fonts",
    "fonts_used": "fonts",
    "referral_pdf": "pdf",
    "render_referral": "pdf",
    "ReferralSummary": "summary",
    "build_summary": "summary",
}


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{where}"), name)
    globals()[name] = value
    return value


__all__ = [
    "Document",
    "MissingFont",
    "ReferralSummary",
    "build_summary",
    "fonts_used",
    "make_letter",
    "make_referral",
    "record_print",
    "referral_pdf",
    "render_referral",
    "save_document",
]
