"""The window: first run or unlock, then the case list, a screening, the
administration; lock and auto-lock.

A thin shell over :mod:`idcheck.store`: widgets hold plain records, every store
call goes through :class:`~idcheck.gui.session.Session`, and nothing here writes
SQL. Locking (by Ctrl+L, the button, or after the idle time, even with a dialog
open) closes every dialog, drops every record of a child from the widgets and
calls ``store.lock()``.

The screens live in their own modules (``lock``, ``cases``, ``screening``,
``admin``, ``referral``); the names below are re-exported for callers and tests.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from idcheck.gui.idle import IdleLock
from idcheck.gui.lock import FirstRunPage, RecoveryKeyDialog, UnlockPage
from idcheck.gui.pages import Pages
from idcheck.gui.session import Messages, Session, line_edit, named
from idcheck.gui.stop_signals import StopOnSignals
from idcheck.gui.style import STYLE
from idcheck.paths import data_dir as default_data_dir
from idcheck.paths import store_exists

if TYPE_CHECKING:
    from idcheck.gui.cases import CaseForm, CasesPage, CaseTableModel
    from idcheck.gui.my_work import MyWorkPage
    from idcheck.gui.restore import Restore
    from idcheck.gui.screening import ScreeningView
    from idcheck.store import Store

# What the first window does not show is imported when it is first needed: the
# core (SQLAlchemy, pydantic models, reportlab), and the pages of an unlocked
# store (the case list, my work; see gui/pages.py). Nothing before the first
# paint names the ``Qt`` namespace either: its first use builds the Python enums
# of all of it (94 classes, 15-40 ms). Start-up is what a worker waits for
# (tests/gui/test_start_imports.py; benchmarks/bench_gui.py).
_LATER = {name: "idcheck.gui.cases" for name in ("CaseForm", "CaseTableModel", "CasesPage")}


def __getattr__(name: str) -> Any:
    """The case list's names, re-exported here, imported when first asked for."""
    if name in _LATER:
        import importlib

        return getattr(importlib.import_module(_LATER[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "STYLE",
    "CaseForm",
    "CaseTableModel",
    "CasesPage",
    "FirstRunPage",
    "MainWindow",
    "Messages",
    "RecoveryKeyDialog",
    "Session",
    "UnlockPage",
    "line_edit",
    "named",
    "run_window",
]


class MainWindow(QMainWindow):
    """First run or unlock, then the case list; locks itself after the idle time."""

    def __init__(
        self,
        data_dir: Path,
        messages: Messages | None = None,
        *,
        training: bool = False,
        now: Callable[[], float] = time.time,
    ) -> None:
        super().__init__()
        self.data_dir = data_dir
        # The clock of every session opened here (tests move it; nothing sleeps).
        self.now = now
        self.messages = messages or Messages()
        self.session: Session | None = None
        self.training = training
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel("")
        self.banner.setObjectName("training")
        self.banner.setWordWrap(True)
        self.banner.setVisible(training)
        self.settings_button = QPushButton()
        self.settings_button.clicked.connect(self.open_settings)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 6, 0)
        header.addWidget(self.banner, 1)
        if training:  # the room and the projector; every dialog framed TRAINING
            from PySide6.QtCore import Qt

            from idcheck.gui.presenter import install_training_room
            from idcheck.gui.training_frame import install_training_frame

            header.addWidget(install_training_room(self), 0, Qt.AlignmentFlag.AlignRight)
            install_training_frame(self.banner)
        from idcheck.gui.help_menu import install_help  # Help → Guide (Ctrl+F1)

        self.help_button = install_help(self)
        header.addWidget(_at_right(self.help_button))
        header.addWidget(_at_right(self.settings_button))
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.screening_view: ScreeningView | None = None
        self.restoring: Restore | None = None
        #: Who was signed in when the lock closed a dialog (told at the next unlock).
        self.closed_by_lock: str | None = None
        self.pages = Pages(self)  # each built when first needed
        self._set_texts()
        self.stack.setCurrentWidget(self.unlock_page if store_exists(data_dir) else self.first_run)
        self.lock_key: QShortcut | None = None  # Ctrl+L, made at the first unlock
        self.idle = IdleLock(self)

    @property
    def first_run(self) -> FirstRunPage:
        """Create the store (shown when the data folder holds none)."""
        return self.pages.first_run_page()

    @property
    def unlock_page(self) -> UnlockPage:
        return self.pages.unlock_page()

    @property
    def cases(self) -> CasesPage:
        """The case list (its module is imported when it is first built)."""
        return self.pages.cases_page()

    @property
    def my_work(self) -> MyWorkPage:
        """The worker's tasks (its module is imported when it is first built)."""
        return self.pages.my_work_page()

    def _set_texts(self) -> None:
        self.settings_button.setText(self.tr("Se&ttings"))
        self.settings_button.setAccessibleName(self.tr("Language and text size"))
        if not self.training:
            self.setWindowTitle(self.tr("idcheck"))
            return
        from idcheck.training import TRAINING_PASSWORD, TRAINING_USER

        self.setWindowTitle(self.tr("idcheck: TRAINING (synthetic cases)"))
        self.banner.setText(
            self.tr(
                "TRAINING MODE: synthetic cases only. Do not enter a real child's details: "
                "everything here is deleted when this window closes. "
                "User {0}, password: {1}"
            ).format(TRAINING_USER, TRAINING_PASSWORD)
        )

    def open_settings(self) -> None:
        """Language and text size on this computer; the window is shown anew in them."""
        from idcheck.gui.i18n import UiPrefs, apply, shown_prefs
        from idcheck.gui.settings import SettingsDialog

        initial = shown_prefs(UiPrefs.load(self.data_dir))
        dialog = SettingsDialog(initial, self, training=self.training)
        if self.session is not None:
            self.session.track(dialog)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        prefs = dialog.prefs()
        try:
            prefs.save(self.data_dir)
        except OSError as e:
            self.messages.error(
                self, self.tr("Settings"), self.tr("The settings could not be saved: {0}").format(e)
            )
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply(app, prefs)
        self.retranslate()

    def retranslate(self) -> None:
        """Rebuild the pages in the language now installed, keeping where the worker
        was: every answer is already saved, so the screening reopens at its item."""
        unlock, first_run = self.pages.unlock, self.pages.first_run
        for running in (
            unlock.opening if unlock is not None else None,
            first_run.creating if first_run is not None else None,
        ):
            if running is not None:
                running.wait()  # the page it reports to is about to go
        screening = self.screening_view.screening_id if self.screening_view else None
        user = unlock.user.text() if unlock is not None else ""
        showing_first_run = first_run is not None and self.stack.currentWidget() is first_run
        self._close_screening()
        self.pages.drop()
        self._set_texts()
        self.unlock_page.user.setText(user)
        if self.session is not None:
            self.cases.attach(self.session)
            self.my_work.attach(self.session)
            self.stack.setCurrentWidget(self.cases)
            if screening is not None:
                self.open_screening(screening)
        elif showing_first_run:
            self.stack.setCurrentWidget(self.first_run)
        else:
            self.stack.setCurrentWidget(self.unlock_page)
            self.unlock_page.reset()

    def _created(self, store: Store, recovery: str) -> None:
        dialog = RecoveryKeyDialog(recovery, self)
        dialog.exec()
        self._start(store)

    def start_unlocked(self, store: Store) -> None:
        """Show the case list for a store opened elsewhere (training mode)."""
        self._start(store)

    def _start(self, store: Store) -> None:
        if self.lock_key is None:  # Ctrl+L locks from anywhere, a dialog too
            from PySide6.QtCore import Qt

            self.lock_key = QShortcut(QKeySequence("Ctrl+L"), self)
            self.lock_key.setContext(Qt.ShortcutContext.ApplicationShortcut)
            self.lock_key.activated.connect(self.lock)
        self.session = Session(store, self.messages, self, now=self.now)
        self.idle.begin(store, self.session)
        self.cases.attach(self.session)
        self.my_work.attach(self.session)
        # The worker's overdue and due-today tasks come first, when there are any.
        if self.my_work.refresh():
            self.stack.setCurrentWidget(self.my_work)
        else:
            self.show_cases()
        if self.closed_by_lock == store.user.username:
            self.messages.info(
                self,
                self.tr("Locked"),
                self.tr(
                    "The lock closed the dialog that was open. Everything saved before is "
                    "here; what was typed in it and not yet saved was not kept."
                ),
            )
        self.closed_by_lock = None

    def show_my_work(self) -> None:
        if self.session is not None:
            self.my_work.refresh()
            self.stack.setCurrentWidget(self.my_work)

    def show_cases(self) -> None:
        self.stack.setCurrentWidget(self.cases)
        self.cases.search.setFocus()

    def open_admin(self) -> None:
        """Site, users, contacts, settings, backup and restore, statistics (administrators)."""
        self._admin(site=False)

    def open_site(self) -> None:
        """The administration at its Site tab."""
        self._admin(site=True)

    def _admin(self, *, site: bool) -> None:
        from idcheck.gui.admin import AdminDialog

        if self.session is None or not self.session.is_admin:
            return
        dialog = AdminDialog(self.session, self)
        if site:
            dialog.tabs.setCurrentWidget(dialog.site)
            dialog.site.fields.name.setFocus()
        dialog.restore_requested.connect(self.restore)
        self.session.track(dialog)
        dialog.exec()

    def change_password(self) -> None:
        from idcheck.gui.admin import PasswordDialog

        if self.session is None:
            return
        session = self.session
        dialog = PasswordDialog(self.tr("Change my password"), True, self)
        session.track(dialog)
        if dialog.exec() != PasswordDialog.DialogCode.Accepted or not session.open:
            return
        from idcheck.gui import ops

        old, new = dialog.current.text(), dialog.password.text()
        if session.run(ops.change_own_password(old, new), self):
            self.messages.info(self, self.tr("My password"), self.tr("Your password is changed."))

    def restore(self, backup: Path, password: str) -> None:
        """Lock, then replace the store with a checked backup, off the UI thread."""
        from idcheck.gui.restore import Restore

        if self.session is None:
            return
        username = self.session.username
        self.lock()
        self.restoring = Restore(self, backup, username, password)

    def switch_user(self) -> None:
        """Lock, and let another person sign in."""
        self.lock()
        self.unlock_page.user.clear()
        self.unlock_page.reset()

    def open_screening(self, screening_id: int) -> None:
        if self.session is None:
            return
        self._close_screening()
        from idcheck.gui.screening import ScreeningView

        view = ScreeningView(self.session, screening_id)
        view.closed.connect(self._back_to_cases)
        self.screening_view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        view.setFocus()

    def _close_screening(self) -> None:
        if self.screening_view is not None:
            self.stack.removeWidget(self.screening_view)
            self.screening_view.deleteLater()
            self.screening_view = None

    def _back_to_cases(self) -> None:
        self._close_screening()
        self.stack.setCurrentWidget(self.cases)
        self.cases.refresh()

    def lock(self) -> None:
        """Hide every child's data, close every dialog (what was typed in one and
        not saved is not kept) and the store. Ctrl+L, the Lock button and the idle
        time all come here, with or without a modal dialog open."""
        if self.session is None:
            return
        if self.screening_view is not None:
            # A note or the child's words changed after the answer are kept, as
            # moving on to another item keeps them.
            self.screening_view.keep_context()
        session, self.session = self.session, None
        self.idle.stop()
        self._close_screening()
        for page in (self.pages.cases, self.pages.my_work):
            if page is not None:
                page.attach(None)
        # Dialogs no session tracks (a question naming a case, a file chooser, the
        # choice of a checklist) close too, as Cancel would: nothing of a child is
        # left above the unlock page. A busy indicator stays: its call runs on.
        open_dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible() and not isinstance(w, QProgressDialog)
        ]
        # Said to the same person at the next unlock, never to another.
        self.closed_by_lock = session.username if open_dialogs else None
        session.close()
        for w in open_dialogs:
            if w.isVisible():
                w.reject()
        self.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.reset()

    def closeEvent(self, event: Any) -> None:
        self.lock()
        super().closeEvent(event)


