"""The audit trail as the store's users see it: actions recorded elsewhere, the
trail's head and rows, and the whole store's check (``db verify``)."""

from __future__ import annotations

import contextlib
import hashlib
import threading
from pathlib import Path

from sqlalchemy import Connection, Engine, select

from idcheck.store import audit as audit_mod
from idcheck.store import chain_process
from idcheck.store import content as content_mod
from idcheck.store import followup_content as followup_mod
from idcheck.store import pinned as pinned_mod
from idcheck.store.core import StoreCore
from idcheck.store.database import check_triggers, reader_engine
from idcheck.store.records import AuditRow, VerifyResult
from idcheck.store.schema import audit as audit_table
from idcheck.store.schema import checklist_texts, screenings


class Auditing(StoreCore):
    """Recording events, reading the trail, verifying the store."""

    def record_event(
        self,
        action: str,
        case_id: int | None = None,
        screening_id: int | None = None,
        object_id: int | None = None,
    ) -> str:
        """Audit an action done elsewhere (export, print, report view); returns the
        new head as ``SEQ:SHORTHASH``."""
        with self._write() as conn:
            self._audit_row(
                conn, action, case_id=case_id, screening_id=screening_id, object_id=object_id
            )
            h = audit_mod.head(conn)
        return str(h)

    def audit_trail(
        self, action: str | None = None, *, screening_id: int | None = None
    ) -> list[AuditRow]:
        """The trail's rows, oldest first (ids only: the trail holds no names or
        text); only those of ``action`` and of ``screening_id`` when given. Reads
        only: writes no audit row."""
        t = audit_table
        q = select(
            t.c.seq, t.c.at, t.c.user_id, t.c.action, t.c.case_id, t.c.screening_id, t.c.object_id
        ).order_by(t.c.seq)
        if action is not None:
            q = q.where(t.c.action == action)
        if screening_id is not None:
            q = q.where(t.c.screening_id == screening_id)
        with self._read() as conn:
            return [AuditRow(*r) for r in conn.execute(q)]

    def danger_acknowledgements(self, screening_id: int) -> list[tuple[float, int | None]]:
        """When, and by which user id, the immediate-danger stop of a screening was
        acknowledged in the window (its ``danger-acknowledged`` audit rows), oldest
        first. Reads only: writes no audit row."""
        rows = self.audit_trail("danger-acknowledged", screening_id=screening_id)
        return [(float(r.at), r.user_id) for r in rows]

    def audit_head(self) -> audit_mod.AuditHead:
        with self._read() as conn:
            h = audit_mod.head(conn)
        assert h is not None
        return h

    def verify(self, anchor: str | None = None) -> VerifyResult:
        """SQLite's and SQLCipher's integrity checks, the protecting triggers, the
        stored checklist texts, the audit chain from the store's creation, the
        content of every completed screening against the hash in its completion
        row, every follow-up record against the hash in the newest audit row
        that wrote it, and (``anchor``: ``SEQ:HASH`` from a referral) that the trail reaches
        the anchor with its hash. Writes nothing. Raises ValueError for an anchor
        that is not ``SEQ:HASH``."""
        parsed = audit_mod.AuditHead.parse(anchor) if anchor else None
        unchecked: str | None = None
        elsewhere: str | None = None
        with self._read() as conn:
            upto = conn.exec_driver_sql("SELECT max(seq) FROM audit").scalar()
            # The chain in a process of its own, SQLite's whole-file checks on a
            # thread of their own (they run in C, without Python's lock), the
            # content here: side by side, on as many cores as there are.
            worker = None
            if isinstance(upto, int):
                worker = chain_process.start(self.db_path, self._key, self._audit_key, upto)
            side = _Beside(reader_engine(self.db_path, self._key), _cache_kib(self.db_path))
            try:
                hashed = content_mod.hash_all(conn)
                chain = None
                if worker is not None:
                    try:
                        chain = audit_mod.check_anchor(conn, worker.result(), parsed)
                    except chain_process.Failed as e:
                        chain = None  # checked here instead (and its error raised here)
                        elsewhere = str(e)
                    except chain_process.Ended as e:
                        unchecked = str(e)
                        chain = audit_mod.ChainResult(False, 0, None)
                if chain is None:
                    chain = audit_mod.verify_chain(conn, self._audit_key, parsed)
                covered = {
                    sid: (seq, c) for sid, (seq, c) in chain.completions.items() if c is not None
                }
                problems = content_mod.compare(conn, covered, hashed, chain.deleted_cases)
                followup = followup_mod.check_all(
                    conn, chain.followup, chain.followup_known, chain.deleted_cases
                )
                completed = conn.execute(
                    select(screenings.c.id)
                    .where(screenings.c.status == "completed")
                    .order_by(screenings.c.id)
                ).scalars()
                unrecorded = [int(i) for i in completed if int(i) not in chain.completions]
            finally:
                if worker is not None:
                    worker.stop()
                ok, msgs = side.result()
        if unchecked is not None:
            return _not_checked(msgs, unchecked)
        if elsewhere is not None:
            msgs.append(
                f"audit chain: checked in this process (its own process could not: {elsewhere})"
            )
        if chain.ok:
            msgs.append(
                f"audit chain: ok, {chain.rows} rows from the store's creation, head {chain.head}"
            )
        else:
            ok = False
            msgs.append(f"audit chain: broken at row {chain.first_bad}: {chain.reason}")
        for p in problems:
            ok = False
            msgs.append(f"content: {p}")
        if chain.ok and unrecorded:
            ok = False
            msgs.append(
                "content: completed with no completion in the trail: screening(s) "
                + ", ".join(str(i) for i in unrecorded[:20])
            )
        if chain.content_from is None:
            msgs.append(
                "content: not covered (the trail holds ids only; completions carry a "
                "content hash once the store is upgraded)"
            )
        else:
            older = sum(1 for seq, c in chain.completions.values() if c is None)
            line = (
                f"content covered from row {chain.content_from}: {len(covered)} completed "
                f"screening(s) checked against their completion rows"
            )
            if older:
                line += (
                    f"; {older} completed before row {chain.content_from} are covered by ids only"
                )
            msgs.append(line)
        for fp in followup.problems:
            ok = False
            msgs.append(f"content: {fp}")
        msgs.append(_followup_line(chain.followup_from, followup))
        if parsed is not None and chain.ok:
            msgs.append(f"anchor {anchor}: the trail reaches it and matches it")
        elif parsed is None:
            msgs.append(
                "without an anchor this shows the trail is whole from the store's creation "
                "to its last row; rows cut off its end, or a trail rewritten by someone "
                "who can unlock the store, show only against an anchor printed earlier "
                "(--anchor SEQ:HASH from a referral)"
            )
        altered = tuple(p.screening_id for p in problems) + tuple(unrecorded)
        return VerifyResult(
            ok,
            tuple(msgs),
            chain.rows,
            str(chain.head) if chain.head else None,
            chain.content_from,
            altered,
            tuple(fp.name for fp in followup.problems),
        )


