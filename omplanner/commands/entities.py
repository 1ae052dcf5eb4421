"""The generic edits: add, remove, change fields of, and reorder any entity, by id.

Every kind of entity in the plan is edited through these four, so that undo, the change
record and the tests are the same for roles, steps, thresholds and roadmap items alike.
"""

from __future__ import annotations

import copy
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from ..model import Entity, Plan
from ..model.index import index_of, note_changes
from ..model.walk import Place, field_label, find_place, iter_entities
from .base import Change, ChangeSet, Command, CommandError
from .verify import already_used


def _noted(plan: Plan, changes: ChangeSet) -> ChangeSet:
    """Keep the plan's id index (if it has one) current before the next lookup."""
    note_changes(plan, changes)
    return changes


def _place(plan: Plan, entity_id: str) -> Place:
    place = find_place(plan, entity_id)
    if place is None:
        raise CommandError(f'"{entity_id}" is no longer in the plan')
    return place


def _owner(plan: Plan, owner_id: str | None) -> BaseModel:
    return plan if owner_id is None else _place(plan, owner_id).entity


def _list(owner: BaseModel, field: str) -> list:
    value = getattr(owner, field, None)
    if not isinstance(value, list):
        raise CommandError(f"{type(owner).__name__} has no list called {field}")
    return value


def _owner_id(owner: BaseModel) -> str | None:
    return owner.id if isinstance(owner, Entity) else None


def _owner_words(owner: BaseModel) -> str:
    return f"a {owner.kind_label}" if isinstance(owner, Entity) else "the plan"


def _check_fits(owner: BaseModel, field: str, items: list, entity: Entity) -> None:
    """Refuse an entity that the list does not hold (a role among steps) or that overfills it:
    the file would be refused, and every view of the list would meet what it cannot show."""
    info = type(owner).model_fields[field]
    kinds = get_args(info.annotation)
    if not (kinds and isinstance(kinds[0], type) and isinstance(entity, kinds[0])):
        where = f"the {field_label(field)} of {_owner_words(owner)}"
        raise CommandError(f"a {entity.kind_label} cannot be added to {where}")
    limit = next((m.max_length for m in info.metadata if getattr(m, "max_length", None) is not None), None)
    if limit is not None and len(items) >= limit:
        raise CommandError(f"{_owner_words(owner)} holds at most {limit:,} {field_label(field)}".capitalize())


class AddEntity(Command):
    """Insert an entity into a list of its owner (the plan when ``owner_id`` is None)."""

    def __init__(
        self,
        owner_id: str | None,
        field: str,
        entity: Entity,
        index: int | None = None,
        text: str = "",
        *,
        copy: bool = True,
    ):
        """``copy=False``: the caller hands ``entity`` over and never changes it again (a rule's
        fix, built fresh with each finding), so it is not copied here; ``perform`` inserts a copy
        of it all the same."""
        self.owner_id = owner_id
        self.field = field
        self.entity = entity.model_copy(deep=True) if copy else entity
        self.index = index
        self.text = text or f"Add {entity.kind_label} '{entity.display_name}'"
        self._checked = False
        self._inserted: Entity | None = None

    def perform(self, plan: Plan) -> ChangeSet:
        owner = _owner(plan, self.owner_id)
        items = _list(owner, self.field)
        _check_fits(owner, self.field, items, self.entity)
        if not self._checked:
            # An entity made by model_copy(update=...) or model_construct was never validated.
            try:
                type(self.entity).model_validate(self.entity.model_dump())
            except ValidationError as exc:
                raise CommandError(_validation_message(self.entity, exc)) from None
            self._checked = True
        if index_of(plan) is not None:  # without an index, the check after the edit finds it
            for inner in (self.entity, *iter_entities(self.entity)):
                if find_place(plan, inner.id) is not None:
                    raise CommandError(already_used(inner.id))
        index = len(items) if self.index is None else max(0, min(self.index, len(items)))
        self._inserted = self.entity.model_copy(deep=True)
        items.insert(index, self._inserted)
        return _noted(plan, ChangeSet([Change("added", type(self.entity).__name__, self.entity.id, self.owner_id)]))

    def revert(self, plan: Plan) -> ChangeSet:
        items = _list(_owner(plan, self.owner_id), self.field)
        # The very entity inserted: another one with the same id may be there (a refused add).
        matches = [i for i, item in enumerate(items) if item is self._inserted]
        matches = matches or [i for i, item in enumerate(items) if item.id == self.entity.id][-1:]
        if matches:
            del items[matches[0]]
        return _noted(plan, ChangeSet([Change("removed", type(self.entity).__name__, self.entity.id, self.owner_id)]))


class RemoveEntity(Command):
    """Take an entity out of its list; revert puts the same entity back at the same index.

    This removes only the entity (and what it contains). Use ``remove_cascade`` to also mend
    what refers to it, which is what an edit from the user interface wants.
    """

    def __init__(self, entity_id: str, text: str = ""):
        self.entity_id = entity_id
        self.text = text
        self._removed: Entity | None = None
        self._owner_id: str | None = None
        self._field = ""
        self._index = 0

    def perform(self, plan: Plan) -> ChangeSet:
        place = _place(plan, self.entity_id)
        if place.index is None:
            raise CommandError(f"{place.entity.kind_label} cannot be removed on its own")
        self._owner_id, self._field, self._index = _owner_id(place.owner), place.field, place.index
        self._removed = _list(place.owner, place.field).pop(place.index)
        self.text = self.text or f"Delete {self._removed.kind_label} '{self._removed.display_name}'"
        return _noted(
            plan, ChangeSet([Change("removed", type(self._removed).__name__, self.entity_id, self._owner_id)])
        )

    def revert(self, plan: Plan) -> ChangeSet:
        assert self._removed is not None, "revert before apply"
        _list(_owner(plan, self._owner_id), self._field).insert(self._index, self._removed)
        return _noted(plan, ChangeSet([Change("added", type(self._removed).__name__, self.entity_id, self._owner_id)]))


