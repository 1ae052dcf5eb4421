"""Removing an entity together with what refers to it, so the plan never points at nothing."""

from __future__ import annotations

from functools import cache
from typing import get_origin

from ..model import Plan
from ..model.index import indexed
from ..model.integrity import REF_KINDS
from ..model.referrers import naming
from ..model.walk import find_place
from .base import Command, Macro
from .entities import RemoveEntity, SetFields
from .verify import contained_classes


def _contained_ids(plan: Plan, entity_id: str) -> set[str]:
    """The entity's id and the ids of every entity inside it (a use case holds its maps...)."""
    target = find_place(plan, entity_id).entity
    ids = {entity_id}
    from ..model.walk import _walk  # the same walk, rooted at the entity

    ids.update(place.entity.id for place in _walk(target, (), readable=False))
    return ids


def remove_cascade(plan: Plan, entity_id: str, text: str = "") -> Command:
    """One undoable edit that removes the entity and mends every reference to it.

    A list of ids loses the id; an optional reference is cleared; an entity that cannot exist
    without the target (a flow without its step, a decision without its use case) goes too.
    """
    with indexed(plan):  # each entity that goes with it is looked up by id: not a walk each
        target = find_place(plan, entity_id).entity
        doomed = _contained_ids(plan, entity_id)
        commands: list[Command] = []
        _collect(plan, doomed, commands, seen=set(doomed), kinds=_kinds_inside(type(target)))
    commands.append(RemoveEntity(entity_id))
    label = text or f"Delete {target.kind_label} '{target.display_name}'"
    return Macro(label, commands) if len(commands) > 1 else RemoveEntity(entity_id, label)


def _collect(plan: Plan, doomed: set[str], commands: list[Command], seen: set[str], kinds: frozenset[str]) -> None:
    also_removed: list[str] = []
    for entity, names in naming(plan, kinds, doomed):  # only the entities whose fields name what goes
        if entity.id in seen:
            continue
        changes = {}
        for field, is_list, required in _ref_fields(type(entity), kinds):
            if field not in names:
                continue
            value = getattr(entity, field)
            if is_list:
                if value and not doomed.isdisjoint(value):
                    changes[field] = [r for r in value if r not in doomed]
            elif value in doomed:
                if required:
                    also_removed.append(entity.id)
                    break
                changes[field] = None
        else:
            if changes:
                commands.append(SetFields(entity.id, changes))
    for extra in also_removed:
        if extra in seen:
            continue
        kinds = kinds | _kinds_inside(type(find_place(plan, extra).entity))
        inner = _contained_ids(plan, extra)
        seen.update(inner)
        doomed.update(inner)
        commands.append(RemoveEntity(extra))
    if also_removed:
        # What was removed in this round may itself be referred to (a step's flows...).
        _collect(plan, doomed, commands, seen, kinds)


@cache
def _kinds_inside(cls: type) -> frozenset[str]:
    """The reference kinds that can name an entity of ``cls`` or one inside it ("any" always)."""
    inside = contained_classes(cls)
    return frozenset({"any"} | {kind for kind, target in REF_KINDS.items() if target in inside})


@cache
def _ref_fields(cls: type, kinds: frozenset[str]) -> tuple[tuple[str, bool, bool], ...]:
    """Each reference field of an entity class that can name an entity of one of ``kinds``: its
    name, whether it holds a list of ids, and whether the entity cannot exist without it. Read
    once per class, not once per entity."""
    fields = []
    for name, kind in cls.refs.items():
        if kind not in kinds:
            continue
        info = cls.model_fields[name]
        is_list = get_origin(info.annotation) is list or "list[" in str(info.annotation)
        fields.append((name, is_list, info.is_required() and not is_list))
    return tuple(fields)
