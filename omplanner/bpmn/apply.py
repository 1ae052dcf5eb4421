"""An import made one undoable edit: the new roles, then the map's content replaced."""

from __future__ import annotations

from ..commands import AddEntity, Command, Macro, RemoveEntity, SetFields, remove_cascade
from ..model import Plan
from ..model.walk import find_place
from .importer import BpmnImport


def import_command(plan: Plan, result: BpmnImport) -> Command:
    """Replace the steps, flows and lanes of the map ``result`` was read for, adding its roles.

    A step or flow that comes back with its id (our own export, imported again) is swapped in
    place, so what refers to it (a decision's step, the redesign's lineage) stays. The others
    are removed as deleting them by hand would, mending what referred to them, but without
    joining the steps around them: the file says how the new steps join."""
    pmap = find_place(plan, result.pmap.id).entity
    commands: list[Command] = [AddEntity(None, "roles", role) for role in result.new_roles]
    new_steps = {s.id for s in result.pmap.steps}
    new_flows = {f.id for f in result.pmap.flows}
    gone = [s.id for s in pmap.steps if s.id not in new_steps] + [f.id for f in pmap.flows if f.id not in new_flows]
    swapped = [f.id for f in pmap.flows if f.id in new_flows] + [s.id for s in pmap.steps if s.id in new_steps]
    # Each removal is built on a scratch copy after the ones before it, as it will run.
    scratch = plan.model_copy(deep=True)
    for entity_id in gone:
        if find_place(scratch, entity_id) is not None:
            removal = remove_cascade(scratch, entity_id)
            removal.apply(scratch)
            commands.append(removal)
    for entity_id in swapped:
        if find_place(scratch, entity_id) is not None:  # a flow of a removed step went with it
            RemoveEntity(entity_id).perform(scratch)
            commands.append(RemoveEntity(entity_id))
    commands.append(SetFields(pmap.id, {"lanes": list(result.pmap.lanes)}))
    commands += [AddEntity(pmap.id, "steps", step) for step in result.pmap.steps]
    commands += [AddEntity(pmap.id, "flows", flow) for flow in result.pmap.flows]
    return Macro(f"Import BPMN process map '{result.process_name}'", commands)
