"""A case as it leaves the store: read inside one transaction into the package
body's records (:mod:`.exchange_model`), with global ids for the case, its
screenings and its answers, authors by name and site, and the checklist texts.

Screenings and answers made here have no stored global id: theirs is derived
from the store's global id and their own (:func:`derived_uid`), so it never
changes and needs no write. Those received keep the id they came with.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, func, select

from idcheck.store.exchange_model import (
    Author,
    PackageAdult,
    PackageAnswer,
    PackageBody,
    PackageCase,
    PackageDetails,
    PackagePinned,
    PackageScreening,
    details_hash,
)
from idcheck.store.records import Adult, CaseDetails
from idcheck.store.schema import (
    adults,
    answers,
    case_versions,
    cases,
    checklist_texts,
    pinned_documents,
    pinned_texts,
    screenings,
    users,
)

#: The namespace of derived global ids (a fixed, random UUID).
_NAMESPACE = uuid.UUID("6f1d3c0e-8a47-4c51-9d8e-2b6a5e0f7c13")


def derived_uid(store_uid: str, kind: str, local_id: int) -> str:
    """The global id of a screening or answer made in this store."""
    return str(uuid.uuid5(_NAMESPACE, f"{store_uid}/{kind}/{local_id}"))


def variant_uid(uid: str, side: str) -> str:
    """The global id a draft takes when another version of it is kept beside it."""
    return str(uuid.uuid5(_NAMESPACE, f"{uid}/variant/{side}"))


def screening_uid(store_uid: str, row: Any) -> str:
    return str(row.uid) if row.uid else derived_uid(store_uid, "screening", int(row.id))


def answer_uid(store_uid: str, row: Any) -> str:
    return str(row.uid) if row.uid else derived_uid(store_uid, "answer", int(row.id))


class Authors:
    """User ids as package authors: a local account by its name and this site's
    fingerprint, an account of another site as it came."""

    def __init__(self, conn: Connection, own_site: str) -> None:
        self._by_id = {
            int(r.id): Author(name=r.origin_name or r.username, site=r.origin or own_site)
            for r in conn.execute(
                select(users.c.id, users.c.username, users.c.origin, users.c.origin_name)
            )
        }

    def __call__(self, user_id: int) -> Author:
        return self._by_id[int(user_id)]


def case_details(conn: Connection, row: Any) -> PackageDetails:
    ads = tuple(
        PackageAdult(description=a.description, stated_relation=a.stated_relation)
        for a in conn.execute(
            select(adults).where(adults.c.case_id == row.id).order_by(adults.c.id)
        )
    )
    return PackageDetails(
        reference=row.reference,
        given_name=row.given_name,
        family_name=row.family_name,
        claimed_dob=row.claimed_dob,
        claimed_age=row.claimed_age,
        assessed_age=row.assessed_age,
        age_disputed=bool(row.age_disputed),
        nationality=row.nationality,
        languages=row.languages,
        gender=row.gender,
        identified_by=row.identified_by,
        adults=ads,
        notes=row.notes,
        status=row.status,
        closed_at=row.closed_at,
    )


def known_hashes(conn: Connection, case_id: int) -> list[str]:
    """The versions of a case's details this store has had in exchanges, oldest first."""
    seen: list[str] = []
    for (h,) in conn.execute(
        select(case_versions.c.hash)
        .where(case_versions.c.case_id == case_id)
        .order_by(case_versions.c.id)
    ):
        if h not in seen:
            seen.append(h)
    return seen


def _answer(store_uid: str, r: Any, author: Authors) -> PackageAnswer:
    return PackageAnswer(
        uid=answer_uid(store_uid, r),
        item_id=r.item_id,
        status=r.status,
        value=r.value,
        source=r.source,
        worker_note=r.worker_note,
        child_words=r.child_words,
        language=r.language,
        interpreter_present=None if r.interpreter_present is None else bool(r.interpreter_present),
        interpreter=r.interpreter,
        read_back=None if r.read_back is None else bool(r.read_back),
        answered_by=author(r.answered_by),
        answered_at=float(r.answered_at),
    )


