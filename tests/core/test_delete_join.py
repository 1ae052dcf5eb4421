"""Deleting steps out of a chain closes the gap: the step before leads to the step after."""

from __future__ import annotations

from omplanner.fileio import plan_to_json
from omplanner.model import check_integrity
from omplanner.process.edits import delete_command


def chain(pmap):
    ins = {s.id: [f for f in pmap.flows if f.target == s.id] for s in pmap.steps}
    outs = {s.id: [f for f in pmap.flows if f.source == s.id] for s in pmap.steps}
    return ins, outs


def middle_steps(plan):
    """Steps with one way in and one way out, with the map they are in."""
    for uc in plan.use_cases:
        for pmap in (uc.current, uc.redesigned):
            ins, outs = chain(pmap)
            for step in pmap.steps:
                if len(ins[step.id]) == 1 and len(outs[step.id]) == 1:
                    yield pmap, step, ins[step.id][0], outs[step.id][0]


def test_deleting_a_step_in_a_chain_joins_its_neighbours(example_plan):
    before = plan_to_json(example_plan)
    pmap, step, way_in, way_out = next(middle_steps(example_plan))
    command = delete_command(example_plan, [step.id])
    command.apply(example_plan)
    assert pmap.step(step.id) is None
    joined = [f for f in pmap.flows if f.source == way_in.source and f.target == way_out.target]
    assert len(joined) == 1 and joined[0].label == way_in.label
    assert "and join" in command.text
    assert check_integrity(example_plan) == []
    command.revert(example_plan)
    assert plan_to_json(example_plan) == before


def test_deleting_two_steps_in_a_row_joins_across_both(example_plan):
    def runs():
        for pmap, step, _way_in, way_out in middle_steps(example_plan):
            ins, outs = chain(pmap)
            after = pmap.step(way_out.target)
            if after is not None and len(ins[after.id]) == 1 and len(outs[after.id]) == 1:
                yield pmap, step, after, ins[step.id][0].source, outs[after.id][0].target

    pmap, step, after, source, target = next(runs())
    delete_command(example_plan, [step.id, after.id]).apply(example_plan)
    assert [(f.source, f.target) for f in pmap.flows].count((source, target)) == 1


def test_a_step_with_two_ways_out_leaves_its_gap_open(example_plan):
    pmap, decision = next(
        (m, s)
        for uc in example_plan.use_cases
        for m in (uc.current, uc.redesigned)
        for s in m.steps
        if len([f for f in m.flows if f.source == s.id]) == 2 and any(f.target == s.id for f in m.flows)
    )
    flows_before = len(pmap.flows)
    touching = [f for f in pmap.flows if decision.id in (f.source, f.target)]
    command = delete_command(example_plan, [decision.id])
    command.apply(example_plan)
    assert len(pmap.flows) == flows_before - len(touching)
    assert "join" not in command.text
