"""The case list's per-case counts and last outcome by one index.

Revision ID: 0003
Revises: 0002

The list asks, for every case, how many screenings it has, how many are drafts
and the outcome of the newest completed one. With only (status, completed_at)
and (case_id) to choose from, SQLite scanned the completed screenings of the
whole store for each case: 13.9 s for the first 200 cases of a store with
100,000 screenings. (case_id, status, completed_at) answers all three per case;
it also serves every lookup by case, so the single-column index goes.
"""

from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_index(
        "ix_screenings_case_status", "screenings", ["case_id", "status", "completed_at"]
    )
    op.drop_index("ix_screenings_case", table_name="screenings")
