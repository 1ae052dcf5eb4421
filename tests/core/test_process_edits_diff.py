from omplanner.model import AiIntervention
from omplanner.process import (
    add_lane_command,
    delete_command,
    diff_maps,
    move_lane_command,
    nudge_command,
    paste_command,
    redesign_from_current_command,
)
from omplanner.process.diff import handoff_count
from omplanner.process.layout import LANE_HEIGHT


def test_diff_counts_the_example(example_plan):
    uc = example_plan.use_case("uc-ap")
    diff = diff_maps(uc.current, uc.redesigned, example_plan)
    assert (diff.handoffs_before, diff.handoffs_after) == (4, 4)
    assert set(diff.automated) == {"ap-r2", "ap-r3"}
    assert set(diff.assisted) == {"ap-r4", "ap-r7"}
    assert set(diff.removed) == {"ap-c5", "ap-c7"}  # the two handoff steps are gone
    assert diff.added == ("ap-r5",)
    assert diff.summary().startswith("4 → 4 handoffs, 2 steps automated, 2 steps AI-assisted")
    # the headline's minutes (integration.py), not the plain sums of 49 and 25 minutes
    assert diff.summary().endswith("24 → 6.5 min of people's time per case (expected)")


def test_redesign_from_current_copies_with_lineage_and_undoes(example_plan):
    uc = example_plan.use_case("uc-ap")
    before = example_plan.model_dump()
    command = redesign_from_current_command(example_plan, "uc-ap")
    command.apply(example_plan)
    current, redesigned = uc.current, uc.redesigned
    assert redesigned.lanes == current.lanes
    assert [s.derived_from for s in redesigned.steps] == [s.id for s in current.steps]
    assert not {s.id for s in redesigned.steps} & {s.id for s in current.steps}
    assert handoff_count(redesigned) == handoff_count(current)
    # decisions that pointed at the old redesigned steps were mended, not left dangling
    assert example_plan.decision("dec-ap-post").step is None
    assert diff_maps(current, redesigned).removed == ()
    command.revert(example_plan)
    assert example_plan.model_dump() == before


def test_delete_several_steps_sharing_a_flow_is_one_edit(example_plan):
    pmap = example_plan.use_case("uc-ap").current
    before = example_plan.model_dump()
    command = delete_command(example_plan, ["ap-c1", "ap-c2"])
    command.apply(example_plan)
    assert pmap.step("ap-c1") is None and pmap.step("ap-c2") is None
    assert all("ap-c2" not in (f.source, f.target) for f in pmap.flows)
    command.revert(example_plan)
    assert example_plan.model_dump() == before


def test_nudges_merge(example_plan):
    pmap = example_plan.use_case("uc-ap").current
    first = nudge_command(pmap, ["ap-c1", "ap-c2"], 10, 0)
    first.apply(example_plan)
    second = nudge_command(pmap, ["ap-c1", "ap-c2"], 10, 0)
    second.apply(example_plan)
    assert first.merge_with(second)
    assert pmap.step("ap-c1").x == 80
    first.revert(example_plan)
    assert pmap.step("ap-c1").x == 60 and pmap.step("ap-c2").x == 250


def test_paste_gives_fresh_ids_and_keeps_inner_flows(example_plan):
    pmap = example_plan.use_case("uc-ap").current
    steps = [pmap.step("ap-c2"), pmap.step("ap-c3")]
    command = paste_command(example_plan, pmap, steps, list(pmap.flows), 20, 20)
    command.apply(example_plan)
    new = pmap.steps[-2:]
    assert [s.name for s in new] == [s.name for s in steps]
    assert {s.id for s in new}.isdisjoint({"ap-c2", "ap-c3"})
    assert (pmap.flows[-1].source, pmap.flows[-1].target) == (new[0].id, new[1].id)
    assert new[0].x == steps[0].x + 20


def test_lanes_add_new_role_and_reorder_keep_steps_in_their_lane(example_plan):
    pmap = example_plan.use_case("uc-ap").current
    roles = len(example_plan.roles)
    add = add_lane_command(example_plan, pmap.id, "Procurement analyst")
    add.apply(example_plan)
    assert len(example_plan.roles) == roles + 1
    assert example_plan.role(pmap.lanes[-1]).name == "Procurement analyst"
    add.revert(example_plan)
    assert len(example_plan.roles) == roles
    y = pmap.step("ap-c6").y
    move = move_lane_command(pmap, "role-buyer", -1)
    move.apply(example_plan)
    assert pmap.lanes[:2] == ["role-buyer", "role-ap-clerk"]
    assert pmap.step("ap-c6").y == y - LANE_HEIGHT
    assert pmap.step("ap-c1").y == 50 + LANE_HEIGHT
    assert move_lane_command(pmap, "role-buyer", -1) is None
    assert (
        pmap.step("ap-r2") is None
        and example_plan.use_case("uc-ap").redesigned.step("ap-r2").ai == AiIntervention.AUTOMATE
    )
