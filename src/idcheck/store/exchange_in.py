"""A package's cases merged into the store, inside the caller's one transaction.

The rules (``docs/sharing.md`` says them for people):

- A case is matched by its global id. A case new here is added (under its
  reference, or the reference with the sender's name when that one is in use).
- A case's details: the sender's version is taken when this store's version is
  among those the sender has had (nothing changed here since); nothing is done
  when the sender's version is one this store has had; otherwise both sides
  changed them: this store's stay, and the sender's are kept beside them and
  shown (``case_versions``, ``conflict``).
- Screenings and answers are matched by their global ids and only ever added.
  A draft takes the answers it lacks; a draft completed on the other side is
  completed here when it holds nothing the other side lacks; otherwise the two
  are kept as two screenings. A completed screening is never changed.
- Nothing already here is changed by a package that brings nothing new, so
  importing the same cases twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from idcheck.checklist import Answer, Checklist, validate_answer
from idcheck.store import audit as audit_mod
from idcheck.store import content as content_mod
from idcheck.store import pinned as pinned_mod
from idcheck.store.cases import _case_values, check_case
from idcheck.store.errors import InvalidInput, StoreCorrupt
from idcheck.store.exchange_followup import FollowupMerge
from idcheck.store.exchange_model import (
    Author,
    PackageBody,
    PackageCase,
    PackageDetails,
    PackageScreening,
    details_hash,
)
from idcheck.store.exchange_out import (
    answer_uid,
    case_details,
    known_hashes,
    screening_uid,
    to_case_details,
    variant_uid,
)
from idcheck.store.schema import (
    adults,
    answers,
    case_versions,
    cases,
    checklist_texts,
    screenings,
    users,
)
from idcheck.store.statistics import fill_screening_stats

#: ``audit(conn, action, content, **ids)``: the store's one way to append a row.
AuditFn = Callable[..., None]


@dataclass
class MergeReport:
    """What an import changed, by case reference."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    #: Both sides changed the case's details: both versions are kept.
    both_kept: list[str] = field(default_factory=list)
    #: A reference in use here: the case was added under another (old, new).
    renamed: list[tuple[str, str]] = field(default_factory=list)
    screenings: int = 0
    completed: int = 0
    #: Drafts kept as two screenings (both sides answered them differently).
    variants: int = 0
    answers: int = 0
    #: Follow-up records added or brought up to date (tasks, referrals and their
    #: states, plan versions, missing episodes, notes).
    followup: int = 0
    #: Cases here already given screenings, answers or follow-up records, and not
    #: named above (their details unchanged).
    brought_up_to_date: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.both_kept or self.screenings) or bool(
            self.completed or self.variants or self.answers or self.followup
        )


@dataclass(frozen=True, slots=True)
class Sender:
    name: str
    fingerprint: str


