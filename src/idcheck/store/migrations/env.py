"""Alembic environment: always run against the connection the store opened
(keyed SQLCipher); never from a URL."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the store runs migrations
    raise RuntimeError("idcheck migrations run only through idcheck.store")

context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
