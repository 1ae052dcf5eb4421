"""Small plans for the rule tests: each test builds the least plan that breaks or satisfies a rule."""

from __future__ import annotations

from omplanner.model import (
    AiIntervention,
    CapabilityKind,
    CapabilityRequirement,
    Flow,
    ItemKind,
    Plan,
    RoadmapItem,
    Role,
    RoleKind,
    Step,
    StepKind,
)
from omplanner.model.factories import make_use_case
from omplanner.rules import check_plan


def base_plan(use_cases: int = 2) -> Plan:
    plan = Plan(
        roles=[
            Role(id="lead", name="Team lead"),
            Role(id="clerk", name="Clerk"),
            Role(id="senior", name="Finance director"),
            Role(id="agent", name="Matching agent", kind=RoleKind.AI_AGENT),
            Role(id="erp", name="ERP", kind=RoleKind.SYSTEM),
        ]
    )
    for n, name in enumerate(["Invoices", "E-mails", "Forecasts"][:use_cases]):
        plan.use_cases.append(make_use_case(name, id=f"uc-{n + 1}"))
    return plan


def item(ident: str, kind: ItemKind, uc: str | None, start: int, weeks: int = 2, deps=()) -> RoadmapItem:
    return RoadmapItem(
        id=ident,
        title=f"{kind.label} {ident}",
        kind=kind,
        use_case=uc,
        start_week=start,
        duration_weeks=weeks,
        depends_on=list(deps),
    )


def roadmap(*items: RoadmapItem, use_cases: int = 2) -> Plan:
    plan = base_plan(use_cases)
    plan.roadmap.extend(items)
    return plan


def add_map(plan: Plan, steps: list[Step], flows: list[tuple[str, str]], uc: int = 0, variant: str = "redesigned"):
    pmap = getattr(plan.use_cases[uc], variant)
    pmap.lanes = sorted({s.lane for s in steps})
    pmap.steps = steps
    pmap.flows = [Flow(id=f"f-{pmap.id}-{n}", source=a, target=b) for n, (a, b) in enumerate(flows)]
    return pmap


def step(ident: str, lane: str, kind: StepKind = StepKind.TASK, ai=AiIntervention.NONE, **fields) -> Step:
    return Step(id=ident, name=fields.pop("name", f"Step {ident}"), kind=kind, lane=lane, ai=ai, **fields)


def ai_process(plan: Plan, route: str | None = "s3", uc: int = 0) -> None:
    """start -> AI match (agent) -> clerk checks -> end; exceptions of the AI step go to ``route``."""
    add_map(
        plan,
        [
            step("s1", "clerk", StepKind.START),
            step(
                "s2",
                "agent",
                ai=AiIntervention.AUTOMATE,
                name="Match invoice",
                exception_route=route,
                exception_rate=10,
            ),
            step("s3", "clerk", name="Resolve mismatch", minutes=10),
            step("s4", "clerk", StepKind.END),
        ],
        [("s1", "s2"), ("s2", "s4"), ("s3", "s4")],
        uc=uc,
    )


def capability(role: str, kind: CapabilityKind, uc: str | None = "uc-1") -> CapabilityRequirement:
    return CapabilityRequirement(id=f"cap-{role}-{kind.value}", role=role, capability=kind, use_case=uc)


def codes(plan: Plan) -> list[str]:
    return [f.code for f in check_plan(plan)]


def findings(plan: Plan, code: str):
    return [f for f in check_plan(plan) if f.code == code]
