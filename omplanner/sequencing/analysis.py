"""What the roadmap's dependency graph says: critical path, slack, phases, cycles."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Plan
from .graph import dag, prepare, topological_order


@dataclass
class RoadmapAnalysis:
    critical: set[str] = field(default_factory=set)
    """Items on the critical path: any slip moves the end of the roadmap."""
    slack: dict[str, int] = field(default_factory=dict)
    """Weeks each item can slip, as planned, without moving the end of the roadmap."""
    phases: list[list[str]] = field(default_factory=list)
    """Groups of items that can run in parallel, in order; each after everything it waits for."""
    cycles: list[list[str]] = field(default_factory=list)
    """Each knot of dependencies as item ids, each depending on the next and the last on the first."""
    implied: list[tuple[str, str, str]] = field(default_factory=list)
    """(before, after, principle code): the order the sequencing principles imply. SEQ-004
    (capability) and SEQ-006 (one use case first) are about starts; the others mean 'ends before'."""


def analyse_roadmap(plan: Plan) -> RoadmapAnalysis:
    """Never raises on a cycle: cyclic dependencies are left out of the graph and named instead."""
    import networkx as nx

    if not plan.roadmap:
        return RoadmapAnalysis()
    prepared = prepare(plan)
    items = prepared.items
    graph = dag(prepared)
    order = topological_order(graph, prepared)
    finish = max(i.end_week for i in items.values())
    latest: dict[str, int] = {}
    for node in reversed(order):
        bound = finish - items[node].duration_weeks
        for succ in graph.successors(node):
            bound = min(bound, latest[succ] - graph[node][succ]["lag"])
        latest[node] = bound
    slack = {node: max(0, latest[node] - items[node].start_week) for node in prepared.order}
    phases = [
        sorted(generation, key=lambda i: (items[i].start_week, prepared.order[i]))
        for generation in nx.topological_generations(graph)
    ]
    implied = [(c.before, c.after, c.code) for c in prepared.constraints.implied if not c.scheduling_only]
    return RoadmapAnalysis(
        critical={node for node, weeks in slack.items() if weeks == 0},
        slack=slack,
        phases=phases,
        cycles=prepared.cycles,
        implied=implied,
    )
