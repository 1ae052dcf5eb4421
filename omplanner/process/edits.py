"""Compound edits of a process map, each built as one undoable command.

The canvas gestures and page actions call these; keeping them here lets the core tests check
that each is one command whose revert restores the plan.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..commands import AddEntity, Command, Macro, SetFields, remove_cascade
from ..model import Flow, Plan, ProcessMap, Role, RoleKind, Step, new_id
from ..model.index import indexed
from ..model.walk import find_place
from .layout import LANE_HEIGHT, lane_top


class NudgeMacro(Macro):
    """Moves of several steps by the arrow keys: successive nudges of the same steps merge."""

    def __init__(self, text: str, commands: Iterable[SetFields], merge_key: str):
        super().__init__(text, commands)
        self.merge_key = merge_key

    def merge_with(self, other: Command) -> bool:
        if not (isinstance(other, NudgeMacro) and other.merge_key == self.merge_key):
            return False
        mine = {c.entity_id: c for c in self.commands}
        if set(mine) != {c.entity_id for c in other.commands}:
            return False
        for command in other.commands:
            mine[command.entity_id].new = dict(command.new)
        return True


def nudge_command(pmap: ProcessMap, step_ids: list[str], dx: float, dy: float) -> Command:
    steps = [pmap.step(i) for i in step_ids]
    commands = [SetFields(s.id, {"x": s.x + dx, "y": s.y + dy}) for s in steps if s is not None]
    key = "nudge:" + ",".join(sorted(step_ids))
    if len(commands) == 1:
        commands[0].merge_key = key
        commands[0].text = f"Nudge '{steps[0].display_name}'"
        return commands[0]
    return NudgeMacro(f"Nudge {len(commands)} steps", commands, key)


def delete_command(plan: Plan, ids: list[str]) -> Command | None:
    """Remove several elements and mend what refers to them, as one edit.

    Each removal is computed on a scratch copy after the previous ones, so that a flow shared
    by two removed steps is removed once.
    """
    scratch = plan.model_copy(deep=True)
    commands: list[Command] = []
    with indexed(scratch):  # the copy has no index: one for all the removals, not one each
        for entity_id in ids:
            if find_place(scratch, entity_id) is None:
                continue
            command = remove_cascade(scratch, entity_id)
            command.apply(scratch)
            commands.append(command)
    if not commands:
        return None
    joins = [AddEntity(pmap_id, "flows", flow) for pmap_id, flow in _joins(plan, set(ids))]
    if len(commands) == 1 and not joins:
        return commands[0]
    text = commands[0].text if len(commands) == 1 else f"Delete {len(commands)} elements"
    if joins:
        names = {s.id: s.name for uc in plan.use_cases for m in (uc.current, uc.redesigned) for s in m.steps}
        links = ", ".join(f"'{names[j.entity.source]}' → '{names[j.entity.target]}'" for j in joins)
        text += f" and join {links}"
    return Macro(text, commands + joins)


def _joins(plan: Plan, doomed: set[str]) -> list[tuple[str, Flow]]:
    """The flows that close the gap a deletion leaves in a chain: where the deleted steps (one,
    or several in a row) had exactly one way in from a step that stays and one way out to a
    step that stays, that step leads to the next one, the way in's label kept ("yes", "no")."""
    joins = []
    for uc in plan.use_cases:
        for pmap in (uc.current, uc.redesigned):
            gone = doomed & {s.id for s in pmap.steps}
            if not gone:
                continue
            group = _groups(gone, pmap.flows)
            ins: dict[int, list[Flow]] = defaultdict(list)
            outs: dict[int, list[Flow]] = defaultdict(list)
            for flow in pmap.flows:
                if flow.target in gone and flow.source not in gone:
                    ins[group[flow.target]].append(flow)
                if flow.source in gone and flow.target not in gone:
                    outs[group[flow.source]].append(flow)
            linked = {(f.source, f.target) for f in pmap.flows}
            for key in sorted(set(ins) & set(outs)):
                if len(ins[key]) == 1 and len(outs[key]) == 1:
                    source, target = ins[key][0].source, outs[key][0].target
                    if source != target and (source, target) not in linked:
                        joins.append(
                            (pmap.id, Flow(id=new_id("flow"), source=source, target=target, label=ins[key][0].label))
                        )
                        linked.add((source, target))
    return joins


