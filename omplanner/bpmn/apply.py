"""An import made one undoable edit: the new roles, then the map's content replaced."""

from __future__ import annotations

from ..commands import AddEntity, Command, Macro, RemoveEntity, SetFields
from ..model import Plan
from ..model.base import short_name
from ..model.walk import find_place, iter_entities
from .importer import BpmnImport


def import_command(plan: Plan, result: BpmnImport) -> Command:
    """Replace the steps, flows and lanes of the map ``result`` was read for, adding its roles.

    Every old step and flow is taken out and the file's put in. What elsewhere in the plan
    referred to an old step that does not come back with its id (a decision's step, lineage,
    a data source's users) is mended as deleting the step would mend it; a step that comes back
    with its id (our own export, imported again) keeps what refers to it. The references are
    found in one pass over the plan: a cascade per removed step took 15 s for a 500-step map."""
    pmap = find_place(plan, result.pmap.id).entity
    commands: list[Command] = [AddEntity(None, "roles", role) for role in result.new_roles]
    mends = list(_mends(plan, result))
    commands += [SetFields(entity.id, changes) for entity, changes in mends if changes is not None]
    commands += [RemoveEntity(entity.id) for entity, changes in reversed(mends) if changes is None]
    # Flows first, last first: each removal keeps the index its undo puts the element back at.
    commands += [RemoveEntity(f.id) for f in reversed(pmap.flows)]
    commands += [RemoveEntity(s.id) for s in reversed(pmap.steps)]
    commands.append(SetFields(pmap.id, {"lanes": list(result.pmap.lanes)}))
    commands += [AddEntity(pmap.id, "steps", step) for step in result.pmap.steps]
    commands += [AddEntity(pmap.id, "flows", flow) for flow in result.pmap.flows]
    return Macro(f"Import BPMN process map '{result.process_name}'", commands)


def _mends(plan: Plan, result: BpmnImport):
    """Each entity outside the map that refers to an old step or flow that does not come back,
    with the fields that change (a list loses the id, a single reference is cleared), or None
    when it cannot exist without what goes (a comment on a replaced step goes with it)."""
    pmap = find_place(plan, result.pmap.id).entity
    own = {s.id for s in pmap.steps} | {f.id for f in pmap.flows}
    # By kind: an old step's id that comes back on a flow is a step gone all the same.
    doomed = ({s.id for s in pmap.steps} - {s.id for s in result.pmap.steps}) | (
        {f.id for f in pmap.flows} - {f.id for f in result.pmap.flows}
    )
    if not doomed:
        return
    for entity in iter_entities(plan):
        if entity.id in own:
            continue  # leaves with the map's content
        changes = {}
        for field in entity.refs:
            value = getattr(entity, field)
            if isinstance(value, list):
                if not doomed.isdisjoint(value):
                    changes[field] = [ref for ref in value if ref not in doomed]
            elif value in doomed:
                if type(entity).model_fields[field].is_required():
                    changes = None
                    break
                changes[field] = None
        if changes is None or changes:
            yield entity, changes


def consequences(plan: Plan, result: BpmnImport) -> list[str]:
    """What the import changes beyond the map, one line each, for the preview: "Decision
    'Approve refund' no longer names a step"."""
    lines = []
    for entity, changes in _mends(plan, result):
        name = short_name(entity.display_name)
        if changes is None:
            lines.append(f"{entity.kind_label.capitalize()} '{name}' is removed with the replaced step it is on")
            continue
        fields = ", ".join(field.replace("_", " ") for field in changes)
        lines.append(f"{entity.kind_label.capitalize()} '{name}' loses its link ({fields}) to a replaced step")
    return lines
