"""The case list's first page and its search, flat with the number of cases.

Revision ID: 0009
Revises: 0008

``ix_cases_updated`` lets the newest cases be read in order without sorting
every case. ``cases_search`` is a full-text index (FTS5, trigram tokens) of each
case's ``search_key`` (its reference and names folded: lower case, accents
removed, ø → o, æ → ae, å → a), so a search of three or more letters finds the
same cases a substring match would, without reading every case. It holds no
text of its own (``content='cases'``): the triggers keep it in step with
``cases`` in the same transaction as every change.
"""

from alembic import op

revision = "0009"
down_revision = "0008"

STATEMENTS = [
    "CREATE INDEX ix_cases_updated ON cases (updated_at, id)",
    """CREATE VIRTUAL TABLE cases_search USING fts5(
        search_key, content='cases', content_rowid='id', tokenize='trigram'
    )""",
    "INSERT INTO cases_search (cases_search) VALUES ('rebuild')",
    """CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN
        INSERT INTO cases_search (rowid, search_key) VALUES (new.id, new.search_key);
    END""",
    """CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN
        INSERT INTO cases_search (cases_search, rowid, search_key)
            VALUES ('delete', old.id, old.search_key);
    END""",
    """CREATE TRIGGER cases_search_update AFTER UPDATE OF search_key ON cases BEGIN
        INSERT INTO cases_search (cases_search, rowid, search_key)
            VALUES ('delete', old.id, old.search_key);
        INSERT INTO cases_search (rowid, search_key) VALUES (new.id, new.search_key);
    END""",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)
