"""Auto-sequencing moves enabling work earlier when that keeps the go-live, never moves work
that is done or under way, keeps the dependencies, and says what it moved and why."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from omplanner.model import ItemKind, ItemStatus
from omplanner.rules import check_plan
from omplanner.sequencing import auto_sequence_command, solve

from .rules_plans import item, roadmap
from .test_sequencing import TIMING, roadmaps

K = ItemKind


def late_diagnostic(status: ItemStatus = ItemStatus.PLANNED):
    plan = roadmap(
        item("d", K.DIAGNOSTIC, None, 2, 3),
        item("t", K.TOOL_SELECTION, "uc-1", 4, 2),
        item("x", K.DEPLOYMENT, "uc-1", 6, 2, deps=["t"]),
    )
    plan.item("d").status = status
    return plan


def test_a_late_diagnostic_moves_earlier_and_the_go_live_keeps_its_week():
    plan = late_diagnostic()
    schedule = solve(plan)
    [move] = schedule.moves
    assert (move.item_id, move.start, move.to) == ("d", 2, 1)
    assert move.describe() == (
        "'Diagnostic d': week 3 → week 2, earlier, so that 'Tool selection t' keeps week 5 "
        "(the diagnostic comes before any tool)"
    )
    auto_sequence_command(plan).apply(plan)
    assert (plan.item("t").start_week, plan.item("x").start_week) == (4, 6)
    assert not [f for f in check_plan(plan) if f.code in TIMING]


@pytest.mark.parametrize("status", [ItemStatus.DONE, ItemStatus.IN_PROGRESS])
def test_work_done_or_under_way_never_moves(status):
    plan = late_diagnostic(status)
    moves = {m.item_id: (m.to, m.reason) for m in solve(plan).moves}
    assert "d" not in moves
    assert moves["t"] == (5, "to wait for 'Diagnostic d' (the diagnostic comes before any tool)")
    assert moves["x"][0] == 7


def test_enabling_work_is_not_pulled_before_work_under_way():
    plan = late_diagnostic()
    plan.roadmap.append(item("o", K.OTHER, None, 2, 1))
    plan.item("o").status = ItemStatus.IN_PROGRESS
    assert {m.item_id: m.to for m in solve(plan).moves} == {"t": 5, "x": 7}  # the diagnostic stays in week 3


def test_a_pull_that_cannot_save_the_go_live_is_still_as_early_as_the_work_allows():
    plan = roadmap(
        item("d", K.DIAGNOSTIC, None, 0, 3),
        item("r", K.DATA_READINESS, "uc-1", 5, 6, deps=["d"]),
        item("t", K.TOOL_SELECTION, "uc-1", 8, 2),
    )
    moves = {m.item_id: m.to for m in solve(plan).moves}
    assert moves == {"r": 3, "t": 9}  # the tool slips one week, not three


@st.composite
def roadmaps_under_way(draw):
    plan = draw(roadmaps())
    for i in plan.roadmap:
        i.status = draw(st.sampled_from([*ItemStatus, ItemStatus.PLANNED, ItemStatus.PLANNED]))
    return plan


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roadmaps_under_way())
def test_auto_sequence_keeps_fixed_work_and_dependencies(plan):
    fixed = {i.id: i.start_week for i in plan.roadmap if i.status in (ItemStatus.DONE, ItemStatus.IN_PROGRESS)}
    deps = {i.id: set(i.depends_on) for i in plan.roadmap}
    original = {i.id: i.start_week for i in plan.roadmap}
    schedule = solve(plan)
    command = auto_sequence_command(plan)
    if command is not None:
        command.apply(plan)
    assert {i.id: i.start_week for i in plan.roadmap if i.id in fixed} == fixed
    for i in plan.roadmap:
        # Only a dependency that contradicts a principle is dropped, and only by name.
        assert set(i.depends_on) <= deps[i.id]
        if set(i.depends_on) != deps[i.id]:
            assert "stop waiting for" in command.text + " ".join(c.text for c in command.commands)
        if i.kind is K.DEPLOYMENT:
            assert i.start_week >= original[i.id]
    assert {m.item_id for m in schedule.moves} == {i for i in original if original[i] != plan.item(i).start_week}
    for f in check_plan(plan):
        if f.code in TIMING:
            # What is left names work the schedule may not move.
            assert set(f.element_ids) & set(fixed), f.message
