"""Cases: the child's details, the list with its search and filters, closing."""

from __future__ import annotations

import json
import time
import unicodedata
import uuid
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    and_,
    delete,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    update,
)

from idcheck.store.case_list import (
    NO_FLAGS,
    follow_up_flags,
    last_outcome,
    ordered,
    page_of,
)
from idcheck.store.core import StoreCore
from idcheck.store.errors import InvalidInput
from idcheck.store.followup_records import check_text
from idcheck.store.records import (
    IDENTIFIED_BY,
    Adult,
    Case,
    CaseDetails,
    CaseRow,
    date_fault,
    text_too_long,
)
from idcheck.store.schema import (
    adults,
    answers,
    cases,
    checklist_texts,
    screenings,
)
from idcheck.store.sort_keys import name_key


def fold(text: str) -> str:
    """Search form of a name or reference: lower case, no accents, ø→o, æ→ae, å→a."""
    text = text.lower().replace("ø", "o").replace("æ", "ae").replace("ß", "ss").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class Cases(StoreCore):
    """Creating, changing, reading, listing and closing cases."""

    def create_case(self, details: CaseDetails) -> int:
        ref = details.reference.strip()
        if not ref:
            raise InvalidInput("a case needs a reference")
        check_case(details)
        now = time.time()
        with self._write() as conn:
            if conn.execute(select(cases.c.id).where(cases.c.reference == ref)).first():
                raise InvalidInput(f"a case with reference {ref!r} exists already")
            cid = conn.execute(
                insert(cases).values(
                    **_case_values(details),
                    created_at=now,
                    updated_at=now,
                    first_contact_at=now,
                    status="open",
                    created_by=self.user.id,
                    uid=str(uuid.uuid4()),  # the case's global id, for sharing it
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            _insert_adults(conn, cid, details.adults)
            self._audit_row(conn, "case-created", case_id=cid)
        return int(cid)

    def update_case(self, case_id: int, details: CaseDetails) -> None:
        check_case(details)
        with self._write() as conn:
            case_row(conn, case_id)
            conn.execute(
                update(cases)
                .where(cases.c.id == case_id)
                .values(**_case_values(details), updated_at=time.time())
            )
            conn.execute(delete(adults).where(adults.c.case_id == case_id))
            _insert_adults(conn, case_id, details.adults)
            self._audit_row(conn, "case-changed", case_id=case_id)

    def close_case(self, case_id: int) -> None:
        with self._write() as conn:
            case_row(conn, case_id)
            now = time.time()
            conn.execute(
                update(cases)
                .where(cases.c.id == case_id)
                .values(status="closed", closed_at=now, updated_at=now)
            )
            self._audit_row(conn, "case-closed", case_id=case_id)

    def get_case(self, case_id: int, *, audit: bool = True) -> Case:
        """One case with its details; audited as a view unless ``audit`` is False
        (a document built from it audits its own export instead)."""
        with self._write() as conn:
            r = case_row(conn, case_id)
            ads = tuple(
                Adult(a.description, a.stated_relation)
                for a in conn.execute(
                    select(adults).where(adults.c.case_id == case_id).order_by(adults.c.id)
                )
            )
            if audit:
                self._audit_row(conn, "case-viewed", case_id=case_id)
        return Case(
            r.id,
            _details(r, ads),
            r.status,
            r.created_at,
            r.updated_at,
            r.closed_at,
            r.first_contact_at,
        )

    def case_reference(self, case_id: int) -> str:
        """A case's reference only (no names, not audited): what a screen shows
        to say which case it is about."""
        with self._read() as conn:
            ref = conn.execute(select(cases.c.reference).where(cases.c.id == case_id)).scalar()
        if ref is None:
            raise InvalidInput(f"no case with id {case_id}")
        return str(ref)

    def case_by_reference(self, reference: str) -> int:
        """The id of the case with exactly this reference (not audited), or
        InvalidInput."""
        ref = reference.strip()
        with self._read() as conn:
            cid = conn.execute(select(cases.c.id).where(cases.c.reference == ref)).scalar()
        if cid is None:
            raise InvalidInput(f"no case with reference {ref!r}")
        return int(cid)

    def list_cases(
        self,
        search: str = "",
        status: str | None = None,
        outcome: str | None = None,
        since: float | None = None,
        until: float | None = None,
        limit: int | None = None,
        offset: int = 0,
        now: float | None = None,
        follow_up: bool = True,
        after: tuple[Any, int] | None = None,
        by: str = "updated",
        ascending: bool = False,
    ) -> list[CaseRow]:
        """Cases for the list, newest first; ``search`` matches reference or names
        (accents and ø/æ/å folded). Each row carries its follow-up flags at
        ``now``: open tasks overdue and due within 24 hours, the soonest due
        time, and whether the child is missing (an episode not ended); without
        ``follow_up`` they are left at their defaults (not read).

        ``after`` is the (updated_at, id) of the last row of the page before: the
        next page starts below it, read through ``ix_cases_updated`` (no
        OFFSET: a case changed meanwhile moves to the top, above the pages
        read, and is neither read twice nor makes another row read twice).
        ``by="reference"`` reads them by reference instead (``after`` is then the
        reference and id), through its unique index; ``"name"`` by the name's
        sort form (``CaseRow.name_key``), ``"status"`` by status, ``"origin"`` by
        where the case came from ('' for a case made here), each through its
        index, the newest first among equal values; ``ascending`` turns either
        order round."""
        now = time.time() if now is None else now
        flags = follow_up_flags(now) if follow_up else NO_FLAGS
        n_scr = (
            select(func.count())
            .where(screenings.c.case_id == cases.c.id)
            .correlate(cases)
            .scalar_subquery()
        )
        n_draft = (
            select(func.count())
            .where(screenings.c.case_id == cases.c.id, screenings.c.status == "draft")
            .correlate(cases)
            .scalar_subquery()
        )
        last = last_outcome()
        with self._read() as conn:
            q = select(
                cases.c.id,
                cases.c.reference,
                cases.c.given_name,
                cases.c.family_name,
                cases.c.status,
                cases.c.created_at,
                cases.c.updated_at,
                n_scr.label("n"),
                n_draft.label("d"),
                last.label("last"),
                self._draft_in_danger(conn).label("danger"),
                *(v.label(k) for k, v in flags.items()),
                cases.c.origin,
                cases.c.name_key,
            )
            # The page first (ids only, in the order of ix_cases_updated), then the
            # columns counted for its rows alone, not for every case before the LIMIT.
            page = select(cases.c.id).where(*_case_filters(conn, search, status, since, until, by))
            if outcome:
                page = page.where(last == outcome)
            if after is not None and limit is not None and not offset:
                page = page_of(page, by, ascending, after, limit)
            else:
                page = ordered(page, by, ascending, after).offset(offset)
                if limit is not None:
                    page = page.limit(limit)
            ids = page.subquery("page")
            q = ordered(q.join_from(cases, ids, ids.c.id == cases.c.id), by, ascending, None)
            return [
                CaseRow(
                    r.id,
                    r.reference,
                    r.given_name,
                    r.family_name,
                    r.status,
                    r.created_at,
                    r.updated_at,
                    r.n,
                    r.d,
                    r.last,
                    bool(r.danger),
                    r.overdue,
                    r.due_soon,
                    bool(r.missing),
                    r.next_due,
                    origin=r.origin,
                    name_key=r.name_key,
                )
                for r in conn.execute(q)
            ]

    def count_cases(
        self,
        search: str = "",
        status: str | None = None,
        since: float | None = None,
        until: float | None = None,
        outcome: str | None = None,
    ) -> int:
        """How many cases :meth:`list_cases` lists with these filters."""
        with self._read() as conn:
            folded = fold(search.strip())
            if len(folded) >= 3 and not (status or outcome) and since is until is None:
                return _hits(conn, folded)  # a search alone: the full-text index's count
            q = (
                select(func.count())
                .select_from(cases)
                .where(*_case_filters(conn, search, status, since, until))
            )
            if outcome:
                q = q.where(last_outcome() == outcome)
            return int(conn.execute(q).scalar_one())

    def _draft_in_danger(self, conn: Connection) -> Any:
        """SQL, correlated to ``cases``: true when a draft of the case holds, as
        the latest answer to an immediate-danger item, one of that item's danger
        answers. Built from the danger items of the (few) checklist texts in the
        store; the answers are read by SQL, only for the rows listed."""
        shas = tuple(sorted(conn.execute(select(checklist_texts.c.sha256)).scalars()))
        if shas not in _DANGER:  # built once for the (few) checklist texts stored
            if len(_DANGER) > 8:
                _DANGER.clear()
            _DANGER[shas] = self._danger_sql(conn, shas)
        return _DANGER[shas]

    def _danger_sql(self, conn: Connection, shas: tuple[str, ...]) -> Any:
        patterns: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        for sha in shas:
            checklist = self._checklist(conn, sha)
            for item_id in checklist.item_ids():
                spec = checklist.item(item_id).danger
                if spec is not None:
                    key = (item_id, tuple(sorted(spec.answers)))
                    patterns.setdefault(key, []).append(sha)
        if not patterns:
            return literal(False)
        s = screenings.alias("danger_s")
        a = answers.alias("danger_a")
        a2 = answers.alias("danger_a2")
        latest = (
            select(func.max(a2.c.id))
            .where(a2.c.screening_id == a.c.screening_id, a2.c.item_id == a.c.item_id)
            .scalar_subquery()
        )
        values = func.json_each(a.c.value).table_valued("value")
        hits = []
        for (item_id, options), with_it in patterns.items():
            hits.append(
                and_(
                    a.c.item_id == item_id,
                    s.c.checklist_sha256.in_(with_it),
                    or_(
                        a.c.status.in_(options),
                        # One option, stored as a JSON string: a plain comparison.
                        a.c.value.in_([json.dumps(o, ensure_ascii=False) for o in options]),
                        # Several (multiple choice), stored as a JSON list.
                        and_(
                            a.c.value.like("[%"),
                            exists(
                                select(1).select_from(values).where(values.c.value.in_(options))
                            ),
                        ),
                    ),
                )
            )
        return exists(
            select(1)
            .select_from(s.join(a, a.c.screening_id == s.c.id))
            .where(
                s.c.case_id == cases.c.id,
                s.c.status == "draft",
                # Lets the answers index find the danger items' rows directly.
                a.c.item_id.in_(sorted({item_id for item_id, _ in patterns})),
                or_(*hits),
                a.c.id == latest,
            )
        ).correlate(cases)


#: The danger mark's SQL by the checklist texts it covers (it depends on nothing else).
_DANGER: dict[tuple[str, ...], Any] = {}


def case_row(conn: Connection, case_id: int) -> Any:
    """A case's row, or InvalidInput."""
    r = conn.execute(select(cases).where(cases.c.id == case_id)).first()
    if r is None:
        raise InvalidInput(f"no case with id {case_id}")
    return r


def _insert_adults(conn: Connection, case_id: int, ads: tuple[Adult, ...]) -> None:
    for a in ads:
        conn.execute(
            insert(adults).values(
                case_id=case_id, description=a.description, stated_relation=a.stated_relation
            )
        )


def _case_filters(
    conn: Connection,
    search: str,
    status: str | None,
    since: float | None,
    until: float | None,
    by: str = "status",
) -> list[Any]:
    """The list's filters. The status is compared through its index only when
    the list is read in the order of status (``by``): in another order the
    planner would take that index for the status filter and sort every case
    of it, not read the order's index down to the page's end."""
    f: list[Any] = []
    if search.strip():
        f.append(_matching(conn, fold(search.strip())))
    if status:
        f.append((cases.c.status if by == "status" else cases.c.status.concat("")) == status)
    if since is not None:
        f.append(cases.c.created_at >= since)
    if until is not None:
        f.append(cases.c.created_at < until)
    return f


#: The cases whose folded reference and names hold a text of three letters or
#: more, from the full-text index (migration 0009; trigram tokens match any
#: substring): the same cases as ``search_key LIKE '%text%'``, without a scan.
_SEARCH = text("SELECT rowid FROM cases_search WHERE cases_search MATCH :phrase")
_HITS = text("SELECT count(*) FROM cases_search WHERE cases_search MATCH :phrase")
#: More hits than this: the list is read in its order, each row tested.
_MANY_HITS = 500


def _phrase(folded: str) -> str:
    """One FTS5 string: quoted, a quote doubled, nothing in it is syntax."""
    return '"' + folded.replace('"', '""') + '"'


def _hits(conn: Connection, folded: str) -> int:
    return int(conn.execute(_HITS.bindparams(phrase=_phrase(folded))).scalar_one())


def _matching(conn: Connection, folded: str) -> Any:
    """The filter for a search, already folded."""
    if len(folded) < 3:  # shorter than a trigram: the substring match itself
        return cases.c.search_key.contains(folded, autoescape=True)
    ids = _SEARCH.bindparams(phrase=_phrase(folded)).columns(rowid=Integer)
    if _hits(conn, folded) <= _MANY_HITS:  # each hit looked up, the few sorted
        return cases.c.id.in_(ids)
    # Many: ``id + 0`` makes the hits a set each row is tested against while the
    # list is read in the order of ix_cases_updated, stopping at the page's end,
    # not every hit looked up and sorted (1.7 ms against 52 ms for the first 100
    # of 4,939 hits at 100,000 cases; for one hit it would scan: 7.7 ms vs 1 ms).
    return (cases.c.id + 0).in_(ids)


def check_case(d: CaseDetails) -> None:
    """InvalidInput for a reference that is not one line of text (a line break
    pasted in would split it on every page and file name, and the command line
    could not find the case), a date of birth that is not a past date, or an
    unknown identifying agency."""
    check_text("the case reference", d.reference, one_line=True, required=True)
    fault = date_fault(d.claimed_dob) if d.claimed_dob else ""
    if fault == "no-such-day":
        raise InvalidInput(
            f"the date of birth {d.claimed_dob} does not exist; check the month and the day"
        )
    if fault == "form":
        raise InvalidInput(
            f"the date of birth {d.claimed_dob!r} is not a date; write it as YYYY-MM-DD"
        )
    if fault == "future":
        raise InvalidInput(f"the date of birth {d.claimed_dob} is in the future")
    if d.identified_by and d.identified_by not in IDENTIFIED_BY:
        raise InvalidInput(
            f"unknown identifying agency {d.identified_by!r}; one of: {', '.join(IDENTIFIED_BY)}"
        )
    why = text_too_long("the case's notes", d.notes)
    if why:
        raise InvalidInput(why)


def _case_values(d: CaseDetails) -> dict[str, Any]:
    names = " ".join(x for x in (d.reference, d.given_name, d.family_name) if x)
    return {
        "reference": d.reference.strip(),
        "given_name": d.given_name,
        "family_name": d.family_name,
        "search_key": fold(names),
        "name_key": name_key(d.given_name, d.family_name),
        "claimed_dob": d.claimed_dob,
        "claimed_age": d.claimed_age,
        "assessed_age": d.assessed_age,
        "age_disputed": d.age_disputed,
        "nationality": d.nationality,
        "languages": d.languages,
        "gender": d.gender,
        "identified_by": d.identified_by,
        "notes": d.notes,
    }


def _details(r: Any, ads: tuple[Adult, ...]) -> CaseDetails:
    return CaseDetails(
        reference=r.reference,
        given_name=r.given_name,
        family_name=r.family_name,
        claimed_dob=r.claimed_dob,
        claimed_age=r.claimed_age,
        assessed_age=r.assessed_age,
        age_disputed=bool(r.age_disputed),
        nationality=r.nationality,
        languages=r.languages,
        gender=r.gender,
        identified_by=r.identified_by,
        adults=ads,
        notes=r.notes,
    )
