"""Indexes for the statistics, the case list's last outcome and amendment links.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    # Completed screenings by date (statistics, the case list's last outcome) and
    # the screening that amends another (every screening view looks it up).
    op.create_index("ix_screenings_completed", "screenings", ["status", "completed_at"])
    op.create_index("ix_screenings_amends", "screenings", ["amends_id"])
