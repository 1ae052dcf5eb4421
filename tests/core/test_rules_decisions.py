"""Each decision-rights rule: a decision that breaks it and one that satisfies it."""

from __future__ import annotations

from omplanner.model import AiIntervention, Autonomy, Decision, Threshold

from .rules_plans import ai_process, base_plan, codes, findings


def plan_with(**fields):
    plan = base_plan()
    ai_process(plan)
    defaults = dict(id="dec", name="Post the invoice", use_case="uc-1", step="s2", accountable=["lead"])
    defaults.update(fields)
    plan.decisions.append(Decision(**defaults))
    return plan


def test_dec001_two_accountable_roles_and_the_fix():
    plan = plan_with(accountable=["lead", "senior"])
    [f] = findings(plan, "DEC-001")
    assert f.message == (
        "Decision 'Post the invoice' at 'Match invoice' in 'Invoices' has 2 accountable roles "
        "(Team lead and Finance director); one must answer for it."
    )
    f.fix.command.apply(plan)
    assert plan.decision("dec").accountable == ["lead"]
    assert "DEC-001" not in codes(plan)


def test_dec001_no_accountable_role():
    [f] = findings(plan_with(accountable=[]), "DEC-001")
    assert f.message.endswith("has no accountable role.") and f.fix is None


def test_dec002_ai_alone_without_a_threshold():
    plan = plan_with(autonomy=Autonomy.AI_ALONE, audit_trail=True, override_authority="lead")
    [f] = findings(plan, "DEC-002")
    assert "no governance threshold watches it" in f.message
    f.fix.command.apply(plan)
    assert plan.use_cases[0].governance.thresholds[-1].covers == ["dec"]
    assert "DEC-002" not in codes(plan)
    f.fix.command.revert(plan)
    plan.use_cases[0].governance.thresholds.append(Threshold(id="t", metric="Wrong postings", covers=["dec"]))
    assert "DEC-002" not in codes(plan)


def test_dec003_ai_alone_without_audit_trail():
    plan = plan_with(autonomy=Autonomy.AI_ALONE)
    [f] = findings(plan, "DEC-003")
    f.fix.command.apply(plan)
    assert plan.decision("dec").audit_trail is True
    assert "DEC-003" not in codes(plan)


def test_dec003_confirmed_decisions_need_no_audit_trail():
    assert "DEC-003" not in codes(plan_with(autonomy=Autonomy.HUMAN_CONFIRMS))


def test_dec004_never_ai_decision_at_an_ai_step():
    plan = plan_with(autonomy=Autonomy.NEVER_AI)
    [f] = findings(plan, "DEC-004")
    assert f.message == (
        "Decision 'Post the invoice' is marked never-AI, but it is taken at 'Match invoice', a step the AI "
        "performs (Matching agent)."
    )
    plan.decision("dec").step = "s3"
    assert "DEC-004" not in codes(plan)


def test_dec005_ai_recommendation_without_override_authority():
    plan = plan_with(autonomy=Autonomy.HUMAN_CONFIRMS)
    [f] = findings(plan, "DEC-005")
    assert "The AI recommends decision 'Post the invoice'" in f.message
    f.fix.command.apply(plan)
    assert plan.decision("dec").override_authority == "lead"
    assert "DEC-005" not in codes(plan)


def test_dec005_not_asked_of_decisions_without_ai():
    plan = plan_with(autonomy=Autonomy.HUMAN_CONFIRMS, step="s3")
    assert plan.use_cases[0].redesigned.step("s3").ai is AiIntervention.NONE
    assert "DEC-005" not in codes(plan)
