"""The per-call index every rule reads: dicts by id, built once per ``check_plan``.

``check_plan`` runs after every edit in the app, on plans with thousands of steps, so rules
never scan a list to find an element: they look it up here. Anything costly that several rules
share (the sequencing constraints) is computed lazily, once.
"""

from __future__ import annotations

from collections import defaultdict, deque
from functools import cached_property

from ..model import (
    CapabilityKind,
    Component,
    Entity,
    ItemKind,
    ItemStatus,
    Plan,
    ProcessMap,
    RoadmapItem,
    Step,
    UseCase,
    UseCaseStatus,
)
from ..ranking import agreed_scores
from .findings import ElementRef


def ref(entity: Entity) -> ElementRef:
    if type(entity) is RoadmapItem:
        # The sequencing rules name hundreds of items per check; ``display_name`` would first
        # look for a ``name`` an item does not have, which pydantic answers slowly.
        return ElementRef(entity.id, entity.kind_label, entity.title or entity.id)
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
            if flow.source not in self.steps or flow.target not in self.steps:
                continue  # a flow to a step that is gone (mid-edit) or of another map leads nowhere here
            self.successors[flow.source].append(flow.target)
            self.predecessors[flow.target].append(flow.source)

    @property
    def label(self) -> str:
        return f"{self.variant} '{self.use_case.name}' process"

    def downstream(self, step_id: str, limit: int | None = None) -> list[str]:
        """Steps reachable from ``step_id`` by flows (itself excluded), breadth first, at most ``limit``."""
        seen = {step_id}
        queue = deque([step_id])
        order: list[str] = []
        while queue and (limit is None or len(order) < limit):
            for nxt in self.successors.get(queue.popleft(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    order.append(nxt)
                    queue.append(nxt)
        return order

    @cached_property
    def forward(self) -> dict[str, list[str]]:
        """Flows plus exception routes: every way a case can move on from a step."""
        edges = {k: list(v) for k, v in self.successors.items()}
        for step in self.map.steps:
            if step.exception_route in self.steps:
                edges.setdefault(step.id, []).append(step.exception_route)
        return edges

    @cached_property
    def backward(self) -> dict[str, list[str]]:
        edges: dict[str, list[str]] = defaultdict(list)
        for source, targets in self.forward.items():
            for target in targets:
                edges[target].append(source)
        return edges


def reachable(starts, edges: dict[str, list[str]]) -> set[str]:
    """Every node reachable from ``starts`` (included) along ``edges``."""
    seen = set(starts)
    stack = list(seen)
    while stack:
        for nxt in edges.get(stack.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


class PlanIndex:
    """Each index is built on first use, so a re-check that runs only the sequencing rules
    never walks the 4,000 steps of the process maps."""

    def __init__(self, plan: Plan):
        self.plan = plan

    @cached_property
    def roles(self):
        return {r.id: r for r in self.plan.roles}

    @cached_property
    def use_cases(self):
        return {uc.id: uc for uc in self.plan.use_cases}

    @cached_property
    def items(self) -> dict[str, RoadmapItem]:
        return {i.id: i for i in self.plan.roadmap}

    @cached_property
    def decisions(self):
        return {d.id: d for d in self.plan.decisions}

    @cached_property
    def maps(self) -> list[MapIndex]:
        return [MapIndex(uc, variant, pmap) for uc, variant, pmap in self.plan.maps()]

    @cached_property
    def step_map(self) -> dict[str, MapIndex]:
        return {step_id: m for m in self.maps for step_id in m.steps}

    @cached_property
    def decisions_by_step(self) -> dict[str, list]:
        result: dict[str, list] = defaultdict(list)
        for d in self.plan.decisions:
            if d.step:
                result[d.step].append(d)
        return result

    @cached_property
    def decisions_by_use_case(self) -> dict[str, list]:
        result: dict[str, list] = defaultdict(list)
        for d in self.plan.decisions:
            result[d.use_case].append(d)
        return result

    @cached_property
    def capabilities(self) -> dict[tuple[str, CapabilityKind], list]:
        result: dict[tuple[str, CapabilityKind], list] = defaultdict(list)
        for cap in self.plan.capabilities:
            result[(cap.role, cap.capability)].append(cap)
        return result

    @cached_property
    def agreed_scores(self) -> dict[tuple[str, Component], int]:
        return agreed_scores(self.plan)

    @cached_property
    def items_by_use_case(self) -> dict[str | None, list[RoadmapItem]]:
        result: dict[str | None, list[RoadmapItem]] = defaultdict(list)
        for item in self.plan.roadmap:
            result[item.use_case].append(item)
        return result

    @cached_property
    def items_by_kind(self) -> dict[ItemKind, list[RoadmapItem]]:
        result: dict[ItemKind, list[RoadmapItem]] = defaultdict(list)
        for item in self.plan.roadmap:
            result[item.kind].append(item)
        return result

    @cached_property
    def governed(self) -> list[tuple[UseCase, str]]:
        """Use cases the operating model must be ready for now, with why: in pilot or beyond, or
        with a deployment on the roadmap. Their missing essentials are errors, not advice."""
        from ..figures import go_live_week

        result = []
        for uc in self.plan.use_cases:
            if uc.status is not UseCaseStatus.CANDIDATE:
                result.append((uc, f"is in {uc.status.label.lower()}"))
                continue
            deploys = [i for i in self.items_by_use_case.get(uc.id, ()) if i.kind is ItemKind.DEPLOYMENT]
            if deploys:
                result.append((uc, f"goes live in week {min(go_live_week(i) for i in deploys)}"))
        return result

    @cached_property
    def steps_with_data(self) -> set[str]:
        """Steps some data source says it feeds."""
        return {step_id for source in self.plan.data_sources for step_id in source.used_by}

    def step(self, step_id: str | None) -> Step | None:
        m = self.step_map.get(step_id) if step_id else None
        return m.steps[step_id] if m else None

    def role_name(self, role_id: str | None) -> str:
        role = self.roles.get(role_id) if role_id else None
        return role.name if role else "no one"

    def is_human(self, role_id: str | None) -> bool:
        role = self.roles.get(role_id) if role_id else None
        return role is not None and role.is_people

    def has_capability(self, role_id: str, kind: CapabilityKind, use_case_id: str) -> bool:
        """Whether the role has this requirement for the use case, or for all use cases."""
        held = self.capability_scopes.get((role_id, kind))
        return held is not None and (None in held or use_case_id in held)

    @cached_property
    def capability_scopes(self) -> dict[tuple[str, CapabilityKind], set[str | None]]:
        """(role, capability) -> the use cases it is required for (None: all): a set, so that
        asking costs the same however many use cases the plan has."""
        result: dict[tuple[str, CapabilityKind], set[str | None]] = defaultdict(set)
        for cap in self.plan.capabilities:
            result[(cap.role, cap.capability)].add(cap.use_case)
        return dict(result)

    def use_case_name(self, use_case_id: str | None) -> str:
        uc = self.use_cases.get(use_case_id) if use_case_id else None
        return uc.name if uc else "the whole programme"

    @cached_property
    def constraints(self):
        """The sequencing constraints (explicit and implied), shared by the sequencing rules."""
        from ..sequencing.constraints import build_constraints

        return build_constraints(self.plan, self.items)

    @cached_property
    def constraint_successors(self) -> dict[str, set[str]]:
        """Item id -> the items the sequencing constraints make follow it (capability work
        kept beside a deployment included): what a fix that moves the item must move along."""
        result: dict[str, set[str]] = defaultdict(set)
        for c in self.constraints.all:
            result[c.before].add(c.after)
        for cap, deploy in self.constraints.alignments:
            result[deploy].add(cap)
        return result

    def following(self, item_id: str) -> frozenset[str]:
        """The item and every item that must follow it, however indirectly. Kept per item for
        the index's life: the rules ask it of the same deployment for each of its late items."""
        known = self._following.get(item_id)
        if known is None:
            seen = {item_id}
            stack = [item_id]
            while stack:
                for nxt in self.constraint_successors.get(stack.pop(), ()):
                    if nxt not in seen:
                        seen.add(nxt)
                        stack.append(nxt)
            known = self._following[item_id] = frozenset(seen)
        return known

    @cached_property
    def _following(self) -> dict[str, frozenset[str]]:
        return {}

    @cached_property
    def _constraint_edges(self) -> dict[str, set[str]]:
        # Capability work runs alongside its deployment: it must not end before the deployment
        # starts (an edge from the deployment to it), while starting no later than it is left
        # out, so that capability work told to wait for its deployment is no knot: a fix keeps
        # that order and leaves SEQ-004 to its own fix.
        result: dict[str, set[str]] = defaultdict(set)
        for c in self.constraints.all:
            if c.code != "SEQ-004" or c.scheduling_only:
                result[c.before].add(c.after)
        for cap, deploy in self.constraints.alignments:
            result[deploy].add(cap)
        return result

    def tangled(self, seeds) -> bool:
        """Whether a knot of constraints (a dependency the user drew against a principle, or a
        cycle of dependencies) lies on the way from ``seeds``: moving them cannot keep every order."""
        return any(seed in self._knot_reachers for seed in seeds)

    @cached_property
    def _knot_reachers(self) -> set[str]:
        """Every item from which a knot can be reached: what is left once items that lead nowhere
        are peeled off, again and again (one pass over the graph, however many fixes ask)."""
        edges = self._constraint_edges
        out = {node: len(targets) for node, targets in edges.items()}
        into: dict[str, list[str]] = defaultdict(list)
        for node, targets in edges.items():
            for target in targets:
                into[target].append(node)
        sinks = [node for node in into if out.get(node, 0) == 0]
        left = set(out) | set(into)
        while sinks:
            node = sinks.pop()
            left.discard(node)
            for source in into.get(node, ()):
                out[source] -= 1
                if out[source] == 0:
                    sinks.append(source)
        return left

    @cached_property
    def fixed_reachers(self) -> set[str]:
        """Every item that work done or in progress must follow, however indirectly (itself
        included): moving it later could have to move that work."""
        fixed = {i.id for i in self.plan.roadmap if i.status in (ItemStatus.DONE, ItemStatus.IN_PROGRESS)}
        back: dict[str, list[str]] = defaultdict(list)
        for node, targets in self.constraint_successors.items():
            for target in targets:
                back[target].append(node)
        seen = set(fixed)
        stack = list(fixed)
        while stack:
            for source in back.get(stack.pop(), ()):
                if source not in seen:
                    seen.add(source)
                    stack.append(source)
        return seen

    @cached_property
    def item_weeks(self) -> tuple[dict[str, int], dict[str, int]]:
        """Each item's start and end week, read once: the timing rules compare them thousands of times."""
        items = self.items.values()
        return {i.id: i.start_week for i in items}, {i.id: i.start_week + i.duration_weeks for i in items}

    @cached_property
    def constraints_by_code(self) -> dict[str, list]:
        """The constraints grouped by the rule that owns them (explicit ones under SEQ-007), so
        that each timing rule reads its own few instead of scanning all of them."""
        result: dict[str, list] = defaultdict(list)
        for c in self.constraints.explicit:
            result["SEQ-007"].append(c)
        for c in self.constraints.implied:
            result[c.code].append(c)
        return result

    @cached_property
    def dependency_cycles(self) -> tuple[list[list[str]], set[tuple[str, str]]]:
        """The cycles among the dependencies the user drew, and every dependency inside a knot."""
        from ..sequencing.constraints import has_dependency_cycle

        if not has_dependency_cycle(self.items):
            return [], set()
        from ..sequencing.graph import explicit_cycles

        order = {item_id: n for n, item_id in enumerate(self.items)}
        cycles, knots = explicit_cycles(self.items, order, self.constraints.explicit)
        knot_of = {node: n for n, knot in enumerate(knots) for node in knot}
        inside = {
            (c.before, c.after)
            for c in self.constraints.explicit
            if c.before in knot_of and knot_of[c.before] == knot_of.get(c.after)
        }
        return cycles, inside
