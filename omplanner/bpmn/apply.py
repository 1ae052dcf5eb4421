"""An import made one undoable edit: the new roles, then the map's content replaced."""

from __future__ import annotations

from ..commands import AddEntity, Command, Macro, RemoveEntity, SetFields
from ..model import Plan
from ..model.walk import find_place
from ..process.edits import delete_command
from .importer import BpmnImport


def import_command(plan: Plan, result: BpmnImport) -> Command:
    """Replace the steps, flows and lanes of the map ``result`` was read for, adding its roles.

    What referred to the old steps (a decision's step, lineage from the redesign) is mended as
    deleting them by hand would mend it."""
    pmap = find_place(plan, result.pmap.id).entity
    commands: list[Command] = [AddEntity(None, "roles", role) for role in result.new_roles]
    # A step or flow that comes back with its id (our own export, imported again) is swapped
    # in place, so what refers to it stays; the others are deleted as the user would delete them.
    back = {s.id for s in result.pmap.steps} | {f.id for f in result.pmap.flows}
    swapped = [f.id for f in pmap.flows if f.id in back] + [s.id for s in pmap.steps if s.id in back]
    scratch = plan.model_copy(deep=True)
    for entity_id in swapped:
        removal = RemoveEntity(entity_id)
        removal.perform(scratch)
        commands.append(RemoveEntity(entity_id))
    gone = [s.id for s in pmap.steps if s.id not in back] + [f.id for f in pmap.flows if f.id not in back]
    deletion = delete_command(scratch, gone) if gone else None
    if deletion is not None:
        commands.append(deletion)
    commands.append(SetFields(pmap.id, {"lanes": list(result.pmap.lanes)}))
    commands += [AddEntity(pmap.id, "steps", step) for step in result.pmap.steps]
    commands += [AddEntity(pmap.id, "flows", flow) for flow in result.pmap.flows]
    return Macro(f"Import BPMN process map '{result.process_name}'", commands)
