"""The documents a completed screening was completed under, pinned with it.

Revision ID: 0004
Revises: 0003

A screening already keeps the checklist text it was answered under. Its
referral also prints the referral routes (read from the installed routes
files), the site's local contacts and the site profile; read at print time,
a completed screening would reprint differently after any of them changed.
``pinned_documents`` keeps, for each screening completed from this revision
on, the routes files' texts, the contacts and the site profile as they were
when it was completed (JSON). Like the rest of a completed screening the row
is never changed; it is deleted only with its case by retention.
"""

from alembic import op

revision = "0004"
down_revision = "0003"

STATEMENTS = [
    """CREATE TABLE pinned_documents (
        screening_id INTEGER NOT NULL PRIMARY KEY
            REFERENCES screenings (id) ON DELETE CASCADE,
        case_id INTEGER NOT NULL,
        routes TEXT NOT NULL,
        contacts TEXT NOT NULL,
        site TEXT NOT NULL,
        pinned_at FLOAT NOT NULL
    )""",
    # Pinned while the screening is completed, in the same transaction: never after.
    """CREATE TRIGGER pinned_documents_completed_no_insert BEFORE INSERT ON pinned_documents
       WHEN (SELECT status FROM screenings WHERE id = NEW.screening_id) IS NOT 'draft'
       BEGIN SELECT RAISE(ABORT, 'a completed screening is read-only'); END""",
    """CREATE TRIGGER pinned_documents_no_update BEFORE UPDATE ON pinned_documents
       BEGIN SELECT RAISE(ABORT, 'a completed screening is read-only'); END""",
    """CREATE TRIGGER pinned_documents_no_delete BEFORE DELETE ON pinned_documents
       WHEN NOT EXISTS (SELECT 1 FROM retention_purge WHERE case_id = OLD.case_id)
       BEGIN SELECT RAISE(ABORT, 'a completed screening is read-only'); END""",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)
