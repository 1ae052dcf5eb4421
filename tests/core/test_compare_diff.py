"""Comparing two copies of a plan: element-level rows in the plan's words, cascades folded."""

from __future__ import annotations

import json

from omplanner.cli import main
from omplanner.commands import AddEntity, MoveEntity, SetFields, remove_cascade
from omplanner.compare import compare_plans
from omplanner.fileio import load_plan, save_plan
from omplanner.model import RoadmapItem
from omplanner.paths import example_path

EXAMPLE = load_plan(example_path("distributor"))


def copy():
    return EXAMPLE.model_copy(deep=True)


def test_two_equal_copies_have_no_differences():
    comparison = compare_plans(copy(), copy())
    assert comparison.differences == []
    assert comparison.text() == "The two copies hold the same plan.\n"


def test_a_saved_again_copy_is_the_same_plan_although_its_save_time_differs(tmp_path):
    later = copy()
    save_plan(later, tmp_path / "later.omplan")  # stamps the modified time
    assert compare_plans(copy(), load_plan(tmp_path / "later.omplan")).differences == []


def test_a_renamed_step_is_one_changed_row_with_old_and_new_name_where_the_loader_says_it():
    theirs = copy()
    SetFields("ap-c8", {"name": "Approve invoice"}).apply(theirs)
    [row] = compare_plans(copy(), theirs).differences
    assert (row.kind, row.field, row.old, row.new) == ("changed", "name", '"Approve for payment"', '"Approve invoice"')
    assert row.where == ('use case "AP invoice matching"', "current process", 'step 8 "Approve invoice"')
    assert (row.use_case, row.component) == ('Use case "AP invoice matching"', "Process design")
    assert 'changed use case "AP invoice matching" → current process → step 8 "Approve invoice": name' in row.line()


def test_a_removed_role_is_one_row_with_its_steps_and_references_folded_under_it():
    theirs = copy()
    remove_cascade(theirs, "role-ap-clerk").apply(theirs)
    comparison = compare_plans(copy(), theirs)
    [row] = comparison.differences
    assert (row.kind, row.what) == ("removed", 'role 1 "AP clerk"')
    folded = {(c.kind, c.id, c.field) for c in row.consequences}
    assert ("removed", "ap-c1", "") in folded  # a step in the clerk's lane
    assert ("changed", "dec-ap-variance", "accountable") in folded  # a RACI the role was in
    assert any(c.field == "lanes" for c in row.consequences)
    text = comparison.text()
    assert text.startswith('Whole plan · Capability & roles\n  removed role 1 "AP clerk"')
    assert '      with it: removed use case "AP invoice matching" → current process → step 1' in text


def test_added_item_moved_step_and_reordered_list_are_rows_of_their_kind():
    theirs = copy()
    AddEntity(None, "roadmap", RoadmapItem(id="item-new", title="Train clerks")).apply(theirs)
    SetFields("ap-c8", {"x": 30.0}).apply(theirs)
    MoveEntity(theirs.use_cases[2].id, 0).apply(theirs)
    rows = {(r.kind, r.id, r.field) for r in compare_plans(copy(), theirs).differences}
    assert ("added", "item-new", "") in rows
    assert ("moved", "ap-c8", "position") in rows
    assert ("moved", theirs.use_cases[0].id, "order") in rows


def test_diff_on_the_command_line_prints_rows_and_json_and_says_by_exit_code_whether_they_differ(tmp_path, capsys):
    mine, theirs = tmp_path / "mine.omplan", tmp_path / "theirs.omplan"
    save_plan(copy(), mine)
    changed = copy()
    SetFields("ap-c8", {"name": "Approve invoice"}).apply(changed)
    save_plan(changed, theirs)
    assert main(["diff", str(mine), str(mine)]) == 0
    assert "same plan" in capsys.readouterr().out
    assert main(["diff", str(mine), str(theirs)]) == 1
    assert '"Approve for payment" → "Approve invoice"' in capsys.readouterr().out
    assert main(["diff", str(mine), str(theirs), "--format", "json"]) == 1
    [group] = json.loads(capsys.readouterr().out)
    assert group["component"] == "Process design"
    assert group["differences"][0]["new"] == '"Approve invoice"'
