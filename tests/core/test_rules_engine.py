"""The rule engine: the catalogue, the plan's rule settings, the order of findings."""

from __future__ import annotations

import copy

from omplanner.model import Component, ItemKind, RuleSeverity, Severity
from omplanner.rules import catalogue, check_plan

from .rules_plans import item, roadmap


def test_catalogue_lists_every_family_with_explanations():
    infos = catalogue()
    codes = [i.code for i in infos]
    assert len(codes) == len(set(codes))
    assert {c.split("-")[0] for c in codes} == {"SEQ", "PRO", "DEC", "GOV", "DAT", "CAP"}
    assert codes.index("SEQ-001") < codes.index("PRO-001") < codes.index("CAP-001")
    for info in infos:
        assert isinstance(info.default_severity, Severity)
        assert info.component is None or isinstance(info.component, Component)
        assert len(info.explanation) > 40 and "  " not in info.explanation and info.title


def late_tool_selection():
    return roadmap(item("d", ItemKind.DIAGNOSTIC, None, 0, 3), item("t", ItemKind.TOOL_SELECTION, "uc-1", 1))


def test_rule_settings_change_severity_or_switch_a_rule_off():
    plan = late_tool_selection()
    [f] = [f for f in check_plan(plan) if f.code == "SEQ-001"]
    assert f.severity is Severity.ERROR
    plan.rule_settings["SEQ-001"] = RuleSeverity.INFO
    [f] = [f for f in check_plan(plan) if f.code == "SEQ-001"]
    assert f.severity is Severity.INFO
    plan.rule_settings["SEQ-001"] = RuleSeverity.OFF
    assert "SEQ-001" not in [f.code for f in check_plan(plan)]


def test_findings_sorted_by_severity_then_use_case():
    plan = late_tool_selection()
    plan.roadmap += [item("x2", ItemKind.DEPLOYMENT, "uc-2", 4), item("x1", ItemKind.DEPLOYMENT, "uc-1", 4)]
    found = check_plan(plan)
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    uc_rank = {None: 0, "uc-1": 1, "uc-2": 2}
    keys = [(order[f.severity], uc_rank[f.use_case_id]) for f in found]
    assert keys == sorted(keys) and len(set(keys)) > 2


def test_checking_leaves_the_plan_untouched(example_plan):
    before = copy.deepcopy(example_plan.model_dump())
    check_plan(example_plan)
    assert example_plan.model_dump() == before
