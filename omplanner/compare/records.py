"""A plan taken apart by entity id, and put back together: what compare and merge work on.

Every entity becomes a ``Record``: its own values by field (nested plain values such as a use
case's tractability by dotted field, a dict such as the rule settings by key), the ids of the
entities each of its lists holds, in order, and where it sits (its owner's id and the list).
The walk reads the pydantic classes, not a list of kinds, so that a field added to the model
is compared and merged without a change here. The plan itself is the record with id ``ROOT``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from ..model import Entity, Plan
from ..model.base import short_name
from ..model.walk import field_label

ROOT = ""
"""The plan's own record: no entity has an empty id (ids are at least one character)."""

FieldKey = tuple[str, ...]
"""A value's place in its entity: ``("name",)``, ``("tractability", "definition")``,
``("rule_settings", "SEQ-001")``."""


@dataclass
class Record:
    id: str
    cls: type[BaseModel]
    values: dict[FieldKey, Any]
    """Each value as JSON (what the file holds): texts, numbers, lists of ids, None."""
    lists: dict[str, list[str]] = field(default_factory=dict)
    """Each field holding entities: the ids it holds, in order (one id for a single entity)."""
    owner: str | None = None
    """The id of the entity whose list holds this one (``ROOT`` for the plan's); None for the plan."""
    owner_field: str = ""
    path: tuple[str, ...] = ()
    """Where it is, in the words of the loader's messages."""
    name: str = ""
    """How it is called in messages: 'step 3 "Match invoice"'."""
    title: str = ""
    """Its own name alone ("Match invoice"), as a reference to it is shown."""

    @property
    def kind_label(self) -> str:
        return getattr(self.cls, "kind_label", "plan")

    def clone(self) -> Record:
        """A copy to change: values are replaced, never changed in place, so a shallow copy will do."""
        lists = {name: list(ids) for name, ids in self.lists.items()}
        return Record(
            self.id, self.cls, dict(self.values), lists, self.owner, self.owner_field, self.path, self.name, self.title
        )

    def same_content(self, other: Record) -> bool:
        return self.values == other.values and self.owner == other.owner and self.owner_field == other.owner_field


@dataclass(frozen=True)
class _Field:
    name: str
    kind: str
    """'entity' (one entity), 'entities' (a list of them), 'model' (a plain nested value),
    'dict' (by key) or 'value' (anything else, lists of ids included)."""
    model: type[BaseModel] | None = None


@cache
def fields_of(cls: type[BaseModel]) -> tuple[_Field, ...]:
    result = []
    for name, info in cls.model_fields.items():
        annotation = info.annotation
        inner = [t for t in (annotation, *get_args(annotation)) if isinstance(t, type)]
        models = [t for t in inner if issubclass(t, BaseModel)]
        origin = get_origin(annotation)
        if origin is list and models and issubclass(models[0], Entity):
            result.append(_Field(name, "entities", models[0]))
        elif origin is dict:
            result.append(_Field(name, "dict"))
        elif models and issubclass(models[0], Entity):
            result.append(_Field(name, "entity", models[0]))
        elif models and origin is None:
            result.append(_Field(name, "model", models[0]))
        else:
            result.append(_Field(name, "value"))
    return tuple(result)


@cache
def _plain_fields(cls: type[BaseModel]) -> tuple[tuple[str, str, type[BaseModel] | None, FieldKey], ...]:
    return tuple((f.name, f.kind, f.model, (f.name,)) for f in fields_of(cls) if f.kind not in ("entity", "entities"))


def _flatten(cls: type[BaseModel], data: dict, prefix: FieldKey, out: dict[FieldKey, Any]) -> None:
    for name, kind, model, key in _plain_fields(cls):
        value = data.get(name)
        if prefix:
            key = prefix + key
        if kind == "value" or not isinstance(value, dict):
            out[key] = value
        elif kind == "model":
            _flatten(model, value, key, out)
        else:
            for item_key, item in value.items():
                out[key + (item_key,)] = item


def take_apart(plan: Plan) -> dict[str, Record]:
    """Every entity of the plan (and the plan, as ``ROOT``) by id, in file order."""
    records: dict[str, Record] = {}
    _take(plan, plan.model_dump(mode="json"), ROOT, None, "", (), "plan", records)
    return records


