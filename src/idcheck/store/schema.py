"""The tables, as SQLAlchemy Core objects for queries.

The database itself is created and upgraded only by the Alembic migrations in
``migrations/versions`` (which also add the triggers that keep completed
screenings and the audit trail read-only). Keep the two in step: a test
compares them.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    func,
    literal_column,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement

metadata = MetaData()

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String, nullable=False, unique=True),
    Column("role", String, nullable=False),  # admin | worker
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", Float, nullable=False),
    #: An account of another site (its fingerprint) and its name there: who
    #: answered or decided in a case received (migration 0007); never signs in.
    Column("origin", String),
    Column("origin_name", String),
)

cases = Table(
    "cases",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("reference", String, nullable=False, unique=True),
    Column("given_name", String),
    Column("family_name", String),
    Column("search_key", String, nullable=False),
    #: The name as it is sorted (:func:`idcheck.store.sort_keys.name_key`; 0015).
    Column("name_key", String, nullable=False, server_default=""),
    Column("claimed_dob", String),
    Column("claimed_age", Integer),
    Column("assessed_age", Integer),
    Column("age_disputed", Boolean, nullable=False, default=False),
    Column("nationality", String),
    Column("languages", String),
    Column("gender", String),
    Column("identified_by", String),
    Column("notes", Text),
    Column("status", String, nullable=False, default="open"),  # open | closed
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
    Column("closed_at", Float),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    #: When the child first came to notice: the clocks count from it (0006).
    Column("first_contact_at", Float, nullable=False),
    #: The case's global id (a UUID), the same in every store it is shared with,
    #: and where it came from (the sending site's name and fingerprint; None: here).
    Column("uid", String),
    Column("origin", String),
    Index("ix_cases_search", "search_key"),
    Index("ix_cases_updated", "updated_at", "id"),
    Index("ix_cases_uid", "uid", unique=True),
)
# The list by name, a page at a time either way round, the newest first among
# equal names: (name, id) read backwards from Z, (name, -id) forwards from A.
Index("ix_cases_name", cases.c.name_key, cases.c.id)
Index("ix_cases_name_up", cases.c.name_key, -cases.c.id)
# By status and by where a case came from (0016), the same way.
Index("ix_cases_status", cases.c.status, cases.c.id)
Index("ix_cases_status_up", cases.c.status, -cases.c.id)
Index("ix_cases_origin", func.coalesce(cases.c.origin, literal_column("''")), cases.c.id)
Index("ix_cases_origin_up", func.coalesce(cases.c.origin, literal_column("''")), -cases.c.id)

adults = Table(
    "accompanying_adults",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("description", String, nullable=False),
    Column("stated_relation", String),
)

#: Each checklist text a screening was answered under, stored once by its SHA-256.
checklist_texts = Table(
    "checklist_texts",
    metadata,
    Column("sha256", String, primary_key=True),
    Column("text", LargeBinary, nullable=False),
)

screenings = Table(
    "screenings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("checklist_id", String, nullable=False),
    Column("checklist_version", String, nullable=False),
    Column("checklist_sha256", String, ForeignKey("checklist_texts.sha256"), nullable=False),
    Column("status", String, nullable=False),  # draft | completed
    Column("started_at", Float, nullable=False),
    Column("started_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("completed_at", Float),
    Column("position", String),
    Column("amends_id", Integer, ForeignKey("screenings.id")),
    Column("suggested_outcome", String),
    Column("fired_rules", String),
    Column("decision_outcome", String),
    Column("decision_reasons", Text),
    Column("decided_by", Integer, ForeignKey("users.id")),
    Column("decided_at", Float),
    #: The global id of a screening received from another store (None: made
    #: here, known by an id derived from the store's and its own).
    Column("uid", String),
    Index("ix_screenings_case_status", "case_id", "status", "completed_at"),
    Index("ix_screenings_completed", "status", "completed_at"),
    Index("ix_screenings_amends", "amends_id"),
    Index("ix_screenings_uid", "uid", unique=True),
)

answers = Table(
    "answers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "screening_id", Integer, ForeignKey("screenings.id", ondelete="CASCADE"), nullable=False
    ),
    Column("item_id", String, nullable=False),
    Column("status", String, nullable=False),  # answered | not-asked | declined
    Column("value", String),  # JSON
    Column("source", String),
    Column("worker_note", Text),
    Column("child_words", Text),
    Column("language", String),
    Column("interpreter_present", Boolean),
    Column("interpreter", String),
    Column("read_back", Boolean),
    Column("answered_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("answered_at", Float, nullable=False),
    Column("uid", String),  # as screenings.uid
    Index("ix_answers_screening", "screening_id", "item_id", "id"),
    Index("ix_answers_uid", "uid", unique=True),
)

contacts = Table(
    "contacts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("role", String, nullable=False),
    Column("name", String, nullable=False),
    Column("phone", String),
    Column("hours", String),
    Column("note", String),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", String, nullable=False),
)

audit = Table(
    "audit",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("at", Float, nullable=False),
    Column("user_id", Integer),
    Column("action", String, nullable=False),
    Column("case_id", Integer),
    Column("screening_id", Integer),
    Column("object_id", Integer),
    Column("prev_hash", String, nullable=False),
    Column("hash", String, nullable=False),
    #: A content hash inside the row's HMAC (migration 0005): what a completed
    #: screening holds, or the marker from which completions carry one.
    Column("content", String),
)

#: Rows inserted here (in the same transaction) allow retention to delete a case's
#: completed screenings, which the triggers otherwise refuse.
purge = Table("retention_purge", metadata, Column("case_id", Integer, primary_key=True))

#: The routes files' texts, contacts and site profile a screening was completed
#: under (JSON), so its referral reprints the same (migration 0004).
pinned_documents = Table(
    "pinned_documents",
    metadata,
    Column(
        "screening_id",
        Integer,
        ForeignKey("screenings.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("case_id", Integer, nullable=False),
    Column("routes", Text, nullable=False),
    Column("contacts", Text, nullable=False),
    Column("site", Text, nullable=False),
    Column("pinned_at", Float, nullable=False),
    #: From 0008: the routes text is kept once in ``pinned_texts`` (``routes`` empty).
    Column("routes_sha256", String, ForeignKey("pinned_texts.sha256")),
)

#: Each pinned routes text (JSON), once by its SHA-256 (migration 0008).
pinned_texts = Table(
    "pinned_texts",
    metadata,
    Column("sha256", String, primary_key=True),
    Column("text", Text, nullable=False),
)

# ------------------------------------------------------------ follow-up (0006)
# A case's first contact is ``cases.first_contact_at`` (added by 0006, see above).

tasks = Table(
    "tasks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("screening_id", Integer, ForeignKey("screenings.id", ondelete="SET NULL")),
    Column("what", Text, nullable=False),
    Column("role", String),
    Column("contact", String),
    Column("assignee_id", Integer, ForeignKey("users.id")),
    Column("due_at", Float),
    Column("note", Text, nullable=False),
    Column("clock", String),
    Column("status", String, nullable=False),  # open | done | not_needed
    Column("reason", Text, nullable=False),
    Column("done_by", Integer, ForeignKey("users.id")),
    Column("done_at", Float),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("source", String, nullable=False),  # plan | manual
    Index("ix_tasks_status_due", "status", "due_at"),
    Index("ix_tasks_case", "case_id", "status", "due_at"),
    Index("ix_tasks_assignee", "assignee_id", "status", "due_at"),
    Column("uid", String),  # a record received keeps its global id (0010)
    Index("ix_tasks_uid", "uid", unique=True),
)

referral_records = Table(
    "referral_records",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("recipient", String, nullable=False),
    Column("method", String, nullable=False),
    Column("sent_at", Float, nullable=False),
    Column("follow_up_on", Float),
    Column("note", Text, nullable=False),
    Column("state", String, nullable=False),  # the newest of its referral_states
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", Float, nullable=False),
    Index("ix_referral_records_case", "case_id", "sent_at"),
    Column("uid", String),  # a record received keeps its global id (0010)
    Index("ix_referral_records_uid", "uid", unique=True),
)

referral_states = Table(
    "referral_states",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "referral_id",
        Integer,
        ForeignKey("referral_records.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("state", String, nullable=False),
    Column("at", Float, nullable=False),
    Column("by", Integer, ForeignKey("users.id"), nullable=False),
    Column("reason", Text, nullable=False),
    Index("ix_referral_states_referral", "referral_id", "id"),
    Column("uid", String),  # a record received keeps its global id (0010)
    Index("ix_referral_states_uid", "uid", unique=True),
)

plans = Table(
    "plans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("next_review_on", Float),
    Column("saved_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("saved_at", Float, nullable=False),
    Column("summary", Text, nullable=False),
    Index("ix_plans_case_version", "case_id", "version", unique=True),
    Column("uid", String),  # a record received keeps its global id (0010)
    Index("ix_plans_uid", "uid", unique=True),
)

plan_entries = Table(
    "plan_entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("plan_id", Integer, ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("need", Text, nullable=False),
    Column("goal", Text, nullable=False),
    Column("measures", Text, nullable=False),
    Column("responsible", String, nullable=False),
    Column("review_on", Float),
    Index("ix_plan_entries_plan", "plan_id", "position"),
)

# ------------------------------------------------ follow-up edited after saving (0013)

#: A change to a task (``what``, ``note``, ``due_at``) or to a referral
#: (``follow_up_on``) after it was saved: the values before and after (text or
#: time) and the reason (required for a due time or a follow-up date).
followup_changes = Table(
    "followup_changes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("task_id", Integer, ForeignKey("tasks.id", ondelete="CASCADE")),
    Column("referral_id", Integer, ForeignKey("referral_records.id", ondelete="CASCADE")),
    Column("field", String, nullable=False),
    Column("old_text", Text),
    Column("new_text", Text),
    Column("old_at", Float),
    Column("new_at", Float),
    Column("reason", Text, nullable=False),
    Column("by", Integer, ForeignKey("users.id"), nullable=False),
    Column("at", Float, nullable=False),
    Index("ix_followup_changes_case", "case_id", "at"),
    Index("ix_followup_changes_task", "task_id"),
    Index("ix_followup_changes_referral", "referral_id"),
)

#: The referral (its follow-up date) or plan version (its review date) a task
#: was made for.
task_links = Table(
    "task_links",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("task_id", Integer, ForeignKey("tasks.id", ondelete="CASCADE"), nullable=False),
    Column("referral_id", Integer, ForeignKey("referral_records.id", ondelete="CASCADE")),
    Column("plan_id", Integer, ForeignKey("plans.id", ondelete="CASCADE")),
    Index("ix_task_links_task", "task_id", unique=True),
    Index("ix_task_links_referral", "referral_id"),
    Index("ix_task_links_plan", "plan_id"),
)

missing_episodes = Table(
    "missing_episodes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("missing_at", Float, nullable=False),
    Column("last_seen_where", Text, nullable=False),
    Column("reported_at", Float),
    Column("reported_by", String, nullable=False),
    Column("police_reference", String, nullable=False),
    Column("found_at", Float),
    Column("found_where", Text, nullable=False),
    Column("interview_at", Float),
    Column("interview_by", String, nullable=False),
    Column("note", Text, nullable=False),
    Column("recorded_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("recorded_at", Float, nullable=False),
    Index("ix_missing_episodes_case", "case_id", "found_at"),
    Column("uid", String),  # a record received keeps its global id (0010)
    Index("ix_missing_episodes_uid", "uid", unique=True),
)

case_notes = Table(
    "case_notes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    #: "note", or "first-contact": a change of the time of first contact (``value``,
    #: the new time) with its reason (``text``).
    Column("kind", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", Float),
    Column("by", Integer, ForeignKey("users.id"), nullable=False),
    Column("at", Float, nullable=False),
    Index("ix_case_notes_case", "case_id", "at"),
    Column("uid", String),  # a record received keeps its global id (0010)
    Index("ix_case_notes_uid", "uid", unique=True),
)

#: Other sites and agencies a case can be sent to, by their public keys (0007).
recipients = Table(
    "recipients",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String, nullable=False, unique=True),
    Column("kind", String, nullable=False),  # site | agency
    Column("age_key", String, nullable=False),
    Column("sign_key", String),
    Column("fingerprint", String, nullable=False, unique=True),
    Column("added_at", Float, nullable=False),
    Column("added_by", Integer, ForeignKey("users.id"), nullable=False),
    #: Revoked by an administrator (0014): nothing is sent to it, nothing it
    #: signs is imported; it stays listed.
    Column("revoked_at", Float),
    Column("revoked_by", Integer, ForeignKey("users.id")),
)

#: Each package sent (one row per recipient) or received (0007).
transfers = Table(
    "transfers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("direction", String, nullable=False),  # in | out
    Column("package_id", String, nullable=False),
    Column("sha256", String, nullable=False),
    Column("peer", String, nullable=False),  # the other side's fingerprint
    Column("peer_name", String, nullable=False),
    Column("cases", Integer, nullable=False),
    Column("at", Float, nullable=False),
    Column("by", Integer, ForeignKey("users.id"), nullable=False),
    Index("ix_transfers_peer", "direction", "peer", "at"),
    Index("ix_transfers_package", "package_id"),
)

#: Versions of a case's details exchanged with other stores (their hashes; the
#: details too when they were kept beside the local ones: ``conflict``) (0007).
case_versions = Table(
    "case_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
    Column("hash", String, nullable=False),
    Column("details", Text),
    Column("origin", String),
    Column("at", Float, nullable=False),
    Column("conflict", Boolean, nullable=False, default=False),
    Index("ix_case_versions_case", "case_id", "hash"),
)


#: This store's private sharing keys and its global id: one row (0007).
sharing_keys = Table(
    "sharing_keys",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("age_identity", String, nullable=False),
    Column("sign_key", String, nullable=False),
    Column("store_uid", String, nullable=False),
)

#: What the statistics count of each completed screening, written when it is
#: completed (migration 0011): its completion time, checklist, outcome (the decision, else
#: the suggestion) and the exploitation forms of its indicators answered yes
#: (comma-joined, sorted; empty for none), and whether a completed amendment
#: stands for it. A count reads one short row per screening, not its answers.
screening_stats = Table(
    "screening_stats",
    metadata,
    Column(
        "screening_id",
        Integer,
        ForeignKey("screenings.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("case_id", Integer, nullable=False),
    Column("checklist_id", String, nullable=False),
    Column("completed_at", Float, nullable=False),
    Column("outcome", String),
    Column("forms", String, nullable=False),
    Column("superseded", Boolean, nullable=False, default=False),
    Index("ix_screening_stats_completed", "superseded", "completed_at"),
)


def driver_sql(statement: ClauseElement) -> tuple[str, tuple[str, ...]]:
    """A statement as SQLite's driver takes it (``?`` parameters) and the names of
    its parameters in order, for a hot path that runs it on the driver's cursor
    (``conn.connection.cursor()``) inside the caller's transaction."""
    compiled = statement.compile(dialect=sqlite.dialect(paramstyle="qmark"))
    assert isinstance(compiled, SQLCompiler)
    return str(compiled), tuple(compiled.positiontup or ())
