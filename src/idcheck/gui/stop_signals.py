"""SIGTERM and SIGINT close the window as a normal close does."""

from __future__ import annotations

import signal
import socket
from contextlib import suppress

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication

__all__ = ["StopOnSignals"]


class StopOnSignals:
    """SIGTERM and SIGINT close the window as a normal close does: the event loop
    ends, the store is locked, and a training folder is deleted on the way out.

    Python runs a signal handler only between bytecodes, which Qt's event loop
    never executes; the signal wakes it through a socket that a notifier
    watches (``signal.set_wakeup_fd``)."""

    SIGNALS = (signal.SIGTERM, signal.SIGINT)

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.received: int | None = None
        self._read, self._write = socket.socketpair()
        for s in (self._read, self._write):
            s.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._write.fileno())
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._drain)
        self._old = {s: signal.signal(s, self._handle) for s in self.SIGNALS}

    def _drain(self) -> None:
        # Reading lets the pending Python handler run; the bytes are signal numbers.
        with suppress(OSError):
            self._read.recv(64)

    def _handle(self, signum: int, _frame: object) -> None:
        self.received = signum
        self.app.quit()

    def close(self) -> None:
        for s, old in self._old.items():
            signal.signal(s, old)
        signal.set_wakeup_fd(self._old_fd)
        self._notifier.setEnabled(False)
        self._read.close()
        self._write.close()
