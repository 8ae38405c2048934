"""The case list sorted by name, a page at a time.

Revision ID: 0015
Revises: 0014

``cases.name_key`` holds each case's name as it is sorted (given then family
name, case and accents not counting, æ ø å after z: see
:mod:`idcheck.store.sort_keys`); it is written with the names, wherever they
are written. The two indexes let the list be read by name either way round
without sorting every case, the newest case first among equal names:
``(name_key, id)`` read backwards from Z to A, ``(name_key, -id)`` forwards.
The key of every case already stored is filled here.
"""

from alembic import op

from idcheck.store.sort_keys import name_key

revision = "0015"
down_revision = "0014"


def upgrade() -> None:
    conn = op.get_bind()
    have = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(cases)")}
    if "name_key" not in have:
        op.execute("ALTER TABLE cases ADD COLUMN name_key VARCHAR DEFAULT '' NOT NULL")
    rows = conn.exec_driver_sql("SELECT id, given_name, family_name FROM cases").all()
    keys = [(name_key(given, family), case_id) for case_id, given, family in rows]
    if keys:
        conn.exec_driver_sql("UPDATE cases SET name_key = ? WHERE id = ?", keys)
    op.execute("CREATE INDEX IF NOT EXISTS ix_cases_name ON cases (name_key, id)")
    op.execute("CREATE INDEX IF NOT EXISTS ix_cases_name_up ON cases (name_key, -id)")
