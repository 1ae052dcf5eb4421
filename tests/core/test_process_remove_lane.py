"""Removing a lane: allowed at once when empty; otherwise its steps move to another lane or go,
always as one command whose revert restores the plan exactly."""

import pytest

from omplanner.process import LANE_HEIGHT, remove_lane_command


def _dump(plan):
    return plan.model_dump(mode="json")


def test_empty_lane_goes_and_lanes_below_move_up(example_plan):
    pmap = example_plan.use_case("uc-ap").current
    pmap.lanes.insert(1, "role-cs-lead")  # an empty lane between the clerk and the buyer
    for step in pmap.steps:
        if step.lane != "role-ap-clerk":
            step.y += LANE_HEIGHT
    before = _dump(example_plan)
    y_buyer = pmap.step("ap-c6").y
    command = remove_lane_command(example_plan, pmap.id, "role-cs-lead")
    command.apply(example_plan)
    assert pmap.lanes == ["role-ap-clerk", "role-buyer", "role-ap-lead", "role-erp"]
    assert pmap.step("ap-c6").y == y_buyer - LANE_HEIGHT
    assert example_plan.role("role-cs-lead") is not None  # the role stays in the catalogue
    assert command.text == f"Remove lane '{example_plan.role('role-cs-lead').name}'"
    command.revert(example_plan)
    assert _dump(example_plan) == before


def test_steps_move_to_the_chosen_lane(example_plan):
    pmap = example_plan.use_case("uc-ap").current
    before = _dump(example_plan)
    clerk_y = pmap.step("ap-c1").y
    buyer_offset = pmap.step("ap-c6").y - LANE_HEIGHT  # its place within the buyer's lane
    erp_y = pmap.step("ap-c9").y
    command = remove_lane_command(example_plan, pmap.id, "role-buyer", move_to="role-ap-clerk")
    command.apply(example_plan)
    assert pmap.lanes == ["role-ap-clerk", "role-ap-lead", "role-erp"]
    moved = pmap.step("ap-c6")
    assert (moved.lane, moved.y) == ("role-ap-clerk", buyer_offset)
    assert pmap.step("ap-c1").y == clerk_y
    assert pmap.step("ap-c9").y == erp_y - LANE_HEIGHT
    assert len(pmap.steps) == 10
    command.revert(example_plan)
    assert _dump(example_plan) == before


def test_steps_are_deleted_with_their_flows_when_no_lane_takes_them(example_plan):
    pmap = example_plan.use_case("uc-ap").current
    before = _dump(example_plan)
    gone = {s.id for s in pmap.steps if s.lane == "role-buyer"}
    command = remove_lane_command(example_plan, pmap.id, "role-buyer")
    command.apply(example_plan)
    assert "role-buyer" not in pmap.lanes
    assert not gone & {s.id for s in pmap.steps}
    assert all(f.source not in gone and f.target not in gone for f in pmap.flows)
    command.revert(example_plan)
    assert _dump(example_plan) == before


def test_refuses_a_lane_the_map_lacks_or_an_impossible_destination(example_plan):
    pmap = example_plan.use_case("uc-ap").current
    with pytest.raises(ValueError):
        remove_lane_command(example_plan, pmap.id, "role-cs-lead")
    with pytest.raises(ValueError):
        remove_lane_command(example_plan, pmap.id, "role-buyer", move_to="role-buyer")
    with pytest.raises(ValueError):
        remove_lane_command(example_plan, pmap.id, "role-buyer", move_to="role-cs-lead")
