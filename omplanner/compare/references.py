"""After a merge, every reference is checked: one left pointing at what a copy removed is a
conflict, with the choices keep the element, move the referrer (a step to another lane of its
map), or drop it (out of a list, cleared, or the referrer removed with what needs it).

What a choice of the merge itself removed (a removal conflict answered "remove", a referrer
dropped here) takes its references with it, as the app's delete does, without asking again.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import Comment, Step
from ..model.walk import field_label
from .conflicts import Chooser, Conflict, sentence
from .diff import required_refs
from .records import Record, ancestors, descendants, ref_fields

if TYPE_CHECKING:
    from .merge import _Sides


def mend_references(sides: _Sides, merged: dict[str, Record], chooser: Chooser) -> None:
    removed = _removed_by_choice(sides, chooser)
    rounds = 2 * (len(merged) + len(sides.base)) + 10
    for _round in range(rounds):
        faults = sorted(set(_dangling(merged)))  # the same order whichever copy is yours
        if not faults:
            return
        for referrer, name, target in faults:
            if referrer not in merged or not _still_dangling(merged, referrer, name, target):
                continue
            if target in removed or sides.source(target) is None:
                _drop(merged, referrer, name, target, removed)
                continue
            conflict = _conflict(sides, merged, referrer, name, target)
            choice = chooser.decide(conflict)
            if choice == "keep":
                _keep(sides, merged, referrer, name, target)
            elif choice == "move":
                _move(merged, referrer, target)
            else:
                _drop(merged, referrer, name, target, removed)
    for referrer, name, target in sorted(set(_dangling(merged))):  # a tangle of choices: mend as delete does
        if referrer in merged and _still_dangling(merged, referrer, name, target):
            _drop(merged, referrer, name, target, removed)


def _removed_by_choice(sides: _Sides, chooser: Chooser) -> set[str]:
    removed: set[str] = set()
    for conflict in chooser.conflicts.values():
        if conflict.key[0] == "removed" and conflict.chosen == "remove":
            ident = conflict.key[1]
            records = sides.source(ident) or {}
            removed.add(ident)
            removed.update(descendants(records, ident))
    return removed


def _refs(record: Record, name: str) -> list[str]:
    value = record.values.get((name,))
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _dangling(merged: dict[str, Record]) -> Iterator[tuple[str, str, str]]:
    """(referrer, field, target) for each reference to nothing, and each step in a lane its map
    no longer has."""
    for ident, record in merged.items():
        for name in ref_fields(record.cls):
            for target in _refs(record, name):
                if target not in merged:
                    yield ident, name, target
        if record.cls is Step:
            lane = record.values.get(("lane",))
            owner = merged.get(record.owner or "")
            if lane in merged and owner is not None and lane not in (owner.values.get(("lanes",)) or []):
                yield ident, "lane", lane


def _still_dangling(merged: dict[str, Record], referrer: str, name: str, target: str) -> bool:
    record = merged[referrer]
    if target not in _refs(record, name):
        return False
    if target not in merged:
        return True
    owner = merged.get(record.owner or "")
    return record.cls is Step and name == "lane" and owner is not None and target not in owner.values[("lanes",)]


def _other_lanes(merged: dict[str, Record], record: Record, target: str) -> list[str]:
    owner = merged.get(record.owner or "")
    if record.cls is not Step or owner is None:
        return []
    return [lane for lane in owner.values.get(("lanes",)) or [] if lane in merged and lane != target]


def _conflict(sides: _Sides, merged: dict[str, Record], referrer: str, name: str, target: str) -> Conflict:
    record = merged[referrer]
    source = sides.source(target)
    target_name = source[target].name if source is not None else f'"{target}"'
    mine_refers = target in _refs(sides.mine[referrer], name) if referrer in sides.mine else False
    theirs_refers = target in _refs(sides.theirs[referrer], name) if referrer in sides.theirs else False
    mine_has = target in sides.mine and not _lane_gone(sides.mine, referrer, name, target)
    theirs_has = target in sides.theirs and not _lane_gone(sides.theirs, referrer, name, target)
    mine_fine, theirs_fine = mine_refers and mine_has, theirs_refers and theirs_has
    ours = mine_fine if mine_fine != theirs_fine else mine_refers
    remover = "their copy" if ours else "your copy"
    label = field_label(name)
    choices = [("keep", f"Keep {target_name}")]
    lanes = _other_lanes(merged, record, target)
    if lanes:
        choices.append(("move", f"Move {record.name} to the lane {merged[lanes[0]].name}"))
    if name in required_refs(record.cls):
        choices.append(("drop", f"Remove {record.name}"))
    elif isinstance(record.values.get((name,)), list):
        choices.append(("drop", f"Take {target_name} out of its {label}"))
    else:
        choices.append(("drop", f"Clear its {label}"))
    if record.cls is Comment:  # a remark left on what the other copy removed
        question = f"{sentence(target_name)} was removed in {remover}, and {record.name} is on it."
    else:
        question = f"{sentence(target_name)} was removed in {remover}, and its {label} still refers to it."
    return Conflict(
        key=("reference", referrer, name, target),
        kind="removal",
        what=record.name,
        where=record.path,
        question=question,
        mine="refers to it" if ours else "removed it",
        theirs="removed it" if ours else "refers to it",
        choices=tuple(choices),
        mine_choice="keep" if ours else "drop",
        theirs_choice="drop" if ours else "keep",
    )


def _lane_gone(records: dict[str, Record], referrer: str, name: str, target: str) -> bool:
    """In this copy, the referrer's map no longer has the target as a lane."""
    record = records.get(referrer)
    if record is None or record.cls is not Step or name != "lane":
        return False
    owner = records.get(record.owner or "")
    return owner is not None and target not in (owner.values.get(("lanes",)) or [])


