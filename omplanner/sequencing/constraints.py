"""The roadmap's constraints: the dependencies the user drew and those the principles imply.

Every constraint reads ``start[after] >= start[before] + lag``. Finish-to-start constraints
(``before`` must end first) have the ``before`` item's duration as lag; the capability
principle is start-to-start (capability work starts no later than the first deployment),
"one use case first" keeps the other use cases' first deployments at least a week behind, and
governance designed in (SEQ-012) lets a use case's governance work start no later than the last
week of its first deployment: a negative start-to-start lag.

Built without networkx: the rules read these on every edit.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import ItemKind, Plan, RoadmapItem


class Constraint(NamedTuple):
    """A named tuple rather than a frozen dataclass: a large roadmap implies over a thousand of
    these on every check, and a tuple is built several times faster."""

    before: str
    after: str
    code: str
    """SEQ-007 for a dependency the user drew; the principle's rule code for an implied one."""
    start_to_start: bool = False
    offset: int = 0
    """Extra weeks for a start-to-start constraint (one use case first: 1)."""
    scheduling_only: bool = False
    """Helps the scheduler keep an order stable; not a principle in its own right."""

    def lag(self, items: dict[str, RoadmapItem]) -> int:
        return self.offset if self.start_to_start else items[self.before].duration_weeks

    def holds(self, items: dict[str, RoadmapItem]) -> bool:
        return items[self.after].start_week >= items[self.before].start_week + self.lag(items)


@dataclass
class Constraints:
    explicit: list[Constraint] = field(default_factory=list)
    implied: list[Constraint] = field(default_factory=list)
    alignments: list[tuple[str, str]] = field(default_factory=list)
    """(capability item, first deployment) pairs that must overlap (principle 4)."""
    first_use_case: str | None = None
    first_deployment: dict[str, str] = field(default_factory=dict)
    """Use case id -> the id of its earliest deployment item."""

    @property
    def all(self) -> list[Constraint]:
        return self.explicit + self.implied


def _earliest(items: list[RoadmapItem]) -> RoadmapItem | None:
    # min() keeps the first of equals, so ties go to the item listed first in the plan.
    return min(items, key=lambda i: i.start_week) if items else None


def build_constraints(plan: Plan, items: dict[str, RoadmapItem] | None = None) -> Constraints:
    items = items if items is not None else {i.id: i for i in plan.roadmap}
    result = Constraints()
    for item in plan.roadmap:
        for dep in item.depends_on:
            if dep in items and dep != item.id:
                result.explicit.append(Constraint(dep, item.id, "SEQ-007"))

    by_uc_kind: dict[tuple[str | None, ItemKind], list[RoadmapItem]] = defaultdict(list)
    for item in plan.roadmap:
        by_uc_kind[(item.use_case, item.kind)].append(item)

    def of(uc_id: str | None, kind: ItemKind) -> list[RoadmapItem]:
        return by_uc_kind.get((uc_id, kind), [])

    implied = result.implied
    use_case_ids = [uc.id for uc in plan.use_cases]
    gated_all = [i for i in plan.roadmap if i.kind in (ItemKind.TOOL_SELECTION, ItemKind.DEPLOYMENT)]
    for diag in (i for i in plan.roadmap if i.kind is ItemKind.DIAGNOSTIC):
        targets = (
            gated_all
            if diag.use_case is None
            else of(diag.use_case, ItemKind.TOOL_SELECTION) + of(diag.use_case, ItemKind.DEPLOYMENT)
        )
        implied.extend(Constraint(diag.id, t.id, "SEQ-001") for t in targets)

    for uc_id in use_case_ids:
        for prep in of(uc_id, ItemKind.PROCESS_REDESIGN) + of(uc_id, ItemKind.DATA_READINESS):
            implied.extend(Constraint(prep.id, t.id, "SEQ-002") for t in of(uc_id, ItemKind.TOOL_SELECTION))
        for rights in of(uc_id, ItemKind.DECISION_RIGHTS):
            implied.extend(Constraint(rights.id, t.id, "SEQ-003") for t in of(uc_id, ItemKind.DEPLOYMENT))
        deployments = of(uc_id, ItemKind.DEPLOYMENT)
        first = _earliest(deployments)
        if first is None:
            continue
        result.first_deployment[uc_id] = first.id
        for other in deployments:
            if other is not first:
                implied.append(Constraint(first.id, other.id, "SEQ-004", start_to_start=True, scheduling_only=True))
        # The capability item the schedule keeps beside the deployment: one that already
        # overlaps its start if there is one (so compliant plans stay put), else the earliest.
        capabilities = of(uc_id, ItemKind.CAPABILITY)
        overlapping = [c for c in capabilities if c.start_week <= first.start_week < c.end_week]
        capability = overlapping[0] if overlapping else _earliest(capabilities)
        if capability is not None:
            implied.append(Constraint(capability.id, first.id, "SEQ-004", start_to_start=True))
            result.alignments.append((capability.id, first.id))
        # Governance is designed in, not retrofitted: the use case's earliest governance work
        # starts before its first deployment has gone live (by the deployment's last week).
        governance = _earliest(of(uc_id, ItemKind.GOVERNANCE))
        if governance is not None:
            implied.append(
                Constraint(governance.id, first.id, "SEQ-012", start_to_start=True, offset=1 - first.duration_weeks)
            )

    if result.first_deployment:
        firsts = [(items[d].start_week, use_case_ids.index(uc), uc) for uc, d in result.first_deployment.items()]
        first_uc = min(firsts)[2]
        result.first_use_case = first_uc
        lead = result.first_deployment[first_uc]
        for gov in of(first_uc, ItemKind.GOVERNANCE):
            for uc_id in result.first_deployment:
                if uc_id != first_uc:
                    implied.extend(Constraint(gov.id, t.id, "SEQ-005") for t in of(uc_id, ItemKind.DEPLOYMENT))
        for uc_id, dep in result.first_deployment.items():
            if uc_id != first_uc:
                implied.append(Constraint(lead, dep, "SEQ-006", start_to_start=True, offset=1))
    return result


def has_dependency_cycle(items: dict[str, RoadmapItem]) -> bool:
    """Pure-Python depth-first search, so that a plan without cycles never imports networkx."""
    state: dict[str, int] = {}
    for root in items:
        if root in state:
            continue
        stack = [(root, iter(items[root].depends_on))]
        state[root] = 1
        while stack:
            node, deps = stack[-1]
            dep = next(deps, None)
            if dep is None:
                state[node] = 2
                stack.pop()
            elif dep in items:
                seen = state.get(dep)
                if seen == 1:
                    return True
                if seen is None:
                    state[dep] = 1
                    stack.append((dep, iter(items[dep].depends_on)))
    return False
