"""The walk-through's state, apart from any widget: what has been answered (with
each answer's context), which items are shown for those answers (show-if), where
the worker is, where next / previous / next unanswered lead, the immediate dangers
recorded, and whether the screening can still be answered or must be amended.

The window shows a :class:`WalkState`; it never keeps a copy of its own. The store
is the record: the window saves an answer first, then applies it here
(:meth:`WalkState.record`). Where the walk goes after an answer is known before it
is saved (:meth:`WalkState.after_answer`), so one commit holds the answer and the
position.

>>> from idcheck.checklist import Answer, load_bundled
>>> walk = WalkState(load_bundled("intake-screen"))
>>> walk.current = walk.start()
>>> walk.current
'danger-harm'
>>> walk.after_answer("danger-harm", Answer(value="no"))
'danger-missing'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from idcheck.checklist import (
    Answer,
    Assessment,
    Checklist,
    ChecklistError,
    ContactRole,
    DangerHit,
    Routes,
    Section,
    assess,
    danger_hit,
    load_routes_ref,
    parse_ref,
    text_for,
    visible_item_ids,
)
from idcheck.store import AnswerContext, ScreeningRecord

__all__ = [
    "Amendment",
    "OverviewRow",
    "Progress",
    "WalkState",
    "contacts_for",
    "guidance_for",
    "role_label",
]


@dataclass(frozen=True, slots=True)
class Progress:
    """How far the walk is, for the heading and the progress bar."""

    #: 1-based place of the current item among the visible ones (0: not shown)
    number: int
    #: visible items, and how many of them have an answer
    total: int
    answered: int
    #: 1-based place of the current item's section among the visible sections
    section_number: int
    sections: int


@dataclass(frozen=True, slots=True)
class OverviewRow:
    """One line of the overview: a visible item, its number and its answer."""

    number: int
    item_id: str
    answer: Answer | None


#: What amending means for the screening shown: nothing (a draft), open the
#: amendment made already, or make a new linked draft.
Amendment = Literal["none", "open-existing", "new"]


class WalkState:
    """One screening being walked: answers, contexts, show-if, the cursor, dangers.

    ``current`` is the item the single keys answer; ``position`` the item the store
    holds as where the walk was left. Both are item ids of ``checklist``.
    """

    def __init__(
        self,
        checklist: Checklist,
        answers: Mapping[str, Answer] | None = None,
        contexts: Mapping[str, AnswerContext] | None = None,
        *,
        read_only: bool = False,
        position: str | None = None,
        spoken: Sequence[AnswerContext] = (),
    ) -> None:
        self.checklist = checklist
        self._order = checklist.item_ids()
        self._answers: dict[str, Answer] = dict(answers or {})
        self._contexts: dict[str, AnswerContext] = dict(contexts or {})
        self.read_only = read_only
        self.position = position
        self.current = ""
        #: Every answer's context, oldest first: the conversation and the child's
        #: language go on from the last one.
        self._spoken: list[AnswerContext] = list(spoken)
        self._visible: tuple[str, ...] | None = None
        self._assessment: Assessment | None = None
        # the record this walk is of (see from_record)
        self.screening_id = 0
        self.case_id = 0
        self.amends_id: int | None = None
        self.amended_by: int | None = None
        self.completed_at: float | None = None

    @classmethod
    def from_record(cls, record: ScreeningRecord, checklist: Checklist) -> WalkState:
        """The walk of a stored screening (``checklist``: the text it was answered under)."""
        walk = cls(
            checklist,
            record.plain_answers(),
            {k: v.context for k, v in record.answers.items()},
            read_only=record.completed,
            position=record.position,
            spoken=[a.context for a in record.history],
        )
        walk.screening_id = record.id
        walk.case_id = record.case_id
        walk.amends_id = record.amends_id
        walk.amended_by = record.amended_by
        walk.completed_at = record.completed_at
        return walk

    # -- answers -----------------------------------------------------------------

    @property
    def answers(self) -> Mapping[str, Answer]:
        """The latest answer per item (hidden items' answers included)."""
        return self._answers

    def context(self, item_id: str) -> AnswerContext | None:
        """The context the item's latest answer was saved with."""
        return self._contexts.get(item_id)

    def conversation(self) -> AnswerContext:
        """The context of the last answer given (language, interpreter): the
        conversation goes on with it until the worker changes it."""
        return self._spoken[-1] if self._spoken else AnswerContext()

    def child_language(self, default: str | None) -> str | None:
        """The language the child was last spoken with where the checklist has it;
        else ``default`` when the checklist has that; else None."""
        for ctx in reversed(self._spoken):
            if ctx.language in self.checklist.languages:
                return ctx.language
        return default if default in self.checklist.languages else None

    def record(self, item_id: str, answer: Answer, context: AnswerContext) -> DangerHit | None:
        """Apply an answer the store has saved; the danger it signals, if any
        (the walk stops at once for it)."""
        if self.read_only:
            raise ValueError("a completed screening is read-only; amend it")
        self.checklist.item(item_id)  # KeyError for an item the checklist lacks
        self._answers[item_id] = answer
        self._contexts[item_id] = context
        self._spoken.append(context)
        self._visible = None
        self._assessment = None
        return self.danger_of(item_id, answer)

    def danger_of(self, item_id: str, answer: Answer) -> DangerHit | None:
        """The immediate danger ``answer`` to ``item_id`` signals, if any."""
        spec = danger_hit(self.checklist.item(item_id), answer)
        return DangerHit(item_id, answer, spec) if spec is not None else None

    def assessment(self) -> Assessment:
        """What the checklist's rules make of the answers (for the review)."""
        if self._assessment is None:
            self._assessment = assess(self.checklist, self._answers)
        return self._assessment

    def dangers(self) -> tuple[DangerHit, ...]:
        """Every immediate danger the visible answers hold, in walk order."""
        return self.assessment().dangers

    # -- show-if -----------------------------------------------------------------

    def visible_ids(self) -> tuple[str, ...]:
        """The items shown for the answers so far, in walk order."""
        if self._visible is None:
            shown = visible_item_ids(self.checklist, self._answers)
            self._visible = tuple(i for i in self._order if i in shown)
        return self._visible

    def is_visible(self, item_id: str) -> bool:
        return item_id in self.visible_ids()

    def visible_sections(self) -> tuple[Section, ...]:
        shown = set(self.visible_ids())
        return tuple(s for s in self.checklist.sections if any(i.id in shown for i in s.items))

    def number(self, item_id: str) -> int:
        """The item's 1-based place among the visible items; 0 when hidden."""
        visible = self.visible_ids()
        return visible.index(item_id) + 1 if item_id in visible else 0

    def first_of_section(self, item_id: str) -> str | None:
        """The first visible item of the item's section."""
        section = self.checklist.section_of(item_id)
        return next((i.id for i in section.items if self.is_visible(i.id)), None)

    def unanswered(self) -> tuple[str, ...]:
        """Visible items with no answer, in walk order."""
        return tuple(i for i in self.visible_ids() if i not in self._answers)

    def progress(self) -> Progress:
        visible = self.visible_ids()
        sections = [s.id for s in self.visible_sections()]
        here = self.checklist.section_of(self.current).id if self.current else None
        return Progress(
            number=self.number(self.current),
            total=len(visible),
            answered=sum(1 for i in visible if i in self._answers),
            section_number=sections.index(here) + 1 if here in sections else 0,
            sections=len(sections),
        )

    def overview(self, only_unanswered: bool = False) -> list[OverviewRow]:
        """The visible items with their answers; ``only_unanswered`` leaves out the
        answered ones, except the current item (so the worker sees where they are)."""
        rows = []
        for n, item_id in enumerate(self.visible_ids(), 1):
            answer = self._answers.get(item_id)
            if only_unanswered and answer is not None and item_id != self.current:
                continue
            rows.append(OverviewRow(n, item_id, answer))
        return rows

    # -- the cursor --------------------------------------------------------------

    def start(self) -> str:
        """Where the walk opens: where it was left when that is shown, else the
        first unanswered item, else the first item."""
        visible = self.visible_ids()
        if self.position in visible:
            return str(self.position)
        unanswered = self.unanswered()
        return unanswered[0] if unanswered else visible[0]

    def step_item(self, step: int, start: str | None = None) -> str:
        """The item ``step`` visible items from ``start`` (the current item),
        stopping at the first and the last."""
        visible = self.visible_ids()
        i = _index_from(self._order, visible, start if start is not None else self.current, step)
        return visible[min(max(0, i + step), len(visible) - 1)]

    def step_section(self, step: int) -> str | None:
        """The item to show ``step`` sections away: that section's first
        unanswered item, else its first; None at the first or last section."""
        sections = self.visible_sections()
        ids = [s.id for s in sections]
        here = self.checklist.section_of(self.current).id if self.current else ids[0]
        i = ids.index(here) if here in ids else 0
        j = min(max(0, i + step), len(ids) - 1)
        if j == i:
            return None
        items = [it.id for it in sections[j].items if self.is_visible(it.id)]
        return next((x for x in items if x not in self._answers), items[0])

    def next_unanswered(self) -> str | None:
        """The next visible item with no answer after the current one, wrapping
        round to the start; None when every visible item has an answer."""
        visible = self.visible_ids()
        i = visible.index(self.current) if self.current in visible else -1
        order = visible[i + 1 :] + visible[: i + 1]
        return next((x for x in order if x not in self._answers), None)

    def after_answer(self, item_id: str, answer: Answer, advance: bool = True) -> str:
        """Where the walk will be once ``answer`` to ``item_id`` is recorded: the
        next visible item (with show-if applied to the new answer), or the item
        itself when it does not move on (multiple choice) or stops the walk (an
        immediate danger)."""
        if not advance or self.danger_of(item_id, answer) is not None:
            return item_id
        answers = {**self._answers, item_id: answer}
        shown = visible_item_ids(self.checklist, answers)
        visible = [i for i in self._order if i in shown]
        at = self._order.index(item_id)
        later = [i for i in visible if self._order.index(i) > at]
        return later[0] if later else (visible[-1] if visible else item_id)

    # -- completion and amendment ------------------------------------------------

    def complete(self, when: float | None = None) -> None:
        """The screening was completed: from now on it can only be amended."""
        self.read_only = True
        self.completed_at = when

    def amendment(self) -> Amendment:
        """What *Amend* does here: nothing for a draft, open the amendment made
        already, or make a new linked draft."""
        if not self.read_only:
            return "none"
        return "open-existing" if self.amended_by is not None else "new"


def _index_from(order: Sequence[str], visible: Sequence[str], item_id: str, step: int) -> int:
    """Where ``item_id`` sits among the ``visible`` items; for a hidden item, the
    visible item just past it in the direction of ``step``, less one step."""
    if item_id in visible:
        return list(visible).index(item_id)
    if item_id not in order:
        return 0 if step > 0 else len(visible) - 1
    at = order.index(item_id)
    before = [n for n, i in enumerate(visible) if order.index(i) < at]
    if step > 0:
        return before[-1] if before else -1
    return before[-1] + 1 if before else 0


def contacts_for(
    checklist: Checklist,
    role: str | None,
    store_contacts: Sequence[Mapping[str, Any]],
    lang: str,
    route_ids: Sequence[str] | None = None,
) -> list[str]:
    """Lines naming whom to call for a role: the site's contacts, then national
    numbers from the routes the site uses (``route_ids``; every routes file the
    checklist names when none of them is the site's, or none is given)."""
    if role is None:
        return []
    lines = [
        f"{c['name']}: {c.get('phone') or ''}".strip(": ")
        for c in store_contacts
        if c.get("role") == role
    ]
    for ref in _site_routes(checklist, route_ids):
        found = _role(ref, role)
        if found is not None and found[1].national_number:
            routes, r = found
            lines.append(f"{text_for(r.label, lang)}: {r.national_number} ({routes.jurisdiction})")
    return lines


def role_label(
    checklist: Checklist, role: str, lang: str, route_ids: Sequence[str] | None = None
) -> str:
    """A role as the routes the site uses name it (chosen as for
    :func:`contacts_for`); its id when none of them has it."""
    for ref in _site_routes(checklist, route_ids):
        found = _role(ref, role)
        if found is not None:
            return text_for(found[1].label, lang)
    return role


def guidance_for(
    checklist: Checklist, outcome_id: str, lang: str, route_ids: Sequence[str] | None = None
) -> list[str]:
    """The standing guidance of an outcome (instructions with no due time, never
    tasks), as the referral prints it: the routes' the site uses (``route_ids``,
    as for :func:`contacts_for`), then the checklist's own, each once."""
    from idcheck.followup.actions import plan_guidance

    routes = []
    for ref in _site_routes(checklist, route_ids):
        try:
            routes.append(load_routes_ref(ref))
        except (KeyError, ChecklistError):
            continue
    try:
        outcome = checklist.outcome(outcome_id)
    except KeyError:
        return []
    return [text_for(a.text, lang) for a in plan_guidance(outcome, outcome_id, routes)]


def _site_routes(checklist: Checklist, route_ids: Sequence[str] | None) -> list[str]:
    """The checklist's routes files the site uses (``route_ids``); every one it
    names when none of them is the site's, or none is given."""
    refs = list(checklist.routes)
    if route_ids:
        refs = [r for r in refs if parse_ref(r)[0] in route_ids] or refs
    return refs


def _role(routes_ref: str, role: str) -> tuple[Routes, ContactRole] | None:
    """A role of installed referral routes; None when either is missing."""
    try:
        routes = load_routes_ref(routes_ref)
        return routes, routes.role(role)
    except (KeyError, ChecklistError):
        return None
