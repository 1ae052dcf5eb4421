"""The roadmap as a networkx dependency graph. networkx is imported inside functions only:
it costs a third of a second, and this module sits on the app's start-up path.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import ItemKind, Plan, RoadmapItem
from .constraints import Constraint, Constraints, build_constraints


@dataclass
class PreparedRoadmap:
    items: dict[str, RoadmapItem]
    order: dict[str, int]
    """Item id -> its position in the plan, for stable results."""
    constraints: Constraints
    cycles: list[list[str]]
    usable: list[Constraint]
    """The constraints a schedule can satisfy together: no cycle edges, no contradictions."""
    contradicting: set[tuple[str, str]]
    """Dependencies the user drew that no schedule can keep together with the principles."""


def explicit_cycles(items: dict[str, RoadmapItem], order: dict[str, int], explicit: list[Constraint]):
    """One cycle per knot of dependencies, as item ids each depending on the next (the last on the first)."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_edges_from((c.before, c.after) for c in explicit)
    cycles = []
    knots = [scc for scc in nx.strongly_connected_components(graph) if len(scc) > 1]
    for knot in sorted(knots, key=lambda s: min(order[i] for i in s)):
        start = min(knot, key=order.__getitem__)
        edges = nx.find_cycle(graph.subgraph(knot), source=start)
        waits = [u for u, _ in edges]
        # Edges run from a dependency to the item waiting for it; reading them backwards
        # gives "each depends on the next".
        cycles.append([waits[0]] + waits[:0:-1])
    return cycles, knots


KIND_RANK = {
    ItemKind.DIAGNOSTIC: 0,
    ItemKind.PROCESS_REDESIGN: 1,
    ItemKind.DATA_READINESS: 1,
    ItemKind.CAPABILITY: 3,
    ItemKind.DEPLOYMENT: 4,
}
"""Where each kind of work sits in the principles' order (others: 2), to pick the dependency
that runs against it when a dependency the user drew contradicts a principle."""


def prepare(plan: Plan) -> PreparedRoadmap:
    import networkx as nx

    items = {i.id: i for i in plan.roadmap}
    order = {i.id: n for n, i in enumerate(plan.roadmap)}
    constraints = build_constraints(plan, items)
    cycles, knots = explicit_cycles(items, order, constraints.explicit)
    knot_of = {node: n for n, knot in enumerate(knots) for node in knot}
    in_cycle = {
        (c.before, c.after)
        for c in constraints.explicit
        if c.before in knot_of and knot_of[c.before] == knot_of.get(c.after)
    }
    aligned = {cap for cap, _ in constraints.alignments}
    # Capability work must overlap its deployment's start: an edge back from the deployment
    # makes any dependency chain from the capability item to its deployment a cycle.
    overlap = [(deploy, cap) for cap, deploy in constraints.alignments]
    explicit = {(c.before, c.after) for c in constraints.explicit} - in_cycle
    implied = [(c.before, c.after) for c in constraints.implied]
    contradicting: set[tuple[str, str]] = set()
    while True:
        graph = nx.DiGraph()
        graph.add_edges_from(implied + overlap)
        graph.add_edges_from(explicit - contradicting)
        scc_of = {n: k for k, scc in enumerate(nx.strongly_connected_components(graph)) if len(scc) > 1 for n in scc}
        tangled = [e for e in explicit - contradicting if e[0] in scc_of and scc_of[e[0]] == scc_of.get(e[1])]
        if not tangled:
            break
        contradicting |= set(_culprits(tangled, aligned, items))
    usable = [
        c
        for c in constraints.all
        if c.code != "SEQ-007" or ((c.before, c.after) not in contradicting and (c.before, c.after) not in in_cycle)
    ]
    return PreparedRoadmap(items, order, constraints, cycles, usable, contradicting)


def _culprits(tangled: list[tuple[str, str]], aligned: set[str], items: dict[str, RoadmapItem]):
    """The dependencies to give up first: those of capability work that must overlap a
    deployment, then those running against the principles' order, then the rest."""
    around_capability = [e for e in tangled if e[0] in aligned or e[1] in aligned]
    if around_capability:
        return around_capability
    rank = {i: KIND_RANK.get(items[i].kind, 2) for e in tangled for i in e}
    backwards = [e for e in tangled if rank[e[0]] > rank[e[1]]]
    return backwards or tangled


def dag(prepared: PreparedRoadmap):
    """The usable constraints as a DiGraph with the largest lag per pair of items."""
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(prepared.items)
    for c in prepared.usable:
        lag = c.lag(prepared.items)
        if graph.has_edge(c.before, c.after):
            graph[c.before][c.after]["lag"] = max(graph[c.before][c.after]["lag"], lag)
        else:
            graph.add_edge(c.before, c.after, lag=lag)
    return graph


def topological_order(graph, prepared: PreparedRoadmap) -> list[str]:
    import networkx as nx

    return list(nx.lexicographical_topological_sort(graph, key=prepared.order.__getitem__))
