"""The entities whose references could name an entity of some kinds, found without visiting the rest.

Removing a role must find every field that may name it: lanes of steps and maps, decision rights,
owners... but never the flows, which name only steps. ``referrers`` walks the plan in file order,
as ``walk.iter_entities`` does, and yields only the entities that have such a field, going into a
list only when something it can hold has one: a role's removal skips the 4,000 flows of a large
plan without looking at them. The answer is the same as filtering ``iter_entities`` by class
(a test checks it on generated plans).
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache
from itertools import chain
from operator import attrgetter
from typing import get_args, get_origin

from pydantic import BaseModel

from .base import Entity
from .walk import nesting_fields


def referrers(model: BaseModel, kinds: Collection[str]) -> list[tuple[Entity, tuple[str, ...]]]:
    """Each entity under ``model`` (depth first, in file order) with a reference field of one of
    ``kinds`` ("role", "step"..., and "any" for fields that may name anything), and those fields."""
    found: list[tuple[Entity, tuple[str, ...]]] = []
    _visit(model, frozenset(kinds), found)
    return found


def naming(model: BaseModel, kinds: Collection[str], ids: set[str]) -> list[tuple[Entity, tuple[str, ...]]]:
    """What ``referrers`` yields, narrowed to the entities whose fields of ``kinds`` name one of
    ``ids``, each with just those fields: the references a removal must mend or check. A list of
    entities of one class is tested field by field in one pass (the 4,000 steps of a large plan
    for their lane), not entity by entity."""
    found: list[tuple[Entity, tuple[str, ...]]] = []
    _visit_naming(model, frozenset(kinds), ids, found)
    return found


def _names(value, ids: set[str]) -> bool:
    if value is None:
        return False
    return value in ids if type(value) is str else not ids.isdisjoint(value)


def _visit_naming(model: BaseModel, kinds: frozenset[str], ids: set[str], found: list) -> None:
    for name in _route(type(model), kinds)[1]:
        value = getattr(model, name)
        if not isinstance(value, list):
            if isinstance(value, BaseModel):
                _visit_naming_one(value, kinds, ids, found)
            continue
        if not value:
            continue
        cls = type(value[0])
        if _models_in(type(model), name) != (cls,):
            for item in value:  # a list that may hold several classes: each item on its own
                if isinstance(item, BaseModel):
                    _visit_naming_one(item, kinds, ids, found)
            continue
        own, inner = _route(cls, kinds)
        hits: dict[int, list[str]] = {}
        listed = _list_fields(cls)
        for field in own:
            read = attrgetter(field)
            # One pass in C over the whole list says whether any item names one of the ids; the
            # items are looked at one by one only when some does (a removal names few).
            if field in listed:
                if ids.isdisjoint(chain.from_iterable(filter(None, map(read, value)))):
                    continue
                named = [p for p, names in enumerate(map(read, value)) if names and not ids.isdisjoint(names)]
            else:
                if ids.isdisjoint(map(read, value)):
                    continue
                named = [p for p, one in enumerate(map(read, value)) if one in ids]
            for position in named:
                hits.setdefault(position, []).append(field)
        if not inner:
            found.extend((value[p], _in_order(own, hits[p])) for p in sorted(hits))
            continue
        for position, item in enumerate(value):
            if position in hits:
                found.append((item, _in_order(own, hits[position])))
            _visit_naming(item, kinds, ids, found)


def _visit_naming_one(item: BaseModel, kinds: frozenset[str], ids: set[str], found: list) -> None:
    own, inner = _route(type(item), kinds)
    fields = tuple(f for f in own if _names(getattr(item, f), ids))
    if fields:
        found.append((item, fields))
    if inner:
        _visit_naming(item, kinds, ids, found)


def _in_order(own: tuple[str, ...], fields: list[str]) -> tuple[str, ...]:
    return tuple(f for f in own if f in fields)


def _visit(model: BaseModel, kinds: frozenset[str], found: list) -> None:
    for name in _route(type(model), kinds)[1]:
        value = getattr(model, name)
        items = value if isinstance(value, list) else (value,)
        cls = None
        for item in items:
            if not isinstance(item, BaseModel):
                continue
            if type(item) is not cls:
                cls = type(item)
                own, inner = _route(cls, kinds)
            if own:
                found.append((item, own))
            if inner:
                _visit(item, kinds, found)


@cache
def _route(cls: type[BaseModel], kinds: frozenset[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The reference fields of ``cls`` of ``kinds`` (only for an entity), and the fields that can
    hold a model with some, read once per class."""
    own = tuple(f for f, kind in cls.refs.items() if kind in kinds) if issubclass(cls, Entity) else ()
    enter = tuple(
        name
        for name in nesting_fields(cls)
        if any(_has_referrers(inner, kinds) for inner in _models_in(cls, name) if inner is not cls)
    )
    return own, enter


@cache
def _list_fields(cls: type[BaseModel]) -> frozenset[str]:
    """The reference fields of ``cls`` that hold a list of ids (the others hold one id or None)."""
    refs = getattr(cls, "refs", {})
    return frozenset(
        name
        for name in refs
        if get_origin(cls.model_fields[name].annotation) is list or "list[" in str(cls.model_fields[name].annotation)
    )


@cache
def _has_referrers(cls: type[BaseModel], kinds: frozenset[str]) -> bool:
    own, enter = _route(cls, kinds)
    return bool(own or enter)


@cache
def _models_in(cls: type[BaseModel], field: str) -> tuple[type[BaseModel], ...]:
    annotation = cls.model_fields[field].annotation
    types = get_args(annotation) or (annotation,)
    types += tuple(inner for t in types for inner in get_args(t))
    return tuple(t for t in types if isinstance(t, type) and issubclass(t, BaseModel))