def _screening(
    conn: Connection,
    store_uid: str,
    s: Any,
    uids: dict[int, str],
    author: Authors,
    texts: dict[str, str],
) -> PackageScreening:
    rows = conn.execute(
        select(answers).where(answers.c.screening_id == s.id).order_by(answers.c.id)
    ).all()
    p, t = pinned_documents, pinned_texts
    pin = conn.execute(
        select(
            func.coalesce(t.c.text, p.c.routes).label("routes"),
            p.c.contacts,
            p.c.site,
            p.c.pinned_at,
        )
        .select_from(p.outerjoin(t, t.c.sha256 == p.c.routes_sha256))
        .where(p.c.screening_id == s.id)
    ).first()
    return PackageScreening(
        uid=uids[s.id],
        amends=uids.get(s.amends_id) if s.amends_id is not None else None,
        checklist_id=s.checklist_id,
        checklist_version=s.checklist_version,
        checklist_sha256=s.checklist_sha256,
        status=s.status,
        started_at=float(s.started_at),
        started_by=author(s.started_by),
        completed_at=s.completed_at,
        position=s.position,
        suggested_outcome=s.suggested_outcome,
        fired_rules=s.fired_rules,
        decision_outcome=s.decision_outcome,
        decision_reasons=s.decision_reasons,
        decided_by=None if s.decided_by is None else author(s.decided_by),
        decided_at=s.decided_at,
        pinned=None if pin is None else _pinned(pin, texts),
        answers=tuple(_answer(store_uid, r, author) for r in rows),
    )


def _pinned(pin: Any, texts: dict[str, str]) -> PackagePinned:
    sha = hashlib.sha256(str(pin.routes).encode("utf-8")).hexdigest()
    texts[sha] = str(pin.routes)
    return PackagePinned(
        routes_sha256=sha, contacts=pin.contacts, site=pin.site, pinned_at=pin.pinned_at
    )


def package_body(
    conn: Connection, case_ids: Iterable[int], store_uid: str, own_site: str
) -> PackageBody:
    """The cases (by local id) with everything recorded about them."""
    from idcheck.store.exchange_followup import followup_out  # it builds on this module

    author = Authors(conn, own_site)
    out: list[PackageCase] = []
    texts: dict[str, bytes] = {}
    pinned_texts: dict[str, str] = {}
    for case_id in case_ids:
        row = conn.execute(select(cases).where(cases.c.id == case_id)).one()
        details = case_details(conn, row)
        current = details_hash(details)
        history = [h for h in known_hashes(conn, case_id) if h != current]
        srows = conn.execute(
            select(screenings).where(screenings.c.case_id == case_id).order_by(screenings.c.id)
        ).all()
        uids = {int(s.id): screening_uid(store_uid, s) for s in srows}
        scr = tuple(_screening(conn, store_uid, s, uids, author, pinned_texts) for s in srows)
        for s in srows:
            if s.checklist_sha256 not in texts:
                texts[s.checklist_sha256] = bytes(
                    conn.execute(
                        select(checklist_texts.c.text).where(
                            checklist_texts.c.sha256 == s.checklist_sha256
                        )
                    ).scalar_one()
                )
        out.append(
            PackageCase(
                uid=row.uid,
                created_at=float(row.created_at),
                first_contact_at=float(row.first_contact_at),
                created_by=author(row.created_by),
                details=details,
                details_hash=current,
                history=(*history, current),
                screenings=scr,
                followup=followup_out(conn, case_id, store_uid, author, uids),
            )
        )
    return PackageBody(cases=tuple(out), checklists=texts, pinned_texts=pinned_texts)


def to_case_details(d: PackageDetails, reference: str) -> CaseDetails:
    """A case's details as the store takes them, under ``reference``."""
    return CaseDetails(
        reference=reference,
        given_name=d.given_name,
        family_name=d.family_name,
        claimed_dob=d.claimed_dob,
        claimed_age=d.claimed_age,
        assessed_age=d.assessed_age,
        age_disputed=d.age_disputed,
        nationality=d.nationality,
        languages=d.languages,
        gender=d.gender,
        identified_by=d.identified_by,
        adults=tuple(Adult(a.description, a.stated_relation) for a in d.adults),
        notes=d.notes,
    )
