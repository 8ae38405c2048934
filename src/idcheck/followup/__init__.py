"""Follow-up after a screening: the clocks that count from a child's first
contact. Qt-free and store-free (the store and the documents both use it)."""

from idcheck.followup.clocks import due_at

__all__ = ["due_at"]
