"""Process rules: the redesigned process says what happens when the AI is unsure, where the
exceptions land, who receives each handoff, and who can check the AI's output.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..commands import AddEntity, Macro, SetFields
from ..model import (
    AiIntervention,
    BuildMethod,
    CapabilityKind,
    CapabilityRequirement,
    Component,
    Flow,
    Severity,
    Step,
    StepKind,
    new_id,
)
from ..model.base import short_name
from ..model.plan import MAX_POSITION
from .context import MapIndex, PlanIndex, reachable, ref
from .engine import Hit, rule
from .findings import Fix
from .words import FIX_NAME_LIMIT, quoted

FAMILY = "Process"

CONCENTRATION_MIN_ROUTES = 3
"""How many AI steps must send their exceptions to one role before that is called concentration."""

DOWNSTREAM_LOOKAHEAD = 50
"""How far down the process a fix looks for the person to involve (keeps checks linear)."""

DECIDING = (AiIntervention.AUTOMATE, AiIntervention.ROUTE_EXCEPTIONS)


def redesigned(index: PlanIndex) -> Iterator[MapIndex]:
    return (m for m in index.maps if m.variant == "redesigned" and m.steps)


def _rate(step: Step) -> str:
    return f" ({step.exception_rate:g} % of cases)" if step.exception_rate else ""


def _first_human_lane(index: PlanIndex, m: MapIndex, after: str) -> str | None:
    for step_id in m.downstream(after, limit=DOWNSTREAM_LOOKAHEAD):
        if index.is_human(m.steps[step_id].lane):
            return m.steps[step_id].lane
    return next((lane for lane in m.map.lanes if index.is_human(lane)), None)


def _add_route_fix(index: PlanIndex, m: MapIndex, step: Step) -> Fix | None:
    lane = _first_human_lane(index, m, step.id)
    nexts = m.successors.get(step.id, [])
    if lane is None or not nexts:
        return None
    handler = Step(
        id=new_id("step"),
        name=f"Handle exceptions from '{short_name(step.name, FIX_NAME_LIMIT)}'",
        lane=lane,
        minutes=5,
        x=step.x,
        y=min(step.y + 120, MAX_POSITION),
    )
    text = f"Add an exception step for {index.role_name(lane)} after '{step.name}'"
    command = Macro(
        text,
        [
            AddEntity(m.map.id, "steps", handler),
            AddEntity(m.map.id, "flows", Flow(id=new_id("flow"), source=handler.id, target=nexts[0])),
            SetFields(step.id, {"exception_route": handler.id}),
        ],
    )
    return Fix(text, command)


@rule(
    "PRO-001",
    "Every AI step has an exception route",
    Severity.ERROR,
    Component.PROCESS,
    """What happens when the AI fails or is not confident enough is designed in advance: a step,
    in a named role's lane, that takes the case over.""",
    FAMILY,
)
def exception_route(index: PlanIndex) -> Iterator[Hit]:
    for m in redesigned(index):
        for step in m.map.steps:
            if step.ai in DECIDING and not step.exception_route:
                yield Hit(
                    f"'{step.name}' in the {m.label} is done by the AI, but has no exception route: when the AI "
                    f"is unsure{_rate(step)}, nobody is designated to take over.",
                    (ref(step),),
                    use_case_id=m.use_case.id,
                    fix=_add_route_fix(index, m, step),
                )


@rule(
    "PRO-002",
    "Exception routes lead somewhere",
    Severity.ERROR,
    Component.PROCESS,
    """An exception route ends in a step of the same process from which the work continues (or
    which ends it); otherwise exceptions pile up where the route stops.""",
    FAMILY,
)
def route_leads_somewhere(index: PlanIndex) -> Iterator[Hit]:
    for m in redesigned(index):
        for step in m.map.steps:
            route_id = step.exception_route
            if not route_id or not step.is_ai:
                continue
            target = m.steps.get(route_id)
            if target is None or target.id == step.id:
                yield Hit(
                    f"The exception route of '{step.name}' in the {m.label} does not lead to another step of "
                    "this process.",
                    (ref(step),),
                    use_case_id=m.use_case.id,
                )
            elif target.kind is not StepKind.END and not m.successors.get(target.id):
                nexts = m.successors.get(step.id, [])
                fix = None
                if nexts and nexts[0] != target.id:
                    text = f"Continue from '{target.name}' to '{m.steps[nexts[0]].name}'"
                    flow = Flow(id=new_id("flow"), source=target.id, target=nexts[0])
                    fix = Fix(text, AddEntity(m.map.id, "flows", flow, text=text, copy=False))
                yield Hit(
                    f"The exception route of '{step.name}' in the {m.label} goes to '{target.name}', which "
                    "leads nowhere: no flow continues from it.",
                    (ref(step), ref(target)),
                    use_case_id=m.use_case.id,
                    fix=fix,
                )


