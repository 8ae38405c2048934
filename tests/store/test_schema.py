"""The SQLAlchemy tables the code queries match what the migrations create
(tables, columns and indexes)."""

from __future__ import annotations

from idcheck.store.schema import metadata


def test_tables_and_columns_match_the_migrations(store):
    with store.engine.connect() as conn:
        tables = {
            name
            for (name,) in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        } - {"alembic_version"}
        # The case search's full-text index (a virtual table and the tables FTS5
        # keeps for it) is queried by its SQL, not through SQLAlchemy's tables.
        search = {t for t in tables if t == "cases_search" or t.startswith("cases_search_")}
        assert "cases_search" in search
        assert tables - search == set(metadata.tables)
        for name, table in metadata.tables.items():
            cols = {row[1] for row in conn.exec_driver_sql(f"PRAGMA table_info({name})")}
            assert cols == {c.name for c in table.columns}, name
            found = {
                row[1]
                for row in conn.exec_driver_sql(f"PRAGMA index_list({name})")
                if not row[1].startswith("sqlite_autoindex")
            }
            assert found == {i.name for i in table.indexes}, name


def test_checklist_text_is_stored_once(store, intake):
    from idcheck.store import CaseDetails

    for ref in ("A", "B", "C"):
        cid = store.create_case(CaseDetails(reference=ref))
        store.start_screening(cid, intake.checklist, intake.text, intake.sha256)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM checklist_texts").scalar() == 1
