"""The window: a thin Qt shell over the core (checklist, store, report, training)."""

from idcheck.gui import singletons

# Before any Qt call: PySide6 6.12.0 drops a reference to None with every call
# that returns nothing, fatal on Python 3.11 (see gui/singletons.py).
singletons.make_immortal()
