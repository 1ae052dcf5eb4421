"""Expected minutes per case: a rare branch adds its share of its time, not all of it."""

from __future__ import annotations

import pytest

from omplanner.figures import expected_minutes, number, percent_text, rounded
from omplanner.figures.minutes import branch_share
from omplanner.model import AiIntervention, StepKind

from .rules_plans import add_map, base_plan, step


def _map(flows, steps=None, variant="current"):
    plan = base_plan()
    steps = steps or [
        step("s", "clerk", StepKind.START),
        step("d", "clerk", StepKind.DECISION, minutes=2),
        step("ok", "clerk", minutes=1),
        step("rare", "clerk", minutes=30),
        step("e", "clerk", StepKind.END),
    ]
    add_map(plan, steps, flows, variant=variant)
    uc = plan.use_cases[0]
    return plan, uc.current if variant == "current" else uc.redesigned


def _branches(plan, pmap, labels):
    for flow in pmap.flows:
        if flow.source == "d":
            flow.label = labels[flow.target]


def test_a_rare_branch_contributes_its_share():
    plan, pmap = _map([("s", "d"), ("d", "ok"), ("d", "rare"), ("ok", "e"), ("rare", "e")])
    _branches(plan, pmap, {"ok": "yes · 90 %", "rare": "no · 10 %"})
    found = expected_minutes(plan, pmap)
    assert found.people == pytest.approx(2 + 0.9 * 1 + 0.1 * 30)
    assert found.plain_sum == 33 and not found.assumed


def test_branches_without_a_share_split_what_is_left_evenly_and_say_so():
    plan, pmap = _map([("s", "d"), ("d", "ok"), ("d", "rare"), ("ok", "e"), ("rare", "e")])
    found = expected_minutes(plan, pmap)
    assert found.people == pytest.approx(2 + 0.5 * 31)
    assert found.assumed == ("even shares assumed at 1 branch point",)


def test_an_exception_route_takes_its_rate_and_the_rest_go_on():
    steps = [
        step("s", "clerk", StepKind.START),
        step("ai", "agent", ai=AiIntervention.AUTOMATE, minutes=1, exception_route="fix", exception_rate=20),
        step("fix", "clerk", minutes=10),
        step("done", "clerk", minutes=2),
    ]
    plan, pmap = _map([("s", "ai"), ("ai", "done"), ("fix", "done")], steps)
    found = expected_minutes(plan, pmap)
    assert found.visits["fix"] == pytest.approx(0.2) and found.visits["done"] == pytest.approx(1.0)
    assert found.people == pytest.approx(0.2 * 10 + 2) and found.machine == pytest.approx(1)


def test_rework_loops_count_every_pass():
    steps = [step("s", "clerk", StepKind.START), step("do", "clerk", minutes=10), step("e", "clerk", StepKind.END)]
    plan, pmap = _map([("s", "do"), ("do", "do"), ("do", "e")], steps)
    pmap.flows[1].label = "redo · 50 %"
    pmap.flows[2].label = "done · 50 %"
    assert expected_minutes(plan, pmap).people == pytest.approx(20)  # 1 + 0.5 + 0.25 + ... passes


def test_steps_no_flow_reaches_count_once():
    steps = [step("a", "clerk", minutes=3), step("b", "clerk", minutes=4)]
    plan, pmap = _map([], steps)
    found = expected_minutes(plan, pmap)
    assert found.people == 7 and found.assumed == ("2 steps no flow reaches counted once",)


@pytest.mark.parametrize(
    ("label", "share"), [("no · 10 %", 0.1), ("yes (85%)", 0.85), ("complaint", None), ("7,5 %", 0.075)]
)
def test_a_branch_share_is_a_percentage_in_its_label(label, share):
    assert branch_share(label) == (pytest.approx(share) if share is not None else None)


def test_one_rounding_rule():
    assert (rounded(16.7), rounded(8.46), rounded(1225.7), rounded(2.0)) == (17, 8.5, 1226, 2)
    assert (number(1225.7), number(0.25), percent_text(16.7)) == ("1,226", "0.2", "17 %")


def test_a_step_apart_from_the_start_counts_once():
    steps = [step("s", "clerk", StepKind.START), step("a", "clerk", minutes=3), step("lost", "clerk", minutes=4)]
    plan, pmap = _map([("s", "a")], steps)
    found = expected_minutes(plan, pmap)
    assert found.people == 7 and found.assumed == ("1 step no flow reaches counted once",)


def test_a_loop_cases_seldom_leave_is_solved_exactly_and_one_none_leaves_is_said():
    """A rework loop 999 in 1,000 cases go round again: 1,000 passes, solved, not swept
    thousands of times; a loop with no way out counts its steps once and says so."""
    plan, pmap = _map([("s", "d"), ("d", "ok"), ("d", "rare"), ("ok", "d"), ("rare", "e")])
    _branches(plan, pmap, {"ok": "again · 99.9 %", "rare": "done · 0.1 %"})
    found = expected_minutes(plan, pmap)
    assert found.visits["d"] == pytest.approx(1000, rel=1e-9)
    assert found.visits["ok"] == pytest.approx(999, rel=1e-9)
    assert found.visits["rare"] == pytest.approx(1, rel=1e-9)

    _branches(plan, pmap, {"ok": "again · 100 %", "rare": "done · 0 %"})
    found = expected_minutes(plan, pmap)
    assert "a loop no case leaves: each of its steps counted once" in found.assumed
    assert found.visits["d"] == 1 and found.visits["ok"] == 1


def test_an_edit_that_changes_the_flows_is_solved_again():
    plan, pmap = _map([("s", "d"), ("d", "ok"), ("d", "rare"), ("ok", "e"), ("rare", "e")])
    _branches(plan, pmap, {"ok": "yes · 90 %", "rare": "no · 10 %"})
    assert expected_minutes(plan, pmap).visits["rare"] == pytest.approx(0.1)
    _branches(plan, pmap, {"ok": "yes · 60 %", "rare": "no · 40 %"})
    assert expected_minutes(plan, pmap).visits["rare"] == pytest.approx(0.4)
