"""Named operations: every user action on the store is one function here.

In the manner of anki's ``CollectionOp`` / ``QueryOp``: a view does not call the
store, it asks for an operation by name and hands it to the session::

    if session.run(ops.close_case(case_id), self):
        ...                                  # done; a message said why not otherwise

    session.start(ops.backup(path), self, on_done=show_where)   # off the UI thread

An :class:`Op` is the store call, the :class:`Changes` it makes when it succeeds,
and, for a call that can take long (a backup, a verify, a change of the database
key, counting statistics), the words of its busy indicator: such an operation only
runs off the UI thread (:meth:`Session.start <idcheck.gui.session.Session.start>`).
Every expected error of every operation (a store refusal, a checklist that does not
load, a missing font, a full disk or a folder that cannot be written) becomes one
message in the interface's language in one place,
:class:`~idcheck.gui.error_words.ErrorWords`; what was
typed stays where it was typed. After an operation succeeds the session emits
``changed(Changes)`` and each view that shows what changed refreshes itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from idcheck.checklist import Answer, Entry
    from idcheck.report.export import Document
    from idcheck.report.letter import LetterFacts
    from idcheck.report.stats import Stats
    from idcheck.store import (
        AnswerContext,
        Case,
        CaseDetails,
        CaseRow,
        Decision,
        KeyChange,
        ScreeningRecord,
        ScreeningRow,
        SiteProfile,
        Store,
        User,
        VerifyResult,
    )

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Changes:
    """What an operation changed, for the views that show it.

    ``cases``: the case list (a case created, closed or deleted, a screening
    started, completed or amended); ``screening``: the id of a screening whose
    answers, position or decision changed; ``users``, ``site``, ``contacts``,
    ``settings``: the administration's tabs and what depends on them (the case
    list's site notice, the idle lock); ``tasks``: tasks anywhere (My work, the
    case list's overdue and due-soon counts); ``case``: the id of a case whose
    follow-up (tasks, referrals, plan, missing episodes, notes, first contact)
    changed."""

    cases: bool = False
    screening: int | None = None
    users: bool = False
    site: bool = False
    contacts: bool = False
    settings: bool = False
    tasks: bool = False
    case: int | None = None

    def __bool__(self) -> bool:
        shown = (self.cases, self.users, self.site, self.contacts, self.settings, self.tasks)
        return any(shown) or self.screening is not None or self.case is not None


NOTHING = Changes()


@dataclass(frozen=True, slots=True)
class Op(Generic[T]):
    """One named user action: the store call, what it changes, and (for a call
    that can take long) the busy indicator's words, which make it run off the UI
    thread only. ``fn`` returns a value that is never None, so that None can mean
    "did not happen" to the caller."""

    name: str
    fn: Callable[[Store], T]
    changes: Changes = NOTHING
    # The busy indicator's words; set for a call that can take long.
    busy: str = ""

    @property
    def slow(self) -> bool:
        return bool(self.busy)


def _done(fn: Callable[[Store], object]) -> Callable[[Store], bool]:
    """A store call made for its effect, as an operation's True."""

    def run(s: Store) -> bool:
        fn(s)
        return True

    return run


# ------------------------------------------------------------------ cases


def list_cases(
    *,
    search: str = "",
    status: str | None = None,
    outcome: str | None = None,
    since: float | None = None,
    limit: int | None = None,
    now: float | None = None,
    after: tuple[Any, int] | None = None,
    by: str = "updated",
    ascending: bool = False,
) -> Op[list[CaseRow]]:
    """The case list, ``limit`` rows from below ``after`` (the value of the order
    ``by`` and the id of the last row read: see ``Store.list_cases``); its
    overdue and due-soon counts are as of ``now``."""
    return Op(
        "list cases",
        lambda s: s.list_cases(
            search=search,
            status=status,
            outcome=outcome,
            since=since,
            limit=limit,
            now=now,
            after=after,
            by=by,
            ascending=ascending,
        ),
    )


def every_case(listing: Op[list[CaseRow]]) -> Op[list[CaseRow]]:
    """``listing`` (:func:`list_cases`, with no limit) as an operation that runs
    off the UI thread: every case of the list, for sorting it by a column worked
    out for each case (100,000 cases take a second or two)."""
    busy = QCoreApplication.translate("Operations", "Sorting every case…")
    return Op("list every case", listing.fn, busy=busy)


def count_cases(
    *,
    search: str = "",
    status: str | None = None,
    outcome: str | None = None,
    since: float | None = None,
) -> Op[int]:
    """How many cases the list holds with these filters."""
    return Op(
        "count cases",
        lambda s: s.count_cases(search=search, status=status, since=since, outcome=outcome),
    )


