"""Importing is one undoable edit: the map replaced, roles added; undo gives the plan back."""

from __future__ import annotations

from omplanner.bpmn import import_command, read_bpmn
from omplanner.model import check_integrity

from .bpmn_support import MIWG
from .test_bpmn_export import _example


def test_importing_a_reference_replaces_the_map_and_undo_restores_the_plan():
    plan = _example()
    before = plan.model_copy(deep=True)
    uc = plan.use_cases[0]
    path = MIWG / "A.4.0.bpmn"
    result = read_bpmn(path.read_bytes(), plan, uc.current.id, path)
    assert plan == before  # reading changes nothing
    command = import_command(plan, result)
    command.apply(plan)
    assert [s.name for s in uc.current.steps] == [s.name for s in result.pmap.steps]
    assert len(uc.current.flows) == 9 and len(uc.current.lanes) == 3
    assert {r.id for r in result.new_roles} <= {r.id for r in plan.roles}
    assert check_integrity(plan) == []
    command.revert(plan)
    assert plan == before


def test_lanes_match_roles_by_our_id_then_by_name():
    plan = _example()
    uc = plan.use_cases[0]
    raw = (MIWG / "A.4.0.bpmn").read_bytes()
    first = read_bpmn(raw, plan, uc.current.id)
    assert {m.how for m in first.lanes} == {"new"}
    # Once a lane's name is a role of the plan, the lane lands in that role.
    plan.roles[0].name = first.lanes[0].lane_name
    again = read_bpmn(raw, plan, uc.current.id)
    assert again.lanes[0].how == "name" and again.lanes[0].role_id == plan.roles[0].id
    assert len(again.new_roles) == len(first.new_roles) - 1


def test_the_report_lists_every_degradation_with_code_name_and_id():
    plan = _example()
    result = read_bpmn((MIWG / "B.1.0.bpmn").read_bytes(), plan, plan.use_cases[0].current.id)
    report = result.report()
    for item in result.degradations:
        assert item.code in report and item.id in report
    assert "Uses automatic layout" in report


def test_our_own_export_imported_again_changes_nothing_and_keeps_what_refers_to_its_steps():
    from omplanner.bpmn import export_map

    plan = _example()
    before = plan.model_copy(deep=True)
    for uc, variant, pmap in list(plan.maps()):
        result = read_bpmn(export_map(plan, uc, variant), plan, pmap.id)
        import_command(plan, result).apply(plan)
    assert plan == before


def test_what_referred_to_a_replaced_step_is_mended_as_a_deletion_would():
    plan = _example()
    uc = plan.use_cases[0]
    current, redesigned = {s.id for s in uc.current.steps}, {s.id for s in uc.redesigned.steps}
    pointing = [d for d in plan.decisions if d.step in redesigned]
    users = [d for d in plan.data_sources if not redesigned.isdisjoint(d.used_by)]
    lineage = [s.id for s in uc.redesigned.steps if s.derived_from in current]
    assert pointing and users and lineage  # the example links decisions, data and lineage to its maps
    raw = (MIWG / "A.1.0.bpmn").read_bytes()
    import_command(plan, read_bpmn(raw, plan, uc.current.id)).apply(plan)
    assert all(uc.redesigned.step(step_id).derived_from is None for step_id in lineage)
    import_command(plan, read_bpmn(raw, plan, uc.redesigned.id)).apply(plan)
    assert all(d.step is None for d in pointing)
    assert all(redesigned.isdisjoint(d.used_by) for d in users)
    assert check_integrity(plan) == []


def test_a_comment_on_a_replaced_step_goes_with_it_is_named_in_the_preview_and_undo_brings_it_back():
    from omplanner.bpmn import consequences
    from omplanner.commands import add_comment

    plan = _example()
    uc = plan.use_cases[0]
    step = uc.redesigned.steps[0]
    add_comment(plan, step.id, "Check this step with the AP lead", "Ana").apply(plan)
    before = [c.model_copy() for c in plan.comments]
    result = read_bpmn((MIWG / "A.1.0.bpmn").read_bytes(), plan, uc.redesigned.id)
    assert "Comment 'Check this step with the AP lead' is removed with the replaced step it is on" in consequences(
        plan, result
    )
    command = import_command(plan, result)
    command.apply(plan)
    assert [c.text for c in plan.comments if c.element == step.id] == []
    assert check_integrity(plan) == []
    command.revert(plan)
    assert plan.comments == before


def test_the_preview_names_what_loses_its_link_before_anything_changes():
    from omplanner.bpmn import consequences

    plan = _example()
    uc = plan.use_cases[0]
    result = read_bpmn((MIWG / "A.1.0.bpmn").read_bytes(), plan, uc.redesigned.id)
    lines = consequences(plan, result)
    assert "Decision 'Post an invoice that matches within tolerance' loses its link (step) to a replaced step" in lines
    assert any(line.startswith("Data source 'Supplier invoices' loses its link (used by)") for line in lines)
    # Our own export imported again replaces nothing that anything points at.
    from omplanner.bpmn import export_map

    assert consequences(plan, read_bpmn(export_map(plan, uc, "redesigned"), plan, uc.redesigned.id)) == []