@rule(
    "PRO-003",
    "Exceptions spread over more than one role",
    Severity.WARNING,
    Component.PROCESS,
    f"""When the exceptions of {CONCENTRATION_MIN_ROUTES} or more AI steps all land on one role, that
    role becomes a slow lane beside a fast automated one: a bottleneck and a single point of
    failure. Spread them, or plan that role's capacity explicitly.""",
    FAMILY,
)
def exceptions_concentrated(index: PlanIndex) -> Iterator[Hit]:
    for m in redesigned(index):
        routed = [s for s in m.map.steps if s.is_ai and s.exception_route in m.steps]
        lanes = {m.steps[s.exception_route].lane for s in routed}
        if len(routed) < CONCENTRATION_MIN_ROUTES or len(lanes) != 1:
            continue
        lane = lanes.pop()
        volume = m.use_case.tractability.monthly_volume
        monthly = sum((s.exception_rate or 0) / 100 * volume for s in routed)
        load = f", about {monthly:,.0f} cases a month" if monthly else ""
        yield Hit(
            f"All {len(routed)} exception routes of the {m.label} land on {index.role_name(lane)}{load}: one "
            "role carries every case the AI cannot handle.",
            tuple(ref(s) for s in routed) + ((ref(index.roles[lane]),) if lane in index.roles else ()),
            use_case_id=m.use_case.id,
        )


@rule(
    "PRO-004",
    "Every handoff has a receiving owner",
    Severity.WARNING,
    Component.PROCESS,
    """A handoff passes work to someone. If the process does not show who receives it, the work
    waits in an inbox nobody owns.""",
    FAMILY,
)
def handoff_owner(index: PlanIndex) -> Iterator[Hit]:
    for m in redesigned(index):
        for step in m.map.steps:
            if step.kind is not StepKind.HANDOFF:
                continue
            receivers = {m.steps[t].lane for t in m.successors.get(step.id, ()) if t in m.steps}
            receivers.discard(step.lane)
            if step.lane in index.roles and receivers & index.roles.keys():
                continue
            yield Hit(
                f"Handoff '{step.name}' in the {m.label} passes the work to nobody: no flow leads from it to "
                "another role's step.",
                (ref(step),),
                use_case_id=m.use_case.id,
            )


def _names(steps: list[Step]) -> str:
    return quoted(s.name or s.id for s in steps)


@rule(
    "PRO-005",
    "Every step is on a path from start to end",
    Severity.WARNING,
    Component.PROCESS,
    """A step no case can reach, or from which no case can finish, is a drawing mistake or a
    dead end in the process; either way the map is not yet the process.""",
    FAMILY,
)
def connected(index: PlanIndex) -> Iterator[Hit]:
    for m in index.maps:
        if not m.steps:
            continue
        starts = [s.id for s in m.map.steps if s.kind is StepKind.START]
        ends = [s.id for s in m.map.steps if s.kind is StepKind.END]
        from_start = reachable(starts, m.forward)
        to_end = reachable(ends, m.backward)
        unreached = [s for s in m.map.steps if s.id not in from_start]
        stuck = [s for s in m.map.steps if s.id in from_start and s.id not in to_end]
        parts = []
        if not starts or not ends:
            parts.append(f"has no {'start' if not starts else 'end'} step")
        if unreached and starts:
            parts.append(f"cannot reach {_names(unreached)} from its start")
        if stuck and ends:
            parts.append(f"never gets from {_names(stuck)} to an end")
        if parts:
            yield Hit(
                f"The {m.label} {'; it '.join(parts)}.",
                tuple(ref(s) for s in (unreached + stuck)[:20]),
                use_case_id=m.use_case.id,
            )


