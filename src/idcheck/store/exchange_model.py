"""The body of a case package (format 1), as the store writes and reads it.

A package carries cases by their global ids. Everything is checked on the way
in before anything is written: unknown fields, wrong types, statuses outside
their vocabularies and over-long texts are refused with the field's path.
Values are kept as the store keeps them (an answer's value as its JSON text),
so an answer and its context come out exactly as they went in. Authors are
carried by name and the fingerprint of the site where the account lives, so a
case that goes back and forth keeps who did what.

The format is documented in ``docs/sharing.md``.
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from idcheck.store.records import MAX_TEXT

_Uid = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$")]
_Short = Annotated[str, StringConstraints(max_length=400)]
_Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
_Sha = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
_Fpr = Annotated[str, StringConstraints(pattern=r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$")]


class _Model(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", strict=True, ser_json_bytes="base64", val_json_bytes="base64"
    )


class Author(_Model):
    """Who did something: an account's name at the site that holds the account."""

    name: _Short
    site: _Fpr


class PackageAdult(_Model):
    description: _Text
    stated_relation: _Short | None = None


class PackageDetails(_Model):
    """A case's details as the worker recorded them, with its status."""

    reference: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    given_name: _Short | None = None
    family_name: _Short | None = None
    claimed_dob: _Short | None = None
    claimed_age: int | None = None
    assessed_age: int | None = None
    age_disputed: bool = False
    nationality: _Short | None = None
    languages: _Short | None = None
    gender: Literal["female", "male", "other", "unknown"] | None = None
    identified_by: _Short | None = None
    adults: tuple[PackageAdult, ...] = ()
    notes: _Text | None = None
    status: Literal["open", "closed"] = "open"
    closed_at: float | None = None


class PackageAnswer(_Model):
    uid: _Uid
    item_id: _Short
    status: Literal["answered", "not-asked", "declined"]
    value: _Text | None = None  # the value's JSON, as stored
    source: Literal["observed", "child-said", "other-said", "document"] | None = None
    worker_note: _Text | None = None
    child_words: _Text | None = None
    language: _Short | None = None
    interpreter_present: bool | None = None
    interpreter: _Short | None = None
    read_back: bool | None = None
    answered_by: Author
    answered_at: float


class PackagePinned(_Model):
    """The routes, contacts and site profile a screening was completed under
    (JSON); the routes text, the same for many screenings, is the body's
    ``pinned_texts`` entry of ``routes_sha256``."""

    routes_sha256: _Sha
    contacts: Annotated[str, StringConstraints(max_length=1_000_000)]
    site: Annotated[str, StringConstraints(max_length=100_000)]
    pinned_at: float


class PackageScreening(_Model):
    uid: _Uid
    amends: _Uid | None = None
    checklist_id: _Short
    checklist_version: _Short
    checklist_sha256: _Sha
    status: Literal["draft", "completed"]
    started_at: float
    started_by: Author
    completed_at: float | None = None
    position: _Short | None = None
    suggested_outcome: _Short | None = None
    fired_rules: _Text | None = None  # JSON list, as stored
    decision_outcome: _Short | None = None
    decision_reasons: _Text | None = None
    decided_by: Author | None = None
    decided_at: float | None = None
    pinned: PackagePinned | None = None
    answers: tuple[PackageAnswer, ...] = Field(default=(), max_length=100_000)


class PackageTask(_Model):
    uid: _Uid
    screening: _Uid | None = None  # the screening it came from
    what: _Text
    role: _Short | None = None
    contact: _Short | None = None
    assignee: Author | None = None
    due_at: float | None = None
    note: _Text = ""
    clock: _Short | None = None
    status: Literal["open", "done", "not_needed"]
    reason: _Text = ""
    done_by: Author | None = None
    done_at: float | None = None
    created_by: Author
    created_at: float
    source: Literal["plan", "manual"]


