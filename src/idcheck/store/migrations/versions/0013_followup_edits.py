"""Follow-up records edited after saving, and the tasks follow-up dates make.

Revision ID: 0013
Revises: 0012

``followup_changes`` keeps each change made to a task (its text, note or due
time) or to a referral (its follow-up date) after it was saved: the field, the
value before and after, the reason, who and when. A change of a due time or a
follow-up date needs its reason; the timeline shows it. ``task_links`` ties the
task a referral's follow-up date or a plan version's review date makes to that
referral or plan version, so that moving the date moves the task and closing
the referral or superseding the plan closes it.

Both are hashed as parts of the task or referral they belong to (see
idcheck.store.followup_content): a record without changes or a link hashes as
before, so every hash written before this revision still verifies.
"""

from alembic import op

revision = "0013"
down_revision = "0012"


def upgrade() -> None:
    op.execute(
        """CREATE TABLE IF NOT EXISTS followup_changes (
            id INTEGER NOT NULL PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
            task_id INTEGER REFERENCES tasks (id) ON DELETE CASCADE,
            referral_id INTEGER REFERENCES referral_records (id) ON DELETE CASCADE,
            field VARCHAR NOT NULL,
            old_text TEXT,
            new_text TEXT,
            old_at FLOAT,
            new_at FLOAT,
            reason TEXT NOT NULL,
            "by" INTEGER NOT NULL REFERENCES users (id),
            at FLOAT NOT NULL
        )"""
    )
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_followup_changes_case ON followup_changes (case_id, at)"
    )
    op.execute("CREATE INDEX IF NOT EXISTS ix_followup_changes_task ON followup_changes (task_id)")
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_followup_changes_referral ON followup_changes (referral_id)"
    )
    op.execute(
        """CREATE TABLE IF NOT EXISTS task_links (
            id INTEGER NOT NULL PRIMARY KEY,
            task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
            referral_id INTEGER REFERENCES referral_records (id) ON DELETE CASCADE,
            plan_id INTEGER REFERENCES plans (id) ON DELETE CASCADE
        )"""
    )
    op.execute("CREATE UNIQUE INDEX IF NOT EXISTS ix_task_links_task ON task_links (task_id)")
    op.execute("CREATE INDEX IF NOT EXISTS ix_task_links_referral ON task_links (referral_id)")
    op.execute("CREATE INDEX IF NOT EXISTS ix_task_links_plan ON task_links (plan_id)")


def downgrade() -> None:
    op.execute("DROP TABLE task_links")
    op.execute("DROP TABLE followup_changes")
