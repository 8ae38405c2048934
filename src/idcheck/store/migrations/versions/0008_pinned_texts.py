"""Each pinned routes text kept once.

Revision ID: 0008
Revises: 0007

Every screening completed under a checklist pinned the same routes files' texts
(about 47 KB for the full screening) in its own row: most of a store's size,
and so most of what its backup copies and its verify reads. From this revision
a pinned row names its routes text by SHA-256 in ``pinned_texts``, where each
text is written once and never changed or deleted; rows pinned before keep
their text where it is (they are read-only, like the screening they belong to).
A screening's content hash covers the routes text wherever it is kept.
"""

from alembic import op

revision = "0008"
down_revision = "0007"

STATEMENTS = [
    """CREATE TABLE pinned_texts (
        sha256 VARCHAR NOT NULL PRIMARY KEY,
        text TEXT NOT NULL
    )""",
    """ALTER TABLE pinned_documents ADD COLUMN routes_sha256 VARCHAR
        REFERENCES pinned_texts (sha256)""",
    """CREATE TRIGGER pinned_texts_no_update BEFORE UPDATE ON pinned_texts
       BEGIN SELECT RAISE(ABORT, 'a pinned text is read-only'); END""",
    """CREATE TRIGGER pinned_texts_no_delete BEFORE DELETE ON pinned_texts
       BEGIN SELECT RAISE(ABORT, 'a pinned text is read-only'); END""",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)
