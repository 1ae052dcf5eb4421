"""Ranking use cases by tractability, with the reason for each position."""

from __future__ import annotations

from omplanner.model import Plan, Tractability
from omplanner.model.factories import make_use_case
from omplanner.ranking import rank_use_cases


def plan_of(**use_cases: Tractability) -> Plan:
    return Plan(use_cases=[make_use_case(name, tractability=t) for name, t in use_cases.items()])


def test_example_ranking_and_reasons(example_plan):
    ranked = rank_use_cases(example_plan)
    assert [(r.rank, r.use_case.id) for r in ranked] == [(1, "uc-ap"), (2, "uc-email"), (3, "uc-forecast")]
    assert ranked[0].score > ranked[1].score > ranked[2].score
    assert ranked[0].reason == (
        "First on process definition 5/5 and 4,200 cases a month; strategic value (3/5) is shown but does not "
        "set the order."
    )
    assert ranked[1].reason == (
        "Second, behind 'AP invoice matching', mainly on process definition (3/5 against 5/5); strategic value "
        "(4/5) is shown but does not set the order."
    )


def test_strategic_value_does_not_drive_the_order():
    plan = plan_of(
        Strategic=Tractability(
            monthly_volume=100, definition=2, data_richness=2, team_willingness=2, strategic_value=5
        ),
        Tractable=Tractability(
            monthly_volume=100, definition=4, data_richness=4, team_willingness=4, strategic_value=1
        ),
    )
    ranked = rank_use_cases(plan)
    assert [r.use_case.name for r in ranked] == ["Tractable", "Strategic"]
    assert "strategic value (5/5) is shown but does not set the order" in ranked[1].reason


def test_volume_counts_and_a_weak_point_is_named():
    plan = plan_of(
        Small=Tractability(monthly_volume=50, definition=4, data_richness=4, team_willingness=4),
        Large=Tractability(monthly_volume=20000, definition=4, data_richness=4, team_willingness=2),
    )
    ranked = rank_use_cases(plan)
    assert ranked[0].use_case.name == "Large"
    assert "although team willingness 2/5 is weak" in ranked[0].reason
    assert "mainly on volume (50 cases a month against 20,000 cases a month)" in ranked[1].reason


def test_ties_keep_the_plans_order():
    same = Tractability(monthly_volume=10)
    ranked = rank_use_cases(plan_of(A=same, B=same))
    assert [r.use_case.name for r in ranked] == ["A", "B"] and [r.rank for r in ranked] == [1, 2]
    assert ranked[1].reason.startswith("Second, level with 'A'")


def test_no_use_cases():
    assert rank_use_cases(Plan()) == []
