"""The follow-up after a screening: first contact, tasks, referrals, the
individual plan, missing episodes and case notes.

Revision ID: 0006
Revises: 0005

A case records when the child first came to notice (``first_contact_at``); the
statutory and route clocks count from it. Existing cases take the time they
were created (what the clocks counted from until now, as near as is known).
The new tables start empty; nothing that was stored before is changed but the
new column. Every row of these tables is written in a transaction with its
audit row (ids only, never their text).
"""

from alembic import op

revision = "0006"
down_revision = "0005"

STATEMENTS = [
    "ALTER TABLE cases ADD COLUMN first_contact_at FLOAT NOT NULL DEFAULT 0",
    "UPDATE cases SET first_contact_at = created_at",
    """CREATE TABLE tasks (
        id INTEGER NOT NULL PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        screening_id INTEGER REFERENCES screenings (id) ON DELETE SET NULL,
        what TEXT NOT NULL,
        role VARCHAR,
        contact VARCHAR,
        assignee_id INTEGER REFERENCES users (id),
        due_at FLOAT,
        note TEXT NOT NULL,
        clock VARCHAR,
        status VARCHAR NOT NULL,
        reason TEXT NOT NULL,
        done_by INTEGER REFERENCES users (id),
        done_at FLOAT,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at FLOAT NOT NULL,
        source VARCHAR NOT NULL
    )""",
    "CREATE INDEX ix_tasks_status_due ON tasks (status, due_at)",
    "CREATE INDEX ix_tasks_case ON tasks (case_id, status, due_at)",
    "CREATE INDEX ix_tasks_assignee ON tasks (assignee_id, status, due_at)",
    """CREATE TABLE referral_records (
        id INTEGER NOT NULL PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        recipient VARCHAR NOT NULL,
        method VARCHAR NOT NULL,
        sent_at FLOAT NOT NULL,
        follow_up_on FLOAT,
        note TEXT NOT NULL,
        state VARCHAR NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users (id),
        created_at FLOAT NOT NULL
    )""",
    "CREATE INDEX ix_referral_records_case ON referral_records (case_id, sent_at)",
    """CREATE TABLE referral_states (
        id INTEGER NOT NULL PRIMARY KEY,
        referral_id INTEGER NOT NULL REFERENCES referral_records (id) ON DELETE CASCADE,
        state VARCHAR NOT NULL,
        at FLOAT NOT NULL,
        "by" INTEGER NOT NULL REFERENCES users (id),
        reason TEXT NOT NULL
    )""",
    "CREATE INDEX ix_referral_states_referral ON referral_states (referral_id, id)",
    """CREATE TABLE plans (
        id INTEGER NOT NULL PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        next_review_on FLOAT,
        saved_by INTEGER NOT NULL REFERENCES users (id),
        saved_at FLOAT NOT NULL,
        summary TEXT NOT NULL
    )""",
    "CREATE UNIQUE INDEX ix_plans_case_version ON plans (case_id, version)",
    """CREATE TABLE plan_entries (
        id INTEGER NOT NULL PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        need TEXT NOT NULL,
        goal TEXT NOT NULL,
        measures TEXT NOT NULL,
        responsible VARCHAR NOT NULL,
        review_on FLOAT
    )""",
    "CREATE INDEX ix_plan_entries_plan ON plan_entries (plan_id, position)",
    """CREATE TABLE missing_episodes (
        id INTEGER NOT NULL PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        missing_at FLOAT NOT NULL,
        last_seen_where TEXT NOT NULL,
        reported_at FLOAT,
        reported_by VARCHAR NOT NULL,
        police_reference VARCHAR NOT NULL,
        found_at FLOAT,
        found_where TEXT NOT NULL,
        interview_at FLOAT,
        interview_by VARCHAR NOT NULL,
        note TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES users (id),
        recorded_at FLOAT NOT NULL
    )""",
    "CREATE INDEX ix_missing_episodes_case ON missing_episodes (case_id, found_at)",
    """CREATE TABLE case_notes (
        id INTEGER NOT NULL PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        kind VARCHAR NOT NULL,
        text TEXT NOT NULL,
        value FLOAT,
        "by" INTEGER NOT NULL REFERENCES users (id),
        at FLOAT NOT NULL
    )""",
    "CREATE INDEX ix_case_notes_case ON case_notes (case_id, at)",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)
