"""A merge applied to the open plan as one undoable edit, made of the generic commands.

``edit_towards(plan, target)`` is a ``Macro`` of removes, adds, moves and field changes that
turns ``plan`` into ``target``: the app's undo stack takes it like any other edit (one undo
step, its change record naming every element touched), so nothing new is needed to undo a
merge, and the check every edit passes (the plan still opens) is made on the merge too.
"""

from __future__ import annotations

from ..commands import AddEntity, Command, Macro, MoveEntity, RemoveEntity, SetFields, SetHistory, SetRuleSetting
from ..model import Plan, RuleSetting
from ..model.index import attach
from ..model.walk import find_place
from .records import ROOT, Record, take_apart


def edit_towards(plan: Plan, target: Plan, text: str = "Merge") -> Command:
    now, then = take_apart(plan), take_apart(target)
    attach(target)  # the target's elements are looked up by id, one for each change: not a walk each

    def moved(ident: str) -> bool:
        return now[ident].owner != then[ident].owner or now[ident].owner_field != then[ident].owner_field

    gone = {i for i in now if i not in then or (i != ROOT and moved(i))}
    fresh = {i for i in then if i not in now or i in gone}
    commands: list[Command] = []
    for ident in now:
        if ident in gone and now[ident].owner not in gone:
            commands.append(RemoveEntity(ident))
    order = {ident: _held(record, gone) for ident, record in now.items() if ident not in gone}
    for ident in then:
        record = then[ident]
        if ident in fresh and record.owner not in fresh:
            held = order.setdefault(record.owner, {}).setdefault(record.owner_field, [])
            index = then[record.owner].lists[record.owner_field].index(ident)
            entity = find_place(target, ident).entity
            commands.append(AddEntity(record.owner or None, record.owner_field, entity, index))
            held.insert(min(index, len(held)), ident)
    for ident, lists in order.items():
        for name, held in lists.items():
            wanted = then[ident].lists.get(name, []) if ident in then else []
            for index, item in enumerate(wanted):
                if item in held and held.index(item) != index:
                    commands.append(MoveEntity(item, index))
                    held.remove(item)
                    held.insert(index, item)
    for ident, record in then.items():
        if ident in fresh or ident not in now:
            continue
        commands.extend(_field_changes(now[ident], record, target))
    return Macro(text, commands)


def _held(record: Record, gone: set[str]) -> dict[str, list[str]]:
    return {name: [i for i in ids if i not in gone] for name, ids in record.lists.items()}


def _field_changes(before: Record, after: Record, target: Plan) -> list[Command]:
    if after.id == ROOT:
        return _rule_settings(before, after, target) + _history(before, after, target)
    changes = {}
    for key, value in after.values.items():
        if key != ("id",) and before.values.get(key) != value:
            changes[".".join(key)] = value
    if not changes:
        return []
    entity = find_place(target, after.id).entity
    for dotted in changes:  # the target's own values (dates, enums), not their JSON text
        value = entity
        for part in dotted.split("."):
            value = getattr(value, part)
        changes[dotted] = value
    return [SetFields(after.id, changes)]


def _history(before: Record, after: Record, target: Plan) -> list[Command]:
    """The merged copies' revisions become the plan's ancestors, as part of the merge's edit."""
    keys = {k for k in (*before.values, *after.values) if k[0] == "history"}
    if all(before.values.get(k) == after.values.get(k) for k in keys):
        return []
    return [SetHistory(target.history)]


def _rule_settings(before: Record, after: Record, target: Plan) -> list[Command]:
    commands: list[Command] = []
    for key in dict.fromkeys([*before.values, *after.values]):
        if key[0] != "rule_settings" or len(key) != 2 or before.values.get(key) == after.values.get(key):
            continue
        setting: RuleSetting | None = target.rule_settings.get(key[1])
        if setting is None:
            commands.append(SetRuleSetting(key[1], None))
        else:
            commands.append(SetRuleSetting(key[1], setting.severity, setting.reason))
    return commands
