"""The documents pinned with a completed screening, with each routes text kept
once (migration 0008).

Every screening completed under a checklist pins the same routes files' texts
(tens of kilobytes); kept in each row they made up most of a store (about 80 %
of a store of completed screenings), and so most of what its backup copies and
its verify reads. From 0008 a row names its routes text by SHA-256 in
``pinned_texts`` (written once, never changed); rows pinned before keep the text
in their own ``routes`` column. Read back, both are the same: the routes text,
so a screening's content hash and its reprint do not depend on where the text
is kept.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import Connection, insert, select

from idcheck.store.records import PinnedDocuments, PinnedRoutes
from idcheck.store.schema import pinned_documents, pinned_texts

#: The pinned rows as a screening's content hash reads them: the routes text
#: wherever it is kept (spelled out, as the hash's other queries are).
PINNED_SQL = (
    "SELECT p.screening_id, COALESCE(t.text, p.routes), p.contacts, p.site, p.pinned_at "
    "FROM pinned_documents p LEFT JOIN pinned_texts t ON t.sha256 = p.routes_sha256"
)
#: The same before 0008 (every routes text in its row).
PINNED_SQL_BEFORE_TEXTS = (
    "SELECT screening_id, routes, contacts, site, pinned_at FROM pinned_documents"
)


def has_texts(conn: Connection) -> bool:
    """Whether the store's schema keeps routes texts apart (0008 on)."""
    found = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pinned_texts'"
    ).first()
    return found is not None


def pin(conn: Connection, screening_id: int, case_id: int, at: float, docs: dict[str, str]) -> None:
    """Pin ``docs`` (routes, contacts and site as JSON) with a screening being
    completed, the routes text stored once by its SHA-256."""
    routes = docs["routes"]
    sha = hashlib.sha256(routes.encode("utf-8")).hexdigest()
    known = conn.execute(select(pinned_texts.c.sha256).where(pinned_texts.c.sha256 == sha)).first()
    if known is None:
        conn.execute(insert(pinned_texts).values(sha256=sha, text=routes))
    conn.execute(
        insert(pinned_documents).values(
            screening_id=screening_id,
            case_id=case_id,
            pinned_at=at,
            routes="",
            routes_sha256=sha,
            contacts=docs["contacts"],
            site=docs["site"],
        )
    )


def pinned(conn: Connection, screening_id: int) -> PinnedDocuments | None:
    """The documents pinned with a screening, or None (completed before 0004, or
    a draft)."""
    p, t = pinned_documents, pinned_texts
    r = conn.execute(
        select(p.c.routes, t.c.text, p.c.contacts, p.c.site, p.c.pinned_at)
        .select_from(p.outerjoin(t, t.c.sha256 == p.c.routes_sha256))
        .where(p.c.screening_id == screening_id)
    ).first()
    if r is None:
        return None
    routes: Any = json.loads(r.text if r.text is not None else r.routes)
    return PinnedDocuments(
        routes=tuple(
            PinnedRoutes(x["id"], x["version"], x["text"].encode("utf-8")) for x in routes
        ),
        contacts=tuple(json.loads(r.contacts)),
        site=dict(json.loads(r.site)),
        pinned_at=r.pinned_at,
    )


def changed_texts(conn: Connection) -> list[str]:
    """The pinned routes texts that no longer match their SHA-256."""
    if not has_texts(conn):
        return []
    return [
        str(sha)
        for sha, text in conn.execute(select(pinned_texts.c.sha256, pinned_texts.c.text))
        if hashlib.sha256(str(text).encode("utf-8")).hexdigest() != sha
    ]
