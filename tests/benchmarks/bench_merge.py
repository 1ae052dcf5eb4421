"""Comparing and merging two copies of the large plan, each against loading the plan.

The copies are what two facilitators make between workshops: one renames and moves steps and
edits decisions, the other removes a role (with its steps and references) and adds roadmap
items; a few steps are renamed in both, so the merge meets conflicts.
"""

from __future__ import annotations

from pathlib import Path

from omplanner.commands import AddEntity, SetFields, remove_cascade
from omplanner.compare import compare_plans
from omplanner.compare.merge import merge_plans
from omplanner.fileio import load_plan, parse_plan
from omplanner.model import Plan, RoadmapItem

from .common import Row, median_times


def two_copies(base: Plan) -> tuple[Plan, Plan]:
    mine, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    steps = [s for _uc, _v, pmap in base.maps() for s in pmap.steps]
    for step in steps[:200:2]:
        SetFields(step.id, {"name": step.name + " (checked)", "x": step.x + 20}).apply(mine)
    for decision in base.decisions[:50]:
        SetFields(decision.id, {"rationale": "Agreed at workshop 2"}).apply(mine)
    for step in steps[:20]:
        SetFields(step.id, {"name": step.name + " (theirs)"}).apply(theirs)
    remove_cascade(theirs, base.roles[-1].id).apply(theirs)
    for index in range(30):
        AddEntity(None, "roadmap", RoadmapItem(id=f"item-bench-{index}", title=f"New item {index}")).apply(theirs)
    return mine, theirs


def run(large: Path, repeats: int) -> list[Row]:
    raw = large.read_bytes()
    base = load_plan(large)
    mine, theirs = two_copies(base)
    load = lambda: parse_plan(raw, large)  # noqa: E731
    diff, load_for_diff = median_times(lambda: compare_plans(mine, theirs), load, repeats)
    merge, load_for_merge = median_times(lambda: merge_plans(base, mine, theirs), load, repeats)
    conflicts = len(merge_plans(base, mine, theirs).conflicts)
    return [
        Row("diff two copies of the large plan (vs loading it)", diff, load_for_diff, None),
        Row(
            "merge two copies of the large plan (vs loading it)",
            merge,
            load_for_merge,
            None,
            note=f"{conflicts} conflicts",
        ),
    ]
