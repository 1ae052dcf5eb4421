"""'No findings' is said only of a plan the rules could judge; otherwise what is missing is said."""

from __future__ import annotations

from omplanner.model import Component, Plan, Score
from omplanner.model.factories import make_use_case
from omplanner.rules.gaps import no_findings_text, plan_gaps


def test_an_empty_plan_says_it_has_no_use_cases():
    assert no_findings_text(Plan()) == "No findings yet: no use cases yet"


def test_unscored_and_unmapped_use_cases_are_named():
    plan = Plan(use_cases=[make_use_case("Invoices"), make_use_case("E-mail triage")])
    assert plan_gaps(plan) == [
        "2 use cases not scored on all five components",
        "2 use cases without a current process map",
        "no roadmap yet",
    ]


def test_a_use_case_scored_on_every_component_counts_as_scored():
    uc = make_use_case("Invoices")
    scores = [Score(id=f"s{i}", use_case=uc.id, component=c, value=3) for i, c in enumerate(Component)]
    plan = Plan(use_cases=[uc], scores=scores)
    assert not any("scored" in gap for gap in plan_gaps(plan))
    one_person = [s.model_copy(update={"participant": "Ann"}) for s in scores]
    assert "1 use case not scored on all five components" in plan_gaps(Plan(use_cases=[uc], scores=one_person))


def test_the_example_is_complete_enough_for_praise(example_plan):
    gaps = plan_gaps(example_plan)
    assert all("roadmap" not in gap for gap in gaps)
