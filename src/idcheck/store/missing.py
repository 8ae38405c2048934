"""Missing episodes: when the child went missing and where they were seen last,
the report to the police (when, by whom, their reference), found or returned
(when, where), and the return interview (when, by whom). A child with an
episode not ended by being found is flagged in the case list. Each write is one
transaction with its audit row (ids and the
record's content hash)."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Connection, insert, select, update

from idcheck.store.cases import case_row
from idcheck.store.core import StoreCore
from idcheck.store.errors import InvalidInput
from idcheck.store.followup_records import MissingDraft, MissingEpisode, check_text
from idcheck.store.schema import missing_episodes, users
from idcheck.store.tasks import check_time

__all__ = ["Missing", "episode_from_row"]


class Missing(StoreCore):
    """A case's missing episodes."""

    def missing_episodes(self, case_id: int) -> list[MissingEpisode]:
        """A case's episodes, oldest first."""
        with self._read() as conn:
            case_row(conn, case_id)
            rows = conn.execute(
                _SELECT.where(missing_episodes.c.case_id == case_id).order_by(
                    missing_episodes.c.missing_at, missing_episodes.c.id
                )
            ).all()
        return [episode_from_row(r) for r in rows]

    def missing_episode(self, episode_id: int) -> MissingEpisode:
        with self._read() as conn:
            return episode_from_row(_row(conn, episode_id))

    def add_missing(self, case_id: int, draft: MissingDraft, *, now: float | None = None) -> int:
        """Record that the child went missing; audited."""
        now = time.time() if now is None else now
        values = _checked(draft, now)
        with self._write() as conn:
            case_row(conn, case_id)
            eid = conn.execute(
                insert(missing_episodes).values(
                    case_id=case_id, recorded_by=self.user.id, recorded_at=now, **values
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            self._audit_record(conn, "missing-added", case_id=case_id, object_id=eid)
        return int(eid)

    def update_missing(
        self, episode_id: int, draft: MissingDraft, *, now: float | None = None
    ) -> None:
        """Change an episode: found, reported, the return interview; audited
        ("missing-found" when this change records the child found)."""
        now = time.time() if now is None else now
        values = _checked(draft, now)
        with self._write() as conn:
            r = _row(conn, episode_id)
            conn.execute(
                update(missing_episodes).where(missing_episodes.c.id == episode_id).values(**values)
            )
            found = r.found_at is None and values["found_at"] is not None
            self._audit_record(
                conn,
                "missing-found" if found else "missing-changed",
                case_id=r.case_id,
                object_id=episode_id,
            )


_SELECT = select(missing_episodes, users.c.username.label("recorder")).join(
    users, users.c.id == missing_episodes.c.recorded_by
)


def _row(conn: Connection, episode_id: int) -> Any:
    r = conn.execute(_SELECT.where(missing_episodes.c.id == episode_id)).first()
    if r is None:
        raise InvalidInput(f"no missing episode with id {episode_id}")
    return r


def episode_from_row(r: Any) -> MissingEpisode:
    return MissingEpisode(
        id=r.id,
        case_id=r.case_id,
        missing_at=r.missing_at,
        last_seen_where=r.last_seen_where,
        reported_at=r.reported_at,
        reported_by=r.reported_by,
        police_reference=r.police_reference,
        found_at=r.found_at,
        found_where=r.found_where,
        interview_at=r.interview_at,
        interview_by=r.interview_by,
        note=r.note,
        recorded_by=r.recorder,
        recorded_at=r.recorded_at,
    )


def _checked(d: MissingDraft, now: float) -> dict[str, Any]:
    missing_at = check_time("when the child went missing", d.missing_at)
    if missing_at is None:
        raise InvalidInput("when the child went missing is required")
    times = {
        "reported_at": check_time("when it was reported", d.reported_at),
        "found_at": check_time("when the child was found", d.found_at),
        "interview_at": check_time("when the return interview was", d.interview_at),
    }
    labels = {
        "reported_at": "when it was reported",
        "found_at": "when the child was found",
        "interview_at": "when the return interview was",
    }
    for label, t in (
        ("when the child went missing", missing_at),
        *((labels[k], v) for k, v in times.items()),
    ):
        if t is not None and t > now + 3600:
            raise InvalidInput(f"{label} is in the future")
    for key, label in (("reported_at", "reported"), ("found_at", "found")):
        t = times[key]
        if t is not None and t < missing_at:
            raise InvalidInput(f"the child is recorded {label} before going missing")
    if times["interview_at"] is not None and (
        times["found_at"] is None or times["interview_at"] < times["found_at"]
    ):
        raise InvalidInput("a return interview follows the child being found")
    return {
        "missing_at": missing_at,
        "last_seen_where": check_text(
            "where the child was seen last", d.last_seen_where, one_line=True
        ),
        "reported_by": check_text("who reported it", d.reported_by, one_line=True),
        "police_reference": check_text("the police reference", d.police_reference, one_line=True),
        "found_where": check_text("where the child was found", d.found_where, one_line=True),
        "interview_by": check_text("who held the return interview", d.interview_by, one_line=True),
        "note": check_text("the episode's note", d.note),
        **times,
    }
