"""The example plan's deliberate mistakes, as a facilitator reads them, and every fix it offers."""

from __future__ import annotations

import copy
import re

from omplanner.rules import check_plan


def messages(plan, code):
    return [f.message for f in check_plan(plan) if f.code == code]


def test_the_example_plans_deliberate_mistakes_are_found(example_plan):
    found = check_plan(example_plan)
    by = {(f.code, f.element_ids[0]) for f in found}
    assert ("SEQ-002", "item-4") in by  # tool selection before data readiness ends
    assert ("SEQ-004", "item-7") in by  # capability after deployment starts
    assert ("SEQ-005", "item-13") in by  # e-mail deploys before AP governance is in place
    assert ("DEC-001", "dec-ap-writeoff") in by  # two accountable roles
    assert ("DEC-003", "dec-ap-writeoff") in by  # AI alone, no audit trail
    assert ("PRO-001", "em-r2") in by  # AI step without exception route
    assert ("DAT-001", "data-suppliers") in by  # no owner
    assert ("DAT-002", "data-grn") in by  # empty validation
    assert ("DAT-003", "data-grn") in by  # "Usually fine"
    assert ("DAT-002", "data-emails") in by  # "None yet"
    assert {("GOV-001", "uc-email"), ("GOV-002", "uc-email")} <= by  # e-mail triage governance empty
    assert not any(f.use_case_id == "uc-forecast" for f in found)  # a candidate with nothing planned yet


def test_the_example_messages_read_well(example_plan):
    assert messages(example_plan, "SEQ-002") == [
        "Tool selection for 'AP invoice matching' ('Select the invoice matching tool') starts in week 7, before "
        "its data readiness work ('Fix goods-receipt timing and supplier master data') ends in week 9."
    ]
    assert messages(example_plan, "SEQ-004") == [
        "Capability work for 'AP invoice matching' ('AP clerks: validation and exception judgement in role "
        "profiles') starts in week 16, after the first deployment ('Deploy invoice matching to production') "
        "starts in week 11: people would work beside the AI before they have learnt their new role."
    ]
    assert messages(example_plan, "SEQ-005") == [
        "Deployment for 'Customer e-mail triage' ('Deploy e-mail triage') starts in week 16, before the "
        "governance of the first use case, 'AP invoice matching' ('AP governance: owner, thresholds, breach "
        "process'), is in place: that work ends in week 17."
    ]
    assert messages(example_plan, "DEC-001") == [
        "Decision 'Write off small balance differences' at 'Difference within tolerance?' in 'AP invoice "
        "matching' has 2 accountable roles (AP team lead and Financial controller); one must answer for it."
    ]
    for f in check_plan(example_plan):
        unquoted = re.sub(r'"[^"]*"', "", f.message)
        assert f.message.endswith(".") and "None" not in unquoted and "  " not in f.message, f.message
        assert "item-" not in f.message and "role-" not in f.message, f.message
        if f.fix:
            assert f.fix.description and f.fix.command.text


def test_each_fix_removes_its_finding_and_undoes_cleanly(example_plan):
    fixable = [f for f in check_plan(example_plan) if f.fix]
    assert len(fixable) >= 8
    before = copy.deepcopy(example_plan.model_dump())
    for finding in fixable:
        finding.fix.command.apply(example_plan)
        after = {(f.code, f.element_ids) for f in check_plan(example_plan)}
        assert (finding.code, finding.element_ids) not in after, finding.message
        finding.fix.command.revert(example_plan)
        assert example_plan.model_dump() == before, finding.fix.description
