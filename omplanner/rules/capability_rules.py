"""Capability rules: the people who work beside the AI have the new skills written into their
roles: checking its output, judging its exceptions, and watching the process for drift.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..commands import AddEntity
from ..model import BuildMethod, CapabilityKind, CapabilityRequirement, Component, Severity, StepKind, new_id
from .context import MapIndex, PlanIndex, ref
from .engine import Hit, rule
from .findings import Fix
from .process_rules import redesigned
from .words import article, quoted

FAMILY = "Capability"

BUILT_INTO_ROLE = (BuildMethod.JOB_DESIGN, BuildMethod.TRAINING)
"""How a requirement a fix adds is built: written into the job, and taught (CAP-004 asks for both)."""
ENDS = (StepKind.START, StepKind.END)


def _add(index: PlanIndex, role: str, kind: CapabilityKind, uc: str) -> Fix:
    label = kind.label.lower().replace(" ", "-")
    text = f"Add {article(label)} {label} requirement for {index.role_name(role)}"
    cap = CapabilityRequirement(
        id=new_id("cap"), role=role, capability=kind, use_case=uc, built_through=list(BUILT_INTO_ROLE)
    )
    return Fix(text, AddEntity(None, "capabilities", cap, text=text, copy=False))  # made here, handed over


def _roles_at_ai(index: PlanIndex, m: MapIndex) -> dict[str, list]:
    """Human roles that receive the AI's output: at an AI step, or right after one."""
    roles: dict[str, list] = {}
    for step in m.map.steps:
        if not step.is_ai:
            continue
        for step_id in [step.id] + m.successors.get(step.id, []):
            target = m.steps.get(step_id)
            if target is not None and target.kind not in ENDS and index.is_human(target.lane):
                roles.setdefault(target.lane, []).append(step)
    return roles


def _check_roles(index: PlanIndex, roles: dict[str, list], m: MapIndex, kind: CapabilityKind, doing: str):
    uc = m.use_case.id
    for role, steps in roles.items():
        if index.has_capability(role, kind, uc):
            continue
        steps = list({s.id: s for s in steps}.values())
        names = quoted(s.name for s in steps)
        yield Hit(
            f"{index.role_name(role)} {doing} {names} in '{m.use_case.name}', but has no "
            f"{kind.label.lower().replace(' ', '-')} requirement.",
            (ref(index.roles[role]),) + tuple(ref(s) for s in steps),
            use_case_id=uc,
            fix=_add(index, role, kind, uc),
        )


def _monitor_candidate(index: PlanIndex, m: MapIndex) -> str | None:
    """Who should watch the process: the governance owner, else whoever answers for an AI step's decision."""
    uc = m.use_case
    if index.is_human(uc.governance.owner_role):
        return uc.governance.owner_role
    for step in m.map.steps:
        for decision in index.decisions_by_step.get(step.id, ()) if step.is_ai else ():
            for role in decision.accountable:
                if index.is_human(role):
                    return role
    return next((lane for lane in m.map.lanes if index.is_human(lane)), None)


@rule(
    "CAP-001",
    "People beside the AI can check its output",
    Severity.WARNING,
    Component.CAPABILITY,
    """A person who receives the AI's output needs the skill (and the time in the job) to tell when
    it is wrong; without it they pass errors on.""",
    FAMILY,
)
def validation_skill(index: PlanIndex) -> Iterator[Hit]:
    for m in redesigned(index):
        yield from _check_roles(
            index, _roles_at_ai(index, m), m, CapabilityKind.OUTPUT_VALIDATION, "works with the AI's output at"
        )


@rule(
    "CAP-002",
    "Exception handlers can judge exceptions",
    Severity.WARNING,
    Component.CAPABILITY,
    """The people who take over when the AI is unsure judge the hardest cases; knowing when to
    override, and owning the result, is part of their role.""",
    FAMILY,
)
def judgement_skill(index: PlanIndex) -> Iterator[Hit]:
    for m in redesigned(index):
        roles: dict[str, list] = {}
        for step in m.map.steps:
            target = m.steps.get(step.exception_route) if step.is_ai and step.exception_route else None
            if target is not None and index.is_human(target.lane):
                roles.setdefault(target.lane, []).append(step)
        yield from _check_roles(index, roles, m, CapabilityKind.EXCEPTION_JUDGEMENT, "takes the exceptions of")


@rule(
    "CAP-003",
    "Someone monitors the process",
    Severity.WARNING,
    Component.CAPABILITY,
    """A process the AI runs drifts quietly. Someone in the use case is required to watch it against
    its thresholds and act when it drifts.""",
    FAMILY,
)
def monitoring_skill(index: PlanIndex) -> Iterator[Hit]:
    # Collected once, not per map: the check must grow no faster than the plan.
    monitored = {c.use_case for c in index.plan.capabilities if c.capability is CapabilityKind.PROCESS_MONITORING}
    for m in redesigned(index):
        uc = m.use_case
        if None in monitored or uc.id in monitored:
            continue
        ai_steps = [s for s in m.map.steps if s.is_ai]
        if not ai_steps:
            continue
        owner = _monitor_candidate(index, m)
        yield Hit(
            f"The redesigned '{uc.name}' process has {len(ai_steps)} AI step{'s' if len(ai_steps) > 1 else ''}, "
            "but no role is required to monitor it for drift.",
            (ref(uc),) + tuple(ref(s) for s in ai_steps),
            use_case_id=uc.id,
            fix=_add(index, owner, CapabilityKind.PROCESS_MONITORING, uc.id) if owner else None,
        )


@rule(
    "CAP-004",
    "Each skill gap says how it closes inside the role",
    Severity.WARNING,
    Component.CAPABILITY,
    """Where a role needs more of a skill than it has, the plan says how the gap closes. Training
    alone teaches the tool; the new responsibility lasts only once it is written into the job, looked
    for in hiring, or measured in performance reviews.""",
    FAMILY,
)
def gap_closes(index: PlanIndex) -> Iterator[Hit]:
    for cap in index.plan.capabilities:
        if cap.required_level <= cap.current_level:
            continue
        methods = set(cap.built_through)
        if methods and methods != {BuildMethod.TRAINING}:
            continue
        how = "nothing says how" if not methods else "only training is planned"
        role = index.role_name(cap.role)
        yield Hit(
            f"{role} needs {cap.display_name.lower()} at level {cap.required_level} (level {cap.current_level} "
            f"today), but {how}: build it into job design, hiring or performance management.",
            (ref(cap),) + ((ref(index.roles[cap.role]),) if cap.role in index.roles else ()),
            use_case_id=cap.use_case,
            field="built_through",
        )
