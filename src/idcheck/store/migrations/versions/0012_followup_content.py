"""Every write of a follow-up record carries the record's content hash.

Revision ID: 0012
Revises: 0011

Until this revision the audit rows of tasks, referrals, plan versions, missing
episodes and case notes held ids only: a due time, a reason or a note changed
behind the store (by someone with the database key) still verified. From it,
each write's audit row holds the SHA-256 of the record as written (see
idcheck.store.followup_content), in the ``content`` column migration 0005
added, so the schema does not change. Opening a store upgraded to this
revision writes the marker row from which its follow-up records are covered,
with the highest id of each kind then: records within those ids are reported
as written before content hashing, any beyond them with no audit row as added
behind the store. An older idcheck refuses a store of this revision rather
than write follow-up rows without their hashes.
"""

revision = "0012"
down_revision = "0011"


def upgrade() -> None:
    pass
