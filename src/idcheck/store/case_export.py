"""Every case as a case-data export reads it (the HTCDS export), in a few queries
for the whole store instead of several per case.

:meth:`CaseExport.cases_for_export` returns each case with its details, its
standing screenings (completed, and not amended by a completed amendment; oldest
first) with their latest answers and the professional's decision, and its
referrals. Administrators only: it reads the whole store. It writes no audit row;
the caller audits the export once written. No answer's context (the child's words,
notes, interpreters) and no decision's reasons are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, true

from idcheck.checklist import Answer
from idcheck.store.cases import _details
from idcheck.store.core import StoreCore
from idcheck.store.errors import InvalidInput
from idcheck.store.followup_records import Referral
from idcheck.store.records import Adult, Case
from idcheck.store.referrals import _referrals
from idcheck.store.schema import adults, answers, cases, referral_records, screenings


@dataclass(frozen=True, slots=True)
class StandingScreening:
    """A completed screening that stands, as an export reads it."""

    id: int
    checklist_id: str
    checklist_sha256: str
    completed_at: float
    #: The professional's decision (None when none was recorded).
    decision_outcome: str | None
    decided_at: float | None
    #: The latest answer per item.
    answers: dict[str, Answer] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CaseForExport:
    case: Case
    screenings: tuple[StandingScreening, ...] = ()
    referrals: tuple[Referral, ...] = ()


class CaseExport(StoreCore):
    """Reading every case (or one) for a case-data export."""

    def cases_for_export(self, reference: str | None = None) -> list[CaseForExport]:
        """Every case, by id (or the one with ``reference``: InvalidInput when there
        is none), with its standing screenings and referrals. Administrators only."""
        self._require_admin("export cases")
        with self._read() as conn:
            where: Any = true()
            if reference is not None:
                ref = reference.strip()
                cid = conn.execute(select(cases.c.id).where(cases.c.reference == ref)).scalar()
                if cid is None:
                    raise InvalidInput(f"no case with reference {ref!r}")
                where = cases.c.id == cid
            rows = conn.execute(select(cases).where(where).order_by(cases.c.id)).all()
            ids = [r.id for r in rows]
            with_adults: dict[int, list[Adult]] = {i: [] for i in ids}
            for a in conn.execute(
                select(adults.c.case_id, adults.c.description, adults.c.stated_relation)
                .where(adults.c.case_id.in_(ids) if reference is not None else true())
                .order_by(adults.c.id)
            ):
                with_adults.setdefault(a.case_id, []).append(
                    Adult(a.description, a.stated_relation)
                )
            standing = self._standing(conn, ids if reference is not None else None)
            refs: dict[int, list[Referral]] = {}
            for r in _referrals(
                conn,
                referral_records.c.case_id.in_(ids) if reference is not None else true(),
            ):
                refs.setdefault(r.case_id, []).append(r)
        return [
            CaseForExport(
                Case(
                    r.id,
                    _details(r, tuple(with_adults.get(r.id, ()))),
                    r.status,
                    r.created_at,
                    r.updated_at,
                    r.closed_at,
                    r.first_contact_at,
                ),
                tuple(standing.get(r.id, ())),
                tuple(refs.get(r.id, ())),
            )
            for r in rows
        ]

    def _standing(
        self, conn: Any, case_ids: Iterable[int] | None
    ) -> dict[int, list[StandingScreening]]:
        later = screenings.alias("later")
        superseded = (
            select(later.c.id)
            .where(later.c.amends_id == screenings.c.id, later.c.status == "completed")
            .exists()
        )
        conditions = [screenings.c.status == "completed", ~superseded]
        if case_ids is not None:
            conditions.append(screenings.c.case_id.in_(list(case_ids)))
        rows = conn.execute(
            select(
                screenings.c.id,
                screenings.c.case_id,
                screenings.c.checklist_id,
                screenings.c.checklist_sha256,
                screenings.c.completed_at,
                screenings.c.decision_outcome,
                screenings.c.decided_at,
            )
            .where(*conditions)
            .order_by(screenings.c.completed_at, screenings.c.id)
        ).all()
        given: dict[int, dict[str, Answer]] = {r.id: {} for r in rows}
        if given:
            for a in conn.execute(
                select(answers.c.screening_id, answers.c.item_id, answers.c.status, answers.c.value)
                .join(screenings, screenings.c.id == answers.c.screening_id)
                .where(*conditions)
                .order_by(answers.c.id)
            ):
                value = None if a.value is None else json.loads(a.value)
                given[a.screening_id][a.item_id] = Answer(status=a.status, value=value)
        out: dict[int, list[StandingScreening]] = {}
        for r in rows:
            out.setdefault(r.case_id, []).append(
                StandingScreening(
                    r.id,
                    r.checklist_id,
                    r.checklist_sha256,
                    r.completed_at,
                    r.decision_outcome,
                    r.decided_at,
                    given[r.id],
                )
            )
        return out
