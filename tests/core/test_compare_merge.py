"""Three-way merge of two copies of a plan: the issue's worked scenario, the choices, the CLI."""

from __future__ import annotations

import json

import pytest

from omplanner.cli import main
from omplanner.commands import AddEntity, SetFields, remove_cascade
from omplanner.compare.merge import merge_plans
from omplanner.fileio import load_plan, plan_to_json, save_plan
from omplanner.model import RoadmapItem, Role, Step, check_integrity
from omplanner.paths import example_path

EXAMPLE = load_plan(example_path("distributor"))
NAME = ("edit", "ap-c8", "name")
LANE = ("reference", "step-new", "lane", "role-ap-clerk")


def copies(start=None):
    """The issue's scenario: you rename a step, add one in the AP clerk's lane and edit a decision's
    rationale; they rename the same step otherwise, remove the AP clerk and add a roadmap item.
    ``start``: the plan both copies are made from (the example by default)."""
    base = (start or EXAMPLE).model_copy(deep=True)
    mine, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    redesigned = base.use_cases[0].redesigned.id
    SetFields("ap-c8", {"name": "Approve invoice"}).apply(mine)
    step = Step(id="step-new", name="Check supplier bank details", lane="role-ap-clerk", x=500, y=40)
    AddEntity(redesigned, "steps", step).apply(mine)
    SetFields("dec-em-refund", {"rationale": "Refunds above 200 need a person."}).apply(mine)
    SetFields("ap-c8", {"name": "Approve for payment run"}).apply(theirs)
    remove_cascade(theirs, "role-ap-clerk").apply(theirs)
    AddEntity(None, "roadmap", RoadmapItem(id="item-new", title="Train the AP team lead")).apply(theirs)
    return base, mine, theirs


def test_the_worked_scenario_has_one_edit_and_one_removal_conflict_and_merges_everything_else():
    base, mine, theirs = copies()
    result = merge_plans(base, mine, theirs)
    assert [(c.kind, c.key) for c in result.conflicts] == [("edit", NAME), ("removal", LANE)]
    edit, removal = result.conflicts
    assert (edit.mine, edit.theirs) == ('"Approve invoice"', '"Approve for payment run"')
    assert "AP clerk" in removal.question and "their copy" in removal.question
    assert [key for key, _words in removal.choices] == ["keep", "move", "drop"]
    plan = result.plan
    assert plan.decision("dec-em-refund").rationale == "Refunds above 200 need a person."  # yours
    assert plan.item("item-new").title == "Train the AP team lead"  # theirs
    assert plan.find_step("ap-c1") is None  # their removal of the clerk's steps, which you left alone
    assert plan.decision("dec-ap-variance").accountable == []  # and the clerk out of the RACI
    # nobody chose: nothing either did is lost (the clerk stays for your new step, your name stays)
    assert plan.find_step("ap-c8")[2].name == "Approve invoice"
    assert plan.find_step("step-new")[2].lane == "role-ap-clerk"
    assert "role-ap-clerk" in plan.use_cases[0].redesigned.lanes
    assert plan.roles[0].id == "role-ap-clerk"  # back where it was
    assert not result.conflicts[0].decided and not result.conflicts[1].decided


@pytest.mark.parametrize(
    ("choice", "lane", "clerk"),
    [("keep", "role-ap-clerk", True), ("move", "role-match-agent", False), ("drop", None, False)],
)
def test_each_choice_for_the_removed_lane_gives_a_plan_that_loads(choice, lane, clerk):
    base, mine, theirs = copies()
    result = merge_plans(base, mine, theirs, choices={NAME: "theirs", LANE: choice})
    plan = result.plan
    assert all(c.decided for c in result.conflicts)
    assert plan.find_step("ap-c8")[2].name == "Approve for payment run"
    found = plan.find_step("step-new")
    assert (found[2].lane if found else None) == lane
    assert (plan.role("role-ap-clerk") is not None) == clerk
    assert check_integrity(plan) == []
    load_plan_text = plan_to_json(plan)
    assert json.loads(load_plan_text)["roadmap"][-1]["id"] == "item-new"


def test_take_mine_or_theirs_settles_every_conflict_that_way():
    base, mine, theirs = copies()
    ours = merge_plans(base, mine, theirs, take="mine")
    assert [c.chosen for c in ours.conflicts] == ["mine", "keep"] and not ours.undecided
    others = merge_plans(base, mine, theirs, take="theirs")
    assert [c.chosen for c in others.conflicts] == ["theirs", "drop"]
    assert others.plan.role("role-ap-clerk") is None and others.plan.find_step("step-new") is None


def test_changed_by_you_and_removed_by_them_is_a_removal_conflict_kept_unless_chosen_otherwise():
    base = EXAMPLE.model_copy(deep=True)
    mine, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    SetFields(base.roadmap[0].id, {"notes": "Agreed on Monday"}).apply(mine)
    remove_cascade(theirs, base.roadmap[0].id).apply(theirs)
    result = merge_plans(base, mine, theirs)
    [conflict] = result.conflicts
    assert conflict.key == ("removed", base.roadmap[0].id)
    assert (conflict.mine, conflict.theirs) == ("changed", "removed")
    assert result.plan.item(base.roadmap[0].id).notes == "Agreed on Monday"
    dropped = merge_plans(base, mine, theirs, choices={conflict.key: "remove"})
    assert dropped.plan.item(base.roadmap[0].id) is None
    assert check_integrity(dropped.plan) == []


