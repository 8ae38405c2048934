"""What the statistics count of each completed screening, kept as it is completed.

Revision ID: 0011
Revises: 0010

The statistics count completed screenings by the forms of exploitation their
indicators answered yes point to. Until this revision that meant reading every
answer of every screening counted (4,000,000 rows at 100,000 screenings of 40
answers). From it, completing a screening writes its forms once (a completed
screening's answers never change) with its completion time, checklist and outcome, and
marks the screening it amends as stood for; the statistics read one short row
per screening. Screenings completed before are filled in here, from their latest
answers and the checklist text each was answered under, as the statistics
counted them.
"""

from alembic import op

from idcheck.store.statistics import fill_screening_stats

revision = "0011"
down_revision = "0010"


def upgrade() -> None:
    op.execute(
        """CREATE TABLE screening_stats (
            screening_id INTEGER NOT NULL PRIMARY KEY
                REFERENCES screenings (id) ON DELETE CASCADE,
            case_id INTEGER NOT NULL,
            checklist_id VARCHAR NOT NULL,
            completed_at FLOAT NOT NULL,
            outcome VARCHAR,
            forms VARCHAR NOT NULL,
            superseded BOOLEAN NOT NULL DEFAULT 0
        )"""
    )
    op.execute(
        "CREATE INDEX ix_screening_stats_completed ON screening_stats (superseded, completed_at)"
    )
    fill_screening_stats(op.get_bind())


def downgrade() -> None:
    op.execute("DROP TABLE screening_stats")
