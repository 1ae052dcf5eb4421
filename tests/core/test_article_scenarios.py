"""The article's principles as scenarios: a plan that follows them all draws nothing, and each
plan that breaks one principle once draws that principle's rule, naming the plan's own items.

Every plan is made here from the example (``article_plans``). docs/rules.md maps each principle
to the field and the rule these tests hold it to.
"""

from __future__ import annotations

import copy

import pytest

from omplanner.cli import main
from omplanner.fileio import save_plan
from omplanner.model import (
    AiIntervention,
    BuildMethod,
    DataAnswer,
    Knowledge,
    OutcomeMeasure,
    ProcessMap,
    RoleKind,
    Severity,
)
from omplanner.rules import check_plan

from .article_plans import add_role, compliant


def loud(plan):
    """Errors and warnings: what a compliant plan must not draw."""
    return [f for f in check_plan(plan) if f.severity in (Severity.ERROR, Severity.WARNING)]


def test_the_compliant_plan_draws_nothing():
    assert check_plan(compliant()) == []


# --- One principle broken once --------------------------------------------------------------


def no_current_map(plan):
    ap = plan.use_case("uc-ap")
    ap.current.steps, ap.current.flows = [], []
    for step in ap.redesigned.steps:
        step.derived_from = None


def no_redesign(plan):
    ap = plan.use_case("uc-ap")
    ap.redesigned.steps, ap.redesigned.flows = [], []


def decision_missing_for_an_ai_step(plan):
    plan.decisions = [d for d in plan.decisions if d.id != "dec-ap-capture"]


def ai_input_not_mapped(plan):
    plan.data_source("data-invoices").used_by = []


def training_only(plan):
    for cap in plan.capabilities:
        cap.built_through = [BuildMethod.TRAINING]


def no_outcome_measure(plan):
    plan.use_case("uc-ap").outcome = OutcomeMeasure()


def outcome_is_the_pilot_metric(plan):
    ap = plan.use_case("uc-ap")
    ap.outcome = ap.outcome.model_copy(update={"name": ap.pilot_kpi.metric})


def exception_trigger_missing(plan):
    step = plan.use_case("uc-ap").redesigned.step("ap-r2")
    step.confidence_threshold, step.exception_trigger = None, ""


def ai_agent_accountable(plan):
    plan.decision("dec-ap-capture").accountable = ["role-match-agent"]


def committee_overrides(plan):
    add_role(plan, "role-steering", "AI steering committee", RoleKind.COMMITTEE, senior=True)
    plan.decision("dec-ap-match").override_authority = "role-steering"


def committee_owns_governance(plan):
    add_role(plan, "role-steering", "AI steering committee", RoleKind.COMMITTEE, senior=True)
    plan.use_case("uc-ap").governance.owner_role = "role-steering"


def clerk_owns_governance(plan):
    plan.use_case("uc-ap").governance.owner_role = "role-ap-clerk"


def threshold_without_range(plan):
    threshold = plan.use_case("uc-ap").governance.thresholds[0]
    threshold.lower = threshold.upper = None


def system_owns_data(plan):
    plan.data_source("data-po").owner_role = "role-erp"


def latency_depends(plan):
    plan.data_source("data-grn").latency = DataAnswer(status=Knowledge.PARTLY, note="Depends on the depot")


def validation_unknown(plan):
    plan.data_source("data-grn").validation = DataAnswer()


def origin_unknown(plan):
    plan.data_source("data-po").origin = DataAnswer(status=Knowledge.UNKNOWN)


def ownership_unknown(plan):
    plan.data_source("data-po").ownership = DataAnswer(status=Knowledge.UNKNOWN)


def decision_on_the_current_map(plan):
    plan.decision("dec-ap-large").step = plan.use_case("uc-ap").current.steps[1].id


def gap_closed_by_training(plan):
    cap = next(c for c in plan.capabilities if c.id == "cap-ap-judge")
    cap.built_through = [BuildMethod.TRAINING]


def tool_before_redesign(plan):
    plan.item("item-4").start_week = 3


