"""A button of the window's header that keeps its words in the language in use.

The window rebuilds its pages when the language changes in Settings, but the
header stays: its buttons are made once. Qt sends every widget a LanguageChange
event when a translation is installed or removed, so a header button sets its
texts again from the function that set them first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QPushButton, QWidget

__all__ = ["HeaderButton"]


class HeaderButton(QPushButton):
    """A push button whose texts ``texts(button)`` sets now and after every
    language change (its menu's actions too, if the function sets them)."""

    def __init__(
        self, texts: Callable[[QPushButton], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._texts = texts
        texts(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._texts(self)
        super().changeEvent(event)
