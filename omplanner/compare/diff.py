"""What differs between two copies of a plan, element by element, in the plan's own words.

Entities are matched by id. Each difference is one row: an element added or removed (with what
it held), one field changed from old to new, or an element moved (to another list, to another
place in its list, or on the canvas). A removal that took other things with it (a role, and the
steps in its lane, and its place in every RACI) is one row with those consequences folded under
it, as the app's delete made them: one act of the colleague, not thirty rows.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass
from dataclasses import field as default
from typing import Any

from ..model import Plan
from .records import ROOT, FieldKey, Record, ancestors, descendants, ref_fields, take_apart
from .words import (
    COMMENTS,
    COMPONENT_ORDER,
    WHOLE_PLAN,
    comment_state,
    comment_subject,
    comment_use_case,
    component_of,
    field_value,
    is_comment,
    key_label,
    ref_kind,
    shown,
    use_case_label,
    use_case_of,
)

IGNORED: frozenset[FieldKey] = frozenset({("id",), ("modified",)})
"""Not differences a reader means: the id (equal by matching), and the time of the last save."""
PLAN_IGNORED = frozenset({"history"})
"""Fields of the plan itself that are not differences: which save a copy is (a new one each save)."""


def ignored(record: Record, key: FieldKey) -> bool:
    return key in IGNORED or (record.id == ROOT and key[0] in PLAN_IGNORED)


POSITION = (("x",), ("y",))


@dataclass
class Difference:
    kind: str
    """'added', 'removed', 'changed' or 'moved'."""
    id: str
    what: str
    """The element as messages name it: 'step 3 "Match invoice"', 'role "AP clerk"'."""
    where: tuple[str, ...]
    """Its place in the copy that has it, as the loader says it."""
    use_case: str = WHOLE_PLAN
    component: str = WHOLE_PLAN
    field: str = ""
    old: str = ""
    new: str = ""
    key: FieldKey = ()
    consequences: list[Difference] = default(default_factory=list)

    def line(self) -> str:
        where = " → ".join(self.where) or self.what
        if self.kind in ("changed", "moved") and self.field:
            return f"{self.kind} {where}: {self.field} {self.old} → {self.new}"
        if self.kind in ("added", "removed") and (self.new or self.old):
            return f"{self.kind} {where}: {self.new or self.old}"  # a comment's words
        return f"{self.kind} {where}"

    def to_json(self) -> dict[str, Any]:
        data = {"kind": self.kind, "id": self.id, "element": self.what, "where": list(self.where)}
        if self.field:
            data.update(field=self.field, old=self.old, new=self.new)
        if self.consequences:
            data["consequences"] = [c.to_json() for c in self.consequences]
        return data


@dataclass
class Comparison:
    differences: list[Difference]
    """Top rows only; folded consequences are inside them."""

    def groups(self) -> list[tuple[str, str, list[Difference]]]:
        """(use case, component, rows): the whole plan first, then use cases in plan order."""
        grouped: dict[tuple[str, str], list[Difference]] = defaultdict(list)
        order: list[str] = []
        for row in self.differences:
            grouped[(row.use_case, row.component)].append(row)
            if row.use_case not in order:
                order.append(row.use_case)
        order.sort(key=lambda name: name != WHOLE_PLAN)
        rank = {name: index for index, name in enumerate(COMPONENT_ORDER)}
        keys = sorted(grouped, key=lambda k: (order.index(k[0]), rank.get(k[1], len(rank)), k[1]))
        return [(uc, component, grouped[(uc, component)]) for uc, component in keys]

    def count(self) -> int:
        return sum(1 + len(row.consequences) for row in self.differences)

    def text(self) -> str:
        if not self.differences:
            return "The two copies hold the same plan.\n"
        lines = []
        for use_case, component, rows in self.groups():
            lines.append(f"{use_case} · {component}")
            for row in rows:
                lines.append(f"  {row.line()}")
                for consequence in row.consequences:
                    lines.append(f"      with it: {consequence.line()}")
            lines.append("")
        return "\n".join(lines)

    def to_json(self) -> list[dict[str, Any]]:
        return [
            {"use_case": uc, "component": component, "differences": [r.to_json() for r in rows]}
            for uc, component, rows in self.groups()
        ]


def compare_plans(old: Plan, new: Plan) -> Comparison:
    return compare_records(take_apart(old), take_apart(new))


def compare_records(old: dict[str, Record], new: dict[str, Record]) -> Comparison:
    removed = [i for i in old if i not in new]
    added = [i for i in new if i not in old]
    gone, fresh = set(removed), set(added)
    rows: list[Difference] = []
    top_removed = {i: _row("removed", old[i], old, [old, new]) for i in removed if old[i].owner not in gone}
    top_added = {i: _row("added", new[i], new, [new, old]) for i in added if new[i].owner not in fresh}
    # What a removal or an addition held goes under it (a use case's maps and steps...).
    for ident, row in top_removed.items():
        row.consequences.extend(_row("removed", old[c], old, [old]) for c in descendants(old, ident))
    for ident, row in top_added.items():
        row.consequences.extend(_row("added", new[c], new, [new]) for c in descendants(new, ident))
    changed: list[Difference] = []
    for ident, before in old.items():
        after = new.get(ident)
        if after is not None:
            changed.extend(_changes(before, after, old, new))
    # Cascades: a removal the other removals explain, and a reference emptied by one, fold in.
    cause = _causes(old, top_removed, gone)
    for ident, row in top_removed.items():
        root = _root_cause(ident, cause)
        if root != ident:
            top_removed[root].consequences.extend([row, *row.consequences])
            row.consequences = []
    folded: set[int] = set()
    for index, row in enumerate(changed):
        target = _emptied_by(row, old, new, gone)
        if target is not None:
            root = _root_cause(_top_of(target, old, gone), cause)
            if root in top_removed:
                top_removed[root].consequences.append(row)
                folded.add(index)
    rows.extend(row for ident, row in top_removed.items() if _root_cause(ident, cause) == ident)
    rows.extend(top_added.values())
    rows.extend(row for index, row in enumerate(changed) if index not in folded)
    return Comparison(rows)


def _row(kind: str, record: Record, records: dict[str, Record], sides: list[dict[str, Record]]) -> Difference:
    if is_comment(record):
        return _comment_row(kind, record, sides)
    return Difference(
        kind,
        record.id,
        record.name,
        record.path,
        use_case_label(sides, use_case_of(records, record.id)),
        component_of(records, record.id),
    )


def _comment_row(kind: str, record: Record, sides: list[dict[str, Record]]) -> Difference:
    """A comment is named by what it is on (its own words are its first line): 'comment on step
    "Match invoice"', listed under the use case of that element, among the comments."""
    words = f"comment on {comment_subject(sides, record)}"
    text = str(record.values.get(("text",)) or "")
    row = Difference(kind, record.id, words, (words,), use_case_label(sides, comment_use_case(sides, record)), COMMENTS)
    if kind == "added" and text.strip():
        row.field, row.new = "text", shown(text)
    elif kind == "removed" and text.strip():
        row.field, row.old = "text", shown(text)
    return row