@rule(
    "PRO-006",
    "Someone downstream can check the AI's output",
    Severity.WARNING,
    Component.PROCESS,
    """Each AI step's output reaches a person able to tell a wrong result from a right one: a role
    further down the process (or at the step) with an output-validation requirement.""",
    FAMILY,
)
def output_checked(index: PlanIndex) -> Iterator[Hit]:
    for m in redesigned(index):
        uc = m.use_case.id
        validators = [s.id for s in m.map.steps if index.has_capability(s.lane, CapabilityKind.OUTPUT_VALIDATION, uc)]
        # Steps from which some case reaches a validator: one backward sweep, not a search per AI step.
        checked = reachable(validators, m.backward)
        unchecked = [s for s in m.map.steps if s.is_ai and s.id not in checked]
        candidate = None
        if unchecked:
            first = unchecked[0]
            ahead = [first.id] + m.downstream(first.id, limit=DOWNSTREAM_LOOKAHEAD)
            if first.exception_route in m.steps:
                ahead.append(first.exception_route)
            candidate = next((m.steps[s].lane for s in ahead if index.is_human(m.steps[s].lane)), None)
        if not unchecked:
            continue
        fix = None
        if candidate is not None:
            text = f"Add an output-validation requirement for {index.role_name(candidate)}"
            cap = CapabilityRequirement(
                id=new_id("cap"),
                role=candidate,
                capability=CapabilityKind.OUTPUT_VALIDATION,
                use_case=uc,
                built_through=[BuildMethod.JOB_DESIGN, BuildMethod.TRAINING],
            )
            fix = Fix(text, AddEntity(None, "capabilities", cap, text=text, copy=False))
        yield Hit(
            f"Nobody downstream of {_names(unchecked)} in the {m.label} is equipped to check the AI's output "
            "(no output-validation requirement).",
            tuple(ref(s) for s in unchecked),
            use_case_id=uc,
            fix=fix,
        )


@rule(
    "PRO-007",
    "Each exception route says when it takes over",
    Severity.WARNING,
    Component.PROCESS,
    """An exception route is only designed once it says what sends a case down it: the confidence
    below which the AI hands over, or what counts as the AI failing at that step. Without it, people
    decide case by case, and the most experienced person ends up taking everything odd.""",
    FAMILY,
)
def route_trigger(index: PlanIndex) -> Iterator[Hit]:
    for m in redesigned(index):
        for step in m.map.steps:
            if step.ai not in DECIDING or step.exception_route not in m.steps:
                continue
            if step.confidence_threshold is None and not step.exception_trigger.strip():
                yield Hit(
                    f"'{step.name}' in the {m.label} has an exception route, but nothing says when a case takes "
                    "it: no confidence threshold and no description of what counts as the AI failing.",
                    (ref(step),),
                    use_case_id=m.use_case.id,
                )


def _shape(index: PlanIndex, pmap) -> tuple:
    """A map's work as people see it, AI flags and drawing positions left out."""
    names = {s.id: (s.kind, " ".join(s.name.lower().split()), s.lane) for s in pmap.steps}
    steps = sorted(names.values())
    flows = sorted((names[f.source], names[f.target]) for f in pmap.flows if f.source in names and f.target in names)
    return steps, flows


@rule(
    "PRO-008",
    "The redesign changes more than an AI flag",
    Severity.ERROR,
    Component.PROCESS,
    """A redesigned map that is the current map with AI marked on some steps changes nothing around the
    AI: the same handoffs, the same checks, the same people doing the same things. That is adding AI to
    the existing way of working, which is where the gains disappear at scale.""",
    FAMILY,
)
def redesign_differs(index: PlanIndex) -> Iterator[Hit]:
    for uc in index.plan.use_cases:
        current, new = uc.current, uc.redesigned
        ai_steps = [s for s in new.steps if s.is_ai]
        if not current.steps or not ai_steps or _shape(index, current) != _shape(index, new):
            continue
        yield Hit(
            f"The redesigned '{uc.name}' process is the current one with AI marked on {_names(ai_steps)}: "
            "the steps, the roles and the flows are unchanged.",
            (ref(uc),) + tuple(ref(s) for s in ai_steps[:10]),
            use_case_id=uc.id,
        )
