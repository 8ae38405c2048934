"""What every screen of the window shares: the message service, the session of an
unlocked store, and the operations layer that runs slow store calls off the UI thread.

Widgets never hold the store: they call it through :class:`Session`, which turns a
store error into a message, and through :func:`run_async` for anything that can
take long (unlocking, a backup, a restore, a verify), so the window never freezes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QWidget

if TYPE_CHECKING:
    from idcheck.store import Store

NO_AGE = -1


def line_edit(name: str, *, password: bool = False, placeholder: str = "") -> QLineEdit:
    """A text field with its accessible name (and hidden text for passwords)."""
    w = QLineEdit()
    w.setAccessibleName(name)
    if password:
        w.setEchoMode(QLineEdit.EchoMode.Password)
    if placeholder:
        w.setPlaceholderText(placeholder)
    return w


def named(widget: Any, name: str) -> Any:
    widget.setAccessibleName(name)
    return widget


class Messages:
    """Message boxes behind one object, so tests can answer them without a modal."""

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)


class Session(QObject):
    """The unlocked store and what the window shows of it; one per unlock."""

    def __init__(self, store: Store, messages: Messages, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.messages = messages
        self.parent_widget = parent
        self.dialogs: list[QDialog] = []

    def call(self, fn: Callable[[Store], Any]) -> Any:
        """Run one store call; a StoreError becomes a message, and None is returned."""
        from idcheck.store import InvalidInput, StoreError

        try:
            return fn(self.store)
        except (StoreError, InvalidInput) as e:
            self.messages.error(self.parent_widget, self.tr("idcheck"), str(e))
            return None

    def track(self, dialog: QDialog) -> None:
        self.dialogs.append(dialog)
        dialog.finished.connect(
            lambda _r, d=dialog: self.dialogs.remove(d) if d in self.dialogs else None
        )

    def close(self) -> None:
        for d in list(self.dialogs):
            d.reject()
        self.dialogs.clear()
        self.store.lock()