class Merger:
    """One package merged in ``conn``'s transaction."""

    def __init__(
        self,
        conn: Connection,
        *,
        audit: AuditFn,
        checklist: Callable[[Connection, str], Checklist],
        store_uid: str,
        own_site: str,
        sender: Sender,
        transfer_id: int,
        now: float | None = None,
    ) -> None:
        self.conn = conn
        self.audit = audit
        self.checklist = checklist
        self.store_uid = store_uid
        self.own_site = own_site
        self.sender = sender
        self.transfer_id = transfer_id
        self.now = time.time() if now is None else now
        self.report = MergeReport()
        self.pinned_texts: dict[str, str] = {}
        self._users: dict[tuple[str, str], int] = {}

    # ------------------------------------------------------------------ cases

    def run(self, body: PackageBody) -> MergeReport:
        self._checklist_texts(body)
        for pc in body.cases:
            self._case(pc)
        return self.report

    def _checklist_texts(self, body: PackageBody) -> None:
        for sha, routes in body.pinned_texts.items():
            if hashlib.sha256(routes.encode("utf-8")).hexdigest() != sha:
                raise InvalidInput(f"the pinned routes text {sha[:12]} does not match its SHA-256")
        self.pinned_texts = body.pinned_texts
        have = set(self.conn.execute(select(checklist_texts.c.sha256)).scalars())
        for sha, text in body.checklists.items():
            if hashlib.sha256(text).hexdigest() != sha:
                raise InvalidInput(f"the checklist text {sha[:12]} does not match its SHA-256")
            if sha not in have:
                self.conn.execute(insert(checklist_texts).values(sha256=sha, text=text))
                have.add(sha)
            try:
                self.checklist(self.conn, sha)
            except StoreCorrupt as e:
                raise InvalidInput(f"a checklist in the package does not load: {e}") from None
        for pc in body.cases:
            for ps in pc.screenings:
                if ps.checklist_sha256 not in have:
                    raise InvalidInput(
                        f"the package lacks the checklist text {ps.checklist_sha256[:12]}"
                    )

    def _case(self, pc: PackageCase) -> None:
        if details_hash(pc.details) != pc.details_hash:
            raise InvalidInput(f"case {pc.details.reference}: its details do not match their hash")
        row = self.conn.execute(select(cases).where(cases.c.uid == pc.uid)).first()
        if row is None:
            case_id, ref = self._new_case(pc), pc.details.reference
            self.report.added.append(ref)
            touched = True
        else:
            case_id, ref = int(row.id), str(row.reference)
            touched = self._details(case_id, ref, row, pc)
        before = (self.report.screenings, self.report.answers, self.report.completed)
        local = self._screenings(case_id, pc)
        followup = FollowupMerge(
            self.conn,
            case_id,
            self.store_uid,
            self._user,
            {uid: int(r.id) for uid, r in local.items()},
            self.audit,
        ).run(pc.followup)
        self.report.followup += followup
        if followup or (
            (self.report.screenings, self.report.answers, self.report.completed) != before
        ):
            touched = True
            self.conn.execute(
                update(cases).where(cases.c.id == case_id).values(updated_at=self.now)
            )
            named = (*self.report.added, *self.report.updated, *self.report.both_kept)
            if ref not in named:
                self.report.brought_up_to_date.append(ref)
        if touched:
            self.audit(self.conn, "case-imported", case_id=case_id, object_id=self.transfer_id)

    def _new_case(self, pc: PackageCase) -> int:
        d = pc.details
        ref = d.reference
        taken = self.conn.execute(select(cases.c.id).where(cases.c.reference == ref)).first()
        if taken is not None:
            base = f"{ref} ({self.sender.name or self.sender.fingerprint})"
            ref, n = base, 2
            while self.conn.execute(select(cases.c.id).where(cases.c.reference == ref)).first():
                ref, n = f"{base} {n}", n + 1
            self.report.renamed.append((d.reference, ref))
        details = to_case_details(d, ref)
        check_case(details)
        case_id = self.conn.execute(
            insert(cases).values(
                **_case_values(details),
                status=d.status,
                closed_at=d.closed_at,
                created_at=pc.created_at,
                first_contact_at=pc.created_at
                if pc.first_contact_at is None
                else pc.first_contact_at,
                updated_at=self.now,
                created_by=self._user(pc.created_by),
                uid=pc.uid,
                origin=self._origin(),
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        self._adults(int(case_id), d)
        self._version(int(case_id), pc.details_hash, None, conflict=False)
        return int(case_id)

    def _details(self, case_id: int, ref: str, row: Any, pc: PackageCase) -> bool:
        """Apply the sender's details (see the module's rules); True when changed."""
        local = details_hash(case_details(self.conn, row))
        seen = set(known_hashes(self.conn, case_id)) | {local}
        theirs = pc.details_hash
        if theirs in seen:
            return False
        if local in pc.history:
            details = to_case_details(pc.details, ref)
            check_case(details)
            values = _case_values(details)
            values.pop("reference")
            self.conn.execute(
                update(cases)
                .where(cases.c.id == case_id)
                .values(
                    **values,
                    status=pc.details.status,
                    closed_at=pc.details.closed_at,
                    updated_at=self.now,
                )
            )
            self.conn.execute(delete(adults).where(adults.c.case_id == case_id))
            self._adults(case_id, pc.details)
            self._version(case_id, local, None, conflict=False)
            self._version(case_id, theirs, None, conflict=False)
            self.report.updated.append(ref)
        else:
            self._version(case_id, local, None, conflict=False)
            self._version(case_id, theirs, pc.details.model_dump_json(), conflict=True)
            self.report.both_kept.append(ref)
        return True

    def _version(self, case_id: int, h: str, details: str | None, *, conflict: bool) -> None:
        self.conn.execute(
            insert(case_versions).values(
                case_id=case_id,
                hash=h,
                details=details,
                origin=self._origin() if details is not None else None,
                at=self.now,
                conflict=conflict,
            )
        )

    def _adults(self, case_id: int, d: PackageDetails) -> None:
        for a in d.adults:
            self.conn.execute(
                insert(adults).values(
                    case_id=case_id, description=a.description, stated_relation=a.stated_relation
                )
            )

    def _origin(self) -> str:
        name = self.sender.name or "another site"
        return f"{name} · {self.sender.fingerprint}"

    def _user(self, who: Author) -> int:
        """The local id of an author: this site's own account, or an account of
        another site (added, disabled, with no key slot)."""
        key = (who.site, who.name)
        if key in self._users:
            return self._users[key]
        if who.site == self.own_site:
            found = self.conn.execute(
                select(users.c.id).where(users.c.username == who.name, users.c.origin.is_(None))
            ).scalar()
        else:
            found = self.conn.execute(
                select(users.c.id).where(
                    users.c.origin == who.site, users.c.origin_name == who.name
                )
            ).scalar()
        if found is None:
            label = self.sender.name if who.site == self.sender.fingerprint else who.site
            username = f"{who.name} ({label or who.site})"
            if self.conn.execute(select(users.c.id).where(users.c.username == username)).first():
                username = f"{who.name} ({who.site})"
            found = self.conn.execute(
                insert(users).values(
                    username=username,
                    role="worker",
                    disabled=True,
                    created_at=self.now,
                    origin=who.site,
                    origin_name=who.name,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        self._users[key] = int(found)
        return int(found)

    # ------------------------------------------------------------- screenings

    def _screenings(self, case_id: int, pc: PackageCase) -> dict[str, Any]:
        local = {
            screening_uid(self.store_uid, r): r
            for r in self.conn.execute(select(screenings).where(screenings.c.case_id == case_id))
        }
        for ps in pc.screenings:
            mine = local.get(ps.uid)
            sid: int | None
            if mine is None:
                sid = self._insert_screening(case_id, ps, ps.uid, local)
            elif mine.status == "completed":
                sid = self._after_completed(case_id, ps, int(mine.id), local)
            else:
                sid = self._into_draft(case_id, ps, mine, local)
            if sid is not None:
                local[ps.uid] = self._row(sid)
        return local

    def _row(self, sid: int) -> Any:
        return self.conn.execute(select(screenings).where(screenings.c.id == sid)).one()

    def _answer_uids(self, sid: int) -> set[str]:
        return {
            answer_uid(self.store_uid, r)
            for r in self.conn.execute(
                select(answers.c.id, answers.c.uid).where(answers.c.screening_id == sid)
            )
        }

    def _insert_screening(
        self, case_id: int, ps: PackageScreening, uid: str, local: dict[str, Any]
    ) -> int:
        amends = None
        if ps.amends is not None:
            target = local.get(ps.amends)
            if target is None:
                raise InvalidInput("a screening amends one that is not in the package")
            amends = int(target.id)
        sid = int(
            self.conn.execute(
                insert(screenings).values(
                    case_id=case_id,
                    checklist_id=ps.checklist_id,
                    checklist_version=ps.checklist_version,
                    checklist_sha256=ps.checklist_sha256,
                    status="draft",
                    started_at=ps.started_at,
                    started_by=self._user(ps.started_by),
                    position=ps.position,
                    amends_id=amends,
                    uid=uid,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        )
        self.report.screenings += 1
        self._add_answers(sid, ps, set())
        self._decide(sid, ps)
        self.audit(self.conn, "screening-imported", case_id=case_id, screening_id=sid)
        if ps.status == "completed":
            self._complete(case_id, sid, ps)
        return sid

    def _after_completed(
        self, case_id: int, ps: PackageScreening, sid: int, local: dict[str, Any]
    ) -> int | None:
        """A screening completed here: the sender's draft of it is kept as its own
        draft only when it holds answers this one lacks."""
        if ps.status == "completed":
            return None
        mine = self._answer_uids(sid)
        if all(a.uid in mine for a in ps.answers):
            return None
        uid = variant_uid(ps.uid, self.sender.fingerprint)
        row = self.conn.execute(select(screenings).where(screenings.c.uid == uid)).first()
        if row is None:
            self.report.variants += 1
            self._insert_screening(case_id, ps, uid, local)
        else:
            self._into_draft(case_id, ps, row, local)
        return None

    def _into_draft(
        self, case_id: int, ps: PackageScreening, mine: Any, local: dict[str, Any]
    ) -> int | None:
        sid = int(mine.id)
        have = self._answer_uids(sid)
        if ps.status == "completed" and not have <= {a.uid for a in ps.answers}:
            # Answered here too since: this draft keeps what it holds under another
            # id, and the sender's completed screening comes in beside it.
            self.conn.execute(
                update(screenings)
                .where(screenings.c.id == sid)
                .values(uid=variant_uid(ps.uid, self.store_uid))
            )
            self.report.variants += 1
            return self._insert_screening(case_id, ps, ps.uid, local)
        self._add_answers(sid, ps, have)
        if ps.status == "completed" or mine.decision_outcome is None:
            self._decide(sid, ps)  # a completed screening's decision is the one it holds
        if ps.status == "completed":
            self._complete(case_id, sid, ps)
        return sid

    def _add_answers(self, sid: int, ps: PackageScreening, have: set[str]) -> None:
        checklist = self.checklist(self.conn, ps.checklist_sha256)
        rows = []
        for a in ps.answers:
            if a.uid in have:
                continue
            try:
                item = checklist.item(a.item_id)
                value = None if a.value is None else json.loads(a.value)
                why = validate_answer(item, Answer(status=a.status, value=value))
            except (KeyError, ValueError):
                why = "not an answer this checklist takes"
            if why:
                raise InvalidInput(f"an answer to {a.item_id!r} in the package: {why}")
            rows.append(
                {
                    **a.model_dump(exclude={"answered_by"}),
                    "screening_id": sid,
                    "answered_by": self._user(a.answered_by),
                }
            )
        if rows:
            self.conn.execute(insert(answers), rows)
            self.report.answers += len(rows)

    def _decide(self, sid: int, ps: PackageScreening) -> None:
        if ps.decision_outcome is None:
            return
        known = {o.id for o in self.checklist(self.conn, ps.checklist_sha256).outcomes}
        if ps.decision_outcome not in known or (ps.suggested_outcome or "") not in known | {""}:
            raise InvalidInput("a decision in the package names an outcome its checklist lacks")
        self.conn.execute(
            update(screenings)
            .where(screenings.c.id == sid)
            .values(
                suggested_outcome=ps.suggested_outcome,
                fired_rules=ps.fired_rules,
                decision_outcome=ps.decision_outcome,
                decision_reasons=ps.decision_reasons,
                decided_by=None if ps.decided_by is None else self._user(ps.decided_by),
                decided_at=ps.decided_at,
            )
        )

    def _complete(self, case_id: int, sid: int, ps: PackageScreening) -> None:
        if ps.decision_outcome is None or ps.completed_at is None:
            raise InvalidInput("a completed screening in the package has no decision")
        if ps.pinned is not None:
            routes = self.pinned_texts.get(ps.pinned.routes_sha256)
            if routes is None:
                raise InvalidInput("the package lacks a pinned routes text")
            docs = {"routes": routes, "contacts": ps.pinned.contacts, "site": ps.pinned.site}
            pinned_mod.pin(self.conn, sid, case_id, ps.pinned.pinned_at, docs)
        self.conn.execute(
            update(screenings)
            .where(screenings.c.id == sid)
            .values(status="completed", completed_at=ps.completed_at, position=ps.position)
        )
        # What the statistics count of it, as a completion here writes it.
        fill_screening_stats(self.conn, sid)
        self.report.completed += 1
        # As a completion here: what it holds is hashed into its audit row.
        self.audit(
            self.conn,
            audit_mod.COMPLETED,
            content_mod.screening_hash(self.conn, sid),
            case_id=case_id,
            screening_id=sid,
            object_id=self.transfer_id,
        )
