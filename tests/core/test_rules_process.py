"""Each process rule: a redesigned map that breaks it and one that satisfies it."""

from __future__ import annotations

from omplanner.model import AiIntervention, CapabilityKind, StepKind

from .rules_plans import add_map, ai_process, base_plan, capability, codes, findings, step

AI = AiIntervention.AUTOMATE


def test_pro001_ai_step_without_exception_route_and_its_fix():
    plan = base_plan()
    ai_process(plan, route=None)
    [f] = findings(plan, "PRO-001")
    assert f.message == (
        "'Match invoice' in the redesigned 'Invoices' process is done by the AI, but has no exception route: "
        "when the AI is unsure (10 % of cases), nobody is designated to take over."
    )
    f.fix.command.apply(plan)
    pmap = plan.use_cases[0].redesigned
    handler = pmap.step(pmap.step("s2").exception_route)
    assert handler.lane == "clerk" and handler.name == "Handle exceptions from 'Match invoice'"
    assert "PRO-001" not in codes(plan) and "PRO-002" not in codes(plan)
    assert all(handler.id not in f.element_ids for f in findings(plan, "PRO-005"))
    f.fix.command.revert(plan)
    assert pmap.step("s2").exception_route is None and len(pmap.steps) == 4


def test_pro001_satisfied_by_a_route_and_not_asked_of_surfacing_steps():
    plan = base_plan()
    ai_process(plan)
    plan.use_cases[0].redesigned.step("s3").ai = AiIntervention.SURFACE
    assert "PRO-001" not in codes(plan)


def test_pro002_exception_route_that_leads_nowhere():
    plan = base_plan()
    ai_process(plan)
    plan.use_cases[0].redesigned.flows = [f for f in plan.use_cases[0].redesigned.flows if f.source != "s3"]
    [f] = findings(plan, "PRO-002")
    assert "goes to 'Resolve mismatch', which leads nowhere" in f.message
    f.fix.command.apply(plan)
    assert "PRO-002" not in codes(plan)


def test_pro002_route_into_an_end_step_is_fine():
    plan = base_plan()
    ai_process(plan, route="s4")
    assert "PRO-002" not in codes(plan)


def _three_ai_steps(route_lanes):
    plan = base_plan()
    steps = [step("st", "clerk", StepKind.START)]
    flows = []
    prev = "st"
    for n, lane in enumerate(route_lanes):
        steps.append(step(f"a{n}", "agent", ai=AI, exception_route=f"h{n}", exception_rate=10))
        steps.append(step(f"h{n}", lane))
        flows += [(prev, f"a{n}"), (f"h{n}", f"a{n}")]
        prev = f"a{n}"
    steps.append(step("en", "clerk", StepKind.END))
    flows.append((prev, "en"))
    add_map(plan, steps, flows)
    plan.use_cases[0].tractability.monthly_volume = 1000
    return plan


def test_pro003_all_exceptions_on_one_role():
    plan = _three_ai_steps(["clerk", "clerk", "clerk"])
    [f] = findings(plan, "PRO-003")
    assert f.message == (
        "All 3 exception routes of the redesigned 'Invoices' process land on Clerk, about 300 cases a month: "
        "one role carries every case the AI cannot handle."
    )


def test_pro003_exceptions_spread_over_roles():
    assert "PRO-003" not in codes(_three_ai_steps(["clerk", "lead", "clerk"]))


def test_pro004_handoff_to_nobody():
    plan = base_plan()
    add_map(
        plan,
        [
            step("st", "clerk", StepKind.START),
            step("h", "clerk", StepKind.HANDOFF, name="Pass on"),
            step("en", "clerk", StepKind.END),
        ],
        [("st", "h"), ("h", "en")],
    )
    [f] = findings(plan, "PRO-004")
    assert f.message.startswith("Handoff 'Pass on' in the redesigned 'Invoices' process passes the work to nobody")
    plan.use_cases[0].redesigned.steps.insert(2, step("t", "lead"))
    add_map(plan, plan.use_cases[0].redesigned.steps, [("st", "h"), ("h", "t"), ("t", "en")])
    assert "PRO-004" not in codes(plan)


def test_pro005_unreachable_and_dead_end_steps_in_either_map():
    plan = base_plan()
    add_map(
        plan,
        [
            step("st", "clerk", StepKind.START),
            step("a", "clerk", name="Key in"),
            step("orphan", "clerk", name="Old check"),
            step("dead", "clerk", name="File copy"),
            step("en", "clerk", StepKind.END),
        ],
        [("st", "a"), ("a", "en"), ("a", "dead"), ("orphan", "en")],
        variant="current",
    )
    [f] = findings(plan, "PRO-005")
    assert f.message == (
        "The current 'Invoices' process cannot reach 'Old check' from its start; it never gets from "
        "'File copy' to an end."
    )
    assert set(f.element_ids) == {"orphan", "dead"}


def test_pro005_connected_map_and_exception_routes_count_as_paths():
    plan = base_plan()
    ai_process(plan)
    assert "PRO-005" not in codes(plan)


def test_pro006_nobody_downstream_can_check_the_ai():
    plan = base_plan()
    ai_process(plan)
    [f] = findings(plan, "PRO-006")
    assert "Nobody downstream of 'Match invoice'" in f.message
    f.fix.command.apply(plan)
    assert plan.capabilities[-1].role == "clerk"
    assert "PRO-006" not in codes(plan)


def test_pro006_a_validator_downstream_is_enough():
    plan = base_plan()
    ai_process(plan)
    plan.capabilities.append(capability("clerk", CapabilityKind.OUTPUT_VALIDATION, uc=None))
    assert "PRO-006" not in codes(plan)
