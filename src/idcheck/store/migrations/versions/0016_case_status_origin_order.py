"""The case list sorted by status and by where a case came from, a page at a time.

Revision ID: 0016
Revises: 0015

As ``cases.name_key`` (0015): each order read through an index either way round
without sorting every case, the newest case first among equal values,
``(value, id)`` read backwards, ``(value, -id)`` forwards. A case made here has
no origin (NULL): it is indexed, and sorted, as '' (before every site's name),
which a keyset can compare.
"""

from alembic import op

revision = "0016"
down_revision = "0015"

STATEMENTS = [
    "CREATE INDEX IF NOT EXISTS ix_cases_status ON cases (status, id)",
    "CREATE INDEX IF NOT EXISTS ix_cases_status_up ON cases (status, -id)",
    "CREATE INDEX IF NOT EXISTS ix_cases_origin ON cases (coalesce(origin, ''), id)",
    "CREATE INDEX IF NOT EXISTS ix_cases_origin_up ON cases (coalesce(origin, ''), -id)",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)
