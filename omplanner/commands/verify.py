"""Whether an edit kept the file's rules, checked for what the edit touched and no more.

The rules are the loader's (``omplanner.model.integrity``): an edit that breaks one would leave
a plan that saves but never opens again. Checking the whole plan after every keystroke would
cost more than a frame on a large plan, so the check follows the change record:

- text, numbers and choices (a step's name, a rationale, a nudge) check nothing more: their
  values were validated as they were set;
- a changed reference checks that entity's references, and a step's or a map's lanes;
- an added or removed entity (or a replaced list of them) indexes the plan's ids once, then
  checks the added entities and every reference that could have named what went.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from itertools import chain
from typing import TYPE_CHECKING

from pydantic import BaseModel

from ..model import Entity, Plan, ProcessMap
from ..model.base import short_name
from ..model.index import index_of
from ..model.integrity import REF_KINDS, Fault, Lookup, placement_faults, reference_faults, self_faults
from ..model.referrers import naming, referrers
from ..model.walk import entity_types, field_label, find_place, iter_entities, nesting_fields

if TYPE_CHECKING:
    from .base import Change, ChangeSet

ENTITY_CLASSES: dict[str, type[Entity]] = {cls.__name__: cls for cls in entity_types()}


def first_fault(plan: Plan, changes: ChangeSet) -> str | None:
    """Why the plan after ``changes`` would be refused by the loader, in plain words, or None."""
    structural = False
    touched: list[tuple[Change, set[str]]] = []
    for change in changes:
        if change.kind in ("added", "removed"):
            structural = True
            continue
        cls = ENTITY_CLASSES.get(change.entity_type)
        if change.kind != "modified" or cls is None:
            continue
        roots = {path.split(".", 1)[0] for path in change.fields}
        if roots & set(nesting_fields(cls)):
            structural = True  # a list of entities replaced: ids come and go
        elif roots & cls.refs.keys():
            touched.append((change, roots))
    if structural:
        return _after_structural(plan, changes)
    for change, roots in touched:
        entity, owner = _locate(plan, change)
        if entity is not None:
            message = _first(_touched_faults(entity, owner, roots, _quick_lookup(plan, owner)))
            if message is not None:
                return message
    return None


def already_used(ident: str) -> str:
    return f'the id "{short_name(ident)}" is already used by another element of the plan'


def _first(faults: Iterable[tuple[Entity, Fault]]) -> str | None:
    for entity, fault in faults:
        return f"{entity.kind_label} '{short_name(entity.display_name)}': {field_label(fault.field)}: {fault.message}"
    return None


def _touched_faults(
    entity: Entity, owner: BaseModel | None, roots: set[str], lookup: Lookup
) -> Iterator[tuple[Entity, Fault]]:
    """Faults of an entity whose fields ``roots`` changed."""
    for fault in chain(reference_faults(entity, lookup, roots), self_faults(entity)):
        yield entity, fault
    if isinstance(owner, ProcessMap):
        yield from _placed(entity, owner, lookup)
    if isinstance(entity, ProcessMap) and "lanes" in roots:
        for step in entity.steps:
            yield from _placed(step, entity, lookup)


def _placed(entity: Entity, pmap: ProcessMap, lookup: Lookup) -> Iterator[tuple[Entity, Fault]]:
    own_steps = {s.id for s in pmap.steps}
    for fault in placement_faults(entity, set(pmap.lanes), own_steps, lookup):
        yield entity, fault


def _all_faults(entity: Entity, owner: BaseModel | None, lookup: Lookup) -> Iterator[tuple[Entity, Fault]]:
    """Every rule of one entity: an entity that is new to the plan."""
    yield from _touched_faults(entity, owner, set(entity.refs), lookup)


# -- a changed reference: find the entity and what it names without indexing the plan ----------
def _locate(plan: Plan, change: Change) -> tuple[Entity | None, BaseModel | None]:
    """The entity a change names and its owner: by the owner the change records, searched in
    the few places an edit's entity can be before the walk that find_place does."""
    if change.parent is None:
        for name in nesting_fields(Plan):
            value = getattr(plan, name)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, Entity) and item.id == change.id:
                    return item, plan
    else:
        for uc in plan.use_cases:
            for pmap in (uc.current, uc.redesigned):
                if pmap.id == change.parent:
                    for item in chain(pmap.steps, pmap.flows):
                        if item.id == change.id:
                            return item, pmap
            if uc.id == change.parent:
                for item in (uc.current, uc.redesigned, uc.governance):
                    if item.id == change.id:
                        return item, uc
    place = find_place(plan, change.id)
    return (None, None) if place is None else (place.entity, place.owner)


def _quick_lookup(plan: Plan, owner: BaseModel | None) -> Lookup:
    """Entities by id: the steps of the map at hand, the plan's own lists, the other maps,
    and only then the walk (for a reference that may name anything)."""
    own_map = owner if isinstance(owner, ProcessMap) else None
    plan_lists = [getattr(plan, name) for name in nesting_fields(Plan)]

    def lookup(ident: str) -> Entity | None:
        if own_map is not None:
            step = own_map.step(ident)
            if step is not None:
                return step
        for value in plan_lists:
            if isinstance(value, list):
                for item in value:
                    if item.id == ident:
                        return item
        found = plan.find_step(ident)
        if found is not None:
            return found[2]
        place = find_place(plan, ident)
        return None if place is None else place.entity

    return lookup


