"""The idle lock and the lock key: the window locks itself after the minutes of
inactivity the store's settings give, and at once on Ctrl+L, even with a modal
dialog open. A key, a click, a mouse move or the wheel anywhere in the
application starts the time again while a store is open; a change of the
setting, wherever it is made, applies at once.

Ctrl+L is the window's application shortcut, but Qt gives no shortcut of a
window to a key pressed while a modal dialog above it is active. The key then
reaches the dialog's focus widget, and this filter, which sees every event of
the application first, takes it there and locks by the same path as the idle
time (:meth:`MainWindow.lock`): every dialog is closed as Cancel would close it,
so text typed in a dialog and not yet saved is not kept, and everything saved
before (each answer is saved when given) is."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from idcheck.gui.app import MainWindow
    from idcheck.gui.session import Session
    from idcheck.store import Store

__all__ = ["IdleLock"]

#: What counts as someone at the keyboard.
ACTIVITY = frozenset(
    (
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
    )
)
#: The minutes when the store's setting cannot be read.
DEFAULT_MINUTES = 5


class IdleLock(QTimer):
    """A single-shot timer that locks ``window`` when it runs out."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.setSingleShot(True)
        self.timeout.connect(window.lock)
        self._watching = False

    def _watch(self) -> None:
        """Watch the application's events from the first unlock on (before it, no
        event of the locked window need pass through Python)."""
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # Runs for every event of the application: kept to one set lookup.
        if event.type() in ACTIVITY and self.window.session is not None:
            if event.type() == QEvent.Type.KeyPress and _is_lock_key(event):
                # Only reached when the shortcut did not fire: a modal dialog is up.
                self.window.lock()
                return True
            self.start()
        return False

    def begin(self, store: Store, session: Session) -> None:
        """A store was opened: its idle time, and the setting followed from now on."""
        from idcheck.store import StoreError

        self._watch()
        try:
            minutes = int(store.get_setting("idle_minutes") or DEFAULT_MINUTES)
        except (StoreError, ValueError):
            minutes = DEFAULT_MINUTES
        self.set_minutes(minutes)
        session.changed.connect(self._changed)

    def set_minutes(self, minutes: int) -> None:
        self.setInterval(max(1, minutes) * 60_000)
        self.start()

    def _changed(self, changes: Any) -> None:
        session = self.window.session
        if changes.settings and session is not None:
            from idcheck.gui import ops

            minutes = session.run(ops.setting("idle_minutes"), self.window)
            if minutes and minutes.isdigit():
                self.set_minutes(int(minutes))


def _is_lock_key(event: QEvent) -> bool:
    """Ctrl+L (Cmd+L on a Mac, as Qt maps Ctrl there). ``Qt`` is named only once a
    store is open: its first use builds the enums of all of it (see gui.app)."""
    from PySide6.QtCore import Qt

    if not isinstance(event, QKeyEvent) or event.key() != Qt.Key.Key_L:
        return False
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return mods == Qt.KeyboardModifier.ControlModifier