def _changes(before: Record, after: Record, old: dict[str, Record], new: dict[str, Record]) -> list[Difference]:
    rows: list[Difference] = []

    def row(kind: str, key: FieldKey, label: str, was: str, now: str) -> Difference:
        base = _row(kind, after, new, [new, old])
        if after.id == ROOT:
            base.what, base.where, base.component = "plan", (), _root_component(key)
        base.field, base.old, base.new, base.key = label, was, now, key
        return base

    if before.owner != after.owner or before.owner_field != after.owner_field:
        was = " → ".join(old[before.owner].path) if before.owner in old else before.owner
        now = " → ".join(new[after.owner].path) if after.owner in new else after.owner
        rows.append(row("moved", ("owner",), "place", was or "plan", now or "plan"))
    keys = [k for k in dict.fromkeys([*after.values, *before.values]) if not ignored(after, k)]
    if all(k in after.values for k in POSITION) and any(before.values.get(k) != after.values[k] for k in POSITION):
        rows.append(row("moved", ("x",), "position", _point(before), _point(after)))
    for key in keys:
        if key in POSITION and all(k in after.values for k in POSITION):
            continue
        was, now = before.values.get(key), after.values.get(key)
        if was != now and key == ("resolved",) and is_comment(after):
            rows.append(row("changed", key, "state", comment_state(was), comment_state(now)))
        elif was != now:
            kind = ref_kind(after, key)
            rows.append(
                row("changed", key, key_label(key), field_value(key, was, kind, old), field_value(key, now, kind, new))
            )
    for name, ids in after.lists.items():
        for ident in _reordered(before.lists.get(name, []), ids):
            child = new[ident]
            moved = _row("moved", child, new, [new, old])
            moved.field, moved.key = "order", ("order",)
            moved.old = f"{old[ident].path[-1] if old[ident].path else ident}"
            moved.new = f"{child.path[-1] if child.path else ident}"
            rows.append(moved)
    return rows


