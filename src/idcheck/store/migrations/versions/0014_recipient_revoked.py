"""A recipient can be revoked.

Revision ID: 0014
Revises: 0013

An administrator revokes a site or agency in the directory (its key was lost,
or it is no longer a partner): nothing is sent to it from then on, and a package
it signs is not imported. It stays listed, with when and by whom it was revoked
(the audit row ``recipient-revoked`` holds its fingerprint), so what was sent to
it before can still be read in the audit trail.
"""

from alembic import op

revision = "0014"
down_revision = "0013"


def upgrade() -> None:
    # Only the columns not there yet: a store whose recorded revision was set back
    # (a test of the upgrade path from 0011) has them already.
    have = {r[1] for r in op.get_bind().exec_driver_sql("PRAGMA table_info(recipients)")}
    if "revoked_at" not in have:
        op.execute("ALTER TABLE recipients ADD COLUMN revoked_at FLOAT")
    if "revoked_by" not in have:
        op.execute("ALTER TABLE recipients ADD COLUMN revoked_by INTEGER REFERENCES users (id)")