def _at_right(button: QWidget) -> QWidget:
    """``button`` at the right of a cell that shares the header's free space, as
    with ``Qt.AlignmentFlag.AlignRight``, without naming ``Qt`` at start-up."""
    cell = QWidget()
    box = QHBoxLayout(cell)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(0)
    box.addStretch(1)
    box.addWidget(button)
    return cell


def _window_options(argv: list[str]) -> tuple[str | None, bool]:
    """``--data-dir DIR`` (or ``--data-dir=DIR``; the last one given) and
    ``--training``, the options the launcher sends to the window; anything else is
    left alone. Read by hand: argparse and the gettext lookup of its words cost a
    bare window's start-up nothing, and this one about 4 ms."""
    data_dir: str | None = None
    training = False
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--training":
            training = True
        elif arg.startswith("--data-dir="):
            data_dir = arg.split("=", 1)[1]
        elif arg == "--data-dir":
            if not rest:
                print("idcheck: error: argument --data-dir: expected one argument", file=sys.stderr)
                raise SystemExit(2)
            data_dir = rest.pop(0)
    return data_dir, training


def run_window(argv: list[str]) -> int:
    """Open the window (``idcheck`` with no subcommand; ``--training`` or ``idcheck
    demo`` for training mode on a throw-away store of synthetic cases)."""
    data_dir, in_training = _window_options(argv)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("idcheck")
    from idcheck.gui.i18n import UiPrefs, apply, with_window_options

    given = with_window_options(UiPrefs(), argv)  # refused before anything opens
    stop = StopOnSignals(app)
    try:
        if not in_training:
            folder = default_data_dir(data_dir)
            apply(app, with_window_options(UiPrefs.load(folder), argv), style=STYLE)
            return _run(app, MainWindow(folder), stop)
        from idcheck.training import TrainingStore

        # The user's data folder is never opened: the window gets the throw-away
        # one, and starts in the computer's language at 100 %, or in those given
        # (kept in the training folder, so that Settings shows them).
        with TrainingStore() as training:
            assert training.store is not None
            if given != UiPrefs():
                given.save(training.data_dir)
            apply(app, UiPrefs.load(training.data_dir), style=STYLE)
            window = MainWindow(training.data_dir, training=True)
            window.start_unlocked(training.store)
            return _run(app, window, stop)
    finally:
        stop.close()


def _run(app: QApplication, window: MainWindow, stop: StopOnSignals) -> int:
    window.resize(1000, 680)
    window.show()
    # For start-up measurements and the frozen-build test: quit after N ms.
    quit_after = os.environ.get("IDCHECK_QUIT_AFTER_MS")
    if quit_after and quit_after.isdigit():
        QTimer.singleShot(int(quit_after), app.quit)
    try:
        if stop.received is not None:  # a signal came while the window was being built
            return 128 + stop.received
        code = int(app.exec())
        return 128 + stop.received if stop.received is not None else code
    finally:
        window.lock()
