"""Each sequencing rule: a roadmap that breaks it and one that satisfies it."""

from __future__ import annotations

import pytest

from omplanner.model import Component, ItemKind, Score
from omplanner.sequencing import analyse_roadmap

from .rules_plans import codes, findings, item, roadmap

K = ItemKind


def apply_fix(plan, finding):
    assert finding.fix is not None, finding.message
    finding.fix.command.apply(plan)


def test_seq001_tool_selection_before_the_diagnostic_ends():
    plan = roadmap(item("d", K.DIAGNOSTIC, None, 0, 3), item("t", K.TOOL_SELECTION, "uc-1", 2))
    [f] = findings(plan, "SEQ-001")
    assert f.message == (
        "Tool selection for 'Invoices' ('Tool selection t') starts in week 3, before the diagnostic "
        "('Diagnostic d') ends in week 3."
    )
    assert f.element_ids == ("t", "d") and f.use_case_id == "uc-1"
    apply_fix(plan, f)
    assert plan.item("t").start_week == 3
    assert "SEQ-001" not in codes(plan)


def test_seq001_a_use_case_diagnostic_only_gates_its_own_use_case():
    plan = roadmap(item("d", K.DIAGNOSTIC, "uc-2", 0, 3), item("t", K.TOOL_SELECTION, "uc-1", 0))
    assert "SEQ-001" not in codes(plan)


@pytest.mark.parametrize("kind", [K.PROCESS_REDESIGN, K.DATA_READINESS])
def test_seq002_tool_selection_before_process_or_data_readiness_ends(kind):
    plan = roadmap(item("p", kind, "uc-1", 0, 4), item("t", K.TOOL_SELECTION, "uc-1", 3))
    [f] = findings(plan, "SEQ-002")
    assert f"before its {kind.label.lower()} work ('{kind.label} p') ends in week 4" in f.message
    assert f.component is (Component.PROCESS if kind is K.PROCESS_REDESIGN else Component.DATA)
    plan.item("t").start_week = 4
    assert "SEQ-002" not in codes(plan)


def test_seq002_is_per_use_case():
    plan = roadmap(item("p", K.DATA_READINESS, "uc-2", 0, 4), item("t", K.TOOL_SELECTION, "uc-1", 0))
    assert "SEQ-002" not in codes(plan)


def test_seq003_deployment_before_decision_rights_are_agreed():
    plan = roadmap(item("r", K.DECISION_RIGHTS, "uc-1", 0, 4), item("x", K.DEPLOYMENT, "uc-1", 3))
    [f] = findings(plan, "SEQ-003")
    assert f.message == (
        "Deployment for 'Invoices' ('Deployment x') starts in week 4, before its decision-rights work "
        "('Decision rights r') ends in week 4."
    )
    apply_fix(plan, f)
    assert "SEQ-003" not in codes(plan)


def test_seq004_capability_after_the_first_deployment_starts():
    plan = roadmap(item("x", K.DEPLOYMENT, "uc-1", 5, 3), item("c", K.CAPABILITY, "uc-1", 8, 2, deps=["x"]))
    [f] = findings(plan, "SEQ-004")
    assert "starts in week 9, after the first deployment ('Deployment x') starts in week 6" in f.message
    apply_fix(plan, f)
    assert plan.item("c").start_week == 5 and plan.item("c").depends_on == []
    assert "SEQ-004" not in codes(plan)


def test_seq004_capability_finished_before_the_deployment():
    plan = roadmap(item("x", K.DEPLOYMENT, "uc-1", 5, 3), item("c", K.CAPABILITY, "uc-1", 1, 2))
    [f] = findings(plan, "SEQ-004")
    assert "ends in week 3, before the first deployment" in f.message
    apply_fix(plan, f)
    assert plan.item("c").start_week == 1 and plan.item("c").end_week == 6
    assert "SEQ-004" not in codes(plan)


def test_seq004_capability_overlapping_the_deployment_start_is_fine():
    plan = roadmap(item("x", K.DEPLOYMENT, "uc-1", 5, 3), item("c", K.CAPABILITY, "uc-1", 4, 3))
    assert "SEQ-004" not in codes(plan)


def test_seq005_second_use_case_deploys_before_the_first_is_governed():
    plan = roadmap(
        item("x1", K.DEPLOYMENT, "uc-1", 5),
        item("g1", K.GOVERNANCE, "uc-1", 4, 4),
        item("x2", K.DEPLOYMENT, "uc-2", 6),
    )
    [f] = findings(plan, "SEQ-005")
    assert f.use_case_id == "uc-2" and f.component is Component.GOVERNANCE
    assert (
        "before the governance of the first use case, 'Invoices' ('Governance g1'), is in place: "
        "that work ends in week 8" in f.message
    )
    plan.item("x2").start_week = 8
    assert "SEQ-005" not in codes(plan)


def test_seq006_two_use_cases_deploying_first_together():
    plan = roadmap(item("x1", K.DEPLOYMENT, "uc-1", 5), item("x2", K.DEPLOYMENT, "uc-2", 5))
    [f] = findings(plan, "SEQ-006")
    assert f.message.startswith("'Invoices' and 'E-mails' both start deploying in week 6")
    apply_fix(plan, f)
    assert plan.item("x2").start_week == 6 and plan.item("x1").start_week == 5
    assert "SEQ-006" not in codes(plan)