def test_two_roles_added_with_the_same_name_are_offered_as_one():
    base = EXAMPLE.model_copy(deep=True)
    mine, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    AddEntity(None, "roles", Role(id="role-a", name="Credit controller")).apply(mine)
    AddEntity(None, "roles", Role(id="role-b", name="credit  controller")).apply(theirs)
    SetFields("dec-ap-variance", {"consulted": ["role-b"]}).apply(theirs)
    result = merge_plans(base, mine, theirs)
    [conflict] = result.conflicts
    assert conflict.kind == "duplicate" and conflict.chosen == "both"
    assert {r.id for r in result.plan.roles} >= {"role-a", "role-b"}
    one = merge_plans(base, mine, theirs, choices={conflict.key: "one"})
    assert one.plan.role("role-b") is None
    assert one.plan.decision("dec-ap-variance").consulted == ["role-a"]


def test_merge_on_the_command_line_writes_a_plan_that_opens_and_exits_1_on_unsettled_conflicts(tmp_path, capsys):
    base, mine, theirs = copies()
    paths = {}
    for name, plan in (("base", base), ("mine", mine), ("theirs", theirs)):
        paths[name] = tmp_path / f"{name}.omplan"
        save_plan(plan, paths[name])
    out = tmp_path / "merged.omplan"
    args = ["merge", str(paths["mine"]), str(paths["theirs"]), "--base", str(paths["base"]), "-o", str(out)]
    assert main(args) == 1
    text = capsys.readouterr().out
    assert text.startswith("2 conflicts:\n")
    assert (
        'Name was changed in both copies, differently. Yours: "Approve invoice". Theirs: "Approve for payment run".'
        in text
    )
    assert "NOT SETTLED" in text and f"Wrote {out}." in text
    assert load_plan(out).find_step("step-new") is not None
    assert main([*args, "--take", "theirs"]) == 0
    capsys.readouterr()
    assert load_plan(out).find_step("ap-c8")[2].name == "Approve for payment run"
    assert main([*args, "--take", "mine", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [c["chosen"] for c in report["conflicts"]] == ["mine", "keep"]
    assert (
        main(
            [
                "merge",
                str(paths["mine"]),
                str(paths["theirs"]),
                "--base",
                str(paths["base"]),
                "-o",
                str(paths["theirs"]),
            ]
        )
        == 2
    )
    assert "would replace" in capsys.readouterr().err


def test_keeping_a_use_case_they_removed_brings_back_what_went_with_it():
    base = EXAMPLE.model_copy(deep=True)
    mine, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    use_case = base.use_cases[0]
    decisions = [d.id for d in base.decisions if d.use_case == use_case.id]
    assert decisions
    SetFields("ap-c8", {"name": "Approve invoice"}).apply(mine)
    remove_cascade(theirs, use_case.id).apply(theirs)
    result = merge_plans(base, mine, theirs)
    [conflict] = result.conflicts
    assert conflict.key == ("removed", use_case.id) and conflict.chosen == "keep"
    plan = result.plan
    assert plan.find_step("ap-c8")[2].name == "Approve invoice"
    assert [d.id for d in plan.decisions if d.use_case == use_case.id] == decisions  # not lost with it
    removed = merge_plans(base, mine, theirs, take="theirs").plan
    assert removed.use_case(use_case.id) is None
    assert not [d for d in removed.decisions if d.use_case == use_case.id]


def test_keeping_a_role_they_removed_keeps_its_lanes_steps_and_places_in_decisions():
    base = EXAMPLE.model_copy(deep=True)
    mine, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    SetFields("role-ap-clerk", {"team": "Accounts payable"}).apply(mine)
    remove_cascade(theirs, "role-ap-clerk").apply(theirs)
    SetFields("ap-c8", {"name": "Approve for payment run"}).apply(theirs)  # and an edit of their own
    result = merge_plans(base, mine, theirs)
    [conflict] = result.conflicts
    assert conflict.key == ("removed", "role-ap-clerk") and conflict.chosen == "keep"
    plan = result.plan
    assert plan.role("role-ap-clerk").team == "Accounts payable"
    assert plan.use_cases[0].current.lanes == base.use_cases[0].current.lanes
    assert plan.find_step("ap-c1")[2].lane == "role-ap-clerk"
    assert plan.decision("dec-ap-variance").accountable == ["role-ap-clerk"]
    assert [f.id for f in plan.use_cases[0].current.flows] == [f.id for f in base.use_cases[0].current.flows]
    assert plan.find_step("ap-c8")[2].name == "Approve for payment run"
    assert result.taken.count() == 1  # their rename; their removal was declined as a whole


def test_a_moved_start_reads_in_the_roadmaps_weeks_in_the_diff_and_in_a_conflict():
    from omplanner.compare import compare_plans

    base = load_plan(example_path("distributor"))
    item = base.roadmap[5]
    shown = item.first_week  # what the roadmap calls the item's first week
    mine, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    SetFields(item.id, {"start_week": item.start_week + 3}).apply(mine)
    SetFields(item.id, {"start_week": item.start_week + 1}).apply(theirs)
    assert f"start week {shown} → {shown + 3}" in compare_plans(base, mine).text()
    (conflict,) = merge_plans(base, mine, theirs).conflicts
    assert (conflict.mine, conflict.theirs) == (str(shown + 3), str(shown + 1))
