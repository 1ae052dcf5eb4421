"""Scenario suite for the sequencing rules (issue 15): plans generated from the example.

The compliant plan is the example put in order by Auto-sequence: it draws no sequencing finding.
Each scenario breaks one principle once, the way a workshop would, and the test asserts the exact
rule that fires and the plan items it names. Where a principle cannot be broken alone (a low
readiness score whose remedial work ends too late is also a tool chosen too early), the other
rule that must fire with it is named too.
"""

from __future__ import annotations

import pytest

from omplanner.cli import main
from omplanner.fileio import load_plan, save_plan
from omplanner.model import ItemKind, RoadmapItem, Severity, Tractability
from omplanner.paths import example_path
from omplanner.rules import check_plan
from omplanner.sequencing import auto_sequence_command

EXAMPLE = load_plan(example_path("distributor"))


def compliant():
    plan = EXAMPLE.model_copy(deep=True)
    auto_sequence_command(plan).apply(plan)
    return plan


def seq(plan) -> list:
    return [f for f in check_plan(plan) if f.code.startswith("SEQ-")]


def add(plan, ident: str, kind: ItemKind, uc: str | None, start: int, weeks: int, title: str) -> None:
    plan.roadmap.append(
        RoadmapItem(id=ident, title=title, kind=kind, use_case=uc, start_week=start, duration_weeks=weeks)
    )


def remove(plan, ident: str) -> None:
    plan.roadmap = [i for i in plan.roadmap if i.id != ident]
    for item in plan.roadmap:
        item.depends_on = [d for d in item.depends_on if d != ident]


def test_the_compliant_plan_draws_no_sequencing_finding():
    assert seq(compliant()) == []


def _use_case_diagnostic_late(plan):
    add(plan, "item-x", ItemKind.DIAGNOSTIC, "uc-email", 12, 2, "Deep-dive diagnostic of the mailbox")


def _email_data_work_late(plan):
    plan.item("item-10").duration_weeks = 5  # ends in week 14, the tool is chosen from week 14
    plan.item("item-11").depends_on = ["item-9"]


def _email_rights_late(plan):
    plan.item("item-12").duration_weeks = 4  # agreed until week 16, the deployment starts in week 16
    plan.item("item-13").depends_on = ["item-11"]
    plan.item("item-14").depends_on = []


def _email_training_after_go_live(plan):
    plan.item("item-14").start_week = 19


def _ap_governance_late_for_email(plan):
    plan.item("item-8").start_week = 12  # in place only by week 16, when e-mail triage deploys


def _both_go_live_together(plan):
    plan.item("item-6").start_week = 15
    plan.item("item-16").start_week = 19


def _measurement_before_go_live(plan):
    plan.item("item-16").start_week = 14


def _dependency_cycle(plan):
    plan.item("item-2").depends_on.append("item-4")


def _email_decision_rights_missing(plan):
    remove(plan, "item-12")


def _diagnostic_missing(plan):
    remove(plan, "item-1")


def _diagnostic_of_months(plan):
    add(plan, "item-x", ItemKind.DIAGNOSTIC, "uc-forecast", 0, 16, "Forecasting deep dive")


def _email_governance_after_go_live(plan):
    add(plan, "item-x", ItemKind.GOVERNANCE, "uc-email", 18, 3, "E-mail governance")


def _least_tractable_first(plan):
    plan.use_case("uc-ap").tractability = Tractability(
        monthly_volume=100, definition=1, data_richness=1, team_willingness=2
    )


SCENARIOS = [
    # (scenario, code, severity, the items it names, other sequencing codes that come with it)
    (_use_case_diagnostic_late, "SEQ-001", Severity.ERROR, ("item-11", "item-x"), set()),
    (_email_data_work_late, "SEQ-002", Severity.ERROR, ("item-11", "item-10"), set()),
    (_email_rights_late, "SEQ-003", Severity.ERROR, ("item-13", "item-12"), set()),
    (_email_training_after_go_live, "SEQ-004", Severity.ERROR, ("item-14", "item-13"), set()),
    (_ap_governance_late_for_email, "SEQ-005", Severity.ERROR, ("item-13", "item-8"), set()),
    (_both_go_live_together, "SEQ-006", Severity.WARNING, ("item-6", "item-13"), set()),
    (_measurement_before_go_live, "SEQ-007", Severity.ERROR, ("item-16", "item-6"), set()),
    (_dependency_cycle, "SEQ-008", Severity.ERROR, ("item-2", "item-4"), set()),
    (_email_decision_rights_missing, "SEQ-010", Severity.ERROR, ("uc-email", "item-11", "item-13"), set()),
    (_diagnostic_missing, "SEQ-010", Severity.ERROR, ("item-4", "item-11", "item-6", "item-13"), set()),
    (_diagnostic_of_months, "SEQ-011", Severity.WARNING, ("item-x",), set()),
    (_email_governance_after_go_live, "SEQ-012", Severity.ERROR, ("item-x", "item-13"), set()),
    (_least_tractable_first, "SEQ-014", Severity.WARNING, ("uc-ap", "item-6", "uc-email"), set()),
]


@pytest.mark.parametrize(
    ("breaks", "code", "severity", "names", "with_it"), SCENARIOS, ids=[s[0].__name__.strip("_") for s in SCENARIOS]
)
def test_breaking_one_principle_fires_its_rule_on_the_items(breaks, code, severity, names, with_it):
    plan = compliant()
    breaks(plan)
    found = seq(plan)
    assert {f.code for f in found} == {code} | with_it, [f.message for f in found]
    [finding] = [f for f in found if f.code == code]
    assert finding.severity is severity
    assert finding.element_ids == names
    assert "item-" not in finding.message and "uc-" not in finding.message  # items are named by title


def test_a_low_readiness_score_whose_remedy_ends_after_the_tool_is_chosen():
    plan = compliant()
    next(s for s in plan.scores if s.id == "score-uc-email-data").value = 2
    assert seq(plan) == []  # the data work ends before the tool is chosen: the gap is being closed
    _email_data_work_late(plan)
    found = seq(plan)
    assert {f.code for f in found} == {"SEQ-009", "SEQ-002"}
    [gate] = [f for f in found if f.code == "SEQ-009"]
    assert gate.element_ids == ("uc-email", "item-11", "item-13")
    assert "data score is 2 of 5" in gate.message


def test_a_first_deployment_held_until_every_use_case_is_ready():
    plan = compliant()
    plan.item("item-15").start_week, plan.item("item-15").duration_weeks = 9, 4
    assert seq(plan) == []
    plan.item("item-6").start_week = 14  # ready from week 13, held until the e-mail rights end
    found = seq(plan)
    assert [(f.code, f.element_ids) for f in found] == [("SEQ-013", ("item-6", "item-12"))]
    assert "although its own groundwork is done by week 12" in found[0].message


def test_check_exits_1_on_a_roadmap_that_bolts_the_ai_on(tmp_path, capsys):
    """The article's failure pattern: choose the tools and deploy, nothing else."""
    plan = EXAMPLE.model_copy(deep=True)
    for item in list(plan.roadmap):
        if item.kind not in (ItemKind.TOOL_SELECTION, ItemKind.DEPLOYMENT):
            remove(plan, item.id)
    path = tmp_path / "bolted-on.omplan"
    save_plan(plan, path)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "ERROR   SEQ-010  The roadmap selects tools or deploys, but has no diagnostic" in out
    assert "ERROR   SEQ-010  'AP invoice matching' has no process redesign, data readiness, decision rights" in out
