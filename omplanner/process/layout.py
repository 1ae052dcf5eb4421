"""Where things sit on a process map, and the automatic layout.

Lanes are horizontal bands of ``LANE_HEIGHT``, in the order of the map's ``lanes``, the first
starting at y = 0. A step's ``x``/``y`` is the centre of its shape. Laid-out steps sit
``STEP_Y_IN_LANE`` below the top of their lane, above the middle, so that the lower part of a
lane stays free for arrows and their labels.
"""

from __future__ import annotations

from ..commands import Command, Macro, SetFields
from ..model import Flow, ProcessMap, Step

LANE_HEIGHT = 130.0
COLUMN_WIDTH = 190.0
STEP_WIDTH = 150.0
STEP_HEIGHT = 60.0
FIRST_X = 60.0
STEP_Y_IN_LANE = 50.0
GRID = 10.0


def lane_top(index: int) -> float:
    return index * LANE_HEIGHT


def lane_centre_y(index: int) -> float:
    """The y a laid-out step of this lane gets."""
    return lane_top(index) + STEP_Y_IN_LANE


def lane_at(y: float, lane_count: int) -> int:
    """The index of the lane under ``y``, clamped to the lanes that exist."""
    if lane_count <= 0:
        return 0
    return max(0, min(lane_count - 1, int(y // LANE_HEIGHT)))


def clamp_into_lane(y: float, index: int) -> float:
    """Keep a step's shape inside its lane band."""
    low = lane_top(index) + STEP_HEIGHT / 2 + 5
    high = lane_top(index) + LANE_HEIGHT - STEP_HEIGHT / 2 - 5
    return max(low, min(high, y))


def snap(value: float, grid: float = GRID) -> float:
    return round(value / grid) * grid


def step_columns(steps: list[Step], flows: list[Flow]) -> dict[str, int]:
    """A column per step: after every predecessor, one step per (lane, column).

    A step that takes over from another lane without the work moving on (the step after a
    handoff, the step an exception is routed to) may sit straight under its predecessor.

    Cycles (a rework loop) are broken by ignoring the flows that close them, found by a depth
    first search from the start steps, so that a loop does not push the map sideways forever.
    """
    import networkx as nx  # ~0.35 s to import: only when a layout is asked for

    order = {s.id: i for i, s in enumerate(steps)}
    graph = nx.DiGraph()
    # Start steps first, so that the search enters the map where the work enters it.
    graph.add_nodes_from(sorted(order, key=lambda n: (steps[order[n]].kind != "start", order[n])))
    by_id = {s.id: s for s in steps}
    for step in steps:
        if step.exception_route in order:
            graph.add_edge(step.id, step.exception_route, gap=0)
    for f in flows:
        if f.source in order and f.target in order:
            source, target = by_id[f.source], by_id[f.target]
            gap = 0 if source.kind == "handoff" and source.lane != target.lane else 1
            previous = graph.edges[f.source, f.target]["gap"] if graph.has_edge(f.source, f.target) else 0
            graph.add_edge(f.source, f.target, gap=max(gap, previous))
    on_stack: set[str] = set()
    back_edges = []
    for u, v, kind in nx.dfs_labeled_edges(graph):
        if kind == "forward":
            on_stack.add(v)
        elif kind == "reverse":
            on_stack.discard(v)
        elif kind == "nontree" and v in on_stack:
            back_edges.append((u, v))
    graph.remove_edges_from(back_edges)
    lane_of = {s.id: s.lane for s in steps}
    column: dict[str, int] = {}
    taken: set[tuple[str, int]] = set()
    for node in nx.lexicographical_topological_sort(graph, key=lambda n: order[n]):
        col = max((column[p] + graph.edges[p, node]["gap"] for p in graph.predecessors(node)), default=0)
        while (lane_of[node], col) in taken:
            col += 1
        column[node] = col
        taken.add((lane_of[node], col))
    return column


def auto_layout(pmap: ProcessMap) -> dict[str, tuple[float, float]]:
    """Positions for every step: columns by flow order, one row per lane."""
    if not pmap.steps:
        return {}
    lanes = list(pmap.lanes)
    columns = step_columns(pmap.steps, pmap.flows)
    positions = {}
    for step in pmap.steps:
        index = lanes.index(step.lane) if step.lane in lanes else len(lanes)
        positions[step.id] = (FIRST_X + columns[step.id] * COLUMN_WIDTH, lane_centre_y(index))
    return positions


def layout_command(pmap: ProcessMap, text: str = "Lay out the map") -> Command | None:
    """One undoable edit moving every step to its laid-out place (None if nothing moves)."""
    positions = auto_layout(pmap)
    commands = [
        SetFields(step.id, {"x": positions[step.id][0], "y": positions[step.id][1]})
        for step in pmap.steps
        if (step.x, step.y) != positions[step.id]
    ]
    return Macro(text, commands) if commands else None