def _root_component(key: FieldKey) -> str:
    return "Rule settings" if key and key[0] == "rule_settings" else WHOLE_PLAN


def _point(record: Record) -> str:
    return f"({shown(record.values.get(('x',)))}, {shown(record.values.get(('y',)))})"


def _reordered(before: list[str], after: list[str]) -> list[str]:
    """The ids in both lists that changed places: those outside the longest common run."""
    common = set(before) & set(after)
    was = [i for i in before if i in common]
    now = [i for i in after if i in common]
    if was == now:
        return []
    matcher = difflib.SequenceMatcher(a=was, b=now, autojunk=False)
    kept = {now[b + k] for _a, b, size in matcher.get_matching_blocks() for k in range(size)}
    return [i for i in now if i not in kept]


def _causes(old: dict[str, Record], top_removed: dict[str, Difference], gone: set[str]) -> dict[str, str]:
    """For each removed element that cannot exist without another removed one (a step without its
    lane's role, a flow without its step): the top removal it went with."""
    cause: dict[str, str] = {}
    for ident in top_removed:
        record = old[ident]
        for name in required_refs(record.cls):
            target = record.values.get((name,))
            if target in gone and target != ident:
                top = _top_of(target, old, gone)
                if top != ident:
                    cause[ident] = top
                    break
    return cause


def _root_cause(ident: str, cause: dict[str, str]) -> str:
    seen = {ident}
    while ident in cause and cause[ident] not in seen:
        ident = cause[ident]
        seen.add(ident)
    return ident


def _top_of(ident: str, old: dict[str, Record], gone: set[str]) -> str:
    """The outermost removed element holding ``ident`` (itself if its owner stayed)."""
    top = ident
    for owner in ancestors(old, ident):
        if owner in gone:
            top = owner
    return top


def _emptied_by(row: Difference, old: dict[str, Record], new: dict[str, Record], gone: set[str]) -> str | None:
    """The removed element whose removal alone explains a changed reference, or None."""
    if row.kind != "changed" or len(row.key) != 1 or row.id not in old:
        return None
    record = old[row.id]
    if row.key[0] not in ref_fields(record.cls):
        return None
    was, now = record.values.get(row.key), new[row.id].values.get(row.key)
    if isinstance(was, list):
        lost = [i for i in was if i in gone]
        return lost[0] if lost and now == [i for i in was if i not in gone] else None
    return was if was in gone and now is None else None


def required_refs(cls) -> list[str]:
    """Reference fields an element cannot exist without (a step's lane, a flow's ends)."""
    names = []
    for name in ref_fields(cls):
        info = cls.model_fields[name]
        if info.is_required() and "list[" not in str(info.annotation):
            names.append(name)
    return names