def _groups(gone: set[str], flows: Iterable[Flow]) -> dict[str, int]:
    """Deleted steps joined by flows between them form one group (a run of steps in a row)."""
    parent = {step_id: step_id for step_id in gone}

    def root(step_id: str) -> str:
        while parent[step_id] != step_id:
            parent[step_id] = parent[parent[step_id]]
            step_id = parent[step_id]
        return step_id

    for flow in flows:
        if flow.source in gone and flow.target in gone:
            parent[root(flow.source)] = root(flow.target)
    roots: dict[str, int] = {}
    return {step_id: roots.setdefault(root(step_id), len(roots)) for step_id in sorted(gone)}


def clone_fragment(
    steps: list[Step], flows: list[Flow], *, dx: float = 0, dy: float = 0, lineage: bool = False
) -> tuple[list[Step], list[Flow]]:
    """Copies of the steps with fresh ids, and of the flows between them.

    Exception routes are kept when they point inside the fragment. With ``lineage`` each copy
    records the step it comes from, as a redesign started from the current map does.
    """
    ids = {s.id: new_id("step") for s in steps}
    new_steps = []
    for step in steps:
        route = ids.get(step.exception_route) if step.exception_route else None
        new_steps.append(
            step.model_copy(
                update={
                    "id": ids[step.id],
                    "x": step.x + dx,
                    "y": step.y + dy,
                    "exception_route": route,
                    "derived_from": step.id if lineage else step.derived_from,
                },
                deep=True,
            )
        )
    new_flows = [
        f.model_copy(update={"id": new_id("flow"), "source": ids[f.source], "target": ids[f.target]})
        for f in flows
        if f.source in ids and f.target in ids
    ]
    return new_steps, new_flows


def paste_command(plan: Plan, pmap: ProcessMap, steps: list[Step], flows: list[Flow], dx: float, dy: float) -> Command:
    """Paste copied steps into a map, as one edit: fresh ids, each step in its role's lane.

    Steps copied from another map bring their lanes: the map gains, in the same edit, a lane for
    each role it lacks (in the order the steps stood, top to bottom), and each step keeps its
    place within its lane's band. A step whose role has left the plan since the copy goes to the
    map's first lane, and lineage to a step that has gone is dropped. A map that ends with no
    lane for a step refuses the paste (the step would belong to nobody).
    """
    new_steps, new_flows = clone_fragment(steps, flows, dx=dx, dy=0)
    lanes = list(pmap.lanes)
    for step in sorted(new_steps, key=lambda s: s.y):
        if step.lane not in lanes and plan.role(step.lane) is not None:
            lanes.append(step.lane)
    commands: list[Command] = []
    if lanes != pmap.lanes:
        commands.append(SetFields(pmap.id, {"lanes": lanes}))
    fallback = lanes[0] if lanes else None
    for step in new_steps:
        lane = step.lane if step.lane in lanes else fallback
        update: dict = {"y": step.y + dy}
        if lane is not None:
            update = {"lane": lane, "y": lane_top(lanes.index(lane)) + step.y % LANE_HEIGHT + dy}
        if step.derived_from is not None and plan.find_step(step.derived_from) is None:
            update["derived_from"] = None
        commands.append(AddEntity(pmap.id, "steps", step.model_copy(update=update)))
    commands += [AddEntity(pmap.id, "flows", f) for f in new_flows]
    noun = "step" if len(new_steps) == 1 else "steps"
    return Macro(f"Paste {len(new_steps)} {noun}", commands)


