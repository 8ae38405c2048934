"""Sharing cases between stores: keys, global ids, recipients, transfers.

Revision ID: 0007
Revises: 0006

Each store gets an age (X25519) identity and an Ed25519 signing key, and a
global id of its own, kept in ``sharing_keys`` (one row) inside the encrypted
database (a new store gets them here too, at ``init``). Every case gets a global id (a UUID);
screenings and answers made here are known by ids derived from the store's
global id and their own, and those received keep the sender's (``uid``).
``recipients`` is the directory of other sites and agencies by their public
keys; ``transfers`` records each package sent or received (its hash, the peer,
when); ``case_versions`` the versions of a case's details exchanged, and those
kept beside the local ones when both sides changed a case. Accounts of other
sites (who answered, who decided) are users with an ``origin``: they have no
key slot and never sign in.
"""

import uuid

from alembic import op
from sqlalchemy import text

from idcheck.store.sharing_keys import new_private_keys

revision = "0007"
down_revision = "0006"

STATEMENTS = [
    "ALTER TABLE cases ADD COLUMN uid VARCHAR",
    "ALTER TABLE cases ADD COLUMN origin VARCHAR",
    "ALTER TABLE screenings ADD COLUMN uid VARCHAR",
    "ALTER TABLE answers ADD COLUMN uid VARCHAR",
    "ALTER TABLE users ADD COLUMN origin VARCHAR",
    "ALTER TABLE users ADD COLUMN origin_name VARCHAR",
    "CREATE UNIQUE INDEX ix_cases_uid ON cases (uid)",
    "CREATE UNIQUE INDEX ix_screenings_uid ON screenings (uid)",
    "CREATE UNIQUE INDEX ix_answers_uid ON answers (uid)",
    """CREATE TABLE recipients (
        id INTEGER PRIMARY KEY,
        name VARCHAR NOT NULL UNIQUE,
        kind VARCHAR NOT NULL CHECK (kind IN ('site', 'agency')),
        age_key VARCHAR NOT NULL,
        sign_key VARCHAR,
        fingerprint VARCHAR NOT NULL UNIQUE,
        added_at FLOAT NOT NULL,
        added_by INTEGER NOT NULL REFERENCES users (id))""",
    """CREATE TABLE transfers (
        id INTEGER PRIMARY KEY,
        direction VARCHAR NOT NULL CHECK (direction IN ('in', 'out')),
        package_id VARCHAR NOT NULL,
        sha256 VARCHAR NOT NULL,
        peer VARCHAR NOT NULL,
        peer_name VARCHAR NOT NULL,
        cases INTEGER NOT NULL,
        at FLOAT NOT NULL,
        by INTEGER NOT NULL REFERENCES users (id))""",
    "CREATE INDEX ix_transfers_peer ON transfers (direction, peer, at)",
    "CREATE INDEX ix_transfers_package ON transfers (package_id)",
    """CREATE TABLE case_versions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        hash VARCHAR NOT NULL,
        details TEXT,
        origin VARCHAR,
        at FLOAT NOT NULL,
        conflict BOOLEAN NOT NULL DEFAULT 0)""",
    "CREATE INDEX ix_case_versions_case ON case_versions (case_id, hash)",
    """CREATE TABLE sharing_keys (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        age_identity VARCHAR NOT NULL,
        sign_key VARCHAR NOT NULL,
        store_uid VARCHAR NOT NULL)""",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)
    conn = op.get_bind()
    for (case_id,) in conn.execute(text("SELECT id FROM cases")).all():
        conn.execute(
            text("UPDATE cases SET uid = :u WHERE id = :i"), {"u": str(uuid.uuid4()), "i": case_id}
        )
    conn.execute(
        text(
            "INSERT INTO sharing_keys (id, age_identity, sign_key, store_uid) "
            "VALUES (1, :age_identity, :sign_key, :store_uid)"
        ),
        new_private_keys(),
    )