def _keep(sides: _Sides, merged: dict[str, Record], referrer: str, name: str, target: str) -> None:
    if target not in merged:
        _restore(sides, merged, target)
    record = merged.get(referrer)
    owner = merged.get(record.owner or "") if record is not None else None
    if record is not None and record.cls is Step and name == "lane" and owner is not None:
        lanes = list(owner.values.get(("lanes",)) or [])
        if target not in lanes and target in merged:
            before = _lanes_before(sides, owner.id, target, lanes)
            lanes.insert(lanes.index(before) + 1 if before in lanes else len(lanes), target)
            owner.values[("lanes",)] = lanes


def _lanes_before(sides: _Sides, map_id: str, lane: str, lanes: list[str]) -> str | None:
    for records in (sides.mine, sides.theirs, sides.base):
        order = records[map_id].values.get(("lanes",)) or [] if map_id in records else []
        if lane in order:
            earlier = [x for x in order[: order.index(lane)] if x in lanes]
            return earlier[-1] if earlier else None
    return None


def _restore(sides: _Sides, merged: dict[str, Record], target: str) -> None:
    """Bring an element back from the copy that has it, with what holds it and what it holds."""
    source = sides.source(target)
    if source is None:
        return
    chain = [target, *ancestors(source, target)]
    missing = [i for i in chain if i not in merged]
    outer = missing[-1]
    for ident in [outer, *descendants(source, outer)]:
        if ident not in merged:
            merged[ident] = source[ident].clone()
    for ident in [outer, *descendants(source, outer)]:
        record = merged[ident]
        for name in list(record.lists):
            record.lists[name] = [i for i in source[ident].lists.get(name, []) if i in merged]
    owner = merged.get(source[outer].owner or "")
    if owner is not None:
        held = owner.lists.setdefault(source[outer].owner_field, [])
        if outer not in held:
            order = source[owner.id].lists.get(source[outer].owner_field, []) if owner.id in source else []
            earlier = [x for x in order[: order.index(outer)] if x in held] if outer in order else []
            at = held.index(earlier[-1]) + 1 if earlier else (0 if outer in order else len(held))
            held.insert(at, outer)


def _move(merged: dict[str, Record], referrer: str, target: str) -> None:
    record = merged[referrer]
    lanes = _other_lanes(merged, record, target)
    if lanes:
        record.values[("lane",)] = lanes[0]


def _drop(merged: dict[str, Record], referrer: str, name: str, target: str, removed: set[str]) -> None:
    record = merged[referrer]
    value = record.values.get((name,))
    if isinstance(value, list):
        record.values[(name,)] = [v for v in value if v != target]
    elif name not in required_refs(record.cls):
        record.values[(name,)] = None
    else:
        _remove(merged, referrer, removed)


def _remove(merged: dict[str, Record], ident: str, removed: set[str]) -> None:
    gone = [ident, *descendants(merged, ident)]
    record = merged[ident]
    owner = merged.get(record.owner or "")
    if owner is not None and record.owner_field in owner.lists:
        owner.lists[record.owner_field] = [i for i in owner.lists[record.owner_field] if i != ident]
    for inner in gone:
        merged.pop(inner, None)
    removed.update(gone)