def _take(
    model: BaseModel,
    data: dict,
    ident: str,
    owner: str | None,
    owner_field: str,
    path: tuple[str, ...],
    name: str,
    records: dict[str, Record],
) -> None:
    cls = type(model)
    values: dict[FieldKey, Any] = {}
    _flatten(cls, data, (), values)
    title = _display_name(model, data) if isinstance(model, Entity) else "plan"
    record = Record(ident, cls, values, {}, owner, owner_field, path, name, title)
    records[ident] = record
    for spec in fields_of(cls):
        if spec.kind == "entity":
            child = getattr(model, spec.name)
            here = path + (field_label(spec.name),)
            record.lists[spec.name] = [child.id]
            _take(child, data[spec.name], child.id, ident, spec.name, here, field_label(spec.name), records)
        elif spec.kind == "entities":
            items = getattr(model, spec.name)
            record.lists[spec.name] = [item.id for item in items]
            for index, (item, item_data) in enumerate(zip(items, data[spec.name], strict=True)):
                words = _describe(item, item_data, index)
                _take(item, item_data, item.id, ident, spec.name, path + (words,), words, records)


def _display_name(entity: Entity, data: dict) -> str:
    """``entity.display_name``, read from its data where the class keeps the common one (asking
    the model for a field it lacks, "title" of a step, costs a raised error each time)."""
    if type(entity).display_name is not Entity.display_name:
        return entity.display_name
    return str(data.get("name") or data.get("title") or entity.id)


def _describe(entity: Entity, data: dict, index: int) -> str:
    """``walk.describe`` of an entity in a list, from its data."""
    label = entity.kind_label
    if entity.numbered:
        label = f"{label} {index + 1}"
    name = _display_name(entity, data)
    if name and name != entity.id:
        return f'{label} "{short_name(name)}"'
    return label


def renumber(records: dict[str, Record]) -> None:
    """Names and paths again after a merge: an element's number is its place in the merged list,
    and its name the merged one."""
    _renumber(records, records[ROOT], ())


def _renumber(records: dict[str, Record], record: Record, path: tuple[str, ...]) -> None:
    for spec in fields_of(record.cls):
        if spec.kind == "entity":
            for ident in record.lists.get(spec.name, []):
                child = records[ident]
                child.path, child.name = path + (field_label(spec.name),), field_label(spec.name)
                _renumber(records, child, child.path)
        elif spec.kind == "entities":
            for index, ident in enumerate(i for i in record.lists.get(spec.name, []) if i in records):
                child = records[ident]
                if child.cls.display_name is Entity.display_name:
                    child.title = str(child.values.get(("name",)) or child.values.get(("title",)) or ident)
                label = child.cls.kind_label + (f" {index + 1}" if child.cls.numbered else "")
                title = child.title
                child.name = f'{label} "{short_name(title)}"' if title and title != ident else label
                child.path = path + (child.name,)
                _renumber(records, child, child.path)


def put_together(records: dict[str, Record]) -> dict:
    """The file's data (as ``plan.model_dump(mode="json")``) of records taken apart and changed."""
    return _build(records, records[ROOT])


def _build(records: dict[str, Record], record: Record) -> dict:
    data: dict[str, Any] = {}
    for spec in fields_of(record.cls):
        if spec.kind == "dict":
            data[spec.name] = {}
    for key, value in record.values.items():
        node = data
        for part in key[:-1]:
            node = node.setdefault(part, {})
        node[key[-1]] = value
    for spec in fields_of(record.cls):
        ids = record.lists.get(spec.name, [])
        if spec.kind == "entity":
            data[spec.name] = _build(records, records[ids[0]])
        elif spec.kind == "entities":
            data[spec.name] = [_build(records, records[i]) for i in ids if i in records]
    return data


def descendants(records: dict[str, Record], ident: str) -> list[str]:
    """The ids inside an entity (its maps, their steps...), depth first."""
    found: list[str] = []
    stack = [ident]
    while stack:
        record = records.get(stack.pop())
        if record is None:
            continue
        for ids in record.lists.values():
            for child in ids:
                found.append(child)
                stack.append(child)
    return found


def ancestors(records: dict[str, Record], ident: str) -> list[str]:
    """The ids of the entities holding this one, nearest first (``ROOT`` last)."""
    found: list[str] = []
    record = records.get(ident)
    while record is not None and record.owner is not None:
        found.append(record.owner)
        record = records.get(record.owner)
    return found


def ref_fields(cls: type[BaseModel]) -> dict[str, str]:
    return getattr(cls, "refs", {})
