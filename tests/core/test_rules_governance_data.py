"""Governance and data rules: plans that break them and plans that satisfy them."""

from __future__ import annotations

import pytest

from omplanner.model import DataSource, ItemKind, Threshold, UseCaseStatus
from omplanner.rules.data_rules import is_vague

from .rules_plans import ai_process, base_plan, codes, findings, item

GOV = ["GOV-001", "GOV-002", "GOV-003", "GOV-004"]


def governed_plan():
    plan = base_plan()
    gov = plan.use_cases[0].governance
    gov.owner_name = "Priya Shah"
    gov.thresholds.append(Threshold(id="t", metric="Wrong postings", upper=1))
    gov.escalation_path = ["lead", "senior"]
    gov.autonomy_statement = "The agent posts matched invoices up to 10,000."
    return plan


@pytest.mark.parametrize(
    ("code", "blank", "words"),
    [
        ("GOV-001", {"owner_name": ""}, "names no owner"),
        ("GOV-002", {"thresholds": []}, "sets no thresholds to watch it by"),
        ("GOV-003", {"escalation_path": []}, "has no escalation path"),
        ("GOV-004", {"autonomy_statement": ""}, "does not say what the AI may decide on its own"),
    ],
)
def test_governance_gaps_of_a_use_case_in_pilot(code, blank, words):
    plan = governed_plan()
    plan.use_cases[0].status = UseCaseStatus.PILOT
    assert not set(GOV) & set(codes(plan))
    for field, value in blank.items():
        setattr(plan.use_cases[0].governance, field, value)
    [f] = findings(plan, code)
    assert f.message == f"'Invoices' is in pilot, but its governance {words}."
    assert f.elements[1].name == "Governance of 'Invoices'"


def test_a_candidate_deploying_on_the_roadmap_needs_governance_too():
    plan = base_plan()
    plan.roadmap.append(item("x", ItemKind.DEPLOYMENT, "uc-2", 12))
    found = [f for f in findings(plan, "GOV-001")]
    assert [f.message for f in found] == ["'E-mails' goes live in week 14, but its governance names no owner."]


def test_gov003_fix_proposes_the_accountable_roles(example_plan):
    [f] = [f for f in findings(example_plan, "GOV-003") if f.use_case_id == "uc-email"]
    assert f.fix.description == "Escalate to Customer service lead"
    f.fix.command.apply(example_plan)
    assert example_plan.use_case("uc-email").governance.escalation_path == ["role-cs-lead"]
    assert "GOV-003" not in codes(example_plan)


def test_a_candidate_not_deploying_needs_no_governance_yet():
    assert not set(GOV) & set(codes(base_plan()))


def source(**fields):
    values = dict(id="src", name="Goods receipts", system="WMS", owner_role="lead", validation="Checked nightly")
    values.update(latency="Same day", used_by=["s2"])
    values.update(fields)
    return DataSource(**values)


@pytest.mark.parametrize(
    ("code", "fields", "tail"),
    [
        ("DAT-001", {"owner_role": None}, "but nobody owns its quality."),
        ("DAT-002", {"validation": ""}, "but nothing says how it is validated."),
        ("DAT-002", {"validation": "Usually fine"}, 'but its validation is "Usually fine".'),
        ("DAT-003", {"latency": "It depends"}, 'but how fast it arrives is "It depends".'),
        ("DAT-003", {"latency": " "}, "but nobody has said how fast it arrives."),
    ],
)
def test_data_feeding_an_ai_step(code, fields, tail):
    plan = base_plan()
    ai_process(plan)
    plan.data_sources.append(source())
    assert not {"DAT-001", "DAT-002", "DAT-003"} & set(codes(plan))
    for name, value in fields.items():
        setattr(plan.data_sources[0], name, value)
    [f] = findings(plan, code)
    assert f.message == f"Data source 'Goods receipts' (WMS) feeds the AI at 'Match invoice' in 'Invoices', {tail}"
    assert f.use_case_id == "uc-1" and f.element_ids == ("src", "s2")


def test_data_read_only_by_people_is_not_checked():
    plan = base_plan()
    ai_process(plan)
    plan.data_sources.append(source(owner_role=None, validation="", latency="", used_by=["s3"]))
    assert not {"DAT-001", "DAT-002", "DAT-003"} & set(codes(plan))


@pytest.mark.parametrize("answer", ["", "It depends.", "usually fine", "None yet", "TBD", "should be fine, mostly"])
def test_vague_answers(answer):
    assert is_vague(answer)


@pytest.mark.parametrize("answer", ["Same day", "Three-way match in the ERP", "Real time", "Yearly clean-up"])
def test_real_answers(answer):
    assert not is_vague(answer)
