"""Audit rows can carry a content hash: a completed screening's answers and decision.

Revision ID: 0005
Revises: 0004

Until this revision the audit trail held ids only: after the protecting
triggers were dropped, a completed screening's answers could be edited and the
chain still verified. From this revision the row that records a screening's
completion holds the SHA-256 of everything that was completed (the screening's
row with the decision, every answer with all its context, the pinned
documents), and that hash is inside the row's HMAC. Older rows keep no content
hash (NULL) and their HMAC is computed as before, so existing trails still
verify; the first row written after the upgrade marks where content coverage
starts.
"""

from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    op.execute("ALTER TABLE audit ADD COLUMN content VARCHAR")
