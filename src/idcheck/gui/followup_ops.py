"""Named operations of a case's follow-up (tasks, clocks, referrals, the plan,
missing episodes, notes) and of *My work*, in the manner of :mod:`idcheck.gui.ops`.

Each write says what it changed: ``Changes(case=case_id)`` for the case's own
views, ``tasks=True`` where task counts show (My work, the case list), and
``cases=True`` where the case list's columns change (a missing episode, a
first contact). Times are epoch seconds; "now" comes from the session's clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from idcheck.gui.ops import Changes, Op, _done

if TYPE_CHECKING:
    from idcheck.report.export import Document
    from idcheck.store import (
        Case,
        MissingDraft,
        MissingEpisode,
        Plan,
        PlanEntry,
        Referral,
        ReferralDraft,
        ReferralState,
        Store,
        Task,
        TaskDraft,
        TaskRow,
        TimelineEntry,
    )

__all__ = [
    "FollowUp",
    "add_missing",
    "add_note",
    "add_referral",
    "add_task",
    "assign_task",
    "edit_referral",
    "edit_task",
    "finish_task",
    "follow_up",
    "my_work",
    "plan_document",
    "reopen_task",
    "save_plan",
    "set_first_contact",
    "set_referral_state",
    "update_missing",
]


@dataclass(frozen=True, slots=True)
class FollowUp:
    """Everything a case's dialog shows of its follow-up, read in one go."""

    case: Case
    tasks: list[Task]
    referrals: list[Referral]
    plans: list[Plan]  # every saved version, oldest first
    missing: list[MissingEpisode]
    timeline: list[TimelineEntry]

    @property
    def plan(self) -> Plan | None:
        return self.plans[-1] if self.plans else None


def follow_up(case_id: int) -> Op[FollowUp]:
    """A case's follow-up (the case itself is not audited again as a view: the
    dialog that asks was opened by :func:`idcheck.gui.ops.open_case`)."""

    def read(s: Store) -> FollowUp:
        return FollowUp(
            case=s.get_case(case_id, audit=False),
            tasks=s.tasks(case_id),
            referrals=s.referrals(case_id),
            plans=s.plan_versions(case_id),
            missing=s.missing_episodes(case_id),
            timeline=s.timeline(case_id),
        )

    return Op("follow-up", read)


def _case(case_id: int, *, tasks: bool = False, cases: bool = False) -> Changes:
    return Changes(case=case_id, tasks=tasks, cases=cases)


# ------------------------------------------------------------------ tasks


def add_task(case_id: int, draft: TaskDraft, *, now: float | None = None) -> Op[int]:
    return Op("add task", lambda s: s.add_task(case_id, draft, now=now), _case(case_id, tasks=True))


def finish_task(
    case_id: int,
    task_id: int,
    status: Literal["done", "not_needed"],
    *,
    note: str = "",
    now: float | None = None,
) -> Op[bool]:
    """Done, or not needed (``note`` is then the reason, which is required)."""
    return Op(
        "finish task",
        _done(lambda s: s.finish_task(task_id, status, note=note, now=now, case_id=case_id)),
        _case(case_id, tasks=True, cases=True),
    )


def reopen_task(case_id: int, task_id: int, reason: str) -> Op[bool]:
    return Op(
        "reopen task",
        _done(lambda s: s.reopen_task(task_id, reason, case_id=case_id)),
        _case(case_id, tasks=True, cases=True),
    )


def assign_task(case_id: int, task_id: int, username: str | None) -> Op[bool]:
    """Take a task (or give it back, with None)."""
    return Op(
        "assign task",
        _done(lambda s: s.assign_task(task_id, username, case_id=case_id)),
        _case(case_id, tasks=True),
    )


def edit_task(
    case_id: int, task_id: int, changes: dict[str, Any], *, now: float | None = None
) -> Op[bool]:
    """An open task's text, note or due time changed after saving (``changes``:
    the keywords of :meth:`Store.edit_task`; a due time with its reason)."""
    return Op(
        "edit task",
        lambda s: s.edit_task(task_id, case_id=case_id, now=now, **changes),
        _case(case_id, tasks=True, cases=True),
    )


def my_work(now: float) -> Op[list[TaskRow]]:
    """The signed-in worker's open tasks overdue or due today."""
    return Op("my work", lambda s: s.my_work(now=now))


# ------------------------------------------------------------------ clocks


def set_first_contact(
    case_id: int, when: float, reason: str, *, now: float | None = None
) -> Op[bool]:
    """When the child first came to notice; the clocks of tasks made after count
    from it (the plan's open tasks keep the due times the referral printed)."""
    return Op(
        "set first contact",
        _done(lambda s: s.set_first_contact(case_id, when, reason, now=now)),
        _case(case_id, tasks=True, cases=True),
    )


# ------------------------------------------------------------------ referrals


def add_referral(case_id: int, draft: ReferralDraft, *, now: float | None = None) -> Op[int]:
    return Op("add referral", lambda s: s.add_referral(case_id, draft, now=now), _case(case_id))


def set_referral_state(
    case_id: int, referral_id: int, state: ReferralState, *, reason: str = "", at: float
) -> Op[bool]:
    return Op(
        "set referral state",
        _done(lambda s: s.set_referral_state(referral_id, state, reason=reason, at=at)),
        _case(case_id),
    )


def edit_referral(
    case_id: int, referral_id: int, follow_up_on: float | None, reason: str, *, now: float
) -> Op[bool]:
    """A referral's follow-up date moved (or removed), with the reason; its
    follow-up task moves, is made or closes with it."""
    return Op(
        "edit referral",
        lambda s: s.edit_referral(
            referral_id, follow_up_on=follow_up_on, reason=reason, case_id=case_id, now=now
        ),
        _case(case_id, tasks=True, cases=True),
    )


# ------------------------------------------------------------------ the plan


def save_plan(
    case_id: int,
    entries: Sequence[PlanEntry],
    *,
    next_review_on: float | None,
    summary: str,
    now: float | None = None,
) -> Op[int]:
    """A new version of the individual plan (the earlier ones are kept)."""
    return Op(
        "save plan",
        lambda s: s.save_plan(
            case_id, entries, next_review_on=next_review_on, summary=summary, now=now
        ),
        _case(case_id),
    )


def plan_document(case_id: int, *, lang: str | None = None) -> Op[Document]:
    """The newest version of the case's individual plan as its own PDF, rendered
    once in memory (no audit row): saved with :func:`idcheck.gui.ops.export_document`
    (audited as ``plan-exported``)."""
    from idcheck.report.plan_pdf import make_plan

    return Op("make plan", lambda s: make_plan(s, case_id, lang))


# ------------------------------------------------------------------ missing, notes


def add_missing(case_id: int, draft: MissingDraft, *, now: float | None = None) -> Op[int]:
    return Op(
        "add missing",
        lambda s: s.add_missing(case_id, draft, now=now),
        _case(case_id, cases=True),
    )


def update_missing(
    case_id: int, episode_id: int, draft: MissingDraft, *, now: float | None = None
) -> Op[bool]:
    return Op(
        "update missing",
        _done(lambda s: s.update_missing(episode_id, draft, now=now)),
        _case(case_id, cases=True),
    )


def add_note(case_id: int, text: str, *, now: float | None = None) -> Op[int]:
    return Op("add note", lambda s: s.add_note(case_id, text, now=now), _case(case_id))
