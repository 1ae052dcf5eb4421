from omplanner.model import check_integrity


def test_example_plan_loads_and_holds_together(example_plan):
    assert example_plan.details.client == "Harbour & Vale Distribution"
    assert [uc.name for uc in example_plan.use_cases][0] == "AP invoice matching"
    assert check_integrity(example_plan) == []
