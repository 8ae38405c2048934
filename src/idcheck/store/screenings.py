"""Screenings: start, answer (with where the walk goes next), position, the
professional's decision, completion, amendment, and the rows statistics count."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from idcheck.checklist import Answer, Checklist, find, validate_answer
from idcheck.store import audit as audit_mod
from idcheck.store import content as content_mod
from idcheck.store import pinned as pinned_mod
from idcheck.store.cases import case_row
from idcheck.store.core import StoreCore
from idcheck.store.errors import InvalidInput, ReadOnlyRecord
from idcheck.store.records import (
    SOURCES,
    AnswerContext,
    Decision,
    ScreeningRecord,
    ScreeningRow,
    StatRow,
    StoredAnswer,
    text_too_long,
)
from idcheck.store.schema import (
    answers,
    cases,
    checklist_texts,
    driver_sql,
    screenings,
)
from idcheck.store.site_settings import contact_rows, site_profile_in
from idcheck.store.statistics import fill_screening_stats
from idcheck.store.tasks import insert_plan_tasks

#: An answer's context, as its columns are named (the fields of AnswerContext).
CONTEXT_COLUMNS = tuple(f.name for f in dataclasses.fields(AnswerContext))
#: An answer's own columns (beside its id and screening): written when it is
#: given, copied by an amendment, read back. The one place they are spelled out.
ANSWER_COLUMNS = ("item_id", "status", "value", *CONTEXT_COLUMNS, "answered_by", "answered_at")

_READ_ONLY = "this screening is completed; amend it to make changes"
# Built once: SQLAlchemy compiles each to SQL once per process (its compiled cache).
_STATE = select(screenings.c.case_id, screenings.c.status, screenings.c.checklist_sha256).where(
    screenings.c.id == bindparam("sid")
)
_INSERT_ANSWER = insert(answers)
_SET_POSITION = (
    update(screenings).where(screenings.c.id == bindparam("sid")).values(position=bindparam("pos"))
)
# An answer's two statements as the driver runs them, on its cursor inside the same
# transaction: through SQLAlchemy Core each cost more CPU than SQLCipher's own work.
# With the next position, the draft's state is read and its position set in one
# statement (no row: no such screening, or a completed one).
_MOVE_SQL = (
    "UPDATE screenings SET position = ? WHERE id = ? AND status != 'completed' "
    "RETURNING case_id, status, checklist_sha256"
)
_INSERT_ANSWER_SQL, _ANSWER_ROW = driver_sql(
    insert(answers).values({c: bindparam(c) for c in ("screening_id", *ANSWER_COLUMNS)})
)


class Screenings(StoreCore):
    """Starting, answering, deciding, completing and amending screenings."""

    def start_screening(
        self, case_id: int, checklist: Checklist, checklist_text: bytes, sha256: str
    ) -> int:
        """Start a draft screening, keeping the checklist text it is answered under."""
        if hashlib.sha256(checklist_text).hexdigest() != sha256:
            raise InvalidInput("the checklist text does not match its SHA-256")
        with self._write() as conn:
            case_row(conn, case_id)
            known = conn.execute(
                select(checklist_texts.c.sha256).where(checklist_texts.c.sha256 == sha256)
            ).first()
            if known is None:
                conn.execute(insert(checklist_texts).values(sha256=sha256, text=checklist_text))
            sid = conn.execute(
                insert(screenings).values(
                    case_id=case_id,
                    checklist_id=checklist.id,
                    checklist_version=checklist.version,
                    checklist_sha256=sha256,
                    status="draft",
                    started_at=time.time(),
                    started_by=self.user.id,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            _touch_case(conn, case_id, time.time())
            self._audit_row(conn, "screening-started", case_id=case_id, screening_id=sid)
        return int(sid)

    def record_answer(
        self,
        screening_id: int,
        item_id: str,
        answer: Answer,
        context: AnswerContext | None = None,
        *,
        position: str | None = None,
    ) -> int:
        """Save one answer (the newest answer to an item wins; older ones stay as
        history). Returns once the answer and its audit row are durable.
        ``position``: the item the walk moves to next, saved in the same
        transaction (one commit per answer, the place to resume included).

        Raises InvalidInput (unknown screening or item, a value the item cannot
        take), ReadOnlyRecord (completed screening), DiskFull (nothing saved;
        earlier answers intact; retry once space is freed), StoreLocked.
        """
        context = context or AnswerContext()
        if context.source is not None and context.source not in SOURCES:
            raise InvalidInput(f"unknown source {context.source!r}")
        check_context(item_id, context)
        with self._write() as conn:
            cur = conn.connection.cursor()
            s: Any = None
            if position is not None:
                s = cur.execute(_MOVE_SQL, (position, screening_id)).fetchone()
            if s is None:
                s = conn.execute(_STATE, {"sid": screening_id}).first()
                if s is None:
                    raise InvalidInput(f"no screening with id {screening_id}")
                if s.status == "completed":
                    raise ReadOnlyRecord(_READ_ONLY)
            case_id, _status, sha256 = s
            checklist = self._checklist(conn, sha256)
            try:
                item = checklist.item(item_id)
            except KeyError:
                raise InvalidInput(f"{checklist.ref} has no item {item_id!r}") from None
            why = validate_answer(item, answer)
            if why:
                raise InvalidInput(f"{item_id}: {why}")
            values = answer_values(item_id, answer, context, self.user.id, time.time())
            values["screening_id"] = screening_id
            aid = cur.execute(_INSERT_ANSWER_SQL, [values[c] for c in _ANSWER_ROW]).lastrowid
            self._audit_row(
                conn, "answer", case_id=case_id, screening_id=screening_id, object_id=aid
            )
        return int(aid)

    def set_position(self, screening_id: int, item_id: str) -> None:
        """Remember where the worker is, so a draft resumes exactly there (a move
        with no answer; an answer saves the next position itself)."""
        with self._write() as conn:
            s = screening_row(conn, screening_id)
            if s.status == "completed":
                return
            conn.execute(_SET_POSITION, {"sid": screening_id, "pos": item_id})

    def get_screening(self, screening_id: int, *, audit: bool = True) -> ScreeningRecord:
        """A whole screening with every answer; audited as a view."""
        with self._write() as conn:
            s = screening_row(conn, screening_id)
            rows = conn.execute(
                select(answers).where(answers.c.screening_id == screening_id).order_by(answers.c.id)
            ).all()
            amended_by = conn.execute(
                select(screenings.c.id).where(screenings.c.amends_id == screening_id)
            ).scalar()
            text = self._checklist_text(conn, s.checklist_sha256)
            pin = pinned_mod.pinned(conn, screening_id)
            if audit:
                self._audit_row(
                    conn, "screening-viewed", case_id=s.case_id, screening_id=screening_id
                )
        history = tuple(_stored_answer(r) for r in rows)
        decision = None
        if s.decision_outcome is not None:
            decision = Decision(
                s.suggested_outcome or "",
                tuple(json.loads(s.fired_rules or "[]")),
                s.decision_outcome,
                s.decision_reasons or "",
            )
        return ScreeningRecord(
            id=s.id,
            case_id=s.case_id,
            checklist_id=s.checklist_id,
            checklist_version=s.checklist_version,
            checklist_sha256=s.checklist_sha256,
            checklist_text=text,
            status=s.status,
            started_at=s.started_at,
            started_by=s.started_by,
            completed_at=s.completed_at,
            # Where the worker last was; with no move recorded, the last item answered.
            position=s.position or (history[-1].item_id if history else None),
            amends_id=s.amends_id,
            amended_by=amended_by,
            decision=decision,
            decided_by=s.decided_by,
            decided_at=s.decided_at,
            answers={a.item_id: a for a in history},
            history=history,
            pinned=pin,
        )

    def list_screenings(self, case_id: int) -> list[ScreeningRow]:
        amended = screenings.alias("amended")
        q = (
            select(screenings, amended.c.id.label("amended_by"))
            .outerjoin(amended, amended.c.amends_id == screenings.c.id)
            .where(screenings.c.case_id == case_id)
            .order_by(screenings.c.id)
        )
        with self._read() as conn:
            return [
                ScreeningRow(
                    r.id,
                    r.case_id,
                    f"{r.checklist_id}@{r.checklist_version}",
                    r.status,
                    r.started_at,
                    r.completed_at,
                    r.amends_id,
                    r.amended_by,
                    r.decision_outcome or r.suggested_outcome,
                )
                for r in conn.execute(q)
            ]

    def checklist(self, sha256: str) -> Checklist:
        """The checklist screenings were answered under, from its text in the store."""
        with self._read() as conn:
            return self._checklist(conn, sha256)

    def record_decision(self, screening_id: int, decision: Decision) -> None:
        """The professional's decision; reasons are required when it differs from the
        suggestion."""
        if decision.differs and not decision.reasons.strip():
            raise InvalidInput("give your reasons when your decision differs from the suggestion")
        why = text_too_long("the reasons for the decision", decision.reasons)
        if why:
            raise InvalidInput(why)
        with self._write() as conn:
            s = screening_row(conn, screening_id)
            if s.status == "completed":
                raise ReadOnlyRecord(_READ_ONLY)
            known = {o.id for o in self._checklist(conn, s.checklist_sha256).outcomes}
            if decision.decision_outcome not in known or decision.suggested_outcome not in known:
                raise InvalidInput(f"outcomes must be among {', '.join(sorted(known))}")
            conn.execute(
                update(screenings)
                .where(screenings.c.id == screening_id)
                .values(
                    suggested_outcome=decision.suggested_outcome,
                    fired_rules=json.dumps(list(decision.fired_rules)),
                    decision_outcome=decision.decision_outcome,
                    decision_reasons=decision.reasons,
                    decided_by=self.user.id,
                    decided_at=time.time(),
                )
            )
            self._audit_row(conn, "decision", case_id=s.case_id, screening_id=screening_id)

    def complete_screening(self, screening_id: int, *, now: float | None = None) -> None:
        """Complete a screening (a decision must be recorded); it is read-only
        after. In the same transaction its plan's actions become the case's
        tasks, due from the case's first contact (:func:`.tasks.insert_plan_tasks`)."""
        with self._write() as conn:
            s = screening_row(conn, screening_id)
            if s.status == "completed":
                raise ReadOnlyRecord("this screening is already completed")
            if s.decision_outcome is None:
                raise InvalidInput("record the professional's decision before completing")
            now = time.time() if now is None else now
            # The documents its referral prints, kept with it while it is still a draft
            # (the triggers refuse them once it is completed): a reprint is the same.
            docs = self._documents_in_use(conn, s.checklist_sha256)
            pinned_mod.pin(conn, screening_id, s.case_id, now, docs)
            conn.execute(
                update(screenings)
                .where(screenings.c.id == screening_id)
                .values(status="completed", completed_at=now)
            )
            _touch_case(conn, s.case_id, now)
            # Its exploitation forms, kept for the statistics (its answers are final now).
            fill_screening_stats(conn, screening_id)
            made = insert_plan_tasks(
                conn,
                case_id=s.case_id,
                screening_id=screening_id,
                checklist=self._checklist(conn, s.checklist_sha256),
                outcome_id=s.decision_outcome,
                documents=docs,
                user_id=self.user.id,
                now=now,
            )
            # What was completed (decision, every answer with its context, the
            # pinned documents) is hashed into the completion's audit row.
            self._audit_row(
                conn,
                audit_mod.COMPLETED,
                case_id=s.case_id,
                screening_id=screening_id,
                content=content_mod.screening_hash(conn, screening_id),
            )
            for tid in made:
                self._audit_record(
                    conn, "task-added", case_id=s.case_id, object_id=tid, screening_id=screening_id
                )

    def amend_screening(self, screening_id: int) -> int:
        """A new draft linked to a completed screening, starting from its answers."""
        with self._write() as conn:
            s = screening_row(conn, screening_id)
            if s.status != "completed":
                raise InvalidInput("only a completed screening can be amended")
            if conn.execute(
                select(screenings.c.id).where(screenings.c.amends_id == screening_id)
            ).first():
                raise InvalidInput("this screening has been amended already; amend the newest one")
            sid = conn.execute(
                insert(screenings).values(
                    case_id=s.case_id,
                    checklist_id=s.checklist_id,
                    checklist_version=s.checklist_version,
                    checklist_sha256=s.checklist_sha256,
                    status="draft",
                    started_at=time.time(),
                    started_by=self.user.id,
                    amends_id=screening_id,
                    position=s.position,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            latest: dict[str, Any] = {}
            for r in conn.execute(
                select(answers).where(answers.c.screening_id == screening_id).order_by(answers.c.id)
            ):
                latest[r.item_id] = r
            if latest:
                conn.execute(
                    _INSERT_ANSWER,
                    [
                        {"screening_id": sid, **{k: getattr(r, k) for k in ANSWER_COLUMNS}}
                        for r in latest.values()
                    ],
                )
            _touch_case(conn, s.case_id, time.time())
            self._audit_row(
                conn,
                "screening-amended",
                case_id=s.case_id,
                screening_id=sid,
                object_id=screening_id,
            )
        return int(sid)

    def iter_stats(self, since: float, until: float) -> Iterator[StatRow]:
        """Completed screenings in [since, until), newest decision per screening,
        as anonymous rows (no names, references or free text) with the items
        answered yes; :mod:`idcheck.report.stats` classifies them. A screening
        whose amendment is completed is left out: the amendment stands for it.
        Administrators only."""
        self._require_admin("see the statistics")
        later = screenings.alias("later")
        superseded = (
            select(later.c.id)
            .where(later.c.amends_id == screenings.c.id, later.c.status == "completed")
            .exists()
        )
        in_period = (
            screenings.c.status == "completed",
            screenings.c.completed_at >= since,
            screenings.c.completed_at < until,
        )
        q = (
            select(
                screenings.c.completed_at,
                screenings.c.checklist_sha256,
                screenings.c.checklist_id,
                screenings.c.id,
                func.coalesce(screenings.c.decision_outcome, screenings.c.suggested_outcome).label(
                    "outcome"
                ),
                cases.c.gender,
                cases.c.claimed_age,
                cases.c.assessed_age,
                cases.c.age_disputed,
                cases.c.nationality,
                cases.c.identified_by,
            )
            .join(cases, cases.c.id == screenings.c.case_id)
            .where(*in_period, ~superseded)
            .order_by(screenings.c.id)
        )
        with self._read() as conn:
            given = conn.execute(
                select(answers.c.screening_id, answers.c.item_id, answers.c.value)
                .join(screenings, screenings.c.id == answers.c.screening_id)
                .where(*in_period)
                .order_by(answers.c.id)
            ).all()
            latest: dict[int, dict[str, str | None]] = {}
            for a in given:
                latest.setdefault(a.screening_id, {})[a.item_id] = a.value
            for r in conn.execute(q):
                yes = (i for i, value in latest.get(r.id, {}).items() if value == '"yes"')
                yield StatRow(
                    r.completed_at,
                    r.gender,
                    r.claimed_age,
                    r.assessed_age,
                    bool(r.age_disputed),
                    r.nationality,
                    r.identified_by,
                    r.checklist_id,
                    r.outcome,
                    checklist_sha256=r.checklist_sha256,
                    yes_items=tuple(yes),
                )

    def _documents_in_use(self, conn: Connection, sha256: str) -> dict[str, str]:
        """The routes files' texts (those the checklist names, as installed), the
        contacts and the site profile in use now, as JSON columns of
        ``pinned_documents``."""
        routes = []
        for ref in self._checklist(conn, sha256).routes:
            try:
                entry = find(ref)
                text = entry.path.read_bytes()
            except (KeyError, OSError):
                continue  # the referral says which routes it could not find
            routes.append({"id": entry.id, "version": entry.version, "text": text.decode("utf-8")})
        return {
            "routes": json.dumps(routes, ensure_ascii=False),
            "contacts": json.dumps(contact_rows(conn), ensure_ascii=False),
            "site": json.dumps(site_profile_in(conn).as_dict(), ensure_ascii=False, sort_keys=True),
        }


def screening_row(conn: Connection, screening_id: int) -> Any:
    """A screening's row, or InvalidInput."""
    r = conn.execute(select(screenings).where(screenings.c.id == screening_id)).first()
    if r is None:
        raise InvalidInput(f"no screening with id {screening_id}")
    return r


def answer_values(
    item_id: str, answer: Answer, context: AnswerContext, user_id: int, at: float
) -> dict[str, Any]:
    """An answer's columns (:data:`ANSWER_COLUMNS`) as they are stored."""
    return {
        "item_id": item_id,
        "status": answer.status,
        "value": None if answer.value is None else json.dumps(answer.value, ensure_ascii=False),
        **{k: getattr(context, k) for k in CONTEXT_COLUMNS},
        "answered_by": user_id,
        "answered_at": at,
    }


def _stored_answer(r: Any) -> StoredAnswer:
    return StoredAnswer(
        id=r.id,
        item_id=r.item_id,
        answer=Answer(status=r.status, value=None if r.value is None else json.loads(r.value)),
        context=AnswerContext(**{k: getattr(r, k) for k in CONTEXT_COLUMNS}),
        answered_by=r.answered_by,
        answered_at=r.answered_at,
    )


def check_context(item_id: str, context: AnswerContext) -> None:
    """InvalidInput for an answer's free text over the limit (the child's words, the
    worker's note)."""
    for what, text in (
        (f"the child's words for {item_id}", context.child_words),
        (f"the worker's note for {item_id}", context.worker_note),
    ):
        why = text_too_long(what, text)
        if why:
            raise InvalidInput(why)


def _touch_case(conn: Connection, case_id: int, now: float) -> None:
    """The case was worked on (a screening started, completed or amended): it
    comes first in the case list, newest first, and its Updated says when."""
    conn.execute(update(cases).where(cases.c.id == case_id).values(updated_at=now))
