"""The window: a thin Qt shell over the core (checklist, store, report, training)."""