def open_case(case_id: int) -> Op[tuple[Case, list[ScreeningRow]]]:
    """A case and its screenings (audited as a view)."""
    return Op("open case", lambda s: (s.get_case(case_id), s.list_screenings(case_id)))


def list_screenings(case_id: int) -> Op[list[ScreeningRow]]:
    return Op("list screenings", lambda s: s.list_screenings(case_id))


def create_case(details: CaseDetails) -> Op[int]:
    return Op("create case", lambda s: s.create_case(details), Changes(cases=True))


def close_case(case_id: int) -> Op[bool]:
    return Op("close case", _done(lambda s: s.close_case(case_id)), Changes(cases=True))


def installed_checklists() -> Op[dict[str, Entry]]:
    """Label -> catalogue entry of every installed screening checklist (read and
    checked; a broken file is said, naming its line and column)."""
    from idcheck.gui.cases import bundled_checklists

    return Op("installed checklists", lambda _s: bundled_checklists())


def start_screening(case_id: int, entry: Entry) -> Op[int]:
    """A draft screening of the case with an installed checklist: the checklist is
    read and checked, and its text kept with the screening."""

    def start(s: Store) -> int:
        from idcheck.checklist import Checklist, ChecklistError, load_entry

        text = entry.path.read_bytes()
        checklist = load_entry(entry)
        if not isinstance(checklist, Checklist):
            raise ChecklistError([])
        return s.start_screening(case_id, checklist, text, hashlib.sha256(text).hexdigest())

    return Op("start screening", start, Changes(cases=True))


# ------------------------------------------------------------------ a screening


def open_screening(screening_id: int, *, audit: bool = True) -> Op[ScreeningRecord]:
    """A screening with its answers (audited as a view unless ``audit`` is False)."""
    return Op("open screening", lambda s: s.get_screening(screening_id, audit=audit))


def case_reference(case_id: int) -> Op[str]:
    return Op("case reference", lambda s: s.case_reference(case_id))


def save_answer(
    screening_id: int,
    item_id: str,
    answer: Answer,
    context: AnswerContext | None = None,
    *,
    position: str | None = None,
) -> Op[int]:
    """One answer, with where the walk goes next, in one commit."""
    return Op(
        "save answer",
        lambda s: s.record_answer(screening_id, item_id, answer, context, position=position),
        Changes(screening=screening_id),
    )


def move(screening_id: int, item_id: str) -> Op[bool]:
    """The item the walk is at, so that it resumes there."""
    return Op(
        "move",
        _done(lambda s: s.set_position(screening_id, item_id)),
        Changes(screening=screening_id),
    )


def acknowledge_danger(case_id: int, screening_id: int) -> Op[str]:
    return Op(
        "acknowledge danger",
        lambda s: s.record_event("danger-acknowledged", case_id=case_id, screening_id=screening_id),
    )


def decide_and_complete(
    screening_id: int, decision: Decision, *, now: float | None = None
) -> Op[bool]:
    """The professional's decision, then the screening completed (read-only); its
    plan's actions become the case's tasks, due from first contact (as of ``now``)."""

    def finish(s: Store) -> bool:
        s.record_decision(screening_id, decision)
        s.complete_screening(screening_id, now=now)
        return True

    changes = Changes(cases=True, screening=screening_id, tasks=True)
    return Op("decide and complete", finish, changes)


def amend(screening_id: int) -> Op[int]:
    """A new draft linked to a completed screening; returns its id."""
    return Op(
        "amend",
        lambda s: s.amend_screening(screening_id),
        Changes(cases=True, screening=screening_id),
    )


# ------------------------------------------------------------------ documents


def make_referral(screening_id: int, *, include_names: bool, lang: str) -> Op[tuple[Document, Any]]:
    """The referral summary rendered once in memory (no audit row)."""
    from idcheck.report.export import make_referral as make

    return Op(
        "make referral",
        lambda s: make(s, screening_id, include_names=include_names, lang=lang),
    )


def export_document(doc: Document, path: Path) -> Op[str]:
    """Write a referral or letter as previewed, atomically, and audit the export."""
    from idcheck.report.export import save_document

    return Op("export " + doc.kind, lambda s: save_document(s, doc, path))


def record_print(doc: Document) -> Op[str]:
    from idcheck.report.export import record_print as record

    return Op("print " + doc.kind, lambda s: record(s, doc))


