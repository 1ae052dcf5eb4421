"""Quick capture: steps typed as ``Role: step`` lines become a laid-out map.

In a workshop the facilitator types while people talk; the map appears afterwards. Each line
is one step in the order the work happens, joined by flows. A line ending in ``?`` is a
decision. The first and last lines may be ``start:``/``end:`` lines (``Clerk: start: invoice
arrives``) to name the start and end; otherwise the steps are plain tasks. A role that the plan
does not have yet is created, an AI agent when its name says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..commands import AddEntity, Command, Macro, SetFields
from ..model import Flow, Plan, Role, RoleKind, Step, StepKind, new_id
from ..model.walk import find_place
from .layout import COLUMN_WIDTH, FIRST_X, lane_centre_y

_KIND_WORDS = {"start": StepKind.START, "end": StepKind.END, "handoff": StepKind.HANDOFF}
_AI_NAME = re.compile(r"(^|\b)(ai|agent|bot|model)(\b|$)", re.IGNORECASE)


class CaptureError(ValueError):
    """A line that is not ``Role: step``; the message names the line."""


@dataclass(frozen=True)
class CapturedStep:
    role: str
    name: str
    kind: StepKind


def parse_capture(text: str) -> list[CapturedStep]:
    steps: list[CapturedStep] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip().lstrip("-*•").strip()
        if not line or line.startswith("#"):
            continue
        role, sep, rest = line.partition(":")
        role, rest = role.strip(), rest.strip()
        if not sep or not role or not rest:
            raise CaptureError(f'line {number}: write "Role: what they do", found "{raw.strip()}"')
        kind = StepKind.DECISION if rest.endswith("?") else StepKind.TASK
        word, sep2, tail = rest.partition(":")
        if sep2 and word.strip().lower() in _KIND_WORDS and tail.strip():
            kind, rest = _KIND_WORDS[word.strip().lower()], tail.strip()
        steps.append(CapturedStep(role, rest, kind))
    if not steps:
        raise CaptureError('type one step per line, as "Role: what they do"')
    return steps


def _role_kind(name: str) -> RoleKind:
    if _AI_NAME.search(name):
        return RoleKind.AI_AGENT
    if re.search(r"\b(system|erp|crm)\b", name, re.IGNORECASE):
        return RoleKind.SYSTEM
    return RoleKind.HUMAN


def capture_command(plan: Plan, map_id: str, text: str) -> Command:
    """One undoable edit adding the captured steps (after any already there) in their lanes."""
    pmap = find_place(plan, map_id).entity
    captured = parse_capture(text)
    commands: list[Command] = []
    roles = {r.name.strip().lower(): r.id for r in plan.roles}
    lanes = list(pmap.lanes)
    for item in captured:
        key = item.role.lower()
        if key not in roles:
            role = Role(id=new_id("role"), name=item.role, kind=_role_kind(item.role))
            commands.append(AddEntity(None, "roles", role))
            roles[key] = role.id
        if roles[key] not in lanes:
            lanes.append(roles[key])
    if lanes != pmap.lanes:
        commands.append(SetFields(map_id, {"lanes": lanes}))
    first_x = max((s.x + COLUMN_WIDTH for s in pmap.steps), default=FIRST_X)
    previous: Step | None = pmap.steps[-1] if pmap.steps and pmap.steps[-1].kind != StepKind.END else None
    for column, item in enumerate(captured):
        lane = roles[item.role.lower()]
        step = Step(
            id=new_id("step"),
            kind=item.kind,
            name=item.name,
            lane=lane,
            x=first_x + column * COLUMN_WIDTH,
            y=lane_centre_y(lanes.index(lane)),
        )
        commands.append(AddEntity(map_id, "steps", step))
        if previous is not None:
            commands.append(AddEntity(map_id, "flows", Flow(id=new_id("flow"), source=previous.id, target=step.id)))
        previous = step
    noun = "step" if len(captured) == 1 else "steps"
    return Macro(f"Capture {len(captured)} {noun}", commands)
