"""Expected minutes per case: a rare branch adds its share of its time, not all of it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from omplanner.figures import expected_minutes, minutes, number, percent_text, rounded
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


def _full_solve(pmap):
    """What the figure was before steps apart were left out of the solve: every step in it."""
    visits, assumed, apart = minutes._expected_visits(pmap, list(pmap.steps))
    if apart:
        assumed.append(f"{apart} step{'s' if apart > 1 else ''} no flow reaches counted once")
    return visits, assumed


@st.composite
def _maps(draw):
    """A map of up to 12 steps joined at random (loops, shares, exception routes), with or without
    a start, and up to 3 steps no flow or route touches."""
    n = draw(st.integers(1, 12))
    ids = [f"s{i}" for i in range(n)]
    kinds = [draw(st.sampled_from([StepKind.TASK, StepKind.DECISION, StepKind.START, StepKind.END])) for _ in ids]
    steps = []
    for i, kind in zip(ids, kinds, strict=True):
        route = draw(st.none() | st.sampled_from(ids))
        rate = draw(st.none() | st.floats(0, 60)) if route else None
        steps.append(step(i, "clerk", kind, minutes=draw(st.floats(0, 30)), exception_route=route, exception_rate=rate))
    steps += [step(f"alone{k}", "clerk", minutes=3) for k in range(draw(st.integers(0, 3)))]
    flows = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=20))
    plan, pmap = _map(flows, draw(st.permutations(steps)))
    for flow in pmap.flows:
        flow.label = draw(st.sampled_from(["", "yes · 70 %", "no · 30 %", "90 %"]))
    return pmap


@settings(max_examples=300, deadline=None)
@given(_maps())
def test_leaving_steps_apart_out_of_the_solve_gives_the_full_solve(pmap):
    minutes._SOLVED.pop(pmap.id, None)
    assert minutes.expected_visits(pmap) == _full_solve(pmap)  # solved afresh
    assert minutes.expected_visits(pmap) == _full_solve(pmap)  # read back


def test_dropping_a_step_on_a_map_or_taking_it_away_is_not_solved_again(monkeypatch):
    plan, pmap = _map([("s", "d"), ("d", "ok"), ("d", "rare"), ("ok", "d"), ("rare", "e")])
    _branches(plan, pmap, {"ok": "again · 60 %", "rare": "done · 40 %"})
    expected_minutes(plan, pmap)
    solved = []
    solve = minutes._expected_visits
    monkeypatch.setattr(minutes, "_expected_visits", lambda *a: solved.append(1) or solve(*a))
    pmap.steps.append(step("new", "clerk", minutes=5))
    with_new = expected_minutes(plan, pmap)
    assert (with_new.visits, list(with_new.assumed)) == _full_solve(pmap)
    assert with_new.visits["new"] == 1 and "1 step no flow reaches counted once" in with_new.assumed
    pmap.steps.pop()
    assert (expected_minutes(plan, pmap).visits, []) == _full_solve(pmap)
    assert len(solved) == 2  # the two full solves above, none by expected_minutes
    pmap.flows[0].target = "ok"  # a changed flow is solved again
    expected_minutes(plan, pmap)
    assert len(solved) == 3


def test_a_vanishingly_small_current_time_gives_an_unknown_capacity_with_its_reason_not_a_crash():
    from omplanner.fileio import load_plan
    from omplanner.integration import integration_figures
    from omplanner.paths import example_path

    plan = load_plan(example_path("distributor"))
    use_case = plan.use_cases[0]
    for each in use_case.current.steps:
        each.minutes = 5e-324  # the smallest float: the share released would be infinite
    figures = integration_figures(plan, use_case)
    assert figures.capacity_released_pct is None and figures.hours_released_per_month is None
    assert "too small to compare with" in figures.summary
