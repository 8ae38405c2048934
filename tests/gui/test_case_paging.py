"""The case list read from the store a page at a time as the table is scrolled:
every case reached once, in order, also while cases change and for a search
of many hits; a case further down stays selected when the list is read anew."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication
from tests.conftest import make_template
from tests.gui.conftest import unlocked_window

from idcheck.gui import ops
from idcheck.gui.case_table import PAGE, CaseTableModel
from idcheck.gui.session import store_behind
from idcheck.store import CaseDetails

CASES = 1000


@pytest.fixture(scope="module")
def thousand(tmp_path_factory):
    """A store of 1,000 cases, every third a child called Øystein."""
    path = tmp_path_factory.mktemp("thousand") / "store"

    def build(store):
        for i in range(CASES):
            given = "Øystein" if i % 3 == 0 else "Ola"
            store.create_case(CaseDetails(reference=f"C-{i:04d}", given_name=given))

    return make_template(path, build, worker=False).path


@pytest.fixture
def window(qtbot, thousand, tmp_path):
    w = unlocked_window(qtbot, thousand, tmp_path)
    yield w
    w.lock()


def shown_ids(window) -> list[int]:
    proxy = window.cases.proxy
    return [
        proxy.data(proxy.index(i, 0), Qt.ItemDataRole.UserRole) for i in range(proxy.rowCount())
    ]


def scroll_to_end(qtbot, window, pages: int | None = None) -> None:
    """Ctrl+End in the table, as a person would, until the list has no more
    (or ``pages`` more pages have come)."""
    table, proxy = window.cases.table, window.cases.proxy
    table.setFocus()
    if not table.currentIndex().isValid():  # the list read anew: no row is current
        qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(pages or 10_000):
        if not proxy.canFetchMore(QModelIndex()):
            return
        before = proxy.rowCount()
        qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        assert proxy.rowCount() > before, "the view asked for no more at its end"


def newest_first(store, **filters) -> list[int]:
    return [r.id for r in store.list_cases(**filters)]


def test_scrolling_to_the_end_reaches_every_case_once_in_order(qtbot, window):
    store = store_behind(window.session)
    assert window.cases.proxy.rowCount() == PAGE
    assert len(window.cases.model.rows) == PAGE  # one page read, not the whole list
    assert window.cases.shown.text() == f"Cases shown: {CASES}"
    scroll_to_end(qtbot, window)
    assert shown_ids(window) == newest_first(store)
    assert len(set(shown_ids(window))) == CASES


def test_a_case_changed_while_scrolling_is_shown_once(qtbot, window):
    """A case changed moves to the top (its updated time is now): neither it nor
    the rows below it are read twice, whether the change comes through the
    window (the list is read anew, as far down as it was scrolled) or from
    elsewhere (the pages below are read after the last row shown)."""
    store = store_behind(window.session)
    scroll_to_end(qtbot, window, pages=2)
    seen = shown_ids(window)
    assert len(seen) == 3 * PAGE
    order = newest_first(store)
    # Changed through the window: one case already shown, one not yet read.
    window.session.run(ops.close_case(seen[150]), window)
    window.session.run(ops.close_case(order[500]), window)
    assert window.cases.proxy.rowCount() == 3 * PAGE  # read anew, where it was
    assert shown_ids(window)[:2] == [order[500], seen[150]]
    # Changed elsewhere, the list not told: one shown, one below the pages read.
    store.close_case(seen[10])
    store.close_case(order[800])
    scroll_to_end(qtbot, window)
    ids = shown_ids(window)
    assert len(ids) == len(set(ids))  # none twice
    assert set(ids) == set(order) - {order[800]}  # it moved above the pages read
    # Read anew (Enter in the search box), every case is there once, newest first.
    qtbot.keyClick(window.cases.search, Qt.Key.Key_Return)
    scroll_to_end(qtbot, window)
    assert shown_ids(window) == newest_first(store)
    assert shown_ids(window)[:2] == [order[800], seen[10]]


def test_a_search_of_many_hits_is_read_a_page_at_a_time(qtbot, window):
    store = store_behind(window.session)
    qtbot.keyClicks(window.cases.search, "oystein")
    qtbot.keyClick(window.cases.search, Qt.Key.Key_Return)
    hits = newest_first(store, search="oystein")
    assert len(hits) == 334
    assert window.cases.proxy.rowCount() == PAGE
    assert len(window.cases.model.rows) == PAGE
    assert window.cases.shown.text() == "Cases shown: 334"
    scroll_to_end(qtbot, window)
    assert shown_ids(window) == hits
    assert all(r.given_name == "Øystein" for r in window.cases.model.rows)
    window.cases.search.clear()  # another search starts at the top, a page read
    qtbot.keyClick(window.cases.search, Qt.Key.Key_Return)
    assert window.cases.proxy.rowCount() == len(window.cases.model.rows) == PAGE


def test_a_case_further_down_stays_selected_when_the_list_is_read_anew(qtbot, window):
    scroll_to_end(qtbot, window, pages=3)
    table, proxy = window.cases.table, window.cases.proxy
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = table.currentIndex()
    row = last.row()
    assert row >= 3 * PAGE
    chosen = proxy.data(last, Qt.ItemDataRole.UserRole)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(last).center()
    )
    assert window.cases.selected_case() == chosen
    qtbot.keyClick(window.cases.search, Qt.Key.Key_Return)  # the list read anew
    assert window.cases.selected_case() == chosen
    assert table.currentIndex().row() == row


def click_header(qtbot, window, column: int) -> None:
    header = window.cases.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def test_sorted_by_reference_the_store_reads_a_page_at_a_time_either_way(qtbot, window):
    store = store_behind(window.session)
    click_header(qtbot, window, 0)
    header = window.cases.table.horizontalHeader()
    assert header.sortIndicatorSection() == 0
    if header.sortIndicatorOrder() != Qt.SortOrder.AscendingOrder:
        click_header(qtbot, window, 0)
    assert len(window.cases.model.rows) == PAGE  # read by its index, a page at a time
    scroll_to_end(qtbot, window)
    proxy = window.cases.proxy
    refs = [proxy.data(proxy.index(i, 0)) for i in range(proxy.rowCount())]
    assert refs == [f"C-{i:04d}" for i in range(CASES)]
    click_header(qtbot, window, 0)  # the other way round
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    scroll_to_end(qtbot, window)
    refs = [proxy.data(proxy.index(i, 0)) for i in range(proxy.rowCount())]
    assert refs == [f"C-{i:04d}" for i in reversed(range(CASES))]
    # The newest case selected (the top row): the list newest first is a page
    # (read down to the case selected, were it further down: see test_case_name_sort).
    table = window.cases.table
    table.scrollToTop()
    top = proxy.index(0, 0)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(top).center()
    )
    window.cases.table.sortByColumn(CaseTableModel.UPDATED, Qt.SortOrder.DescendingOrder)
    assert len(window.cases.model.rows) == PAGE
    assert window.cases.selected_case() == newest_first(store)[0]
    scroll_to_end(qtbot, window)
    assert shown_ids(window) == newest_first(store)


def test_sorted_by_name_the_store_reads_a_page_at_a_time(qtbot, window):
    """Sorted by name, the store reads the list a page at a time through its
    name index (as by reference); among equal names the newest first."""
    store = store_behind(window.session)
    click_header(qtbot, window, 1)
    assert window.cases.table.horizontalHeader().sortIndicatorSection() == 1
    assert len(window.cases.model.rows) == PAGE
    scroll_to_end(qtbot, window)
    rows = {r.id: r for r in store.list_cases()}
    shown = [rows[i] for i in shown_ids(window)]
    names = [r.given_name for r in shown]
    assert names == sorted(names) or names == sorted(names, reverse=True)
    assert len(set(shown_ids(window))) == CASES
    same = [r for r in shown if r.given_name == "Ola"]
    assert [r.id for r in same] == [i for i in newest_first(store) if rows[i].given_name == "Ola"]


def test_the_store_backed_model_passes_the_model_tester(qtbot, window, qtmodeltester):
    scroll_to_end(qtbot, window, pages=2)
    qtmodeltester.check(window.cases.model)
    qtmodeltester.check(window.cases.proxy)


def screened(window, references: list[str]) -> list[int]:
    """A draft screening started for each case named, through the window's own
    operation; their ids."""
    from idcheck.checklist import find

    session = window.session
    rows = {r.reference: r.id for r in store_behind(session).list_cases()}
    entry = find("intake-screen")
    for ref in references:
        assert session.run(ops.start_screening(rows[ref], entry)) is not None
    return [rows[ref] for ref in references]


def sort_by_screenings(qtbot, window, order: Qt.SortOrder) -> None:
    header = window.cases.table.horizontalHeader()
    column = CaseTableModel.HEADERS.index("Screenings")
    click_header(qtbot, window, column)
    if header.sortIndicatorOrder() != order:
        click_header(qtbot, window, column)
    assert header.sortIndicatorSection() == column and header.sortIndicatorOrder() == order


def test_sorted_by_screenings_every_case_is_read_off_the_ui_thread_then_sorted(qtbot, window):
    """A column the store has no order for: the rest of the list is read by a
    worker thread, so the click returns at once with the page read so far sorted,
    and scrolling waits for the rest; then every case is in order, the oldest
    cases (never read before) included."""
    store = store_behind(window.session)
    model, proxy = window.cases.model, window.cases.proxy
    oldest = screened(window, ["C-0000", "C-0001", "C-0500"])
    window.cases.refresh()
    sort_by_screenings(qtbot, window, Qt.SortOrder.DescendingOrder)
    # The click has returned and the worker's rows have not come (they come
    # through the event loop, which has not run): the page read so far, sorted.
    assert model.sorting
    assert len(model.rows) == PAGE
    assert not proxy.canFetchMore(QModelIndex())  # the rest is awaited, not read here
    qtbot.waitUntil(lambda: not model.sorting, timeout=20_000)
    assert len(model.rows) == CASES
    assert set(shown_ids(window)[:3]) == set(oldest)
    scroll_to_end(qtbot, window)
    counts = {r.id: r.screenings for r in store.list_cases()}
    shown = shown_ids(window)
    assert sorted(shown) == sorted(counts)
    assert [counts[i] for i in shown] == sorted(counts.values(), reverse=True)
    # Among equal counts, the newest first.
    rest = [i for i in shown if counts[i] == 0]
    assert rest == [i for i in newest_first(store) if counts[i] == 0]


def test_a_search_made_while_every_case_is_read_drops_the_old_list(qtbot, window):
    """The worker's rows belong to the list they were asked for: a search
    typed meanwhile gets its own, sorted, and never the old list's rows."""
    store = store_behind(window.session)
    model = window.cases.model
    sort_by_screenings(qtbot, window, Qt.SortOrder.AscendingOrder)
    assert model.sorting
    qtbot.keyClicks(window.cases.search, "oystein")
    qtbot.keyClick(window.cases.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not model.sorting, timeout=20_000)
    qtbot.wait(100)  # a stale batch would have come by now too
    hits = newest_first(store, search="oystein")
    assert len(hits) == 334
    scroll_to_end(qtbot, window)
    assert shown_ids(window) == hits  # no screenings at all: newest first
    assert {r.given_name for r in model.rows} == {"Øystein"}


def test_locked_while_every_case_is_read_nothing_comes_after(qtbot, window):
    model = window.cases.model
    sort_by_screenings(qtbot, window, Qt.SortOrder.DescendingOrder)
    assert model.sorting
    window.lock()
    qtbot.wait(300)
    assert window.session is None
    assert model.rows == [] and model.rowCount() == 0
