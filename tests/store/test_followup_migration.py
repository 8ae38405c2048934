"""A store written by the release before the follow-up (schema 0005), made by
that release's own code (tests/store/data/make_release_store.py at 38ccb10),
opens with this code, is upgraded to the follow-up schema, verifies, and keeps
every case, screening, answer and audit row as that release wrote them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import open_store
from tests.store.data.make_release_store import TABLES, row_hash

from idcheck.store.database import current_revision, head_revision, make_engine
from idcheck.store.slotfile import read_slot_copies

DATA = Path(__file__).parent / "data" / "store-0005"
ROOT = Path(__file__).resolve().parents[2]
PASSWORD = (DATA / "PASSWORD").read_text(encoding="utf-8").splitlines()[0]
MANIFEST = json.loads((DATA / "MANIFEST.json").read_text(encoding="utf-8"))


@pytest.fixture
def release_store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    shutil.copytree(DATA, path, ignore=shutil.ignore_patterns("PASSWORD", "MANIFEST.json"))
    return path


def test_the_release_store_is_of_the_schema_before_the_follow_up(release_store):
    # What the data is: read by its key (from anna's key slot), not upgraded.
    opened = read_slot_copies(release_store)[0].open_user("anna", PASSWORD)
    assert opened is not None
    engine = make_engine(release_store / "idcheck.db", bytearray(opened[1][0].db_key))
    try:
        assert current_revision(engine) == "0005"
        with engine.connect() as conn:
            tables = {
                r[0]
                for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        assert "tasks" not in tables and "screenings" in tables
    finally:
        engine.dispose()


def test_the_release_store_upgrades_and_keeps_every_row(release_store, tmp_path):
    store = open_store(release_store, "anna", PASSWORD)
    try:
        assert current_revision(store.engine) == head_revision()
        with store.engine.connect() as conn:
            for table, spec in MANIFEST.items():
                cols = ", ".join(spec["columns"])
                rows = conn.exec_driver_sql(
                    f"SELECT {cols} FROM {table} ORDER BY {TABLES[table]}"
                ).all()
                if table == "audit":  # the opening's own rows come after the release's
                    rows = rows[: len(spec["rows"])]
                assert [row_hash(r) for r in rows] == spec["rows"], table
            first = conn.exec_driver_sql(
                "SELECT count(*) FROM cases WHERE first_contact_at = created_at"
            ).scalar()
        assert first == 4 == len(MANIFEST["cases"]["rows"])
        assert len(MANIFEST["screenings"]["rows"]) == 5
        assert len(MANIFEST["answers"]["rows"]) == 15
        # The cases read through today's code, first contact backfilled.
        rows = store.list_cases(limit=10)
        assert sorted(r.reference for r in rows) == ["R5-001", "R5-002", "R5-003", "R5-004"]
        case = store.get_case(rows[0].id)
        assert case.first_contact_at == case.created_at
        assert store.verify().ok
    finally:
        store.lock()
    pw = tmp_path / "pw"
    pw.write_text(PASSWORD + "\n", encoding="utf-8")
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "idcheck",
            "--data-dir",
            str(release_store),
            "db",
            "verify",
            "--user",
            "ben",
            "--password-file",
            str(pw),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Øystein" not in r.stdout + r.stderr


def test_the_release_store_is_copied_aside_before_the_upgrade(release_store):
    open_store(release_store, "anna", PASSWORD).lock()
    assert [p.name for p in release_store.glob("*.bak")] == [
        f"idcheck.db.before-{head_revision()}.bak"
    ]