# -- added or removed entities: one index of the plan's ids ------------------------------------
def _index(model: BaseModel, into: dict[str, tuple[Entity, BaseModel]], repeated: list[str]) -> None:
    """Every entity under ``model`` by id, with its owner; ids met twice go to ``repeated``."""
    for name in nesting_fields(type(model)):
        value = getattr(model, name)
        if isinstance(value, Entity):
            if value.id in into:
                repeated.append(value.id)
            into[value.id] = (value, model)
            _index(value, into, repeated)
        elif isinstance(value, BaseModel):
            _index(value, into, repeated)
        elif isinstance(value, list) and value and isinstance(value[0], Entity):
            inner = bool(nesting_fields(type(value[0])))
            for item in value:
                if item.id in into:
                    repeated.append(item.id)
                into[item.id] = (item, model)
                if inner:
                    _index(item, into, repeated)


@cache
def contained_classes(cls: type[BaseModel]) -> frozenset[type[Entity]]:
    """The entity classes an entity of ``cls`` may hold, itself included (a use case: its maps,
    their steps and flows, its governance and thresholds)."""
    found: set[type[Entity]] = {cls} if issubclass(cls, Entity) else set()
    for name in nesting_fields(cls):
        for inner in ENTITY_CLASSES.values():
            if inner is not cls and _holds(cls, name, inner):
                found |= contained_classes(inner)
    return frozenset(found)


def _holds(cls: type[BaseModel], field: str, inner: type[Entity]) -> bool:
    annotation = cls.model_fields[field].annotation
    return annotation is inner or inner in getattr(annotation, "__args__", ())


def _after_structural(plan: Plan, changes: ChangeSet) -> str | None:
    replaced = any(
        change.kind == "modified"
        and change.entity_type in ENTITY_CLASSES
        and {path.split(".", 1)[0] for path in change.fields} & set(nesting_fields(ENTITY_CLASSES[change.entity_type]))
        for change in changes
    )
    places = index_of(plan)
    if places is None or replaced:
        # No index to ask (or lists of entities replaced wholesale): index the ids once here,
        # which also finds an id used twice.
        index: dict[str, tuple[Entity, BaseModel]] = {}
        repeated: list[str] = []
        _index(plan, index, repeated)
        if repeated:
            return already_used(repeated[0])
        where = index.get
    else:
        index = None

        # The open plan's index answers; AddEntity has refused an id already in use.
        def where(ident: str) -> tuple[Entity, BaseModel] | None:
            place = places.place(ident)
            return None if place is None else (place.entity, place.owner)

    def lookup(ident: str) -> Entity | None:
        found = where(ident)
        return None if found is None else found[0]

    lost: set[type[Entity]] = set()
    gone: set[str] | None = set()  # the ids removed, while each removed entity held no other
    faults: list[Iterator[tuple[Entity, Fault]]] = []
    for change in changes:
        cls = ENTITY_CLASSES.get(change.entity_type)
        found = where(change.id)
        if change.kind == "removed" and cls is not None:
            lost |= contained_classes(cls)
            if gone is not None and contained_classes(cls) == {cls}:
                gone.add(change.id)
            else:
                gone = None  # entities inside it went too, and the change record names only it
        elif change.kind in ("added", "modified") and found is not None and cls is not None:
            entity, owner = found
            roots = {path.split(".", 1)[0] for path in change.fields}
            if change.kind == "added" or roots & set(nesting_fields(cls)):
                if change.kind == "modified":
                    lost |= contained_classes(cls)
                    gone = None
                faults.append(_all_faults(entity, owner, lookup))
                faults.extend(_all_faults(*where(inner.id), lookup) for inner in iter_entities(entity))
            else:
                faults.append(_touched_faults(entity, owner, roots, lookup))
    message = _first(chain.from_iterable(faults))
    if message is None and lost:
        # Every reference that could have named what went. With the ids that went known, only a
        # field naming one of them is looked up (the open plan's index answers those few); else
        # every such field is, against a plain dict of the plan's ids.
        if gone is None and index is None:
            index = {}
            _index(plan, index, [])
            lookup = _dict_lookup(index)
        message = _first(_references_to(plan, lookup, lost, gone))
    return message


def _dict_lookup(index: dict[str, tuple[Entity, BaseModel]]) -> Lookup:
    def lookup(ident: str) -> Entity | None:
        found = index.get(ident)
        return None if found is None else found[0]

    return lookup


def _references_to(
    plan: Plan, lookup: Lookup, lost: set[type[Entity]], gone: set[str] | None = None
) -> Iterator[tuple[Entity, Fault]]:
    """References that may have named an entity of a kind in ``lost`` (one that went).

    With ``gone``, the ids of every entity that went, only a field naming one of them is
    checked: the plan kept the rules before the edit, so a reference the edit did not touch
    can only have broken by naming what went (a set test per field instead of a lookup per id).
    Only entities with such a field are visited (``referrers``: a role's removal never reads
    the flows).
    """
    kinds = {"any"} | {kind for kind, cls in REF_KINDS.items() if cls in lost}
    found = referrers(plan, kinds) if gone is None else naming(plan, kinds, gone)
    for entity, fields in found:
        for fault in reference_faults(entity, lookup, set(fields)):
            yield entity, fault
