"""Edits that would leave a plan that saves but never opens again are refused, in plain words,
and leave the plan exactly as it was. One test per way an edit used to break the file."""

import pytest

from omplanner.commands import AddEntity, CommandError, MoveEntity, RemoveEntity, SetFields, remove_cascade
from omplanner.fileio import load_plan, parse_plan, plan_to_json, save_plan
from omplanner.model import Flow, Plan, Role, Step, check_integrity, iter_places
from omplanner.model.index import attach
from omplanner.model.plan import MAX_STEPS
from omplanner.model.walk import find_place
from omplanner.process import nudge_command, paste_command


@pytest.fixture(params=["walked", "indexed"])
def plan(request, example_plan) -> Plan:
    """The example, as the command line has it and as the app has it (with an id index)."""
    if request.param == "indexed":
        attach(example_plan)
    return example_plan


def reopened(plan: Plan) -> Plan:
    """The plan as it comes back from its file: what a user gets the next time."""
    return parse_plan(plan_to_json(plan).encode("utf-8"))


def refused(plan: Plan, command, match: str) -> str:
    before = plan.model_dump()
    with pytest.raises(CommandError, match=match) as info:
        command.apply(plan)
    assert plan.model_dump() == before
    assert check_integrity(plan) == []
    reopened(plan)
    # every entity is still found where it is (an index that followed the refused edit too)
    assert all(find_place(plan, p.entity.id).entity is p.entity for p in iter_places(plan))
    return str(info.value)


# -- adding -----------------------------------------------------------------------------------
def test_a_role_cannot_be_added_to_the_steps_of_a_map(plan):
    message = refused(
        plan,
        AddEntity("map-ap-current", "steps", Role(id="role-auditor", name="Auditor")),
        "a role cannot be added to the steps of a process map",
    )
    assert "_" not in message


def test_a_step_cannot_be_added_to_the_plan_s_roles(plan):
    step = Step(id="step-x", name="Stray", lane="role-ap-clerk")
    refused(plan, AddEntity(None, "roles", step), "a step cannot be added to the roles of the plan")


def test_an_added_step_needs_a_lane_of_its_map(plan):
    step = Step(id="step-x", name="Approve", lane="role-cfo")  # a role, but no lane of this map
    refused(plan, AddEntity("map-ap-current", "steps", step), 'lane: "role-cfo" is not a lane of this map')


def test_an_entity_made_without_validation_is_checked_when_added(plan):
    step = Step(id="step-x", name="Quick", lane="role-ap-clerk").model_copy(update={"minutes": -5})
    refused(plan, AddEntity("map-ap-current", "steps", step), "minutes")


def test_an_id_used_deep_inside_an_added_entity_is_refused(plan):
    uc = plan.use_case("uc-forecast").model_copy(deep=True)
    uc.id, uc.current.id, uc.redesigned.id, uc.governance.id = "uc-new", "map-new-1", "map-new-2", "gov-new"
    uc.current.lanes = ["role-ap-clerk"]
    uc.current.steps = [Step(id="ap-c1", name="Same id as a step of AP", lane="role-ap-clerk")]
    refused(plan, AddEntity(None, "use_cases", uc), 'the id "ap-c1" is already used')


def test_a_full_list_takes_no_more(plan):
    pmap = plan.use_case("uc-forecast").current
    pmap.lanes = ["role-planner"]
    pmap.steps.extend(Step(id=f"s-{i}", lane="role-planner") for i in range(MAX_STEPS))
    refused(plan, AddEntity(pmap.id, "steps", Step(id="one-more", lane="role-planner")), "at most 2,000")


# -- changing references ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("entity_id", "changes", "expected"),
    [
        ("ap-c1", {"lane": "role-gone"}, "step 'Invoice arrives by e-mail or post': lane: points at \"role-gone\""),
        ("ap-c1", {"lane": "uc-ap"}, 'lane: should name a role, but "uc-ap" is a use case'),
        ("ap-c1", {"lane": "role-cfo"}, 'lane: "role-cfo" is not a lane of this map'),
        ("ap-c1", {"exception_route": "ap-r2"}, "exception route: leads to a step of another map"),
        ("ap-cf1", {"source": "ap-r2"}, "flow .*source: joins a step of another map"),
        ("dec-ap-post", {"accountable": ["role-ap-lead", "role-gone"]}, 'accountable: points at "role-gone"'),
        ("dec-ap-post", {"step": "role-erp"}, 'step: should name a step, but "role-erp" is a role'),
        ("item-2", {"depends_on": ["item-2"]}, "depends on: an item cannot depend on itself"),
        ("map-ap-current", {"lanes": ["role-buyer"]}, "is not a lane of this map"),
    ],
)
def test_set_fields_refuses_a_reference_the_file_would_refuse(plan, entity_id, changes, expected):
    message = refused(plan, SetFields(entity_id, changes), expected)
    assert "_" not in message.split(":")[1]  # the field in words: "exception route", not exception_route


def test_a_step_moves_to_another_lane_of_its_map(plan):
    SetFields("ap-c1", {"lane": "role-buyer"}).apply(plan)
    assert reopened(plan).find_step("ap-c1")[2].lane == "role-buyer"


