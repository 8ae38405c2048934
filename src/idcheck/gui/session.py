"""What every screen of the window shares: the message service, the session of an
unlocked store, and the operations layer that runs slow store calls off the UI thread.

Widgets never hold the store: they call it through :class:`Session`, which turns a
store error into a message, and through :func:`run_async` for anything that can
take long (unlocking, a backup, a restore, a verify), so the window never freezes.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from idcheck.gui.ops import Op
    from idcheck.store import Store, User

T = TypeVar("T")

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


def wrapped(text: str) -> QLabel:
    """A label for a sentence or more: it wraps, so large text and long
    translations are never cut."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def scrolling(holder: QWidget, page: QWidget | None = None) -> QScrollArea:
    """``holder`` in a frameless area that scrolls when large text makes it
    taller than its window, so nothing is cut; with ``page``, that area is all
    the page holds, edge to edge."""
    scroll = QScrollArea()
    scroll.setWidget(holder)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    if page is not None:
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
    return scroll


def named(widget: Any, name: str) -> Any:
    widget.setAccessibleName(name)
    return widget


def why(e: Exception) -> str:
    """Why a file could not be saved, without its path: the refusal of an output
    path, or the system's reason."""
    reason = getattr(e, "reason", None)
    if isinstance(reason, str):
        return reason
    return getattr(e, "strerror", None) or str(e)


class Messages:
    """Message boxes and file choosers behind one object, so tests can answer them
    without a modal."""

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        """Yes or no; No is the default, so Enter never confirms by accident."""
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def password(self, parent: QWidget | None, title: str, label: str) -> str | None:
        """Ask for a password again (before a restore, an export of everything)."""
        text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def save_path(
        self,
        parent: QWidget | None,
        title: str,
        suggested: str,
        filter_: str,
        *,
        ask_replace: bool = True,
    ) -> Path | None:
        """A path to save to; the chooser asks before an existing file is
        replaced unless ``ask_replace`` is False (the caller asks itself)."""
        options = QFileDialog.Option(0)
        if not ask_replace:
            options = QFileDialog.Option.DontConfirmOverwrite
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter_, options=options)
        return Path(name) if name else None

    def open_path(self, parent: QWidget | None, title: str, filter_: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, "", filter_)
        return Path(name) if name else None


