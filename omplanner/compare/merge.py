"""Three-way merge of two copies of a plan made from one base, element by element, by id.

Elements match by id. An element removed in one copy goes, unless the other copy changed it
(or something in it): then that is a conflict. Each field merges on its own: the copy that
changed it wins; both changed it differently is a conflict. Lists of ids merge as sets (RACI
roles, dependencies, "used by"), except the ordered ones (lanes, the escalation path), which
merge as sequences, as do the entities of every list. A step's position is one value: the copy
that moved it wins. Two roles added in the copies under the same name are offered as one.

After that, every reference of the merged plan is checked (``references``): one left pointing
at what a copy removed is a conflict with the choices keep it, move the referrer, or drop it.
The result always loads: it is validated and its integrity checked before it is returned.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Plan, check_integrity
from ..model.base import MAX_TEXT
from ..model.history import merged_history
from .conflicts import MINE, THEIRS, Chooser, Conflict, ConflictKey, sentence
from .diff import PLAN_IGNORED, Comparison, compare_records, required_refs
from .records import ROOT, FieldKey, Record, descendants, put_together, ref_fields, renumber, take_apart
from .sequences import merge_order, merge_set
from .words import field_value, key_label, ref_kind, shown

ORDERED_LISTS = frozenset({("ProcessMap", "lanes"), ("Governance", "escalation_path")})
"""Lists of ids whose order means something; every other list of values merges as a set."""

LATEST_WINS = frozenset({("PlanDetails", "modified")})
"""Values no one edits: the later of the two is the merged plan's."""

POSITION = (("x",), ("y",))
_MISSING = object()


class MergeError(Exception):
    """The copies cannot be merged into a plan that loads (a fault of ours: say so)."""


@dataclass
class MergeResult:
    plan: Plan
    conflicts: list[Conflict]
    taken: Comparison
    """What the merged plan holds that yours did not: the changes taken from their copy."""

    @property
    def undecided(self) -> list[Conflict]:
        return [c for c in self.conflicts if not c.decided]


def merge_plans(
    base: Plan,
    mine: Plan,
    theirs: Plan,
    choices: dict[ConflictKey, str] | None = None,
    take: str | None = None,
) -> MergeResult:
    """Merge ``theirs`` into ``mine``; ``choices`` answer conflicts by key, ``take`` ('mine' or
    'theirs') answers the rest. Conflicts nobody answered take their first choice, which keeps
    what either copy did (the edited element stays; for a field, your value)."""
    sides = _Sides(take_apart(base), take_apart(mine), take_apart(theirs))
    chooser = Chooser(choices, take)
    merged = _merge_records(sides, chooser)
    from .references import mend_references  # the reference pass reads this module's sides

    mend_references(sides, merged, chooser)
    _merge_history(merged, mine, theirs)
    plan = _validated(merged)
    renumber(merged)
    return MergeResult(plan, list(chooser.conflicts.values()), compare_records(sides.mine, merged))


@dataclass
class _Sides:
    base: dict[str, Record]
    mine: dict[str, Record]
    theirs: dict[str, Record]

    def source(self, ident: str) -> dict[str, Record] | None:
        for records in (self.mine, self.theirs, self.base):
            if ident in records:
                return records
        return None

    def side_words(self, records: dict[str, Record]) -> str:
        return "your copy" if records is self.mine else "their copy"


def _merge_records(sides: _Sides, chooser: Chooser) -> dict[str, Record]:
    base, mine, theirs = sides.base, sides.mine, sides.theirs
    alive, kept = _survivors(sides, chooser)
    merged: dict[str, Record] = {}
    for ident in alive:
        in_mine, in_theirs = mine.get(ident), theirs.get(ident)
        if in_mine is not None and in_theirs is not None:
            merged[ident] = _merge_one(base.get(ident), in_mine, in_theirs, chooser, _Kept(sides, kept))
        else:
            merged[ident] = (in_mine or in_theirs).clone()
    _merge_lists(sides, merged)
    _offer_same_roles(sides, merged, chooser)
    _distinct_baseline_names(sides, merged)
    return merged


