"""The case list sorted by name, as a worker does it: a click on the Name
header shows the first page read through the store's name index, not every
case; scrolling reaches every case once in name order, either way round, the
newest first among equal names; a search still applies; the case selected
stays selected. Names that try it: line breaks, right to left, empty, equal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from tests.conftest import make_template
from tests.gui.conftest import unlocked_window
from tests.gui.test_case_paging import click_header, scroll_to_end, shown_ids

from idcheck.gui import ops
from idcheck.gui.case_table import PAGE
from idcheck.gui.session import store_behind
from idcheck.store import CaseDetails
from idcheck.store.sort_keys import name_key

NAMES = [
    ("Ola", "Nordmann"),
    ("ola", "nordmann"),
    ("OLA", "NORDMANN"),
    ("Kari\nHansen", None),
    ("\u202bفاطمة\u202c", None),  # right to left, in embedding marks
    ("محمد", "علي"),
    (None, None),
    ("", ""),
    ("Åse", None),
    ("Ærlend", None),
    ("Øystein", "Ås"),
    ("Zara", None),
    ("Émile", "Zoé"),
    ("Emil", None),
    ("Ümit", None),
    ("Yngve", None),
    ("anna", None),
]
CASES = 340


@pytest.fixture(scope="module")
def named(tmp_path_factory):
    path = tmp_path_factory.mktemp("named") / "store"

    def build(store):
        for i in range(CASES):
            given, family = NAMES[i % len(NAMES)]
            cid = store.create_case(
                CaseDetails(reference=f"N-{i:04d}", given_name=given, family_name=family)
            )
            if i % 5 == 0:
                store.close_case(cid)
            if i % 7 == 0:  # received from another site, as an import writes it
                with store.engine.begin() as conn:
                    site = "Nord (ab12)" if i % 2 else "Sør (cd34)"
                    conn.exec_driver_sql("UPDATE cases SET origin = ? WHERE id = ?", (site, cid))

    return make_template(path, build, worker=False).path


@pytest.fixture
def window(qtbot, named, tmp_path):
    w = unlocked_window(qtbot, named, tmp_path)
    yield w
    w.lock()


def by_name(store, ascending: bool, **filters) -> list[int]:
    """The cases in name order worked out here from each case's names: equal
    names the newest case first."""
    rows = store.list_cases(**filters)
    if ascending:
        rows.sort(key=lambda r: (name_key(r.given_name, r.family_name), -r.id))
    else:
        rows.sort(key=lambda r: (name_key(r.given_name, r.family_name), r.id), reverse=True)
    return [r.id for r in rows]


def sort_by_name(qtbot, window, order: Qt.SortOrder, column: int = 1) -> None:
    header = window.cases.table.horizontalHeader()
    click_header(qtbot, window, column)
    if header.sortIndicatorOrder() != order:
        click_header(qtbot, window, column)
    assert header.sortIndicatorSection() == column and header.sortIndicatorOrder() == order


def click_last_row(qtbot, window) -> int:
    """Click the last row read; the case it shows, now selected."""
    table, proxy = window.cases.table, window.cases.proxy
    last = proxy.index(proxy.rowCount() - 1, 0)
    table.scrollTo(last)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(last).center()
    )
    chosen = window.cases.selected_case()
    assert chosen == proxy.data(last, Qt.ItemDataRole.UserRole)
    return chosen


def test_a_click_on_name_reads_a_page_and_scrolling_reaches_every_case_in_order(qtbot, window):
    store = store_behind(window.session)
    proxy = window.cases.proxy
    sort_by_name(qtbot, window, Qt.SortOrder.AscendingOrder)
    assert len(window.cases.model.rows) == proxy.rowCount() == PAGE  # a page, not every case
    # Empty names first, then as the Norwegian alphabet has it.
    assert proxy.data(proxy.index(0, 1)) == ""
    scroll_to_end(qtbot, window)
    assert shown_ids(window) == by_name(store, ascending=True)
    shown = [proxy.data(proxy.index(i, 1)) for i in range(proxy.rowCount())]
    firsts = list(dict.fromkeys(shown))  # each name as first shown
    assert firsts == [
        "",
        "anna",
        "Emil",
        "Émile Zoé",
        "Kari\nHansen",
        "OLA NORDMANN",  # three spellings of one name, equal: the newest first
        "ola nordmann",
        "Ola Nordmann",
        "Ümit",
        "Yngve",
        "Zara",
        "Ærlend",
        "Øystein Ås",
        "Åse",
        "\u202bفاطمة\u202c",  # other scripts after the Latin letters
        "محمد علي",
    ]
    # The last case selected: in the first group the other way round.
    last = click_last_row(qtbot, window)
    sort_by_name(qtbot, window, Qt.SortOrder.DescendingOrder)
    assert len(window.cases.model.rows) == PAGE
    assert window.cases.selected_case() == last
    assert proxy.data(proxy.index(0, 1)) == "محمد علي"
    scroll_to_end(qtbot, window)
    assert shown_ids(window) == by_name(store, ascending=False)
    assert len(set(shown_ids(window))) == CASES


def test_a_search_applies_to_the_list_sorted_by_name(qtbot, window):
    store = store_behind(window.session)
    sort_by_name(qtbot, window, Qt.SortOrder.AscendingOrder)
    qtbot.keyClicks(window.cases.search, "nordmann")
    qtbot.keyClick(window.cases.search, Qt.Key.Key_Return)
    hits = by_name(store, ascending=True, search="nordmann")
    assert len(hits) == 60 and window.cases.shown.text() == "Cases shown: 60"
    scroll_to_end(qtbot, window)
    assert shown_ids(window) == hits
    window.cases.search.clear()
    qtbot.keyClick(window.cases.search, Qt.Key.Key_Return)
    assert len(window.cases.model.rows) == PAGE  # read anew from the top: a page
    assert window.cases.shown.text() == f"Cases shown: {CASES}"


def test_the_case_selected_stays_selected_when_sorted_by_name(qtbot, window):
    table = window.cases.table
    scroll_to_end(qtbot, window)
    chosen = click_last_row(qtbot, window)
    store = store_behind(window.session)
    at = by_name(store, ascending=True).index(chosen)
    sort_by_name(qtbot, window, Qt.SortOrder.AscendingOrder)
    assert window.cases.selected_case() == chosen
    assert table.currentIndex().row() == at
    # Read down to it (the first page, then twice as many rows), not every case.
    assert PAGE < at < 2 * PAGE and len(window.cases.model.rows) == 2 * PAGE < CASES


def test_a_change_while_sorted_by_name_reads_what_was_shown_not_every_case(qtbot, window):
    store = store_behind(window.session)
    sort_by_name(qtbot, window, Qt.SortOrder.AscendingOrder)
    first = shown_ids(window)[0]
    window.session.run(ops.close_case(first), window)  # through the window: read anew
    assert window.cases.proxy.rowCount() == len(window.cases.model.rows) == PAGE
    assert shown_ids(window)[0] == first  # its name, so its place, is the same
    # Renamed elsewhere, then the list read anew (Enter in the search box).
    store.update_case(first, CaseDetails(reference="N-renamed", given_name="Åsmund"))
    qtbot.keyClick(window.cases.search, Qt.Key.Key_Return)
    assert len(window.cases.model.rows) == PAGE
    assert first not in shown_ids(window)  # now among the Å names, further down
    scroll_to_end(qtbot, window)
    assert shown_ids(window) == by_name(store, ascending=True)
    assert not window.cases.proxy.canFetchMore(QModelIndex())


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        (2, lambda r: r.status, ["closed", "open"]),
        (8, lambda r: r.origin or "", ["", "Nord (ab12)", "Sør (cd34)"]),
    ],
)
def test_status_and_where_it_came_from_are_read_a_page_at_a_time(
    qtbot, window, column, value, words
):
    store = store_behind(window.session)
    rows = store.list_cases()
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        window.cases.table.selectionModel().clear()  # no case to keep selected
        sort_by_name(qtbot, window, order, column)
        assert len(window.cases.model.rows) == PAGE
        scroll_to_end(qtbot, window)
        if order == Qt.SortOrder.AscendingOrder:
            want = sorted(rows, key=lambda r: (value(r), -r.id))
        else:
            want = sorted(rows, key=lambda r: (value(r), r.id), reverse=True)
        assert shown_ids(window) == [r.id for r in want]
    proxy = window.cases.proxy
    shown = [proxy.data(proxy.index(i, column)) for i in range(proxy.rowCount())]
    assert list(dict.fromkeys(shown)) == words[::-1]  # as shown, the last order: descending


def test_rows_given_without_the_store_sort_by_name_as_the_store_does(qtmodeltester):
    """The model's own sort (rows it was given, no store to read them from)
    compares names as the store orders them: æ ø å after z, case not counting."""
    from idcheck.gui.case_table import CaseTableModel
    from idcheck.store import CaseRow

    names = ["Åse", "ola", "Zara", "Øystein", "Ola", "Ærlend", "émile"]
    model = CaseTableModel()
    model.set_rows(
        [
            CaseRow(i, f"R-{i}", given, None, "open", 0.0, float(i), 0, 0, None)
            for i, given in enumerate(names)
        ]
    )
    model.sort(1, Qt.SortOrder.AscendingOrder)
    shown = [model.data(model.index(i, 1)) for i in range(model.rowCount())]
    assert shown == ["émile", "Ola", "ola", "Zara", "Ærlend", "Øystein", "Åse"]
    qtmodeltester.check(model)
