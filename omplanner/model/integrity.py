"""What a plan must be beyond its fields' values, or no file of it opens again.

These are the rules the loader refuses a file by: ids are unique, every reference names an
entity of the right kind, a step sits in a lane of its own map, flows and exception routes stay
inside their map, and no roadmap item depends on itself. Each rule is written once, for one
entity at a time, given a lookup of entities by id: the loader checks every entity of a file,
and an edit checks only the entities it touched (``omplanner.commands.verify``).
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass

from .base import Entity
from .plan import DataSource, Decision, Flow, Plan, RoadmapItem, Role, Step, UseCase
from .walk import Place, Problem, field_label, iter_places, ref_values

REF_KINDS: dict[str, type[Entity]] = {
    "role": Role,
    "use_case": UseCase,
    "step": Step,
    "decision": Decision,
    "data_source": DataSource,
    "roadmap_item": RoadmapItem,
}

Lookup = Callable[[str], Entity | None]
"""The entity with an id, or None when the plan has none."""


@dataclass(frozen=True)
class Fault:
    """One broken rule of one entity: the field it is in and what is wrong, in plain words."""

    field: str
    message: str


def reference_faults(entity: Entity, lookup: Lookup, fields: Container[str] | None = None) -> Iterator[Fault]:
    """References (of ``fields``, or all) to nothing, or to an entity of the wrong kind."""
    for field, kind in entity.refs.items():
        if fields is not None and field not in fields:
            continue
        for ref in ref_values(entity, field):
            target = lookup(ref)
            if target is None:
                yield Fault(field, f'points at "{ref}", which is not in the plan')
            elif kind != "any" and not isinstance(target, REF_KINDS[kind]):
                expected = REF_KINDS[kind].kind_label
                yield Fault(field, f'should name a {expected}, but "{ref}" is a {target.kind_label}')


def placement_faults(
    entity: Entity, lanes: Container[str], own_steps: Container[str], lookup: Lookup
) -> Iterator[Fault]:
    """A step or flow of a map (with the map's ``lanes`` and step ids) reaching out of its map.

    A reference to nothing is a reference fault, not reported again here."""
    if isinstance(entity, Step):
        if entity.lane not in lanes and lookup(entity.lane) is not None:
            yield Fault("lane", f'"{entity.lane}" is not a lane of this map')
        route = entity.exception_route
        if route and route not in own_steps and lookup(route) is not None:
            yield Fault("exception_route", "leads to a step of another map")
    elif isinstance(entity, Flow):
        for field in ("source", "target"):
            ref = getattr(entity, field)
            if ref not in own_steps and lookup(ref) is not None:
                yield Fault(field, "joins a step of another map")


def self_faults(entity: Entity) -> Iterator[Fault]:
    """An entity pointing at itself where that means nothing."""
    if isinstance(entity, RoadmapItem) and entity.id in entity.depends_on:
        yield Fault("depends_on", "an item cannot depend on itself")


def check_integrity(plan: Plan) -> list[Problem]:
    """Every broken rule of the plan, each with the place it is in: what the loader refuses."""
    # A plan that keeps every rule (almost every file opened) needs no words for places: those
    # were most of the check's time on a large plan. Only a plan with problems is walked again
    # with them, for the messages.
    if not _problems(plan, readable=False):
        return []
    return _problems(plan, readable=True)


def _problems(plan: Plan, readable: bool) -> list[Problem]:
    problems: list[Problem] = []
    places: dict[str, Place] = {}
    for place in iter_places(plan, readable):
        ident = place.entity.id
        if ident in places:
            first = " → ".join(places[ident].path)
            problems.append(Problem(place.path, f'the id "{ident}" is already used by {first}'))
        else:
            places[ident] = place

    def lookup(ident: str) -> Entity | None:
        place = places.get(ident)
        return None if place is None else place.entity

    def add(place: Place, faults: Iterator[Fault]) -> None:
        problems.extend(Problem(place.path + (field_label(f.field),), f.message) for f in faults)

    for place in places.values():
        add(place, reference_faults(place.entity, lookup))
    for _uc, _variant, pmap in plan.maps():
        lanes, own_steps = set(pmap.lanes), {s.id for s in pmap.steps}
        for entity in (*pmap.steps, *pmap.flows):
            add(places[entity.id], placement_faults(entity, lanes, own_steps, lookup))
    for item in plan.roadmap:
        add(places[item.id], self_faults(item))
    return problems
