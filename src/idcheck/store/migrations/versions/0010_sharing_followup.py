"""The follow-up travels with a shared case: global ids for its records.

Revision ID: 0010
Revises: 0009

Tasks, referral records and their states, plan versions, missing episodes and
case notes received from another store keep the sender's global id (``uid``);
those made here are known by an id derived from the store's global id and their
own, as screenings and answers are (0007).
"""

from alembic import op

revision = "0010"
down_revision = "0009"

TABLES = ("tasks", "referral_records", "referral_states", "plans", "missing_episodes", "case_notes")


def upgrade() -> None:
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} ADD COLUMN uid VARCHAR")
        op.execute(f"CREATE UNIQUE INDEX ix_{table}_uid ON {table} (uid)")
