"""The case list read by name a page at a time: the sort form of a name (what a
Norwegian worker expects), kept with the names wherever they are written, filled
for the cases of a store made before it, and the pages in order either way
round with the newest case first among equal names."""

from __future__ import annotations

from sqlalchemy import select

from idcheck.store import CaseDetails, Store
from idcheck.store.case_list import ordered
from idcheck.store.cases import _case_filters
from idcheck.store.database import current_revision, head_revision
from idcheck.store.schema import cases
from idcheck.store.sort_keys import name_key, sort_form

PASSWORD = "correct horse battery"  # as in conftest.py


def test_names_sort_as_a_norwegian_reader_expects():
    names = ["Åse", "øystein", "Ærlend", "Zara", "anna", "Émile", "Emil", "Ola", "ola", "Ärna"]
    names += ["Özil", "Yngve", "Ümit", "Ulrik", "Ćiro", "Carl", "Aasmund", ""]
    assert sorted(names, key=sort_form) == [
        "",
        "Aasmund",  # aa is two letters here (a name from abroad: Isaac, Kanaan)
        "anna",
        "Carl",
        "Ćiro",
        "Emil",
        "Émile",
        "Ola",
        "ola",
        "Ulrik",
        "Ümit",  # ü as y
        "Yngve",
        "Zara",
        "Ærlend",  # then æ (and ä), ø (and ö), å: after z, in that order
        "Ärna",
        "øystein",
        "Özil",
        "Åse",
    ]
    assert sort_form("OLA") == sort_form("ola") == sort_form("Ola")
    assert sort_form("Åse") == sort_form("A\u030ase")  # å written as a + ring: the same


def test_line_breaks_direction_marks_and_missing_names():
    assert name_key("Ola\n", "  Nordmann\r\n") == name_key("Ola", "Nordmann") == "ola nordmann"
    rtl = "\u202bمحمد\u202c"  # a right-to-left name in embedding marks
    assert name_key(rtl, None) == name_key("محمد", None) == "محمد"
    assert name_key(None, None) == name_key("", "") == name_key(" \n", None) == ""
    # Another script after the Latin letters, the Norwegian ones included.
    assert sorted(["محمد", "Åse", "Zara"], key=sort_form) == ["Zara", "Åse", "محمد"]
    # The characters the Norwegian letters are kept as, typed in a name: not æ ø å.
    assert sorted(["{x", "Æx", "|x", "Øx", "}x", "Åx"], key=sort_form) == [
        "Æx",
        "Øx",
        "Åx",
        "{x",
        "|x",
        "}x",
    ]


def _names_in_order(store, ascending):
    rows, after = [], None
    while True:  # a page at a time, each below the last row read
        page = store.list_cases(limit=3, by="name", ascending=ascending, after=after)
        if not page:
            return rows
        rows += page
        after = (page[-1].name_key, page[-1].id)


def test_the_key_is_written_with_the_names_and_pages_come_in_order(store):
    ids = {}
    for ref, given, family in [
        ("A", "Åse", "Berg"),
        ("B", "ola", None),
        ("C", "Ola", None),
        ("D", None, None),
        ("E", "Zara", "Ali"),
        ("F", "Ola", None),
        ("G", "Øystein", None),
        ("H", "Ola\nNordmann", None),
    ]:
        ids[ref] = store.create_case(
            CaseDetails(reference=ref, given_name=given, family_name=family)
        )
    store.update_case(ids["D"], CaseDetails(reference="D", given_name="Émile"))  # an edit
    up = [r.reference for r in _names_in_order(store, True)]
    # Equal names (ola, Ola, Ola): the newest first, either way round.
    assert up == ["D", "F", "C", "B", "H", "E", "G", "A"]
    down = [r.reference for r in _names_in_order(store, False)]
    assert down == ["A", "G", "E", "H", "F", "C", "B", "D"]
    # The same rows as the list newest first, with the same search and filters.
    assert [r.reference for r in store.list_cases("ola", by="name", ascending=True)] == [
        "F",
        "C",
        "B",
        "H",
    ]
    store.close_case(ids["C"])
    closed = store.list_cases(status="closed", by="name", ascending=False)
    assert [r.reference for r in closed] == ["C"]
    with store.engine.connect() as conn:
        stored = dict(conn.exec_driver_sql("SELECT reference, name_key FROM cases").all())
    assert stored["D"] == "emile" and stored["A"] == "}se berg" and stored["H"] == "ola nordmann"


def test_a_store_made_before_the_name_order_is_filled_when_upgraded(first_schema_store):
    v1 = first_schema_store
    store = Store.open(v1.path, "anna", PASSWORD)
    try:
        assert current_revision(store.engine) == head_revision()
        (row,) = store.list_cases(by="name", ascending=True)
        assert row.reference == "V1-001" and row.name_key == name_key("Øystein", None) == "|ystein"
        later = store.create_case(CaseDetails(reference="V1-002", given_name="Anna"))
        assert [r.id for r in store.list_cases(by="name", ascending=True)] == [later, row.id]
        with store.engine.connect() as conn:
            indexes = {
                r[0]
                for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
            }
        assert {"ix_cases_name", "ix_cases_name_up"} <= indexes
        assert store.verify().ok
    finally:
        store.lock()


