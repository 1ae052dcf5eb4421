"""Integration figures: the pilot's saving beside the capacity the redesigned process releases."""

from __future__ import annotations

from omplanner.integration import integration_figures
from omplanner.model import AiIntervention, StepKind

from .rules_plans import add_map, base_plan, step


def test_example_ap_figures(example_plan):
    uc = example_plan.use_case("uc-ap")
    fig = integration_figures(example_plan, uc)
    assert (fig.pilot_value, fig.pilot_unit) == (40.0, "%")
    # Current, people's time: 6 + 5 + 3 + 2, and the query branch (4 + 25 + 3) on its 25 % of invoices:
    # 24 minutes expected, not the 49 of adding up every step. (Posting is the ERP's time.)
    assert fig.current_minutes_per_case == 24
    # Redesigned: 12 % of captures checked (4 min); mismatches resolved (18 min) for 18 % of matches,
    # 8 % of the 82 % that reach tolerance, and 3 % of approvals, which come back to approval:
    # approvals a = 1 / 0.97, resolutions 0.2456 + 0.03 a; 0.48 + 18 x 0.2765 + 1 x 1.031 = 6.49.
    assert fig.redesigned_minutes_per_case == 6.5
    assert fig.exception_minutes == 5.5
    assert fig.ai_saving_minutes == 23
    assert fig.capacity_released_pct == 73
    assert fig.hours_released_per_month == 1226  # 17.51 minutes x 4,200 invoices / 60
    assert fig.gap_pct == -33
    assert fig.summary == (
        "The pilot saved 40 % per task; at process level 73 % of capacity is released (about 1,226 hours a month) "
        "once exceptions and checks are counted."
    )


def test_example_email_counts_the_new_handoff(example_plan):
    fig = integration_figures(example_plan, example_plan.use_case("uc-email"))
    assert fig.check_minutes == 0.2  # 'Escalate complaint' is a new handoff of 2 minutes, on 10 % of e-mails
    assert fig.capacity_released_pct == 49  # 14 -> 5 + 10 % x (2 + 20) = 7.2 minutes


def test_without_maps_there_is_no_process_level_figure(example_plan):
    fig = integration_figures(example_plan, example_plan.use_case("uc-forecast"))
    assert fig.capacity_released_pct is None and fig.gap_pct is None and fig.hours_released_per_month is None
    assert fig.capacity_unknown_reason == fig.hours_unknown_reason == "no current or redesigned process map"
    assert "the process-level figure is unknown: no current or redesigned process map" in fig.summary


def test_exceptions_and_checks_can_eat_the_whole_saving():
    plan = base_plan()
    uc = plan.use_cases[0]
    uc.pilot_kpi.value, uc.pilot_kpi.unit = 3.0, "min"
    uc.tractability.monthly_volume = 600
    add_map(
        plan, [step("c1", "clerk", StepKind.START), step("c2", "clerk", minutes=10)], [("c1", "c2")], variant="current"
    )
    add_map(
        plan,
        [
            step("r1", "clerk", StepKind.START),
            step(
                "r2",
                "agent",
                ai=AiIntervention.AUTOMATE,
                minutes=1,
                derived_from="c2",
                exception_route="r4",
                exception_rate=50,
            ),
            step("r3", "clerk", minutes=3, name="Check the draft"),
            step("r4", "clerk", minutes=14),
        ],
        [("r1", "r2"), ("r2", "r3"), ("r4", "r3")],
    )
    fig = integration_figures(plan, uc)
    # half the cases go to the 14-minute exception step, every case is checked (3 minutes): 7 + 3 = 10
    assert (fig.ai_saving_minutes, fig.exception_minutes, fig.check_minutes) == (10, 7, 3)
    assert fig.redesigned_minutes_per_case == 10 and fig.capacity_released_pct == 0
    assert fig.gap_pct is None  # the pilot is not measured in %
    assert fig.summary.startswith("The pilot measured 3 min; at process level no capacity is released")


def test_int001_pilot_far_ahead_of_the_process(example_plan):
    from omplanner.rules import check_plan

    example_plan.use_case("uc-email").pilot_kpi.value = 70.0  # 21 points above the process's 49 %
    found = [f for f in check_plan(example_plan) if f.code == "INT-001"]
    # AP is held to a process-level outcome measure; e-mail triage still plans on its pilot figure.
    assert [f.use_case_id for f in found] == ["uc-email"]
    assert found[0].message == (
        "'Customer e-mail triage': the pilot saved 70 % per task, but the redesigned process releases 49 % of "
        "capacity once exceptions and checks are counted; base the business case on the process figure, and set "
        "a process-level outcome measure to hold it to."
    )
    assert found[0].severity.value == "info"


def test_int001_pilot_close_to_the_process_figure(example_plan):
    from omplanner.rules import check_plan

    example_plan.use_case("uc-email").pilot_kpi.value = 58.0  # 9.4 points above the process's 48.6 %
    example_plan.use_case("uc-ap").pilot_kpi.unit = "minutes"  # not comparable
    example_plan.use_case("uc-ap").pilot_kpi.value = 95.0
    assert "INT-001" not in [f.code for f in check_plan(example_plan)]


def test_unknown_inputs_are_named_not_zero(example_plan):
    uc = example_plan.use_case("uc-email")
    uc.tractability.monthly_volume = 0
    fig = integration_figures(example_plan, uc)
    assert fig.capacity_released_pct == 49
    assert fig.hours_released_per_month is None and fig.hours_unknown_reason == "no monthly volume"
    assert "hours a month unknown: no monthly volume" in fig.summary
    uc.redesigned.steps.clear()
    fig = integration_figures(example_plan, uc)
    assert fig.capacity_released_pct is None and fig.capacity_unknown_reason == "no redesigned process map"
