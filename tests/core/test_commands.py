"""The edit commands: each does what it says, and revert puts the plan back exactly."""

import pytest

from omplanner.commands import AddEntity, CommandError, Macro, MoveEntity, RemoveEntity, SetFields, remove_cascade
from omplanner.fileio import plan_to_json
from omplanner.model import Flow, RoadmapItem, Role, Step, check_integrity, find_usages


def roundtrip(plan, command):
    before = plan_to_json(plan)
    changes = command.apply(plan)
    after = plan_to_json(plan)
    command.revert(plan)
    assert plan_to_json(plan) == before
    command.apply(plan)  # redo gives the same result as the first apply
    assert plan_to_json(plan) == after
    return changes


def test_add_step_to_a_map_records_its_parent(example_plan):
    step = Step(id="new-step", name="Spot-check auto-posted invoices", lane="role-ap-clerk", minutes=2)
    changes = roundtrip(example_plan, AddEntity("map-ap-redesigned", "steps", step))
    assert example_plan.find_step("new-step")[2].name == "Spot-check auto-posted invoices"
    assert changes[0].kind == "added" and changes[0].parent == "map-ap-redesigned"


def test_add_refuses_an_id_already_in_the_plan(example_plan):
    with pytest.raises(CommandError, match="already used"):
        AddEntity(None, "roles", Role(id="role-erp", name="Another ERP")).apply(example_plan)


def test_set_fields_changes_nested_values_and_reverts(example_plan):
    changes = roundtrip(example_plan, SetFields("uc-ap", {"tractability.definition": 2, "name": "AP matching"}))
    uc = example_plan.use_case("uc-ap")
    assert (uc.name, uc.tractability.definition) == ("AP matching", 2)
    assert set(changes[0].fields) == {"tractability.definition", "name"}


def test_set_fields_refuses_invalid_values_and_leaves_the_plan_alone(example_plan):
    before = plan_to_json(example_plan)
    with pytest.raises(CommandError, match="definition"):
        SetFields("uc-ap", {"name": "Renamed", "tractability.definition": 9}).apply(example_plan)
    assert plan_to_json(example_plan) == before


def test_nudges_merge_into_one_edit(example_plan):
    first = SetFields("ap-r2", {"x": 10}, merge_key="nudge")
    first.apply(example_plan)
    second = SetFields("ap-r2", {"x": 20}, merge_key="nudge")
    second.apply(example_plan)
    assert first.merge_with(second)
    first.revert(example_plan)
    assert example_plan.find_step("ap-r2")[2].x != 20
    assert not first.merge_with(SetFields("ap-r3", {"x": 1}, merge_key="nudge"))


def test_move_reorders_use_cases(example_plan):
    roundtrip(example_plan, MoveEntity("uc-forecast", 0))
    assert [u.id for u in example_plan.use_cases] == ["uc-forecast", "uc-ap", "uc-email"]


def test_remove_puts_back_at_the_same_index(example_plan):
    roundtrip(example_plan, RemoveEntity("item-7"))  # an item nothing depends on
    assert example_plan.item("item-7") is None


@pytest.mark.parametrize(
    "target", ["role-ap-clerk", "uc-ap", "ap-r3", "item-3", "data-grn", "dec-ap-post", "thr-ap-precision"]
)
def test_cascade_leaves_no_dangling_reference_and_reverts(example_plan, target):
    command = remove_cascade(example_plan, target)
    roundtrip(example_plan, command)
    assert check_integrity(example_plan) == []
    assert find_usages(example_plan, target) == []


def test_cascade_removes_flows_of_a_removed_step(example_plan):
    remove_cascade(example_plan, "ap-r3").apply(example_plan)
    flows = example_plan.use_case("uc-ap").redesigned.flows
    assert all("ap-r3" not in (f.source, f.target) for f in flows)
    # the exception route that pointed at the removed step is cleared, not left dangling
    assert example_plan.data_source("data-grn").used_by == []


def test_removing_an_item_drops_it_from_dependencies(example_plan):
    command = remove_cascade(example_plan, "item-1")
    command.apply(example_plan)
    assert all("item-1" not in i.depends_on for i in example_plan.roadmap)
    assert command.text == "Delete roadmap item 'Operating-model diagnostic of the three candidates'"


def test_macro_rolls_back_when_a_part_fails(example_plan):
    before = plan_to_json(example_plan)
    macro = Macro(
        "Add two",
        [
            AddEntity(None, "roadmap", RoadmapItem(id="item-x", title="X")),
            AddEntity("map-ap-redesigned", "flows", Flow(id="item-x", source="ap-r1", target="ap-r2")),
        ],
    )
    with pytest.raises(CommandError):
        macro.apply(example_plan)
    assert plan_to_json(example_plan) == before


def test_commands_on_a_missing_id_are_refused(example_plan):
    with pytest.raises(CommandError, match="no longer in the plan"):
        SetFields("nothing-here", {"name": "x"}).apply(example_plan)


def test_an_entity_handed_over_to_an_add_is_still_inserted_as_a_copy(example_plan):
    """A rule's fix hands its new entity over (``copy=False``); applying the fix, undoing and
    applying again puts a copy into the plan each time, never the fix's own object."""
    role = Role(id="role-new", name="New role")
    command = AddEntity(None, "roles", role, copy=False)
    for _ in range(2):
        command.apply(example_plan)
        inserted = example_plan.role("role-new")
        assert inserted == role and inserted is not role
        command.revert(example_plan)
        assert example_plan.role("role-new") is None