def _not_checked(msgs: list[str], why: str) -> VerifyResult:
    """The verify's answer when the chain's own process ended without one: not
    a pass (the chain, and the content it vouches for, went unchecked)."""
    msgs.append(
        f"audit chain: not checked: the process checking it ended before it answered ({why}); "
        "run the check again"
    )
    msgs.append("content: not checked (it is checked against the audit chain)")
    return VerifyResult(False, tuple(msgs), 0, None, None, (), ())


def _followup_line(since: int | None, found: followup_mod.Coverage) -> str:
    """What the follow-up content check covered, and what it could not."""
    older = sum(len(ids) for ids in found.older.values())
    listed = "; ".join(
        f"{followup_mod.NAMES[kind]} "
        + ", ".join(str(i) for i in ids[:10])
        + (" …" if len(ids) > 10 else "")
        for kind, ids in found.older.items()
    )
    if since is None:
        line = "follow-up content: not covered (the trail holds their ids only"
        return line + (f"; {older} record(s): {listed})" if older else ")")
    line = (
        f"follow-up content covered from row {since}: {found.checked} record(s) checked "
        "against the hash in their audit rows"
    )
    if older:
        line += f"; {older} written before content hashing are covered by ids only ({listed})"
    return line


class _Beside:
    """:func:`_database_checks` on its own engine and thread; ``result()`` waits
    for them, closes the engine and raises what they raised."""

    def __init__(self, engine: Engine, cache_kib: int) -> None:
        self._engine = engine
        self._cache_kib = cache_kib
        self._out: tuple[bool, list[str]] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="verify-checks", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            with self._engine.connect() as conn:
                conn.exec_driver_sql(f"PRAGMA cache_size = {-self._cache_kib}")
                self._out = _database_checks(conn)
        except BaseException as e:  # handed to the caller's thread
            self._error = e

    def result(self) -> tuple[bool, list[str]]:
        self._thread.join()
        self._engine.dispose()
        if self._error is not None:
            raise self._error
        assert self._out is not None
        return self._out


#: The most the whole-file checks' own connection keeps of the file in memory.
_CACHE_MAX_KIB = 256 * 1024


def _cache_kib(db_path: Path) -> int:
    """The page cache for the whole-file checks: the whole file (with its
    write-ahead log) when it fits in :data:`_CACHE_MAX_KIB`, so that SQLite's
    integrity check decrypts each page once (it looks each table row up in
    every index, and with the default cache of 8 MB read index pages again and
    again: 1.5 s against 0.9 s for a 141 MB store). Freed when the checks end."""
    size = 0
    for p in (db_path, db_path.with_name(db_path.name + "-wal")):
        with contextlib.suppress(OSError):
            size += p.stat().st_size
    return max(8000, min(_CACHE_MAX_KIB, size // 1024 + 1024))


def _database_checks(conn: Connection) -> tuple[bool, list[str]]:
    """SQLite's and SQLCipher's own checks (their PRAGMAs), the triggers and the
    checklist texts: whether all hold, and a line for each."""
    ok = True
    msgs: list[str] = []
    ic = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
    if ic != ["ok"]:
        ok = False
        msgs.append("SQLite integrity check: " + "; ".join(ic[:5]))
    else:
        msgs.append("SQLite integrity check: ok")
    cic = [r[0] for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check").all()]
    if cic:
        ok = False
        msgs.append("SQLCipher page check: " + "; ".join(cic[:5]))
    else:
        msgs.append("SQLCipher page check: ok")
    fk = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    if fk:
        ok = False
        msgs.append(f"foreign keys: {len(fk)} broken reference(s)")
    triggers = check_triggers(conn)
    if triggers:
        ok = False
        msgs.append(
            "protecting triggers: " + "; ".join(triggers) + " (completed screenings "
            "and the audit trail were left open to change)"
        )
    else:
        msgs.append("protecting triggers: ok")
    texts = [
        str(sha)
        for sha, text in conn.execute(select(checklist_texts.c.sha256, checklist_texts.c.text))
        if hashlib.sha256(bytes(text)).hexdigest() != sha
    ]
    if texts:
        ok = False
        msgs.append("checklist texts: changed: " + ", ".join(t[:12] for t in texts))
    pinned = pinned_mod.changed_texts(conn)
    if pinned:
        ok = False
        msgs.append("pinned routes texts: changed: " + ", ".join(t[:12] for t in pinned))
    return ok, msgs