def _edited(sides: _Sides, records: dict[str, Record], ident: str) -> bool:
    """Whether a copy changed the element or anything in it (added, removed, edited)."""
    for inner in (ident, *descendants(records, ident)):
        before, after = sides.base.get(inner), records[inner]
        if before is None or not before.same_content(after) or before.lists != after.lists:
            return True
    return False


def _survivors(sides: _Sides, chooser: Chooser) -> tuple[list[str], set[str]]:
    """The ids of the merged plan, yours first in your order: removals decided here. And the ids
    a removal conflict kept (with what went with them), whose references come back too."""
    base, mine, theirs = sides.base, sides.mine, sides.theirs
    order = list(dict.fromkeys([*mine, *theirs]))
    dropped: set[str] = set()
    kept: set[str] = set()
    """Kept by a removal conflict's choice, with what they hold."""
    chosen_gone: set[str] = set()
    for ident in order:
        if ident not in base or (ident in mine and ident in theirs) or ident in dropped:
            continue
        keeper = mine if ident in mine else theirs
        remover = theirs if keeper is mine else mine
        if keeper[ident].owner in keeper and keeper[ident].owner not in remover and keeper[ident].owner in base:
            continue  # its owner was removed too: it goes (or stays) with its owner
        inside = descendants(keeper, ident)
        if _edited(sides, keeper, ident):
            record = keeper[ident]
            mine_kept = keeper is mine
            words = "you changed it (or something in it) and they removed it"
            if not mine_kept:
                words = "they changed it (or something in it) and you removed it"
            conflict = Conflict(
                key=("removed", ident),
                kind="removal",
                what=record.name,
                where=record.path,
                question=f"{sentence(record.name)}: {words}.",
                mine="changed" if mine_kept else "removed",
                theirs="removed" if mine_kept else "changed",
                choices=(("keep", f"Keep {record.name}"), ("remove", f"Remove {record.name}")),
                mine_choice="keep" if mine_kept else "remove",
                theirs_choice="remove" if mine_kept else "keep",
            )
            if chooser.decide(conflict) == "keep":
                kept.update([ident, *inside])
                continue
            chosen_gone.update([ident, *inside])
        dropped.add(ident)
        dropped.update(inside)
    _bring_back_with(sides, kept, dropped - chosen_gone, dropped)
    alive = [i for i in order if i not in dropped and (i in mine or i in theirs) and _not_removed(sides, i, dropped)]
    return alive, kept


def _bring_back_with(sides: _Sides, kept: set[str], candidates: set[str], dropped: set[str]) -> None:
    """What a copy removed only because it removed a kept element goes back with it: the steps
    in a kept role's lane, a kept use case's decisions, the flows of steps that came back."""
    changed = bool(kept)
    while changed:
        changed = False
        for ident in sorted(candidates & dropped):
            record = sides.base.get(ident)
            keeper = sides.mine if ident in sides.mine else sides.theirs if ident in sides.theirs else None
            if record is None or keeper is None or keeper[ident].owner in dropped:
                continue
            if any(record.values.get((name,)) in kept for name in required_refs(record.cls)):
                back = {ident, *descendants(keeper, ident)}
                dropped.difference_update(back)
                kept.update(back)
                changed = True


def _not_removed(sides: _Sides, ident: str, dropped: set[str]) -> bool:
    """An element of the base missing from one copy stays only if a conflict kept it (or an
    element holding it); one that only a copy added stays."""
    if ident not in sides.base or (ident in sides.mine and ident in sides.theirs):
        return True
    return ident not in dropped


@dataclass
class _Kept:
    """Elements a copy removed that the merge keeps: that copy's references emptied by the
    removal (a RACI, a lane, an owner) count as unchanged, so the kept element keeps its places."""

    sides: _Sides
    ids: set[str]

    def undone(self, value: Any, was: Any, records: dict[str, Record], field: str, refs: dict[str, str]) -> Any:
        if not self.ids or field not in refs:
            return value
        gone = [x for x in (was if isinstance(was, list) else [was]) if x in self.ids and x not in records]
        if not gone:
            return value
        if isinstance(was, list) and isinstance(value, list):
            return [x for x in was if x in value or x in gone] + [x for x in value if x not in was]
        return was if value is None else value


