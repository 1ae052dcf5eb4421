"""Quick capture as fast as talking: a role typed once, minutes, a question's two answers,
rows pasted from a spreadsheet. Each builds what a facilitator would have drawn."""

from __future__ import annotations

import pytest

from omplanner.fileio import load_plan, save_plan
from omplanner.model import StepKind
from omplanner.process import CaptureError, capture_command, parse_capture
from omplanner.rules import check_plan

AP_PROCESS = """\
AP clerk: start: invoice arrives
key into ERP 4m
Matching agent: match to order (1 min)
AP clerk: match agrees?
 no: query the supplier 10m
AP team lead: approve 2m
amount over limit?
 yes: Controller: sign off 5m
 no: handoff: pass to payments
Payments: pay the supplier 3m
file the invoice
end: invoice paid
"""


def _map(plan):
    pmap = plan.use_case("uc-forecast").current
    assert not pmap.steps
    return pmap


def test_a_line_with_no_role_is_done_by_the_role_above():
    steps = parse_capture("AP clerk: open the mailbox\nread the e-mail\n- tag it\n: file it\nAI: sort it")
    assert [(s.role, s.name) for s in steps] == [
        ("AP clerk", "open the mailbox"),
        ("AP clerk", "read the e-mail"),
        ("AP clerk", "tag it"),
        ("AP clerk", "file it"),
        ("AI", "sort it"),
    ]


@pytest.mark.parametrize(
    ("line", "name", "minutes"),
    [
        ("Clerk: key it (5 min)", "key it", 5),
        ("Clerk: key it 5m", "key it", 5),
        ("Clerk: key it 2.5 mins", "key it", 2.5),
        ("Clerk: key it (1 h)", "key it", 60),
        ("Clerk: check 2 invoices", "check 2 invoices", 0),
        ("Clerk: 5m", "5m", 0),
    ],
)
def test_minutes_at_the_end_of_a_line(line, name, minutes):
    (step,) = parse_capture(line)
    assert (step.name, step.minutes) == (name, minutes)


def test_a_question_with_yes_and_no_lines_has_both_exits_and_the_work_goes_on(example_plan):
    pmap = _map(example_plan)
    capture_command(example_plan, pmap.id, AP_PROCESS).apply(example_plan)
    names = {s.id: s.name for s in pmap.steps}
    flows = {(names[f.source], names[f.target], f.label) for f in pmap.flows}
    assert {
        ("match agrees?", "query the supplier", "no"),
        ("match agrees?", "approve", "yes"),  # the answer not typed goes on to the next line
        ("query the supplier", "approve", ""),
        ("amount over limit?", "sign off", "yes"),
        ("amount over limit?", "pass to payments", "no"),
        ("sign off", "pay the supplier", ""),
        ("pass to payments", "pay the supplier", ""),
        ("file the invoice", "invoice paid", ""),
    } <= flows
    assert ("amount over limit?", "pay the supplier", "") not in flows  # both answers were typed
    by_name = {s.name: s for s in pmap.steps}
    assert by_name["amount over limit?"].kind == StepKind.DECISION
    assert by_name["pass to payments"].kind == StepKind.HANDOFF
    assert by_name["invoice paid"].kind == StepKind.END
    assert by_name["query the supplier"].minutes == 10
    lanes = {r.id: r.name for r in example_plan.roles}
    assert lanes[by_name["sign off"].lane] == "Controller"
    assert lanes[by_name["query the supplier"].lane] == "AP clerk"  # the question's role
    assert lanes[by_name["file the invoice"].lane] == "Payments"
    assert len({(s.x, s.y) for s in pmap.steps}) == len(pmap.steps)  # no two steps on one spot


def test_a_captured_map_saves_opens_and_draws_no_finding_about_its_questions(example_plan, tmp_path):
    pmap = _map(example_plan)
    capture_command(example_plan, pmap.id, AP_PROCESS).apply(example_plan)
    save_plan(example_plan, tmp_path / "p.omplan")
    reopened = load_plan(tmp_path / "p.omplan")
    assert len(reopened.use_case("uc-forecast").current.steps) == 12
    questions = {s.id for s in pmap.steps if s.kind == StepKind.DECISION}
    about = [f for f in check_plan(example_plan) if questions & {e.id for e in f.elements}]
    assert about == []


def test_rows_pasted_from_a_spreadsheet_read_as_role_step_minutes():
    pasted = "Role\tStep\tMinutes\nAP clerk\tkey into ERP\t4\n\tcheck totals\t1.5\nAP team lead\tapprove?\t\n"
    steps = parse_capture(pasted)
    assert [(s.role, s.name, s.minutes, s.kind) for s in steps] == [
        ("AP clerk", "key into ERP", 4, StepKind.TASK),
        ("AP clerk", "check totals", 1.5, StepKind.TASK),
        ("AP team lead", "approve?", 0, StepKind.DECISION),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("yes: approve", 'line 1: "yes:" gives an answer'),
        ("Clerk: ok?\nyes: a\nyes: b", 'line 3: the question above already has a "yes:"'),
        ("Clerk: a\nClerk: end: done\nno: b", 'line 3: "no:" gives an answer'),
        ("Clerk:   ", "line 1: say what is done"),
    ],
)
def test_lines_that_cannot_be_read_are_named(text, message):
    with pytest.raises(CaptureError, match=message):
        parse_capture(text)


def test_a_capture_is_one_undoable_edit(example_plan):
    pmap = _map(example_plan)
    before = example_plan.model_dump()
    command = capture_command(example_plan, pmap.id, AP_PROCESS)
    command.apply(example_plan)
    command.revert(example_plan)
    assert example_plan.model_dump() == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Clerk: ok\nClerk: " + "x" * 40_000, "line 2: the step name is longer than the 10,000 characters"),
        ("Clerk: a\udc80b", "line 1: the step name holds a broken character"),
        ("Cl\udc80erk: a", "line 1: the role name holds a broken character"),
    ],
)
def test_names_the_plan_would_refuse_are_named_by_line(example_plan, text, message):
    """Pasted text can hold a 40,000-character cell or half an emoji: the dialog names the line
    instead of failing with the model's own error."""
    with pytest.raises(CaptureError, match=message):
        capture_command(example_plan, example_plan.use_case("uc-forecast").current.id, text)