# -- pasting ----------------------------------------------------------------------------------
def test_steps_pasted_into_a_map_without_lanes_bring_their_lanes(plan, tmp_path):
    source = plan.use_case("uc-ap").current
    target = plan.use_case("uc-forecast").current
    steps = [source.step(i) for i in ("ap-c5", "ap-c6", "ap-c8")]
    before = plan.model_dump()
    command = paste_command(plan, target, steps, list(source.flows), 20, 20)
    command.apply(plan)
    save_plan(plan, tmp_path / "pasted.omplan", touch=False)  # the file as Save writes it
    again = load_plan(tmp_path / "pasted.omplan").use_case("uc-forecast").current
    assert again.lanes == ["role-ap-clerk", "role-buyer", "role-ap-lead"]
    assert [s.lane for s in again.steps] == ["role-ap-clerk", "role-buyer", "role-ap-lead"]
    # each step sits in the band of its lane in this map, 20 points lower than it stood
    assert [s.y for s in again.steps] == [70.0, 200.0, 330.0]
    assert [(f.source, f.target) for f in again.flows] == [(again.steps[0].id, again.steps[1].id)]
    command.revert(plan)
    assert plan.model_dump() == before


def test_steps_whose_role_has_gone_since_the_copy_go_to_the_first_lane(plan):
    source = plan.use_case("uc-ap").current
    steps = [source.step("ap-c6").model_copy(update={"lane": "role-deleted-since"})]
    target = plan.use_case("uc-email").current
    paste_command(plan, target, steps, [], 20, 20).apply(plan)
    assert reopened(plan).use_case("uc-email").current.steps[-1].lane == "role-cs-agent"


# -- removing and moving ----------------------------------------------------------------------
def test_removing_an_entity_others_still_name_is_refused(plan):
    refused(plan, RemoveEntity("role-ap-clerk"), 'points at "role-ap-clerk", which is not in the plan')
    remove_cascade(plan, "role-ap-clerk").apply(plan)  # the removal that mends
    assert reopened(plan).role("role-ap-clerk") is None


def test_an_id_removed_and_given_to_another_kind_in_one_edit_is_refused(plan):
    """The check after a removal reads only the references that named what went: one that now
    names an entity of another kind under the same id is still caught."""
    from omplanner.commands import Macro

    uc = plan.use_cases[0]
    lane = uc.current.lanes[0]
    impostor = Step(id="role-ap-clerk", name="Not a role", lane=lane)
    swap = Macro("swap", [RemoveEntity("role-ap-clerk"), AddEntity(uc.current.id, "steps", impostor)])
    refused(plan, swap, 'should name a role, but "role-ap-clerk" is a step')


def test_removing_a_flow_a_score_names_is_refused(plan):
    score = plan.scores[0]
    SetFields(score.id, {"elements": ["ap-cf1"]}).apply(plan)
    refused(plan, RemoveEntity("ap-cf1"), 'elements: points at "ap-cf1"')
    remove_cascade(plan, "ap-c1").apply(plan)  # its step, the flow with it: mended
    assert reopened(plan).scores[0].elements == []


def test_moves_keep_the_plan_loadable_and_revert(plan):
    before = plan.model_dump()
    command = MoveEntity("ap-c3", 0)
    command.apply(plan)
    assert reopened(plan).use_case("uc-ap").current.steps[0].id == "ap-c3"
    command.revert(plan)
    assert plan.model_dump() == before


# -- undo of a reused or merged edit -----------------------------------------------------------
def test_a_reused_set_fields_reverts_to_the_value_before_its_last_apply(plan):
    rename = SetFields("ap-c1", {"name": "Renamed"})
    rename.apply(plan)
    rename.revert(plan)
    SetFields("ap-c1", {"name": "Changed in between"}).apply(plan)
    rename.apply(plan)
    rename.revert(plan)
    assert plan.find_step("ap-c1")[2].name == "Changed in between"


def test_redo_after_merged_typing_gives_the_last_keystroke(plan):
    first = None
    for text in ("P", "Po", "Pos", "Post"):
        keystroke = SetFields("dec-ap-post", {"rationale": text}, merge_key="typing:dec-ap-post:rationale")
        keystroke.apply(plan)  # the app applies, then pushes (merging into the run)
        if first is None:
            first, original = keystroke, keystroke.old["rationale"]
        else:
            assert first.merge_with(keystroke)
    first.revert(plan)  # undo
    assert plan.decision("dec-ap-post").rationale == original
    first.apply(plan)  # redo
    assert plan.decision("dec-ap-post").rationale == "Post"
    first.revert(plan)  # undo again: still before the first keystroke
    assert plan.decision("dec-ap-post").rationale == original


def test_redo_after_merged_nudges_gives_the_last_nudge(plan):
    pmap = plan.use_case("uc-ap").current
    first = nudge_command(pmap, ["ap-c1", "ap-c2"], 10, 0)
    first.apply(plan)
    for _ in range(3):
        more = nudge_command(pmap, ["ap-c1", "ap-c2"], 10, 0)
        more.apply(plan)
        assert first.merge_with(more)
    first.revert(plan)
    assert (pmap.step("ap-c1").x, pmap.step("ap-c2").x) == (60, 250)
    first.apply(plan)
    assert (pmap.step("ap-c1").x, pmap.step("ap-c2").x) == (100, 290)


def test_flows_added_between_maps_are_refused(plan):
    flow = Flow(id="flow-x", source="ap-c1", target="ap-r2")
    refused(plan, AddEntity("map-ap-current", "flows", flow), "target: joins a step of another map")
