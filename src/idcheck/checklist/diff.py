"""What changed between two versions of a checklist.

Used by ``idcheck checklist diff ID OLD NEW`` so that a reviewer sees, before
publishing, which items were added, removed or reworded and which rules changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from idcheck.checklist.model import Checklist, Indicator

#: Item fields compared besides the wording.
_ITEM_FIELDS = ("kind", "dimension", "strength", "forms", "show_if", "danger", "type", "options")
_TEXT_FIELDS = ("text", "child_text", "guidance")


@dataclass
class ChecklistDiff:
    added_items: list[str] = field(default_factory=list)
    removed_items: list[str] = field(default_factory=list)
    #: item id -> descriptions of what changed ("text [nb]", "strength: medium -> strong")
    changed_items: dict[str, list[str]] = field(default_factory=dict)
    added_rules: list[str] = field(default_factory=list)
    removed_rules: list[str] = field(default_factory=list)
    changed_rules: dict[str, list[str]] = field(default_factory=dict)
    outcome_changes: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.added_items
            or self.removed_items
            or self.changed_items
            or self.added_rules
            or self.removed_rules
            or self.changed_rules
            or self.outcome_changes
        )

    def render(self, old_ref: str, new_ref: str) -> str:
        lines = [f"--- {old_ref}", f"+++ {new_ref}"]
        if self.empty:
            lines.append("no differences in items, rules or outcomes")
        for kind, added, removed, changed in (
            ("item", self.added_items, self.removed_items, self.changed_items),
            ("rule", self.added_rules, self.removed_rules, self.changed_rules),
        ):
            lines.extend(f"+ {kind} {x}" for x in added)
            lines.extend(f"- {kind} {x}" for x in removed)
            lines.extend(f"~ {kind} {x}: {'; '.join(what)}" for x, what in changed.items())
        lines.extend(f"~ {x}" for x in self.outcome_changes)
        return "\n".join(lines)


def _langs_changed(old: object, new: object) -> list[str]:
    """Languages whose wording differs (a plain string counts as every language)."""
    if old == new:
        return []
    o = old if isinstance(old, dict) else {"*": old}
    n = new if isinstance(new, dict) else {"*": new}
    return sorted(k for k in set(o) | set(n) if o.get(k) != n.get(k))


def _dump(v: object) -> object:
    if hasattr(v, "model_dump"):
        return v.model_dump(by_alias=True, exclude_none=True)
    if isinstance(v, list):
        return [_dump(x) for x in v]
    return v


def diff_checklists(old: Checklist, new: Checklist) -> ChecklistDiff:
    d = ChecklistDiff()
    old_items = {it.id: (s.id, it) for s, it in old.items()}
    new_items = {it.id: (s.id, it) for s, it in new.items()}
    d.added_items = [i for i in new_items if i not in old_items]
    d.removed_items = [i for i in old_items if i not in new_items]
    for i, (new_section, n) in new_items.items():
        if i not in old_items:
            continue
        old_section, o = old_items[i]
        what: list[str] = []
        if old_section != new_section:
            what.append(f"moved: {old_section} -> {new_section}")
        for f in _TEXT_FIELDS:
            langs = _langs_changed(getattr(o, f, None), getattr(n, f, None))
            if langs:
                what.append(f"{f} reworded [{', '.join(langs)}]")
        for f in _ITEM_FIELDS:
            ov, nv = _dump(getattr(o, f, None)), _dump(getattr(n, f, None))
            if ov != nv:
                if isinstance(o, Indicator) and f in ("dimension", "strength"):
                    what.append(f"{f}: {ov} -> {nv}")
                else:
                    what.append(f"{f} changed")
        if what:
            d.changed_items[i] = what
    old_rules = {r.id: r for r in old.rules}
    new_rules = {r.id: r for r in new.rules}
    d.added_rules = [r for r in new_rules if r not in old_rules]
    d.removed_rules = [r for r in old_rules if r not in new_rules]
    for r, nr in new_rules.items():
        if r not in old_rules:
            continue
        orr = old_rules[r]
        what = []
        if _dump(orr.when) != _dump(nr.when):
            what.append("condition changed")
        if orr.outcome != nr.outcome:
            what.append(f"outcome: {orr.outcome} -> {nr.outcome}")
        langs = _langs_changed(orr.explain, nr.explain)
        if langs:
            what.append(f"explanation reworded [{', '.join(langs)}]")
        if what:
            d.changed_rules[r] = what
    old_out = [o.id for o in old.outcomes]
    new_out = [o.id for o in new.outcomes]
    if old_out != new_out:
        d.outcome_changes.append(f"outcomes: {', '.join(old_out)} -> {', '.join(new_out)}")
    for outcome in new.outcomes:
        if outcome.id in old_out and _dump(old.outcome(outcome.id).actions) != _dump(
            outcome.actions
        ):
            d.outcome_changes.append(f"actions of outcome {outcome.id} changed")
    return d