def redesign_from_current_command(plan: Plan, use_case_id: str) -> Command:
    """Replace the redesigned map by a copy of the current one whose steps keep their lineage."""
    use_case = plan.use_case(use_case_id)
    if use_case is None:
        raise KeyError(use_case_id)
    current, redesigned = use_case.current, use_case.redesigned
    commands: list[Command] = []
    old = [s.id for s in redesigned.steps] + [f.id for f in redesigned.flows]
    if old:
        commands.append(delete_command(plan, old))
    new_steps, new_flows = clone_fragment(current.steps, current.flows, lineage=True)
    commands.append(SetFields(redesigned.id, {"lanes": list(current.lanes)}))
    commands += [AddEntity(redesigned.id, "steps", s) for s in new_steps]
    commands += [AddEntity(redesigned.id, "flows", f) for f in new_flows]
    return Macro(f"Start the redesign of '{use_case.name}' from the current map", commands)


def add_lane_command(plan: Plan, map_id: str, role_name: str) -> Command:
    """Add a lane for a role, creating the role when the plan has none of that name."""
    pmap = find_place(plan, map_id).entity
    role = next((r for r in plan.roles if r.name.strip().lower() == role_name.strip().lower()), None)
    commands: list[Command] = []
    if role is None:
        role = Role(id=new_id("role"), name=role_name.strip(), kind=RoleKind.HUMAN)
        commands.append(AddEntity(None, "roles", role))
    if role.id not in pmap.lanes:
        commands.append(SetFields(map_id, {"lanes": [*pmap.lanes, role.id]}))
    return Macro(f"Add lane '{role.name}'", commands)


def move_lane_command(pmap: ProcessMap, role_id: str, offset: int) -> Command | None:
    """Move a lane up (negative offset) or down; None when it cannot move further."""
    lanes = list(pmap.lanes)
    index = lanes.index(role_id)
    target = index + offset
    if not 0 <= target < len(lanes):
        return None
    lanes.insert(target, lanes.pop(index))
    commands: list[Command] = [SetFields(pmap.id, {"lanes": lanes})]
    # Steps keep their place within their lane: shift them by as many lanes as it moved.
    for step in pmap.steps:
        if step.lane in lanes and step.lane in pmap.lanes:
            shift = lanes.index(step.lane) - pmap.lanes.index(step.lane)
            if shift:
                commands.append(SetFields(step.id, {"y": step.y + shift * LANE_HEIGHT}))
    return Macro("Reorder lanes", commands)


def remove_lane_command(plan: Plan, map_id: str, role_id: str, *, move_to: str | None = None) -> Command:
    """Remove a role's lane from a map, as one edit. The role stays in the plan's catalogue.

    A lane with steps needs a decision: ``move_to`` names the lane that takes them (each keeps
    its column and its place within the lane), or, without it, the steps are deleted with
    their flows. Lanes below the removed one move up, their steps with them.
    Raises ValueError for a lane the map does not have or a ``move_to`` that cannot take the steps.
    """
    pmap = find_place(plan, map_id).entity
    if role_id not in pmap.lanes:
        raise ValueError(f"The map has no lane for '{role_id}'.")
    if move_to is not None and (move_to == role_id or move_to not in pmap.lanes):
        raise ValueError(f"The steps cannot move to '{move_to}': it is not another lane of this map.")
    role = plan.role(role_id)
    name = role.name if role is not None else role_id
    lanes = [lane for lane in pmap.lanes if lane != role_id]
    leaving = [s for s in pmap.steps if s.lane == role_id]
    commands: list[Command] = []
    if leaving and move_to is None:
        deleted = delete_command(plan, [s.id for s in leaving])
        if deleted is not None:
            commands.append(deleted)
    commands.append(SetFields(map_id, {"lanes": lanes}))
    for step in pmap.steps:
        if step.lane == role_id:
            if move_to is None:
                continue
            shift = lanes.index(move_to) - pmap.lanes.index(role_id)
            commands.append(SetFields(step.id, {"lane": move_to, "y": step.y + shift * LANE_HEIGHT}))
        elif step.lane in lanes:
            shift = lanes.index(step.lane) - pmap.lanes.index(step.lane)
            if shift:
                commands.append(SetFields(step.id, {"y": step.y + shift * LANE_HEIGHT}))
    return Macro(f"Remove lane '{name}'", commands)
