"""Referral summaries: pure data built from a stored screening
(:func:`build_summary`), rendered by jinja2 and reportlab to PDF
(:func:`render_referral`), with one font per script (:mod:`fonts`). Qt-free."""

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