class PackageReferralState(_Model):
    uid: _Uid
    state: Literal["sent", "received", "accepted", "declined", "closed"]
    at: float
    by: Author
    reason: _Text = ""


class PackageReferral(_Model):
    uid: _Uid
    recipient: _Short
    method: Literal["phone", "by_hand", "encrypted_file", "post", "email"]
    sent_at: float
    follow_up_on: float | None = None
    note: _Text = ""
    created_by: Author
    created_at: float
    states: tuple[PackageReferralState, ...] = Field(default=(), max_length=1_000)


class PackagePlanEntry(_Model):
    position: int
    need: _Text
    goal: _Text
    measures: _Text
    responsible: _Short
    review_on: float | None = None


class PackagePlan(_Model):
    """One saved version of the case's plan (a version received is added as the
    case's next version here)."""

    uid: _Uid
    next_review_on: float | None = None
    saved_by: Author
    saved_at: float
    summary: _Text
    entries: tuple[PackagePlanEntry, ...] = Field(default=(), max_length=1_000)


class PackageMissing(_Model):
    uid: _Uid
    missing_at: float
    last_seen_where: _Text = ""
    reported_at: float | None = None
    reported_by: _Short = ""
    police_reference: _Short = ""
    found_at: float | None = None
    found_where: _Text = ""
    interview_at: float | None = None
    interview_by: _Short = ""
    note: _Text = ""
    recorded_by: Author
    recorded_at: float


class PackageNote(_Model):
    uid: _Uid
    #: "note", or "first-contact": a change of the time of first contact
    #: (``value``) with its reason (``text``).
    kind: Literal["note", "first-contact"] = "note"
    value: float | None = None
    text: _Text
    by: Author
    at: float


class PackageFollowup(_Model):
    """What happened after the screening: tasks, referrals with their states,
    plan versions, missing episodes, notes."""

    tasks: tuple[PackageTask, ...] = Field(default=(), max_length=100_000)
    referrals: tuple[PackageReferral, ...] = Field(default=(), max_length=10_000)
    plans: tuple[PackagePlan, ...] = Field(default=(), max_length=10_000)
    missing: tuple[PackageMissing, ...] = Field(default=(), max_length=10_000)
    notes: tuple[PackageNote, ...] = Field(default=(), max_length=100_000)


class PackageCase(_Model):
    uid: _Uid
    created_at: float
    #: When the child first came to notice (the follow-up's clocks count from it).
    first_contact_at: float | None = None
    created_by: Author
    details: PackageDetails
    #: The SHA-256 of ``details`` (see :func:`details_hash`), and every earlier
    #: version of the details the sender has had: the receiver fast-forwards to
    #: these details when its own are among them, and keeps both otherwise.
    details_hash: _Sha
    history: tuple[_Sha, ...] = Field(default=(), max_length=10_000)
    screenings: tuple[PackageScreening, ...] = Field(default=(), max_length=10_000)
    followup: PackageFollowup = PackageFollowup()


class PackageBody(_Model):
    """What a signed package carries: cases, and the checklist texts (base64 in
    the JSON, by SHA-256) their screenings were answered under."""

    cases: tuple[PackageCase, ...] = Field(max_length=100_000)
    checklists: dict[_Sha, Annotated[bytes, Field(max_length=4_000_000)]] = {}
    #: The routes texts completed screenings were pinned with, once each, by the
    #: SHA-256 of their UTF-8.
    pinned_texts: dict[_Sha, Annotated[str, StringConstraints(max_length=4_000_000)]] = {}


def details_hash(details: PackageDetails) -> str:
    """The SHA-256 of a case's details in their canonical JSON form, its
    reference left out: the reference is each site's own name for the case (a
    case received under a reference in use here is renamed), the global id is
    what matches it."""
    blank = details.model_copy(update={"reference": "-"})
    return hashlib.sha256(blank.model_dump_json().encode("utf-8")).hexdigest()
