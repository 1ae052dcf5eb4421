"""The laws of the file and of edits: save then load is the identity; revert undoes apply exactly."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from omplanner.commands import AddEntity, CommandError, Macro, MoveEntity, RemoveEntity, SetFields, remove_cascade
from omplanner.fileio import load_plan, parse_plan, plan_to_json, save_plan
from omplanner.model import Plan, RoadmapItem, Role, Step, check_integrity, iter_places

from .strategies import names, plans

FEW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FEW
@given(plans())
def test_generated_plans_are_valid(plan):
    assert check_integrity(plan) == []


@FEW
@given(plans())
def test_save_then_load_is_the_identity(tmp_path_factory, plan):
    target = tmp_path_factory.mktemp("rt") / "plan.omplan"
    save_plan(plan, target, touch=False)
    loaded = load_plan(target)
    assert loaded == plan
    assert plan_to_json(loaded) == target.read_text(encoding="utf-8")


def test_save_then_load_is_the_identity_on_the_examples(tmp_path, example_plan):
    from omplanner.paths import example_names, example_path

    for name in example_names():
        plan = load_plan(example_path(name))
        save_plan(plan, tmp_path / f"{name}.omplan", touch=False)
        assert load_plan(tmp_path / f"{name}.omplan") == plan
    # The example is stored exactly as the app writes it, so saving it unchanged changes no byte.
    assert plan_to_json(example_plan) == example_path("distributor").read_text(encoding="utf-8")


def _listed(plan: Plan) -> list:
    """Entities that sit in a list (and so can be removed or moved on their own)."""
    return [place for place in iter_places(plan) if place.index is not None]


def _check_revert(plan: Plan, command, may_be_refused: bool = False) -> None:
    before = plan_to_json(plan)
    try:
        command.apply(plan)
    except CommandError:
        assert may_be_refused
        assert plan_to_json(plan) == before  # a refused edit leaves the plan as it was
        return
    # The edit leaves a plan that would load: no dangling reference, no invalid value.
    assert parse_plan(plan_to_json(plan).encode()) == plan
    command.revert(plan)
    assert plan_to_json(plan) == before


@FEW
@given(plans(), st.data())
def test_add_then_revert(plan, data):
    maps = [m for _, _, m in plan.maps() if m.lanes]
    if maps and data.draw(st.booleans()):
        pmap = data.draw(st.sampled_from(maps))
        entity = Step(id="new-step", name=data.draw(names), lane=data.draw(st.sampled_from(pmap.lanes)))
        command = AddEntity(pmap.id, "steps", entity, index=data.draw(st.integers(0, len(pmap.steps))))
    elif data.draw(st.booleans()):
        entity = RoadmapItem(id="new-item", title=data.draw(names), depends_on=[i.id for i in plan.roadmap[:2]])
        command = AddEntity(None, "roadmap", entity, index=data.draw(st.integers(0, len(plan.roadmap))))
    else:
        command = AddEntity(None, "roles", Role(id="new-role", name=data.draw(names)))
    _check_revert(plan, command)


@FEW
@given(plans(), st.data())
def test_remove_move_and_cascade_then_revert(plan, data):
    listed = _listed(plan)
    if not listed:
        return
    place = data.draw(st.sampled_from(listed))
    length = len(getattr(place.owner, place.field))
    _check_revert(plan, MoveEntity(place.entity.id, data.draw(st.integers(0, length - 1))))
    _check_revert(plan, remove_cascade(plan, place.entity.id))
    # A bare removal of what others name is refused (mending them is the cascade's work); one
    # that is made reverts exactly.
    _check_revert(plan, RemoveEntity(place.entity.id), may_be_refused=True)


@FEW
@given(plans(), st.data())
def test_set_fields_then_revert(plan, data):
    choices = [SetFields("details", {"title": data.draw(names), "notes": "changed"})]
    for uc in plan.use_cases:
        choices.append(
            SetFields(
                uc.id,
                {
                    "tractability.definition": data.draw(st.integers(1, 5)),
                    "pilot_kpi.value": 42.5,
                    "name": data.draw(names),
                },
            )
        )
    for item in plan.roadmap:
        choices.append(SetFields(item.id, {"start_week": data.draw(st.integers(0, 520)), "depends_on": []}))
    for _, _, pmap in plan.maps():
        for step in pmap.steps:
            choices.append(SetFields(step.id, {"x": 1.5, "y": -2.0, "ai": "automate"}))
    _check_revert(plan, data.draw(st.sampled_from(choices)))


def test_every_command_kind_reverts_on_the_example(example_plan):
    """The same laws on a real plan, where cascades reach far (a use case owns maps and decisions)."""
    plan = example_plan
    uc = plan.use_cases[0]
    step = uc.redesigned.steps[1]
    commands = [
        AddEntity(uc.redesigned.id, "steps", Step(id="new", name="New step", lane=step.lane), index=0),
        RemoveEntity(plan.roadmap[-1].id),
        RemoveEntity(uc.current.flows[0].id),
        SetFields(uc.id, {"tractability.monthly_volume": 99, "pilot_kpi.metric": "Touchless %"}),
        SetFields(step.id, {"x": step.x + 40, "y": step.y + 10}),
        MoveEntity(plan.use_cases[-1].id, 0),
        remove_cascade(plan, uc.id),
        remove_cascade(plan, step.id),
        remove_cascade(plan, plan.roles[0].id),
        Macro("Two edits", [SetFields("details", {"title": "Other"}), MoveEntity(plan.roles[0].id, 3)]),
    ]
    for command in commands:
        snapshot = copy.deepcopy(plan)
        _check_revert(plan, command)
        assert plan == snapshot
