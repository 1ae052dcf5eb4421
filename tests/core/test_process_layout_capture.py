import pytest

from omplanner.commands import AddEntity
from omplanner.model import Flow, RoleKind, Step, StepKind
from omplanner.process import (
    CaptureError,
    auto_layout,
    capture_command,
    lane_at,
    layout_command,
    parse_capture,
)
from omplanner.process.layout import COLUMN_WIDTH, FIRST_X, lane_centre_y


def test_layout_reproduces_the_example_redesign(example_plan):
    pmap = example_plan.use_case("uc-ap").redesigned
    positions = auto_layout(pmap)
    # the exception steps sit straight under the AI steps that route to them
    assert positions["ap-r5"][0] == positions["ap-r2"][0]
    assert positions["ap-r6"][0] == positions["ap-r4"][0]
    assert {s.id: (s.x, s.y) for s in pmap.steps} == positions


def test_layout_puts_each_step_after_its_predecessors_and_in_its_lane(example_plan):
    pmap = example_plan.use_case("uc-ap").current
    positions = auto_layout(pmap)
    for flow in pmap.flows:
        assert positions[flow.target][0] >= positions[flow.source][0]
    for step in pmap.steps:
        assert lane_at(positions[step.id][1], len(pmap.lanes)) == pmap.lanes.index(step.lane)
    occupied = [(s.lane, positions[s.id][0]) for s in pmap.steps]
    assert len(occupied) == len(set(occupied)), "two steps on the same spot"


def test_layout_survives_a_rework_loop(example_plan):
    pmap = example_plan.use_case("uc-ap").current
    pmap.flows.append(Flow(id="loop", source="ap-c6", target="ap-c3"))
    positions = auto_layout(pmap)
    assert positions["ap-c3"][0] < positions["ap-c6"][0]


def test_layout_command_is_one_undoable_edit(example_plan):
    pmap = example_plan.use_case("uc-ap").current
    before = example_plan.model_dump()
    pmap.steps[0].x = 999
    moved = example_plan.model_dump()
    command = layout_command(pmap)
    command.apply(example_plan)
    assert pmap.steps[0].x == FIRST_X
    command.revert(example_plan)
    assert example_plan.model_dump() == moved != before


def test_parse_capture_reads_roles_kinds_and_reports_bad_lines():
    steps = parse_capture("Clerk: start: invoice arrives\n\n- AI: match to purchase order\nClerk: matches?\n")
    assert [(s.role, s.name, s.kind) for s in steps] == [
        ("Clerk", "invoice arrives", StepKind.START),
        ("AI", "match to purchase order", StepKind.TASK),
        ("Clerk", "matches?", StepKind.DECISION),
    ]
    with pytest.raises(CaptureError, match="line 2: say who"):
        parse_capture("# who does what\nno role on the first line")


def test_capture_builds_lanes_roles_steps_and_flows(example_plan):
    pmap = example_plan.use_case("uc-forecast").current
    roles_before = len(example_plan.roles)
    command = capture_command(
        example_plan,
        pmap.id,
        "Demand planner: pull sales history\nForecast agent: propose forecast\nDemand planner: adjust?",
    )
    command.apply(example_plan)
    planner = next(r for r in example_plan.roles if r.name == "Demand planner")
    agent = next(r for r in example_plan.roles if r.name == "Forecast agent")
    assert agent.kind == RoleKind.AI_AGENT
    assert len(example_plan.roles) == roles_before + 1  # the planner existed already
    assert pmap.lanes == [planner.id, agent.id]
    assert [s.name for s in pmap.steps] == ["pull sales history", "propose forecast", "adjust?"]
    assert [s.lane for s in pmap.steps] == [planner.id, agent.id, planner.id]
    assert [s.x for s in pmap.steps] == [FIRST_X, FIRST_X + COLUMN_WIDTH, FIRST_X + 2 * COLUMN_WIDTH]
    assert pmap.steps[1].y == lane_centre_y(1)
    assert [(f.source, f.target) for f in pmap.flows] == [
        (pmap.steps[0].id, pmap.steps[1].id),
        (pmap.steps[1].id, pmap.steps[2].id),
    ]
    command.revert(example_plan)
    assert pmap.steps == [] and pmap.lanes == [] and len(example_plan.roles) == roles_before


def test_capture_appends_after_existing_steps(example_plan):
    pmap = example_plan.use_case("uc-email").current
    AddEntity  # noqa: B018 - imported for readers: capture is AddEntity under the hood
    last = max(s.x for s in pmap.steps)
    capture_command(example_plan, pmap.id, "Customer service adviser: file the e-mail").apply(example_plan)
    assert pmap.steps[-1].x == last + COLUMN_WIDTH
    assert isinstance(pmap.steps[-1], Step)
