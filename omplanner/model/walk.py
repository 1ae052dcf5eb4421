"""Walking a plan: every entity with where it sits, the id index, and who refers to what.

The rules a plan must keep (unique ids, references to the right kind...) are in ``integrity``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import get_args

from pydantic import BaseModel

from .base import Entity, short_name
from .index import index_of
from .plan import (
    Baseline,
    CapabilityRequirement,
    Comment,
    DataSource,
    Decision,
    Flow,
    Governance,
    Plan,
    ProcessMap,
    RoadmapItem,
    Role,
    Score,
    Step,
    Threshold,
    UseCase,
)

FIELD_LABELS = {
    "current": "current process",
    "redesigned": "redesigned process",
    "governance": "governance",
    "details": "plan details",
    "tractability": "tractability",
    "pilot_kpi": "pilot KPI",
    "rule_settings": "rule settings",
}
"""Field names whose words differ from the field name, for locations in messages."""


@dataclass(frozen=True)
class Place:
    """Where an entity sits: its owner entity (None for the plan), the list field and index."""

    entity: Entity
    owner: BaseModel
    field: str | None
    index: int | None
    path: tuple[str, ...]
    """Human location, e.g. ('use case "AP invoices"', 'redesigned process', 'step 3 "Match"')."""


def describe(entity: Entity, index: int | None = None) -> str:
    label = entity.kind_label
    if index is not None and entity.numbered:
        label = f"{label} {index + 1}"
    name = entity.display_name
    if name and name != entity.id:
        return f'{label} "{short_name(name)}"'
    return f"{label} {entity.id}" if index is None else label


def field_label(name: str) -> str:
    """A field's name in the words of messages: ``exception_route`` is "exception route"."""
    return FIELD_LABELS.get(name, name.replace("_", " "))


def iter_places(plan: Plan, readable: bool = True) -> Iterator[Place]:
    """Every entity in the plan, depth first, in file order (``readable``: see ``_walk``)."""
    yield from _walk(plan, (), readable)


@cache
def nesting_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model class that can hold models, in field order. Steps, flows, roles...
    have none, so the walk skips their fields: every edit and every load walks the whole plan,
    and reading each field of thousands of steps was most of its cost."""
    names = []
    for name, info in cls.model_fields.items():
        types = get_args(info.annotation) or (info.annotation,)
        types += tuple(inner for t in types for inner in get_args(t))
        if any(isinstance(t, type) and issubclass(t, BaseModel) for t in types):
            names.append(name)
    return tuple(names)


def _walk(model: BaseModel, path: tuple[str, ...], readable: bool = True) -> Iterator[Place]:
    """``readable=False`` leaves every path empty: edits look entities up after each keystroke
    and drag, and need only the owner, field and index, not the words for messages."""
    for name in nesting_fields(type(model)):
        value = getattr(model, name)
        if isinstance(value, Entity):
            here = path + (field_label(name),) if readable else path
            yield Place(value, model, name, None, here)
            yield from _walk(value, here, readable)
        elif isinstance(value, BaseModel):
            yield from _walk(value, path, readable)
        elif isinstance(value, list) and value and isinstance(value[0], Entity):
            for index, item in enumerate(value):
                here = path + (describe(item, index),) if readable else path
                yield Place(item, model, name, index, here)
                yield from _walk(item, here, readable)


def find_place(plan: Plan, entity_id: str) -> Place | None:
    """Where one entity sits (its ``path`` left empty), or None: the fast lookup edits use.

    A plan being edited in the app has an index (``index.attach``) that answers at once.
    Otherwise the plan's own lists (roadmap items, decisions, roles...) are searched before the
    walk goes into the use cases, whose maps hold most of a large plan's entities."""
    index = index_of(plan)
    if index is not None:
        return index.place(entity_id)
    for name in nesting_fields(Plan):
        value = getattr(plan, name)
        if isinstance(value, list):
            for index, item in enumerate(value):
                if item.id == entity_id:
                    return Place(item, plan, name, index, ())
    return next((place for place in _walk(plan, (), readable=False) if place.entity.id == entity_id), None)


def iter_entities(model: BaseModel) -> Iterator[Entity]:
    """Every entity in the plan (or inside an entity), in file order: the walk of ``iter_places``
    without building a place for each, for edits that scan every entity's references."""
    for name in nesting_fields(type(model)):
        value = getattr(model, name)
        if isinstance(value, Entity):
            yield value
            yield from iter_entities(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, Entity):
                    yield item
                    if nesting_fields(type(item)):
                        yield from iter_entities(item)
        elif isinstance(value, BaseModel):
            yield from iter_entities(value)


def index_places(plan: Plan) -> dict[str, Place]:
    return {place.entity.id: place for place in iter_places(plan)}


def ref_values(entity: Entity, field: str) -> list[str]:
    value = getattr(entity, field)
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


@dataclass(frozen=True)
class Usage:
    """One place where an entity's id is referenced."""

    place: Place
    field: str


def find_usages(plan: Plan, target_id: str) -> list[Usage]:
    usages = []
    for place in iter_places(plan):
        for field in place.entity.refs:
            if target_id in ref_values(place.entity, field):
                usages.append(Usage(place, field))
    return usages


@dataclass(frozen=True)
class Problem:
    """Something wrong in a plan that loaded as JSON but does not hold together (see ``integrity``)."""

    path: tuple[str, ...]
    message: str

    def __str__(self) -> str:
        return " → ".join(self.path) + ": " + self.message


def entity_types() -> tuple[type[Entity], ...]:
    return (
        Role,
        UseCase,
        ProcessMap,
        Step,
        Flow,
        Governance,
        Threshold,
        Decision,
        CapabilityRequirement,
        DataSource,
        Score,
        RoadmapItem,
        Comment,
        Baseline,
    )