def _merge_history(merged: dict[str, Record], mine: Plan, theirs: Plan) -> None:
    """The merged plan is no save yet: both copies' revisions are its ancestors (its save mints
    its own revision on top)."""
    history = merged_history(mine.history, theirs.history).model_dump(mode="json")
    root = merged[ROOT]
    for key in [k for k in root.values if k[0] == "history"]:
        del root.values[key]
    for name, value in history.items():
        root.values[("history", name)] = value


def _merge_one(before: Record | None, mine: Record, theirs: Record, chooser: Chooser, kept: _Kept) -> Record:
    result = mine.clone()
    refs = ref_fields(mine.cls)
    cls_name = mine.cls.__name__
    old_values = before.values if before is not None else {}
    keys = [k for k in dict.fromkeys([*mine.values, *theirs.values]) if not _history(mine, k)]
    has_position = all(k in mine.values for k in POSITION)
    for key in keys:
        if has_position and key in POSITION:
            continue
        was = old_values.get(key, _MISSING)
        ours, others = mine.values.get(key, _MISSING), theirs.values.get(key, _MISSING)
        if ours != others and len(key) == 1:
            ours = kept.undone(ours, was, kept.sides.mine, key[0], refs)
            others = kept.undone(others, was, kept.sides.theirs, key[0], refs)
        if ours == others:
            _store(result, key, ours)
            continue
        if (cls_name, key[0]) in LATEST_WINS:
            value = max(v for v in (ours, others) if v is not _MISSING)
        elif isinstance(ours, list) and isinstance(others, list) and len(key) == 1:
            old = was if isinstance(was, list) else []
            if (cls_name, key[0]) in ORDERED_LISTS:
                value = merge_order(old, ours, others, merge_set(old, ours, others))
            else:
                value = merge_set(old, ours, others)
        elif ours == was:
            value = others
        elif others == was:
            value = ours
        else:
            kind = ref_kind(mine, key)
            label = key_label(key)
            conflict = _edit_conflict(
                mine, key, label, field_value(key, _none(ours), kind), field_value(key, _none(others), kind)
            )
            value = ours if chooser.decide(conflict) == MINE else others
        _store(result, key, value)
    if has_position:
        points = [tuple(r.values.get(k) for k in POSITION) for r in (mine, theirs)]
        old_point = tuple(old_values.get(k, _MISSING) for k in POSITION)
        if points[0] != points[1]:
            if points[0] == old_point:
                chosen = points[1]
            elif points[1] == old_point:
                chosen = points[0]
            else:
                conflict = _edit_conflict(mine, ("x",), "position", _point(points[0]), _point(points[1]))
                chosen = points[0] if chooser.decide(conflict) == MINE else points[1]
            for key, value in zip(POSITION, chosen, strict=True):
                result.values[key] = value
    placement = [(r.owner, r.owner_field) for r in (mine, theirs)]
    if placement[0] != placement[1]:
        old_place = (before.owner, before.owner_field) if before is not None else None
        if placement[0] == old_place:
            result.owner, result.owner_field = placement[1]
    return result


def _history(record: Record, key: FieldKey) -> bool:
    """Which save a copy is never conflicts: the merged plan's history is both (``_merge_history``)."""
    return record.id == ROOT and key[0] in PLAN_IGNORED


def _none(value: Any) -> Any:
    return None if value is _MISSING else value


def _point(point: tuple) -> str:
    return f"({shown(point[0])}, {shown(point[1])})"


def _store(record: Record, key: FieldKey, value: Any) -> None:
    if value is _MISSING:
        record.values.pop(key, None)
    else:
        record.values[key] = value


def _edit_conflict(record: Record, key: FieldKey, label: str, mine: str, theirs: str) -> Conflict:
    return Conflict(
        key=("edit", record.id, *key),
        kind="edit",
        what=record.name,
        where=record.path,
        question=f"{sentence(label)} was changed in both copies, differently.",
        mine=mine,
        theirs=theirs,
        choices=(("mine", f"Yours: {mine}"), ("theirs", f"Theirs: {theirs}")),
        mine_choice=MINE,
        theirs_choice=THEIRS,
    )