SCENARIOS = [
    # (breaks, code, the plan's items it must name first, codes that may come along)
    (no_current_map, "RDY-001", ("uc-ap",), set()),
    (no_redesign, "RDY-002", ("uc-ap",), set()),
    (decision_missing_for_an_ai_step, "RDY-003", ("uc-ap", "ap-r2"), set()),
    (ai_input_not_mapped, "RDY-004", ("uc-ap", "ap-r2"), set()),
    (training_only, "RDY-005", ("cap-ap-validate",), {"CAP-004"}),
    (no_outcome_measure, "RDY-006", ("uc-ap",), {"INT-001"}),
    (outcome_is_the_pilot_metric, "INT-002", ("uc-ap",), set()),
    (exception_trigger_missing, "PRO-007", ("ap-r2",), set()),
    (ai_agent_accountable, "DEC-007", ("dec-ap-capture", "ap-r2"), set()),
    (committee_overrides, "DEC-007", ("dec-ap-match", "ap-r3"), set()),
    (committee_owns_governance, "GOV-005", ("uc-ap",), set()),
    (clerk_owns_governance, "GOV-005", ("uc-ap",), set()),
    (threshold_without_range, "GOV-006", ("uc-ap",), set()),
    (system_owns_data, "DAT-005", ("data-po",), set()),
    (latency_depends, "DAT-003", ("data-grn", "ap-r3"), set()),
    (validation_unknown, "DAT-002", ("data-grn", "ap-r3"), set()),
    (origin_unknown, "DAT-004", ("data-po",), set()),
    (ownership_unknown, "DAT-001", ("data-po",), set()),
    # The link moved away from the AI step, so the check from the step's side fires too.
    (decision_on_the_current_map, "DEC-006", ("dec-ap-large",), {"RDY-003"}),
    (gap_closed_by_training, "CAP-004", ("cap-ap-judge", "role-ap-clerk"), set()),
    (tool_before_redesign, "SEQ-002", ("item-4",), {"SEQ-007"}),  # it also depends on the redesign
]


@pytest.mark.parametrize(("breaks", "code", "names", "along"), SCENARIOS, ids=lambda v: getattr(v, "__name__", None))
def test_breaking_one_principle_draws_its_rule(breaks, code, names, along):
    plan = compliant()
    breaks(plan)
    found = loud(plan) + [f for f in check_plan(plan) if f.code in along]
    hits = [f for f in found if f.code == code]
    assert len(hits) == 1, [f.message for f in found]
    assert hits[0].element_ids[: len(names)] == names
    assert {f.code for f in found} <= {code} | along, [(f.code, f.message) for f in found]
    assert "role-" not in hits[0].message and "uc-" not in hits[0].message


def test_a_redesign_that_only_adds_an_ai_flag_is_an_error():
    plan = compliant()
    ap = plan.use_case("uc-ap")
    redesign = copy.deepcopy(ap.current)
    redesign.id = "map-bolted"
    for step in redesign.steps:
        step.id = f"bolt-{step.id}"
    for flow in redesign.flows:
        flow.id, flow.source, flow.target = f"bolt-{flow.id}", f"bolt-{flow.source}", f"bolt-{flow.target}"
    redesign.steps[1].ai = AiIntervention.SURFACE
    ap.redesigned = ProcessMap.model_validate(redesign.model_dump())
    [hit] = [f for f in check_plan(plan) if f.code == "PRO-008"]
    assert hit.severity is Severity.ERROR
    assert hit.element_ids == ("uc-ap", redesign.steps[1].id)
    assert f"AI marked on '{redesign.steps[1].name}'" in hit.message


def test_a_known_answer_with_hedging_words_is_not_flagged_but_a_partly_known_one_is():
    plan = compliant()
    plan.data_source("data-grn").latency = DataAnswer(status=Knowledge.KNOWN, note="Not sure it matters: 4 hours")
    assert not loud(plan)


# --- The article's three mistakes, and AI bolted on, fail `omplanner check` --------------------


def buying_before_designing(plan):
    plan.item("item-4").start_week = 0


def training_without_role_change(plan):
    training_only(plan)


def measuring_the_pilot(plan):
    no_outcome_measure(plan)


def bolting_ai_on(plan):
    """AI added to the old way of working: no redesigned process, and the new skills only taught.
    (A roadmap that only selects and deploys draws SEQ-010, a sequencing rule, as a warning.)"""
    training_only(plan)
    no_redesign(plan)
    steps = {s.id for s in plan.use_case("uc-ap").current.steps}
    for decision in plan.decisions:  # what pointed at the redesign now points at nothing
        decision.step = decision.step if decision.step in steps else None
    for source in plan.data_sources:
        source.used_by = [s for s in source.used_by if s in steps]
    for score in plan.scores:
        score.elements = [e for e in score.elements if not e.startswith("ap-r")]
    plan.comments = [c for c in plan.comments if not c.element.startswith("ap-r")]  # went with their steps


@pytest.mark.parametrize(
    "mistake", [buying_before_designing, training_without_role_change, measuring_the_pilot, bolting_ai_on]
)
def test_check_exits_1_on_each_mistake(mistake, tmp_path, capsys):
    plan = compliant()
    path = tmp_path / "plan.omplan"
    save_plan(plan, path)
    assert main(["check", str(path)]) == 0
    mistake(plan)
    save_plan(plan, path)
    assert main(["check", str(path)]) == 1
    assert "ERROR" in capsys.readouterr().out


def test_a_capability_fix_builds_the_skill_into_the_job_so_it_draws_no_new_finding():
    plan = compliant()
    plan.capabilities = [c for c in plan.capabilities if c.id != "cap-ap-monitor"]
    [finding] = [f for f in check_plan(plan) if f.code == "CAP-003"]
    before = {(f.code, f.element_ids) for f in check_plan(plan)}
    finding.fix.command.apply(plan)
    after = {(f.code, f.element_ids) for f in check_plan(plan)}
    assert after < before  # a requirement with no say in the job would have drawn CAP-004
