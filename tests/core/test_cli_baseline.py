"""``omplanner diff PLAN --baseline NAME`` and ``omplanner baseline``, as a user runs them."""

from __future__ import annotations

import json

from omplanner.baselines import make_baseline, take_baseline
from omplanner.cli import main
from omplanner.commands import SetFields
from omplanner.fileio import load_plan, save_plan


def plan_with_baseline(tmp_path, example_plan, moved: bool = True):
    plan = example_plan
    plan.baselines = []  # this test's own baseline, not the example's
    take_baseline(make_baseline(plan, "Agreed at workshop 2", "Ana Ruiz")).apply(plan)
    if moved:
        SetFields("item-6", {"start_week": 13}).apply(plan)
    path = tmp_path / "plan.omplan"
    save_plan(plan, path)
    return path


def test_diff_against_a_baseline_lists_what_slipped_then_every_difference(tmp_path, example_plan, capsys):
    path = plan_with_baseline(tmp_path, example_plan)
    assert main(["diff", str(path), "--baseline", "Agreed at workshop 2"]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("Since the baseline 'Agreed at workshop 2' (taken ")
    assert lines[0].endswith(" by Ana Ruiz):")
    assert lines[2] == "What slipped: 1 item later, 1 go-live later"
    assert lines[3] == "  Go-live of 'AP invoice matching' is 3 weeks later (week 14 → 17, 18 Apr 2027 → 9 May 2027)"
    assert "Every difference:" in lines
    assert 'changed roadmap item 6 "Deploy invoice matching to production": start week 11 → 14' in out
    assert "baseline" not in out.split("Every difference:")[1]  # the plan's own baselines are no difference


def test_diff_against_an_unchanged_baseline_exits_0_and_the_name_may_differ_in_capitals(tmp_path, example_plan, capsys):
    path = plan_with_baseline(tmp_path, example_plan, moved=False)
    assert main(["diff", str(path), "--baseline", "agreed AT workshop 2"]) == 0
    out = capsys.readouterr().out
    assert "What slipped: Nothing on the roadmap moved since the baseline." in out
    assert "No other difference" in out


def test_diff_against_a_baseline_as_json(tmp_path, example_plan, capsys):
    path = plan_with_baseline(tmp_path, example_plan)
    assert main(["diff", str(path), "--baseline", "Agreed at workshop 2", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["baseline"]["name"] == "Agreed at workshop 2"
    assert [(s["kind"], s["element"], s["weeks"]) for s in report["slipped"]] == [
        ("go-live", "uc-ap", 3),
        ("later", "item-6", 3),
    ]
    assert report["differences"][0]["differences"][0]["id"] == "item-6"


def test_an_unknown_baseline_name_is_a_sentence_listing_the_names_and_exit_2(tmp_path, example_plan, capsys):
    path = plan_with_baseline(tmp_path, example_plan)
    assert main(["diff", str(path), "--baseline", "Workshop 3"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "omplanner: plan.omplan has no baseline called 'Workshop 3'; its baselines are 'Agreed at workshop 2'.\n"
    )


def without_baselines_file(path):
    """The example at ``path`` without its agreed baseline, saved as it was otherwise."""
    plan = load_plan(path)
    plan.baselines = []
    save_plan(plan, path, touch=False)
    return path


def test_a_plan_without_baselines_says_how_to_take_one(example_file, capsys):
    without_baselines_file(example_file)
    assert main(["diff", str(example_file), "--baseline", "Workshop 3"]) == 2
    err = capsys.readouterr().err
    assert "has no baselines" in err and "--take NAME" in err and "Plan › Save baseline…" in err


def test_diff_with_a_baseline_takes_one_plan(tmp_path, example_plan, capsys):
    path = plan_with_baseline(tmp_path, example_plan)
    assert main(["diff", str(path), str(path), "--baseline", "Agreed at workshop 2"]) == 2
    assert "give one plan" in capsys.readouterr().err
    assert main(["diff", str(path)]) == 2
    assert "or one plan and --baseline NAME" in capsys.readouterr().err


def test_baseline_take_writes_the_plan_with_it_and_list_shows_it(tmp_path, example_file, capsys):
    without_baselines_file(example_file)
    out = tmp_path / "with.omplan"
    assert main(["baseline", str(example_file), "--take", "Agreed at workshop 2", "--by", "Ana", "-o", str(out)]) == 0
    assert "Took the baseline 'Agreed at workshop 2'" in capsys.readouterr().out
    assert [b.name for b in load_plan(out).baselines] == ["Agreed at workshop 2"]
    assert load_plan(example_file).baselines == []  # PLAN itself is untouched
    assert main(["baseline", str(out), "--list"]) == 0
    listed = capsys.readouterr().out
    assert listed.startswith("Agreed at workshop 2  (taken ") and "by Ana)" in listed
    assert main(["baseline", str(out), "--take", "agreed at workshop 2", "-o", str(out)]) == 2
    assert "already has a baseline called 'Agreed at workshop 2'" in capsys.readouterr().err
    assert main(["baseline", str(out), "--take", "Next"]) == 2
    assert "needs -o OUT" in capsys.readouterr().err


def test_baseline_take_names_who_took_it_from_omplanner_name_when_by_is_not_given(
    tmp_path, example_file, capsys, monkeypatch
):
    without_baselines_file(example_file)
    monkeypatch.setenv("OMPLANNER_NAME", "Ben Osei")
    out = tmp_path / "with.omplan"
    assert main(["baseline", str(example_file), "--take", "Workshop 3", "-o", str(out)]) == 0
    assert [b.taken_by for b in load_plan(out).baselines] == ["Ben Osei"]
