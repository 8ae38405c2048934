"""Plain records of the follow-up after a screening (issue 13): tasks and their
clocks, referrals with their state history, the individual plan's versions,
missing episodes, case notes and the case's timeline. No SQL: the store takes
and returns these; the window, the command line and the documents use them.

Times are epoch seconds (UTC), like every time in the store.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal, get_args

from idcheck.store.errors import InvalidInput
from idcheck.store.records import text_too_long

__all__ = [
    "MAX_LINE",
    "REFERRAL_METHODS",
    "REFERRAL_STATES",
    "TASK_STATUSES",
    "TIMELINE_KINDS",
    "FollowupStatRow",
    "MissingDraft",
    "MissingEpisode",
    "Plan",
    "PlanEntry",
    "Referral",
    "ReferralDraft",
    "ReferralMethod",
    "ReferralState",
    "ReferralStateChange",
    "Task",
    "TaskDraft",
    "TaskRow",
    "TaskStatus",
    "TimelineEntry",
    "TimelineKind",
    "check_text",
]

TaskStatus = Literal["open", "done", "not_needed"]
TASK_STATUSES: tuple[str, ...] = get_args(TaskStatus)
ReferralMethod = Literal["phone", "by_hand", "encrypted_file", "post", "email"]
REFERRAL_METHODS: tuple[str, ...] = get_args(ReferralMethod)
ReferralState = Literal["sent", "received", "accepted", "declined", "closed"]
REFERRAL_STATES: tuple[str, ...] = get_args(ReferralState)
TimelineKind = Literal[
    "case",
    "first-contact",
    "screening",
    "task",
    "task-done",
    "referral",
    "referral-state",
    "plan",
    "missing",
    "found",
    "note",
    "task-changed",
    "referral-changed",
]
TIMELINE_KINDS: tuple[str, ...] = get_args(TimelineKind)

#: The most characters a one-line text keeps (a task's what, a recipient, a place).
MAX_LINE = 500


def check_text(
    label: str, text: str | None, *, one_line: bool = False, required: bool = False
) -> str:
    """``text`` trimmed, or InvalidInput saying what is wrong with it: empty when
    ``required``, longer than the limit, a line break where one line is expected,
    or a control or direction-override character (newlines are kept in longer
    texts). Letters of any script, right-to-left ones included, are text."""
    value = (text or "").strip()
    if not one_line:
        value = value.replace("\r\n", "\n")
    if required and not value:
        raise InvalidInput(f"{label} is required; nothing was saved")
    if one_line and len(value) > MAX_LINE:
        raise InvalidInput(
            f"{label}: {len(value):,} characters, and one line keeps at most {MAX_LINE}"
        )
    why = text_too_long(label, value)
    if why:
        raise InvalidInput(why)
    for c in value:
        if c == "\n" and not one_line:
            continue
        if c in "\r\n\u2028\u2029" or unicodedata.category(c) in ("Zl", "Zp"):
            raise InvalidInput(f"{label} must be one line; it holds a line break")
        if c == "\t":
            continue
        if unicodedata.category(c) == "Cs":
            raise InvalidInput(
                f"{label} holds a lone surrogate (half of a character), which is not text; "
                "type it again"
            )
        if unicodedata.category(c) in ("Cc", "Cf") and c not in "\u200c\u200d":
            raise InvalidInput(
                f"{label} holds an invisible control character (U+{ord(c):04X}), "
                "such as one that reverses the direction of text; type it again"
            )
    return value


# ------------------------------------------------------------------ tasks


@dataclass(frozen=True, slots=True)
class TaskDraft:
    """What a worker (or the plan) asks for."""

    what: str
    #: A route role id or a free label ("social worker").
    role: str | None = None
    #: The contact's name and number as shown.
    contact: str | None = None
    #: The username of the worker who takes it, or None.
    assignee: str | None = None
    #: None: no deadline.
    due_at: float | None = None
    note: str = ""
    #: The clock it comes from: "safe-placement", "meeting", "plan", "nrm",
    #: "guardian", or an action id; None for a task added by hand.
    clock: str | None = None


@dataclass(frozen=True, slots=True)
class Task:
    id: int
    case_id: int
    screening_id: int | None
    what: str
    role: str | None
    contact: str | None
    assignee: str | None
    due_at: float | None
    note: str
    clock: str | None
    status: TaskStatus
    #: Why it is not needed (required for "not_needed"), or why it was reopened.
    reason: str
    done_by: str | None
    done_at: float | None
    created_by: str
    created_at: float
    source: Literal["plan", "manual"]

    def overdue(self, now: float) -> bool:
        """Open and past its due time."""
        return self.status == "open" and self.due_at is not None and self.due_at < now

    def due_soon(self, now: float, within: float = 24 * 3600) -> bool:
        """Open and due within ``within`` seconds from ``now`` (not yet overdue)."""
        return (
            self.status == "open" and self.due_at is not None and now <= self.due_at < now + within
        )


@dataclass(frozen=True, slots=True)
class TaskRow:
    """A task with its case, for My work and ``task list``."""

    task: Task
    reference: str
    #: The child's given and family name, or "".
    child: str


# ------------------------------------------------------------------ referrals


@dataclass(frozen=True, slots=True)
class ReferralDraft:
    recipient: str
    method: ReferralMethod
    sent_at: float
    follow_up_on: float | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class ReferralStateChange:
    state: ReferralState
    at: float
    by: str
    #: Required for "declined".
    reason: str


@dataclass(frozen=True, slots=True)
class Referral:
    id: int
    case_id: int
    recipient: str
    method: ReferralMethod
    sent_at: float
    follow_up_on: float | None
    note: str
    state: ReferralState
    #: Oldest first; the first entry is "sent" at ``sent_at``.
    history: tuple[ReferralStateChange, ...]
    created_by: str
    created_at: float


# ------------------------------------------------------------------ the plan


@dataclass(frozen=True, slots=True)
class PlanEntry:
    need: str
    goal: str
    measures: str
    responsible: str
    review_on: float | None


@dataclass(frozen=True, slots=True)
class Plan:
    """The individual plan: each save is a new version, and every version is kept."""

    id: int
    case_id: int
    version: int
    entries: tuple[PlanEntry, ...]
    next_review_on: float | None
    saved_by: str
    saved_at: float
    summary: str


# ------------------------------------------------------------------ missing


@dataclass(frozen=True, slots=True)
class MissingDraft:
    missing_at: float
    last_seen_where: str = ""
    reported_at: float | None = None
    reported_by: str = ""
    police_reference: str = ""
    found_at: float | None = None
    found_where: str = ""
    interview_at: float | None = None
    interview_by: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class MissingEpisode:
    id: int
    case_id: int
    missing_at: float
    last_seen_where: str
    reported_at: float | None
    reported_by: str
    police_reference: str
    found_at: float | None
    found_where: str
    interview_at: float | None
    interview_by: str
    note: str
    recorded_by: str
    recorded_at: float

    def open(self) -> bool:
        """The child has not been found yet."""
        return self.found_at is None

    def draft(self) -> MissingDraft:
        """Its fields as a draft, to change and give to ``update_missing``."""
        return MissingDraft(
            self.missing_at,
            self.last_seen_where,
            self.reported_at,
            self.reported_by,
            self.police_reference,
            self.found_at,
            self.found_where,
            self.interview_at,
            self.interview_by,
            self.note,
        )


# ------------------------------------------------------------------ timeline


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    at: float
    kind: TimelineKind
    #: Short English key text; the window and the command line translate by kind.
    title: str
    #: The entry's detail in English words (for the command line).
    detail: str
    by: str | None
    ref_id: int | None
    #: The same detail as data, for a window to word in its own language: what
    #: was recorded ("what", "reason", "recipient", "where", "text", ...), codes
    #: ("method", "state", "outcome", "field") and times ("old", "new") as
    #: stored, never English words. The keys of each kind are in
    #: :mod:`idcheck.store.timeline`.
    facts: dict[str, str | float | int | None] = field(default_factory=dict)


# ------------------------------------------------------------------ statistics


@dataclass(frozen=True, slots=True)
class FollowupStatRow:
    """One case for anonymised follow-up statistics: no names, references or
    free text besides the recipients' names (agencies, not children)."""

    created_at: float
    first_contact_at: float
    #: When the first task of the "safe-placement" clock was done (None: not done).
    safe_placement_done_at: float | None
    #: (recipient, the first time a referral to it was sent), in time order.
    first_referrals: tuple[tuple[str, float], ...]
    #: The present state of each referral of the case.
    referral_states: tuple[ReferralState, ...]
    missing_episodes: int
    missing_found: int
