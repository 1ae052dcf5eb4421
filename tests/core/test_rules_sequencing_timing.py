"""The timing rules that used to stop short (issue 15): a long diagnostic, a first deployment
that waits for every use case, governance retrofitted after go-live, a first use case that is
not the most tractable, and the severities of groundwork left off the roadmap."""

from __future__ import annotations

from omplanner.cli import main
from omplanner.fileio import save_plan
from omplanner.model import Component, ItemKind, ItemStatus, Score, Severity, Tractability

from .rules_plans import codes, findings, item, roadmap

K = ItemKind


def test_seq011_a_diagnostic_of_months_is_flagged_and_shortened():
    plan = roadmap(item("d", K.DIAGNOSTIC, None, 0, 16))
    [f] = findings(plan, "SEQ-011")
    assert f.severity is Severity.WARNING and f.element_ids == ("d",)
    assert "runs for 16 weeks" in f.message
    f.fix.command.apply(plan)
    assert plan.item("d").duration_weeks == 4
    assert "SEQ-011" not in codes(plan)


def test_seq011_a_finished_diagnostic_is_history():
    plan = roadmap(item("d", K.DIAGNOSTIC, None, 0, 16))
    plan.item("d").status = ItemStatus.DONE
    assert "SEQ-011" not in codes(plan)


def test_seq011_four_weeks_is_fine():
    assert "SEQ-011" not in codes(roadmap(item("d", K.DIAGNOSTIC, None, 0, 4)))


def test_seq012_governance_only_after_go_live_is_an_error():
    plan = roadmap(item("x", K.DEPLOYMENT, "uc-1", 5, 3), item("g", K.GOVERNANCE, "uc-1", 8, 3))
    [f] = findings(plan, "SEQ-012")
    assert f.severity is Severity.ERROR and f.element_ids == ("g", "x")
    assert "after 'Invoices' has gone live ('Deployment x' ends in week 8)" in f.message
    f.fix.command.apply(plan)
    assert plan.item("g").start_week == 5
    assert "SEQ-012" not in codes(plan)


def test_seq012_governance_designed_during_the_deployment_is_fine():
    plan = roadmap(item("x", K.DEPLOYMENT, "uc-1", 5, 3), item("g", K.GOVERNANCE, "uc-1", 7, 3))
    assert "SEQ-012" not in codes(plan)


def test_seq012_no_fix_when_governance_waits_for_work_ending_after_go_live():
    plan = roadmap(
        item("x", K.DEPLOYMENT, "uc-1", 5, 3),
        item("o", K.OTHER, None, 0, 10),
        item("g", K.GOVERNANCE, "uc-1", 10, 3, deps=["o"]),
    )
    [f] = findings(plan, "SEQ-012")
    assert f.fix is None


def _two_use_cases(first_deploy_week: int):
    return roadmap(
        item("p1", K.PROCESS_REDESIGN, "uc-1", 0, 3),
        item("x1", K.DEPLOYMENT, "uc-1", first_deploy_week, 2),
        item("c1", K.CAPABILITY, "uc-1", first_deploy_week, 2),
        item("p2", K.PROCESS_REDESIGN, "uc-2", 0, 12),
        item("x2", K.DEPLOYMENT, "uc-2", 20, 2),
    )


def test_seq013_first_deployment_held_for_every_use_case():
    plan = _two_use_cases(12)
    [f] = findings(plan, "SEQ-013")
    assert f.element_ids == ("x1", "p2") and f.use_case_id == "uc-1"
    assert "although its own groundwork is done by week 3" in f.message


def test_seq013_first_deployment_on_its_own_groundwork_is_fine():
    assert "SEQ-013" not in codes(_two_use_cases(3))


def test_seq014_the_least_tractable_use_case_going_first():
    plan = roadmap(item("x1", K.DEPLOYMENT, "uc-1", 3), item("x2", K.DEPLOYMENT, "uc-2", 8))
    plan.use_cases[0].tractability = Tractability(monthly_volume=100, definition=1, data_richness=2)
    plan.use_cases[1].tractability = Tractability(monthly_volume=5000, definition=5, data_richness=5)
    [f] = findings(plan, "SEQ-014")
    assert f.element_ids == ("uc-1", "x1", "uc-2")
    assert "'Invoices' goes live first" in f.message and "'E-mails' ranks first" in f.message
    plan.use_cases[0].tractability, plan.use_cases[1].tractability = (
        plan.use_cases[1].tractability,
        plan.use_cases[0].tractability,
    )
    assert "SEQ-014" not in codes(plan)


def test_seq009_a_low_score_with_remedial_work_planned_before_the_tool_is_fine():
    plan = roadmap(item("r", K.DATA_READINESS, "uc-1", 0, 4), item("t", K.TOOL_SELECTION, "uc-1", 4))
    plan.scores.append(Score(id="s", use_case="uc-1", component=Component.DATA, value=2))
    assert "SEQ-009" not in codes(plan)
    plan.item("r").duration_weeks = 6  # the data work now ends after the tool is chosen
    assert "SEQ-009" in codes(plan)


def test_no_diagnostic_is_at_least_as_severe_as_a_late_one():
    late = findings(roadmap(item("d", K.DIAGNOSTIC, None, 0, 3), item("t", K.TOOL_SELECTION, "uc-1", 1)), "SEQ-001")
    missing = [
        f for f in findings(roadmap(item("t", K.TOOL_SELECTION, "uc-1", 1)), "SEQ-010") if "diagnostic" in f.message
    ]
    assert late[0].severity is Severity.ERROR and missing[0].severity is Severity.ERROR


def test_check_exits_1_on_a_roadmap_that_only_selects_tools_and_deploys(tmp_path, capsys):
    plan = roadmap(item("t", K.TOOL_SELECTION, "uc-1", 0, 2), item("x", K.DEPLOYMENT, "uc-1", 2, 2))
    path = tmp_path / "bolted-on.omplan"
    save_plan(plan, path)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "ERROR   SEQ-010  The roadmap selects tools or deploys, but has no diagnostic" in out


def test_one_decision_rights_item_for_every_use_case_is_their_groundwork(example_plan):
    """A shared decision-rights workshop (no one use case) covers both: no 'missing' finding."""
    from omplanner.model import ItemKind
    from omplanner.rules import check_plan

    before = {(f.code, f.message) for f in check_plan(example_plan)}
    ap, email = [i for i in example_plan.roadmap if i.kind is ItemKind.DECISION_RIGHTS]
    ap.use_case = None
    ap.title = "Agree decision rights for AP and e-mail triage"
    example_plan.roadmap = [i for i in example_plan.roadmap if i.id != email.id]
    for entry in example_plan.roadmap:
        entry.depends_on = [ap.id if d == email.id else d for d in entry.depends_on]
    new = {(c, m) for c, m in {(f.code, f.message) for f in check_plan(example_plan)} - before}
    assert not [m for c, m in new if c == "SEQ-010"], new
