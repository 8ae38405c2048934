"""Plain records the store takes and returns (no SQL, no sessions): the window
and the reports work with these."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from idcheck.checklist import Answer
from idcheck.checklist.vocabulary import SOURCES as SOURCES  # the one source vocabulary
from idcheck.checklist.vocabulary import Source as Source

Role = Literal["admin", "worker"]
#: The most characters a free text keeps: the child's words and the worker's note of
#: an answer, a decision's reasons, a case's notes (about eight printed pages each).
#: Referrals and letters lay a text out as one paragraph, and their time grows with
#: its square (400,000 characters of the child's words: 138 s for a letter).
MAX_TEXT = 20_000


def text_too_long(what: str, text: str | None) -> str | None:
    """The message for a free text over :data:`MAX_TEXT`, else None."""
    if text is None or len(text) <= MAX_TEXT:
        return None
    return (
        f"{what}: {len(text):,} characters, and at most {MAX_TEXT:,} are kept "
        "(about eight printed pages); keep what bears on it and shorten the rest"
    )


def date_fault(text: str, today: dt.date | None = None) -> str:
    """What is wrong with a typed date of something that has happened (a birth,
    an arrival): "" nothing, "form" not written YYYY-MM-DD, "no-such-day" written
    so but on no day of the calendar (2011-02-30), "future" ahead of ``today``.
    The one rule behind the new-case form, the walk-through and the store, each
    saying it in its own words."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) is None:
        return "form"
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return "no-such-day"
    return "future" if day > (today or dt.date.today()) else ""


#: Who can have identified a child (the statistics count them).
IDENTIFIED_BY: tuple[str, ...] = (
    "police",
    "immigration",
    "health",
    "child-welfare",
    "ngo",
    "other",
)


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str
    role: Role
    disabled: bool = False

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True, slots=True)
class Adult:
    """An adult accompanying the child, and the relation they state."""

    description: str
    stated_relation: str | None = None


@dataclass(frozen=True, slots=True)
class CaseDetails:
    """What a worker records about a child. Only ``reference`` is required;
    names are optional and never printed unless the worker chooses."""

    reference: str
    given_name: str | None = None
    family_name: str | None = None
    claimed_dob: str | None = None
    claimed_age: int | None = None
    assessed_age: int | None = None
    age_disputed: bool = False
    nationality: str | None = None
    languages: str | None = None
    gender: Literal["female", "male", "other", "unknown"] | None = None
    #: Who identified the child: police, immigration, health, child-welfare, ngo, other.
    identified_by: str | None = None
    adults: tuple[Adult, ...] = ()
    notes: str | None = None

    @property
    def may_be_child(self) -> bool:
        """Treat as a child until assessed: any stated or assessed age under 18,
        or no age known at all, or the age is disputed."""
        ages = [a for a in (self.claimed_age, self.assessed_age) if a is not None]
        return self.age_disputed or not ages or min(ages) < 18


@dataclass(frozen=True, slots=True)
class Case:
    id: int
    details: CaseDetails
    status: Literal["open", "closed"]
    created_at: float
    updated_at: float
    closed_at: float | None
    #: When the child first came to notice (the clocks count from it); the time
    #: the case was created unless changed with a reason.
    first_contact_at: float = 0.0


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One line of the case list (no free text)."""

    id: int
    reference: str
    given_name: str | None
    family_name: str | None
    status: str
    created_at: float
    updated_at: float
    screenings: int
    drafts: int
    last_outcome: str | None
    #: A draft of the case holds an answer that stops the walk-through for
    #: immediate danger (its latest answer to a danger item is a danger answer).
    danger: bool = False
    #: Open tasks past their due time (counted at the list's ``now``).
    overdue_tasks: int = 0
    #: Open tasks due within the next 24 hours.
    due_soon_tasks: int = 0
    #: The child has a missing episode not yet ended by being found.
    missing: bool = False
    #: The soonest due time of the case's open tasks.
    next_due_at: float | None = None
    #: Where the case came from: the sending site's name and fingerprint (a case
    #: received in a package), or None for a case made here.
    origin: str | None = None
    #: The name as it is sorted (see :mod:`idcheck.store.sort_keys`).
    name_key: str = ""


@dataclass(frozen=True, slots=True)
class AnswerContext:
    """Everything an answer carries besides its value."""

    source: Source | None = None
    worker_note: str | None = None
    #: The child's own words, verbatim, kept apart from the worker's note.
    child_words: str | None = None
    language: str | None = None
    interpreter_present: bool | None = None
    interpreter: str | None = None
    read_back: bool | None = None


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    id: int
    item_id: str
    answer: Answer
    context: AnswerContext
    answered_by: int
    answered_at: float


@dataclass(frozen=True, slots=True)
class Decision:
    """The professional's decision beside what the rules suggested."""

    suggested_outcome: str
    fired_rules: tuple[str, ...]
    decision_outcome: str
    reasons: str = ""

    @property
    def differs(self) -> bool:
        return self.decision_outcome != self.suggested_outcome


