"""The first schema: users, cases, screenings, answers, contacts, settings, audit.

Revision ID: 0001
"""

from alembic import op

revision = "0001"
down_revision = None

TABLES = [
    """CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username VARCHAR NOT NULL UNIQUE,
        role VARCHAR NOT NULL CHECK (role IN ('admin', 'worker')),
        disabled BOOLEAN NOT NULL DEFAULT 0,
        created_at FLOAT NOT NULL)""",
    """CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        reference VARCHAR NOT NULL UNIQUE,
        given_name VARCHAR,
        family_name VARCHAR,
        search_key VARCHAR NOT NULL,
        claimed_dob VARCHAR,
        claimed_age INTEGER,
        assessed_age INTEGER,
        age_disputed BOOLEAN NOT NULL DEFAULT 0,
        nationality VARCHAR,
        languages VARCHAR,
        gender VARCHAR,
        identified_by VARCHAR,
        notes TEXT,
        status VARCHAR NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        created_at FLOAT NOT NULL,
        updated_at FLOAT NOT NULL,
        closed_at FLOAT,
        created_by INTEGER NOT NULL REFERENCES users (id))""",
    """CREATE TABLE accompanying_adults (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        description VARCHAR NOT NULL,
        stated_relation VARCHAR)""",
    """CREATE TABLE checklist_texts (
        sha256 VARCHAR PRIMARY KEY,
        text BLOB NOT NULL)""",
    """CREATE TABLE screenings (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        checklist_id VARCHAR NOT NULL,
        checklist_version VARCHAR NOT NULL,
        checklist_sha256 VARCHAR NOT NULL REFERENCES checklist_texts (sha256),
        status VARCHAR NOT NULL CHECK (status IN ('draft', 'completed')),
        started_at FLOAT NOT NULL,
        started_by INTEGER NOT NULL REFERENCES users (id),
        completed_at FLOAT,
        position VARCHAR,
        amends_id INTEGER REFERENCES screenings (id),
        suggested_outcome VARCHAR,
        fired_rules VARCHAR,
        decision_outcome VARCHAR,
        decision_reasons TEXT,
        decided_by INTEGER REFERENCES users (id),
        decided_at FLOAT)""",
    """CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        screening_id INTEGER NOT NULL REFERENCES screenings (id) ON DELETE CASCADE,
        item_id VARCHAR NOT NULL,
        status VARCHAR NOT NULL CHECK (status IN ('answered', 'not-asked', 'declined')),
        value VARCHAR,
        source VARCHAR,
        worker_note TEXT,
        child_words TEXT,
        language VARCHAR,
        interpreter_present BOOLEAN,
        interpreter VARCHAR,
        read_back BOOLEAN,
        answered_by INTEGER NOT NULL REFERENCES users (id),
        answered_at FLOAT NOT NULL)""",
    "CREATE INDEX ix_answers_screening ON answers (screening_id, item_id, id)",
    "CREATE INDEX ix_screenings_case ON screenings (case_id)",
    "CREATE INDEX ix_cases_search ON cases (search_key)",
    """CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        role VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        phone VARCHAR,
        hours VARCHAR,
        note VARCHAR)""",
    "CREATE TABLE settings (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
    """CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at FLOAT NOT NULL,
        user_id INTEGER,
        action VARCHAR NOT NULL,
        case_id INTEGER,
        screening_id INTEGER,
        object_id INTEGER,
        prev_hash VARCHAR NOT NULL,
        hash VARCHAR NOT NULL)""",
    "CREATE TABLE retention_purge (case_id INTEGER PRIMARY KEY)",
]

# A completed screening and its answers are never changed in place (an amendment
# is a new linked record); the audit trail is append-only. Retention may delete a
# closed case's rows only when it names the case in retention_purge first.
TRIGGERS = [
    """CREATE TRIGGER screenings_completed_no_update BEFORE UPDATE ON screenings
       WHEN OLD.status = 'completed'
       BEGIN SELECT RAISE(ABORT, 'a completed screening is read-only'); END""",
    """CREATE TRIGGER screenings_completed_no_delete BEFORE DELETE ON screenings
       WHEN OLD.status = 'completed'
            AND NOT EXISTS (SELECT 1 FROM retention_purge WHERE case_id = OLD.case_id)
       BEGIN SELECT RAISE(ABORT, 'a completed screening is read-only'); END""",
    """CREATE TRIGGER answers_no_update BEFORE UPDATE ON answers
       BEGIN SELECT RAISE(ABORT, 'answers are never changed in place'); END""",
    """CREATE TRIGGER answers_completed_no_insert BEFORE INSERT ON answers
       WHEN (SELECT status FROM screenings WHERE id = NEW.screening_id) = 'completed'
       BEGIN SELECT RAISE(ABORT, 'a completed screening is read-only'); END""",
    """CREATE TRIGGER answers_completed_no_delete BEFORE DELETE ON answers
       WHEN (SELECT status FROM screenings WHERE id = OLD.screening_id) = 'completed'
            AND NOT EXISTS (SELECT 1 FROM retention_purge p JOIN screenings s
                            ON s.case_id = p.case_id WHERE s.id = OLD.screening_id)
       BEGIN SELECT RAISE(ABORT, 'a completed screening is read-only'); END""",
    """CREATE TRIGGER checklist_texts_no_update BEFORE UPDATE ON checklist_texts
       BEGIN SELECT RAISE(ABORT, 'a stored checklist text is never changed'); END""",
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
       BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
       BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
]


def upgrade() -> None:
    for statement in TABLES + TRIGGERS:
        op.execute(statement)
