"""The roadmap graph: analysis, the proposed schedule, and the auto-sequence edit."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from omplanner.model import ItemKind, Severity
from omplanner.rules import check_plan
from omplanner.sequencing import analyse_roadmap, auto_sequence_command, propose_schedule

from .rules_plans import base_plan, item, roadmap

K = ItemKind
TIMING = {f"SEQ-00{n}" for n in range(1, 9)} | {"SEQ-012"}
"""The sequencing rules a schedule can satisfy (SEQ-009 and SEQ-010 need other work)."""


def seq_errors(plan):
    return [f for f in check_plan(plan) if f.code in TIMING]


def test_example_analysis(example_plan):
    analysis = analyse_roadmap(example_plan)
    assert analysis.cycles == []
    assert ("item-3", "item-4", "SEQ-002") in analysis.implied
    assert ("item-5", "item-6", "SEQ-003") in analysis.implied
    assert ("item-7", "item-6", "SEQ-004") in analysis.implied
    assert ("item-8", "item-13", "SEQ-005") in analysis.implied
    assert ("item-1", "item-11", "SEQ-001") in analysis.implied
    # The forecast data work ends last (week 26) and nothing waits for it.
    assert "item-15" in analysis.critical and analysis.slack["item-15"] == 0
    assert set(analysis.slack) == {i.id for i in example_plan.roadmap}
    assert analysis.phases[0][0] == "item-1"
    assert sorted(i for phase in analysis.phases for i in phase) == sorted(analysis.slack)


def test_phases_follow_the_dependencies():
    plan = roadmap(
        item("d", K.DIAGNOSTIC, None, 0, 3),
        item("p", K.PROCESS_REDESIGN, "uc-1", 3, deps=["d"]),
        item("r", K.DATA_READINESS, "uc-1", 3, deps=["d"]),
        item("t", K.TOOL_SELECTION, "uc-1", 5),
    )
    analysis = analyse_roadmap(plan)
    assert analysis.phases == [["d"], ["p", "r"], ["t"]]
    assert analysis.critical == {"d", "p", "r", "t"}


def test_slack_of_an_item_off_the_critical_path():
    plan = roadmap(item("a", K.OTHER, None, 0, 10), item("b", K.OTHER, None, 0, 2), item("c", K.OTHER, None, 4, 1))
    analysis = analyse_roadmap(plan)
    assert analysis.critical == {"a"}
    assert analysis.slack == {"a": 0, "b": 8, "c": 5}


def test_cycles_are_named_not_raised():
    plan = roadmap(
        item("a", K.OTHER, None, 0, deps=["b"]), item("b", K.OTHER, None, 0, deps=["a"]), item("c", K.OTHER, None, 0)
    )
    analysis = analyse_roadmap(plan)
    assert analysis.cycles == [["a", "b"]]
    assert propose_schedule(plan) == {}
    assert auto_sequence_command(plan) is None


def test_empty_roadmap():
    plan = base_plan()
    assert analyse_roadmap(plan).phases == [] and propose_schedule(plan) == {}
    assert auto_sequence_command(plan) is None


def test_example_schedule_moves_only_what_breaks_a_rule(example_plan):
    # The AP governance moves earlier (it may: it waits only for the decision rights, ending in
    # week 8), so the e-mail triage keeps its go-live instead of slipping two weeks behind it.
    assert propose_schedule(example_plan) == {"item-4": 9, "item-6": 12, "item-7": 12, "item-8": 11}


def test_auto_sequence_fixes_the_example_in_one_undoable_edit(example_plan):
    before = copy.deepcopy(example_plan.model_dump())
    command = auto_sequence_command(example_plan)
    assert command.text == "Auto-sequence the roadmap"
    command.apply(example_plan)
    assert seq_errors(example_plan) == []
    # The capability item no longer waits for the deployment it must run alongside.
    assert example_plan.item("item-7").depends_on == []
    assert auto_sequence_command(example_plan) is None
    command.revert(example_plan)
    assert example_plan.model_dump() == before


def test_capability_work_moves_earlier_to_meet_its_deployment():
    plan = roadmap(item("x", K.DEPLOYMENT, "uc-1", 5, 3), item("c", K.CAPABILITY, "uc-1", 12, 2))
    assert propose_schedule(plan) == {"c": 5}


KINDS = [*ItemKind, K.DEPLOYMENT, K.DEPLOYMENT, K.CAPABILITY, K.GOVERNANCE]
"""Deployments weigh more: most principles are about what must come before one."""


@st.composite
def roadmaps(draw):
    plan = base_plan(3)
    count = draw(st.integers(1, 14))
    for n in range(count):
        deps = draw(st.lists(st.integers(0, n - 1), max_size=3, unique=True)) if n else []
        plan.roadmap.append(
            item(
                f"i{n}",
                draw(st.sampled_from(KINDS)),
                draw(st.sampled_from([None, "uc-1", "uc-2", "uc-3"])),
                draw(st.integers(0, 20)),
                draw(st.integers(1, 8)),
                deps=[f"i{d}" for d in deps],
            )
        )
    return plan


@pytest.mark.slow
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roadmaps())
def test_any_proposed_schedule_passes_every_sequencing_rule(plan):
    original = {i.id: i.start_week for i in plan.roadmap}
    command = auto_sequence_command(plan)
    if command is not None:
        command.apply(plan)
    assert [f.message for f in seq_errors(plan)] == []
    # A go-live is never brought forward to make room: deployments only move later.
    for i in plan.roadmap:
        assert i.start_week >= original[i.id] or i.kind is not K.DEPLOYMENT
    assert auto_sequence_command(plan) is None


def test_readiness_findings_are_not_errors():
    assert all(f.severity is not Severity.ERROR for f in check_plan(base_plan()))


@st.composite
def tangled_roadmaps(draw):
    """Any dependencies at all, cycles included."""
    plan = draw(roadmaps())
    ids = [i.id for i in plan.roadmap]
    for i in plan.roadmap:
        i.depends_on = draw(st.lists(st.sampled_from(ids).filter(lambda x, me=i.id: x != me), max_size=3, unique=True))
    return plan


@pytest.mark.slow
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tangled_roadmaps())
def test_tangled_roadmaps_never_raise(plan):
    import networkx as nx

    analysis = analyse_roadmap(plan)
    graph = nx.DiGraph([(d, i.id) for i in plan.roadmap for d in i.depends_on])
    knots = [k for k in nx.strongly_connected_components(graph) if len(k) > 1]
    assert len(analysis.cycles) == len(knots)
    in_cycles = set().union(*knots)
    command = auto_sequence_command(plan)
    if command is not None:
        command.apply(plan)
    for f in seq_errors(plan):
        # Only a knot of dependencies the user must untie can remain.
        assert f.code in ("SEQ-007", "SEQ-008") and set(f.element_ids) <= in_cycles, f.message
