"""Removing an entity together with what refers to it, so the plan never points at nothing."""

from __future__ import annotations

from ..model import Plan
from ..model.walk import find_place, iter_entities, ref_values
from .base import Command, Macro
from .entities import RemoveEntity, SetFields


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
    target = find_place(plan, entity_id).entity
    doomed = _contained_ids(plan, entity_id)
    commands: list[Command] = []
    _collect(plan, doomed, commands, seen=set(doomed))
    commands.append(RemoveEntity(entity_id))
    label = text or f"Delete {target.kind_label} '{target.display_name}'"
    return Macro(label, commands) if len(commands) > 1 else RemoveEntity(entity_id, label)


def _collect(plan: Plan, doomed: set[str], commands: list[Command], seen: set[str]) -> None:
    also_removed: list[str] = []
    for entity in iter_entities(plan):
        if entity.id in seen:
            continue
        changes = {}
        for field, _kind in entity.refs.items():
            value = getattr(entity, field)
            hits = [r for r in ref_values(entity, field) if r in doomed]
            if not hits:
                continue
            if isinstance(value, list):
                changes[field] = [r for r in value if r not in doomed]
            elif type(entity).model_fields[field].is_required():
                also_removed.append(entity.id)
                break
            else:
                changes[field] = None
        else:
            if changes:
                commands.append(SetFields(entity.id, changes))
    for extra in also_removed:
        if extra in seen:
            continue
        inner = _contained_ids(plan, extra)
        seen.update(inner)
        doomed.update(inner)
        commands.append(RemoveEntity(extra))
    if also_removed:
        # What was removed in this round may itself be referred to (a step's flows...).
        _collect(plan, doomed, commands, seen)