_IMMUTABLE = (str, int, float, bool, type(None))


def _copied(value: Any) -> Any:
    """A copy of a field's value that no later edit of the original can reach: ``deepcopy``,
    except that a value with nothing mutable in it (a name, a number, a list of ids) is copied
    at once. Removing a role used in 40 decisions copies 120 lists of ids; each ``deepcopy``
    cost more than the rest of its edit."""
    if type(value) in _IMMUTABLE:
        return value
    if type(value) is list and all(type(item) in _IMMUTABLE for item in value):
        return list(value)
    return copy.deepcopy(value)


def _resolve_path(entity: BaseModel, path: str) -> tuple[BaseModel, str]:
    *parents, leaf = path.split(".")
    target = entity
    for name in parents:
        target = getattr(target, name)
        if not isinstance(target, BaseModel):
            raise CommandError(f"{path} is not a field that can be edited")
    if leaf not in type(target).model_fields:
        raise CommandError(f"{type(target).__name__} has no field {leaf}")
    return target, leaf


class SetFields(Command):
    """Change fields of one entity. Keys may be dotted for nested values: ``tractability.definition``.

    The old values are captured at every apply, so that a command applied again after other
    edits reverts to what was there then. ``merge_key`` lets a run of edits of the same fields
    (arrow-key nudges, typing) become one undo step: the first command takes the newest values
    and keeps the old ones from before the run.
    """

    def __init__(self, entity_id: str, changes: dict[str, Any], text: str = "", merge_key: str | None = None):
        if not changes:
            raise ValueError("SetFields needs at least one change")
        self.entity_id = entity_id
        self.new = {k: _copied(v) for k, v in changes.items()}
        self.old: dict[str, Any] | None = None
        self.text = text
        self.merge_key = merge_key
        self._type = ""

    def _write(self, plan: Plan, values: dict[str, Any], capture: bool) -> ChangeSet:
        place = _place(plan, self.entity_id)
        entity = place.entity
        before: dict[str, Any] = {}
        try:
            for path, value in values.items():
                target, leaf = _resolve_path(entity, path)
                before[path] = _copied(getattr(target, leaf))
                setattr(target, leaf, _copied(value))
        except (ValidationError, CommandError) as exc:
            for path, value in reversed(before.items()):
                target, leaf = _resolve_path(entity, path)
                object.__setattr__(target, leaf, value)
            if isinstance(exc, CommandError):
                raise
            raise CommandError(_validation_message(entity, exc)) from exc
        if capture:
            self.old = before
        self._type = type(entity).__name__
        if not self.text:
            names = ", ".join(p.split(".")[-1].replace("_", " ") for p in values)
            self.text = f"Change {names} of '{entity.display_name}'"
        parent = _owner_id(place.owner)
        return _noted(plan, ChangeSet([Change("modified", self._type, self.entity_id, parent, tuple(values))]))

    def perform(self, plan: Plan) -> ChangeSet:
        if "id" in self.new:
            raise CommandError("an element's id cannot be changed: other parts of the plan refer to it")
        return self._write(plan, self.new, capture=True)

    def revert(self, plan: Plan) -> ChangeSet:
        assert self.old is not None, "revert before apply"
        return self._write(plan, self.old, capture=False)

    def merge_with(self, other: Command) -> bool:
        if (
            isinstance(other, SetFields)
            and self.merge_key is not None
            and other.merge_key == self.merge_key
            and other.entity_id == self.entity_id
            and set(other.new) == set(self.new)
        ):
            self.new = copy.deepcopy(other.new)
            return True
        return False


def _validation_message(entity: Entity, exc: ValidationError) -> str:
    first = exc.errors()[0]
    field = " ".join(str(p) for p in first["loc"]).replace("_", " ")
    return f"{entity.kind_label} '{entity.display_name}': {field}: {first['msg']}"


class MoveEntity(Command):
    """Move an entity to another index of the list it is in (reordering use cases, lanes...)."""

    def __init__(self, entity_id: str, new_index: int, text: str = ""):
        self.entity_id = entity_id
        self.new_index = new_index
        self.old_index: int | None = None
        self.text = text

    def _move_to(self, plan: Plan, index: int, capture: bool) -> ChangeSet:
        place = _place(plan, self.entity_id)
        if place.index is None:
            raise CommandError(f"{place.entity.kind_label} is not in a list")
        items = _list(place.owner, place.field)
        if capture:
            self.old_index = place.index
        item = items.pop(place.index)
        items.insert(max(0, min(index, len(items))), item)
        self.text = self.text or f"Move {item.kind_label} '{item.display_name}'"
        return ChangeSet([Change("moved", type(item).__name__, self.entity_id, _owner_id(place.owner))])

    def perform(self, plan: Plan) -> ChangeSet:
        return self._move_to(plan, self.new_index, capture=True)

    def revert(self, plan: Plan) -> ChangeSet:
        assert self.old_index is not None, "revert before apply"
        return self._move_to(plan, self.old_index, capture=False)
