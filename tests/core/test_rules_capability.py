"""Capability rules: roles beside the AI without the skills the redesign asks of them."""

from __future__ import annotations

import pytest

from omplanner.model import AiIntervention, CapabilityKind, Decision, StepKind

from .rules_plans import add_map, ai_process, base_plan, capability, codes, findings, step


def surfacing_plan():
    plan = base_plan()
    add_map(
        plan,
        [
            step("st", "clerk", StepKind.START),
            step("s", "lead", ai=AiIntervention.SURFACE, name="Approve with risk flags", exception_route="h"),
            step("h", "clerk", name="Investigate flag"),
            step("en", "clerk", StepKind.END),
        ],
        [("st", "s"), ("s", "en"), ("h", "en")],
    )
    return plan


@pytest.mark.parametrize(
    ("code", "kind", "role", "message"),
    [
        (
            "CAP-001",
            CapabilityKind.OUTPUT_VALIDATION,
            "lead",
            "Team lead works with the AI's output at 'Approve with risk flags' in 'Invoices', but has no "
            "output-validation requirement.",
        ),
        (
            "CAP-002",
            CapabilityKind.EXCEPTION_JUDGEMENT,
            "clerk",
            "Clerk takes the exceptions of 'Approve with risk flags' in 'Invoices', but has no "
            "exception-judgement requirement.",
        ),
    ],
)
def test_roles_at_ai_steps_without_their_skill(code, kind, role, message):
    plan = surfacing_plan()
    [f] = findings(plan, code)
    assert f.message == message
    f.fix.command.apply(plan)
    assert (plan.capabilities[-1].role, plan.capabilities[-1].capability) == (role, kind)
    assert code not in codes(plan)


def test_a_requirement_for_another_use_case_does_not_count():
    plan = surfacing_plan()
    plan.capabilities.append(capability("lead", CapabilityKind.OUTPUT_VALIDATION, uc="uc-2"))
    assert "CAP-001" in codes(plan)


def test_cap003_no_one_monitors_and_the_fix_picks_the_accountable_role():
    plan = base_plan()
    ai_process(plan)
    plan.decisions.append(Decision(id="d", name="Post", use_case="uc-1", step="s2", accountable=["senior"]))
    [f] = findings(plan, "CAP-003")
    assert f.message == (
        "The redesigned 'Invoices' process has 1 AI step, but no role is required to monitor it for drift."
    )
    f.fix.command.apply(plan)
    assert plan.capabilities[-1].role == "senior"
    assert "CAP-003" not in codes(plan)


def test_cap003_a_process_without_ai_needs_no_monitor():
    plan = base_plan()
    add_map(plan, [step("st", "clerk", StepKind.START), step("en", "clerk", StepKind.END)], [("st", "en")])
    assert "CAP-003" not in codes(plan)
