"""The idle lock: the window locks itself after the minutes of inactivity the
store's settings give, even with a dialog open. A key, a click, a mouse move or
the wheel anywhere in the application starts the time again while a store is
open; a change of the setting, wherever it is made, applies at once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
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
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # Runs for every event of the application: kept to one set lookup.
        if event.type() in ACTIVITY and self.window.session is not None:
            self.start()
        return False

    def begin(self, store: Store, session: Session) -> None:
        """A store was opened: its idle time, and the setting followed from now on."""
        from idcheck.store import StoreError

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