class Session(QObject):
    """The unlocked store and what the window shows of it; one per unlock.

    Views never hold the store: they run named operations (:mod:`idcheck.gui.ops`)
    through :meth:`run` (quick ones, on the UI thread) or :meth:`start` (ones that
    can take long, off it). An expected error becomes one message in the
    interface's language; ``changed(Changes)`` tells every view what an operation
    changed, so that the views that show it refresh themselves."""

    # An operation succeeded; the argument is its Changes (idcheck.gui.ops).
    changed = Signal(object)

    def __init__(
        self,
        store: Store,
        messages: Messages,
        parent: QWidget,
        *,
        now: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.messages = messages
        #: The clock every view reads "now" from (epoch seconds): what is due,
        #: overdue or due today. Tests give their own and move it, never sleep.
        self.now = now
        self.parent_widget = parent
        self.dialogs: list[QDialog] = []
        self.open = True
        from idcheck.gui.error_words import ErrorWords

        self.words = ErrorWords(self)

    # -- who is signed in ------------------------------------------------------

    @property
    def user(self) -> User:
        """The signed-in user (name, role)."""
        return self._store.user

    @property
    def username(self) -> str:
        return self._store.user.username

    @property
    def is_admin(self) -> bool:
        return self._store.user.is_admin

    @property
    def data_dir(self) -> Path:
        """The store's folder (files are never written into it from the window)."""
        return self._store.data_dir

    @property
    def is_open(self) -> bool:
        """False once locked (by the idle time or a person) or closed."""
        return self.open and self._store.is_open

    # -- operations ------------------------------------------------------------

    def report(self, error: BaseException, parent: QWidget | None = None) -> bool:
        """Say an expected error in the interface's language; False (nothing said)
        for an unexpected one, which the caller must let through."""
        text = self.words.describe(error)
        if text is None:
            return False
        self.messages.error(parent or self.parent_widget, self.tr("idcheck"), text)
        return True

    def run(self, op: Op[T], parent: QWidget | None = None) -> T | None:
        """Run a quick operation now; its result, or None after a message saying
        why it did not happen. ``changed`` is emitted when it changed something."""
        if op.slow:
            raise ValueError(f"{op.name} can take long: start it off the UI thread")
        try:
            result = op.fn(self._store)
        except Exception as e:
            if not self.report(e, parent):
                raise
            return None
        if op.changes:
            self.changed.emit(op.changes)
        return result

    def start(
        self,
        op: Op[T],
        parent: QWidget | None = None,
        on_done: Callable[[T], None] = lambda _r: None,
        on_failed: Callable[[], None] = lambda: None,
    ) -> Operation:
        """Run an operation off the UI thread, with a busy indicator if it takes
        more than a moment. ``on_done(result)`` runs on the UI thread, after
        ``changed``; an expected error becomes a message instead, then
        ``on_failed()``. None of them runs once the session is locked."""
        store = self._store
        where = parent or self.parent_widget

        def done(result: Any) -> None:
            if not self.open:
                return
            if op.changes:
                self.changed.emit(op.changes)
            on_done(result)

        def failed(e: Exception) -> None:
            if not self.open:
                return
            if not self.report(e, where):
                raise e
            on_failed()

        label = op.busy or self.tr("Working…")
        return run_async(where, label, lambda: op.fn(store), done, failed)

    def save_path(
        self, parent: QWidget | None, title: str, suggested: str, filter_: str
    ) -> Path | None:
        """Ask where to save a file; a path onto the store's own files (or a
        folder, or a missing folder) is refused with a message, and None returned."""
        from idcheck.store import UnsafeOutput, check_output

        path = self.messages.save_path(parent, title, suggested, filter_)
        if path is None:
            return None
        try:
            return check_output(path, self._store.data_dir)
        except UnsafeOutput as e:
            self.messages.error(parent, title, str(e))
            return None

    def track(self, dialog: QDialog) -> None:
        """Close ``dialog`` at lock; it is forgotten once it finishes or is deleted
        (with its parent, before it finished)."""
        self.dialogs.append(dialog)

        def forget(_arg: object = None, d: QDialog = dialog) -> None:
            if d in self.dialogs:
                self.dialogs.remove(d)

        dialog.finished.connect(forget)
        dialog.destroyed.connect(forget)

    def close(self) -> None:
        self.open = False
        for d in list(self.dialogs):
            d.reject()
        self.dialogs.clear()
        self._store.lock()


def follow(
    showing: Session | None, session: Session | None, on_changed: Callable[[Any], None]
) -> None:
    """Move a view's listener to ``changed`` from the session it was ``showing``
    to the ``session`` it shows now (either may be None: locked)."""
    if showing is not None and showing is not session:
        showing.changed.disconnect(on_changed)
    if session is not None and session is not showing:
        session.changed.connect(on_changed)


def store_behind(session: Session) -> Store:
    """The open store behind a session, for scripts and tests that prepare or
    check the data a window shows. Views never use it: they run named operations
    (tests/gui/test_session.py checks that no view module calls it)."""
    return session._store


# ------------------------------------------------------------------ operations


class _Relay(QObject):
    """Lives in the UI thread; the worker emits, Qt queues the call back here."""

    done = Signal(object)
    failed = Signal(object)


class _NoCollectionOffTheUiThread:
    """Python's cycle collector runs in whichever thread allocates when it is due.
    Run in a worker, it can free a widget that became garbage, and Qt objects must
    be destroyed in their own thread (a crash otherwise). So automatic collection
    is off from the moment an operation starts until the UI thread has its result;
    both calls are made in the UI thread, so the collector only ever runs there."""

    def __init__(self) -> None:
        self._running = 0
        self._was_enabled = True

    def hold(self) -> None:
        if self._running == 0:
            self._was_enabled = gc.isenabled()
            gc.disable()
        self._running += 1

    def release(self) -> None:
        self._running -= 1
        if self._running == 0 and self._was_enabled:
            gc.enable()


_NO_COLLECTION = _NoCollectionOffTheUiThread()


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as e:  # reported to the UI thread, never swallowed
            self.relay.failed.emit(e)
        else:
            self.relay.done.emit(result)


class Operation(QObject):
    """One slow call running on the thread pool, with a busy indicator.

    ``on_done(result)`` or ``on_error(exception)`` runs in the UI thread when the
    call ends; ``finished`` is emitted after either has run. The indicator shows only if the
    call takes longer than a moment, and cannot cancel the call: a backup or a
    restore half-done is worse than a wait.
    """

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        label: str,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        super().__init__(parent)
        self.running = True
        self._on_done = on_done
        self._on_error = on_error
        self.progress = QProgressDialog(label, "", 0, 0, parent)
        self.progress.setCancelButton(None)
        from PySide6.QtCore import Qt  # not at start-up: see i18n.is_right_to_left

        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)
        self.progress.setAccessibleName(label)
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._failed)
        _NO_COLLECTION.hold()
        QThreadPool.globalInstance().start(_Job(fn, self._relay))

    def _finish(self) -> None:
        _NO_COLLECTION.release()
        self.running = False
        self.progress.reset()
        self.progress.deleteLater()
        self.finished.emit()
        self.deleteLater()

    def _done(self, result: Any) -> None:
        self._end(self._on_done, result)

    def _failed(self, error: Exception) -> None:
        self._end(self._on_error, error)

    def _end(self, callback: Callable[[Any], None], value: Any) -> None:
        self.progress.reset()
        try:
            callback(value)
        finally:
            self._finish()

    def wait(self, timeout_ms: int = 120_000) -> None:
        """Process events until the call and its callback are done (scripts and
        tests; the window itself never waits)."""
        if not self.running:
            return
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()


def run_async(
    parent: QWidget,
    label: str,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
) -> Operation:
    """Run ``fn()`` off the UI thread; see :class:`Operation`."""
    return Operation(parent, label, fn, on_done, on_error)