def letter_facts(screening_id: int, *, include_names: bool, lang: str) -> Op[LetterFacts]:
    from idcheck.report.letter import letter_facts as facts

    return Op(
        "letter facts",
        lambda s: facts(s, screening_id, include_names=include_names, lang=lang),
    )


def make_letter(facts: LetterFacts, confirmed: list[str], recipient: str) -> Op[Document]:
    """The letter with the confirmed facts, rendered once, prepared by the user."""
    from idcheck.report.export import make_letter as make

    return Op(
        "make letter",
        lambda s: make(facts, confirmed, recipient=recipient, prepared_by=s.user.username),
    )


def count_stats(since: Any, until: Any, by: str) -> Op[Stats]:
    from idcheck.report.stats import collect

    busy = QCoreApplication.translate("Operations", "Counting completed screenings…")
    return Op("count statistics", lambda s: collect(s, since, until, by), busy=busy)


def export_stats(stats: Stats, path: Path, fmt: str) -> Op[bool]:
    """The figures shown, as CSV, JSON or PDF, written atomically; audited."""

    def write(s: Store) -> bool:
        from idcheck.report.stats import to_csv, to_json, write_text
        from idcheck.report.stats_pdf import render_stats_pdf
        from idcheck.store import check_output

        target = check_output(path, s.data_dir)
        if fmt == "pdf":
            render_stats_pdf(stats, target)
        else:
            write_text(to_json(stats) if fmt == "json" else to_csv(stats), target)
        s.record_event(f"stats-exported-{fmt}")
        return True

    return Op("export statistics", write)


# ------------------------------------------------------------------ site and settings


def site_profile() -> Op[SiteProfile]:
    return Op("site profile", lambda s: s.site_profile())


def save_site(profile: SiteProfile) -> Op[SiteProfile]:
    """Save the site's profile; returns it as stored."""

    def save(s: Store) -> SiteProfile:
        s.set_site_profile(profile)
        return s.site_profile()

    return Op("save site", save, Changes(site=True))


def list_contacts() -> Op[list[dict[str, str | None]]]:
    return Op("list contacts", lambda s: s.list_contacts())


def save_contacts(rows: list[dict[str, str | None]]) -> Op[bool]:
    return Op("save contacts", _done(lambda s: s.save_contacts(rows)), Changes(contacts=True))


def setting(key: str) -> Op[str]:
    return Op("setting", lambda s: s.get_setting(key) or "")


def save_settings(idle_minutes: int, retention_years: int) -> Op[bool]:
    def write(s: Store) -> bool:
        s.set_setting("idle_minutes", str(idle_minutes))
        s.set_setting("retention_years", str(retention_years))
        return True

    return Op("save settings", write, Changes(settings=True))


def apply_retention() -> Op[list[int]]:
    """Delete closed cases past the retention time; returns their ids."""
    busy = QCoreApplication.translate("Operations", "Deleting closed cases…")
    return Op("apply retention", lambda s: s.apply_retention(), Changes(cases=True), busy)


# ------------------------------------------------------------------ users and keys


def list_users() -> Op[list[User]]:
    return Op("list users", lambda s: s.list_users())


def add_user(username: str, password: str, role: str) -> Op[User]:
    return Op("add user", lambda s: s.add_user(username, password, role), Changes(users=True))


def change_own_password(old: str, new: str) -> Op[bool]:
    return Op("change own password", _done(lambda s: s.set_password(old, new)))


def reset_password(user_id: int, password: str) -> Op[KeyChange]:
    """A user's new password; the database key is replaced with it (a moment on a
    large store)."""
    busy = QCoreApplication.translate("Operations", "Changing the database key…")
    return Op(
        "reset password",
        lambda s: s.reset_password(user_id, password),
        Changes(users=True),
        busy,
    )


def disable_user(user_id: int) -> Op[KeyChange]:
    busy = QCoreApplication.translate("Operations", "Changing the database key…")
    return Op("disable user", lambda s: s.disable_user(user_id), Changes(users=True), busy)


def replace_recovery_key() -> Op[str]:
    busy = QCoreApplication.translate("Operations", "Changing the database key…")
    return Op("replace recovery key", lambda s: s.replace_recovery_key(), busy=busy)


# ------------------------------------------------------------------ the store's file


def backup(path: Path) -> Op[Path]:
    busy = QCoreApplication.translate("Operations", "Writing the backup…")
    return Op("backup", lambda s: s.backup(path), busy=busy)


def verify(anchor: str | None) -> Op[VerifyResult]:
    busy = QCoreApplication.translate("Operations", "Checking the store…")
    return Op("verify", lambda s: s.verify(anchor), busy=busy)
