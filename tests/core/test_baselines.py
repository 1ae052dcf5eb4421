"""Baselines: a named snapshot taken, kept in the file, read back (or refused), and what slipped since."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from omplanner.baselines import (
    BaselineError,
    default_name,
    delete_baseline,
    make_baseline,
    read_baseline,
    rename_baseline,
    slip_summary,
    take_baseline,
    what_slipped,
    without_baselines,
)
from omplanner.commands import AddEntity, CommandError, RemoveEntity, SetFields
from omplanner.compare import compare_plans
from omplanner.fileio import load_plan, save_plan
from omplanner.model import Baseline, ItemKind, RoadmapItem
from omplanner.paths import example_path

EXAMPLE = load_plan(example_path("distributor"))
EXAMPLE.baselines = []  # the tests take their own; the example's agreed baseline is read in its own test
FIXTURES = Path(__file__).parent / "fixtures"


def copy():
    return EXAMPLE.model_copy(deep=True)


def with_baseline(name: str = "Agreed at workshop 2"):
    plan = copy()
    take_baseline(make_baseline(plan, name, "Ana Ruiz")).apply(plan)
    return plan


# -- taking and reading back --------------------------------------------------------------------


def test_a_baseline_holds_the_plan_as_it_was_and_reads_back_as_that_plan():
    plan = with_baseline()
    [baseline] = plan.baselines
    assert (baseline.name, baseline.taken_by) == ("Agreed at workshop 2", "Ana Ruiz")
    assert "baselines" not in baseline.snapshot  # a snapshot never holds snapshots
    SetFields("item-6", {"start_week": 13}).apply(plan)
    then = read_baseline(baseline)
    assert then.item("item-6").start_week == 10
    assert then.baselines == []
    assert compare_plans(EXAMPLE, then).differences == []


def test_a_baseline_survives_saving_and_opening_the_file(tmp_path):
    plan = with_baseline()
    SetFields("item-6", {"title": "Go live with matching"}).apply(plan)
    save_plan(plan, tmp_path / "plan.omplan")
    opened = load_plan(tmp_path / "plan.omplan")
    [baseline] = opened.baselines
    assert read_baseline(baseline).item("item-6").title == "Deploy invoice matching to production"
    # compared with its baseline, the plan differs by the one edit (its own baselines are no difference)
    [row] = compare_plans(read_baseline(baseline), without_baselines(opened)).differences
    assert (row.field, row.new) == ("title", '"Go live with matching"')


def test_a_second_baseline_takes_no_copy_of_the_first():
    plan = with_baseline("First")
    take_baseline(make_baseline(plan, "Second")).apply(plan)
    assert [b.name for b in plan.baselines] == ["First", "Second"]
    assert "baselines" not in plan.baselines[1].snapshot


def test_the_default_name_says_the_day_and_is_numbered_when_taken():
    plan = copy()
    assert default_name(plan, date(2026, 12, 5)) == "Agreed on 5 Dec 2026"
    take_baseline(make_baseline(plan, "Agreed on 5 Dec 2026")).apply(plan)
    assert default_name(plan, date(2026, 12, 5)) == "Agreed on 5 Dec 2026 (2)"


def test_a_name_the_plan_has_is_refused_with_a_sentence_whatever_its_capitals_and_spaces():
    plan = with_baseline("Agreed at workshop 2")
    with pytest.raises(BaselineError) as refused:
        make_baseline(plan, "agreed at  Workshop 2")
    assert str(refused.value) == (
        "The baseline 'agreed at Workshop 2' cannot be saved: this plan already has a baseline called "
        "'Agreed at workshop 2': give this one another name."
    )
    with pytest.raises(BaselineError, match="needs a name"):
        make_baseline(plan, "   ")


def test_a_snapshot_of_an_older_format_is_migrated_when_read():
    v3 = json.loads((FIXTURES / "v3.omplan").read_text(encoding="utf-8"))
    assert v3["schema_version"] == 3
    baseline = Baseline(id="base-old", name="Taken by an older version", snapshot=v3)
    plan = read_baseline(baseline)
    assert plan.schema_version == 4 and plan.roadmap
    assert baseline.snapshot["schema_version"] == 3  # reading never changes the baseline


def nested(depth: int) -> dict:
    node: dict = {}
    for _ in range(depth):
        node = {"a": node}
    return node


HOSTILE = {
    "empty": ({}, "its snapshot is not an OM Planner plan"),
    "not a plan": ({"format": "something else"}, "not an OM Planner plan"),
    "newer version": ({"format": "omplanner-plan", "schema_version": 99}, "newer OM Planner"),
    "dangling owner": (
        {
            "format": "omplanner-plan",
            "schema_version": 4,
            "roadmap": [{"id": "item-x", "title": "Ghost work", "owner": "role-nobody"}],
        },
        "role-nobody",
    ),
    "nested too deep": ({"format": "omplanner-plan", "schema_version": 4, "details": nested(80)}, "nested"),
    "not a number": ({"format": "omplanner-plan", "schema_version": 4, "x": float("nan")}, "values no plan file"),
    "week out of range": (
        {"format": "omplanner-plan", "schema_version": 4, "roadmap": [{"id": "i", "title": "T", "start_week": 10**9}]},
        "roadmap item",
    ),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_broken_or_hostile_snapshot_is_refused_with_a_sentence_naming_the_baseline(kind):
    snapshot, words = HOSTILE[kind]
    baseline = Baseline(id="base-bad", name="Agreed at workshop 2", snapshot=snapshot)
    with pytest.raises(BaselineError) as refused:
        read_baseline(baseline)
    message = str(refused.value)
    assert message.startswith("The baseline 'Agreed at workshop 2' cannot be read: ")
    assert words in message
    assert len(message.splitlines()) == 1


def test_a_snapshot_holding_baselines_of_its_own_reads_without_them():
    snapshot = EXAMPLE.model_dump(mode="json")
    snapshot["baselines"] = [{"id": "base-in", "name": "Inner", "snapshot": nested(80)}]
    plan = read_baseline(Baseline(id="base-1", name="Outer", snapshot=snapshot))
    assert plan.baselines == [] and len(plan.roadmap) == len(EXAMPLE.roadmap)


def test_a_file_with_a_hostile_baseline_still_opens_and_only_that_baseline_is_refused(tmp_path):
    plan = with_baseline("Good")
    bad = Baseline(id="base-bad", name="Bad", snapshot=HOSTILE["dangling owner"][0])
    AddEntity(None, "baselines", bad).apply(plan)
    save_plan(plan, tmp_path / "plan.omplan")
    opened = load_plan(tmp_path / "plan.omplan")
    assert read_baseline(opened.baselines[0]).roadmap
    with pytest.raises(BaselineError, match="'Bad' cannot be read"):
        read_baseline(opened.baselines[1])


# -- the edits ----------------------------------------------------------------------------------


def test_taking_a_baseline_is_undone_and_redone_with_the_same_snapshot():
    plan = copy()
    command = take_baseline(make_baseline(plan, "Workshop 2"))
    assert command.text == "Save baseline 'Workshop 2'"
    command.apply(plan)
    snapshot = plan.baselines[0].snapshot
    SetFields("item-6", {"start_week": 20}).apply(plan)
    command.revert(plan)
    assert plan.baselines == []
    command.apply(plan)
    assert plan.baselines[0].snapshot == snapshot  # still the plan as it was when taken
    assert read_baseline(plan.baselines[0]).item("item-6").start_week == 10


def test_a_redo_that_would_give_two_baselines_one_name_is_refused():
    plan = copy()
    first = take_baseline(make_baseline(plan, "Workshop 2"))
    second = take_baseline(make_baseline(plan, "Workshop 2"))  # built before the first ran
    first.apply(plan)
    with pytest.raises(CommandError, match="already has a baseline called 'Workshop 2'"):
        second.apply(plan)
    assert len(plan.baselines) == 1


def test_rename_and_delete_are_undoable_and_names_stay_unique():
    plan = with_baseline("First")
    take_baseline(make_baseline(plan, "Second")).apply(plan)
    first, second = (b.id for b in plan.baselines)
    rename = rename_baseline(plan, first, "  Agreed   at workshop 1 ")
    rename.apply(plan)
    assert plan.baselines[0].name == "Agreed at workshop 1"
    assert rename.text == "Rename baseline 'First' to 'Agreed at workshop 1'"
    rename.revert(plan)
    assert plan.baselines[0].name == "First"
    with pytest.raises(CommandError, match="already has a baseline called 'Second'"):
        rename_baseline(plan, first, "SECOND").apply(plan)
    assert plan.baselines[0].name == "First"
    rename_baseline(plan, first, "first").apply(plan)  # its own name, in other capitals, is fine
    delete = delete_baseline(plan, first)
    assert delete.text == "Delete baseline 'first'"
    delete.apply(plan)
    assert [b.id for b in plan.baselines] == [second]
    delete.revert(plan)
    assert [b.id for b in plan.baselines] == [first, second]


def test_a_plan_holds_at_most_fifty_baselines():
    plan = copy()
    for n in range(50):
        AddEntity(None, "baselines", Baseline(id=f"base-{n}", name=f"B{n}")).apply(plan)
    with pytest.raises(CommandError, match="at most 50 baselines"):
        take_baseline(make_baseline(plan, "One more")).apply(plan)


# -- what slipped -------------------------------------------------------------------------------


def slips_after(*edits):
    plan = with_baseline()
    for edit in edits:
        edit.apply(plan)
    return what_slipped(read_baseline(plan.baselines[0]), plan)


def test_nothing_moved_is_said_so():
    rows = slips_after()
    assert rows == []
    assert slip_summary(rows) == "Nothing on the roadmap moved since the baseline."


def test_a_longer_item_ends_later_in_the_words_of_the_roadmap():
    # "Redesign customer e-mail handling": weeks 10-12, now three weeks longer
    [row] = slips_after(SetFields("item-9", {"duration_weeks": 6}))
    assert row.text == "'Redesign customer e-mail handling' ends 3 weeks later (week 12 → 15)"
    assert (row.kind, row.item_id, row.weeks, row.slipped) == ("later", "item-9", 3, True)


def test_a_moved_deployment_slips_its_go_live_too_with_the_dates():
    rows = slips_after(SetFields("item-6", {"start_week": 13}))
    assert [r.text for r in rows] == [
        "Go-live of 'AP invoice matching' is 3 weeks later (week 14 → 17, 18 Apr 2027 → 9 May 2027)",
        "'Deploy invoice matching to production' starts and ends 3 weeks later (weeks 11–14 → 14–17)",
    ]
    assert [r.kind for r in rows] == ["go-live", "later"]
    assert all(r.slipped for r in rows)
    assert slip_summary(rows) == "1 item later, 1 go-live later"


def test_later_items_come_first_largest_slip_first_then_new_removed_and_earlier():
    rows = slips_after(
        SetFields("item-1", {"duration_weeks": 2}),  # weeks 1-3 -> 1-2: ends a week earlier
        SetFields("item-10", {"start_week": 11}),  # one week later
        SetFields("item-15", {"start_week": 22}),  # four weeks later
        AddEntity(None, "roadmap", RoadmapItem(id="item-new", title="Train the buyers", start_week=30)),
        RemoveEntity("item-16"),
    )
    assert [(r.kind, r.item_id) for r in rows] == [
        ("later", "item-15"),
        ("later", "item-10"),
        ("added", "item-new"),
        ("removed", "item-16"),
        ("earlier", "item-1"),
    ]
    texts = [r.text for r in rows]
    assert texts[2] == "'Train the buyers' is new since the baseline (week 31)"
    assert texts[3] == (
        "'Measure process-level capacity released in AP' is no longer on the roadmap (it was weeks 19–20)"
    )
    assert texts[4] == "'Operating-model diagnostic of the three candidates' ends 1 week earlier (week 3 → 2)"
    assert not rows[4].slipped
    assert slip_summary(rows) == "2 items later, 1 item new, 1 item removed, 1 item earlier"


def test_a_later_start_date_slips_every_go_live_by_the_days_it_moved():
    rows = slips_after(SetFields("details", {"start_date": date(2027, 1, 22)}))  # was 11 Jan 2027
    start = next(r for r in rows if r.kind == "start")
    assert start.text.startswith("The plan starts 11 days later (11 Jan 2027 → 22 Jan 2027)")
    go_lives = [r for r in rows if r.kind == "go-live"]
    assert go_lives and all("11 days later (still week" in r.text for r in go_lives)


def test_a_use_case_that_lost_its_deployment_no_longer_goes_live():
    deployment = next(i for i in EXAMPLE.roadmap if i.kind is ItemKind.DEPLOYMENT and i.use_case == "uc-email")
    rows = slips_after(RemoveEntity(deployment.id))
    assert "'Customer e-mail triage' no longer has a go-live (it was week 18)" in [r.text for r in rows]


def test_the_example_carries_the_roadmap_agreed_at_workshop_2_and_what_slipped_since():
    plan = load_plan(example_path("distributor"))
    (baseline,) = plan.baselines
    assert baseline.name == "Agreed at workshop 2" and baseline.taken_by == plan.details.facilitator
    assert [row.text for row in what_slipped(read_baseline(baseline), plan)] == [
        "Go-live of 'AP invoice matching' is 2 weeks later (week 12 → 14, 4 Apr 2027 → 18 Apr 2027)",
        "'Deploy invoice matching to production' starts and ends 2 weeks later (weeks 9–12 → 11–14)",
    ]


def test_two_baselines_taken_apart_under_one_name_both_survive_a_merge_with_names_told_apart():
    from omplanner.compare.merge import merge_plans

    base = copy()
    mine, theirs = copy(), copy()
    take_baseline(make_baseline(mine, "Agreed at workshop 3", "Ana Ruiz")).apply(mine)
    SetFields("item-6", {"start_week": 14}).apply(theirs)
    take_baseline(make_baseline(theirs, "agreed at  Workshop 3", "Ben Okafor")).apply(theirs)
    merged = merge_plans(base, mine, theirs).plan
    names = {b.taken_by: b.name for b in merged.baselines}
    assert names == {"Ana Ruiz": "Agreed at workshop 3", "Ben Okafor": "agreed at Workshop 3 (their copy)"}
    their = next(b for b in merged.baselines if b.taken_by == "Ben Okafor")
    assert read_baseline(their).item("item-6").start_week == 14
