"""Referral summaries and statistics: pure data rendered to PDF. Qt-free."""

__all__: list[str] = []
