"""The window's pages, each built when it is first needed.

Only the page shown at start (unlock, or the first run) is built before the
first paint. The pages of an unlocked store (the case list, my work) and their
modules come once an unlock has started: they are built on the UI thread while
argon2id runs on the worker's. After a change of language every page is dropped
and built anew, in the language then installed, when it is next needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from idcheck.gui.lock import FirstRunPage, UnlockPage

if TYPE_CHECKING:
    from idcheck.gui.app import MainWindow
    from idcheck.gui.cases import CasesPage
    from idcheck.gui.my_work import MyWorkPage

__all__ = ["Pages"]

_Page = TypeVar("_Page", bound=QWidget)


class Pages:
    """The pages of ``window``'s stack, built on first use and wired to the window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.first_run: FirstRunPage | None = None
        self.unlock: UnlockPage | None = None
        self.cases: CasesPage | None = None
        self.my_work: MyWorkPage | None = None

    def built(self) -> list[QWidget]:
        return [p for p in (self.first_run, self.unlock, self.cases, self.my_work) if p]

    def drop(self) -> None:
        """Drop every page built so far (each is built anew when next needed)."""
        for page in self.built():
            self.window.stack.removeWidget(page)
            page.deleteLater()
        self.first_run = self.unlock = self.cases = self.my_work = None

    def _add(self, page: _Page) -> _Page:
        self.window.stack.addWidget(page)
        return page

    def first_run_page(self) -> FirstRunPage:
        if self.first_run is None:
            w = self.window
            self.first_run = self._add(FirstRunPage(w.data_dir, w.messages))
            self.first_run.created.connect(w._created)
        return self.first_run

    def unlock_page(self) -> UnlockPage:
        if self.unlock is None:
            w = self.window
            self.unlock = self._add(UnlockPage(w.data_dir))
            self.unlock.unlocked.connect(w._start)
            self.unlock.recovered.connect(w._created)
            self.unlock.working.connect(self._prepare)
        return self.unlock

    def cases_page(self) -> CasesPage:
        if self.cases is None:
            from idcheck.gui.cases import CasesPage

            w = self.window
            self.cases = page = self._add(CasesPage(w.messages))
            page.lock_requested.connect(w.lock)
            page.switch_user_requested.connect(w.switch_user)
            page.admin_requested.connect(w.open_admin)
            page.site_requested.connect(w.open_site)
            page.password_requested.connect(w.change_password)
            page.screening_requested.connect(w.open_screening)
            page.my_work_requested.connect(w.show_my_work)
        return self.cases

    def my_work_page(self) -> MyWorkPage:
        if self.my_work is None:
            from idcheck.gui.my_work import MyWorkPage

            w = self.window
            self.my_work = page = self._add(MyWorkPage())
            page.cases_requested.connect(w.show_cases)
            page.case_requested.connect(
                lambda case_id, task_id: w.cases.open_case_id(case_id, "tasks", task_id)
            )
        return self.my_work

    def _prepare(self) -> None:
        """An unlock has started: build the pages of an unlocked store once the
        busy words are shown, while argon2id runs off the UI thread."""
        QTimer.singleShot(0, self.window, self._build_unlocked)

    def _build_unlocked(self) -> None:
        for page in (self.cases_page(), self.my_work_page()):
            page.ensurePolished()
