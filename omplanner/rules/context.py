"""The per-call index every rule reads: dicts by id, built once per ``check_plan``.

``check_plan`` runs after every edit in the app, on plans with thousands of steps, so rules
never scan a list to find an element: they look it up here. Anything costly that several rules
share (the sequencing constraints) is computed lazily, once.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from ..model import (
    CapabilityKind,
    Component,
    Entity,
    ItemKind,
    Plan,
    ProcessMap,
    RoadmapItem,
    RoleKind,
    Step,
    UseCase,
)
from .findings import ElementRef


def ref(entity: Entity) -> ElementRef:
    return ElementRef(entity.id, entity.kind_label, entity.display_name)


class MapIndex:
    """One process map with its flows as adjacency lists."""

    def __init__(self, use_case: UseCase, variant: str, pmap: ProcessMap):
        self.use_case = use_case
        self.variant = variant
        self.map = pmap
        self.steps: dict[str, Step] = {s.id: s for s in pmap.steps}
        self.successors: dict[str, list[str]] = defaultdict(list)
        self.predecessors: dict[str, list[str]] = defaultdict(list)
        for flow in pmap.flows:
            self.successors[flow.source].append(flow.target)
            self.predecessors[flow.target].append(flow.source)

    @property
    def label(self) -> str:
        return f"{self.variant} '{self.use_case.name}' process"

    def reaching(self, targets: set[str]) -> set[str]:
        """The targets and every step from which a flow path leads to one of them: one backward
        sweep, so that a rule asking this of each step stays linear in the size of the map."""
        found = set(targets)
        stack = list(targets)
        while stack:
            for prev in self.predecessors.get(stack.pop(), ()):
                if prev not in found:
                    found.add(prev)
                    stack.append(prev)
        return found

    def downstream(self, step_id: str) -> list[str]:
        """Steps reachable from ``step_id`` by flows (itself excluded), breadth first."""
        seen = {step_id}
        queue = [step_id]
        order = []
        while queue:
            current = queue.pop(0)
            for nxt in self.successors.get(current, ()):
                if nxt not in seen:
                    seen.add(nxt)
                    order.append(nxt)
                    queue.append(nxt)
        return order


class PlanIndex:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.roles = {r.id: r for r in plan.roles}
        self.use_cases = {uc.id: uc for uc in plan.use_cases}
        self.items: dict[str, RoadmapItem] = {i.id: i for i in plan.roadmap}
        self.decisions = {d.id: d for d in plan.decisions}
        self.maps: list[MapIndex] = [MapIndex(uc, variant, pmap) for uc, variant, pmap in plan.maps()]
        self.step_map: dict[str, MapIndex] = {}
        for m in self.maps:
            for step_id in m.steps:
                self.step_map[step_id] = m
        self.decisions_by_step: dict[str, list] = defaultdict(list)
        for d in plan.decisions:
            if d.step:
                self.decisions_by_step[d.step].append(d)
        self.capabilities: dict[tuple[str, CapabilityKind], list] = defaultdict(list)
        for cap in plan.capabilities:
            self.capabilities[(cap.role, cap.capability)].append(cap)
        self.agreed_scores: dict[tuple[str, Component], int] = {
            (s.use_case, s.component): s.value for s in plan.scores if s.participant == ""
        }
        self.items_by_use_case: dict[str | None, list[RoadmapItem]] = defaultdict(list)
        self.items_by_kind: dict[ItemKind, list[RoadmapItem]] = defaultdict(list)
        for item in plan.roadmap:
            self.items_by_use_case[item.use_case].append(item)
            self.items_by_kind[item.kind].append(item)

    def step(self, step_id: str | None) -> Step | None:
        m = self.step_map.get(step_id) if step_id else None
        return m.steps[step_id] if m else None

    def role_name(self, role_id: str | None) -> str:
        role = self.roles.get(role_id) if role_id else None
        return role.name if role else "no one"

    def is_human(self, role_id: str | None) -> bool:
        role = self.roles.get(role_id) if role_id else None
        return role is not None and role.kind is RoleKind.HUMAN

    def has_capability(self, role_id: str, kind: CapabilityKind, use_case_id: str) -> bool:
        """Whether the role has this requirement for the use case, or for all use cases."""
        return any(c.use_case in (None, use_case_id) for c in self.capabilities.get((role_id, kind), ()))

    def use_case_name(self, use_case_id: str | None) -> str:
        uc = self.use_cases.get(use_case_id) if use_case_id else None
        return uc.name if uc else "the whole programme"

    @cached_property
    def constraints(self):
        """The sequencing constraints (explicit and implied), shared by the sequencing rules."""
        from ..sequencing.constraints import build_constraints

        return build_constraints(self.plan, self.items)
