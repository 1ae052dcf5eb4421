"""A fix is offered only if it clears its finding and breaks nothing else (issue: Fix that does
not fix). The trial runs on a copy: the plan and the fix's command are left as they were."""

from __future__ import annotations

from dataclasses import replace

from omplanner.commands import SetFields
from omplanner.rules import Fix, check_plan
from omplanner.rules.fix_trial import best_fix, try_fix


def _finding(findings, code, element):
    return next(f for f in findings if f.code == code and element in f.element_ids)


def test_a_fix_that_breaks_a_dependency_is_not_sound(example_plan):
    findings = check_plan(example_plan)
    data_first = _finding(findings, "SEQ-002", "item-4")
    # The tool selection alone moved past the deployment that waits for it: the order breaks.
    alone = Fix("Move the tool selection alone", SetFields("item-4", {"start_week": 9}))
    before = example_plan.model_dump()
    trial = try_fix(example_plan, replace(data_first, fix=alone), findings)
    assert trial.clears and not trial.sound
    assert [f.code for f in trial.new_errors] == ["SEQ-007"]
    assert "Dependencies respected" in trial.refusal()
    assert example_plan.model_dump() == before


def test_the_rules_own_fix_moves_what_must_follow_along(example_plan):
    findings = check_plan(example_plan)
    data_first = _finding(findings, "SEQ-002", "item-4")
    assert data_first.fix.description == (
        "Move 'Select the invoice matching tool' to start in week 10; what must follow it moves along"
    )
    assert try_fix(example_plan, data_first, findings).sound
    data_first.fix.command.apply(example_plan)
    assert example_plan.item("item-4").start_week == 9
    assert example_plan.item("item-6").start_week == 12  # the deployment waits for the tool


def test_a_sound_fix_can_still_be_applied_to_the_plan_after_its_trial(example_plan):
    findings = check_plan(example_plan)
    capability = _finding(findings, "SEQ-004", "item-7")
    trial = try_fix(example_plan, capability, findings)
    assert trial.sound and trial.refusal() == ""
    capability.fix.command.apply(example_plan)
    assert ("SEQ-004", capability.element_ids) not in {(f.code, f.element_ids) for f in check_plan(example_plan)}


def test_the_best_fix_leaves_nothing_on_the_element_when_one_can(example_plan):
    example_plan.item("item-4").start_week = 0
    findings = check_plan(example_plan)
    on_tool = [f for f in findings if f.element_ids[:1] == ("item-4",)]
    assert {f.code for f in on_tool} >= {"SEQ-001", "SEQ-002"}
    # Waiting for the diagnostic alone (SEQ-001) would leave the data work unmet; waiting for
    # the data work clears both.
    diagnostic = next(f for f in on_tool if f.code == "SEQ-001")
    assert "SEQ-002" in [f.code for f in try_fix(example_plan, diagnostic, findings).still]  # said, not hidden
    finding, trial = best_fix(example_plan, on_tool, findings)
    assert trial.sound and finding.code == "SEQ-002" and not trial.still


def test_a_fix_whose_edit_fails_is_not_offered(example_plan):
    findings = check_plan(example_plan)
    capability = _finding(findings, "SEQ-004", "item-7")
    del example_plan.roadmap[[i.id for i in example_plan.roadmap].index("item-7")]
    assert not try_fix(example_plan, capability, findings).sound