def _merge_lists(sides: _Sides, merged: dict[str, Record]) -> None:
    """Each list of entities: the merged elements it holds, in the merged order."""
    members: dict[tuple[str, str], list[str]] = {}
    for ident, record in merged.items():
        if record.owner is not None:
            members.setdefault((record.owner, record.owner_field), []).append(ident)
    for ident, record in merged.items():
        for name in record.lists:
            held = members.get((ident, name), [])
            lists = [r[ident].lists.get(name, []) if ident in r else [] for r in (sides.base, sides.mine, sides.theirs)]
            record.lists[name] = merge_order(*lists, held)


def _offer_same_roles(sides: _Sides, merged: dict[str, Record], chooser: Chooser) -> None:
    """Two roles added in the copies under the same name are offered as one: yours, with their
    role's references moved to it."""
    added_mine = {
        _folded(r.title): i
        for i, r in merged.items()
        if r.owner_field == "roles" and i not in sides.base and i in sides.mine and i not in sides.theirs
    }
    for ident, record in list(merged.items()):
        if record.owner_field != "roles" or ident in sides.base or ident in sides.mine:
            continue
        twin = added_mine.get(_folded(record.title))
        if twin is None:
            continue
        conflict = Conflict(
            key=("same role", *sorted((twin, ident))),
            kind="duplicate",
            what=merged[twin].name,
            where=merged[twin].path,
            question=f'Both copies added a role called "{record.title}": the same role?',
            mine=_role_words(merged[twin]),
            theirs=_role_words(record),
            choices=(
                ("both", "Keep both roles"),
                ("one", "One role: theirs becomes yours, and what refers to it moves"),
            ),
            mine_choice="one",
            theirs_choice="one",
        )
        if chooser.decide(conflict) == "one":
            replace_references(merged, ident, twin)
            owner = merged[record.owner]
            owner.lists[record.owner_field] = [i for i in owner.lists[record.owner_field] if i != ident]
            del merged[ident]


def _distinct_baseline_names(sides: _Sides, merged: dict[str, Record]) -> None:
    """Two baselines taken in the copies under one name ("Agreed at workshop 3") are both kept,
    theirs renamed "… (their copy)": a name picks one baseline in the picker and in ``diff
    --baseline``, so two of one name would leave one of them out of reach."""
    baselines = [r for r in merged.values() if r.owner_field == "baselines"]
    taken = {_folded(str(r.values.get(("name",), ""))) for r in baselines if r.id in sides.mine}
    for record in baselines:
        if record.id in sides.mine:
            continue
        name = str(record.values.get(("name",), ""))
        if _folded(name) not in taken:
            taken.add(_folded(name))
            continue
        stem = name[: MAX_TEXT - 20]  # the words added stay within a name's length
        number, renamed = 1, f"{stem} (their copy)"
        while _folded(renamed) in taken:
            number += 1
            renamed = f"{stem} (their copy {number})"
        record.values[("name",)] = renamed
        taken.add(_folded(renamed))


def _folded(name: str) -> str:
    return " ".join(name.casefold().split())


def _role_words(record: Record) -> str:
    parts = [shown(record.values.get(("kind",)))]
    team = record.values.get(("team",))
    if team:
        parts.append(f"team {shown(team)}")
    return ", ".join(parts)


def replace_references(merged: dict[str, Record], old: str, new: str) -> None:
    for record in merged.values():
        for name in ref_fields(record.cls):
            value = record.values.get((name,))
            if value == old:
                record.values[(name,)] = new
            elif isinstance(value, list) and old in value:
                record.values[(name,)] = list(dict.fromkeys(new if v == old else v for v in value))


def _validated(merged: dict[str, Record]) -> Plan:
    data = put_together(merged)
    try:
        plan = Plan.model_validate(data)
    except ValueError as exc:
        raise MergeError(f"the merged plan would not load: {exc}") from exc
    problems = check_integrity(plan)
    if problems:
        raise MergeError(f"the merged plan would not load: {problems[0]}")
    return plan
