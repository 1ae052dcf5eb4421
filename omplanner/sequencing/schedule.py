"""Auto-sequencing: the earliest start that satisfies every dependency and principle.

Items that already comply stay where they are; an item that breaks a constraint moves to the
earliest week that satisfies it, and what waits for it follows. Capability work is the one
kind that may move earlier: it should start no later than the first deployment and overlap it.
"""

from __future__ import annotations

from collections import defaultdict

from ..commands import Command, Macro, SetFields
from ..model import Plan
from .graph import PreparedRoadmap, dag, prepare, topological_order

LAST_WEEK = 520
"""The latest start a roadmap item accepts (ten years): a schedule never proposes beyond it."""


def _solve(plan: Plan) -> tuple[dict[str, int], PreparedRoadmap]:
    prepared = prepare(plan)
    items = prepared.items
    graph = dag(prepared)
    order = topological_order(graph, prepared)
    preds: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for before, after, data in graph.edges(data=True):
        preds[after].append((before, data["lag"]))
    aligned = dict(prepared.constraints.alignments)
    original = {i: item.start_week for i, item in items.items()}
    start = dict(original)
    # The capability alignment reads the deployment's start from the previous pass; a few
    # passes settle it. The bound only guards against a case the graph preparation missed.
    for _ in range(len(items) + 2):
        changed = False
        for node in order:
            lower = max((start[u] + lag for u, lag in preds.get(node, ())), default=0)
            if node in aligned:
                deploy = start[aligned[node]]
                earliest_overlap = deploy - items[node].duration_weeks + 1
                proposed = max(min(max(original[node], earliest_overlap), deploy), lower, 0)
            else:
                proposed = max(original[node], lower)
            if proposed != start[node]:
                start[node] = proposed
                changed = True
        if not changed:
            break
    return {i: min(week, LAST_WEEK) for i, week in start.items()}, prepared


def propose_schedule(plan: Plan) -> dict[str, int]:
    """Item id -> proposed start week, for the items that move."""
    if not plan.roadmap:
        return {}
    start, _ = _solve(plan)
    return {i.id: start[i.id] for i in plan.roadmap if start[i.id] != i.start_week}


def auto_sequence_command(plan: Plan) -> Command | None:
    """One undoable edit that applies the proposed schedule, or None when nothing moves.

    A dependency the user drew that contradicts a principle (capability work waiting for its
    deployment to finish) cannot be kept; the edit drops it, and its text says so.
    """
    if not plan.roadmap:
        return None
    start, prepared = _solve(plan)
    commands: list[Command] = []
    for item in plan.roadmap:
        changes: dict[str, object] = {}
        if start[item.id] != item.start_week:
            changes["start_week"] = start[item.id]
        dropped = [d for d in item.depends_on if (d, item.id) in prepared.contradicting]
        if dropped:
            changes["depends_on"] = [d for d in item.depends_on if d not in dropped]
        if not changes:
            continue
        words = []
        if "start_week" in changes:
            words.append(f"move to week {start[item.id] + 1}")
        if dropped:
            names = ", ".join(f"'{prepared.items[d].title}'" for d in dropped)
            words.append(f"stop waiting for {names}")
        commands.append(SetFields(item.id, changes, text=f"'{item.title}': {' and '.join(words)}"))
    return Macro("Auto-sequence the roadmap", commands) if commands else None
