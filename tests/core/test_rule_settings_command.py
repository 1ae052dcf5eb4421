"""Setting how a plan applies a rule is an edit like any other: undoable, merged while typing, saved."""

from __future__ import annotations

import pytest

from omplanner.commands import CommandError, SetRuleSetting
from omplanner.fileio import load_plan, save_plan
from omplanner.model import RuleSeverity
from omplanner.rules import check_plan


def _codes(plan):
    return {f.code for f in check_plan(plan)}


def test_switching_a_rule_off_with_a_reason_hides_its_findings_and_undo_brings_them_back(example_plan, tmp_path):
    code = next(iter(sorted(_codes(example_plan))))
    command = SetRuleSetting(code, RuleSeverity.OFF, "Agreed with the sponsor")
    command.apply(example_plan)
    assert code not in _codes(example_plan)
    path = tmp_path / "p.omplan"
    save_plan(example_plan, path)
    assert load_plan(path).rule_settings[code].reason == "Agreed with the sponsor"
    command.revert(example_plan)
    assert code in _codes(example_plan) and code not in example_plan.rule_settings


def test_typing_a_reason_merges_into_one_edit_whose_redo_has_the_last_keystroke(example_plan):
    first = SetRuleSetting("SEQ-001", RuleSeverity.INFO, "W", merge_key="SEQ-001:reason")
    first.apply(example_plan)
    for text in ("Wa", "Wai"):
        later = SetRuleSetting("SEQ-001", RuleSeverity.INFO, text, merge_key="SEQ-001:reason")
        later.apply(example_plan)
        assert first.merge_with(later)
    first.revert(example_plan)
    assert "SEQ-001" not in example_plan.rule_settings
    first.apply(example_plan)
    assert example_plan.rule_settings["SEQ-001"].reason == "Wai"


def test_back_to_the_rules_own_severity_and_an_invalid_code_is_refused(example_plan):
    SetRuleSetting("SEQ-001", RuleSeverity.OFF).apply(example_plan)
    SetRuleSetting("SEQ-001", None).apply(example_plan)
    assert "SEQ-001" not in example_plan.rule_settings
    with pytest.raises(CommandError):
        SetRuleSetting("X" * 50, RuleSeverity.OFF).apply(example_plan)
    assert list(example_plan.rule_settings) == []
