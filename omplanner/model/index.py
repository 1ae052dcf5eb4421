"""Where every entity of an open plan sits, by id, kept current by the edits' change records.

A plan that is being edited (the app's open plan) gets a ``PlaceIndex`` with ``attach``. From
then on ``find_place`` answers from the index instead of walking the plan, and the generic
commands tell the index what they added, removed or replaced (``note_changes``), so that no
keystroke, drag or cascade walks the whole plan. A plan with no index is walked as before.

Each answer is checked against the plan before it is given (the entity is still in the list
its owner holds, and the owner is still in the plan), so an index that missed a change made
around the commands answers right after one rebuild instead of answering wrong.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

from pydantic import BaseModel

from .base import Entity

if TYPE_CHECKING:
    from .plan import Plan
    from .walk import Place

_Entry = tuple[Entity, BaseModel, str, str | None]
"""The entity, the model whose field holds it, that field, and the owning entity's id."""


class PlaceIndex:
    def __init__(self, plan: Plan):
        self._plan = weakref.ref(plan)
        self._entries: dict[str, _Entry] = {}
        self._current = False

    @property
    def plan(self) -> Plan:
        plan = self._plan()
        assert plan is not None, "the plan of this index is gone"
        return plan

    # Answers -----------------------------------------------------------------------------
    def place(self, entity_id: str) -> Place | None:
        """Where the entity sits (its ``path`` left empty), or None if the plan has no such id."""
        if not self._current:
            self.rebuild()
        entry = self._entries.get(entity_id)
        if entry is None:
            return None
        place = self._checked(entity_id, entry)
        if place is None:  # the plan changed around the commands: look again, once
            self.rebuild()
            entry = self._entries.get(entity_id)
            place = self._checked(entity_id, entry) if entry else None
        return place

    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        place = self.place(entity_id)
        return place.entity if place else None

    def __contains__(self, entity_id: str) -> bool:
        return self.place(entity_id) is not None

    def _checked(self, entity_id: str, entry: _Entry) -> Place | None:
        entity, holder, field, owner_id = entry
        if entity.id != entity_id:
            return None
        value = getattr(holder, field, None)
        if value is entity:
            index = None
        elif isinstance(value, list):
            index = next((i for i, item in enumerate(value) if item is entity), None)
            if index is None:
                return None
        else:
            return None
        if owner_id is not None and self._owner_gone(owner_id):
            return None
        return _walk().Place(entity, holder, field, index, ())

    def _owner_gone(self, owner_id: str) -> bool:
        entry = self._entries.get(owner_id)
        return entry is None or self._checked(owner_id, entry) is None

    # Keeping current ---------------------------------------------------------------------
    def rebuild(self) -> None:
        self._entries = {}
        self._add_children(self.plan, None)
        self._current = True

    def invalidate(self) -> None:
        """Rebuild at the next question (after an edit the index cannot follow)."""
        self._current = False

    def note_changes(self, changes: Iterable) -> None:
        """Follow one edit's change record (``omplanner.commands.Change`` items)."""
        if not self._current:
            return
        for change in changes:
            if change.kind == "added":
                if not self._added(change.id, change.parent):
                    self.invalidate()
                    return
            elif change.kind == "removed":
                self._removed(change.id)
            elif change.kind == "modified" and self._holds_entities(change.id, change.fields):
                self.invalidate()
                return

    def _added(self, entity_id: str, parent_id: str | None) -> bool:
        holder = self.plan if parent_id is None else self.entity(parent_id)
        if holder is None:
            return False
        for field, value in _entity_fields(holder):
            for item in value if isinstance(value, list) else (value,):
                if item.id == entity_id:
                    self._entries[entity_id] = (item, holder, field, parent_id)
                    self._add_children(item, entity_id)
                    return True
        return False

    def _removed(self, entity_id: str) -> None:
        entry = self._entries.pop(entity_id, None)
        if entry is not None:
            for child in _descendants(entry[0]):
                if self._entries.get(child.id, (None,))[0] is child:
                    del self._entries[child.id]

    def _holds_entities(self, entity_id: str, fields: tuple[str, ...]) -> bool:
        entry = self._entries.get(entity_id)
        if entry is None:
            return False
        nesting = _walk().nesting_fields(type(entry[0]))
        return any(path.split(".")[0] in nesting for path in fields) or "id" in fields

    def _add_children(self, model: BaseModel, owner_id: str | None) -> None:
        for field, value in _entity_fields(model):
            for item in value if isinstance(value, list) else (value,):
                self._entries[item.id] = (item, model, field, owner_id)
                self._add_children(item, item.id)


def _entity_fields(model: BaseModel) -> Iterator[tuple[str, Entity | list[Entity]]]:
    """The fields of ``model`` that hold entities, with their values. Nested plain models
    (a use case's tractability) hold no entities and are passed over."""
    for name in _walk().nesting_fields(type(model)):
        value = getattr(model, name)
        if isinstance(value, Entity) or (isinstance(value, list) and value and isinstance(value[0], Entity)):
            yield name, value


@cache
def _walk():
    """The ``walk`` module, which imports this one: imported at its first use, once. An import
    statement run at every answer costs about 5 µs once PySide6 is loaded (its import hook), more
    than the answer itself: a role's removal asked some 190 of them."""
    from . import walk

    return walk


def _descendants(entity: Entity) -> Iterator[Entity]:
    for _field, value in _entity_fields(entity):
        for item in value if isinstance(value, list) else (value,):
            yield item
            yield from _descendants(item)


_indexes: dict[int, PlaceIndex] = {}


def attach(plan: Plan) -> PlaceIndex:
    """Give ``plan`` an index (or return the one it has), for as long as the plan lives."""
    index = _indexes.get(id(plan))
    if index is None or index._plan() is not plan:
        index = PlaceIndex(plan)
        _indexes[id(plan)] = index
        weakref.finalize(plan, _indexes.pop, id(plan), None)
    return index


@contextmanager
def indexed(plan: Plan) -> Iterator[PlaceIndex]:
    """The plan's index, or one kept only for the ``with`` block: a cascade or a macro of many
    parts on a plan with no index (a scratch copy, the command line, an import) would walk the
    whole plan once per entity it looks up, which on a large plan takes minutes. The index lives
    only while the commands keep it current; edits made around them later cannot mislead it."""
    index = index_of(plan)
    if index is not None:
        yield index
        return
    index = attach(plan)
    try:
        yield index
    finally:
        if _indexes.get(id(plan)) is index:
            del _indexes[id(plan)]


def index_of(plan: BaseModel) -> PlaceIndex | None:
    index = _indexes.get(id(plan))
    return index if index is not None and index._plan() is plan else None


def note_changes(plan: Plan, changes: Iterable) -> None:
    """Tell the plan's index (if it has one) what an edit changed."""
    index = index_of(plan)
    if index is not None:
        index.note_changes(changes)
