"""Load errors name the place in the plan in a facilitator's words."""

import json

import pytest

from omplanner.fileio import InvalidPlanError, NewerVersionError, parse_plan
from omplanner.paths import example_path


def example_data():
    return json.loads(example_path("distributor").read_text(encoding="utf-8"))


def load(data):
    return parse_plan(json.dumps(data).encode(), "plan.omplan")


def test_a_wrong_lane_is_located_in_use_case_terms():
    data = example_data()
    data["use_cases"][0]["redesigned"]["steps"][2]["lane"] = "role-ghost"
    with pytest.raises(InvalidPlanError) as err:
        load(data)
    message = str(err.value)
    assert (
        'use case "AP invoice matching" → redesigned process → step 3 "Match to order and goods receipt" → lane'
        in message
    )
    assert '"role-ghost", which is not in the plan' in message


def test_a_wrong_type_names_the_field_and_the_value():
    data = example_data()
    data["roadmap"][3]["start_week"] = "soon"
    with pytest.raises(InvalidPlanError) as err:
        load(data)
    assert 'roadmap item 4 "Select the invoice matching tool" → start week' in str(err.value)
    assert "'soon'" in str(err.value)


def test_an_unknown_field_is_refused():
    data = example_data()
    data["roles"][0]["salary"] = 1
    with pytest.raises(InvalidPlanError, match="salary: this field is not part of an OM Planner plan"):
        load(data)


def test_a_duplicate_id_names_both_places():
    data = example_data()
    data["decisions"][1]["id"] = data["decisions"][0]["id"]
    with pytest.raises(InvalidPlanError, match='already used by decision 1 "Post an invoice'):
        load(data)


def test_a_step_in_a_lane_the_map_lacks_is_refused():
    data = example_data()
    data["use_cases"][0]["current"]["steps"][0]["lane"] = "role-match-agent"
    with pytest.raises(InvalidPlanError, match="is not a lane of this map"):
        load(data)


def test_a_newer_version_says_to_update():
    data = example_data()
    data["schema_version"] = 99
    with pytest.raises(NewerVersionError, match="newer OM Planner"):
        load(data)