@dataclass(frozen=True, slots=True)
class ScreeningRow:
    id: int
    case_id: int
    checklist_ref: str
    status: Literal["draft", "completed"]
    started_at: float
    completed_at: float | None
    amends_id: int | None
    amended_by: int | None
    outcome: str | None


@dataclass(frozen=True, slots=True)
class PinnedRoutes:
    """One referral routes file as it was when a screening was completed."""

    id: str
    version: str
    text: bytes


@dataclass(frozen=True, slots=True)
class PinnedDocuments:
    """What a completed screening's referral prints besides its answers and its
    checklist, kept with it at completion: the routes files' texts, the site's
    contacts (dicts of role, name, phone, hours, note) and the site profile
    (its fields by name)."""

    routes: tuple[PinnedRoutes, ...]
    contacts: tuple[dict[str, str | None], ...]
    site: dict[str, Any]
    pinned_at: float


@dataclass(frozen=True, slots=True)
class ScreeningRecord:
    """A whole screening as stored, with the checklist text it was answered under."""

    id: int
    case_id: int
    checklist_id: str
    checklist_version: str
    checklist_sha256: str
    checklist_text: bytes
    status: Literal["draft", "completed"]
    started_at: float
    started_by: int
    completed_at: float | None
    position: str | None
    amends_id: int | None
    amended_by: int | None
    decision: Decision | None
    decided_by: int | None
    decided_at: float | None
    #: The latest answer per item.
    answers: dict[str, StoredAnswer] = field(default_factory=dict)
    #: Every answer ever given, oldest first.
    history: tuple[StoredAnswer, ...] = ()
    #: The routes, contacts and site profile it was completed under (None for a
    #: draft, and for a screening completed before they were kept).
    pinned: PinnedDocuments | None = None

    @property
    def checklist_ref(self) -> str:
        return f"{self.checklist_id}@{self.checklist_version}"

    @property
    def completed(self) -> bool:
        return self.status == "completed"

    def plain_answers(self) -> dict[str, Answer]:
        return {k: v.answer for k, v in self.answers.items()}


@dataclass(frozen=True, slots=True)
class StatRow:
    """One completed screening for anonymised statistics: no names, references or text."""

    completed_at: float
    gender: str | None
    claimed_age: int | None
    assessed_age: int | None
    age_disputed: bool
    nationality: str | None
    identified_by: str | None
    checklist_id: str
    outcome: str | None
    #: Exploitation forms of the indicators answered yes (filled in by the
    #: statistics, which classify: the store leaves it empty).
    forms: tuple[str, ...] = ()
    #: The checklist text the screening was answered under.
    checklist_sha256: str = ""
    #: The items answered yes, as stored (their latest answers).
    yes_items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One row of the audit trail: what was done, when, by whom, to which ids."""

    seq: int
    at: float
    user_id: int | None
    action: str
    case_id: int | None
    screening_id: int | None
    object_id: int | None


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    messages: tuple[str, ...]
    audit_rows: int
    head: str | None
    #: The row from which completed screenings' content is in the chain (None:
    #: ids only, a store not yet upgraded).
    content_from: int | None = None
    #: Screenings named by a content problem (answers or decision changed, or missing).
    altered_screenings: tuple[int, ...] = ()
    #: Follow-up records named by a content problem (changed, deleted or added
    #: behind the store), as "task 12", "referral 3", "plan version 2" ...
    altered_records: tuple[str, ...] = ()