def test_seq007_item_starting_before_its_dependency_ends():
    plan = roadmap(item("a", K.OTHER, None, 0, 3), item("b", K.OTHER, None, 1, deps=["a"]))
    [f] = findings(plan, "SEQ-007")
    assert f.message == "'Other b' starts in week 2, before 'Other a', which it depends on, ends in week 3."
    apply_fix(plan, f)
    assert codes(plan) == []


def test_seq008_cycle_named_item_by_item():
    plan = roadmap(
        item("a", K.OTHER, None, 0, deps=["c"]),
        item("b", K.OTHER, None, 0, deps=["a"]),
        item("c", K.OTHER, None, 0, deps=["b"]),
    )
    [f] = findings(plan, "SEQ-008")
    assert f.message == (
        "These items wait for each other, so none of them can start: 'Other a', which depends on 'Other c', "
        "which depends on 'Other b', which depends on 'Other a'."
    )
    assert analyse_roadmap(plan).cycles == [["a", "c", "b"]]
    assert "SEQ-007" not in codes(plan)  # the knot is reported once, as a cycle
    apply_fix(plan, f)
    assert "SEQ-008" not in codes(plan)


def test_seq008_no_cycle_no_finding():
    plan = roadmap(item("a", K.OTHER, None, 0), item("b", K.OTHER, None, 1, deps=["a"]))
    assert "SEQ-008" not in codes(plan)


@pytest.mark.parametrize("component", [Component.PROCESS, Component.DATA])
def test_seq009_readiness_gate(component):
    plan = roadmap(item("t", K.TOOL_SELECTION, "uc-1", 0))
    plan.scores.append(Score(id="s", use_case="uc-1", component=component, value=2))
    plan.scores.append(Score(id="s-p", use_case="uc-1", component=component, value=5, participant="Priya"))
    [f] = findings(plan, "SEQ-009")
    word = "process" if component is Component.PROCESS else "data"
    assert f.message == (
        f"'Invoices' has tool selection planned, but its {word} score is 2 of 5 (the gate is 3): raise the scores "
        "before committing to a tool."
    )
    plan.scores[0].value = 3
    assert "SEQ-009" not in codes(plan)


def test_seq009_only_the_agreed_score_counts():
    plan = roadmap(item("t", K.TOOL_SELECTION, "uc-1", 0))
    plan.scores.append(Score(id="s", use_case="uc-1", component=Component.PROCESS, value=1, participant="Tom"))
    assert "SEQ-009" not in codes(plan)


def test_seq010_missing_groundwork_is_named_and_added():
    plan = roadmap(item("t", K.TOOL_SELECTION, "uc-1", 6), item("x", K.DEPLOYMENT, "uc-1", 9))
    found = findings(plan, "SEQ-010")
    assert [f.use_case_id for f in found] == [None, "uc-1"]
    assert found[1].message == (
        "'Invoices' has no process redesign, data readiness, decision rights or capability work on the roadmap, "
        "yet it selects a tool and deploys."
    )
    for f in found:
        apply_fix(plan, f)
    kinds = {i.kind for i in plan.roadmap}
    assert {K.DIAGNOSTIC, K.PROCESS_REDESIGN, K.DATA_READINESS, K.DECISION_RIGHTS, K.CAPABILITY} <= kinds
    assert "SEQ-010" not in codes(plan)


def test_seq010_complete_groundwork_is_fine():
    plan = roadmap(
        item("d", K.DIAGNOSTIC, None, 0),
        item("p", K.PROCESS_REDESIGN, "uc-1", 2),
        item("r", K.DATA_READINESS, "uc-1", 2),
        item("t", K.TOOL_SELECTION, "uc-1", 4),
        item("dr", K.DECISION_RIGHTS, "uc-1", 4),
        item("c", K.CAPABILITY, "uc-1", 6, 4),
        item("x", K.DEPLOYMENT, "uc-1", 6),
    )
    assert [c for c in codes(plan) if c.startswith("SEQ")] == []


def test_order_findings_carry_the_order_they_say_is_broken(example_plan):
    """The roadmap draws a broken order from the finding itself, knowing no rule code."""
    from pathlib import Path

    from omplanner.rules import Relation, check_plan

    titles = {i.id: i.title for i in example_plan.roadmap}
    found = {f.code: f for f in check_plan(example_plan)}
    tool = found["SEQ-002"].relations
    assert [(titles[r.item], titles[r.follows], r.starts) for r in tool] == [
        ("Select the invoice matching tool", "Fix goods-receipt timing and supplier master data", False)
    ]
    capability = found["SEQ-004"].relations
    assert [(titles[r.item], r.starts) for r in capability] == [
        ("AP clerks: validation and exception judgement in role profiles", True)
    ]
    assert all(isinstance(r, Relation) for f in found.values() for r in f.relations)
    roadmap_ui = Path(__file__).parents[2] / "ui" / "roadmap"
    assert not any("SEQ-0" in p.read_text(encoding="utf-8") for p in roadmap_ui.glob("*.py"))