def test_the_pages_are_read_through_the_name_indexes(store):
    """The page's query, as the store makes it, walks an index in its order: no
    sort of every case."""
    for i in range(20):
        store.create_case(CaseDetails(reference=f"R-{i}", given_name=f"Name {i % 4}"))
    plans = {}
    for up in (True, False):
        page = ordered(select(cases.c.id), "name", up, ("name 2", 5)).limit(101)
        sql = str(page.compile(store.engine, compile_kwargs={"literal_binds": True}))
        with store.engine.connect() as conn:
            plans[up] = [r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
    assert plans[True] == ["SEARCH cases USING COVERING INDEX ix_cases_name_up (name_key>?)"]
    assert plans[False] == ["SEARCH cases USING COVERING INDEX ix_cases_name (name_key<?)"]


def test_status_and_origin_pages_come_in_order_through_their_indexes(store):
    ids = [store.create_case(CaseDetails(reference=f"S-{i}")) for i in range(9)]
    for cid in ids[::3]:
        store.close_case(cid)
    with store.engine.begin() as conn:  # as an import writes it: the sending site
        for cid, site in ((ids[1], "Sør (ab12)"), (ids[2], "Nord (cd34)"), (ids[4], "Nord (cd34)")):
            conn.exec_driver_sql("UPDATE cases SET origin = ? WHERE id = ?", (site, cid))
    rows = store.list_cases()

    def expected(value, ascending):
        if ascending:
            return [r.id for r in sorted(rows, key=lambda r: (value(r), -r.id))]
        return [r.id for r in sorted(rows, key=lambda r: (value(r), r.id), reverse=True)]

    for by, value in (("status", lambda r: r.status), ("origin", lambda r: r.origin or "")):
        for up in (True, False):
            got, after = [], None
            while page := store.list_cases(limit=2, by=by, ascending=up, after=after):
                got += [r.id for r in page]
                after = (value(page[-1]), page[-1].id)
            assert got == expected(value, up), (by, up)
    closed = store.list_cases(status="closed", by="status", ascending=True)
    assert [r.id for r in closed] == sorted(ids[::3], reverse=True)


def _plan(store, page):
    sql = str(page.compile(store.engine, compile_kwargs={"literal_binds": True}))
    with store.engine.connect() as conn:
        return [r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]


def test_status_and_origin_are_read_through_their_indexes_and_a_filter_keeps_the_order(store):
    for by, index in (("status", "ix_cases_status"), ("origin", "ix_cases_origin")):
        up = _plan(store, ordered(select(cases.c.id), by, True, ("open", 5)).limit(101))
        down = _plan(store, ordered(select(cases.c.id), by, False, ("open", 5)).limit(101))
        assert up == [f"SEARCH cases USING COVERING INDEX {index}_up (<expr>>?)"] or up == [
            f"SEARCH cases USING COVERING INDEX {index}_up ({by}>?)"
        ], up
        assert len(down) == 1 and f"INDEX {index} (" in down[0], down
    # Filtered by status, newest first: still read down the updated index to the
    # page's end, not every open case found by status and sorted.
    for by in ("updated", "name"):
        filtered = select(cases.c.id).where(*_case_filters(None, "", "open", None, None, by))
        plan = _plan(store, ordered(filtered, by, False, None).limit(101))
        assert not any("TEMP B-TREE" in p for p in plan), (by, plan)


def test_the_release_store_before_the_follow_up_gets_each_case_s_name_key(tmp_path):
    """The store that release 0005 wrote (tests/store/data/store-0005), upgraded
    through every migration since: each case's key made from its own names."""
    import shutil

    from tests.conftest import open_store
    from tests.store.test_followup_migration import DATA, PASSWORD

    path = tmp_path / "store"
    shutil.copytree(DATA, path, ignore=shutil.ignore_patterns("PASSWORD", "MANIFEST.json"))
    store = open_store(path, "anna", PASSWORD)
    try:
        rows = store.list_cases(by="name", ascending=True)
        assert len(rows) == 4
        assert [r.name_key for r in rows] == [name_key(r.given_name, r.family_name) for r in rows]
        assert [r.name_key for r in rows] == sorted(r.name_key for r in rows)
        assert any(r.name_key for r in rows)
    finally:
        store.lock()


def test_a_page_deep_among_equal_values_is_sought_not_scanned_to(store):
    """The page below a row of a status many cases share: the rest of that
    status from the row on, then the statuses after it, each sought in the
    index (not every open case before the page read)."""
    from idcheck.store.case_list import page_of

    for up in (True, False):
        plan = _plan(store, page_of(select(cases.c.id), "status", up, ("open", 5), 101))
        index = "ix_cases_status_up" if up else "ix_cases_status"
        searches = [p for p in plan if p.startswith("SEARCH cases")]
        assert searches == [
            f"SEARCH cases USING COVERING INDEX {index} (status=? AND {'<expr>' if up else 'id'}{'>' if up else '<'}?)",
            f"SEARCH cases USING COVERING INDEX {index} (status{'>' if up else '<'}?)",
        ], plan
